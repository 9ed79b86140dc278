"""The staff dashboard in the running kiosk, on known scan logs: the numbers shown, their live
refresh after check-ins, hall warnings at 90 % and alarms at 100 %, the Asia/Karachi midnight,
and saying whose numbers they are. Real window, real kiosk.db, fixed clock; no sleeps."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.organiser.badges import issue_tokens
from kiosk.organiser.kioskdir import build_desk
from tests.helpers.factories import DAYS, ROSTER, local, make_event, make_kiosk

WAIT = 10_000


@pytest.fixture
def kiosk_setup(tmp_path):
    """Open around the clock, Gate 1 leads into Hall 1 (10 people), Hall 2 has no gate here."""
    extra = [(f"X-{i:03d}", f"Extra Visitor {i}", "visitor", "", "", "", "", "") for i in range(6)]
    event = make_event(tmp_path, hours="00:00-24:00", capacity={"Hall 1": 10, "Hall 2": 50},
                       hall_gates={"Hall 1": ["Gate 1"]}, roster=ROSTER + extra)
    kiosk = make_kiosk(tmp_path, event, gate="Gate 1")
    tokens = {a.id: t for a, t in issue_tokens(event)}
    return event, kiosk, tokens


def scans(kiosk, items):
    """Check people in (or out) through the real desk at given moments, before the window opens."""
    store = kiosk.open_store()
    desk = build_desk(kiosk, store)
    for code, at, direction in items:
        desk.check_in(code, at=at, direction=direction)
    store.close()


def open_dashboard(qtbot, window):
    window.unlocked = True
    window.staff.show_tool("dashboard")
    window.show_page("staff")
    dashboard = window.staff.tools["dashboard"]
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=WAIT)
    return dashboard


def fresh(qtbot, dashboard):
    """Numbers read after everything that happened so far."""
    qtbot.waitUntil(lambda: not dashboard.feed.busy, timeout=WAIT)
    with qtbot.waitSignal(dashboard.refreshed, timeout=WAIT) as blocker:
        dashboard.refresh()
    return blocker.args[0]


def tiles(dashboard) -> dict[str, str]:
    return {key: tile.value.text() for key, tile in dashboard.tiles.items()}


def hall_row(dashboard, name):
    return next(r for r in dashboard.hall_rows if r.isVisible() and r.hall.hall == name)


def test_numbers_on_screen_match_a_known_log(qtbot, make_window, kiosk_setup):
    _, kiosk, tokens = kiosk_setup
    d = DAYS[1]
    scans(kiosk, [
        (tokens["V-001"], local(d, 9, 5), "in"),
        (tokens["V-002"], local(d, 9, 20), "in"),
        (tokens["V-001"], local(d, 9, 5, 30), "in"),   # duplicate: refused (amber)
        ("NOT-ON-LIST", local(d, 9, 40), "in"),        # unknown: refused
        (tokens["E-001"], local(d, 10, 50), "in"),
        (tokens["V-002"], local(d, 11, 0), "out"),     # exit: no longer inside
        (tokens["V-001"], local(d - timedelta(days=1), 15, 0), "in"),  # yesterday
    ])
    window = make_window(at=local(d, 12))
    dashboard = open_dashboard(qtbot, window)
    data = fresh(qtbot, dashboard)
    # the duplicate is counted apart from the real refusal (the unknown code)
    assert tiles(dashboard) == {"checked_in": "3", "inside": "2", "accepted": "3", "refused": "1"}
    assert "1 duplicates apart" in dashboard.tiles["refused"].caption.text()
    assert dashboard.scope_line.text().startswith("This kiosk only (kiosk-1)")
    assert "Updated 12:00:00" in dashboard.scope_line.text()
    points = dashboard.chart.points()
    assert (9.0, 1.0) in points["today"] and (9.25, 1.0) in points["today"]  # 09:00 and 09:15
    assert (10.75, 1.0) in points["today"]                                    # 10:45
    assert (15.0, 1.0) in points["yesterday"]
    assert max(x for x, _ in points["today"]) == 12.25  # today's curve stops at now
    recent = dashboard.recent
    assert recent.rowCount() == 6
    assert [recent.item(r, 1).text() for r in range(6)] == [
        "Exited", "Accepted", "Unknown", "Accepted", "Duplicate", "Accepted"]
    assert recent.item(0, 2).text() == "Ayesha Malik" and recent.item(0, 0).text() == "11:00:00"
    gates = {dashboard.breakdowns["gate"].item(r, 0).text(): dashboard.breakdowns["gate"].item(r, 1).text()
             for r in range(dashboard.breakdowns["gate"].rowCount())}
    assert gates == {"Gate 1": "3"}
    categories = {dashboard.breakdowns["category"].item(r, 0).text()
                  for r in range(dashboard.breakdowns["category"].rowCount())}
    assert categories == {"Visitor", "Exhibitor"}
    assert data.headcount.by_hour == {"09:00": 2, "10:00": 1}
    assert hall_row(dashboard, "Hall 1").figures.text() == "2 of 10 (20 %)"
    assert hall_row(dashboard, "Hall 2").figures.text() == "0 of 50 (0 %)"


def test_hall_warns_at_90_percent_and_raises_the_alarm_at_100(qtbot, make_window, kiosk_setup):
    _, kiosk, tokens = kiosk_setup
    d = DAYS[0]
    people = [p for p in tokens if p.startswith(("V-001", "V-002", "E", "P", "M", "S", "X"))][:10]
    scans(kiosk, [(tokens[p], local(d, 10, i), "in") for i, p in enumerate(people[:8])])
    window = make_window(at=local(d, 12))
    dashboard = open_dashboard(qtbot, window)
    fresh(qtbot, dashboard)
    row = hall_row(dashboard, "Hall 1")
    assert (row.hall.inside, row.hall.level, row.bar.level) == (8, "ok", "ok")
    assert row.figures.text() == "8 of 10 (80 %)"
    # Two more arrive at the kiosk: the dashboard follows each check-in.
    window.show_page("attract")
    for expected, level, word in ((9, "warning", "Nearly full"), (10, "alarm", "FULL")):
        with qtbot.waitSignal(window.result_shown, timeout=WAIT):
            window.on_code(tokens[people[expected - 1]], 0.0)
        window.unlocked = True
        window.show_page("staff")
        fresh(qtbot, dashboard)
        row = hall_row(dashboard, "Hall 1")
        assert (row.hall.inside, row.hall.level, row.bar.level) == (expected, level, level)
        assert row.figures.text().endswith(word)
        window.show_page("attract")
    assert tiles(dashboard)["inside"] == "10"


def test_midnight_in_karachi_starts_a_new_day(qtbot, make_window, kiosk_setup):
    """23:50 on day one is yesterday at 00:10 on day two (both 18:50 and 19:05 UTC fall on
    the same UTC date)."""
    _, kiosk, tokens = kiosk_setup
    scans(kiosk, [(tokens["V-001"], local(DAYS[0], 23, 50), "in"),
                  (tokens["V-002"], local(DAYS[1], 0, 5), "in")])
    window = make_window(at=local(DAYS[1], 0, 10))
    dashboard = open_dashboard(qtbot, window)
    data = fresh(qtbot, dashboard)
    assert data.day == DAYS[1].isoformat()
    assert tiles(dashboard) == {"checked_in": "1", "inside": "1", "accepted": "1", "refused": "0"}
    points = dashboard.chart.points()
    assert points["today"] == [(0.0, 1.0), (0.25, 1.0)]
    assert (23.75, 1.0) in points["yesterday"] and (23.5, 0.0) in points["yesterday"]
    assert dashboard.recent.rowCount() == 1 and dashboard.recent.item(0, 2).text() == "Ayesha Malik"
    assert hall_row(dashboard, "Hall 1").hall.inside == 1


def test_the_dashboard_refreshes_only_while_shown(qtbot, make_window):
    window = make_window()
    dashboard = open_dashboard(qtbot, window)
    assert dashboard.timer.isActive()
    window.leave_staff()
    assert not dashboard.timer.isActive()


def test_urdu_and_chinese_dashboards_translate_their_words(qtbot, make_window, kiosk_setup):
    _, kiosk, tokens = kiosk_setup
    scans(kiosk, [(tokens["V-001"], local(DAYS[0], 10), "in")])
    window = make_window()
    window.set_language("zh")
    dashboard = open_dashboard(qtbot, window)
    fresh(qtbot, dashboard)
    QApplication.processEvents()
    assert dashboard.tiles["checked_in"].caption.text() != "Checked in today"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in dashboard.scope_line.text())
    assert dashboard.recent.item(0, 1).text() != "Accepted"
    window.set_language("ur")
    assert any("\u0600" <= ch <= "\u06ff" for ch in dashboard.halls_title.text())


def test_with_an_unreachable_hub_it_shows_this_kiosk_and_says_so(qtbot, make_window, kiosk_setup):
    _, kiosk, tokens = kiosk_setup
    scans(kiosk, [(tokens["V-001"], local(DAYS[0], 10), "in")])
    window = make_window(hub_url="postgresql://kiosk@127.0.0.1:1/hub")  # nothing listens there
    dashboard = open_dashboard(qtbot, window)
    assert dashboard.data.scope == "kiosk_only"
    assert dashboard.scope_line.text().startswith("This kiosk only (kiosk-1): the hub cannot be reached")
    assert tiles(dashboard)["checked_in"] == "1"


@pytest.mark.postgres
def test_with_a_hub_it_shows_every_kiosks_numbers(qtbot, make_window, kiosk_setup, hub_url):
    from kiosk.cli import main
    from tests.helpers.oracles import headcount_from_scans, inside_by_gate_from_scans
    from kiosk.storage.outbox import Outbox
    from kiosk.storage.schema import SCAN_COLUMNS
    from kiosk.sync.hub import KioskInfo
    from kiosk.sync.live import KioskSide, sync_once
    from tests.helpers.scanlog import synthetic_rows, write_kiosk_db

    event, kiosk, tokens = kiosk_setup
    assert main(["hub", "init", hub_url]) == 0
    toml = (event.path / "event.toml").read_text()
    rows = synthetic_rows("kiosk-2", "lahore", "Gate 1", [DAYS[0]], 300, attendees=80, seed=9)
    other, model = write_kiosk_db(kiosk.path.parent / "kiosk-2", toml, event.model.id, "kiosk-2",
                                  "lahore", "Gate 1", rows)
    sync_once(hub_url, KioskInfo.from_model(model, toml), KioskSide.direct(Outbox(other)))
    other.close()
    at = local(DAYS[0], 19)
    window = make_window(at=at, hub_url=hub_url)
    dashboard = open_dashboard(qtbot, window)
    data = fresh(qtbot, dashboard)
    assert data.scope == "hub" and data.kiosks == 1
    assert dashboard.scope_line.text().startswith("All kiosks, from the hub (kiosks: 1)")
    reference = [dict(zip(SCAN_COLUMNS, r)) for r in rows]
    assert tiles(dashboard)["checked_in"] == f"{headcount_from_scans(reference, at, 'Asia/Karachi').unique_checked_in:,}"
    assert hall_row(dashboard, "Hall 1").hall.inside == \
        inside_by_gate_from_scans(reference, at, "Asia/Karachi").get("Gate 1", 0)
