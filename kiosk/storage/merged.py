"""MERGED.db: every kiosk's scan log in one SQLite file, for the organiser.

It has the kiosk database's tables (so ``kiosk headcount --db MERGED.db`` and Datasette read it like
a kiosk.db), ``meta`` with ``event_id`` and ``event_toml``, and two tables of its own:

- ``merged_bundles``: one row per bundle merged (content and file SHA-256, kiosk, counts), so that
  merging the same file again is recognised from its bytes without reading it row by row;
- ``merge_conflicts``: scan ids that arrived again with different content; the first version stays
  in the log (it is append-only) and the other is kept here for a person to look at.

Bulk loads switch the per-row triggers off and fold the new rows into the derived tables in one
pass (``DerivedDelta``), with the same meaning as the triggers in schema.py.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Sequence

from kiosk.core.errors import KioskError
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage import walk_ins
from kiosk.storage.db import SqliteStore, Transaction, _statements, migrate
from kiosk.storage.presence import set_stale
from kiosk.storage.schema import (
    DERIVED_TRIGGERS,
    DROP_DERIVED_TRIGGERS,
    KIOSK_MIGRATIONS,
    ROSTER_COLUMNS,
    SCAN_COLUMNS,
    SCAN_INDEXES,
)

MERGED_DDL = """
CREATE TABLE IF NOT EXISTS merged_bundles (
    content_sha256 TEXT PRIMARY KEY,
    file_sha256 TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    gate TEXT NOT NULL DEFAULT '',
    scans INTEGER NOT NULL,
    added INTEGER NOT NULL,
    first_seq INTEGER,
    last_seq INTEGER,
    exported_at TEXT NOT NULL DEFAULT '',
    merged_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS merged_bundles_file ON merged_bundles (file_sha256);
CREATE TABLE IF NOT EXISTS merge_conflicts (
    scan_id TEXT NOT NULL,
    bundle_sha256 TEXT NOT NULL REFERENCES merged_bundles (content_sha256)
        DEFERRABLE INITIALLY DEFERRED,
    kiosk_id TEXT NOT NULL DEFAULT '',
    columns TEXT NOT NULL,
    kept TEXT NOT NULL,
    offered TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (scan_id, bundle_sha256)
);
"""


_COL = {name: i for i, name in enumerate(SCAN_COLUMNS)}
_ENTRY = frozenset(("accepted", "reentry"))

_UPSERT_ATTENDANCE = """
INSERT INTO daily_attendance (day, attendee_id, category, first_in_at, first_kiosk, first_gate,
                              last_in_at, last_out_at, entries, last_gate)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (day, attendee_id) DO UPDATE SET
    category = CASE WHEN excluded.first_in_at IS NOT NULL
                     AND (first_in_at IS NULL OR excluded.first_in_at < first_in_at)
                    THEN excluded.category ELSE category END,
    first_kiosk = CASE WHEN excluded.first_in_at IS NOT NULL
                        AND (first_in_at IS NULL OR excluded.first_in_at < first_in_at)
                       THEN excluded.first_kiosk ELSE first_kiosk END,
    first_gate = CASE WHEN excluded.first_in_at IS NOT NULL
                       AND (first_in_at IS NULL OR excluded.first_in_at < first_in_at)
                      THEN excluded.first_gate ELSE first_gate END,
    first_in_at = CASE WHEN excluded.first_in_at IS NOT NULL
                        AND (first_in_at IS NULL OR excluded.first_in_at < first_in_at)
                       THEN excluded.first_in_at ELSE first_in_at END,
    last_gate = CASE WHEN excluded.last_in_at IS NOT NULL
                      AND (last_in_at IS NULL OR excluded.last_in_at > last_in_at
                           OR (excluded.last_in_at = last_in_at
                               AND excluded.last_gate > COALESCE(last_gate, '')))
                     THEN excluded.last_gate ELSE last_gate END,
    last_in_at = CASE WHEN excluded.last_in_at IS NOT NULL
                       AND (last_in_at IS NULL OR excluded.last_in_at > last_in_at)
                      THEN excluded.last_in_at ELSE last_in_at END,
    last_out_at = CASE WHEN excluded.last_out_at IS NOT NULL
                        AND (last_out_at IS NULL OR excluded.last_out_at > last_out_at)
                       THEN excluded.last_out_at ELSE last_out_at END,
    entries = entries + excluded.entries
"""

_UPSERT_COUNTS = (
    "INSERT INTO scan_counts (day, outcome, n) VALUES (?, ?, ?) "
    "ON CONFLICT (day, outcome) DO UPDATE SET n = n + excluded.n"
)


class DerivedDelta:
    """What a batch of new scan rows adds to daily_attendance and scan_counts.

    Rows are fed in log order as tuples whose columns are SCAN_COLUMNS starting at ``offset``
    (1 when a leading ``seq`` is present). The result is the triggers' (schema.py): per attendee
    and day the earliest entry with its category, kiosk and gate (ties keep the earlier row), the
    latest entry with its gate (ties: the greater gate name) and exit, and the number of
    entries; and scans per day and outcome.
    """

    def __init__(self, offset: int = 0):
        self.offset = offset
        self.counts: Counter = Counter()
        # (day, attendee) -> [first_in, category, kiosk, gate, last_in, last_out, entries,
        #                     last_gate]
        self.attendance: dict = {}
        self._same = {}.setdefault

    def add(self, rows: Sequence[Sequence]) -> None:
        if not rows:
            return
        o = self.offset
        day_i, outcome_i, who_i = o + _COL["day"], o + _COL["outcome"], o + _COL["attendee_id"]
        at_i, cat_i = o + _COL["at_utc"], o + _COL["category"]
        kiosk_i, gate_i = o + _COL["kiosk_id"], o + _COL["gate"]
        self.counts.update(zip(map(itemgetter(day_i), rows), map(itemgetter(outcome_i), rows)))
        attendance = self.attendance
        # Days, categories, kiosks and gates repeat endlessly: keep one copy of each, so the
        # delta stays small in memory and on its way back from a checking process.
        same = self._same
        # A plain loop: most rows are entries of distinct attendees, so there is little to gain
        # from grouping first (measured: this is about three times faster than sort-and-group).
        for row in rows:
            who = row[who_i]
            if who is None:
                continue
            outcome = row[outcome_i]
            if outcome in _ENTRY:
                key = (row[day_i], who)
                at = row[at_i]
                cur = attendance.get(key)
                if cur is None:
                    day = row[day_i]
                    gate = same(row[gate_i], row[gate_i])
                    attendance[(same(day, day), who)] = [
                        at, same(row[cat_i], row[cat_i]), same(row[kiosk_i], row[kiosk_i]),
                        gate, at, None, 1, gate]
                    continue
                if cur[0] is None or at < cur[0]:
                    cur[0], cur[1] = at, same(row[cat_i], row[cat_i])
                    cur[2], cur[3] = same(row[kiosk_i], row[kiosk_i]), same(row[gate_i], row[gate_i])
                if cur[4] is None or at > cur[4] or (at == cur[4] and row[gate_i] > (cur[7] or "")):
                    cur[4], cur[7] = at, same(row[gate_i], row[gate_i])
                cur[6] += 1
            elif outcome == "exited":
                key = (row[day_i], who)
                at = row[at_i]
                cur = attendance.get(key)
                if cur is None:
                    day = row[day_i]
                    attendance[(same(day, day), who)] = [None, None, None, None, None, at, 0, None]
                elif cur[5] is None or at > cur[5]:
                    cur[5] = at

    def __getstate__(self):  # the bound setdefault does not travel between processes
        return {"offset": self.offset, "counts": self.counts, "attendance": self.attendance}

    def __setstate__(self, state):
        self.__init__(state["offset"])
        self.counts, self.attendance = state["counts"], state["attendance"]

    def apply(self, conn: sqlite3.Connection) -> None:
        """Upsert into the derived tables; the caller holds the transaction."""
        conn.executemany(_UPSERT_COUNTS, ((d, o, n) for (d, o), n in self.counts.items()))
        conn.executemany(_UPSERT_ATTENDANCE, (
            (day, who, v[1], v[0], v[2], v[3], v[4], v[5], v[6], v[7])
            for (day, who), v in self.attendance.items()))
        # day_counts and arrival_counts are recomputed once, after the last batch
        # (kiosk/storage/presence.py); until then the database is marked stale.
        set_stale(conn, True)


def set_derived_triggers(conn: sqlite3.Connection, on: bool) -> None:
    for statement in _statements(DERIVED_TRIGGERS if on else DROP_DERIVED_TRIGGERS):
        conn.execute(statement)


class MergedStore(SqliteStore):
    """One merged database; owned by one thread (the merge command's)."""


    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> "MergedStore":
        path = Path(path)
        if not create and not path.exists():
            raise KioskError(f"no merged database at {path}")
        if path.exists() and path.is_dir():
            raise KioskError(f"{path} is a folder; give the merged database's file name")
        new = not path.exists()
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise KioskError(f"cannot open {path}: {exc}") from None
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            if new:
                # Big pages: fewer, shallower B-tree levels for millions of rows and their
                # scan_id index (merging 2,000,000 scans runs about 40% faster than at 4 KiB).
                conn.execute("PRAGMA page_size = 65536")
            # One self-contained file to copy around (no -wal beside it), and about half the
            # disk writes of WAL for a bulk load; the rollback journal keeps commits crash-safe.
            # (A no-op on a file already in this mode: opening changes nothing on disk.)
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            # A big page cache holds the scan_id index while millions of rows go in.
            conn.execute("PRAGMA cache_size = -400000")
            conn.execute("PRAGMA temp_store = MEMORY")
            # Building the scan log's indexes after a bulk load sorts millions of keys: let
            # SQLite's sorter use a second core.
            conn.execute("PRAGMA threads = 2")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            migrate(conn, KIOSK_MIGRATIONS, f"merged database {path}")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"merged_bundles", "merge_conflicts"} <= tables:
                with Transaction(conn):
                    for statement in _statements(MERGED_DDL):
                        conn.execute(statement)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise KioskError(f"{path} is damaged or not a database ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    # -- meta --------------------------------------------------------------------------------
    def set_meta(self, values: dict[str, str]) -> None:
        """Within the caller's transaction."""
        self.conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(values.items()))

    # -- bundles -----------------------------------------------------------------------------
    def bundle_by_file(self, file_sha256: str) -> dict | None:
        return self._bundle("file_sha256", file_sha256)

    def bundle_by_content(self, content_sha256: str) -> dict | None:
        return self._bundle("content_sha256", content_sha256)

    def _bundle(self, column: str, value: str) -> dict | None:
        cur = self.conn.execute(f"SELECT * FROM merged_bundles WHERE {column} = ?", (value,))
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row)) if row else None

    def record_bundle(self, **values) -> None:
        values.setdefault("merged_at", to_utc_text(utcnow()))
        names = list(values)
        self.conn.execute(
            f"INSERT INTO merged_bundles ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            "ON CONFLICT (content_sha256) DO NOTHING", [values[n] for n in names])

    def record_conflicts(self, conflicts: Iterable[dict]) -> None:
        now = to_utc_text(utcnow())
        self.conn.executemany(
            "INSERT INTO merge_conflicts (scan_id, bundle_sha256, kiosk_id, columns, kept, "
            "offered, found_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (scan_id, bundle_sha256) DO NOTHING",
            [(c["scan_id"], c["bundle_sha256"], c["kiosk_id"], ",".join(c["columns"]),
              json.dumps(c["kept"], ensure_ascii=False),
              json.dumps(c["offered"], ensure_ascii=False), now) for c in conflicts])

    def conflicts(self) -> list[dict]:
        cur = self.conn.execute("SELECT * FROM merge_conflicts ORDER BY found_at, scan_id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur]

    # -- the log -----------------------------------------------------------------------------
    def max_seq(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM scans").fetchone()[0]

    def scan_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0]

    def delta_since(self, seq: int) -> DerivedDelta:
        """The derived-table delta of the rows appended after ``seq``."""
        delta = DerivedDelta(offset=0)
        cur = self.conn.execute(
            f"SELECT {', '.join(SCAN_COLUMNS)} FROM scans WHERE seq > ? ORDER BY seq", (seq,))
        while rows := cur.fetchmany(10_000):
            delta.add(rows)
        return delta

    def copy_roster_from(self, event_db: Path) -> int:
        """The organiser's roster and revocations, for no-shows in the report, and the walk-ins
        merged so far."""
        try:
            self.conn.execute("ATTACH DATABASE ? AS event", (f"file:{event_db}?mode=ro",))
        except sqlite3.Error as exc:
            raise KioskError(f"cannot read the event database {event_db}: {exc}") from exc
        try:
            with Transaction(self.conn):
                self.conn.execute("DELETE FROM main.attendees")
                cols = ", ".join(ROSTER_COLUMNS + ("updated_at",))  # whatever the event's schema
                self.conn.execute(f"INSERT INTO main.attendees ({cols}) SELECT {cols} FROM event.attendees")
                # Walk-ins merged from the kiosks stay roster additions until the organiser's
                # roster holds them.
                walk_ins.add_to_roster(self.conn)
                self.conn.execute(
                    "INSERT INTO main.revocations SELECT * FROM event.revocations WHERE true "
                    "ON CONFLICT (key) DO UPDATE SET label = excluded.label, "
                    "reason = excluded.reason, active = excluded.active, "
                    "updated_at = excluded.updated_at, source = excluded.source")
            return self.conn.execute("SELECT COUNT(*) FROM attendees").fetchone()[0]
        finally:
            self.conn.execute("DETACH DATABASE event")
