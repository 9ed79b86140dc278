"""What staff do at a kiosk, without Qt: look-up, the attendee card, manual check-in, blocks,
reprints, the health page's facts and the audit log.

Every method takes ``(store, desk)`` and runs on the thread that owns kiosk.db (the kiosk's
database thread in ``kiosk run``; a command's or a test's own thread elsewhere). An action and
its audit row are written in one transaction: either both are on disk or neither is, so staff
are never told "not checked in" about a scan that was kept.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kiosk.core.errors import KioskError
from kiosk.core.event import DEFAULT_TIMEZONE
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.db import Transaction
from kiosk.storage import staff_store


@dataclass
class HealthFacts:
    """What the health page shows that comes from kiosk.db and the disk."""

    timezone: str = DEFAULT_TIMEZONE
    scans: int = 0
    db_bytes: int = 0
    last_scan: dict | None = None
    unsynced: int | None = None
    free_bytes: int | None = None
    audit: list[dict] = field(default_factory=list)


@dataclass
class AttendeeCard:
    attendee: object          # kiosk.core.event.Attendee
    standing: staff_store.Standing
    timezone: str


@dataclass
class ReprintPlan:
    """What a reprint will put on the badge: the issued token, or the plain registration number
    of a badge never issued (None when the event refuses plain numbers)."""

    token: str | None
    signed: bool
    rules: object             # kiosk.core.event.EventRules


def _check_file(store) -> None:
    """Before the commit: kiosk.db at its path is still the file opened (see KioskStore)."""
    check = getattr(store, "check_file", None)
    if check is not None:
        check()


class StaffService:
    def __init__(self, kiosk_id: str, *, kiosk_dir: Path | None = None,
                 disk_usage: Callable[[Path], object] = shutil.disk_usage,
                 kiosk_key: Callable[[], object] | None = None):
        self.kiosk_id = kiosk_id
        self.kiosk_dir = kiosk_dir
        self.disk_usage = disk_usage
        # () -> this kiosk's own Ed25519 private key (None: it has none), which signs a badge
        # reissued here; read when needed, never kept.
        self.kiosk_key = kiosk_key

    @property
    def who(self) -> str:
        return f"staff@{self.kiosk_id}"

    # -- audit --------------------------------------------------------------------------------
    def audit(self, store, action: str, subject: str = "", detail: str = "") -> None:
        staff_store.record_audit(store.conn, kiosk_id=self.kiosk_id, action=action,
                                 subject=subject, detail=detail)

    def recent_audit(self, store, limit: int = 6) -> list[dict]:
        return staff_store.audit_entries(store.conn, limit)

    # -- look-up ------------------------------------------------------------------------------
    def search(self, store, desk, query: str) -> list:
        from kiosk.storage.attendee_search import search_attendees

        return list(search_attendees(store.conn, query, contact_key=store.contact_key))

    def badge_holder(self, store, desk, code) -> str | None:
        """The registration id of a badge shown while looking up (None: not on this roster)."""
        from kiosk.core.rules import identify

        identity = identify(code, desk.event, desk.verifier, store.find_attendee)
        return identity.attendee_id if identity.attendee is not None else None

    def _day(self, desk) -> str:
        return desk.event.day_of(desk.clock()).isoformat()

    def _days_back(self, desk) -> list[str]:
        """Today first, then the event's earlier days: each a seek in the (day, attendee) index."""
        today = desk.event.day_of(desk.clock())
        earlier = sorted((d for d in desk.event.days if d < today), reverse=True)
        return [today.isoformat()] + [d.isoformat() for d in earlier]

    def standing(self, store, desk, attendee_id: str) -> staff_store.Standing:
        return staff_store.standing(store.conn, attendee_id, self._day(desk),
                                    days=self._days_back(desk))

    def open_card(self, store, desk, attendee_id: str) -> AttendeeCard:
        attendee = store.find_attendee(attendee_id)
        if attendee is None:
            raise KioskError(f"no attendee {attendee_id} on this kiosk's roster")
        with Transaction(store.conn):
            self.audit(store, "lookup_open", attendee.id)
        return AttendeeCard(attendee, self.standing(store, desk, attendee.id), desk.event.timezone)

    # -- actions, each with its audit row in the same transaction --------------------------------
    def check_in_by_hand(self, store, desk, attendee_id: str, reason: str):
        """A staff override with a reason: (CheckInResult, standing after)."""
        with Transaction(store.conn):
            result = desk.manual_check_in(attendee_id, note=reason, staff=self.who)
            self.audit(store, "manual_checkin", result.attendee_id or attendee_id,
                       f"{reason}; scan {result.scan_id}; {result.outcome.value}")
            _check_file(store)
        return result, self.standing(store, desk, result.attendee_id or attendee_id)

    def set_blocked(self, store, desk, attendee_id: str, blocked: bool, reason: str):
        """Block a person or lift every block on them: (revocation keys changed, standing)."""
        with Transaction(store.conn):
            keys = staff_store.set_blocked(store.conn, attendee_id, blocked, reason=reason,
                                           source=f"kiosk {self.kiosk_id}")
            self.audit(store, "block" if blocked else "unblock", attendee_id,
                       f"{reason}; {', '.join(keys)}")
            _check_file(store)
        return keys, self.standing(store, desk, attendee_id)

    # -- reprints -----------------------------------------------------------------------------
    def reprint_plan(self, store, desk, attendee_id: str) -> ReprintPlan:
        token = staff_store.issued_token(store.conn, attendee_id)
        if token is not None:
            from kiosk.core.tokens import TokenError, parse_token

            try:
                held = parse_token(token)[0].issue
            except TokenError:
                held = None
            newest = store.badge_issue(attendee_id)
            if held is not None and newest is not None and held < newest:
                # Replaced at another kiosk, whose new badge has not reached this one.
                raise KioskError(f"{attendee_id}'s badge was reissued at another kiosk (issue "
                                 f"{newest}); reissue it here rather than print the old one")
            return ReprintPlan(token, True, desk.event)
        plain = attendee_id if desk.event.accept_plain_ids else None
        return ReprintPlan(plain, False, desk.event)

    def reissue(self, store, desk, attendee_id: str, *, reason: str = "lost") -> ReprintPlan:
        """Database thread: a lost badge replaced. The new badge (the next issue number, the
        roster's category, days and venues) is signed with this kiosk's own key, since only the
        organiser holds the event's; the old badge is blocked as superseded here and, through
        the hub, at every other kiosk. Recorded in the reissue log and the audit log."""
        from kiosk.core.tokens import (BadgeClaims, canonical, key_id_for, mask_of, sign_token,
                                       superseded_reason, token_hash)
        from kiosk.storage.roster import KIOSK_SOURCE, revocation_key, set_revocation

        key = self.kiosk_key() if self.kiosk_key is not None else None
        if key is None:
            raise KioskError("this kiosk has no key of its own to sign a new badge; provision "
                             "it again with `kiosk init`")
        attendee = store.find_attendee(attendee_id)
        if attendee is None:
            raise KioskError(f"no attendee {attendee_id} on this kiosk's roster")
        with store.decision():  # one write transaction, checked against the file, as check-ins
            old = staff_store.issued_token(store.conn, attendee.id)
            if old is None:
                raise KioskError(f"{attendee.id} was never issued a signed badge: reprint the "
                                 "registration number instead")
            issue = (store.badge_issue(attendee.id) or 0) + 1
            if issue > 255:
                raise KioskError(f"{attendee.id} has had 255 badges; ask the organiser")
            event = desk.event
            try:
                claims = BadgeClaims(attendee.id, attendee.category,
                                     mask_of(attendee.days, event.days),
                                     mask_of(attendee.venues, event.venues),
                                     issue=issue, key_id=key_id_for(key.public_key()))
            except ValueError as exc:
                raise KioskError(f"attendee {attendee.id}: {exc}") from exc
            token = sign_token(claims, key, event.event_id)
            if desk.verifier.verify(token).signed_by != self.kiosk_id:
                raise KioskError("this kiosk's key is not the one the event knows it by; "
                                 "provision it again with `kiosk init`")
            now = to_utc_text(utcnow())
            staff_store.record_issued(store.conn, [(attendee.id, token)], at=now)
            set_revocation(store.conn, revocation_key("token", token_hash(canonical(old))),
                           "token", reason=superseded_reason(issue, self.kiosk_id),
                           label=attendee.id, source=KIOSK_SOURCE.format(self.kiosk_id), at=now)
            store.conn.execute(
                "INSERT INTO kiosk_reissues (attendee_id, issue, token, replaced, staff, at_utc) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (attendee.id, issue, token, token_hash(canonical(old)), self.who, now))
            self.audit(store, "badge_reissue", attendee.id, f"issue {issue}; {reason}")
        return ReprintPlan(token, True, desk.event)

    def reprint_path(self, attendee_id: str) -> Path:
        if self.kiosk_dir is None:
            raise KioskError("badge printing is not set up on this kiosk")
        stamp = to_utc_text(utcnow())[:19].replace(":", "")
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in attendee_id)
        return self.kiosk_dir / "reprints" / f"{safe}-{stamp}.pdf"

    def record_reprint(self, store, attendee_id: str, path: Path, *, printed: bool,
                       pages: int = 0) -> None:
        with Transaction(store.conn):
            if printed:
                self.audit(store, "reprint_print", attendee_id, f"{path.name}; {pages} page(s)")
            else:
                self.audit(store, "reprint_pdf", attendee_id, str(path))

    # -- health ---------------------------------------------------------------------------------
    def health(self, store, desk, *, hub_configured: bool) -> HealthFacts:
        from kiosk.storage.outbox import Outbox

        facts = HealthFacts(timezone=desk.event.timezone if desk is not None else DEFAULT_TIMEZONE)
        facts.scans = store.scan_count()
        facts.last_scan = store.last_scan()
        if store.path is not None:
            facts.db_bytes = sum(os.path.getsize(p) for p in (str(store.path), f"{store.path}-wal")
                                 if os.path.exists(p))
        if hub_configured:
            facts.unsynced = Outbox(store).pending_count()
        folder = self.kiosk_dir or (store.path.parent if store.path is not None else None)
        if folder is not None:
            try:
                facts.free_bytes = self.disk_usage(folder).free
            except OSError:
                facts.free_bytes = None
        facts.audit = self.recent_audit(store, 6)
        return facts


