"""Headcounts in SQL, with the meaning defined in kiosk.core.headcount.

Live figures come from the small derived tables (day_counts, scan_counts, arrival_counts): a
handful of rows however long the log is. A moment in the past, before the day's last scan, is
answered from daily_attendance (first entries up to that moment) and a covering index of the log.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from functools import lru_cache
from datetime import datetime

from kiosk.core.headcount import Headcount
from kiosk.core.timeutil import (checkout_of, event_day, from_utc_text, to_utc_text, utc_offsets,
                                 zone)
from kiosk.storage.presence import is_stale

_ENTRY = "('accepted', 'reentry')"


def local_keys(conn: sqlite3.Connection) -> bool:
    """Whether the counters hold local quarter hours (schema 4 on; an older file opened
    read-only holds UTC ones, so it is answered from daily_attendance instead)."""
    return conn.execute("PRAGMA user_version").fetchone()[0] >= 4


def local_quarter_of(utc_text: str, tz_name: str) -> str:
    """'HH:MM' of the local quarter hour of a UTC text, in the zone itself (exact on any day)."""
    moment = from_utc_text(utc_text).astimezone(zone(tz_name))
    return f"{moment.hour:02d}:{moment.minute // 15 * 15:02d}"


@lru_cache(maxsize=64)
def local_quarters_for(tz_name: str, day: str):
    """A fast quarter(utc_text) for the scans of one local day: the zone's offsets around it,
    looked up by bisection on the UTC text (as the triggers do), the same answer as
    local_quarter_of at a fraction of the cost over a day's first entries."""
    from bisect import bisect_right
    from datetime import date

    d = date.fromisoformat(day)
    rows = utc_offsets(tz_name, d, d)
    starts = [r[0] for r in rows]
    shifts = [r[1] for r in rows]

    def quarter(utc_text: str) -> str:
        shift = shifts[bisect_right(starts, utc_text) - 1]
        total = (int(utc_text[11:13]) * 60 + int(utc_text[14:16]) + shift) % (24 * 60)
        return f"{total // 60:02d}:{total % 60 // 15 * 15:02d}"

    return quarter


def _count_outcomes(result: Headcount, pairs) -> None:
    for outcome, n in pairs:
        if outcome in ("accepted", "reentry"):
            result.accepted_scans += n
        elif outcome == "exited":
            result.exit_scans += n
        else:
            result.refused_scans += n
            if outcome == "duplicate":
                result.duplicate_scans += n


def day_of(conn: sqlite3.Connection, at: datetime, tz_name: str) -> str:
    """The event day of ``at`` as this database's scans were given theirs: by the event's
    ``checkout_all_at`` when the event copy in ``meta`` sets one, else the local date."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'event_toml'").fetchone()
    except sqlite3.OperationalError:  # a file without a meta table: no event copy
        row = None
    return event_day(at, tz_name, checkout_of(row[0] if row else None)).isoformat()


def headcount(conn: sqlite3.Connection, at: datetime, tz_name: str) -> Headcount:
    day = day_of(conn, at, tz_name)
    until = to_utc_text(at)
    latest = conn.execute("SELECT MAX(at_utc) FROM scans WHERE day = ?", (day,)).fetchone()[0]
    if (latest is None or latest <= until) and not is_stale(conn) and local_keys(conn):
        return _live(conn, day, until, tz_name)
    return _past(conn, day, until, tz_name)


def _live(conn: sqlite3.Connection, day: str, until: str, tz_name: str) -> Headcount:
    result = Headcount(day=day, at=until)
    _count_outcomes(result, conn.execute("SELECT outcome, n FROM scan_counts WHERE day = ?", (day,)))
    row = conn.execute("SELECT checked_in, inside FROM day_counts WHERE day = ?", (day,)).fetchone()
    if row:
        result.unique_checked_in, result.inside_now = row
    facets = {"category": Counter(), "kiosk": Counter(), "gate": Counter(), "q15": Counter()}
    for facet, key, n in conn.execute(
            "SELECT facet, key, n FROM arrival_counts WHERE day = ? AND n > 0", (day,)):
        facets[facet][key] += n
    result.by_category = dict(facets["category"])
    result.by_kiosk = dict(facets["kiosk"])
    result.by_gate = dict(facets["gate"])
    hours: Counter = Counter()
    for quarter, n in facets["q15"].items():  # local quarter hours, kept when each was written
        hours[quarter[:2] + ":00"] += n
    result.by_hour = dict(hours)
    return result


def _past(conn: sqlite3.Connection, day: str, until: str, tz_name: str) -> Headcount:
    result = Headcount(day=day, at=until)
    params = {"day": day, "until": until}
    _count_outcomes(result, conn.execute(
        "SELECT outcome, COUNT(*) FROM scans WHERE day = :day AND at_utc <= :until GROUP BY 1",
        params))
    # First entries never change once later scans arrive: daily_attendance answers exactly.
    category, kiosk, gate, hours = Counter(), Counter(), Counter(), Counter()
    quarter = local_quarters_for(tz_name, day)
    for cat, first_kiosk, first_gate, first_in in conn.execute(
            "SELECT category, first_kiosk, first_gate, first_in_at FROM daily_attendance "
            "WHERE day = :day AND first_in_at <= :until", params):
        category[cat or ""] += 1
        kiosk[first_kiosk or ""] += 1
        gate[first_gate or ""] += 1
        hours[quarter(first_in)[:2] + ":00"] += 1
    result.unique_checked_in = sum(category.values())
    result.by_category, result.by_kiosk, result.by_gate = dict(category), dict(kiosk), dict(gate)
    result.by_hour = dict(hours)
    result.inside_now = conn.execute(
        f"""SELECT COUNT(*) FROM (
            SELECT MAX(CASE WHEN outcome IN {_ENTRY} THEN at_utc END) AS last_in,
                   MAX(CASE WHEN outcome = 'exited' THEN at_utc END) AS last_out
            FROM scans WHERE day = :day AND at_utc <= :until AND attendee_id IS NOT NULL
            GROUP BY attendee_id)
        WHERE last_in IS NOT NULL AND last_in > COALESCE(last_out, '')""",
        params).fetchone()[0]
    return result
