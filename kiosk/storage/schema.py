"""Table definitions shared by the event database, kiosk.db and merged databases.

The scan log is append-only (triggers refuse UPDATE and DELETE). Two small tables derived from it
are kept by triggers in the same transaction as each insert, so headcounts stay fast and can
always be rebuilt from the log (``REBUILD_DERIVED``):

- ``daily_attendance``: one row per attendee and local day: first entry (time, kiosk, gate,
  category), last entry, last exit, number of entries. Every column is a min/max/sum, so the
  result does not depend on the order in which scans arrive (bundles merged late, hub pushes).
- ``scan_counts``: scans per local day and outcome.
- ``day_counts`` and ``arrival_counts``: per day, how many attendees are checked in and inside,
  and how many first entered per category, kiosk, gate and quarter hour; kept by triggers on
  ``daily_attendance``, so the live headcount reads a handful of rows however long the log is.
"""

ROSTER_COLUMNS = ("id", "name", "category", "company", "email", "phone", "days", "venues",
                  "name_ur", "name_zh")

ROSTER_DDL = """
CREATE TABLE IF NOT EXISTS attendees (
    id TEXT PRIMARY KEY COLLATE NOCASE,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    company TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    days TEXT,
    venues TEXT,
    name_ur TEXT NOT NULL DEFAULT '',
    name_zh TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS revocations (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('id', 'token')),
    label TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT ''
);
"""

SCAN_COLUMNS = ("scan_id", "kiosk_id", "gate", "venue", "direction", "at_utc", "day", "code",
                "attendee_id", "category", "outcome", "reason", "method", "note")

# The scan log's secondary indexes, by name (a bulk load may drop them and build them again).
SCAN_INDEXES = {
    # Covering what a headcount at a past moment reads, so it never touches the table.
    "scans_day_at": "CREATE INDEX IF NOT EXISTS scans_day_at ON scans (day, at_utc, outcome, attendee_id)",
    "scans_day_attendee": "CREATE INDEX IF NOT EXISTS scans_day_attendee ON scans "
                          "(day, attendee_id, at_utc, outcome)",
}
# One attendee's scans across the event come from scans_day_attendee, a day at a time
# (WHERE day IN (...) AND attendee_id = ?): a separate index by attendee would cost every insert.

SCAN_LOG_DDL = """
CREATE TABLE IF NOT EXISTS scans (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    scan_id TEXT NOT NULL UNIQUE,
    kiosk_id TEXT NOT NULL,
    gate TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    at_utc TEXT NOT NULL,
    day TEXT NOT NULL,
    code TEXT NOT NULL,
    attendee_id TEXT,
    category TEXT,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
""" + "".join(f"{sql};\n" for sql in SCAN_INDEXES.values()) + """
CREATE TRIGGER IF NOT EXISTS scans_append_only_update BEFORE UPDATE ON scans
BEGIN
    SELECT RAISE(ABORT, 'the scan log is append-only');
END;
CREATE TRIGGER IF NOT EXISTS scans_append_only_delete BEFORE DELETE ON scans
BEGIN
    SELECT RAISE(ABORT, 'the scan log is append-only');
END;

CREATE TABLE IF NOT EXISTS daily_attendance (
    day TEXT NOT NULL,
    attendee_id TEXT NOT NULL,
    category TEXT,
    first_in_at TEXT,
    first_kiosk TEXT,
    first_gate TEXT,
    last_in_at TEXT,
    last_out_at TEXT,
    entries INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, attendee_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS daily_attendance_first ON daily_attendance
    (day, first_in_at, category, first_kiosk, first_gate);

CREATE TABLE IF NOT EXISTS scan_counts (
    day TEXT NOT NULL,
    outcome TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, outcome)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS day_counts (
    day TEXT PRIMARY KEY,
    checked_in INTEGER NOT NULL DEFAULT 0,
    inside INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Attendees by where and when they first entered that day: facet is category, kiosk, gate or
-- q15 (the UTC quarter hour of the first entry, 'HH:MM'; local hours are derived from it).
CREATE TABLE IF NOT EXISTS arrival_counts (
    day TEXT NOT NULL,
    facet TEXT NOT NULL,
    key TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, facet, key)
) WITHOUT ROWID;
"""


