"""kiosk.db's badge_prints: every badge this kiosk sent to its printer, and what became of it.

A print from the attendee side (a check-in, a print-only scan) first *claims* its row: the
unique index on (day, attendee) for those reasons makes the second claim of the day fail, so a
person who scans again does not get a second badge, even across a restart. Staff reprints and
retries are rows of their own, each audited.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.db import Transaction

ATTENDEE_SIDE = ("checkin", "print_only")
REASONS = ATTENDEE_SIDE + ("staff", "retry", "cli")
STATES = ("claimed", "sent", "failed", "retried", "cancelled")


@dataclass(frozen=True)
class PrintRow:
    print_id: int
    day: str
    attendee_id: str
    reason: str
    state: str
    queue: str = ""
    job_id: int | None = None
    detail: str = ""
    at_utc: str = ""

    def to_json(self) -> dict:
        return dict(self.__dict__)


_COLUMNS = "print_id, day, attendee_id, reason, state, queue, job_id, detail, at_utc"


def claim(conn: sqlite3.Connection, *, day: str, attendee_id: str, reason: str,
          scan_id: str | None = None, at: str | None = None) -> int | None:
    """A new print row (committed); None when the attendee side already printed today."""
    if reason not in REASONS:
        raise ValueError(f"unknown print reason {reason!r}")
    with Transaction(conn):
        cur = conn.execute(
            "INSERT INTO badge_prints (day, attendee_id, reason, scan_id, at_utc) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (day, attendee_id, reason, scan_id, at or to_utc_text(utcnow())))
        return cur.lastrowid if cur.rowcount == 1 else None


def record(conn: sqlite3.Connection, print_id: int, *, state: str, queue: str = "",
           job_id: int | None = None, detail: str = "") -> None:
    if state not in STATES:
        raise ValueError(f"unknown print state {state!r}")
    with Transaction(conn):
        conn.execute("UPDATE badge_prints SET state = ?, queue = ?, job_id = ?, detail = ?, "
                     "updated_at = ? WHERE print_id = ?",
                     (state, queue, job_id, detail, to_utc_text(utcnow()), print_id))


def printed_today(conn: sqlite3.Connection, day: str, attendee_id: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM badge_prints WHERE day = ? AND attendee_id = ? AND reason IN "
        f"({', '.join('?' * len(ATTENDEE_SIDE))})", (day, attendee_id, *ATTENDEE_SIDE)
    ).fetchone() is not None


def failed(conn: sqlite3.Connection, day: str | None = None) -> list[PrintRow]:
    """Prints that did not reach the printer and were not retried yet (oldest first)."""
    sql = f"SELECT {_COLUMNS} FROM badge_prints WHERE state IN ('failed', 'claimed')"
    args: tuple = ()
    if day is not None:
        sql += " AND day = ?"
        args = (day,)
    return [PrintRow(*row) for row in conn.execute(sql + " ORDER BY print_id", args)]


def recent(conn: sqlite3.Connection, limit: int = 20) -> list[PrintRow]:
    return [PrintRow(*row) for row in conn.execute(
        f"SELECT {_COLUMNS} FROM badge_prints ORDER BY print_id DESC LIMIT ?", (limit,))]


def get(conn: sqlite3.Connection, print_id: int) -> PrintRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM badge_prints WHERE print_id = ?",
                       (print_id,)).fetchone()
    return PrintRow(*row) if row else None


def by_job(conn: sqlite3.Connection, queue: str, job_id: int) -> PrintRow | None:
    """The print that became CUPS job ``job_id`` on ``queue`` (the latest, if CUPS reused ids)."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM badge_prints WHERE queue = ? AND job_id = ? "
                       "ORDER BY print_id DESC LIMIT 1", (queue, job_id)).fetchone()
    return PrintRow(*row) if row else None


def jobs(conn: sqlite3.Connection, queue: str, limit: int = 200) -> dict[int, str]:
    """Job id -> attendee id for the latest prints sent to ``queue``."""
    rows = conn.execute(
        "SELECT job_id, attendee_id FROM badge_prints WHERE queue = ? AND job_id IS NOT NULL "
        "ORDER BY print_id DESC LIMIT ?", (queue, limit)).fetchall()
    return dict(reversed(rows))  # the newest print wins if CUPS reused a job id
