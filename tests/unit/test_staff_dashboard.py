"""The staff dashboard's figures: the SQL answers equal the reference definitions (live, in the
past, across the Asia/Karachi midnight), the derived tables survive a rebuild, a merge and an
upgrade from schema 2, and halls map gates and warn at 90 % and 100 % of their capacity."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import parse_event
from kiosk.core.dashboard import HallMap, occupancy_level
from tests.helpers.oracles import arrivals_from_scans, inside_by_gate_from_scans, recent_from_scans
from kiosk.core.desk import ScanRecord
from kiosk.core.errors import KioskError
from kiosk.core.timeutil import local_day, to_utc_text
from kiosk.storage.dashboard_sql import arrivals, dashboard, inside_by_gate, recent_scans
from kiosk.storage.db import _statements, migrate
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.merged import DerivedDelta, MergedStore
from kiosk.storage.schema import KIOSK_MIGRATIONS, SCAN_COLUMNS
from tests.helpers.oracles import REBUILD_DERIVED
from tests.helpers.factories import DAYS, local

TZ = "Asia/Karachi"
OUTCOMES = ["accepted", "reentry", "duplicate", "exited", "unknown", "revoked"]
HALLS = HallMap.build({"Hall 1": 4, "Hall 2": 10}, {"Hall 1": ["Gate 1", "Gate 1B"]})


def record(who, outcome, at, gate="Gate 1", kiosk="k1", category="visitor") -> ScanRecord:
    return ScanRecord(
        scan_id=str(uuid.uuid4()), kiosk_id=kiosk, gate=gate, venue="lahore",
        direction="out" if outcome == "exited" else "in", at_utc=to_utc_text(at),
        day=local_day(at, TZ).isoformat(), code=who or "sha256:x", attendee_id=who,
        category=category if who else None, outcome=outcome, reason="r")


def kiosk_db(path, records, names=None) -> KioskStore:
    store = KioskStore.open(path, create=True)
    for who, name in (names or {}).items():
        store.conn.execute("INSERT INTO attendees (id, name, category) VALUES (?, ?, 'visitor')",
                           (who, name))
    for r in records:
        store.append_scan(r)
    return store


# -- halls ------------------------------------------------------------------------------------
def test_halls_take_listed_gates_and_gates_named_like_them():
    halls = HallMap.build({"Hall 1": 100, "Hall 2": 50, "Hall 3": 10}, {"Hall 1": ["Gate 1", "North Door"]})
    assert halls.hall_of("gate 1") == "Hall 1"
    assert halls.hall_of("North  Door") == "Hall 1"
    assert halls.hall_of("HALL 2") == "Hall 2"  # not listed, but named like the hall
    assert halls.hall_of("Gate 7") is None and halls.hall_of("") is None
    occupancy, elsewhere = halls.occupancy({"Gate 1": 60, "North Door": 30, "Hall 2": 45,
                                            "Gate 7": 5, "": 2})
    by_hall = {h.hall: h for h in occupancy}
    assert [h.hall for h in occupancy] == ["Hall 1", "Hall 2", "Hall 3"]
    assert (by_hall["Hall 1"].inside, by_hall["Hall 1"].level, by_hall["Hall 1"].percent) == (90, "warning", 90)
    assert (by_hall["Hall 2"].inside, by_hall["Hall 2"].level) == (45, "warning")
    assert (by_hall["Hall 3"].inside, by_hall["Hall 3"].level) == (0, "ok")
    assert elsewhere == {"Gate 7": 5, "": 2}


@pytest.mark.parametrize("inside,level", [(0, "ok"), (899, "ok"), (900, "warning"), (999, "warning"),
                                          (1000, "alarm"), (1400, "alarm")])
def test_warning_from_90_percent_alarm_from_100(inside, level):
    assert occupancy_level(inside, 1000) == level
    assert occupancy_level(inside, None) == "none"


def test_event_toml_hall_gates_are_checked():
    base = 'id = "itcn-x"\nname = "X"\ndays = [2026-12-01]\nvenues = ["lahore"]\n'
    model = parse_event(base + 'capacity = {"Hall 1" = 10}\n[hall_gates]\n"Hall 1" = ["Gate 1"]\n')
    assert model.hall_gates == {"Hall 1": ["Gate 1"]}
    with pytest.raises(KioskError, match="leads into both"):
        parse_event(base + '[hall_gates]\n"Hall 1" = ["Gate 1"]\n"Hall 2" = ["gate 1"]\n')
    with pytest.raises(KioskError, match="positive"):
        parse_event(base + 'capacity = {"Hall 1" = 0}\n')


# -- worked example -------------------------------------------------------------------------------
def test_worked_example_across_midnight(tmp_path):
    """A day worked out by hand, with the Asia/Karachi midnight falling inside a UTC day."""
    d = DAYS[1]
    before = d - timedelta(days=1)
    records = [
        record("Y", "accepted", local(before, 23, 50), gate="Gate 1"),  # yesterday, 18:50 UTC
        record("A", "accepted", local(d, 0, 10), gate="Gate 1"),        # today, 19:10 UTC the day before
        record("B", "accepted", local(d, 0, 20), gate="Hall 2"),
        record("C", "accepted", local(d, 10, 5), gate="Gate 1B"),
        record("A", "exited", local(d, 11, 0), gate="Exit 1"),
        record("A", "reentry", local(d, 11, 30), gate="Hall 2"),
        record("B", "duplicate", local(d, 11, 31), gate="Hall 2"),
        record("D", "accepted", local(d, 11, 40), gate="Gate 9"),
        record("D", "reentry", local(d, 11, 40), gate="Gate 1"),        # same moment: "Gate 9" wins
        record(None, "unknown", local(d, 11, 45), gate="Gate 1"),
    ]
    store = kiosk_db(tmp_path / "k.db", records, {"A": "Ahmed Khan", "B": "Bilal", "C": "Chen", "D": "Dua"})
    data = dashboard(store.conn, local(d, 12, 0), TZ, HALLS, scope="kiosk")
    count = data.headcount
    assert count.day == d.isoformat()
    assert (count.unique_checked_in, count.inside_now) == (4, 4)
    assert (count.accepted_scans, count.refused_scans, count.exit_scans) == (6, 2, 1)
    assert data.inside_by_gate == {"Gate 1B": 1, "Hall 2": 2, "Gate 9": 1}
    halls = {h.hall: (h.inside, h.capacity, h.level) for h in data.halls}
    assert halls == {"Hall 1": (1, 4, "ok"), "Hall 2": (2, 10, "ok")}
    assert data.inside_elsewhere == {"Gate 9": 1}
    # First entries per local quarter hour; 00:10 and 00:20 are today's, 23:50 is yesterday's.
    assert data.arrivals_today == {"00:00": 1, "00:15": 1, "10:00": 1, "11:30": 1}
    assert data.arrivals_yesterday == {"23:45": 1}
    assert [r.at_utc for r in data.recent] == sorted((r.at_utc for r in records[1:]), reverse=True)
    assert data.recent[0].name == "" and data.recent[-1].name == "Ahmed Khan"
    # Just after midnight only today's first two quarters count, and yesterday is complete.
    early = dashboard(store.conn, local(d, 0, 15), TZ, HALLS, scope="kiosk")
    assert early.arrivals_today == {"00:00": 1} and early.arrivals_yesterday == {"23:45": 1}
    assert early.headcount.inside_now == 1 and early.inside_by_gate == {"Gate 1": 1}
    assert [r.attendee_id for r in early.recent] == ["A"]
    store.close()


def test_a_full_hall_raises_the_alarm(tmp_path):
    d = DAYS[0]
    records = [record(f"P{i}", "accepted", local(d, 10, i), gate="Gate 1" if i % 2 else "Gate 1B")
               for i in range(5)]
    store = kiosk_db(tmp_path / "k.db", records)
    data = dashboard(store.conn, local(d, 12), TZ, HALLS, scope="kiosk")
    hall = next(h for h in data.halls if h.hall == "Hall 1")
    assert (hall.inside, hall.level, hall.percent) == (5, "alarm", 125)
    store.append_scan(record("P0", "exited", local(d, 12, 1), gate="Exit"))
    store.append_scan(record("P1", "exited", local(d, 12, 2), gate="Exit"))
    data = dashboard(store.conn, local(d, 12, 5), TZ, HALLS, scope="kiosk")
    hall = next(h for h in data.halls if h.hall == "Hall 1")
    assert (hall.inside, hall.level) == (3, "ok")
    store.close()


# -- against the reference -------------------------------------------------------------------------
moments = st.integers(min_value=0, max_value=2 * 24 * 60 - 1).map(
    lambda m: local(DAYS[0], 0) - timedelta(hours=3) + timedelta(minutes=m))
# A few shared moments make ties (two entries at once at different gates) common.
busy_moments = st.sampled_from([local(DAYS[0], 0, 0), local(DAYS[0], 0, 5), local(DAYS[0], 10, 0),
                                local(DAYS[0], 23, 59), local(DAYS[1], 0, 0)])
scan_strategy = st.tuples(
    st.sampled_from(["A", "B", "C", "D", None]),
    st.sampled_from(OUTCOMES),
    st.one_of(moments, busy_moments),
    st.sampled_from(["Gate 1", "Gate 1B", "Hall 2", "Gate 9", ""]),
)


def derived(conn) -> list:
    return [conn.execute(q).fetchall() for q in (
        "SELECT * FROM daily_attendance ORDER BY 1, 2",
        "SELECT day, gate, n FROM inside_counts WHERE n > 0 ORDER BY 1, 2",
        "SELECT * FROM day_counts ORDER BY 1",
        "SELECT * FROM arrival_counts WHERE n > 0 ORDER BY 1, 2, 3")]


@given(scans=st.lists(scan_strategy, max_size=40), probe=moments)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_sql_dashboard_equals_the_reference(tmp_path_factory, scans, probe):
    folder = tmp_path_factory.mktemp("dash")
    records = [record(who, outcome, at, gate=gate) for who, outcome, at, gate in scans]
    names = {"A": "Ahmed", "B": "Bilal", "C": "Chen", "D": "Dua"}
    store = kiosk_db(folder / "k.db", records, names)
    rows = [r.as_row() for r in records]
    for at in (probe, datetime(2030, 1, 1, tzinfo=timezone.utc), probe + timedelta(hours=20)):
        assert inside_by_gate(store.conn, at, TZ) == inside_by_gate_from_scans(rows, at, TZ)
        day = local_day(at, TZ).isoformat()
        until = to_utc_text(at)
        assert arrivals(store.conn, day, TZ, until) == arrivals_from_scans(rows, at, TZ)
        got = recent_scans(store.conn, day, until, 5)
        want = recent_from_scans(rows, at, TZ, names, 5)
        assert [r.at_utc for r in got] == [r.at_utc for r in want]
        by_time = {}
        for r in recent_from_scans(rows, at, TZ, names, 100):
            by_time.setdefault(r.at_utc, []).append(r)
        assert all(r in by_time[r.at_utc] for r in got)
    # The derived tables equal a rebuild from the log, and a merge of the log into a new file.
    live = derived(store.conn)
    merged = MergedStore.open(folder / "merged.db")
    delta = DerivedDelta(offset=0)
    delta.add([tuple(r.as_row()[c] for c in SCAN_COLUMNS) for r in records])
    merged.conn.execute("BEGIN")
    delta.apply(merged.conn)
    merged.conn.execute("COMMIT")
    assert derived(merged.conn) == live
    merged.close()
    store.conn.execute("BEGIN")
    for statement in _statements(REBUILD_DERIVED):
        store.conn.execute(statement)
    store.conn.execute("COMMIT")
    assert derived(store.conn) == live
    store.close()


@pytest.mark.parametrize("gates", [("Gate 9", "Gate 1"), ("Gate 1", "Gate 9")])
def test_two_entries_at_once_count_at_the_greater_gate_in_every_store(tmp_path, gates):
    at = local(DAYS[0], 10)
    records = [record("A", "accepted", at, gate=gates[0]), record("A", "reentry", at, gate=gates[1])]
    store = kiosk_db(tmp_path / "k.db", records)
    assert inside_by_gate(store.conn, at, TZ) == {"Gate 9": 1}
    merged = MergedStore.open(tmp_path / "merged.db")
    delta = DerivedDelta(offset=0)
    for r in records:  # one row per batch, as bundles may bring them
        delta.add([tuple(r.as_row()[c] for c in SCAN_COLUMNS)])
    merged.conn.execute("BEGIN")
    delta.apply(merged.conn)
    merged.conn.execute("COMMIT")
    assert derived(merged.conn) == derived(store.conn)
    assert inside_by_gate(merged.conn, at, TZ) == {"Gate 9": 1}
    merged.close()
    store.close()


def test_a_schema_2_kiosk_db_is_upgraded_with_its_presence(tmp_path):
    """kiosk.db files written before staff mode get last gates, inside counts and the search
    index from what they hold."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, KIOSK_MIGRATIONS[:2], "old kiosk database")
    conn.execute("INSERT INTO attendees (id, name, category, phone) VALUES "
                 "('A', 'Ahmed Khan', 'visitor', '+92 300 1234567')")
    d = DAYS[0]
    records = [record("A", "accepted", local(d, 10), gate="Gate 1"),
               record("A", "reentry", local(d, 11), gate="Hall 2"),
               record("B", "accepted", local(d, 10, 30), gate="Gate 1B"),
               record("B", "exited", local(d, 12), gate="Exit")]
    cols = ", ".join(SCAN_COLUMNS)
    for r in records:
        conn.execute(f"INSERT INTO scans ({cols}) VALUES ({', '.join('?' * len(SCAN_COLUMNS))})",
                     [getattr(r, c) for c in SCAN_COLUMNS])
    conn.close()
    store = KioskStore.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == max(v for v, _ in KIOSK_MIGRATIONS)
    assert inside_by_gate(store.conn, local(d, 13), TZ) == {"Hall 2": 1}
    assert derived(store.conn)[1] == [(d.isoformat(), "Hall 2", 1)]
    store.append_scan(record("B", "reentry", local(d, 13), gate="Gate 1"))
    assert inside_by_gate(store.conn, local(d, 14), TZ) == {"Hall 2": 1, "Gate 1": 1}
    from kiosk.storage.attendee_search import search_attendees

    assert [h.attendee.id for h in search_attendees(store.conn, "1234567")] == ["A"]
    store.close()


