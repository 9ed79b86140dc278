"""The hub's figures, counted by the kiosk's own engine: a local copy of its scan log.

The hub (PostgreSQL) keeps the scans, not the figures. Every figure of the hub, that is
`kiosk headcount --hub`, `kiosk dashboard --hub`, a kiosk's staff dashboard with a hub and
`kiosk web --hub`, is read from a SQLite copy of the hub's scans with the kiosk's trigger-kept
derived tables (kiosk.storage.schema), exactly as a kiosk and a merged file count theirs. There
is one definition of attendance, and the hub is fed into it through the same shape as a merge.

Rows come by transaction id, as kiosks pull: every row whose ``txid`` is at or after the
previous pull's ``pg_snapshot_xmin``, so no committed row is ever missed. Rows seen twice are
ignored by scan id, and the derived tables do not depend on the order rows arrive in. The first
pull and big catch-ups load in bulk (triggers off, one pass of DerivedDelta and
rebuild_presence, as a merge does); a few new rows go through the triggers one by one.

``HubCopy.kept(hub)`` keeps the copy between runs in the cache folder (``KIOSK_CACHE_DIR``,
else ``$XDG_CACHE_HOME/itcn-kiosk``, else ``~/.cache/itcn-kiosk``), one file per hub id, so a
command run every minute copies only the minute's rows. The mark is stored in the copy in the
same transaction as the rows. A lock file lets two commands share it: the second waits for the
first to finish, then copies what is left. A copy whose hub was rebuilt or restored from an
older backup (its mark ahead of the hub's) is started again, and so is one that cannot be read
(put aside as ``.unreadable``). ``HubCopy()`` is a temporary copy,
removed on close (`kiosk web --hub`).

``snapshot(hub)`` brings the copy up to date inside one REPEATABLE READ transaction on the hub
and keeps it open while the caller reads: the figures from the copy and anything asked of the
hub in the block (names of the latest scans, the kiosks) are of the same moment.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterator

import psycopg

from kiosk.core.errors import KioskError
from kiosk.storage.db import Transaction
from kiosk.storage.merged import MergedStore, set_derived_triggers
from kiosk.storage.presence import rebuild_presence
from kiosk.storage.schema import SCAN_COLUMNS
from kiosk.sync.hub import _SCAN_SELECT, HubClient

log = logging.getLogger(__name__)

CACHE_ENV = "KIOSK_CACHE_DIR"
_INSERT = (f"INSERT OR IGNORE INTO scans ({', '.join(SCAN_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(SCAN_COLUMNS))})")
BLOCK = 20_000
BULK_FROM = 1_000  # rows in one refresh from which the bulk path is quicker than the triggers
_MARK, _HUB_ID = "hub_copy_mark", "hub_copy_hub_id"


def cache_dir() -> Path:
    """Where kept copies live: ``KIOSK_CACHE_DIR``, else the user's cache folder."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "itcn-kiosk"


