"""The live hub on a real PostgreSQL server: pushing, pulling, anti-passback, outages, reports.

Kiosks here are real kiosk folders whose database belongs to one worker thread each, as in the
running app; the sync service runs in its own thread and reaches the database through that
worker. Waiting is on the service's status reports and the anti-passback view, never on sleeps.
"""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import psycopg
import pytest

from kiosk.cli import main
from tests.helpers.oracles import headcount_from_scans
from tests.helpers.hub_oracles import hub_headcount_sql
from kiosk.sync.hub_copy import HubCopy
from kiosk.sync.hub_dashboard import hub_headcount_at
from kiosk.organiser.roster_import import import_roster
from kiosk.storage.outbox import Outbox
from kiosk.storage.roster import revocation_key, set_revocation
from kiosk.services.dashboard import HubDashboard
from kiosk.sync.hub import HUB_MIGRATIONS, HUB_SCHEMA, HubClient
from kiosk.sync.live import HubSyncService, KioskSide, RemoteAttendanceView, SyncStatus, sync_once
from tests.helpers.dbthread import KioskOnThread
from tests.helpers.factories import DAYS, ROSTER, local, make_event, make_kiosk, write_roster_csv
from tests.helpers.scanlog import synthetic_rows, write_kiosk_db

pytestmark = pytest.mark.postgres

TZ = "Asia/Karachi"
DAY = DAYS[0].isoformat()
WAIT = 30  # seconds; generous for a loaded machine, and only reached when something is wrong


class StatusWatcher:
    """Collects a service's status reports; ``wait_for`` blocks until one satisfies a test."""

    def __init__(self):
        self.latest: SyncStatus | None = None
        self._cond = threading.Condition()

    def __call__(self, status: SyncStatus) -> None:
        with self._cond:
            self.latest = status
            self._cond.notify_all()

    def wait_for(self, predicate, timeout: float = WAIT) -> SyncStatus:
        with self._cond:
            if not self._cond.wait_for(lambda: self.latest is not None and predicate(self.latest),
                                       timeout):
                raise AssertionError(f"timed out waiting; last status: {self.latest}")
            return self.latest


def cli(*args: str, capsys) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hub(hub_url, capsys):
    code, _, err = cli("hub", "init", hub_url, capsys=capsys)
    assert code == 0, err
    return hub_url


@pytest.fixture
def running():
    """Start kiosks with live sync; everything is stopped and closed afterwards."""
    started = []

    def start(folder, hub_url, **service_kwargs):
        view = RemoteAttendanceView()
        kiosk = KioskOnThread(folder, remote_attendance=view)
        watcher = StatusWatcher()
        service = HubSyncService(hub_url, kiosk.info(), kiosk.side(), today=lambda: DAY,
                                 view=view, on_status=watcher, poll_seconds=2,
                                 backoff=(0.2, 1.0), timeout=3, **service_kwargs)
        service.start()
        started.append((service, kiosk))
        return kiosk, service, watcher, view

    yield start
    for service, kiosk in started:
        service.stop()
        kiosk.close()


def hub_scan_ids(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute("SELECT scan_id FROM scans")}


