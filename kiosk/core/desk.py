"""The check-in desk: one service for the command line, the touch UI and staff tools.

It decides, appends the scan to the log and returns only after the store has committed it
durably; if the store fails, the caller gets a StorageError and never an ``accepted``.
"""

from __future__ import annotations

import uuid
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Protocol

from kiosk.core.errors import KioskError, StorageError
from kiosk.core.event import Attendee, EventRules, normalise_id
from kiosk.core.outcomes import ATTENTION_STEP, ENTRIES, Outcome, message_for, tone
from kiosk.core.rules import Attendance, Identity, admit_by_badge, identify, judge
from kiosk.core.tickets import ExternalTickets
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.core.tokens import superseded_issue
from kiosk.core.tokens import TokenVerifier


@dataclass(frozen=True)
class KioskIdentity:
    kiosk_id: str
    venue: str
    gate: str = ""
    role: str = "entry"  # entry or exit

    @property
    def direction(self) -> str:
        return "out" if self.role == "exit" else "in"


@dataclass(frozen=True)
class ScanRecord:
    """One row of the append-only scan log."""

    scan_id: str
    kiosk_id: str
    gate: str
    venue: str
    direction: str
    at_utc: str
    day: str
    code: str
    attendee_id: str | None
    category: str | None
    outcome: str
    reason: str
    method: str = "camera"
    note: str = ""

    def as_row(self) -> dict:
        return dict(self.__dict__)


class ScanStore(Protocol):
    """What the desk needs from storage (kiosk.db implements it; tests may hand in another)."""

    def find_attendee(self, attendee_id: str) -> Attendee | None: ...

    def revocation(self, attendee_id: str | None, token_fingerprint: str | None,
                   issue: int | None = None) -> str | None: ...

    def badge_issue(self, attendee_id: str) -> int | None: ...

    def decision(self) -> AbstractContextManager: ...

    def attendance(self, day: str, attendee_id: str) -> Attendance | None: ...

    def append_scan(self, record: ScanRecord) -> None: ...


@dataclass(frozen=True)
class CheckInResult:
    scan_id: str
    outcome: Outcome
    reason: str
    message: str
    attendee: Attendee | None
    attendee_id: str | None
    category: str | None
    at: datetime
    direction: str
    detail: str = ""
    attention: str = ""  # what staff must see or check before this attendee goes in
    valid_days: tuple | None = None  # the badge's days and venues, for a refusal to name them
    valid_venues: tuple | None = None

    @property
    def tone(self) -> str:
        return tone(self.outcome)

    def to_json(self) -> dict:
        attendee = None
        if self.attendee is not None:
            attendee = self.attendee.public()
        elif self.attendee_id is not None and self.outcome not in (Outcome.UNKNOWN, Outcome.INVALID):
            # A validly signed badge not (yet) in the local roster: shown without a name.
            attendee = {"id": self.attendee_id, "name": None, "category": self.category}
        return {
            "scan_id": self.scan_id,
            "outcome": self.outcome.value,
            "reason": self.reason,
            "attendee": attendee,
            "message": self.message,
            "at": to_utc_text(self.at),
            "direction": self.direction,
            "attention": self.attention or None,
        }


