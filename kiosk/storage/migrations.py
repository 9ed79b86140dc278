"""The database migrations, frozen: each script exactly as it shipped.

A migration replays history on a new file and upgrades an old one, so once released its text
never changes, whatever later commits do to the definitions in schema.py (which describe the
newest shape, for merges and tests). Add a new, higher-numbered script instead.
"""

from __future__ import annotations


KIOSK_MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS public_keys (
    kid INTEGER PRIMARY KEY,
    public_key TEXT NOT NULL,
    added_at TEXT NOT NULL
);

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
CREATE INDEX IF NOT EXISTS scans_day_at ON scans (day, at_utc, outcome, attendee_id);
CREATE INDEX IF NOT EXISTS scans_day_attendee ON scans (day, attendee_id, at_utc, outcome);

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
    VALUES (NEW.day, NEW.first_in_at IS NOT NULL, (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, '')))
    ON CONFLICT (day) DO UPDATE SET checked_in = checked_in + excluded.checked_in,
                                    inside = inside + excluded.inside;
    INSERT INTO arrival_counts (day, facet, key, n)
        SELECT NEW.day, f.facet, f.key, 1 FROM (SELECT 'category' AS facet, COALESCE(NEW.category, '') AS key UNION ALL SELECT 'kiosk', COALESCE(NEW.first_kiosk, '') UNION ALL SELECT 'gate', COALESCE(NEW.first_gate, '') UNION ALL SELECT 'q15', substr(NEW.first_in_at, 12, 3) || printf('%02d', CAST(substr(NEW.first_in_at, 15, 2) AS INTEGER) / 15 * 15)) AS f
        WHERE NEW.first_in_at IS NOT NULL
    ON CONFLICT (day, facet, key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS attendance_update AFTER UPDATE ON daily_attendance
BEGIN
    UPDATE day_counts SET
        checked_in = checked_in + (NEW.first_in_at IS NOT NULL) - (OLD.first_in_at IS NOT NULL),
        inside = inside + (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, '')) - (OLD.last_in_at IS NOT NULL AND OLD.last_in_at > COALESCE(OLD.last_out_at, ''))
    WHERE day = NEW.day;
    UPDATE arrival_counts SET n = n - 1
    WHERE OLD.first_in_at IS NOT NULL AND OLD.first_in_at IS NOT NEW.first_in_at
      AND day = OLD.day AND (facet, key) IN (SELECT 'category' AS facet, COALESCE(OLD.category, '') AS key UNION ALL SELECT 'kiosk', COALESCE(OLD.first_kiosk, '') UNION ALL SELECT 'gate', COALESCE(OLD.first_gate, '') UNION ALL SELECT 'q15', substr(OLD.first_in_at, 12, 3) || printf('%02d', CAST(substr(OLD.first_in_at, 15, 2) AS INTEGER) / 15 * 15));
    INSERT INTO arrival_counts (day, facet, key, n)
        SELECT NEW.day, f.facet, f.key, 1 FROM (SELECT 'category' AS facet, COALESCE(NEW.category, '') AS key UNION ALL SELECT 'kiosk', COALESCE(NEW.first_kiosk, '') UNION ALL SELECT 'gate', COALESCE(NEW.first_gate, '') UNION ALL SELECT 'q15', substr(NEW.first_in_at, 12, 3) || printf('%02d', CAST(substr(NEW.first_in_at, 15, 2) AS INTEGER) / 15 * 15)) AS f
        WHERE NEW.first_in_at IS NOT NULL AND OLD.first_in_at IS NOT NEW.first_in_at
    ON CONFLICT (day, facet, key) DO UPDATE SET n = n + 1;
END;
"""),
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
    (3, """
