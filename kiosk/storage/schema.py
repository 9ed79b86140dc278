"""Table definitions shared by the event database, kiosk.db and merged databases.

The scan log is append-only (triggers refuse UPDATE and DELETE). Two small tables derived from it
are kept by triggers in the same transaction as each insert, so headcounts stay fast and can
always be rebuilt from the log (tests/helpers/oracles.py holds that rebuild in SQL, as an oracle):

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
# Added by a later migration (event schema 3, kiosk schema 4) and kept out of ROSTER_COLUMNS,
# which the hub and merged databases share: the barcode on the attendee's ticket from another
# registration system (the code the kiosk scans), and the text staff must see at check-in.
ROSTER_TICKET_COLUMNS = ("code", "attention")
ROSTER_TICKET_DDL = """
ALTER TABLE attendees ADD COLUMN code TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
ALTER TABLE attendees ADD COLUMN attention TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS attendees_code ON attendees (code) WHERE code != '';
"""

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
-- q15 (the local quarter hour of the first entry, 'HH:MM'; schema 4 on; UTC before it).
CREATE TABLE IF NOT EXISTS arrival_counts (
    day TEXT NOT NULL,
    facet TEXT NOT NULL,
    key TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, facet, key)
) WITHOUT ROWID;
"""


# The event's UTC offsets over time (set by ``SqliteStore.set_zone``): the local quarter hour of
# a first entry is computed from them when the row is written, so daylight-saving days get the
# local hour the attendee saw, in triggers, merges and Datasette alike.
UTC_OFFSETS_DDL = """
CREATE TABLE IF NOT EXISTS utc_offsets (
    from_utc TEXT PRIMARY KEY,
    minutes INTEGER NOT NULL
) WITHOUT ROWID;
"""


def _offset(column: str) -> str:
    return (f"COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= {column} "
            f"ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes'")


def _local_quarter(column: str) -> str:
    """'HH:MM' of the local quarter hour that holds the UTC text in ``column``."""
    moment = f"substr({column}, 1, 19)"
    return (f"strftime('%H:', {moment}, {_offset(column)}) || "
            f"printf('%02d', CAST(strftime('%M', {moment}, {_offset(column)}) AS INTEGER) / 15 * 15)")


def _facets(row: str) -> str:
    return (f"SELECT 'category' AS facet, COALESCE({row}.category, '') AS key "
            f"UNION ALL SELECT 'kiosk', COALESCE({row}.first_kiosk, '') "
            f"UNION ALL SELECT 'gate', COALESCE({row}.first_gate, '') "
            f"UNION ALL SELECT 'q15', {_local_quarter(row + '.first_in_at')}")


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


# Schema 4: what Datasette and sqlite-utils users see. The roster's full-text index as
# sqlite-utils' enable_fts(create_triggers=True) makes it (an FTS5 table ``attendees_fts`` whose
# content is ``attendees``, kept by the triggers ``attendees_ai/_ad/_au``), which Datasette uses
# for ``attendees?_search=``; its columns are the roster's own, whatever they hold (the staff
# look-up keeps its trigram index beside it). And views for people: the scan log with names and
# local times, attendance per day, and who is inside. Local time is UTC plus the event zone's
# offset at that moment (utc_offsets, schema 4), right on daylight-saving days too.
FTS_COLUMNS = ("id", "name", "name_ur", "name_zh", "company", "email", "phone")


def _fts_values(row: str) -> str:
    return ", ".join(f"{row}.[{c}]" for c in FTS_COLUMNS)


_FTS_COLS = ", ".join(f"[{c}]" for c in FTS_COLUMNS)

READABLE_DDL = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS [attendees_fts] USING FTS5 ({_FTS_COLS}, content=[attendees]);
INSERT INTO [attendees_fts] (rowid, {_FTS_COLS}) SELECT rowid, {_FTS_COLS} FROM [attendees];
CREATE TRIGGER IF NOT EXISTS [attendees_ai] AFTER INSERT ON [attendees] BEGIN
  INSERT INTO [attendees_fts] (rowid, {_FTS_COLS}) VALUES (new.rowid, {_fts_values('new')});
END;
CREATE TRIGGER IF NOT EXISTS [attendees_ad] AFTER DELETE ON [attendees] BEGIN
  INSERT INTO [attendees_fts] ([attendees_fts], rowid, {_FTS_COLS})
    VALUES('delete', old.rowid, {_fts_values('old')});
END;
CREATE TRIGGER IF NOT EXISTS [attendees_au] AFTER UPDATE ON [attendees] BEGIN
  INSERT INTO [attendees_fts] ([attendees_fts], rowid, {_FTS_COLS})
    VALUES('delete', old.rowid, {_fts_values('old')});
  INSERT INTO [attendees_fts] (rowid, {_FTS_COLS}) VALUES (new.rowid, {_fts_values('new')});
END;
CREATE VIEW IF NOT EXISTS scans_readable AS
SELECT s.seq, datetime(s.at_utc, {_offset('s.at_utc')}) AS local_time, s.day, s.outcome, s.reason,
       s.direction, s.attendee_id, a.name AS attendee_name,
       COALESCE(s.category, a.category) AS category, a.company, s.venue, s.gate, s.kiosk_id,
       s.method, s.at_utc, s.scan_id
FROM scans s LEFT JOIN attendees a ON a.id = s.attendee_id;
CREATE VIEW IF NOT EXISTS attendance_by_day AS
SELECT c.day,
       COALESCE((SELECT d.checked_in FROM day_counts d WHERE d.day = c.day), 0) AS checked_in,
       COALESCE((SELECT d.inside FROM day_counts d WHERE d.day = c.day), 0) AS inside_at_close,
       SUM(CASE WHEN c.outcome IN ('accepted', 'reentry') THEN c.n ELSE 0 END) AS entry_scans,
       SUM(CASE WHEN c.outcome = 'exited' THEN c.n ELSE 0 END) AS exit_scans,
       SUM(CASE WHEN c.outcome NOT IN ('accepted', 'reentry', 'exited') THEN c.n ELSE 0 END)
           AS refused_scans,
       SUM(c.n) AS all_scans
FROM scan_counts c GROUP BY c.day;
CREATE VIEW IF NOT EXISTS inside_now AS
SELECT d.day, d.attendee_id, a.name AS attendee_name, COALESCE(d.category, a.category) AS category,
       a.company, d.last_gate AS gate, datetime(d.last_in_at, {_offset('d.last_in_at')}) AS inside_since,
       d.entries
FROM daily_attendance d LEFT JOIN attendees a ON a.id = d.attendee_id
WHERE d.last_in_at IS NOT NULL AND d.last_in_at > COALESCE(d.last_out_at, '');
"""


# The migrations themselves are frozen literal scripts (kiosk/storage/migrations.py).
from kiosk.storage.migrations import EVENT_MIGRATIONS, KIOSK_MIGRATIONS  # noqa: E402
