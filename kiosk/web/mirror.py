"""A local copy of the hub's scan log, so that the page's figures cost a few rows, not the day.

The hub keeps no derived tables: each of its dashboard figures is an aggregate over the day's
scans, seconds at fair scale. `kiosk web` therefore keeps its own SQLite copy (a merged-database
file in a temporary folder, removed on close) with the kiosk's derived tables, and reads the
figures from it like `kiosk web --db`. Rows come by transaction id, as kiosks pull: every row
whose ``txid`` is at or after the previous pull's ``pg_snapshot_xmin``, so no committed row is
ever missed; rows seen twice are ignored by scan id, and the derived tables do not depend on the
order rows arrive in (schema.py). The first pull loads in bulk (triggers off, one pass of
DerivedDelta and rebuild_presence, as a merge does).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import psycopg

from kiosk.storage.db import Transaction
from kiosk.storage.merged import MergedStore, set_derived_triggers
from kiosk.storage.presence import rebuild_presence
from kiosk.storage.schema import SCAN_COLUMNS
from kiosk.sync.hub import _SCAN_SELECT, HubClient

_INSERT = (f"INSERT OR IGNORE INTO scans ({', '.join(SCAN_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(SCAN_COLUMNS))})")
BLOCK = 20_000
BULK_FROM = 1_000  # rows in one refresh from which the bulk path is quicker than the triggers


class HubMirror:
    def __init__(self, folder: Path | None = None, *, bulk_from: int = BULK_FROM):
        self.bulk_from = bulk_from
        self.folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="kiosk-web-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        self.store = MergedStore.open(self.folder / "hub-copy.db", create=True)
        self.mark: str | None = None
        self.rows = 0

    @property
    def conn(self):
        return self.store.conn

    def refresh(self, hub: HubClient) -> int:
        """Copy the rows written since the last refresh; how many were new."""
        first = self.mark is None
        added = 0
        try:
            with hub.conn.transaction():
                hub.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                mark = hub.conn.execute(
                    "SELECT pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()[0]
                where = "" if first else "WHERE txid >= %s::xid8"
                with hub.conn.cursor(name="kiosk_web_copy") as cur:
                    cur.itersize = BLOCK
                    cur.execute(f"SELECT {_SCAN_SELECT} FROM scans {where}",
                                () if first else (self.mark,))
                    added = self._load(cur, bulk=first)
                self._keep_event(hub)
        except psycopg.Error as exc:
            raise hub._fail(exc, "copying the scan log") from None
        self.mark = mark
        self.rows += added
        return added

    def _keep_event(self, hub: HubClient) -> None:
        """The hub's event.toml beside the copy: its checkout_all_at says which event day a
        moment is in, as the kiosks gave their scans theirs (kiosk.storage.headcount_sql)."""
        row = hub.conn.execute("SELECT value FROM hub_meta WHERE key = 'event_toml'").fetchone()
        if row and row[0] != self.store.get_meta("event_toml"):
            with Transaction(self.conn):
                self.conn.execute("INSERT INTO meta (key, value) VALUES ('event_toml', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value", row)

    def _load(self, cur, *, bulk: bool) -> int:
        """Rows into the copy: one by one through the derived tables' triggers, or, for the
        first pull and big catch-ups (kiosks back from an outage), triggers off and the new rows
        folded in at once, as a merge does."""
        conn = self.conn
        last = lambda: conn.execute("SELECT COALESCE(MAX(seq), 0) FROM scans").fetchone()[0]  # noqa: E731
        start = last()
        rows = cur.fetchmany(BLOCK)
        bulk = bulk or len(rows) >= self.bulk_from
        with Transaction(conn):
            if bulk:
                set_derived_triggers(conn, False)
            while rows:
                conn.executemany(_INSERT, rows)  # a row seen before is ignored by its scan id
                rows = cur.fetchmany(BLOCK)
            if bulk:
                self.store.delta_since(start).apply(conn)  # only the rows that were new
                rebuild_presence(conn)
                set_derived_triggers(conn, True)
        return last() - start

    def close(self) -> None:
        try:
            self.store.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