CREATE TABLE IF NOT EXISTS issued_badges (
    attendee_id TEXT PRIMARY KEY COLLATE NOCASE,
    token TEXT NOT NULL,
    issued_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc TEXT NOT NULL,
    kiosk_id TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER IF NOT EXISTS audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER IF NOT EXISTS audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE VIRTUAL TABLE IF NOT EXISTS attendee_search USING fts5(
    id, name, other_names, company, email, phone, tokenize = 'trigram');
INSERT INTO attendee_search (rowid, id, name, other_names, company, email, phone)  SELECT attendees.rowid, attendees.id, attendees.name, attendees.name_ur || ' ' || attendees.name_zh, attendees.company, attendees.email, replace(replace(replace(replace(replace(replace(attendees.phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '') FROM attendees;
CREATE TRIGGER IF NOT EXISTS attendees_search_insert AFTER INSERT ON attendees
BEGIN
    INSERT INTO attendee_search (rowid, id, name, other_names, company, email, phone)  VALUES (NEW.rowid, NEW.id, NEW.name, NEW.name_ur || ' ' || NEW.name_zh, NEW.company, NEW.email, replace(replace(replace(replace(replace(replace(NEW.phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''));
END;
CREATE TRIGGER IF NOT EXISTS attendees_search_delete AFTER DELETE ON attendees
BEGIN
    DELETE FROM attendee_search WHERE rowid = OLD.rowid;
END;
CREATE TRIGGER IF NOT EXISTS attendees_search_update AFTER UPDATE ON attendees
BEGIN
    DELETE FROM attendee_search WHERE rowid = OLD.rowid;
    INSERT INTO attendee_search (rowid, id, name, other_names, company, email, phone)  VALUES (NEW.rowid, NEW.id, NEW.name, NEW.name_ur || ' ' || NEW.name_zh, NEW.company, NEW.email, replace(replace(replace(replace(replace(replace(NEW.phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', ''));
END;

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
    WHERE (daily_attendance.last_in_at IS NOT NULL AND daily_attendance.last_in_at > COALESCE(daily_attendance.last_out_at, '')) GROUP BY 1, 2;
DROP TRIGGER IF EXISTS scans_entry;

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

CREATE TRIGGER IF NOT EXISTS attendance_inside_insert AFTER INSERT ON daily_attendance
WHEN (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, ''))
BEGIN
    INSERT INTO inside_counts (day, gate, n) VALUES (NEW.day, COALESCE(NEW.last_gate, ''), 1)
    ON CONFLICT (day, gate) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS attendance_inside_update AFTER UPDATE ON daily_attendance
WHEN (OLD.last_in_at IS NOT NULL AND OLD.last_in_at > COALESCE(OLD.last_out_at, '')) IS NOT (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, ''))
     OR OLD.last_gate IS NOT NEW.last_gate
BEGIN
    UPDATE inside_counts SET n = n - 1
    WHERE (OLD.last_in_at IS NOT NULL AND OLD.last_in_at > COALESCE(OLD.last_out_at, '')) AND day = OLD.day AND gate = COALESCE(OLD.last_gate, '');
    INSERT INTO inside_counts (day, gate, n)
        SELECT NEW.day, COALESCE(NEW.last_gate, ''), 1 WHERE (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, ''))
    ON CONFLICT (day, gate) DO UPDATE SET n = n + 1;
END;
"""),
    # Schema 4: local quarter hours, exact on daylight-saving days.
    (4, """
-- Local quarter hours (the utc_offsets of the event's zone; until a zone is set, Asia/Karachi's
-- +05:00): the q15 arrival facet is recomputed in local time.

CREATE TABLE IF NOT EXISTS utc_offsets (
    from_utc TEXT PRIMARY KEY,
    minutes INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO utc_offsets (from_utc, minutes) VALUES ('0000-01-01T00:00:00', 300);

DROP TRIGGER IF EXISTS scans_count;
DROP TRIGGER IF EXISTS scans_entry;
DROP TRIGGER IF EXISTS scans_exit;
DROP TRIGGER IF EXISTS attendance_insert;
DROP TRIGGER IF EXISTS attendance_update;
DROP TRIGGER IF EXISTS attendance_inside_insert;
DROP TRIGGER IF EXISTS attendance_inside_update;

CREATE TRIGGER IF NOT EXISTS scans_count AFTER INSERT ON scans
BEGIN
    INSERT INTO scan_counts (day, outcome, n) VALUES (NEW.day, NEW.outcome, 1)
    ON CONFLICT (day, outcome) DO UPDATE SET n = n + 1;
END;

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
    VALUES (NEW.day, NEW.first_in_at IS NOT NULL, (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, '')))
    ON CONFLICT (day) DO UPDATE SET checked_in = checked_in + excluded.checked_in,
                                    inside = inside + excluded.inside;
    INSERT INTO arrival_counts (day, facet, key, n)
        SELECT NEW.day, f.facet, f.key, 1 FROM (SELECT 'category' AS facet, COALESCE(NEW.category, '') AS key UNION ALL SELECT 'kiosk', COALESCE(NEW.first_kiosk, '') UNION ALL SELECT 'gate', COALESCE(NEW.first_gate, '') UNION ALL SELECT 'q15', strftime('%H:', substr(NEW.first_in_at, 1, 19), COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= NEW.first_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') || printf('%02d', CAST(strftime('%M', substr(NEW.first_in_at, 1, 19), COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= NEW.first_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') AS INTEGER) / 15 * 15)) AS f
        WHERE NEW.first_in_at IS NOT NULL
    ON CONFLICT (day, facet, key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS attendance_update AFTER UPDATE ON daily_attendance
BEGIN
    UPDATE day_counts SET
        checked_in = checked_in + (NEW.first_in_at IS NOT NULL) - (OLD.first_in_at IS NOT NULL),
        inside = inside + (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, '')) - (OLD.last_in_at IS NOT NULL AND OLD.last_in_at > COALESCE(OLD.last_out_at, ''))
    WHERE day = NEW.day;
    UPDATE arrival_counts SET n = n - 1
    WHERE OLD.first_in_at IS NOT NULL AND OLD.first_in_at IS NOT NEW.first_in_at
      AND day = OLD.day AND (facet, key) IN (SELECT 'category' AS facet, COALESCE(OLD.category, '') AS key UNION ALL SELECT 'kiosk', COALESCE(OLD.first_kiosk, '') UNION ALL SELECT 'gate', COALESCE(OLD.first_gate, '') UNION ALL SELECT 'q15', strftime('%H:', substr(OLD.first_in_at, 1, 19), COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= OLD.first_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') || printf('%02d', CAST(strftime('%M', substr(OLD.first_in_at, 1, 19), COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= OLD.first_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') AS INTEGER) / 15 * 15));
    INSERT INTO arrival_counts (day, facet, key, n)
        SELECT NEW.day, f.facet, f.key, 1 FROM (SELECT 'category' AS facet, COALESCE(NEW.category, '') AS key UNION ALL SELECT 'kiosk', COALESCE(NEW.first_kiosk, '') UNION ALL SELECT 'gate', COALESCE(NEW.first_gate, '') UNION ALL SELECT 'q15', strftime('%H:', substr(NEW.first_in_at, 1, 19), COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= NEW.first_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') || printf('%02d', CAST(strftime('%M', substr(NEW.first_in_at, 1, 19), COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= NEW.first_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') AS INTEGER) / 15 * 15)) AS f
        WHERE NEW.first_in_at IS NOT NULL AND OLD.first_in_at IS NOT NEW.first_in_at
    ON CONFLICT (day, facet, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS attendance_inside_insert AFTER INSERT ON daily_attendance
WHEN (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, ''))
BEGIN
    INSERT INTO inside_counts (day, gate, n) VALUES (NEW.day, COALESCE(NEW.last_gate, ''), 1)
    ON CONFLICT (day, gate) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS attendance_inside_update AFTER UPDATE ON daily_attendance
WHEN (OLD.last_in_at IS NOT NULL AND OLD.last_in_at > COALESCE(OLD.last_out_at, '')) IS NOT (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, ''))
     OR OLD.last_gate IS NOT NEW.last_gate
BEGIN
    UPDATE inside_counts SET n = n - 1
    WHERE (OLD.last_in_at IS NOT NULL AND OLD.last_in_at > COALESCE(OLD.last_out_at, '')) AND day = OLD.day AND gate = COALESCE(OLD.last_gate, '');
    INSERT INTO inside_counts (day, gate, n)
        SELECT NEW.day, COALESCE(NEW.last_gate, ''), 1 WHERE (NEW.last_in_at IS NOT NULL AND NEW.last_in_at > COALESCE(NEW.last_out_at, ''))
    ON CONFLICT (day, gate) DO UPDATE SET n = n + 1;
END;
DELETE FROM arrival_counts WHERE facet = 'q15';
INSERT INTO arrival_counts (day, facet, key, n)
    SELECT day, 'q15', strftime('%H:', substr(first_in_at, 1, 19), COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= first_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') || printf('%02d', CAST(strftime('%M', substr(first_in_at, 1, 19), COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= first_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') AS INTEGER) / 15 * 15), COUNT(*)
    FROM daily_attendance WHERE first_in_at IS NOT NULL GROUP BY 1, 2, 3;
"""),
    # Tickets from pretix or Eventbrite: each attendee's ticket barcode and check-in attention.
    (5, """
ALTER TABLE attendees ADD COLUMN code TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
ALTER TABLE attendees ADD COLUMN attention TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS attendees_code ON attendees (code) WHERE code != '';
"""),
    # Datasette and sqlite-utils: the roster's full-text table (enable_fts layout) and the views for people.
    (6, """
CREATE VIRTUAL TABLE IF NOT EXISTS [attendees_fts] USING FTS5 ([id], [name], [name_ur], [name_zh], [company], [email], [phone], content=[attendees]);
INSERT INTO [attendees_fts] (rowid, [id], [name], [name_ur], [name_zh], [company], [email], [phone]) SELECT rowid, [id], [name], [name_ur], [name_zh], [company], [email], [phone] FROM [attendees];
CREATE TRIGGER IF NOT EXISTS [attendees_ai] AFTER INSERT ON [attendees] BEGIN
  INSERT INTO [attendees_fts] (rowid, [id], [name], [name_ur], [name_zh], [company], [email], [phone]) VALUES (new.rowid, new.[id], new.[name], new.[name_ur], new.[name_zh], new.[company], new.[email], new.[phone]);
END;
CREATE TRIGGER IF NOT EXISTS [attendees_ad] AFTER DELETE ON [attendees] BEGIN
  INSERT INTO [attendees_fts] ([attendees_fts], rowid, [id], [name], [name_ur], [name_zh], [company], [email], [phone])
    VALUES('delete', old.rowid, old.[id], old.[name], old.[name_ur], old.[name_zh], old.[company], old.[email], old.[phone]);
END;
CREATE TRIGGER IF NOT EXISTS [attendees_au] AFTER UPDATE ON [attendees] BEGIN
  INSERT INTO [attendees_fts] ([attendees_fts], rowid, [id], [name], [name_ur], [name_zh], [company], [email], [phone])
    VALUES('delete', old.rowid, old.[id], old.[name], old.[name_ur], old.[name_zh], old.[company], old.[email], old.[phone]);
  INSERT INTO [attendees_fts] (rowid, [id], [name], [name_ur], [name_zh], [company], [email], [phone]) VALUES (new.rowid, new.[id], new.[name], new.[name_ur], new.[name_zh], new.[company], new.[email], new.[phone]);
END;
CREATE VIEW IF NOT EXISTS scans_readable AS
SELECT s.seq, datetime(s.at_utc, COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= s.at_utc ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') AS local_time, s.day, s.outcome, s.reason,
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
       a.company, d.last_gate AS gate, datetime(d.last_in_at, COALESCE((SELECT minutes FROM utc_offsets WHERE from_utc <= d.last_in_at ORDER BY from_utc DESC LIMIT 1), 0) || ' minutes') AS inside_since,
       d.entries
FROM daily_attendance d LEFT JOIN attendees a ON a.id = d.attendee_id
WHERE d.last_in_at IS NOT NULL AND d.last_in_at > COALESCE(d.last_out_at, '');
"""),
    # Badge printing (kiosk/storage/print_log.py): one row a print job, once a person a day from the attendee side; walk-ins registered at this kiosk (append-only).
    (7, """
CREATE TABLE IF NOT EXISTS walk_ins (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    attendee_id TEXT NOT NULL UNIQUE,
    kiosk_id TEXT NOT NULL,
    at_utc TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    company TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER IF NOT EXISTS walk_ins_append_only_update BEFORE UPDATE ON walk_ins
BEGIN
    SELECT RAISE(ABORT, 'the walk-in register is append-only');
END;
CREATE TRIGGER IF NOT EXISTS walk_ins_append_only_delete BEFORE DELETE ON walk_ins
BEGIN
    SELECT RAISE(ABORT, 'the walk-in register is append-only');
END;

CREATE TABLE IF NOT EXISTS badge_prints (
    print_id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    attendee_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    scan_id TEXT,
    at_utc TEXT NOT NULL,
    queue TEXT NOT NULL DEFAULT '',
    job_id INTEGER,
    state TEXT NOT NULL DEFAULT 'claimed',
    detail TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS badge_prints_once_a_day ON badge_prints (day, attendee_id)
    WHERE reason IN ('checkin', 'print_only');
CREATE INDEX IF NOT EXISTS badge_prints_state ON badge_prints (state, day);
"""),
    # Staff PIN events (append-only): wrong PINs, lock-outs and resets; the lock-out is derived from them.
    (8, """
CREATE TABLE IF NOT EXISTS pin_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc TEXT NOT NULL,
    kind TEXT NOT NULL,
    boot TEXT NOT NULL DEFAULT '',
    mono REAL NOT NULL DEFAULT 0,
    seconds INTEGER NOT NULL DEFAULT 0
);

CREATE TRIGGER IF NOT EXISTS pin_events_append_only_update BEFORE UPDATE ON pin_events
BEGIN
    SELECT RAISE(ABORT, 'the PIN event log is append-only');
END;
CREATE TRIGGER IF NOT EXISTS pin_events_append_only_delete BEFORE DELETE ON pin_events
BEGIN
    SELECT RAISE(ABORT, 'the PIN event log is append-only');
END;
"""),
    # Contacts as keyed hashes (kiosk/storage/contact_lookup.py): the roster's e-mails and phones never in clear on a kiosk.
    (9, """
CREATE TABLE IF NOT EXISTS attendee_contacts (
    attendee_id TEXT PRIMARY KEY COLLATE NOCASE,
    email_hash TEXT NOT NULL DEFAULT '',
    phone_hash TEXT NOT NULL DEFAULT '',
    tail_hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS attendee_contacts_email ON attendee_contacts (email_hash) WHERE email_hash != '';
CREATE INDEX IF NOT EXISTS attendee_contacts_phone ON attendee_contacts (phone_hash) WHERE phone_hash != '';

-- The event's kiosks' public keys (event folder kiosks/*.pub, the hub's kiosk_keys): a badge one
-- of them signed is a lost badge reissued by staff there (kiosk/services/staff.py).
CREATE TABLE IF NOT EXISTS kiosk_keys (
    kiosk_id TEXT NOT NULL,
    public_key TEXT NOT NULL,
    PRIMARY KEY (kiosk_id, public_key)
);
-- Badges this kiosk reissued (append-only): kept across provisioning, and for the organiser.
CREATE TABLE IF NOT EXISTS kiosk_reissues (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    attendee_id TEXT NOT NULL COLLATE NOCASE,
    issue INTEGER NOT NULL,
    token TEXT NOT NULL,
    replaced TEXT NOT NULL DEFAULT '',
    staff TEXT NOT NULL DEFAULT '',
    at_utc TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS kiosk_reissues_append_only_update BEFORE UPDATE ON kiosk_reissues
BEGIN
    SELECT RAISE(ABORT, 'the reissue log is append-only');
END;
CREATE TRIGGER IF NOT EXISTS kiosk_reissues_append_only_delete BEFORE DELETE ON kiosk_reissues
BEGIN
    SELECT RAISE(ABORT, 'the reissue log is append-only');
END;
"""),
    # Live sync of walk-ins: the last walk_ins.seq the hub has committed (kiosk/storage/outbox.py).
    (10, """
ALTER TABLE hub_sync ADD COLUMN walk_ins_pushed INTEGER NOT NULL DEFAULT 0;
"""),
]


EVENT_MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

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
"""),
    (2, """
CREATE TABLE IF NOT EXISTS issued_badges (
    attendee_id TEXT PRIMARY KEY COLLATE NOCASE,
    token TEXT NOT NULL,
    issued_at TEXT NOT NULL
);
"""),
    # Tickets from pretix or Eventbrite: each attendee's ticket barcode and check-in attention.
    (3, """
ALTER TABLE attendees ADD COLUMN code TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
ALTER TABLE attendees ADD COLUMN attention TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS attendees_code ON attendees (code) WHERE code != '';
"""),
]