class HubCopy:
    """One local copy of one hub's scan log; used by one thread at a time."""

    def __init__(self, path: Path | None = None, *, bulk_from: int = BULK_FROM):
        self.bulk_from = bulk_from
        self.temporary = path is None
        if path is None:
            self.folder = Path(tempfile.mkdtemp(prefix="kiosk-hub-copy-"))
            path = self.folder / "hub-copy.db"
        else:
            path = Path(path)
            self.folder = path.parent
            try:
                # the copy holds who came in when: for this user only
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                raise KioskError(f"cannot keep the hub's copy in {self.folder}: "
                                 f"{exc.strerror or exc}; set {CACHE_ENV} to a writable "
                                 "folder") from None
        self.path = path
        self.added = 0  # rows the last refresh copied
        with self._locked():  # made and migrated by one command at a time
            self.store = self._open()
            self.rows = self.conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0]

    @classmethod
    def kept(cls, hub: HubClient, folder: Path | None = None, **kw) -> "HubCopy":
        """The copy of this hub kept in ``folder`` (default: the cache folder)."""
        hub_id = hub.info().hub_id
        return cls(Path(folder or cache_dir()) / f"hub-{hub_id}.db", **kw)

    def _open(self) -> MergedStore:
        try:
            store = MergedStore.open(self.path, create=True)
            os.chmod(self.path, 0o600)
            return store
        except (KioskError, sqlite3.Error) as exc:
            if self.temporary or not self.path.is_file():
                raise
            # Damaged, or written by a newer program: it is only a copy of the hub, so it is
            # put aside and made again from the hub.
            log.warning("the hub's copy at %s cannot be read (%s); copying the hub again",
                        self.path, exc)
            self.path.replace(self.path.with_name(self.path.name + ".unreadable"))
            store = MergedStore.open(self.path, create=True)
            os.chmod(self.path, 0o600)
            return store

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store.conn

    @property
    def mark(self) -> str | None:
        return self.store.get_meta(_MARK)

    # -- bringing it up to date -----------------------------------------------------------
    @contextlib.contextmanager
    def snapshot(self, hub: HubClient) -> Iterator[sqlite3.Connection]:
        """Bring the copy up to date and yield its connection, the hub's read-only snapshot
        (on ``hub.conn``) still open: both show the same moment until the block ends."""
        with self._locked():
            try:
                with hub.conn.transaction():
                    hub.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    try:
                        self._refresh_in(hub)
                    except psycopg.Error as exc:
                        raise hub._fail(exc, "copying the scan log") from None
                    yield self.conn
            except psycopg.Error as exc:  # the caller's reads, or the snapshot's end
                raise hub._fail(exc, "reading the figures") from None

    def refresh(self, hub: HubClient) -> int:
        """Copy the rows written since the last refresh; how many were new."""
        with self.snapshot(hub):
            pass
        return self.added

    @contextlib.contextmanager
    def _locked(self):
        if self.temporary:
            yield
            return
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another command copying: wait for it
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _refresh_in(self, hub: HubClient) -> None:
        info = hub.info()
        now = hub.conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()[0]
        mark = self.mark
        known = self.store.get_meta(_HUB_ID)
        if self.rows and (known != info.hub_id or mark is None or int(mark) > int(now)):
            # Another hub at this file, or this hub went back in time (restored from a backup
            # older than the copy): its transaction ids no longer say what is new.
            log.warning("the hub's copy at %s is not of this hub as it is now; copying again",
                        self.path)
            self._start_again()
            mark = None
        first = mark is None or not self.rows
        with Transaction(self.conn):
            where = "" if first else "WHERE txid >= %s::xid8"
            with hub.conn.cursor(name="kiosk_hub_copy") as cur:
                cur.itersize = BLOCK
                cur.execute(f"SELECT {_SCAN_SELECT} FROM scans {where}",
                            () if first else (mark,))
                added = self._load(cur, bulk=first)
            self._keep_meta({_MARK: now, _HUB_ID: info.hub_id, "event_toml": info.event_toml})
        self.rows += added
        self.added = added

    def _start_again(self) -> None:
        self.store.close()
        self.path.unlink(missing_ok=True)
        self.store = self._open()
        self.rows = 0

    def _keep_meta(self, values: dict[str, str | None]) -> None:
        """The mark and the hub's id, and the hub's event.toml: its checkout_all_at says which
        event day a moment is in, as the kiosks gave their scans theirs."""
        for key, value in values.items():
            if value:
                self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  (key, value))

    def _load(self, cur, *, bulk: bool) -> int:
        """Rows into the copy: one by one through the derived tables' triggers, or, for the
        first pull and big catch-ups (kiosks back from an outage), triggers off and the new rows
        folded in at once, as a merge does."""
        conn = self.conn

        def last() -> int:
            return conn.execute("SELECT COALESCE(MAX(seq), 0) FROM scans").fetchone()[0]

        start = last()
        rows = cur.fetchmany(BLOCK)
        bulk = bulk or len(rows) >= self.bulk_from
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
            if self.temporary:
                shutil.rmtree(self.folder, ignore_errors=True)
