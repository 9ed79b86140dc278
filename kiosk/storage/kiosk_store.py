"""kiosk.db: the kiosk's copy of the roster and public keys, and its scan log.

One KioskStore is owned by one thread (the CLI's, or the UI's database worker).
"""

from __future__ import annotations

import sqlite3
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
from kiosk.storage.db import SqliteStore, Transaction, connect, migrate
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
            ensure_zone(store)
        return store

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

    def revocation(self, attendee_id: str | None, token_fingerprint: str | None) -> str | None:
        return roster.lookup_revocation(self.conn, attendee_id, token_fingerprint)

    def copy_roster_from(self, event_db: Path) -> int:
        """Replace this kiosk's roster and revocations with the event's (never its private key)."""
        try:
            self.conn.execute("ATTACH DATABASE ? AS event", (f"file:{event_db}?mode=ro",))
        except sqlite3.Error as exc:
            raise KioskError(f"cannot read the event database {event_db}: {exc}") from exc
        try:
            with Transaction(self.conn):
                self.conn.execute("DELETE FROM main.attendees")
                cols = ", ".join(roster.STORED_COLUMNS)
                self.conn.execute(f"INSERT INTO main.attendees ({cols}) SELECT {cols} FROM event.attendees")
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
                    "WHERE excluded.updated_at >= main.revocations.updated_at")
                if self.conn.execute("SELECT 1 FROM event.sqlite_master "
                                     "WHERE name = 'issued_badges'").fetchone():
                    # The badge tokens issued so far, so staff can reprint a badge here.
                    self.conn.execute(
                        "INSERT INTO main.issued_badges SELECT * FROM event.issued_badges WHERE true "
                        "ON CONFLICT (attendee_id) DO UPDATE SET token = excluded.token, "
                        "issued_at = excluded.issued_at")
            return roster.count_attendees(self.conn)
        finally:
            self.conn.execute("DETACH DATABASE event")

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
            with Transaction(self.conn):
                self.conn.execute(_INSERT_SCAN, values)
        except sqlite3.Error as exc:
            raise StorageError(f"the scan could not be saved ({exc}); check the disk") from exc

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
