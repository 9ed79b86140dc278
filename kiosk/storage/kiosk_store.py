"""kiosk.db: the kiosk's copy of the roster and public keys, and its scan log.

One KioskStore is owned by one thread (the CLI's, or the UI's database worker).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from kiosk.core.desk import ScanRecord
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.event import Attendee
from kiosk.core.headcount import Headcount
from kiosk.core.rules import Attendance
from kiosk.core.timeutil import from_utc_text, to_utc_text, utcnow
from kiosk.storage import roster
from kiosk.storage.contact_lookup import store_contacts
from kiosk.storage.db import SqliteStore, Transaction, connect, disk_problem, migrate
from kiosk.storage.headcount_sql import headcount
from kiosk.storage.readable import ensure_zone
from kiosk.storage.schema import KIOSK_MIGRATIONS, SCAN_COLUMNS

_INSERT_SCAN = (
    f"INSERT INTO scans ({', '.join(SCAN_COLUMNS)}) VALUES ({', '.join('?' * len(SCAN_COLUMNS))})"
)


EXPECTED_TABLES = ("meta", "public_keys", "attendees", "revocations", "scans", "daily_attendance",
                   "scan_counts", "day_counts", "arrival_counts", "inside_counts", "audit_log",
                   "utc_offsets")
EXPECTED_TRIGGERS = ("scans_append_only_update", "scans_append_only_delete", "scans_count",
                     "scans_entry", "scans_exit", "attendance_insert", "attendance_update")


class KioskStore(SqliteStore):
    # The event's contact key (kiosk.storage.contact_lookup.ContactKey), handed in by whoever
    # opens the kiosk's folder: what typed e-mails and phone numbers are matched by here.
    contact_key = None

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, readonly: bool = False,
             one_owner: bool = False) -> "KioskStore":
        path = Path(path)
        if not create and not path.exists():
            raise KioskError(f"no kiosk database at {path}; provision the kiosk with `kiosk init`")
        conn = connect(path, must_exist=not create, readonly=readonly, what="kiosk database",
                       one_owner=one_owner)
        if not readonly:
            migrate(conn, KIOSK_MIGRATIONS, f"kiosk database {path}")
        store = cls(conn, path)
        if not readonly:
            store._remember_file()
            ensure_zone(store)
        return store

    # -- the file under us -----------------------------------------------------------------
    # A kiosk.db deleted, renamed over or overwritten while the kiosk runs would take commits
    # into a file nobody will ever read. Before each commit the file at the path must still be
    # the one opened: same device and inode, an SQLite header, and this database's own random
    # application id (set once, at offset 68 of the header).
    _identity: tuple[int, int, bytes] | None = None

    def _remember_file(self) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == 0:
            app_id = secrets.randbits(31) | 1
            self.conn.execute(f"PRAGMA application_id = {app_id}")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # into the file's header now
        st = os.stat(self.path)
        self._identity = (st.st_dev, st.st_ino, app_id.to_bytes(4, "big", signed=True))

    def check_file(self) -> None:
        """Raise StorageError unless the file at our path is still the database we opened."""
        if self._identity is None or self.path is None:
            return
        dev, ino, app_id = self._identity
        problem = None
        try:
            st = os.stat(self.path)
            with open(self.path, "rb") as fh:
                header = fh.read(100)
        except FileNotFoundError:
            problem = "was deleted or moved away"
        except OSError as exc:
            problem = f"cannot be read ({exc.strerror})"
        else:
            if (st.st_dev, st.st_ino) != (dev, ino):
                problem = "was replaced by another file"
            elif not header.startswith(b"SQLite format 3\x00") or header[68:72] != app_id:
                problem = "was overwritten"
        if problem:
            raise StorageError(f"the kiosk database {self.path} {problem} while the kiosk ran; "
                               "nothing was recorded: call staff (restart the kiosk, or restore "
                               "its folder)")

    def _storage_error(self, exc: sqlite3.Error, doing: str) -> StorageError:
        problem = disk_problem(exc, self.path)
        if problem:
            return StorageError(f"{doing}: {problem}")
        return StorageError(f"{doing} ({exc}); check the disk")

    @contextmanager
    def decision(self):
        """One write transaction (BEGIN IMMEDIATE) around a check-in's look-ups and its append:
        committed, after the file check, when the block ends; nothing is kept if it fails."""
        if self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._storage_error(exc, "the scan could not be saved") from exc
        try:
            yield
            self.check_file()
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            if isinstance(exc, sqlite3.Error):
                raise self._storage_error(exc, "the scan could not be saved") from exc
            raise

    # -- meta ------------------------------------------------------------------------------
    def set_meta(self, values: dict[str, str]) -> None:
        with Transaction(self.conn):
            self.conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                list(values.items()),
            )
        if "event_toml" in values:
            ensure_zone(self)

    # -- keys ------------------------------------------------------------------------------
    def public_keys(self) -> dict[int, bytes]:
        return {kid: bytes.fromhex(hexkey)
                for kid, hexkey in self.conn.execute("SELECT kid, public_key FROM public_keys")}

    def replace_public_keys(self, keys: dict[int, bytes]) -> None:
        now = to_utc_text(utcnow())
        with Transaction(self.conn):
            self.conn.execute("DELETE FROM public_keys")
            self.conn.executemany(
                "INSERT INTO public_keys (kid, public_key, added_at) VALUES (?, ?, ?)",
                [(kid, raw.hex(), now) for kid, raw in keys.items()],
            )

    # -- roster (ScanStore) ----------------------------------------------------------------
    def find_attendee(self, attendee_id: str) -> Attendee | None:
        return roster.find_attendee(self.conn, attendee_id)

    def revocation(self, attendee_id: str | None, token_fingerprint: str | None,
                   issue: int | None = None) -> str | None:
        return roster.lookup_revocation(self.conn, attendee_id, token_fingerprint, issue)

    def badge_issue(self, attendee_id: str) -> int | None:
        return roster.badge_issue(self.conn, attendee_id)

    # Rows per transaction while refreshing the roster; adjusted as it goes so that each
    # transaction (during which a check-in waits for the write lock) stays near this long.
    COPY_TARGET_SECONDS = 0.02
    COPY_FIRST_BATCH = 1000

    def copy_roster_from(self, event_db: Path, *, contact_key=None) -> int:
        """Replace this kiosk's roster and revocations with the event's (never its private key).

        The copy goes in short transactions of a few thousand rows (only changed rows are
        written), so a running kiosk's check-ins never wait long for the write lock; meanwhile
        each attendee is either as before or as in the event. With ``contact_key`` (a
        kiosk.storage.contact_lookup.ContactKey) no e-mail address or phone number is copied:
        attendee_contacts gets their keyed hashes instead; without it (``--full-roster``, or a
        merged file) they are copied in clear.
        """
        import time

        try:
            self.conn.execute("ATTACH DATABASE ? AS event", (f"file:{event_db}?mode=ro",))
        except sqlite3.Error as exc:
            raise KioskError(f"cannot read the event database {event_db}: {exc}") from exc
        cols = roster.STORED_COLUMNS
        hashed = contact_key is not None
        was_hashed = self.get_meta("contacts") == "hashed"
        select = ", ".join("''" if hashed and c in ("email", "phone") else c for c in cols)
        if hashed:
            # Whatever clear copy an earlier provisioning left is overwritten, not just unlinked.
            self.conn.execute("PRAGMA secure_delete = ON")
        differs = " OR ".join(f"main.attendees.{c} IS NOT excluded.{c}" for c in cols if c != "id")
        upsert = (f"INSERT INTO main.attendees ({', '.join(cols)}) SELECT {select} "
                  "FROM event.attendees WHERE rowid > ? AND rowid <= ? ORDER BY rowid "
                  "ON CONFLICT (id) DO UPDATE SET "
                  + ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
                  + f" WHERE {differs}")
        try:
            batch, last = self.COPY_FIRST_BATCH, 0
            while True:
                row = self.conn.execute(
                    "SELECT MAX(rowid) FROM (SELECT rowid FROM event.attendees WHERE rowid > ? "
                    "ORDER BY rowid LIMIT ?)", (last, batch)).fetchone()
                if row[0] is None:
                    break
                began = time.perf_counter()
                with Transaction(self.conn):
                    self.conn.execute(upsert, (last, row[0]))
                    if hashed:
                        store_contacts(self.conn, [contact_key.row(*r) for r in self.conn.execute(
                            "SELECT id, email, phone FROM event.attendees "
                            "WHERE rowid > ? AND rowid <= ?", (last, row[0]))])
                last = row[0]
                batch = self._pause(batch, time.perf_counter() - began)
            # Attendees the event no longer has: found by a read (no lock held), then deleted
            # a batch at a time.
            gone = [r[0] for r in self.conn.execute(
                "SELECT m.rowid FROM main.attendees m WHERE NOT EXISTS "
                "(SELECT 1 FROM event.attendees e WHERE e.id = m.id)")]
            while gone:
                chunk, gone = gone[:batch], gone[batch:]
                began = time.perf_counter()
                with Transaction(self.conn):
                    self.conn.executemany("DELETE FROM main.attendees WHERE rowid = ?",
                                          ((r,) for r in chunk))
                batch = self._pause(batch, time.perf_counter() - began)
            with Transaction(self.conn):
                if hashed:  # attendees gone from the roster, or a copy made with --full-roster
                    self.conn.execute("DELETE FROM main.attendee_contacts WHERE attendee_id "
                                      "NOT IN (SELECT id FROM event.attendees)")
                else:
                    self.conn.execute("DELETE FROM main.attendee_contacts")
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('contacts', ?) ON CONFLICT (key) "
                    "DO UPDATE SET value = excluded.value", ("hashed" if hashed else "full",))
                # Walk-ins registered here stay known until the organiser's roster has them.
                self.conn.execute(
                    "INSERT OR IGNORE INTO main.attendees (id, name, category, company, email, "
                    "phone, updated_at) SELECT attendee_id, name, category, company, email, phone, "
                    "at_utc FROM main.walk_ins")
                self.conn.execute(
                    "INSERT INTO main.revocations SELECT * FROM event.revocations WHERE true "
                    "ON CONFLICT (key) DO UPDATE SET label = excluded.label, "
                    "reason = excluded.reason, active = excluded.active, "
                    "updated_at = excluded.updated_at, source = excluded.source "
                    "WHERE " + roster.merge_revocation_where("main.revocations"))
                if self.conn.execute("SELECT 1 FROM event.sqlite_master "
                                     "WHERE name = 'issued_badges'").fetchone():
                    # The badge tokens issued so far, so staff can reprint a badge here.
                    self.conn.execute(
                        "INSERT INTO main.issued_badges SELECT * FROM event.issued_badges WHERE true "
                        "ON CONFLICT (attendee_id) DO UPDATE SET token = excluded.token, "
                        "issued_at = excluded.issued_at WHERE token IS NOT excluded.token")
                self._keep_own_reissues()
            if hashed and not was_hashed:
                self._forget_clear_contacts()
            return roster.count_attendees(self.conn)
        finally:
            self.conn.execute("DETACH DATABASE event")
            if hashed:
                self.conn.execute("PRAGMA secure_delete = OFF")

    def _keep_own_reissues(self) -> None:
        """A badge reissued here stays this kiosk's newest record of it until the event's
        copy has a later issue (the organiser hears of it at the next merge)."""
        if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'kiosk_reissues'"
                                 ).fetchone():
            return
        for attendee_id, issue, token, at in self.conn.execute(
                "SELECT attendee_id, issue, token, at_utc FROM kiosk_reissues ORDER BY seq"
                ).fetchall():
            current = roster.current_badge(self.conn, attendee_id)
            if current is None or current[1] < issue:
                self.conn.execute(
                    "INSERT INTO issued_badges (attendee_id, token, issued_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (attendee_id) DO UPDATE SET token = excluded.token, "
                    "issued_at = excluded.issued_at", (attendee_id, token, at))

    def _forget_clear_contacts(self) -> None:
        """After a clear copy was replaced by hashes: the full-text indexes drop the old terms
        (an optimize merges away deleted entries) and the WAL is folded in and truncated, so
        the old addresses are not left in the file's free pages or the log."""
        with Transaction(self.conn):
            for table in ("attendee_search", "attendees_fts"):
                if self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                     (table,)).fetchone():
                    self.conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _pause(self, batch: int, seconds: float) -> int:
        """Leave the lock free for about as long as it was held: SQLite has no queue of
        writers, and a check-in waiting on its busy handler looks again every few tens of
        milliseconds, so without a gap it could miss every one. Returns the next batch size."""
        import time

        # Fold what this batch wrote into the file now (PASSIVE: it never blocks a writer), so
        # that a check-in's commit does not find a long WAL to checkpoint on its own time.
        began = time.perf_counter()
        self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        time.sleep(max(seconds - (time.perf_counter() - began), 0.01))
        return self._next_batch(batch, seconds)

    def _next_batch(self, batch: int, seconds: float) -> int:
        if seconds <= 0:
            return min(batch * 2, 50_000)
        wanted = int(batch * self.COPY_TARGET_SECONDS / seconds)
        return max(100, min(wanted, batch * 2, 50_000))

    # -- the scan log ----------------------------------------------------------------------
    def attendance(self, day: str, attendee_id: str) -> Attendance | None:
        row = self.conn.execute(
            "SELECT first_in_at, last_in_at, last_out_at, entries FROM daily_attendance "
            "WHERE day = ? AND attendee_id = ?",
            (day, attendee_id),
        ).fetchone()
        if row is None:
            return None
        first, last_in, last_out, entries = row
        return Attendance(
            first_in_at=from_utc_text(first) if first else None,
            last_in_at=from_utc_text(last_in) if last_in else None,
            last_out_at=from_utc_text(last_out) if last_out else None,
            entries=entries,
        )

    def append_scan(self, record: ScanRecord) -> None:
        """Append one scan and commit it to disk (WAL, synchronous=FULL) before returning."""
        values = [getattr(record, c) for c in SCAN_COLUMNS]
        try:
            if self.conn.in_transaction:  # inside decision(): it commits
                self.conn.execute(_INSERT_SCAN, values)
                return
            with Transaction(self.conn):
                self.conn.execute(_INSERT_SCAN, values)
                self.check_file()
        except sqlite3.Error as exc:
            raise self._storage_error(exc, "the scan could not be saved") from exc

    def scans(self, *, after_seq: int = 0, limit: int | None = None) -> Iterator[dict]:
        sql = "SELECT seq, " + ", ".join(SCAN_COLUMNS) + " FROM scans WHERE seq > ? ORDER BY seq"
        params: list = [after_seq]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row))

    def recent_scans(self, limit: int = 20) -> list[dict]:
        cur = self.conn.execute(
            "SELECT seq, " + ", ".join(SCAN_COLUMNS) + " FROM scans ORDER BY seq DESC LIMIT ?",
            (limit,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur]

    def last_scan(self) -> dict | None:
        row = self.conn.execute("SELECT at_utc, outcome, gate FROM scans ORDER BY seq DESC LIMIT 1").fetchone()
        return {"at_utc": row[0], "outcome": row[1], "gate": row[2]} if row else None

    def scan_count(self) -> int:
        row = self.conn.execute("SELECT MAX(seq) FROM scans").fetchone()
        return row[0] or 0

    def headcount(self, at: datetime, tz_name: str) -> Headcount:
        result = headcount(self.conn, at, tz_name)
        result.source = f"kiosk {self.get_meta('kiosk_id', '?')}"
        return result

    def schema_problems(self) -> list[str]:
        """What kiosk.db lacks of its schema (tables, and the triggers that keep the log
        append-only and the counters right), read with sqlite-utils' introspection."""
        import sqlite_utils

        db = sqlite_utils.Database(self.conn)
        tables = set(db.table_names())
        triggers = {t.name for t in db.triggers}
        return ([f"table {name}" for name in EXPECTED_TABLES if name not in tables]
                + [f"trigger {name}" for name in EXPECTED_TRIGGERS if name not in triggers])

    def integrity(self) -> str:
        return self.conn.execute("PRAGMA quick_check").fetchone()[0]
