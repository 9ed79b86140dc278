"""Oracles: what attendance means, stated apart from the engine, for the tests to hold it to.

The kiosk keeps daily_attendance and the presence counters with triggers (kiosk/storage/schema.py)
and merges feed them in one Python pass (kiosk/storage/presence.py, kiosk/storage/merged.py).
Here the same meaning is stated twice more, independently of that engine: as plain-SQL GROUP BY
rebuilds of the derived tables, and in plain Python over scan rows (the headcount, who is inside
by gate, arrivals per quarter hour, the latest scans).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time
from typing import Iterable, Mapping

from kiosk.core.dashboard import RecentScan, quarter_label
from kiosk.core.headcount import _ENTRY_WORDS, _PASSING_WORDS, Headcount
from kiosk.core.outcomes import Outcome
from kiosk.core.timeutil import event_day, from_utc_text, local_hour_label, to_utc_text
from kiosk.storage.schema import _inside, _local_quarter

_EXITED = Outcome.EXITED.value

# The per-day presence counters, from daily_attendance (after a bulk load of it).
REBUILD_PRESENCE = """
DELETE FROM day_counts;
DELETE FROM arrival_counts;
DELETE FROM inside_counts;
INSERT INTO inside_counts (day, gate, n)
    SELECT day, COALESCE(last_gate, ''), COUNT(*) FROM daily_attendance
    WHERE """ + _inside("daily_attendance") + """ GROUP BY 1, 2;
INSERT INTO day_counts (day, checked_in, inside)
    SELECT day, SUM(first_in_at IS NOT NULL), SUM(""" + _inside("daily_attendance") + """)
    FROM daily_attendance GROUP BY day;
INSERT INTO arrival_counts (day, facet, key, n)
    SELECT day, 'category', COALESCE(category, ''), COUNT(*) FROM daily_attendance
        WHERE first_in_at IS NOT NULL GROUP BY 1, 2, 3
    UNION ALL SELECT day, 'kiosk', COALESCE(first_kiosk, ''), COUNT(*) FROM daily_attendance
        WHERE first_in_at IS NOT NULL GROUP BY 1, 2, 3
    UNION ALL SELECT day, 'gate', COALESCE(first_gate, ''), COUNT(*) FROM daily_attendance
        WHERE first_in_at IS NOT NULL GROUP BY 1, 2, 3
    UNION ALL SELECT day, 'q15', """ + _local_quarter("first_in_at") + """, COUNT(*) FROM daily_attendance
        WHERE first_in_at IS NOT NULL GROUP BY 1, 2, 3;
"""

# Rebuild the derived tables from the log in one pass (after a bulk merge with triggers off).
# SQLite takes the bare columns of a MIN() aggregate from the row holding the minimum.
REBUILD_DERIVED = """
DELETE FROM daily_attendance;
DELETE FROM scan_counts;
INSERT INTO scan_counts (day, outcome, n)
    SELECT day, outcome, COUNT(*) FROM scans GROUP BY day, outcome;
INSERT INTO daily_attendance (day, attendee_id, category, first_in_at, first_kiosk, first_gate,
                              last_in_at, last_out_at, entries, last_gate)
    WITH firsts AS (
        -- the earliest entry; of two at the same moment the one logged first, as the triggers
        SELECT day, attendee_id, category, first_in_at, kiosk_id, gate FROM (
            SELECT day, attendee_id, category, at_utc AS first_in_at, kiosk_id, gate,
                   ROW_NUMBER() OVER (PARTITION BY day, attendee_id ORDER BY at_utc, seq) AS n
            FROM scans WHERE attendee_id IS NOT NULL AND outcome IN ('accepted', 'reentry'))
        WHERE n = 1),
    lasts AS (
        SELECT day, attendee_id, MAX(at_utc) AS last_in_at, COUNT(*) AS entries
        FROM scans WHERE attendee_id IS NOT NULL AND outcome IN ('accepted', 'reentry')
        GROUP BY day, attendee_id),
    exits AS (
        SELECT day, attendee_id, MAX(at_utc) AS last_out_at
        FROM scans WHERE attendee_id IS NOT NULL AND outcome = 'exited'
        GROUP BY day, attendee_id)
    SELECT f.day, f.attendee_id, f.category, f.first_in_at, f.kiosk_id, f.gate, l.last_in_at,
           x.last_out_at, l.entries,
           (SELECT MAX(s.gate) FROM scans s WHERE s.day = l.day AND s.attendee_id = l.attendee_id
              AND s.at_utc = l.last_in_at AND s.outcome IN ('accepted', 'reentry'))
    FROM firsts f JOIN lasts l ON l.day = f.day AND l.attendee_id = f.attendee_id
    LEFT JOIN exits x ON x.day = f.day AND x.attendee_id = f.attendee_id;
