"""Staff look-up: find attendees by name, company, phone, e-mail or registration number.

Partial input is fine: the roster's FTS5 trigram index (schema 3) finds any part of any of those
fields, case-insensitively; a phone number matches on its digits whatever the spacing, with or
without the leading 0 or +92. Near misses ("Ahmad" for "Ahmed") come from the same index (the
rows sharing most three-letter pieces with what was typed) and are ranked with rapidfuzz.
Never shown to attendees: only the staff screens call this.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from rapidfuzz import fuzz

from kiosk.core.event import Attendee
from kiosk.storage.roster import ATTENDEE_COLUMNS, attendee_from_row

FIELDS = ("id", "name", "other_names", "company", "email", "phone")
_SELECT = ", ".join(f"a.{c}" for c in ATTENDEE_COLUMNS)
FUZZY_CANDIDATES = 200
FUZZY_FLOOR = 70.0


@dataclass(frozen=True)
class SearchHit:
    attendee: Attendee
    score: float       # 0-100, higher is better
    field: str         # where it matched best: one of FIELDS
    exact: bool        # the text typed appears in that field as it is


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def phone_digits(text: str) -> str:
    """What a typed phone number is looked up by: its digits, without 0092, +92 or a leading 0
    (the index holds numbers as digits, so any of those spellings finds the same person)."""
    digits = re.sub(r"\D", "", text)
    for prefix in ("0092", "92", "0"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 9:
            return digits[len(prefix):]
    return digits


def _looks_like_phone(text: str) -> bool:
    return bool(re.fullmatch(r"[\d\s()+.-]{4,}", text)) and sum(c.isdigit() for c in text) >= 4


def _field_texts(attendee: Attendee) -> dict[str, str]:
    return {"id": attendee.id, "name": attendee.name,
            "other_names": f"{attendee.name_ur} {attendee.name_zh}".strip(),
            "company": attendee.company, "email": attendee.email,
            "phone": re.sub(r"\D", "", attendee.phone)}


def _score(query: str, attendee: Attendee, digits: str) -> tuple[float, str, bool]:
    q = query.casefold()
    best = (0.0, "name", False)
    for name, text in _field_texts(attendee).items():
        if not text:
            continue
        probe = digits if name == "phone" and digits else q
        folded = text.casefold()
        if name == "id" and folded == q:
            return 100.0, "id", True
        if probe and probe in folded:
            # Whole-field and word-start matches first, then anywhere inside.
            words = re.split(r"[\s@._-]+", folded)
            score = 99.0 if folded == probe else 95.0 if any(w.startswith(probe) for w in words) else 90.0
            candidate = (score, name, True)
        else:
            candidate = (fuzz.WRatio(q, folded) * 0.9, name, False)
        if candidate[0] > best[0]:
            best = candidate
    return best


def search_attendees(conn: sqlite3.Connection, query: str, limit: int = 30,
                     contact_key=None) -> list[SearchHit]:
    """The attendees best matching ``query``, best first (an empty list for blank input).

    On a kiosk that keeps contacts only as keyed hashes (``contact_key``), an e-mail address or
    phone number is found when typed whole (exactly, as "No badge?" matches it), never in part.
    """
    text = " ".join(query.split())
    if not text:
        return []
    contact_hits = _contact_hits(conn, text, contact_key) if contact_key is not None else []
    digits = phone_digits(text) if _looks_like_phone(text) else ""
    found: dict[str, Attendee] = {}

    def take(sql: str, params) -> None:
        for row in conn.execute(sql, params):
            attendee = attendee_from_row(row)
            found.setdefault(attendee.id, attendee)

    take(f"SELECT {_SELECT} FROM attendees a WHERE a.id = ?", (text,))
    if len(text) >= 3:
        terms = [_quote(text)] + ([f"phone : {_quote(digits)}"] if len(digits) >= 3 else [])
        # Every row here holds the text as typed; rapidfuzz orders them below, so the index need
        # not rank thousands of "khan"s first (that costs ten times the look-up itself).
        take(f"SELECT {_SELECT} FROM attendee_search s JOIN attendees a ON a.rowid = s.rowid "
             f"WHERE attendee_search MATCH ? LIMIT ?",
             (" OR ".join(terms), max(limit * 4, 100)))
        if not found and len(text) >= 4 and not digits:
            # Nothing has the text as it was typed: near misses among the names sharing the most
            # three-letter pieces with it ("Ahmad Khan" finds "Ahmed Khan").
            pieces = {text[i:i + 3] for i in range(len(text) - 2)}
            pieces = [p for p in pieces if p.strip() == p and len(p.strip()) == 3]
            if pieces:
                take(f"SELECT {_SELECT} FROM attendee_search s JOIN attendees a ON a.rowid = s.rowid "
                     f"WHERE attendee_search MATCH ? ORDER BY s.rank LIMIT ?",
                     ("{name other_names} : (" + " OR ".join(_quote(p) for p in pieces) + ")",
                      FUZZY_CANDIDATES))
    else:
        # One or two characters (a Chinese given name, say): too short for trigrams.
        like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        take(f"SELECT {_SELECT} FROM attendees a WHERE a.id LIKE ? ESCAPE '\\' "
             "OR a.name LIKE ? ESCAPE '\\' OR a.name_ur LIKE ? ESCAPE '\\' "
             "OR a.name_zh LIKE ? ESCAPE '\\' LIMIT ?",
             (f"{like}%", f"{like}%", f"%{like}%", f"%{like}%", limit * 4))
    hits = list(contact_hits)
    for attendee in found.values():
        if any(h.attendee.id == attendee.id for h in contact_hits):
            continue
        score, field, exact = _score(text, attendee, digits)
        if exact or score >= FUZZY_FLOOR:
            hits.append(SearchHit(attendee, round(score, 1), field, exact))
    hits.sort(key=lambda h: (-h.score, h.attendee.name.casefold(), h.attendee.id))
    return hits[:limit]


def _contact_hits(conn: sqlite3.Connection, text: str, key) -> list[SearchHit]:
    from kiosk.storage.contact_lookup import normal_email, normal_phone

    if "@" in text:
        kind, column, value = "email", "email_hash", key.email(text) if normal_email(text) else ""
    elif _looks_like_phone(text):
        kind, column, value = "phone", "phone_hash", key.phone(text) if normal_phone(text) else ""
    else:
        return []
    if not value or not conn.execute("SELECT 1 FROM sqlite_master WHERE name = "
                                     "'attendee_contacts'").fetchone():
        return []
    rows = conn.execute(f"SELECT {_SELECT} FROM attendee_contacts c JOIN attendees a "
                        f"ON a.id = c.attendee_id WHERE c.{column} = ? LIMIT 30", (value,))
    return [SearchHit(attendee_from_row(row), 100.0, kind, True) for row in rows]
