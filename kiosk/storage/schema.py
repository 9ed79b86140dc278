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

def append_only(table: str, what: str) -> str:
    """Triggers that refuse any UPDATE or DELETE of a table's rows."""
    return "".join(f"""
CREATE TRIGGER IF NOT EXISTS {table}_append_only_{verb.lower()} BEFORE {verb} ON {table}
BEGIN
    SELECT RAISE(ABORT, '{what} is append-only');
END;""" for verb in ("UPDATE", "DELETE")) + "\n"


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
""" + "".join(f"{sql};\n" for sql in SCAN_INDEXES.values()) + append_only("scans", "the scan log") + """

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

_SCANS_COUNT = """
CREATE TRIGGER IF NOT EXISTS scans_count AFTER INSERT ON scans
BEGIN
    INSERT INTO scan_counts (day, outcome, n) VALUES (NEW.day, NEW.outcome, 1)
    ON CONFLICT (day, outcome) DO UPDATE SET n = n + 1;
END;
"""

# Schema 1's entry trigger (kept as it was: migrations replay history on a new file).
_SCANS_ENTRY_V1 = """
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
"""

_SCANS_EXIT_AND_ATTENDANCE = """
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

_DERIVED_TRIGGERS_V1 = _SCANS_COUNT + _SCANS_ENTRY_V1 + _SCANS_EXIT_AND_ATTENDANCE

# Schema 3: daily_attendance also keeps the gate of the latest entry (``last_gate``; of two
# entries at the same moment, the greater gate name, so arrival order never matters), and
# ``inside_counts`` counts, per day and gate, the attendees inside whose latest entry was there:
# the per-hall occupancy of the staff dashboard, read in a handful of rows.
_SCANS_ENTRY = """
CREATE TRIGGER IF NOT EXISTS scans_entry AFTER INSERT ON scans
WHEN NEW.attendee_id IS NOT NULL AND NEW.outcome IN ('accepted', 'reentry')
BEGIN
    INSERT INTO daily_attendance (day, attendee_id, category, first_in_at, first_kiosk,
                                  first_gate, last_in_at, last_out_at, entries, last_gate)
    VALUES (NEW.day, NEW.attendee_id, NEW.category, NEW.at_utc, NEW.kiosk_id, NEW.gate,
            NEW.at_utc, NULL, 1, NEW.gate)
    ON CONFLICT (day, attendee_id) DO UPDATE SET
        category = CASE WHEN first_in_at IS NULL OR excluded.first_in_at < first_in_at
                        THEN excluded.category ELSE category END,
        first_kiosk = CASE WHEN first_in_at IS NULL OR excluded.first_in_at < first_in_at
                           THEN excluded.first_kiosk ELSE first_kiosk END,
        first_gate = CASE WHEN first_in_at IS NULL OR excluded.first_in_at < first_in_at
                          THEN excluded.first_gate ELSE first_gate END,
        first_in_at = CASE WHEN first_in_at IS NULL OR excluded.first_in_at < first_in_at
                           THEN excluded.first_in_at ELSE first_in_at END,
        last_gate = CASE WHEN last_in_at IS NULL OR excluded.last_in_at > last_in_at
                              OR (excluded.last_in_at = last_in_at
                                  AND excluded.last_gate > COALESCE(last_gate, ''))
                         THEN excluded.last_gate ELSE last_gate END,
        last_in_at = CASE WHEN last_in_at IS NULL OR excluded.last_in_at > last_in_at
                          THEN excluded.last_in_at ELSE last_in_at END,
        entries = entries + 1;
END;
"""

_INSIDE_TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS attendance_inside_insert AFTER INSERT ON daily_attendance
WHEN """ + _inside("NEW") + """
BEGIN
    INSERT INTO inside_counts (day, gate, n) VALUES (NEW.day, COALESCE(NEW.last_gate, ''), 1)
    ON CONFLICT (day, gate) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS attendance_inside_update AFTER UPDATE ON daily_attendance
WHEN """ + _inside("OLD") + " IS NOT " + _inside("NEW") + """
     OR OLD.last_gate IS NOT NEW.last_gate
BEGIN
    UPDATE inside_counts SET n = n - 1
    WHERE """ + _inside("OLD") + """ AND day = OLD.day AND gate = COALESCE(OLD.last_gate, '');
    INSERT INTO inside_counts (day, gate, n)
        SELECT NEW.day, COALESCE(NEW.last_gate, ''), 1 WHERE """ + _inside("NEW") + """
    ON CONFLICT (day, gate) DO UPDATE SET n = n + 1;
END;
"""

DERIVED_TRIGGERS = _SCANS_COUNT + _SCANS_ENTRY + _SCANS_EXIT_AND_ATTENDANCE + _INSIDE_TRIGGERS