def test_an_old_database_opened_read_only_is_answered_from_the_log(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn, KIOSK_MIGRATIONS[:2], "old kiosk database")
    r = record("A", "accepted", local(DAYS[0], 10), gate="Gate 1")
    conn.execute(f"INSERT INTO scans ({', '.join(SCAN_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(SCAN_COLUMNS))})", [getattr(r, c) for c in SCAN_COLUMNS])
    conn.close()
    store = KioskStore.open(path, readonly=True)
    data = dashboard(store.conn, local(DAYS[0], 12), TZ, HALLS, scope="kiosk")
    assert data.inside_by_gate == {"Gate 1": 1} and data.halls[0].inside == 1
    store.close()


@pytest.mark.parametrize("gates", [("Gate 1B", "Gate 1"), ("Gate 1", "Gate 1B")])
def test_rebuild_oracle_breaks_first_entry_ties_as_the_triggers_do(tmp_path, gates):
    """Two entries of one attendee at the same moment: the first one logged is the first entry
    (its gate is where they arrived), in the triggers and in the rebuild alike."""
    at = local(DAYS[0], 10)
    store = kiosk_db(tmp_path / "k.db", [record("A", "accepted", at, gate=gates[0]),
                                         record("A", "reentry", at, gate=gates[1])])
    live = derived(store.conn)
    store.conn.execute("BEGIN")
    for statement in _statements(REBUILD_DERIVED):
        store.conn.execute(statement)
    store.conn.execute("COMMIT")
    assert derived(store.conn) == live
    assert store.conn.execute("SELECT first_gate FROM daily_attendance").fetchone()[0] == gates[0]
    store.close()
