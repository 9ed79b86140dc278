"""Attendee and revocation tables: shared by the event database and every kiosk.db."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Iterable, Mapping

from kiosk.core.event import Attendee, normalise_id
from kiosk.core.tokens import TokenError, canonical, parse_token, superseded_issue, token_hash
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
    """Insert or replace attendees by registration id, all in one transaction (sqlite-utils'
    upsert: SQLite's INSERT ... ON CONFLICT DO UPDATE, in batches; its savepoint nests inside
    ours). The table's schema is the migrations', never altered here."""
    import sqlite_utils

    now = to_utc_text(utcnow())
    records = ({**{c: row.get(c) for c in ROSTER_COLUMNS},
                **{c: row.get(c) or "" for c in ROSTER_TICKET_COLUMNS}, "updated_at": now}
               for row in rows)
    with Transaction(conn):
        sqlite_utils.Database(conn)["attendees"].upsert_all(records, pk="id", alter=False,
                                                             batch_size=2_000)


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


# Who made a block: the organiser (event.db, `hub publish`; older rows have no source) or staff
# at a kiosk ("kiosk K"). A kiosk lifts only its own staff's blocks; an organiser's block is
# lifted only by the organiser. In SQL, for a revocations row ``t``:
KIOSK_SOURCE = "kiosk {}"


def is_kiosk_source(source: str | None) -> bool:
    return (source or "").startswith("kiosk ")


def organiser_block_sql(t: str, percent: str = "%") -> str:
    """SQL true when row ``t`` is an active block the organiser made."""
    return f"({t}.active = 1 AND {t}.source NOT LIKE 'kiosk {percent}')"


def block_owner(source: str | None) -> str:
    return source if is_kiosk_source(source) else "the organiser"


def check_may_lift(blocks: Iterable[Mapping], kiosk_id: str) -> None:
    """Refuse (KioskError) if any of these active blocks is not this kiosk's staff's own."""
    from kiosk.core.errors import KioskError

    own = KIOSK_SOURCE.format(kiosk_id)
    others = sorted({block_owner(b["source"]) for b in blocks if b["source"] != own})
    if others:
        raise KioskError(f"blocked by {' and '.join(others)}: only they can lift it "
                         f"(kiosk {kiosk_id} can lift only its own staff's blocks)")


def revocation_row(conn: sqlite3.Connection, key: str) -> dict | None:
    cur = conn.execute("SELECT key, kind, label, reason, active, updated_at, source "
                       "FROM revocations WHERE key = ?", (key,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def merge_revocation_where(t: str = "revocations", percent: str = "%") -> str:
    """The WHERE of an upsert of revocation rows arriving from elsewhere (the event folder, the
    hub) into table ``t`` (``excluded`` is the arriving row; SQLite and PostgreSQL alike).

    A newer row replaces an older one, except that a kiosk's row never lifts an organiser's
    active block; and an organiser's block replaces a kiosk's row on the same key however new
    that is (publishing or provisioning again re-asserts the organiser's list).
    """
    differs = " OR ".join(f"excluded.{c} <> {t}.{c}"
                          for c in ("kind", "label", "reason", "active", "source"))
    kiosk = f"'kiosk {percent}'"  # percent: "%%" where the driver reads % as a placeholder
    return (f"((excluded.updated_at > {t}.updated_at AND NOT ({organiser_block_sql(t, percent)} "
            f"AND excluded.source LIKE {kiosk})) "
            f"OR (excluded.source NOT LIKE {kiosk} AND excluded.active = 1 "
            f"AND {t}.source LIKE {kiosk} AND ({differs})))")


def revocation_key(kind: str, value: str) -> str:
    return f"id:{normalise_id(value)}" if kind == "id" else f"token:{value}"


def lookup_revocation(conn: sqlite3.Connection, attendee_id: str | None,
                      token_fingerprint: str | None, issue: int | None = None) -> str | None:
    """The reason an attendee or badge is blocked, or None.

    A block of a badge token also blocks its holder (their registration number, and any other
    copy of that badge), until the organiser reissues the badge: a block of a token that is no
    longer the holder's newest badge leaves the holder (with the new badge) free. ``issue`` is
    the scanned badge's issue number, when a badge was scanned.
    """
    direct = _direct_revocation(conn, attendee_id, token_fingerprint)
    if direct is not None or not attendee_id:
        return direct
    blocks = conn.execute(
        "SELECT key, reason FROM revocations WHERE active = 1 AND kind = 'token' "
        "AND label = ? COLLATE NOCASE", (normalise_id(attendee_id),)).fetchall()
    if not blocks:
        return None
    current = current_badge(conn, attendee_id)
    for key, reason in blocks:
        replaced_by = superseded_issue(reason)
        if replaced_by is not None:
            # A badge a reissue replaced: that copy alone (refused as superseded), never its
            # holder with the new badge.
            continue
        if current is None:  # no record of the holder's badges here: the block covers them
            return reason or "blocked"
        current_key, current_issue = current
        if issue is not None and issue > current_issue:
            continue  # a newer badge than this kiosk has heard of: not the blocked one
        if key == current_key:
            return reason or "blocked"
    return None


def current_badge(conn: sqlite3.Connection, attendee_id: str) -> tuple[str, int] | None:
    """(revocation key, issue number) of the newest badge issued to the attendee, if known."""
    try:
        row = conn.execute("SELECT token FROM issued_badges WHERE attendee_id = ?",
                           (attendee_id.strip(),)).fetchone()
    except sqlite3.OperationalError:  # a database without the issued-badge record
        return None
    if row is None:
        return None
    try:
        claims, _, _ = parse_token(row[0])
    except TokenError:
        return None
    return revocation_key("token", token_hash(canonical(row[0]))), claims.issue


def badge_issue(conn: sqlite3.Connection, attendee_id: str) -> int | None:
    """The issue number of the newest badge issued to the attendee; None if never issued one.

    A kiosk's reissue elsewhere is known here by the block it put on the badge it replaced
    ("superseded by issue N", from the hub) before the new badge itself is."""
    current = current_badge(conn, attendee_id)
    issues = [current[1]] if current is not None else []
    for (reason,) in conn.execute(
            "SELECT reason FROM revocations WHERE active = 1 AND kind = 'token' "
            "AND label = ? COLLATE NOCASE AND reason LIKE 'superseded by issue %'",
            (normalise_id(attendee_id),)):
        issue = superseded_issue(reason)
        if issue is not None:
            issues.append(issue)
    return max(issues) if issues else None


def kiosk_keys(conn: sqlite3.Connection) -> list[tuple[str, bytes]]:
    """(kiosk id, raw public key) of the event's kiosks known here (a re-provisioned kiosk
    keeps every key it had, as the event folder does)."""
    try:
        rows = conn.execute("SELECT kiosk_id, public_key FROM kiosk_keys ORDER BY rowid").fetchall()
    except sqlite3.OperationalError:  # a database from before kiosk keys
        return []
    keys = []
    for kiosk_id, hexkey in rows:
        try:
            keys.append((kiosk_id, bytes.fromhex(hexkey)))
        except ValueError:
            continue
    return keys


def replace_kiosk_keys(conn: sqlite3.Connection, keys) -> None:
    """The event's kiosks' keys, as the organiser now lists them ((kiosk id, raw) pairs): a key
    struck off there (a stolen kiosk's) no longer verifies a reissued badge here."""
    with Transaction(conn):
        conn.execute("DELETE FROM kiosk_keys")
        conn.executemany("INSERT OR IGNORE INTO kiosk_keys (kiosk_id, public_key) VALUES (?, ?)",
                         ((k, raw.hex()) for k, raw in keys))


def _direct_revocation(conn: sqlite3.Connection, attendee_id: str | None,
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
