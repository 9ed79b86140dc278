"""Finding a registration by exactly the e-mail address or phone number it was made with (the
kiosk's "No badge?", staff's exact look-up): never a search, never a list of other people.

A kiosk keeps no e-mail address or phone number of the roster (unless provisioned with
``kiosk init --full-roster``): ``attendee_contacts`` holds keyed hashes (HMAC-SHA256 with the
event's contact key, ``ContactKey``) of each one as the look-up normalises it, and of the phone's
last four digits salted with the registration id (the second fact "No badge?" may ask for).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import sqlite3
from dataclasses import dataclass

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


TAIL_DIGITS = 4  # the phone's last digits, "No badge?"'s second fact


@dataclass(frozen=True)
class ContactKey:
    """The event's contact key: turns a normalised e-mail or phone number into what a kiosk
    keeps. Without the key a hash says nothing (a phone number has only ten digits, so an
    unkeyed hash would be reversed by trying them all); with it, the kiosk can still match
    exactly what a person types."""

    secret: bytes

    def _mac(self, *parts: str) -> str:
        return hmac.new(self.secret, "\x1f".join(parts).encode("utf-8"),
                        hashlib.sha256).hexdigest()

    def email(self, text: str | None) -> str:
        """The hash of an address as normal_email gives it ('' for none or not an address)."""
        value = normal_email(text or "") if text and "@" in text else None
        return self._mac("email", value) if value else ""

    def phone(self, text: str | None) -> str:
        value = normal_phone(text or "") if text else None
        return self._mac("phone", value) if value else ""

    def tail(self, attendee_id: str, phone_or_digits: str | None) -> str:
        """The last four digits, salted with the registration id: two attendees whose numbers
        end alike get different hashes, and no table of the 10,000 endings fits them all."""
        digits = re.sub(r"\D", "", phone_or_digits or "")
        if len(digits) < TAIL_DIGITS:
            return ""
        return self._mac("tail", attendee_id.casefold(), digits[-TAIL_DIGITS:])

    def row(self, attendee_id: str, email: str | None, phone: str | None) -> tuple:
        """(attendee_id, email_hash, phone_hash, tail_hash) for attendee_contacts."""
        full = normal_phone(phone or "") if phone else None
        return (attendee_id, self.email(email), self.phone(phone),
                self.tail(attendee_id, full) if full else "")


_HASHES = ("email_hash", "phone_hash", "tail_hash")
UPSERT_CONTACTS = (
    "INSERT INTO attendee_contacts (attendee_id, " + ", ".join(_HASHES) + ") VALUES (?, ?, ?, ?) "
    "ON CONFLICT (attendee_id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in _HASHES)
    + " WHERE " + " OR ".join(f"{c} IS NOT excluded.{c}" for c in _HASHES))


def store_contacts(conn: sqlite3.Connection, rows) -> None:
    """Write ContactKey.row() tuples (the caller holds the transaction)."""
    conn.executemany(UPSERT_CONTACTS, rows)


def find_by_contact(conn: sqlite3.Connection, kind: str, value: str,
                    key: ContactKey | None = None) -> list[str]:
    """The ids of the registrations with exactly this e-mail (kind "email") or phone number
    (kind "phone", as normal_phone gives it); at most two, enough to know it is not one.
    With ``key``, the hashed copies count too (a kiosk provisioned without --full-roster)."""
    if kind == "email":
        sql = "SELECT id FROM attendees WHERE email != '' AND lower(trim(email)) = ? LIMIT 2"
        hashed = key.email(value) if key else ""
    elif kind == "phone":
        sql = (f"SELECT id FROM attendees WHERE phone != '' AND "
               f"substr({_DIGITS_SQL}, -{PHONE_DIGITS}) = ? LIMIT 2")
        hashed = key.phone(value) if key else ""
    else:
        raise ValueError(f"unknown contact kind {kind!r}")
    found = [row[0] for row in conn.execute(sql, (value,))]
    if hashed and _has_contacts(conn):
        column = "email_hash" if kind == "email" else "phone_hash"
        for (who,) in conn.execute(
                f"SELECT attendee_id FROM attendee_contacts WHERE {column} = ? LIMIT 2", (hashed,)):
            if who not in found:
                found.append(who)
    return found[:2]


def has_phone_tail(conn: sqlite3.Connection, attendee_id: str) -> bool:
    """Whether a hashed copy of the attendee's phone ending is kept here."""
    if not _has_contacts(conn):
        return False
    row = conn.execute("SELECT tail_hash FROM attendee_contacts WHERE attendee_id = ?",
                       (attendee_id,)).fetchone()
    return bool(row and row[0])


def phone_tail_matches(conn: sqlite3.Connection, key: ContactKey | None, attendee_id: str,
                       digits: str) -> bool:
    if key is None or not _has_contacts(conn) or len(digits) != TAIL_DIGITS:
        return False
    row = conn.execute("SELECT tail_hash FROM attendee_contacts WHERE attendee_id = ?",
                       (attendee_id,)).fetchone()
    return bool(row and row[0]) and hmac.compare_digest(row[0], key.tail(attendee_id, digits))


def _has_contacts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'attendee_contacts'").fetchone() is not None


def recent_audit_count(conn: sqlite3.Connection, action: str, since_utc: str,
                       subject: str | None = None) -> int:
    sql = "SELECT COUNT(*) FROM audit_log WHERE action = ? AND at_utc >= ?"
    args: list = [action, since_utc]
    if subject is not None:
        sql += " AND subject = ?"
        args.append(subject)
    return conn.execute(sql, args).fetchone()[0]
