"""Local hours and quarter hours are the ones the attendee lived, on daylight-saving days too.

The scan log keeps UTC; the local quarter hour of each first entry is worked out when it is
written, from the zone's real offsets (utc_offsets), not from one offset per day. Checked
against the pure-Python reference definitions in three zones: Asia/Karachi (no daylight
saving), Europe/London and America/New_York (both change twice a year).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.desk import ScanRecord
from tests.helpers.oracles import arrivals_from_scans, headcount_from_scans
from kiosk.core.timeutil import local_day, to_utc_text, zone
from kiosk.storage.dashboard_sql import arrivals
from kiosk.storage.db import Transaction
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.presence import rebuild_presence

# A zone and a day on which its clocks change (or, for Karachi, an ordinary day).
CHANGES = [
    ("Asia/Karachi", date(2026, 12, 1)),
    ("Europe/London", date(2026, 3, 29)),    # 01:00 GMT -> 02:00 BST: a 23-hour day
    ("Europe/London", date(2026, 10, 25)),   # 02:00 BST -> 01:00 GMT: a 25-hour day
    ("America/New_York", date(2026, 3, 8)),
    ("America/New_York", date(2026, 11, 1)),
]


def record(tz: str, who, outcome: str, at: datetime, gate: str = "Gate 1") -> ScanRecord:
    return ScanRecord(
        scan_id=str(uuid.uuid4()), kiosk_id="k1", gate=gate, venue="lahore",
        direction="out" if outcome == "exited" else "in", at_utc=to_utc_text(at),
        day=local_day(at, tz).isoformat(), code=who or "sha256:x", attendee_id=who,
        category="visitor" if who else None, outcome=outcome, reason="")


def store_for(path, tz: str, day: date) -> KioskStore:
    store = KioskStore.open(path / "k.db", create=True)
    store.set_zone(tz, [day])
    return store


def at_local(tz: str, day: date, hour: int, minute: int, fold: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone(tz), fold=fold)


def test_london_spring_forward_half_past_midnight_is_hour_00(tmp_path):
    """The case that was wrong: 00:30 local on 2026-03-29 was counted in hour 01."""
    tz, day = "Europe/London", date(2026, 3, 29)
    store = store_for(tmp_path, tz, day)
    store.append_scan(record(tz, "A", "accepted", at_local(tz, day, 0, 30)))
    store.append_scan(record(tz, "B", "accepted", at_local(tz, day, 3, 10)))  # BST by then
    count = store.headcount(at_local(tz, day, 12, 0), tz)
    assert count.by_hour == {"00:00": 1, "03:00": 1}
    assert arrivals(store.conn, day.isoformat(), tz) == {"00:30": 1, "03:00": 1}
    store.close()


def test_london_fall_back_keeps_the_first_and_last_hour_apart(tmp_path):
    """On the 25-hour day 00:30 BST and 23:30 GMT are both 23:30 UTC, on different dates."""
    tz, day = "Europe/London", date(2026, 10, 25)
    store = store_for(tmp_path, tz, day)
    store.append_scan(record(tz, "A", "accepted", at_local(tz, day, 0, 30)))
    store.append_scan(record(tz, "B", "accepted", at_local(tz, day, 1, 20, fold=0)))  # BST
    store.append_scan(record(tz, "C", "accepted", at_local(tz, day, 1, 40, fold=1)))  # GMT
    store.append_scan(record(tz, "D", "accepted", at_local(tz, day, 23, 30)))
    count = store.headcount(at_local(tz, day, 23, 59), tz)
    assert count.by_hour == {"00:00": 1, "01:00": 2, "23:00": 1}
    store.close()


def test_a_kiosk_provisioned_before_knows_its_zone_once_told(tmp_path):
    """Counters written under another zone are recomputed when the event's zone is set."""
    tz, day = "America/New_York", date(2026, 11, 1)
    store = KioskStore.open(tmp_path / "k.db", create=True)  # no zone yet: Asia/Karachi's
    store.append_scan(record(tz, "A", "accepted", at_local(tz, day, 9, 5)))
    assert store.set_zone(tz, [day]) is True
    assert store.set_zone(tz, [day]) is False  # nothing to do the second time
    assert store.headcount(at_local(tz, day, 12, 0), tz).by_hour == {"09:00": 1}
    store.close()


minutes = st.integers(min_value=-6 * 60, max_value=30 * 60)
scan = st.tuples(st.sampled_from(["A", "B", "C", "D", "E", None]),
                 st.sampled_from(["accepted", "reentry", "duplicate", "exited", "unknown"]),
                 minutes, st.sampled_from(["Gate 1", "Gate 2"]))


@pytest.mark.parametrize("tz,day", CHANGES, ids=[f"{tz}-{day}" for tz, day in CHANGES])
@given(scans=st.lists(scan, max_size=30), probe=minutes)
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_counters_equal_the_reference_across_the_change(tmp_path_factory, tz, day, scans, probe):
    midnight = datetime(day.year, day.month, day.day, tzinfo=zone(tz)).astimezone(timezone.utc)
    store = store_for(tmp_path_factory.mktemp("tz"), tz, day)
    records = [record(tz, who, outcome, midnight + timedelta(minutes=m), gate)
               for who, outcome, m, gate in scans]
    for r in records:
        store.append_scan(r)
    rows = [r.as_row() for r in records]
    for at in (midnight + timedelta(minutes=probe), midnight + timedelta(days=3)):
        want = headcount_from_scans(rows, at, tz).to_json()
        got = store.headcount(at, tz).to_json()
        got["source"] = want["source"] = ""
        assert got == want
        until = None if at > midnight + timedelta(days=2) else to_utc_text(at)
        assert arrivals(store.conn, local_day(at, tz).isoformat(), tz, until=until) == \
            arrivals_from_scans(rows, at, tz)
    # the one-pass rebuild of a merge gives the triggers' counters exactly
    before = sorted(store.conn.execute("SELECT * FROM arrival_counts WHERE n > 0"))
    with Transaction(store.conn):
        rebuild_presence(store.conn)
    assert sorted(store.conn.execute("SELECT * FROM arrival_counts WHERE n > 0")) == before
    store.close()


def test_the_readable_view_shows_local_time_on_both_sides_of_the_change(tmp_path):
    """Datasette's scans_readable reads the same offsets: BST before 02:00, GMT after."""
    tz, day = "Europe/London", date(2026, 10, 25)
    store = store_for(tmp_path, tz, day)
    store.append_scan(record(tz, "A", "accepted", at_local(tz, day, 0, 30)))
    store.append_scan(record(tz, "B", "accepted", at_local(tz, day, 1, 40, fold=1)))
    store.append_scan(record(tz, "C", "accepted", at_local(tz, day, 23, 30)))
    shown = [r[0] for r in store.conn.execute("SELECT local_time FROM scans_readable ORDER BY seq")]
    assert shown == ["2026-10-25 00:30:00", "2026-10-25 01:40:00", "2026-10-25 23:30:00"]
    store.close()