INSERT INTO daily_attendance (day, attendee_id, last_out_at, entries)
    SELECT day, attendee_id, MAX(at_utc), 0 FROM scans
    WHERE attendee_id IS NOT NULL AND outcome = 'exited'
    GROUP BY day, attendee_id
    ON CONFLICT (day, attendee_id) DO NOTHING;
""" + REBUILD_PRESENCE


# -- the definitions in plain Python, over scan rows (dicts with the scan log's columns) ----------
def headcount_from_scans(scans: Iterable[Mapping], at: datetime, tz_name: str,
                         checkout: time | None = None) -> Headcount:
    """Reference headcount over scan rows (dicts with the scan log's columns); ``checkout`` is
    the event's checkout_all_at."""
    day = event_day(at, tz_name, checkout).isoformat()
    until = to_utc_text(at)
    result = Headcount(day=day, at=until)
    first: dict[str, tuple[str, Mapping]] = {}
    last_in: dict[str, str] = {}
    last_out: dict[str, str] = {}
    for scan in scans:
        if scan["day"] != day or scan["at_utc"] > until:
            continue
        outcome = scan["outcome"]
        who = scan["attendee_id"]
        if outcome in _ENTRY_WORDS:
            result.accepted_scans += 1
            if who is not None:
                if who not in first or scan["at_utc"] < first[who][0]:
                    first[who] = (scan["at_utc"], scan)
                last_in[who] = max(last_in.get(who, ""), scan["at_utc"])
        elif outcome == Outcome.EXITED.value:
            result.exit_scans += 1
            if who is not None:
                last_out[who] = max(last_out.get(who, ""), scan["at_utc"])
        elif outcome not in _PASSING_WORDS:
            result.refused_scans += 1
            if outcome == Outcome.DUPLICATE.value:
                result.duplicate_scans += 1
    result.unique_checked_in = len(first)
    result.inside_now = sum(1 for who, t in last_in.items() if t > last_out.get(who, ""))
    result.by_category = dict(Counter(s["category"] or "" for _, s in first.values()))
    result.by_kiosk = dict(Counter(s["kiosk_id"] for _, s in first.values()))
    result.by_gate = dict(Counter(s["gate"] or "" for _, s in first.values()))
    result.by_hour = dict(
        Counter(local_hour_label(from_utc_text(t), tz_name) for t, _ in first.values())
    )
    return result


def _day_scans(scans: Iterable[Mapping], at: datetime, tz_name: str, checkout=None):
    day = event_day(at, tz_name, checkout).isoformat()
    until = to_utc_text(at)
    return [s for s in scans if s["day"] == day and s["at_utc"] <= until]


def inside_by_gate_from_scans(scans: Iterable[Mapping], at: datetime, tz_name: str,
                              checkout=None) -> dict[str, int]:
    """Reference: attendees inside at ``at``, by the gate of their latest entry that (event)
    day; ``checkout`` is the event's checkout_all_at (kiosk.core.timeutil.event_day)."""
    last_in: dict[str, tuple[str, str]] = {}
    last_out: dict[str, str] = {}
    for scan in _day_scans(scans, at, tz_name, checkout):
        who = scan["attendee_id"]
        if who is None:
            continue
        if scan["outcome"] in _ENTRY_WORDS:
            candidate = (scan["at_utc"], scan["gate"] or "")
            if who not in last_in or candidate > last_in[who]:
                last_in[who] = candidate
        elif scan["outcome"] == _EXITED:
            last_out[who] = max(last_out.get(who, ""), scan["at_utc"])
    counts: Counter = Counter(gate for who, (t, gate) in last_in.items() if t > last_out.get(who, ""))
    return dict(counts)


def arrivals_from_scans(scans: Iterable[Mapping], at: datetime, tz_name: str) -> dict[str, int]:
    """Reference: first entries of the local day of ``at`` (up to ``at``) per quarter hour."""
    first: dict[str, str] = {}
    for scan in _day_scans(scans, at, tz_name):
        who = scan["attendee_id"]
        if who is not None and scan["outcome"] in _ENTRY_WORDS:
            if who not in first or scan["at_utc"] < first[who]:
                first[who] = scan["at_utc"]
    return dict(Counter(quarter_label(from_utc_text(t), tz_name) for t in first.values()))


def recent_from_scans(scans: Iterable[Mapping], at: datetime, tz_name: str,
                      names: Mapping[str, str] | None = None, limit: int = 20) -> list[RecentScan]:
    """Reference: the day's latest ``limit`` scans up to ``at``, newest first."""
    names = names or {}
    rows = sorted(_day_scans(scans, at, tz_name), key=lambda s: s["at_utc"], reverse=True)[:limit]
    return [RecentScan(s["at_utc"], s["outcome"], s.get("reason", ""), s["attendee_id"],
                       names.get(s["attendee_id"] or "", ""), s["category"], s["kiosk_id"],
                       s["gate"] or "", s.get("method", "")) for s in rows]