@dataclass
class CheckInDesk:
    event: EventRules
    kiosk: KioskIdentity
    store: ScanStore
    verifier: TokenVerifier
    clock: Callable[[], datetime] = utcnow
    new_id: Callable[[], str] = field(default=lambda: str(uuid.uuid4()))
    # Other views of an attendee's day (the live hub, for anti-passback across kiosks).
    remote_attendance: Callable[[str, str], Attendance | None] | None = None
    # Tickets another registration system signs (pretix_sig1), verified here offline.
    tickets: ExternalTickets | None = None

    def check_in(
        self,
        code: str | bytes | None,
        *,
        direction: str | None = None,
        at: datetime | None = None,
        method: str = "camera",
    ) -> CheckInResult:
        direction = direction or self.kiosk.direction
        if direction not in ("in", "out"):
            raise KioskError(f"direction must be in or out, not {direction!r}")
        at = at or self.clock()
        day = self.event.day_of(at).isoformat()
        # Look-ups, decision and append in one write transaction: two processes on one kiosk.db
        # (the running kiosk and `kiosk checkin -`) never both admit the same person.
        with self.store.decision():
            identity = identify(code, self.event, self.verifier, self.store.find_attendee,
                                self.tickets)
            attendance = None
            revoked_reason = None
            if identity.failure is None and identity.attendee_id is not None:
                identity = admit_by_badge(identity, self.event,
                                          self.store.badge_issue(identity.attendee_id))
            if identity.failure is None and identity.attendee_id is not None:
                revoked_reason = self.store.revocation(identity.attendee_id,
                                                       identity.token_fingerprint, identity.issue)
                attendance = self._attendance(day, identity.attendee_id)
                attendance = self._across_midnight(attendance, identity, at)
            outcome, reason = judge(
                identity, self.event, venue=self.kiosk.venue, direction=direction, at=at,
                attendance=attendance, revoked=revoked_reason is not None,
            )
            if (outcome, reason) == (Outcome.REVOKED, "revoked") and \
                    superseded_issue(revoked_reason) is not None:
                reason = "superseded"  # a lost badge, reissued at another kiosk
            result = self._record(identity, outcome, reason, at, day, direction, method,
                                  note="", detail=revoked_reason or identity.detail)
        return result

    def manual_check_in(self, attendee_id: str, *, note: str, staff: str = "staff",
                        at: datetime | None = None) -> CheckInResult:
        """A staff override: lets a known attendee in with a reason, recorded as such."""
        if not note.strip():
            raise KioskError("a manual check-in needs a reason")
        attendee = self.store.find_attendee(normalise_id(attendee_id))
        if attendee is None:
            raise KioskError(f"no attendee with registration number {attendee_id!r}")
        at = at or self.clock()
        day = self.event.day_of(at).isoformat()
        with self.store.decision():
            attendance = self._attendance(day, attendee.id)
            first = attendance is None or attendance.last_in_at is None
            identity = Identity(stored_code=attendee.id, attendee_id=attendee.id,
                                category=attendee.category, attendee=attendee, via="staff")
            outcome = Outcome.ACCEPTED if first else Outcome.REENTRY
            result = self._record(identity, outcome, "staff_override", at, day, "in", "manual",
                                  note=f"{staff}: {note.strip()}", detail=note.strip())
        return result

    def _across_midnight(self, attendance: Attendance | None, identity: Identity,
                         at: datetime) -> Attendance | None:
        """The anti-passback window reaches back over local midnight: an entry 20 s before it
        makes a scan 20 s after it a duplicate, not the first entry of a new day."""
        window = self.event.window_for(identity.category or "visitor")
        before = at - window
        yesterday = self.event.day_of(before)
        if yesterday == self.event.day_of(at):
            return attendance
        previous = self._attendance(yesterday.isoformat(), identity.attendee_id)
        if previous is None or not previous.inside or previous.last_in_at is None \
                or at - previous.last_in_at >= window:
            return attendance
        recent = Attendance(last_in_at=previous.last_in_at, entries=previous.entries)
        return recent if attendance is None else attendance.combine(recent)

    def _attendance(self, day: str, attendee_id: str) -> Attendance | None:
        local = self.store.attendance(day, attendee_id)
        if self.remote_attendance is None:
            return local
        try:
            remote = self.remote_attendance(day, attendee_id)
        except Exception:  # the hub is optional: a failure there never blocks the gate
            remote = None
        if local is None:
            return remote
        return local.combine(remote)

    def _record(self, identity: Identity, outcome: Outcome, reason: str, at: datetime, day: str,
                direction: str, method: str, note: str, detail: str) -> CheckInResult:
        record = ScanRecord(
            scan_id=self.new_id(),
            kiosk_id=self.kiosk.kiosk_id,
            gate=self.kiosk.gate,
            venue=self.kiosk.venue,
            direction=direction,
            at_utc=to_utc_text(at),
            day=day,
            code=identity.stored_code,
            attendee_id=identity.attendee_id,
            category=identity.category,
            outcome=outcome.value,
            reason=reason,
            method=method,
            note=note,
        )
        try:
            self.store.append_scan(record)
        except StorageError:
            raise
        except Exception as exc:  # any failure to commit is a failure to check in
            raise StorageError(f"the scan could not be saved: {exc}") from exc
        hours = str(self.event.hours_on(self.event.day_of(at)))
        name = identity.attendee.name if identity.attendee else ""
        message = message_for(outcome, reason, help_point=self.event.help_point, hours=hours, name=name)
        if outcome in ENTRIES and identity.attendee is None and identity.via == "token":
            message = message_for(outcome, "late_registration", help_point=self.event.help_point)
        attention = identity.attendee.attention if identity.attendee and outcome in ENTRIES else ""
        if attention:
            message = f"{message} {ATTENTION_STEP}"
        if reason == "unmapped_item":
            message = message_for(outcome, reason, help_point=self.event.help_point,
                                  detail=identity.detail)
        return CheckInResult(
            scan_id=record.scan_id,
            outcome=outcome,
            reason=reason,
            message=message,
            attendee=identity.attendee,
            attendee_id=identity.attendee_id,
            category=identity.category,
            at=at,
            direction=direction,
            detail=detail,
            attention=attention,
            valid_days=identity.days,
            valid_venues=identity.venues,
        )
