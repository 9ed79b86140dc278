"""Kiosk-side data for staff mode (schema 3): the audit log, issued badge tokens, and one
attendee's standing today (entries, blocks, latest scans).

Every function takes the connection of the thread that owns the database (the kiosk's database
thread, or a command's own).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Iterable

from kiosk.core.event import normalise_id
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.db import Transaction
from kiosk.storage.roster import check_may_lift, revocation_key, set_revocation


# -- audit log ------------------------------------------------------------------------------------
def record_audit(conn: sqlite3.Connection, *, kiosk_id: str, action: str, subject: str = "",
                 detail: str = "", at: str | None = None) -> None:
    """Append one staff action (committed before returning)."""
    with Transaction(conn):
        conn.execute(
            "INSERT INTO audit_log (at_utc, kiosk_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            (at or to_utc_text(utcnow()), kiosk_id, action, subject, detail))


def audit_entries(conn: sqlite3.Connection, limit: int = 50) -> list[dict]:
    """The newest entries first."""
    cur = conn.execute("SELECT seq, at_utc, kiosk_id, action, subject, detail FROM audit_log "
                       "ORDER BY seq DESC LIMIT ?", (limit,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]


# -- issued badges -------------------------------------------------------------------------------
def record_issued(conn: sqlite3.Connection, tokens: Iterable[tuple[str, str]],
                  at: str | None = None) -> None:
    """Remember the token issued to each attendee id (the newest issue wins)."""
    at = at or to_utc_text(utcnow())
    with Transaction(conn):
        conn.executemany(
            "INSERT INTO issued_badges (attendee_id, token, issued_at) VALUES (?, ?, ?) "
            "ON CONFLICT (attendee_id) DO UPDATE SET token = excluded.token, "
            "issued_at = excluded.issued_at", ((who, token, at) for who, token in tokens))


def issued_token(conn: sqlite3.Connection, attendee_id: str) -> str | None:
    row = conn.execute("SELECT token FROM issued_badges WHERE attendee_id = ?",
                       (attendee_id.strip(),)).fetchone()
    return row[0] if row else None


# -- one attendee's standing ------------------------------------------------------------------------
@dataclass
class Standing:
    """What the staff card shows about one attendee today."""

    attendee_id: str
    first_in_at: str | None = None
    last_in_at: str | None = None
    last_out_at: str | None = None
    entries: int = 0
    blocks: list[dict] = field(default_factory=list)   # active revocations that apply
    scans: list[dict] = field(default_factory=list)    # latest scans, newest first
    has_token: bool = False

    @property
    def inside(self) -> bool:
        return self.last_in_at is not None and self.last_in_at > (self.last_out_at or "")

    @property
    def blocked(self) -> bool:
        return bool(self.blocks)


def active_blocks(conn: sqlite3.Connection, attendee_id: str) -> list[dict]:
    """Active revocations of this person: by registration id, or of a badge token of theirs
    (`kiosk revoke TOKEN` labels those with the holder's id). A badge a reissue replaced is not
    a block of its holder (nor lifted by an unblock: the old badge stays dead)."""
    cur = conn.execute(
        "SELECT key, kind, reason, updated_at, source FROM revocations WHERE active = 1 "
        "AND (key = ? OR (kind = 'token' AND label = ? COLLATE NOCASE "
        "AND reason NOT LIKE 'superseded by issue %')) ORDER BY updated_at",
        (revocation_key("id", attendee_id), normalise_id(attendee_id)))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]


def standing(conn: sqlite3.Connection, attendee_id: str, day: str, scans: int = 5,
             days: Iterable[str] | None = None) -> Standing:
    """Today's figures and the latest scans, read a day at a time from the (day, attendee)
    index (``days``: the days to look back over, newest first; default today only), never the
    whole log."""
    result = Standing(attendee_id=attendee_id)
    row = conn.execute("SELECT first_in_at, last_in_at, last_out_at, entries FROM daily_attendance "
                       "WHERE day = ? AND attendee_id = ?", (day, attendee_id)).fetchone()
    if row:
        result.first_in_at, result.last_in_at, result.last_out_at, result.entries = row
    result.blocks = active_blocks(conn, attendee_id)
    for each in (days or [day]):
        if len(result.scans) >= scans:
            break
        cur = conn.execute("SELECT at_utc, outcome, reason, kiosk_id, gate, method, note FROM scans "
                           "WHERE day = ? AND attendee_id = ? ORDER BY at_utc DESC LIMIT ?",
                           (each, attendee_id, scans - len(result.scans)))
        names = [d[0] for d in cur.description]
        result.scans.extend(dict(zip(names, r)) for r in cur)
    result.has_token = issued_token(conn, attendee_id) is not None
    return result


def set_blocked(conn: sqlite3.Connection, attendee_id: str, blocked: bool, *, reason: str,
                source: str) -> list[str]:
    """Block a person (a revocation of their registration id, which covers every badge of
    theirs), or lift every block on them. Returns the revocation keys changed."""
    if blocked:
        key = revocation_key("id", attendee_id)
        set_revocation(conn, key, "id", reason=reason, label=attendee_id, active=True, source=source)
        return [key]
    changed = []
    blocks = active_blocks(conn, attendee_id)
    if source.startswith("kiosk "):  # staff lift only their own kiosk's blocks
        check_may_lift(blocks, source[len("kiosk "):])
    for block in blocks:
        set_revocation(conn, block["key"], block["kind"], reason=reason, label=attendee_id,
                       active=False, source=source)
        changed.append(block["key"])
    return changed


# -- the staff PIN's event log ----------------------------------------------------------------------
def pin_events(conn: sqlite3.Connection) -> tuple[list[tuple], str]:
    """The PIN events in order, and why the log cannot be believed ("" if it can): a row
    deleted or the append-only triggers removed leave traces (gaps in seq, the sequence)."""
    try:
        rows = conn.execute("SELECT seq, kind, boot, mono, seconds FROM pin_events "
                            "ORDER BY seq").fetchall()
        triggers = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'pin_events_append_only_%'").fetchone()[0]
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'pin_events'").fetchone()
    except sqlite3.Error as exc:
        return [], f"the PIN log is unreadable ({exc})"
    sequence = row[0] if row else 0
    if triggers != 2:
        return [r[1:] for r in rows], "the PIN log's protection was removed"
    if [r[0] for r in rows] != list(range(1, len(rows) + 1)) or sequence != len(rows):
        return [r[1:] for r in rows], "entries of the PIN log were deleted"
    return [r[1:] for r in rows], ""


def add_pin_event(conn: sqlite3.Connection, kind: str, boot: str = "", mono: float = 0.0,
                  seconds: int = 0) -> None:
    with Transaction(conn):
        conn.execute("INSERT INTO pin_events (at_utc, kind, boot, mono, seconds) "
                     "VALUES (?, ?, ?, ?, ?)", (to_utc_text(utcnow()), kind, boot, mono, seconds))
