"""Headcounts in SQL, with the meaning defined in kiosk.core.headcount.

Live figures come from the small derived tables (daily_attendance, scan_counts); a moment in the
past, before the day's last scan, is answered from the scan log itself.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from kiosk.core.headcount import Headcount
from kiosk.core.timeutil import local_day, to_utc_text, zone

_ENTRY = "('accepted', 'reentry')"


def _offset_minutes(day: str, tz_name: str) -> int:
    noon = datetime.fromisoformat(day + "T12:00").replace(tzinfo=zone(tz_name))
    offset = noon.utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)


def headcount(conn: sqlite3.Connection, at: datetime, tz_name: str) -> Headcount:
    day = local_day(at, tz_name).isoformat()
    until = to_utc_text(at)
    latest = conn.execute("SELECT MAX(at_utc) FROM scans WHERE day = ?", (day,)).fetchone()[0]
    if latest is None or latest <= until:
        return _live(conn, day, until, tz_name)
    return _from_log(conn, day, until, tz_name)


def _group(conn, sql, params) -> dict[str, int]:
    return {(key if key is not None else ""): n for key, n in conn.execute(sql, params)}


def _live(conn: sqlite3.Connection, day: str, until: str, tz_name: str) -> Headcount:
    result = Headcount(day=day, at=until)
    counts = dict(conn.execute("SELECT outcome, n FROM scan_counts WHERE day = ?", (day,)))
    result.accepted_scans = counts.get("accepted", 0) + counts.get("reentry", 0)
    result.exit_scans = counts.get("exited", 0)
    result.refused_scans = sum(n for o, n in counts.items()
                               if o not in ("accepted", "reentry", "exited"))
    base = "FROM daily_attendance WHERE day = ? AND first_in_at IS NOT NULL"
    result.unique_checked_in, result.inside_now = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(last_in_at > COALESCE(last_out_at, '')), 0) " + base,
        (day,)).fetchone()
    result.by_category = _group(conn, f"SELECT category, COUNT(*) {base} GROUP BY 1", (day,))
    result.by_kiosk = _group(conn, f"SELECT first_kiosk, COUNT(*) {base} GROUP BY 1", (day,))
    result.by_gate = _group(conn, f"SELECT first_gate, COUNT(*) {base} GROUP BY 1", (day,))
    shift = f"{_offset_minutes(day, tz_name):+d} minutes"
    result.by_hour = _group(
        conn, f"SELECT strftime('%H:00', first_in_at, ?), COUNT(*) {base} GROUP BY 1",
        (shift, day))
    return result


def _from_log(conn: sqlite3.Connection, day: str, until: str, tz_name: str) -> Headcount:
    result = Headcount(day=day, at=until)
    params = {"day": day, "until": until}
    window = "FROM scans WHERE day = :day AND at_utc <= :until"
    for outcome, n in conn.execute(f"SELECT outcome, COUNT(*) {window} GROUP BY 1", params):
        if outcome in ("accepted", "reentry"):
            result.accepted_scans += n
        elif outcome == "exited":
            result.exit_scans += n
        else:
            result.refused_scans += n
    conn.execute("DROP TABLE IF EXISTS temp.hc_first")
    conn.execute(
        f"""CREATE TEMP TABLE hc_first AS
        SELECT attendee_id, MIN(at_utc) AS first_in_at, kiosk_id, gate, category
        {window} AND attendee_id IS NOT NULL AND outcome IN {_ENTRY} GROUP BY attendee_id""",
        params)
    try:
        result.unique_checked_in = conn.execute("SELECT COUNT(*) FROM hc_first").fetchone()[0]
        result.inside_now = conn.execute(
            f"""SELECT COUNT(*) FROM (
                SELECT attendee_id,
                       MAX(CASE WHEN outcome IN {_ENTRY} THEN at_utc END) AS last_in,
                       MAX(CASE WHEN outcome = 'exited' THEN at_utc END) AS last_out
                {window} AND attendee_id IS NOT NULL GROUP BY attendee_id)
            WHERE last_in IS NOT NULL AND last_in > COALESCE(last_out, '')""",
            params).fetchone()[0]
        result.by_category = _group(conn, "SELECT category, COUNT(*) FROM hc_first GROUP BY 1", ())
        result.by_kiosk = _group(conn, "SELECT kiosk_id, COUNT(*) FROM hc_first GROUP BY 1", ())
        result.by_gate = _group(conn, "SELECT gate, COUNT(*) FROM hc_first GROUP BY 1", ())
        shift = f"{_offset_minutes(day, tz_name):+d} minutes"
        result.by_hour = _group(
            conn, "SELECT strftime('%H:00', first_in_at, ?), COUNT(*) FROM hc_first GROUP BY 1",
            (shift,))
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.hc_first")
    return result
