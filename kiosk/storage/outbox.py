"""The kiosk's side of live sync: its scan log as an outbox, and what comes back from the hub.

The scan log is the outbox: scans with ``seq`` above the pushed mark (table ``hub_sync``, one row
per hub id) are waiting to go. Nothing in the log changes when they are sent; only the mark moves,
and only after the hub has committed them, so a crash between the two sends a batch twice
(harmless: the hub keeps the first copy of each scan id) and never loses one.

Walk-ins registered here go the same way: rows of ``walk_ins`` above ``hub_sync.walk_ins_pushed``
are pending; other kiosks' walk-ins come back with the roster changes.

Every method is quick, local work on the kiosk's own SQLite connection, so it must run on the
thread that owns the KioskStore (the UI's database worker, or the command's thread).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field

from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage import walk_ins as walk_in_register
from kiosk.storage.db import Transaction
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.contact_lookup import store_contacts
from kiosk.storage.roster import kiosk_keys, merge_revocation_where, replace_kiosk_keys
from kiosk.storage.schema import ROSTER_COLUMNS, SCAN_COLUMNS

ROW_COLUMNS = ("seq",) + SCAN_COLUMNS
_REVOCATION_COLUMNS = ("key", "kind", "label", "reason", "active", "updated_at", "source")


@dataclass
class SyncState:
    hub_id: str
    pushed_seq: int = 0
    pushed_at: str = ""
    revocations_pushed: str = ""
    pull_xmin: str = ""
    pulled_at: str = ""
    walk_ins_pushed: int = 0


@dataclass
class PendingBatch:
    """Scans waiting to go, as (seq, *SCAN_COLUMNS) tuples, revocations changed locally and
    walk-ins not yet pushed (dicts of walk_ins' columns with ``seq``)."""

    scans: list[tuple] = field(default_factory=list)
    last_seq: int = 0
    revocations: list[dict] = field(default_factory=list)
    revocations_mark: str = ""
    walk_ins: list[dict] = field(default_factory=list)
    walk_ins_seq: int = 0

    def __bool__(self) -> bool:
        return bool(self.scans or self.revocations or self.walk_ins)


@dataclass
class PulledChanges:
    """Roster rows and revocations from the hub, and the mark to ask from next time."""

    attendees: list[dict] = field(default_factory=list)
    revocations: list[dict] = field(default_factory=list)
    xmin: str = ""
    walk_ins: list[dict] = field(default_factory=list)  # other kiosks' (walk_ins' columns)
    # The event's kiosks' public keys as the organiser published them ((kiosk id, hex) pairs;
    # None: the hub has none), for badges reissued at a kiosk provisioned after this one.
    kiosk_keys: list[tuple[str, str]] | None = None


class Outbox:
    def __init__(self, store: KioskStore):
        self.store = store
        self.conn: sqlite3.Connection = store.conn

    def state(self, hub_id: str) -> SyncState:
        row = self.conn.execute(
            "SELECT hub_id, pushed_seq, pushed_at, revocations_pushed, pull_xmin, pulled_at, "
            "walk_ins_pushed FROM hub_sync WHERE hub_id = ?", (hub_id,)).fetchone()
        return SyncState(*row) if row else SyncState(hub_id=hub_id)

    def pending(self, hub_id: str, limit: int) -> PendingBatch:
        """Up to ``limit`` scans after the pushed mark, and the revocations if they changed."""
        state = self.state(hub_id)
        batch = PendingBatch(last_seq=state.pushed_seq)
        batch.scans = self.conn.execute(
            f"SELECT {', '.join(ROW_COLUMNS)} FROM scans WHERE seq > ? ORDER BY seq LIMIT ?",
            (state.pushed_seq, limit)).fetchall()
        if batch.scans:
            batch.last_seq = batch.scans[-1][0]
        batch.walk_ins_seq = state.walk_ins_pushed
        cur = self.conn.execute(
            f"SELECT seq, {', '.join(walk_in_register.COLUMNS)} FROM walk_ins WHERE seq > ? "
            "ORDER BY seq LIMIT ?", (state.walk_ins_pushed, limit))
        names = [d[0] for d in cur.description]
        batch.walk_ins = [dict(zip(names, r)) for r in cur]
        if batch.walk_ins:
            batch.walk_ins_seq = batch.walk_ins[-1]["seq"]
        revocations, mark = self._revocations()
        if mark != state.revocations_pushed:
            batch.revocations, batch.revocations_mark = revocations, mark
        else:
            batch.revocations_mark = mark
        return batch

    def _revocations(self) -> tuple[list[dict], str]:
        cur = self.conn.execute(
            f"SELECT {', '.join(_REVOCATION_COLUMNS)} FROM revocations ORDER BY key")
        rows = [dict(zip(_REVOCATION_COLUMNS, r)) for r in cur]
        # A fingerprint of the whole (small) list: clocks may disagree, so no time is trusted
        # to tell what changed.
        digest = hashlib.sha256(repr([tuple(r.values()) for r in rows]).encode()).hexdigest()
        return rows, digest

    def mark_pushed(self, hub_id: str, batch: PendingBatch, hub_url: str = "") -> None:
        """Record that the hub has committed ``batch``."""
        with Transaction(self.conn):
            self._ensure(hub_id, hub_url)
            self.conn.execute(
                "UPDATE hub_sync SET pushed_seq = max(pushed_seq, ?), pushed_at = ?, "
                "revocations_pushed = ?, walk_ins_pushed = max(walk_ins_pushed, ?) "
                "WHERE hub_id = ?",
                (batch.last_seq, to_utc_text(utcnow()), batch.revocations_mark,
                 batch.walk_ins_seq, hub_id))

    def apply(self, hub_id: str, changes: PulledChanges, hub_url: str = "") -> int:
        """Late roster additions and revocations from the hub, and the new pull mark; one
        transaction. Returns how many rows changed here."""
        changed = 0
        cols = ROSTER_COLUMNS + ("updated_at",)
        if changes.kiosk_keys:
            keys = sorted((k, bytes.fromhex(h)) for k, h in changes.kiosk_keys)
            if keys != sorted(kiosk_keys(self.conn)):  # not a roster change: not counted
                replace_kiosk_keys(self.conn, keys)
        if not changes.attendees and not changes.revocations and not changes.walk_ins \
                and self.state(hub_id).pull_xmin:
            # Nothing new: keep the older mark (asking from it again costs nothing) rather than
            # write to the disk every few seconds.
            return 0
        with Transaction(self.conn):
            self._ensure(hub_id, hub_url)
            if changes.attendees:
                rows = changes.attendees
                if self.store.get_meta("contacts") == "hashed":
                    # A kiosk without --full-roster: contacts only as hashes (and none at all,
                    # rather than in clear, from a store opened without the key).
                    key = self.store.contact_key
                    if key is not None:
                        store_contacts(self.conn, [key.row(a["id"], a.get("email"), a.get("phone"))
                                                   for a in rows])
                    rows = [{**a, "email": "", "phone": ""} for a in rows]
                differs = " OR ".join(f"{c} IS NOT excluded.{c}" for c in cols if c != "id")
                cur = self.conn.executemany(
                    f"INSERT INTO attendees ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                    "ON CONFLICT (id) DO UPDATE SET "
                    + ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
                    + f" WHERE {differs}",
                    [tuple(a.get(c) for c in cols) for a in rows])
                changed += max(cur.rowcount, 0)
            if changes.revocations:
                cur = self.conn.executemany(
                    f"INSERT INTO revocations ({', '.join(_REVOCATION_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(_REVOCATION_COLUMNS))}) "
                    "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, "
                    "label = excluded.label, reason = excluded.reason, active = excluded.active, "
                    "updated_at = excluded.updated_at, source = excluded.source "
                    "WHERE " + merge_revocation_where(),
                    [tuple(r[c] for c in _REVOCATION_COLUMNS) for r in changes.revocations])
                changed += max(cur.rowcount, 0)
            if changes.walk_ins:
                changed += walk_in_register.add_pulled(self.conn, changes.walk_ins)
            self.conn.execute("UPDATE hub_sync SET pull_xmin = ?, pulled_at = ? WHERE hub_id = ?",
                              (changes.xmin, to_utc_text(utcnow()), hub_id))
        return changed

    def _ensure(self, hub_id: str, hub_url: str) -> None:
        self.conn.execute(
            "INSERT INTO hub_sync (hub_id, hub_url) VALUES (?, ?) ON CONFLICT (hub_id) DO "
            "UPDATE SET hub_url = CASE WHEN excluded.hub_url = '' THEN hub_url "
            "ELSE excluded.hub_url END", (hub_id, hub_url))

    def roster_mark(self) -> str:
        """The newest roster change this kiosk holds (from provisioning or earlier pulls)."""
        row = self.conn.execute("SELECT MAX(updated_at) FROM attendees").fetchone()
        return row[0] or ""

    def pending_count(self, hub_id: str | None = None) -> int:
        """Scans not yet on the hub (the most recently used hub when none is named)."""
        if hub_id is None:
            row = self.conn.execute(
                "SELECT pushed_seq FROM hub_sync ORDER BY pushed_at DESC LIMIT 1").fetchone()
            pushed = row[0] if row else 0
        else:
            pushed = self.state(hub_id).pushed_seq
        return self.conn.execute("SELECT COUNT(*) FROM scans WHERE seq > ?",
                                 (pushed,)).fetchone()[0]
