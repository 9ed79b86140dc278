"""Opening SQLite files the same careful way everywhere: WAL, full sync, versioned migrations."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Sequence

from kiosk.core.errors import KioskError, StorageError

Migration = tuple[int, str]


def connect(path: Path | str, *, must_exist: bool = True, readonly: bool = False,
            what: str = "database", one_owner: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL and synchronous=FULL.

    synchronous=FULL makes every commit reach the disk before it returns: a scan whose green
    was shown survives a crash or a pulled power cable. ``one_owner``: the connection belongs
    to the thread that opens it (the kiosk's database thread), and SQLite's own check refuses
    its use from any other.
    """
    path = Path(path)
    if must_exist and not path.exists():
        raise KioskError(f"no {what} at {path}")
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=one_owner)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=one_owner)
        conn.execute("PRAGMA busy_timeout = 5000")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise KioskError(f"{what} at {path} cannot use write-ahead logging ({mode})")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        problem = disk_problem(exc, path)
        if problem:
            raise KioskError(f"{what} at {path} cannot be used: {problem}") from exc
        raise KioskError(f"{what} at {path} is damaged or not a database ({exc}); "
                         "restore it from a backup or provision the kiosk again") from exc
    return conn


def _mount_point(path: Path) -> Path:
    path = Path(os.path.abspath(path))
    while not path.exists() and path != path.parent:
        path = path.parent
    while not os.path.ismount(path) and path != path.parent:
        path = path.parent
    return path


def free_space(path: Path | str) -> tuple[Path, int]:
    """The mount point holding ``path`` and its free bytes."""
    mount = _mount_point(Path(path))
    return mount, shutil.disk_usage(mount).free


def disk_problem(exc: BaseException, path: Path | str | None) -> str | None:
    """What is wrong with the disk, in words, when an SQLite error comes from it (else None):
    a full disk or a read-only file system is not a damaged database."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        if path is None:
            return "the disk is full"
        mount, free = free_space(Path(path).parent)
        return f"the disk is full: free space on {mount} is {free:,} bytes; free some space"
    if name.startswith("SQLITE_READONLY") or "readonly database" in text \
            or "read-only file system" in text:
        where = f" holding {path}" if path is not None else ""
        return (f"the file system{where} is read-only (or the file is not writable); "
                "the kiosk cannot record scans")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return "the disk could not be written (an input/output error): check the disk or card"
    if name == "SQLITE_CANTOPEN" or "unable to open database" in text:
        return "the file cannot be opened (missing folder or no permission)"
    return None


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration], what: str) -> int:
    """Bring the schema up to the newest version; refuse a file from a newer program."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    newest = max(v for v, _ in migrations)
    if current > newest:
        raise KioskError(f"{what} has schema version {current}, newer than this program knows "
                         f"({newest}); upgrade the kiosk software")
    for version, script in migrations:
        if version <= current:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageError(f"could not upgrade {what} to schema {version}: {exc}") from exc
    return newest


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, buffer = [], []
    for line in script.splitlines():
        buffer.append(line)
        candidate = "\n".join(buffer).strip()
        if candidate and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            buffer = []
    rest = "\n".join(buffer).strip()
    if rest:
        statements.append(rest)
    return statements


class Transaction:
    """``with Transaction(conn):`` BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error.

    Nested inside another Transaction on the same connection it is a SAVEPOINT: the inner work
    is undone on its own error, and reaches the disk only with the outer COMMIT. So a staff
    action and its audit row, or a decision and its scan, commit together or not at all.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.savepoint: str | None = None

    def __enter__(self):
        if self.conn.in_transaction:
            self.savepoint = f"nested_{id(self):x}"
            self.conn.execute(f"SAVEPOINT {self.savepoint}")
        else:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if self.savepoint is not None:
            if exc_type is None:
                self.conn.execute(f"RELEASE {self.savepoint}")
            elif self.conn.in_transaction:
                try:
                    self.conn.execute(f"ROLLBACK TO {self.savepoint}")
                    self.conn.execute(f"RELEASE {self.savepoint}")
                except sqlite3.Error:
                    pass
            return False
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                self._rollback()
                raise
        else:
            self._rollback()
        return False

    def _rollback(self):
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


class SqliteStore:
    """One SQLite file and its connection, owned by one thread; a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None):
        self.conn = conn
        self.path = path

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def set_zone(self, tz_name: str, days) -> bool:
        """Tell the database the event's time zone (and days), so the triggers keep local
        quarter hours; recomputes them if the zone changed. True when something changed."""
        from kiosk.core.timeutil import utc_offsets

        days = sorted(days)
        rows = utc_offsets(tz_name, days[0], days[-1])
        if list(self.conn.execute("SELECT from_utc, minutes FROM utc_offsets ORDER BY from_utc")) == \
                [tuple(r) for r in rows]:
            return False
        from kiosk.storage.schema import _local_quarter

        with Transaction(self.conn):
            self.conn.execute("DELETE FROM utc_offsets")
            self.conn.executemany("INSERT INTO utc_offsets (from_utc, minutes) VALUES (?, ?)", rows)
            self.conn.execute("DELETE FROM arrival_counts WHERE facet = 'q15'")
            self.conn.execute(
                "INSERT INTO arrival_counts (day, facet, key, n) SELECT day, 'q15', "
                + _local_quarter("first_in_at") + ", COUNT(*) FROM daily_attendance "
                "WHERE first_in_at IS NOT NULL GROUP BY 1, 2, 3")
        return True

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """A value of the ``meta`` table (kiosk, event and merged databases all have one)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default
