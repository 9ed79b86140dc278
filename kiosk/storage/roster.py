"""Attendee and revocation tables: shared by the event database and every kiosk.db."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Iterable, Mapping

from kiosk.core.event import Attendee, normalise_id
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.db import Transaction
from kiosk.storage.schema import ROSTER_COLUMNS, ROSTER_TICKET_COLUMNS

ATTENDEE_COLUMNS = ROSTER_COLUMNS + ROSTER_TICKET_COLUMNS
STORED_COLUMNS = ROSTER_COLUMNS + ("updated_at",) + ROSTER_TICKET_COLUMNS
_SELECT = "SELECT " + ", ".join(ATTENDEE_COLUMNS) + " FROM attendees"


def attendee_from_row(row) -> Attendee:
    """An attendee from ATTENDEE_COLUMNS (or ROSTER_COLUMNS alone, where there is no ticket)."""
    (id_, name, category, company, email, phone, days, venues, name_ur, name_zh) = row[:10]
    code, attention = (tuple(row[10:12]) + ("", ""))[:2]
    return Attendee(
        id=id_,
        name=name,
        category=category,
        company=company or "",
        email=email or "",
        phone=phone or "",
        days=tuple(date.fromisoformat(d) for d in days.split(";")) if days else None,
        venues=tuple(venues.split(";")) if venues else None,
        name_ur=name_ur or "",
        name_zh=name_zh or "",
        code=code or "",
        attention=attention or "",
    )


def attendee_to_row(attendee: Attendee) -> dict:
    return {
        "id": attendee.id,
        "name": attendee.name,
        "category": attendee.category,
        "company": attendee.company,
        "email": attendee.email,
        "phone": attendee.phone,
        "days": ";".join(d.isoformat() for d in attendee.days) if attendee.days is not None else None,
        "venues": ";".join(attendee.venues) if attendee.venues is not None else None,
        "name_ur": attendee.name_ur,
        "name_zh": attendee.name_zh,
        "code": attendee.code,
        "attention": attendee.attention,
    }


def find_attendee(conn: sqlite3.Connection, attendee_id: str) -> Attendee | None:
    """The attendee with this registration id or, failing that, this ticket barcode."""
    key = attendee_id.strip()
    row = conn.execute(_SELECT + " WHERE id = ?", (key,)).fetchone()
    if row is None and key:
        row = conn.execute(_SELECT + " WHERE code = ? AND code != ''", (key,)).fetchone()
    return attendee_from_row(row) if row else None


def all_attendees(conn: sqlite3.Connection) -> Iterable[Attendee]:
    for row in conn.execute(_SELECT + " ORDER BY id"):
        yield attendee_from_row(row)


def count_attendees(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM attendees").fetchone()[0]


def existing_ids(conn: sqlite3.Connection) -> set[str]:
    return {normalise_id(r[0]) for r in conn.execute("SELECT id FROM attendees")}


def upsert_attendees(conn: sqlite3.Connection, rows: Iterable[Mapping]) -> None:
    """Insert or replace attendees by registration id, all in one transaction."""
    now = to_utc_text(utcnow())
    columns = ATTENDEE_COLUMNS + ("updated_at",)
    sql = (
        f"INSERT INTO attendees ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
        "ON CONFLICT (id) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    )
    with Transaction(conn):
        conn.executemany(sql, ([row.get(c) for c in ROSTER_COLUMNS]
                               + [row.get(c) or "" for c in ROSTER_TICKET_COLUMNS] + [now]
                               for row in rows))


def set_revocation(conn: sqlite3.Connection, key: str, kind: str, *, reason: str = "",
                   label: str = "", active: bool = True, source: str = "",
                   at: str | None = None) -> None:
    at = at or to_utc_text(utcnow())
    with Transaction(conn):
        conn.execute(
            "INSERT INTO revocations (key, kind, label, reason, active, updated_at, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
            "label = excluded.label, reason = excluded.reason, active = excluded.active, "
            "updated_at = excluded.updated_at, source = excluded.source",
            (key, kind, label, reason, int(active), at, source),
        )


def revocation_key(kind: str, value: str) -> str:
    return f"id:{normalise_id(value)}" if kind == "id" else f"token:{value}"


def lookup_revocation(conn: sqlite3.Connection, attendee_id: str | None,
                      token_fingerprint: str | None) -> str | None:
    keys = []
    if attendee_id:
        keys.append(revocation_key("id", attendee_id))
    if token_fingerprint:
        keys.append(revocation_key("token", token_fingerprint))
    if not keys:
        return None
    row = conn.execute(
        f"SELECT reason FROM revocations WHERE active = 1 AND key IN ({', '.join('?' * len(keys))}) "
        "LIMIT 1",
        keys,
    ).fetchone()
    if row is None:
        return None
    return row[0] or "blocked"


def revocations(conn: sqlite3.Connection) -> list[dict]:
    cur = conn.execute(
        "SELECT key, kind, label, reason, active, updated_at, source FROM revocations ORDER BY key")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]