def decoder_backends() -> dict[str, str]:
    """The decoder libraries and whether each works (for the health page)."""
    from kiosk.scanning.health import decoder_backends as backends

    return backends()


def folder_exporter(kiosk_dir: Path) -> Callable[[Path], dict]:
    """export(folder): this kiosk's bundle written into ``folder`` (a USB stick), its summary."""
    def export(folder: Path) -> dict:
        from kiosk.config import load_kiosk
        from kiosk.organiser.kioskdir import KioskFolder
        from kiosk.storage.kiosk_store import KioskStore
        from kiosk.sync.bundle import export_bundle

        model = load_kiosk(kiosk_dir / "kiosk.toml")
        key = KioskFolder(kiosk_dir, model).signing_key()  # signed, as `kiosk export` does
        with KioskStore.open(kiosk_dir / "kiosk.db", readonly=True) as store:
            return export_bundle(store, model, Path(folder), signing_key=key)

    return export


# -- the staff PIN's lock-out log (kiosk/ui/staff_lock.py reads and writes it through here) ----
def pin_events(store):
    """(events, tampered) of kiosk.db's append-only PIN log."""
    return staff_store.pin_events(store.conn)


def add_pin_event(store, kind: str, boot: str = "", mono: float = 0.0, seconds: int = 0) -> None:
    staff_store.add_pin_event(store.conn, kind, boot, mono, seconds)
