"""kiosk.db's walk_ins: visitors registered at this kiosk, each with a kiosk-issued number.

A walk-in is a row of ``walk_ins`` (append-only: the organiser's record) and a row of the
kiosk's ``attendees`` (so the kiosk checks them in by that number), written together.
"""

from __future__ import annotations

import sqlite3

from kiosk.core.event import Attendee
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.db import Transaction
from kiosk.storage.roster import attendee_to_row
from kiosk.storage.schema import ROSTER_COLUMNS

COLUMNS = ("attendee_id", "kiosk_id", "at_utc", "name", "category", "company", "email", "phone")


def next_id(conn: sqlite3.Connection, kiosk_id: str) -> str:
    n = conn.execute("SELECT COUNT(*) FROM walk_ins WHERE kiosk_id = ?", (kiosk_id,)).fetchone()[0]
    return f"WI-{kiosk_id.upper()}-{n + 1:04d}"


def register(conn: sqlite3.Connection, *, kiosk_id: str, name: str, company: str = "",
             email: str = "", phone: str = "", category: str = "visitor",
             at: str | None = None) -> Attendee:
    """Add a walk-in (committed before returning); the new attendee with its number."""
    at = at or to_utc_text(utcnow())
    with Transaction(conn):
        attendee = Attendee(id=next_id(conn, kiosk_id), name=name, category=category,
                            company=company, email=email, phone=phone)
        conn.execute(f"INSERT INTO walk_ins ({', '.join(COLUMNS)}) VALUES "
                     f"({', '.join('?' * len(COLUMNS))})",
                     (attendee.id, kiosk_id, at, name, category, company, email, phone))
        row = attendee_to_row(attendee)
        conn.execute(f"INSERT INTO attendees ({', '.join(ROSTER_COLUMNS)}, updated_at) VALUES "
                     f"({', '.join('?' * len(ROSTER_COLUMNS))}, ?)",
                     [row[c] for c in ROSTER_COLUMNS] + [at])
    return attendee


def walk_ins(conn: sqlite3.Connection) -> list[dict]:
    cur = conn.execute(f"SELECT seq, {', '.join(COLUMNS)} FROM walk_ins ORDER BY seq")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]