# -- schema ---------------------------------------------------------------------------------------
def test_hub_init_is_versioned_and_can_be_repeated(hub_url, capsys):
    code, out, _ = cli("hub", "init", hub_url, "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["migrations_applied"] == [1, 2, 3, 4]
    code, out, _ = cli("hub", "init", hub_url, "--json", capsys=capsys)
    first_id = json.loads(out)["hub_id"]
    assert code == 0 and json.loads(out)["migrations_applied"] == []
    with psycopg.connect(hub_url, autocommit=True) as conn:
        conn.execute("UPDATE hub_meta SET value = '99' WHERE key = 'schema_version'")
    code, _, err = cli("hub", "init", hub_url, capsys=capsys)
    assert code == 1 and "newer than this program" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("hub", "status", hub_url, capsys=capsys)
    assert code == 1 and "upgrade the kiosk software" in err
    with psycopg.connect(hub_url, autocommit=True) as conn:
        conn.execute("UPDATE hub_meta SET value = %s WHERE key = 'schema_version'",
                     (str(HUB_SCHEMA),))
    code, out, _ = cli("hub", "status", hub_url, "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["hub_id"] == first_id


def test_a_hub_of_the_previous_schema_is_upgraded_in_place(hub_url, tmp_path, event, capsys):
    """A hub made before walk-ins and kiosk health (schema 2), with a kiosk's pushes on it:
    kiosks refuse it until `kiosk hub init` adds their tables and columns, keeping every row."""
    with psycopg.connect(hub_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE hub_meta (key text PRIMARY KEY, value text NOT NULL)")
        for version, script in HUB_MIGRATIONS[:2]:
            conn.execute(script)
        conn.execute("INSERT INTO hub_meta VALUES ('schema_version', '2'), ('hub_id', 'old-hub')")
        conn.execute("INSERT INTO kiosks (kiosk_id, scans, last_push_at) "
                     "VALUES ('kiosk-old', 12, '2026-12-01 09:00+05')")
    kiosk = make_kiosk(tmp_path, event, name="kiosk-a")
    code, _, err = cli("push", "--kiosk", str(kiosk.path), "--hub", hub_url, capsys=capsys)
    assert code == 1 and "older schema (2); run: kiosk hub init" in err
    code, out, err = cli("hub", "init", hub_url, "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["migrations_applied"] == [3, 4], err
    code, _, err = cli("push", "--kiosk", str(kiosk.path), "--hub", hub_url, capsys=capsys)
    assert code == 0, err
    with HubClient.connect(hub_url) as hub:
        rows = {k.kiosk_id: k for k in hub.kiosks()}
    assert rows["kiosk-old"].scans == 12 and rows["kiosk-old"].last_push_at.startswith(
        "2026-12-01T04:00:00") and rows["kiosk-old"].last_contact_at is None
    assert rows["kiosk-a"].pending == 0 and rows["kiosk-a"].last_contact_at


def test_a_database_that_is_not_a_hub_is_named_as_such(hub_url, kiosk, capsys):
    code, _, err = cli("push", "--kiosk", str(kiosk.path), "--hub", hub_url, capsys=capsys)
    assert code == 1 and "kiosk hub init" in err and len(err.strip().splitlines()) == 1


# -- pushing ------------------------------------------------------------------------------------
def test_push_sends_each_scan_once(hub, tmp_path, event, capsys):
    kiosk = make_kiosk(tmp_path, event)
    first = KioskOnThread(kiosk)
    for minute, code in enumerate(["V-001", "V-002", "nobody", "E-001"]):
        first.check_in(code, at=local(DAYS[0], 11, minute))
    first.close()

    code, out, err = cli("push", "--kiosk", str(kiosk.path), "--hub", hub, "--json",
                         capsys=capsys)
    assert code == 0, err
    assert (json.loads(out)["inserted"], json.loads(out)["pending"]) == (4, 0)
    code, out, _ = cli("push", "--kiosk", str(kiosk.path), "--hub", hub, "--json", capsys=capsys)
    assert (json.loads(out)["pushed"], json.loads(out)["inserted"]) == (0, 0)

    again = KioskOnThread(kiosk)
    again.check_in("V-001", at=local(DAYS[0], 15), direction="out")
    local_ids = again.run(lambda: {s["scan_id"] for s in again.store.scans()})
    again.close()
    code, out, _ = cli("push", "--kiosk", str(kiosk.path), "--hub", hub, "--json", capsys=capsys)
    assert json.loads(out)["inserted"] == 1
    assert hub_scan_ids(hub) == local_ids

    code, out, _ = cli("hub", "status", hub, "--json", capsys=capsys)
    status = json.loads(out)
    assert status["scans"] == 5 and status["event_id"] == event.model.id
    assert [(k["kiosk_id"], k["pushed_seq"], k["scans"]) for k in status["kiosks"]] == \
        [("kiosk-1", 5, 5)]


def test_a_hub_rebuilt_at_the_same_address_gets_everything_again(hub, tmp_path, event, capsys):
    kiosk = make_kiosk(tmp_path, event)
    k = KioskOnThread(kiosk)
    k.check_in("V-001", at=local(DAYS[0], 11))
    k.close()
    assert cli("push", "--kiosk", str(kiosk.path), "--hub", hub, capsys=capsys)[0] == 0
    with psycopg.connect(hub, autocommit=True) as conn:
        conn.execute("DROP TABLE scans, kiosks, attendees, revocations, kiosk_keys, walk_ins, hub_meta "
                     "CASCADE")
        conn.execute("DROP FUNCTION kiosk_hub_notify, kiosk_hub_known_kiosk")
    assert cli("hub", "init", hub, capsys=capsys)[0] == 0
    code, out, _ = cli("push", "--kiosk", str(kiosk.path), "--hub", hub, "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["inserted"] == 1


def test_a_kiosk_of_another_event_is_turned_away(hub, tmp_path, event, capsys):
    from datetime import date

    assert cli("push", "--kiosk", str(make_kiosk(tmp_path, event).path), "--hub", hub,
               capsys=capsys)[0] == 0
    other = make_event(tmp_path / "other", roster=None, days=[date(2027, 1, 5)])
    stranger = make_kiosk(tmp_path / "other", other, name="kiosk-x")
    code, _, err = cli("push", "--kiosk", str(stranger.path), "--hub", hub, capsys=capsys)
    assert code == 1 and "belongs to event" in err and len(err.strip().splitlines()) == 1


def test_an_unreachable_hub_loses_nothing(tmp_path, kiosk, capsys):
    k = KioskOnThread(kiosk)
    k.check_in("V-001", at=local(DAYS[0], 11))
    k.close()
    code, _, err = cli("push", "--kiosk", str(kiosk.path), "--hub",
                       "postgresql://nobody@127.0.0.1:9/nothing", capsys=capsys)
    assert code == 1 and "nothing is lost" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("push", "--kiosk", str(kiosk.path), capsys=capsys)
    assert code == 1 and "kiosk hub attach" in err


# -- reading the hub ----------------------------------------------------------------------------
@pytest.fixture
def busy_hub(hub, tmp_path, event):
    """Three kiosks' synthetic days pushed to the hub; returns (url, rows, merged db path)."""
    toml = (event.path / "event.toml").read_text()
    all_rows, bundles = [], []
    for n, role in enumerate(["entry", "entry", "exit"]):
        rows = synthetic_rows(f"kiosk-{n}", "lahore", f"Gate {n}", list(DAYS[:2]), 400,
                              attendees=120, seed=n, role=role)
        store, model = write_kiosk_db(tmp_path / f"kiosk-{n}", toml, event.model.id,
                                      f"kiosk-{n}", "lahore", f"Gate {n}", rows, role=role)
        from kiosk.sync.bundle import export_bundle
        from kiosk.sync.hub import KioskInfo

        info = KioskInfo(kiosk_id=model.kiosk_id, event_id=event.model.id, event_toml=toml,
                         venue="lahore", gate=model.gate, role=role)
        result = sync_once(hub, info, KioskSide.direct(Outbox(store)), batch_size=150)
        assert result.inserted == 400 and result.batches == 3
        bundles.append(export_bundle(store, model, tmp_path / f"k{n}.bundle")["bundle"])
        store.close()
        all_rows += rows
    from kiosk.sync.merge import merge_bundles

    merged = tmp_path / "merged.db"
    merge_bundles(bundles, merged)
    scans = [dict(zip(("scan_id", "kiosk_id", "gate", "venue", "direction", "at_utc", "day",
                       "code", "attendee_id", "category", "outcome", "reason", "method", "note"),
                      r)) for r in all_rows]
    return hub, scans, merged


def test_hub_headcounts_match_the_reference_definition(busy_hub, capsys):
    url, scans, merged = busy_hub
    with HubClient.connect(url) as hub:
        copy = HubCopy()
        for day in DAYS[:2]:
            for hh, mm in ((9, 0), (10, 30), (12, 15), (14, 0), (17, 59), (23, 0)):
                moment = local(day, hh, mm)
                got = hub_headcount_at(hub, copy, moment, TZ).to_json()
                want = headcount_from_scans(scans, moment, TZ).to_json()
                in_pg = hub_headcount_sql(hub, moment, TZ).to_json()
                for each in (got, want, in_pg):
                    each.pop("source")
                assert got == want == in_pg, moment
        copy.close()
    # A staff screen at a kiosk with a hub sees the event-wide figures.
    at_one = local(DAYS[0], 13)
    source = HubDashboard(url, clock=lambda: at_one)
    shown = source.fetch()
    source.close()
    assert shown.headcount.unique_checked_in == headcount_from_scans(scans, at_one, TZ).unique_checked_in
    assert shown.scope == "hub" and not shown.problem
    moment = local(DAYS[0], 13).isoformat()
    from_hub = json.loads(cli("headcount", "--hub", url, "--at", moment, "--json", capsys=capsys)[1])
    from_db = json.loads(cli("headcount", "--db", str(merged), "--at", moment, "--json",
                             capsys=capsys)[1])
    from_hub.pop("source"), from_db.pop("source")
    assert from_hub == from_db and from_hub["unique_checked_in"] > 0


def test_report_from_the_hub_equals_report_from_the_merged_file(busy_hub, tmp_path, capsys):
    url, _, merged = busy_hub
    assert cli("report", "--hub", url, "--out", str(tmp_path / "r-hub"), capsys=capsys)[0] == 0
    assert cli("report", "--db", str(merged), "--out", str(tmp_path / "r-db"), capsys=capsys)[0] == 0
    for name in ("attendance_by_day.csv", "attendance_by_category.csv", "attendance_by_gate.csv",
                 "attendance_by_hour.csv", "first_checkins.csv", "refusals.csv"):
        assert (tmp_path / "r-hub" / name).read_text() == (tmp_path / "r-db" / name).read_text(), name


# -- live sync ----------------------------------------------------------------------------------
def test_a_badge_accepted_at_one_kiosk_is_a_duplicate_at_another(hub, tmp_path, event, running):
    a, service_a, watch_a, _ = running(make_kiosk(tmp_path, event, name="kiosk-a"), hub)
    b, service_b, watch_b, view_b = running(make_kiosk(tmp_path, event, name="kiosk-b",
                                                       gate="Gate 2"), hub)
    watch_a.wait_for(lambda s: s.online)
    watch_b.wait_for(lambda s: s.online)

    assert a.check_in("V-001", at=local(DAYS[0], 11)).outcome.value == "accepted"
    service_a.wake()
    assert view_b.wait_for(DAY, "V-001", WAIT)
    at_b = b.check_in("V-001", at=local(DAYS[0], 11, 1))
    assert (at_b.outcome.value, at_b.reason) == ("duplicate", "within_window")
    # Outside the window it is a re-entry, not a first entry: B knows A's entry.
    later = b.check_in("V-001", at=local(DAYS[0], 11, 10))
    assert later.outcome.value == "reentry"
    # Someone B has never heard of is simply accepted.
    assert b.check_in("V-002", at=local(DAYS[0], 11, 11)).outcome.value == "accepted"
    service_b.wake()
    watch_b.wait_for(lambda s: s.pushed_total == 3)
    assert len(hub_scan_ids(hub)) == 4


def test_the_hub_going_down_and_coming_back_loses_nothing(own_pg_server, tmp_path, event,
                                                          running, capsys):
    url = own_pg_server.url(own_pg_server.create_database())
    assert cli("hub", "init", url, capsys=capsys)[0] == 0
    kiosk, service, watcher, _ = running(make_kiosk(tmp_path, event), url)
    watcher.wait_for(lambda s: s.online)
    for minute in range(3):
        kiosk.check_in(f"V-00{minute + 1}", at=local(DAYS[0], 11, minute))
    service.wake()
    watcher.wait_for(lambda s: s.online and s.pushed_total == 3 and s.pending == 0)

    own_pg_server.stop()
    service.wake()
    watcher.wait_for(lambda s: not s.online)
    # The gate keeps working offline; every scan is committed locally.
    outcomes = [kiosk.check_in(code, at=local(DAYS[0], 12, i)).outcome.value
                for i, code in enumerate(["E-001", "P-001", "M-001", "V-001", "nobody"])]
    assert outcomes == ["accepted", "accepted", "accepted", "reentry", "unknown"]
    assert kiosk.run(lambda: kiosk.outbox.pending_count()) == 5

    own_pg_server.start()
    watcher.wait_for(lambda s: s.online and s.pushed_total == 8 and s.pending == 0)
    local_ids = kiosk.run(lambda: {s["scan_id"] for s in kiosk.store.scans()})
    assert hub_scan_ids(url) == local_ids and len(local_ids) == 8


def test_roster_additions_and_revocations_reach_running_kiosks(hub, tmp_path, event, running,
                                                               capsys):
    assert cli("hub", "publish", hub, "--event", str(event.path), capsys=capsys)[0] == 0
    a, service_a, watch_a, _ = running(make_kiosk(tmp_path, event, name="kiosk-a"), hub)
    b, service_b, watch_b, _ = running(make_kiosk(tmp_path, event, name="kiosk-b"), hub)
    watch_a.wait_for(lambda s: s.online)
    watch_b.wait_for(lambda s: s.online)
    assert a.check_in("LATE-07", at=local(DAYS[0], 11)).outcome.value == "unknown"

    # The organiser registers a late visitor and blocks a lost badge, then publishes.
    late = write_roster_csv(tmp_path / "late.csv", ROSTER + [
        ("LATE-07", "Late Seven", "visitor", "", "", "", "", "")])
    with event.store() as store:
        import_roster(late, store, event.rules)
        store.revoke(revocation_key("id", "V-002"), "id", reason="reported lost")
    code, out, _ = cli("hub", "publish", hub, "--event", str(event.path), "--json", capsys=capsys)
    assert json.loads(out)["attendees_changed"] >= 1 and json.loads(out)["revocations_changed"] == 1
    watch_a.wait_for(lambda s: s.roster_changes >= 2)
    assert a.check_in("LATE-07", at=local(DAYS[0], 11, 1)).outcome.value == "accepted"
    assert a.check_in("V-002", at=local(DAYS[0], 11, 2)).outcome.value == "revoked"

    # Staff at kiosk B block a badge there; kiosk A learns of it through the hub.
    b.run(lambda: set_revocation(b.store.conn, revocation_key("id", "E-001"), "id",
                                 reason="staff: badge swapped", source="kiosk kiosk-b"))
    service_b.wake()
    watch_a.wait_for(lambda s: s.roster_changes >= 3)
    assert a.check_in("E-001", at=local(DAYS[0], 11, 3)).outcome.value == "revoked"


def test_stopping_the_service_ends_its_thread(hub, tmp_path, event):
    kiosk = KioskOnThread(make_kiosk(tmp_path, event))
    watcher = StatusWatcher()
    service = HubSyncService(hub, kiosk.info(), kiosk.side(), today=lambda: DAY,
                             on_status=watcher, poll_seconds=60)
    service.start()
    watcher.wait_for(lambda s: s.online)
    service.stop(timeout=10)
    assert not service.running
    kiosk.close()


def test_attach_stores_the_hub_for_the_running_kiosk(hub, kiosk, capsys):
    code, out, _ = cli("hub", "attach", hub, "--kiosk", str(kiosk.path), "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["reachable"] is True
    assert "hub_url" in (kiosk.path / "kiosk.toml").read_text()
    code, out, _ = cli("push", "--kiosk", str(kiosk.path), "--json", capsys=capsys)
    assert code == 0
    assert cli("hub", "detach", "--kiosk", str(kiosk.path), capsys=capsys)[0] == 0
    code, _, err = cli("push", "--kiosk", str(kiosk.path), capsys=capsys)
    assert code == 1 and "no hub" in err


def test_headcount_window_end_is_inclusive_on_the_hub(busy_hub):
    """A scan exactly at the moment asked about counts, as in the reference."""
    url, scans, _ = busy_hub
    first = min((s for s in scans if s["outcome"] == "accepted"), key=lambda s: s["at_utc"])
    from kiosk.core.timeutil import from_utc_text

    moment = from_utc_text(first["at_utc"])
    with HubClient.connect(url) as hub:
        copy = HubCopy()
        assert hub_headcount_at(hub, copy, moment, TZ).unique_checked_in == 1
        assert hub_headcount_at(hub, copy, moment - timedelta(microseconds=1),
                                TZ).unique_checked_in == 0
        copy.close()


def test_push_watch_sends_scans_another_process_records(hub, tmp_path, event):
    """`kiosk push --watch` in one process; `kiosk checkin` in another; the scan reaches the hub."""
    import os
    import queue
    import signal
    import subprocess
    import sys

    kiosk = make_kiosk(tmp_path, event)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    watcher = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "push", "--watch", "--json", "--kiosk", str(kiosk.path),
         "--hub", hub], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(json.loads(x)) for x in watcher.stdout],
                     daemon=True).start()

    def next_status(predicate):
        while True:
            try:
                status = lines.get(timeout=WAIT)
            except queue.Empty:
                raise AssertionError("no status line from kiosk push --watch") from None
            if predicate(status):
                return status

    try:
        next_status(lambda s: s["online"])
        checkin = subprocess.run(
            [sys.executable, "-m", "kiosk", "checkin", "V-001", "--kiosk", str(kiosk.path),
             "--at", local(DAYS[0], 11).isoformat(), "--json"],
            capture_output=True, text=True, env=env, timeout=WAIT)
        assert checkin.returncode == 0, checkin.stderr
        scan_id = json.loads(checkin.stdout)["scan_id"]
        next_status(lambda s: s["pushed_total"] == 1 and s["pending"] == 0)
        assert hub_scan_ids(hub) == {scan_id}
    finally:
        watcher.send_signal(signal.SIGINT)
        assert watcher.wait(timeout=WAIT) == 0


# -- each kiosk's health on the hub ----------------------------------------------------------------
def test_running_kiosks_report_camera_printer_and_pending_to_the_hub(hub, tmp_path, event,
                                                                      running, capsys):
    health = {"facts": ("ok", "none")}
    a, service, watch, _ = running(make_kiosk(tmp_path, event, name="kiosk-a"), hub,
                                   health=lambda: health["facts"], health_seconds=3600)
    # a kiosk that has reported but never pushed a scan: known to the hub, no push yet
    status = watch.wait_for(lambda s: s.online)

    def row(kiosk_id="kiosk-a"):
        with HubClient.connect(hub) as client:
            return next((k for k in client.kiosks() if k.kiosk_id == kiosk_id), None)

    first = row()
    assert first is not None and first.last_push_at is None and first.scans == 0
    assert (first.camera, first.printer, first.pending) == ("ok", "none", 0)
    assert first.last_contact_at and first.health_at

    # the camera is lost and the printer runs out of paper: the hub hears of it at the next
    # round, without waiting for the (here hour-long) regular report
    rounds = service.rounds
    health["facts"] = ("lost", "media-empty,waiting:2")
    service.wake()
    watch.wait_for(lambda s: service.rounds > rounds)
    changed = row()
    assert (changed.camera, changed.printer) == ("lost", "media-empty,waiting:2")

    # unchanged health is not written again each round (a push per scan stays one write)
    a.check_in("V-001", at=local(DAYS[0], 11))
    service.wake()
    watch.wait_for(lambda s: s.pushed_total == 1)
    after = row()
    assert after.health_at == changed.health_at and after.scans == 1 and after.last_push_at

    # `kiosk push` beside the screen says how many scans wait, and keeps what the screen said
    service.stop()
    a.check_in("V-002", at=local(DAYS[0], 11, 5))
    with HubClient.connect(hub) as client:
        client.report_health(a.info(), 1)  # as an offline spell ends: one scan waiting
    assert row().pending == 1
    assert (row().camera, row().printer) == ("lost", "media-empty,waiting:2")
    code, out, err = cli("push", "--kiosk", str(a.folder.path), "--hub", hub, capsys=capsys)
    assert code == 0, err
    pushed = row()
    assert pushed.pending == 0 and pushed.scans == 2
    assert (pushed.camera, pushed.printer, pushed.health_at) == \
        ("lost", "media-empty,waiting:2", changed.health_at)
    code, out, err = cli("hub", "status", hub, capsys=capsys)
    assert code == 0 and "camera lost" in out and "printer media-empty,waiting:2" in out, out


def test_a_kiosk_the_event_does_not_know_cannot_report_health(hub, tmp_path, event, capsys):
    from kiosk.sync.hub import HubError, KioskInfo

    known = make_kiosk(tmp_path, event, name="kiosk-a")
    code, _, err = cli("hub", "publish", hub, "--event", str(event.path), capsys=capsys)
    assert code == 0, err
    stranger = KioskInfo(kiosk_id="stranger", event_id=known.model.event_id)
    with HubClient.connect(hub) as client, pytest.raises(HubError, match="not one of this event"):
        client.report_health(stranger, 0, "ok", "ok")
    with HubClient.connect(hub) as client:
        assert all(k.kiosk_id != "stranger" for k in client.kiosks())
