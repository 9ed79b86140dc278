"""event.db: the organiser's roster and revocation list, kept in the event folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.core.event import Attendee
from kiosk.storage import roster
from kiosk.storage.db import SqliteStore, Transaction, connect, migrate
from kiosk.storage.schema import EVENT_MIGRATIONS


class EventStore(SqliteStore):

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False) -> "EventStore":
        path = Path(path)
        conn = connect(path, must_exist=not create, what="event database")
        migrate(conn, EVENT_MIGRATIONS, f"event database {path}")
        return cls(conn, path)

    def set_meta(self, values: dict[str, str]) -> None:
        with Transaction(self.conn):
            self.conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(values.items()))

    def checkpoint(self) -> None:
        """Fold the WAL into the main file so that readers on other machines see one file."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def find_attendee(self, attendee_id: str) -> Attendee | None:
        return roster.find_attendee(self.conn, attendee_id)

    def attendees(self):
        return roster.all_attendees(self.conn)

    def count(self) -> int:
        return roster.count_attendees(self.conn)

    def existing_ids(self) -> set[str]:
        return roster.existing_ids(self.conn)

    def upsert(self, rows) -> None:
        roster.upsert_attendees(self.conn, rows)

    def revoke(self, key: str, kind: str, *, reason: str, label: str = "", active: bool = True,
               source: str = "organiser") -> None:
        roster.set_revocation(self.conn, key, kind, reason=reason, label=label, active=active,
                              source=source)

    def revocations(self) -> list[dict]:
        return roster.revocations(self.conn)

    def record_issued(self, tokens) -> None:
        """(attendee id, token) of each badge issued, for reprints at the kiosks."""
        from kiosk.storage.staff_store import record_issued

        record_issued(self.conn, tokens)
