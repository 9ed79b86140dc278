"""kiosk.db's walk_ins: visitors registered at a kiosk, each with a kiosk-issued number.

A walk-in is a row of ``walk_ins`` (append-only: the organiser's record) and a row of the
kiosk's ``attendees`` (so the kiosk checks them in by that number), written together. Rows
whose ``kiosk_id`` is another kiosk's came from the hub (kiosk/storage/outbox.py), so that the
walk-in's badge works at every gate; a kiosk's bundle and push carry only its own.
"""

from __future__ import annotations

import sqlite3

from kiosk.core.event import Attendee
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.db import Transaction
from kiosk.storage.roster import attendee_to_row
from kiosk.storage.schema import ROSTER_COLUMNS

COLUMNS = ("attendee_id", "kiosk_id", "at_utc", "name", "category", "company", "email", "phone")
CATEGORY = "visitor"  # what a kiosk registers; bundles and the hub refuse any other


def walk_in_prefix(kiosk_id: str) -> str:
    """The start of every number kiosk ``kiosk_id`` issues: kiosk ids are unique in an event,
    so two kiosks' walk-ins never share a number."""
    return f"WI-{kiosk_id.upper()}-"


def next_id(conn: sqlite3.Connection, kiosk_id: str) -> str:
    n = conn.execute("SELECT COUNT(*) FROM walk_ins WHERE kiosk_id = ?", (kiosk_id,)).fetchone()[0]
    return f"{walk_in_prefix(kiosk_id)}{n + 1:04d}"


def register(conn: sqlite3.Connection, *, kiosk_id: str, name: str, company: str = "",
             email: str = "", phone: str = "", category: str = CATEGORY,
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


def walk_ins(conn: sqlite3.Connection, kiosk_id: str | None = None) -> list[dict]:
    """Every walk-in known here, or only those kiosk ``kiosk_id`` registered."""
    where, params = ("WHERE kiosk_id = ?", (kiosk_id,)) if kiosk_id else ("", ())
    cur = conn.execute(f"SELECT seq, {', '.join(COLUMNS)} FROM walk_ins {where} ORDER BY seq",
                       params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]


def add_to_roster(conn: sqlite3.Connection, source: str = "main.walk_ins") -> int:
    """Walk-ins (rows of ``source``, a walk_ins table) that ``main.attendees`` does not hold
    yet become attendees; the organiser's own row for a number wins. How many were added."""
    conn.execute(
        "INSERT INTO main.attendees (id, name, category, company, email, phone, updated_at) "
        f"SELECT attendee_id, name, category, company, email, phone, at_utc FROM {source} "
        "WHERE true ORDER BY seq ON CONFLICT (id) DO NOTHING")
    return conn.execute("SELECT changes()").fetchone()[0]


def add_pulled(conn: sqlite3.Connection, rows: list[dict]) -> int:
    """Other kiosks' walk-ins from the hub (dicts of ``COLUMNS``), within the caller's
    transaction: each number once, and on the roster unless the organiser's row is there."""
    conn.executemany(
        f"INSERT INTO walk_ins ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
        "ON CONFLICT (attendee_id) DO NOTHING", [tuple(r[c] for c in COLUMNS) for r in rows])
    cur = conn.executemany(
        "INSERT INTO attendees (id, name, category, company, email, phone, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        [(r["attendee_id"], r["name"], r["category"], r["company"], r["email"], r["phone"],
          r["at_utc"]) for r in rows])
    return max(cur.rowcount, 0)