DROP_DERIVED_TRIGGERS = """
DROP TRIGGER IF EXISTS scans_count;
DROP TRIGGER IF EXISTS scans_entry;
DROP TRIGGER IF EXISTS scans_exit;
DROP TRIGGER IF EXISTS attendance_insert;
DROP TRIGGER IF EXISTS attendance_update;
DROP TRIGGER IF EXISTS attendance_inside_insert;
DROP TRIGGER IF EXISTS attendance_inside_update;
"""

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
                              last_in_at, last_out_at, entries, last_gate)
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

ISSUED_BADGES_DDL = """
CREATE TABLE IF NOT EXISTS issued_badges (
    attendee_id TEXT PRIMARY KEY COLLATE NOCASE,
    token TEXT NOT NULL,
    issued_at TEXT NOT NULL
);
"""

# Every staff action at a kiosk (when, which kiosk, what); append-only like the scan log.
STAFF_DDL = ISSUED_BADGES_DDL + """
CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc TEXT NOT NULL,
    kiosk_id TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
""" + append_only("audit_log", "the audit log")

# Staff look-up: an FTS5 trigram index (any part of a word matches, case-insensitively) over
# the roster, kept in step by triggers. Phone numbers are indexed as digits only.
_PHONE_DIGITS = "replace(replace(replace(replace(replace(replace({0}.phone, ' ', ''), '-', ''), " \
                "'+', ''), '(', ''), ')', ''), '.', '')"


def _search_row(row: str) -> str:
    return (f"{row}.rowid, {row}.id, {row}.name, {row}.name_ur || ' ' || {row}.name_zh, "
            f"{row}.company, {row}.email, " + _PHONE_DIGITS.format(row))


SEARCH_COLUMNS = ("id", "name", "other_names", "company", "email", "phone")
_SEARCH_INSERT = f"INSERT INTO attendee_search (rowid, {', '.join(SEARCH_COLUMNS)}) "

ATTENDEE_SEARCH_DDL = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS attendee_search USING fts5(
    {', '.join(SEARCH_COLUMNS)}, tokenize = 'trigram');
{_SEARCH_INSERT} SELECT {_search_row('attendees')} FROM attendees;
CREATE TRIGGER IF NOT EXISTS attendees_search_insert AFTER INSERT ON attendees
BEGIN
    {_SEARCH_INSERT} VALUES ({_search_row('NEW')});
END;
CREATE TRIGGER IF NOT EXISTS attendees_search_delete AFTER DELETE ON attendees
BEGIN
    DELETE FROM attendee_search WHERE rowid = OLD.rowid;
END;
CREATE TRIGGER IF NOT EXISTS attendees_search_update AFTER UPDATE ON attendees
BEGIN
    DELETE FROM attendee_search WHERE rowid = OLD.rowid;
    {_SEARCH_INSERT} VALUES ({_search_row('NEW')});
END;
"""

PIN_EVENTS_DDL = """
CREATE TABLE IF NOT EXISTS pin_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc TEXT NOT NULL,
    kind TEXT NOT NULL,
    boot TEXT NOT NULL DEFAULT '',
    mono REAL NOT NULL DEFAULT 0,
    seconds INTEGER NOT NULL DEFAULT 0
);
""" + append_only("pin_events", "the PIN event log")

KIOSK_MIGRATIONS = [
    (1, """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS public_keys (
    kid INTEGER PRIMARY KEY,
    public_key TEXT NOT NULL,
    added_at TEXT NOT NULL
);
""" + ROSTER_DDL + SCAN_LOG_DDL + _DERIVED_TRIGGERS_V1),
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
    # Staff mode (kiosk/ui/staff): the audit log, the roster search index, the badge tokens
    # the organiser issued (for reprints), and per-gate presence for hall occupancy.
    (3, STAFF_DDL + ATTENDEE_SEARCH_DDL + """
ALTER TABLE daily_attendance ADD COLUMN last_gate TEXT;
UPDATE daily_attendance SET last_gate = (
    SELECT MAX(s.gate) FROM scans s
    WHERE s.day = daily_attendance.day AND s.attendee_id = daily_attendance.attendee_id
      AND s.at_utc = daily_attendance.last_in_at AND s.outcome IN ('accepted', 'reentry'))
WHERE last_in_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS inside_counts (
    day TEXT NOT NULL,
    gate TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, gate)
) WITHOUT ROWID;
INSERT INTO inside_counts (day, gate, n)
    SELECT day, COALESCE(last_gate, ''), COUNT(*) FROM daily_attendance
    WHERE """ + _inside("daily_attendance") + """ GROUP BY 1, 2;
DROP TRIGGER IF EXISTS scans_entry;
""" + _SCANS_ENTRY + _INSIDE_TRIGGERS),
    # The staff PIN's wrong guesses, lock-outs and resets, append-only (kiosk/ui/staff_lock.py):
    # the lock-out is derived from it, so deleting a row or moving the clock does not lift it.
    (4, PIN_EVENTS_DDL),
]

EVENT_MIGRATIONS = [
    (1, """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
""" + ROSTER_DDL),
    # The tokens `kiosk badges` issued, copied to kiosks so staff can reprint a badge there.
    (2, ISSUED_BADGES_DDL),
]
