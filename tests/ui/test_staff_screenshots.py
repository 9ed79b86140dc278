"""Screenshots of the staff dashboard on a busy fair day (every kiosk's numbers, as `kiosk
dashboard --db` shows them) and of the staff tools in the kiosk, in English, Urdu and Chinese,
landscape and portrait, for people to look at: saved to $KIOSK_SCREENSHOTS (else a temporary
folder). Each one is also checked: the page fits its screen and shows the day's numbers."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.oracles import inside_by_gate_from_scans
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.schema import SCAN_COLUMNS
from kiosk.services.dashboard import DatabaseDashboard
from kiosk.ui.staff.feed import DashboardFeed
from kiosk.ui.staff.window import DashboardWindow
from tests.helpers.factories import DAYS, local, make_event
from tests.helpers.fair_day import GATES, HALL_GATES, fair_day, roster_rows
from tests.helpers.scanlog import append_rows

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
NOW = local(DAYS[1], 14, 30)
WAIT = 15_000


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("KIOSK_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def busy_db(tmp_path_factory):
    """Two days at three gates; hall capacities chosen so Hall 1 is nearly full, Hall 2 over
    capacity and Hall 3 comfortable at the moment shown."""
    base = tmp_path_factory.mktemp("busy")
    yesterday = fair_day(DAYS[0], 420, seed=2)
    today = fair_day(DAYS[1], 460, until=NOW, seed=1, peak_hour=11.0)
    rows = yesterday + today
    inside = inside_by_gate_from_scans([dict(zip(SCAN_COLUMNS, r)) for r in rows], NOW, "Asia/Karachi")
    halls = {GATES[g][1]: n for g, n in inside.items()}
    capacity = {"Hall 1": int(halls["Hall 1"] / 0.93), "Hall 2": int(halls["Hall 2"] / 1.06),
                "Hall 3": int(halls["Hall 3"] / 0.55)}
    event = make_event(base, hours="09:00-19:00", roster=roster_rows(460), capacity=capacity,
                       hall_gates=HALL_GATES)
    path = base / "merged.db"
    store = KioskStore.open(path, create=True)
    store.set_meta({"event_toml": (event.path / "event.toml").read_text(), "event_id": event.model.id})
    with event.store() as estore:
        store.conn.execute("ATTACH DATABASE ? AS event", (str(estore.path),))
        store.conn.execute("INSERT INTO main.attendees SELECT * FROM event.attendees")
        store.conn.execute("DETACH DATABASE event")
    append_rows(store, rows)
    store.close()
    return path, capacity


def settle():
    QApplication.processEvents()  # let the layouts settle, as the event loop would first
    QApplication.processEvents()


@pytest.mark.parametrize("orientation", list(SIZES))
@pytest.mark.parametrize("language", ["en", "ur", "zh"])
def test_dashboard_screenshots(qtbot, busy_db, shots, language, orientation):
    path, capacity = busy_db
    feed = DashboardFeed(DatabaseDashboard(path, merged=True, clock=lambda: NOW))
    window = DashboardWindow(feed, language=language, refresh_ms=60_000)
    qtbot.addWidget(window)
    window.resize(*SIZES[orientation])
    with qtbot.waitSignal(window.dashboard.refreshed, timeout=WAIT) as blocker:
        window.show()
        qtbot.waitExposed(window)
    data = blocker.args[0]
    settle()
    try:
        dashboard = window.dashboard
        levels = {h.hall: h.level for h in data.halls}
        assert levels == {"Hall 1": "warning", "Hall 2": "alarm", "Hall 3": "ok"}
        assert data.headcount.unique_checked_in > 300 and len(data.recent) == 20
        assert dashboard.tiles["checked_in"].value.text() == f"{data.headcount.unique_checked_in:,}"
        assert dashboard.recent.rowCount() == 20
        layout = dashboard.layout()
        assert layout.totalHeightForWidth(dashboard.width()) <= dashboard.height() + 1
        assert window.grab().save(str(shots / f"dashboard-{language}-{orientation}.png"))
    finally:
        window.shutdown()


@pytest.mark.parametrize("orientation", list(SIZES))
@pytest.mark.parametrize("language", ["en", "ur", "zh"])
def test_staff_tool_screenshots(qtbot, make_window, kiosk_setup, shots, language, orientation):
    from tests.ui.test_kiosk_screenshots import check_sizes

    _, kiosk, tokens = kiosk_setup
    window = make_window(size=SIZES[orientation], at=local(DAYS[0], 12, 5))
    for code in (tokens["V-001"], tokens["E-001"], tokens["V-001"], "ITCN-99999"):
        with qtbot.waitSignal(window.result_shown, timeout=WAIT):
            window.on_code(code, 0.0)
    window.set_language(language)
    window.unlocked = True
    window.show_page("staff")
    staff = window.staff

    def snap(name):
        settle()
        check_sizes(window, staff)
        assert window.grab().save(str(shots / f"staff-{name}-{language}-{orientation}.png"))

    dashboard = staff.tools["dashboard"]
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.data.headcount.unique_checked_in == 2,
                    timeout=WAIT)
    snap("dashboard")
    lookup = staff.tools["lookup"]
    staff.show_tool("lookup")
    with qtbot.waitSignal(lookup.searched, timeout=WAIT):
        lookup.search.setText("khan")
    snap("lookup")
    with qtbot.waitSignal(lookup.card_shown, timeout=WAIT):
        lookup.open_attendee("V-001")
    snap("card")
    lookup.card.block_button.click()
    snap("card-block-reasons")
    lookup.card.cancel_choice()
    health = staff.tools["health"]
    staff.show_tool("health")
    qtbot.waitUntil(lambda: health.values.get("last_scan", "…") != "…", timeout=WAIT)
    snap("health")
    staff.show_tool("export")
    snap("export")
