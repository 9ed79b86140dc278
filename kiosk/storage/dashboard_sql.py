"""The staff dashboard's figures in SQL, with the meaning defined in kiosk.core.dashboard.

Live (the moment asked about is after the day's last scan, as on a running kiosk) every figure
comes from the small derived tables: scan_counts, day_counts, arrival_counts and inside_counts,
a handful of rows however long the log is, plus the newest rows of the log's (day, at_utc)
index for the recent scans. A moment in the past is answered from daily_attendance and the log.

Works on a kiosk.db, a merged database (the same tables), read-only or not; a database from
before schema 3 (no inside_counts yet, opened read-only) is answered from the log.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from datetime import date, datetime, timedelta

from kiosk.core.dashboard import DashboardData, HallMap, RecentScan
from kiosk.core.timeutil import to_utc_text
from kiosk.storage.headcount_sql import day_of, headcount, local_keys, local_quarters_for
from kiosk.storage.presence import is_stale

_ENTRY = "('accepted', 'reentry')"


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def _is_live(conn: sqlite3.Connection, day: str, until: str) -> bool:
    latest = conn.execute("SELECT MAX(at_utc) FROM scans WHERE day = ?", (day,)).fetchone()[0]
    return latest is None or latest <= until


def inside_by_gate(conn: sqlite3.Connection, at: datetime, tz_name: str) -> dict[str, int]:
    day = day_of(conn, at, tz_name)
    until = to_utc_text(at)
    if _is_live(conn, day, until) and _has_table(conn, "inside_counts"):
        return {gate: n for gate, n in conn.execute(
            "SELECT gate, n FROM inside_counts WHERE day = ? AND n > 0", (day,))}
    rows = conn.execute(
        f"""WITH per AS (
                SELECT attendee_id,
                       MAX(CASE WHEN outcome IN {_ENTRY} THEN at_utc END) AS last_in,
                       MAX(CASE WHEN outcome = 'exited' THEN at_utc END) AS last_out
                FROM scans WHERE day = :day AND at_utc <= :until AND attendee_id IS NOT NULL
                GROUP BY attendee_id)
            SELECT (SELECT MAX(s.gate) FROM scans s
                    WHERE s.day = :day AND s.attendee_id = per.attendee_id
                      AND s.at_utc = per.last_in AND s.outcome IN {_ENTRY}) AS gate, COUNT(*)
            FROM per WHERE last_in IS NOT NULL AND last_in > COALESCE(last_out, '')
            GROUP BY 1""", {"day": day, "until": until})
    return {gate or "": n for gate, n in rows}


def arrivals(conn: sqlite3.Connection, day: str, tz_name: str, until: str | None = None) -> dict[str, int]:
    """First entries of ``day`` per local quarter hour; the whole day, or up to ``until``."""
    counts: Counter = Counter()
    if (until is None or _is_live(conn, day, until)) and local_keys(conn) and not is_stale(conn):
        for quarter, n in conn.execute("SELECT key, n FROM arrival_counts WHERE day = ? "
                                       "AND facet = 'q15' AND n > 0", (day,)):
            counts[quarter] += n
        return dict(counts)
    sql = "SELECT first_in_at FROM daily_attendance WHERE day = ? AND first_in_at IS NOT NULL"
    params: tuple = (day,)
    if until is not None:
        sql, params = sql + " AND first_in_at <= ?", (day, until)
    quarter = local_quarters_for(tz_name, day)
    for (first_in,) in conn.execute(sql, params):
        counts[quarter(first_in)] += 1
    return dict(counts)


def recent_scans(conn: sqlite3.Connection, day: str, until: str, limit: int = 20) -> list[RecentScan]:
    """The day's newest scans up to ``until`` (from the end of the log's (day, at_utc) index),
    with the holder's name from the roster."""
    rows = conn.execute(
        "SELECT s.at_utc, s.outcome, s.reason, s.attendee_id, COALESCE(a.name, ''), s.category, "
        "s.kiosk_id, s.gate, s.method "
        "FROM (SELECT * FROM scans WHERE day = ? AND at_utc <= ? ORDER BY at_utc DESC LIMIT ?) s "
        "LEFT JOIN attendees a ON a.id = s.attendee_id ORDER BY s.at_utc DESC",
        (day, until, limit))
    return [RecentScan(*row) for row in rows]


def dashboard(conn: sqlite3.Connection, at: datetime, tz_name: str, halls: HallMap, *,
              scope: str, source: str = "", kiosk_id: str = "", recent: int = 20) -> DashboardData:
    """Every figure of one dashboard refresh, read in one snapshot of the database."""
    started = time.perf_counter()
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")  # one consistent view while the kiosk keeps writing
    try:
        count = headcount(conn, at, tz_name)
        day = count.day
        yesterday = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
        data = DashboardData(headcount=count, timezone=tz_name, scope=scope, source=source,
                             kiosk_id=kiosk_id)
        data.inside_by_gate = inside_by_gate(conn, at, tz_name)
        data.arrivals_today = arrivals(conn, day, tz_name, until=count.at)
        data.arrivals_yesterday = arrivals(conn, yesterday, tz_name)
        data.recent = recent_scans(conn, day, count.at, recent)
        data.kiosks = len(count.by_kiosk)
    finally:
        if began:
            conn.execute("COMMIT")
    count.source = source
    data.place_halls(halls)
    data.seconds = time.perf_counter() - started
    return data


def merged_kiosk_count(conn: sqlite3.Connection) -> int:
    """How many kiosks' bundles a merged database holds (0 for a kiosk.db)."""
    if not _has_table(conn, "merged_bundles"):
        return 0
    return conn.execute("SELECT COUNT(DISTINCT kiosk_id) FROM merged_bundles").fetchone()[0] or 0
