"""Oracles: the derived tables rebuilt from the scan log in plain SQL.

The kiosk keeps daily_attendance and the presence counters with triggers (kiosk/storage/schema.py)
and merges rebuild them in one Python pass (kiosk/storage/presence.py, kiosk/storage/merged.py);
these GROUP BY definitions are a third, independent statement of the same meaning, for tests.
"""

from __future__ import annotations

from kiosk.storage.schema import _inside, _local_quarter

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

