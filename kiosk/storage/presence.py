"""The per-day presence counters (day_counts, arrival_counts, inside_counts) recomputed from
daily_attendance.

On a kiosk, triggers keep them row by row. A bulk load (merging bundles) writes daily_attendance
in batches with the triggers off, then calls ``rebuild_presence`` once: one pass over
daily_attendance in Python, which is several times faster than the equivalent GROUP BYs (the
SQL twin, ``REBUILD_PRESENCE`` in schema.py, gives the same rows; a test holds them together).
Until then the database says ``presence_stale`` in its meta table, and headcounts read
daily_attendance directly instead of the counters.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections import Counter

STALE_KEY = "presence_stale"


def local_quarters(conn: sqlite3.Connection):
    """quarter(utc_text) -> 'HH:MM', the local quarter hour by the database's utc_offsets, as
    schema._local_quarter computes it in the triggers."""
    rows = list(conn.execute("SELECT from_utc, minutes FROM utc_offsets ORDER BY from_utc"))
    starts = [r[0] for r in rows]
    minutes = [r[1] for r in rows]

    def quarter(utc_text: str) -> str:
        i = bisect_right(starts, utc_text) - 1
        shift = minutes[i] if i >= 0 else 0
        total = (int(utc_text[11:13]) * 60 + int(utc_text[14:16]) + shift) % (24 * 60)
        return f"{total // 60:02d}:{total % 60 // 15 * 15:02d}"

    return quarter


def rebuild_presence(conn: sqlite3.Connection) -> None:
    """Recompute day_counts and arrival_counts; the caller holds the transaction."""
    days: dict[str, list[int]] = {}
    arrivals: Counter = Counter()
    inside_by_gate: Counter = Counter()
    quarter = local_quarters(conn)
    for day, first, category, kiosk, gate, last_in, last_out, last_gate in conn.execute(
            "SELECT day, first_in_at, category, first_kiosk, first_gate, last_in_at, last_out_at, "
            "last_gate FROM daily_attendance"):
        counts = days.get(day)
        if counts is None:
            counts = days[day] = [0, 0]
        if first is not None:
            counts[0] += 1
            arrivals[(day, "category", category or "")] += 1
            arrivals[(day, "kiosk", kiosk or "")] += 1
            arrivals[(day, "gate", gate or "")] += 1
            arrivals[(day, "q15", quarter(first))] += 1
        if last_in is not None and last_in > (last_out or ""):
            counts[1] += 1
            inside_by_gate[(day, last_gate or "")] += 1
    conn.execute("DELETE FROM day_counts")
    conn.execute("DELETE FROM arrival_counts")
    conn.execute("DELETE FROM inside_counts")
    conn.executemany("INSERT INTO inside_counts (day, gate, n) VALUES (?, ?, ?)",
                     ((d, g, n) for (d, g), n in inside_by_gate.items()))
    conn.executemany("INSERT INTO day_counts (day, checked_in, inside) VALUES (?, ?, ?)",
                     ((day, c[0], c[1]) for day, c in days.items()))
    conn.executemany("INSERT INTO arrival_counts (day, facet, key, n) VALUES (?, ?, ?, ?)",
                     ((d, f, k, n) for (d, f, k), n in arrivals.items()))
    set_stale(conn, False)


def set_stale(conn: sqlite3.Connection, stale: bool) -> None:
    if stale:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, '1') "
                     "ON CONFLICT (key) DO UPDATE SET value = '1'", (STALE_KEY,))
    else:
        conn.execute("DELETE FROM meta WHERE key = ?", (STALE_KEY,))


def is_stale(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (STALE_KEY,)).fetchone()
    except sqlite3.OperationalError:  # a database without a meta table
        return False
    return bool(row and row[0] == "1")