def _quarter(column: str) -> str:
    return (f"substr({column}, 12, 3) || "
            f"printf('%02d', CAST(substr({column}, 15, 2) AS INTEGER) / 15 * 15)")


def _facets(row: str) -> str:
    return (f"SELECT 'category' AS facet, COALESCE({row}.category, '') AS key "
            f"UNION ALL SELECT 'kiosk', COALESCE({row}.first_kiosk, '') "
            f"UNION ALL SELECT 'gate', COALESCE({row}.first_gate, '') "
            f"UNION ALL SELECT 'q15', {_quarter(row + '.first_in_at')}")


def _inside(row: str) -> str:
    return (f"({row}.last_in_at IS NOT NULL AND "
            f"{row}.last_in_at > COALESCE({row}.last_out_at, ''))")

DERIVED_TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS scans_count AFTER INSERT ON scans
BEGIN
    INSERT INTO scan_counts (day, outcome, n) VALUES (NEW.day, NEW.outcome, 1)
    ON CONFLICT (day, outcome) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS scans_entry AFTER INSERT ON scans
WHEN NEW.attendee_id IS NOT NULL AND NEW.outcome IN ('accepted', 'reentry')
BEGIN
    INSERT INTO daily_attendance (day, attendee_id, category, first_in_at, first_kiosk,
                                  first_gate, last_in_at, last_out_at, entries)
    VALUES (NEW.day, NEW.attendee_id, NEW.category, NEW.at_utc, NEW.kiosk_id, NEW.gate,
            NEW.at_utc, NULL, 1)
    ON CONFLICT (day, attendee_id) DO UPDATE SET
        category = CASE WHEN first_in_at IS NULL OR excluded.first_in_at < first_in_at
                        THEN excluded.category ELSE category END,
        first_kiosk = CASE WHEN first_in_at IS NULL OR excluded.first_in_at < first_in_at
                           THEN excluded.first_kiosk ELSE first_kiosk END,
        first_gate = CASE WHEN first_in_at IS NULL OR excluded.first_in_at < first_in_at
                          THEN excluded.first_gate ELSE first_gate END,
        first_in_at = CASE WHEN first_in_at IS NULL OR excluded.first_in_at < first_in_at
                           THEN excluded.first_in_at ELSE first_in_at END,
        last_in_at = CASE WHEN last_in_at IS NULL OR excluded.last_in_at > last_in_at
                          THEN excluded.last_in_at ELSE last_in_at END,
        entries = entries + 1;
END;
CREATE TRIGGER IF NOT EXISTS scans_exit AFTER INSERT ON scans
WHEN NEW.attendee_id IS NOT NULL AND NEW.outcome = 'exited'
BEGIN
    INSERT INTO daily_attendance (day, attendee_id, last_out_at, entries)
    VALUES (NEW.day, NEW.attendee_id, NEW.at_utc, 0)
    ON CONFLICT (day, attendee_id) DO UPDATE SET
        last_out_at = CASE WHEN last_out_at IS NULL OR excluded.last_out_at > last_out_at
                           THEN excluded.last_out_at ELSE last_out_at END;
