"""Finding a registration by exactly the e-mail address or phone number it was made with (the
kiosk's "No badge?"): never a search, never a list of other people."""

from __future__ import annotations

import re
import sqlite3

PHONE_DIGITS = 10  # a Pakistani number without its 0 or +92: 3001234567

_DIGITS_SQL = ("replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '+', ''),"
               " '(', ''), ')', ''), '.', '')")


def normal_email(text: str) -> str | None:
    text = text.strip().lower()
    return text if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text) else None


def normal_phone(text: str) -> str | None:
    """The number's last ten digits (0300 1234567, +92 300 1234567 and 923001234567 agree)."""
    if re.search(r"[^\d\s+().-]", text):
        return None
    digits = re.sub(r"\D", "", text)
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else None


def find_by_contact(conn: sqlite3.Connection, kind: str, value: str) -> list[str]:
    """The ids of the registrations with exactly this e-mail (kind "email") or phone number
    (kind "phone", as normal_phone gives it); at most two, enough to know it is not one."""
    if kind == "email":
        sql = "SELECT id FROM attendees WHERE lower(trim(email)) = ? LIMIT 2"
    elif kind == "phone":
        sql = (f"SELECT id FROM attendees WHERE phone != '' AND "
               f"substr({_DIGITS_SQL}, -{PHONE_DIGITS}) = ? LIMIT 2")
    else:
        raise ValueError(f"unknown contact kind {kind!r}")
    return [row[0] for row in conn.execute(sql, (value,))]


def recent_audit_count(conn: sqlite3.Connection, action: str, since_utc: str,
                       subject: str | None = None) -> int:
    sql = "SELECT COUNT(*) FROM audit_log WHERE action = ? AND at_utc >= ?"
    args: list = [action, since_utc]
    if subject is not None:
        sql += " AND subject = ?"
        args.append(subject)
    return conn.execute(sql, args).fetchone()[0]
