"""The Qt-free live-sync pieces that need no hub: the anti-passback view and the wiring."""

from __future__ import annotations

import threading

from kiosk.core.headcount import Headcount
from kiosk.core.timeutil import local_day, utcnow
from kiosk.storage.outbox import Outbox
from kiosk.services.dashboard import KioskDashboard
from kiosk.sync.hub import EntryRow
from kiosk.sync.live import KioskSide, RemoteAttendanceView, live_sync_for
from tests.helpers.factories import DAYS, local, open_desk

UNREACHABLE = "postgresql://kiosk@127.0.0.1:9/hub"


def entry(day, who, first, last, out=None, n=1):
    return EntryRow(day=day, attendee_id=who, first_in_at=first, last_in_at=last,
                    last_out_at=out, entries=n)


def test_the_view_combines_what_it_hears_and_forgets_past_days():
    view = RemoteAttendanceView()
    d1, d2 = DAYS[0].isoformat(), DAYS[1].isoformat()
    view.update([entry(d1, "v-001", local(DAYS[0], 10), local(DAYS[0], 10))])
    view.update([entry(d1, "V-001", local(DAYS[0], 12), local(DAYS[0], 12),
                       out=local(DAYS[0], 11))])
    seen = view(d1, "V-001")
    assert (seen.first_in_at, seen.last_in_at, seen.last_out_at) == (
        local(DAYS[0], 10), local(DAYS[0], 12), local(DAYS[0], 11))
    assert seen.inside
    assert view(d1, "V-002") is None
    view.update([entry(d2, "V-002", local(DAYS[1], 9), local(DAYS[1], 9))], keep_from_day=d2)
    assert view(d1, "V-001") is None and view(d2, "V-002") is not None


def test_waiting_on_the_view_ends_when_the_entry_arrives_or_times_out():
    view = RemoteAttendanceView()
    day = DAYS[0].isoformat()
    assert view.wait_for(day, "V-001", timeout=0.05) is False
    arrive = threading.Thread(target=view.update, args=(
        [entry(day, "V-001", local(DAYS[0], 10), local(DAYS[0], 10))],))
    arrive.start()
    assert view.wait_for(day, "V-001", timeout=10)
    arrive.join()


def test_the_view_is_the_desks_remote_attendance(kiosk):
    view = RemoteAttendanceView()
    desk, store = open_desk(kiosk, remote_attendance=view)
    day = DAYS[0].isoformat()
    view.update([entry(day, "V-001", local(DAYS[0], 10), local(DAYS[0], 10))])
    result = desk.check_in("V-001", at=local(DAYS[0], 10, 1))
    assert (result.outcome.value, result.reason) == ("duplicate", "within_window")
    assert desk.check_in("V-002", at=local(DAYS[0], 10, 1)).outcome.value == "accepted"
    store.close()


def test_a_kiosk_without_a_hub_gets_no_service(kiosk):
    _, store = open_desk(kiosk)
    assert live_sync_for(kiosk.model, store.get_meta("event_toml"),
                         KioskSide.direct(Outbox(store))) is None
    store.close()


def test_a_kiosk_with_a_hub_gets_a_service_for_the_events_day(kiosk):
    kiosk.update(hub_url=UNREACHABLE)
    _, store = open_desk(kiosk)
    service = live_sync_for(kiosk.model, store.get_meta("event_toml"),
                            KioskSide.direct(Outbox(store)))
    assert service is not None and not service.running
    assert service.kiosk.kiosk_id == kiosk.model.kiosk_id and service.kiosk.gate == "Gate 1"
    assert service.today() == local_day(utcnow(), "Asia/Karachi").isoformat()
    service.stop()
    store.close()


def test_an_unreachable_hub_goes_offline_and_keeps_the_count_of_waiting_scans(kiosk):
    desk, store = open_desk(kiosk)
    desk.check_in("V-001", at=local(DAYS[0], 11))
    lock = threading.Lock()

    def on_db_thread(fn):  # stands in for the app's database worker
        with lock:
            return fn()

    seen = threading.Event()
    statuses = []

    def on_status(status):
        statuses.append(status)
        seen.set()

    kiosk.update(hub_url=UNREACHABLE)
    service = live_sync_for(kiosk.model, store.get_meta("event_toml"),
                            KioskSide.direct(Outbox(store)).routed(on_db_thread),
                            on_status=on_status, timeout=1, backoff=(5, 5))
    service.start()
    assert seen.wait(30)
    service.stop()
    assert not statuses[0].online and statuses[0].pending == 1
    assert "cannot reach the hub" in statuses[0].last_error and ":9/" in statuses[0].last_error
    store.close()


def test_dashboard_falls_back_to_the_kiosk_when_the_hub_is_unreachable(kiosk):
    """A staff screen at a kiosk with a hub shows this kiosk's own figures, and says so, while
    the hub cannot be reached."""
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[0], 12))
    with store:
        desk.check_in("V-001")
        source = KioskDashboard(lambda fn: fn(store, desk), "kiosk-1", UNREACHABLE)
        source.hub.timeout = 1
        data = source.fetch()
        assert data.headcount.unique_checked_in == 1
        assert data.scope == "kiosk_only" and "cannot reach the hub" in data.problem
        source.close()