END;
CREATE TRIGGER IF NOT EXISTS attendance_insert AFTER INSERT ON daily_attendance
BEGIN
    INSERT INTO day_counts (day, checked_in, inside)
    VALUES (NEW.day, NEW.first_in_at IS NOT NULL, """ + _inside("NEW") + """)
    ON CONFLICT (day) DO UPDATE SET checked_in = checked_in + excluded.checked_in,
                                    inside = inside + excluded.inside;
    INSERT INTO arrival_counts (day, facet, key, n)
        SELECT NEW.day, f.facet, f.key, 1 FROM (""" + _facets("NEW") + """) AS f
        WHERE NEW.first_in_at IS NOT NULL
    ON CONFLICT (day, facet, key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS attendance_update AFTER UPDATE ON daily_attendance
BEGIN
    UPDATE day_counts SET
        checked_in = checked_in + (NEW.first_in_at IS NOT NULL) - (OLD.first_in_at IS NOT NULL),
        inside = inside + """ + _inside("NEW") + " - " + _inside("OLD") + """
    WHERE day = NEW.day;
    UPDATE arrival_counts SET n = n - 1
    WHERE OLD.first_in_at IS NOT NULL AND OLD.first_in_at IS NOT NEW.first_in_at
      AND day = OLD.day AND (facet, key) IN (""" + _facets("OLD") + """);
    INSERT INTO arrival_counts (day, facet, key, n)
        SELECT NEW.day, f.facet, f.key, 1 FROM (""" + _facets("NEW") + """) AS f
        WHERE NEW.first_in_at IS NOT NULL AND OLD.first_in_at IS NOT NEW.first_in_at
    ON CONFLICT (day, facet, key) DO UPDATE SET n = n + 1;
END;
"""

# A bulk load of scans turns the per-scan triggers off and writes daily_attendance and
# scan_counts itself (see kiosk/storage/merged.py); the triggers on daily_attendance stay on, so
# the per-day presence counters follow each row it writes, in SQLite, as on a kiosk.
DROP_SCAN_TRIGGERS = """
DROP TRIGGER IF EXISTS scans_count;
DROP TRIGGER IF EXISTS scans_entry;
DROP TRIGGER IF EXISTS scans_exit;
"""
DROP_DERIVED_TRIGGERS = DROP_SCAN_TRIGGERS + """
DROP TRIGGER IF EXISTS attendance_insert;
DROP TRIGGER IF EXISTS attendance_update;
"""

# The per-day presence counters, from daily_attendance (after a bulk load of it).
REBUILD_PRESENCE = """
DELETE FROM day_counts;
DELETE FROM arrival_counts;
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
    UNION ALL SELECT day, 'q15', """ + _quarter("first_in_at") + """, COUNT(*) FROM daily_attendance
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
                              last_in_at, last_out_at, entries)
    WITH firsts AS (
        SELECT day, attendee_id, category, MIN(at_utc) AS first_in_at, kiosk_id, gate
        FROM scans WHERE attendee_id IS NOT NULL AND outcome IN ('accepted', 'reentry')
        GROUP BY day, attendee_id),
    lasts AS (
        SELECT day, attendee_id, MAX(at_utc) AS last_in_at, COUNT(*) AS entries
        FROM scans WHERE attendee_id IS NOT NULL AND outcome IN ('accepted', 'reentry')
        GROUP BY day, attendee_id),
    exits AS (
        SELECT day, attendee_id, MAX(at_utc) AS last_out_at
        FROM scans WHERE attendee_id IS NOT NULL AND outcome = 'exited'
        GROUP BY day, attendee_id)
    SELECT f.day, f.attendee_id, f.category, f.first_in_at, f.kiosk_id, f.gate, l.last_in_at,
           x.last_out_at, l.entries
    FROM firsts f JOIN lasts l ON l.day = f.day AND l.attendee_id = f.attendee_id
    LEFT JOIN exits x ON x.day = f.day AND x.attendee_id = f.attendee_id;
INSERT INTO daily_attendance (day, attendee_id, last_out_at, entries)
    SELECT day, attendee_id, MAX(at_utc), 0 FROM scans
    WHERE attendee_id IS NOT NULL AND outcome = 'exited'
    GROUP BY day, attendee_id
    ON CONFLICT (day, attendee_id) DO NOTHING;
""" + REBUILD_PRESENCE

KIOSK_MIGRATIONS = [
    (1, """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS public_keys (
    kid INTEGER PRIMARY KEY,
    public_key TEXT NOT NULL,
    added_at TEXT NOT NULL
);
""" + ROSTER_DDL + SCAN_LOG_DDL + DERIVED_TRIGGERS),
    # Live sync with a hub (kiosk/storage/outbox.py): per hub, how far the scan log was pushed
    # and where the last pull of roster changes and revocations ended.
    (2, """
CREATE TABLE IF NOT EXISTS hub_sync (
    hub_id TEXT PRIMARY KEY,
    hub_url TEXT NOT NULL DEFAULT '',
    pushed_seq INTEGER NOT NULL DEFAULT 0,
    pushed_at TEXT NOT NULL DEFAULT '',
    revocations_pushed TEXT NOT NULL DEFAULT '',
    pull_xmin TEXT NOT NULL DEFAULT '',
    pulled_at TEXT NOT NULL DEFAULT ''
);
"""),
]

EVENT_MIGRATIONS = [
    (1, """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
""" + ROSTER_DDL),
]
