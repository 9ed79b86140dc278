"""Check-in decisions: who does a code name, and may they pass here, now?

Pure functions over plain values; the desk (desk.py) feeds them from the store.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Callable

from kiosk.core.event import Attendee, EventRules, normalise_id
from kiosk.core.outcomes import Outcome
from kiosk.core.tickets import ExternalTicket, ExternalTickets
from kiosk.core.tokens import (
    MAX_TOKEN_CHARS,
    BadgeClaims,
    TokenError,
    TokenVerifier,
    canonical,
    looks_like_token,
    mask_of,
    token_hash,
)

MAX_CODE_CHARS = MAX_TOKEN_CHARS


@dataclass(frozen=True)
class Identity:
    """What a scanned code says about its holder (or why it says nothing)."""

    stored_code: str  # the code as the scan log keeps it: the code itself, or its hash
    attendee_id: str | None = None
    category: str | None = None
    days: tuple[date, ...] | None = None
    venues: tuple[str, ...] | None = None
    attendee: Attendee | None = None
    via: str | None = None  # "token" or "id"
    token_fingerprint: str | None = None
    key_id: int | None = None
    issue: int | None = None  # the badge's issue number (a reissued badge has a higher one)
    failure: tuple[Outcome, str] | None = None
    detail: str = ""  # for people: which product a refused ticket was


@dataclass(frozen=True)
class Attendance:
    """One attendee's day so far, as far as this store knows."""

    first_in_at: datetime | None = None
    last_in_at: datetime | None = None
    last_out_at: datetime | None = None
    entries: int = 0

    @property
    def inside(self) -> bool:
        if self.last_in_at is None:
            return False
        return self.last_out_at is None or self.last_in_at > self.last_out_at

    def combine(self, other: "Attendance | None") -> "Attendance":
        if other is None:
            return self

        def pick(a, b, fn):
            present = [x for x in (a, b) if x is not None]
            return fn(present) if present else None

        return Attendance(
            first_in_at=pick(self.first_in_at, other.first_in_at, min),
            last_in_at=pick(self.last_in_at, other.last_in_at, max),
            last_out_at=pick(self.last_out_at, other.last_out_at, max),
            entries=max(self.entries, other.entries),
        )


def _hashed(raw: str | bytes) -> str:
    if isinstance(raw, bytes):
        import hashlib

        return "sha256:" + hashlib.sha256(raw).hexdigest()
    return "sha256:" + token_hash(raw)


def _is_text(code: str) -> bool:
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in code):
        return False
    return not any(ord(ch) < 32 and ch not in "\t\r\n" or ord(ch) == 0x7F for ch in code)


def identify(
    code: str | bytes | None,
    event: EventRules,
    verifier: TokenVerifier,
    find_attendee: Callable[[str], Attendee | None],
    tickets: ExternalTickets | None = None,
) -> Identity:
    """Read a scanned code as a signed badge, a ticket another system signed (``tickets``), a
    ticket barcode or a plain registration number."""
    if code is None:
        return Identity(stored_code="", failure=(Outcome.INVALID, "empty"))
    if isinstance(code, bytes):
        try:
            code = code.decode("utf-8")
        except UnicodeDecodeError:
            return Identity(stored_code=_hashed(code), failure=(Outcome.INVALID, "not_text"))
    text = code.strip()
    if not text:
        return Identity(stored_code="", failure=(Outcome.INVALID, "empty"))
    if len(text) > MAX_CODE_CHARS:
        return Identity(stored_code=_hashed(text), failure=(Outcome.INVALID, "too_long"))
    if not _is_text(text):
        return Identity(stored_code=_hashed(text), failure=(Outcome.INVALID, "not_text"))

    if looks_like_token(text):
        try:
            claims = verifier.verify(text)
        except TokenError as exc:
            return Identity(stored_code=_hashed(text), failure=(Outcome.INVALID, exc.reason))
        return _from_claims(canonical(text), claims, event, find_attendee)

    failed: TokenError | None = None
    if tickets is not None:
        try:
            ticket = tickets.read(text)
        except TokenError as exc:
            ticket, failed = None, exc  # unless the roster has this very code (below)
        if ticket is not None:
            return _from_ticket(text, ticket, event, find_attendee)

    attendee = find_attendee(normalise_id(text))
    if failed is not None and (attendee is None or normalise_id(attendee.code) != normalise_id(text)):
        return Identity(stored_code=_hashed(text), failure=(Outcome.INVALID, failed.reason))
    if attendee is None:
        return Identity(stored_code=_hashed(text), failure=(Outcome.UNKNOWN, "not_in_roster"))
    # The barcode of a ticket from another registration system (a pretix secret, an Eventbrite
    # barcode) is the ticket itself, unguessable unlike a registration number.
    by_code = bool(attendee.code) and normalise_id(attendee.code) == normalise_id(text) \
        and normalise_id(attendee.id) != normalise_id(text)
    if event.plain_ids == "never" and not by_code:
        return Identity(
            stored_code=text, attendee_id=attendee.id, category=attendee.category,
            attendee=attendee, via="id", failure=(Outcome.INVALID, "plain_ids_disabled"),
        )
    rule = event.category(attendee.category)
    return Identity(
        # A ticket barcode is a bearer secret: the log keeps its hash, beside the attendee id.
        stored_code=_hashed(text) if by_code else text,
        attendee_id=attendee.id,
        category=attendee.category,
        days=_narrow(attendee.days, rule.days),
        venues=_narrow(attendee.venues, rule.venues),
        attendee=attendee,
        via="code" if by_code else "id",
        token_fingerprint=token_hash(text) if by_code else None,  # pretix's revocation list
    )


def _narrow(own, category_wide):
    if own is None:
        return category_wide
    if category_wide is None:
        return own
    return tuple(x for x in own if x in category_wide)


def _from_mask(mask: int, universe: tuple):
    if mask == 0:
        return None
    return tuple(item for i, item in enumerate(universe) if mask & (1 << i))


def _from_claims(token: str, claims: BadgeClaims, event: EventRules, find_attendee) -> Identity:
    # Days and venues come from the signed token, never from the roster: the badge is the ticket.
    attendee = find_attendee(normalise_id(claims.attendee_id))
    rule = event.category(claims.category)
    if claims.signed_by and not fair_reissue(claims, attendee, event):
        # A kiosk's key only replaces a lost badge: of someone on the roster, with no more
        # than the roster gives them. Anything else it signed is refused.
        return Identity(stored_code=_hashed(token), attendee_id=attendee.id if attendee else None,
                        failure=(Outcome.INVALID, "kiosk_signature_not_reissue"))
    return Identity(
        stored_code=token,
        attendee_id=attendee.id if attendee else claims.attendee_id,
        category=claims.category,
        days=_narrow(_from_mask(claims.day_mask, event.days), rule.days),
        venues=_narrow(_from_mask(claims.venue_mask, event.venues), rule.venues),
        attendee=attendee,
        via="token",
        token_fingerprint=token_hash(token),
        key_id=claims.key_id,
        issue=claims.issue,
    )


def fair_reissue(claims: BadgeClaims, attendee: Attendee | None, event: EventRules) -> bool:
    """Whether a badge a kiosk's key signed is a reissue it may make: of someone on the roster,
    a later issue than the first, with the roster's category, days and venues."""
    if attendee is None or claims.issue < 1 or claims.category != attendee.category:
        return False
    try:
        return (claims.day_mask, claims.venue_mask) == (mask_of(attendee.days, event.days),
                                                        mask_of(attendee.venues, event.venues))
    except ValueError:
        return False


def _from_ticket(text: str, ticket: ExternalTicket, event: EventRules, find_attendee) -> Identity:
    # The signed product decides the category (as a badge's category does); the roster, where
    # it has the ticket, gives the name. The seed is the holder, so the same ticket is one person.
    if ticket.category is None:
        return Identity(stored_code=_hashed(text), failure=(Outcome.INVALID, "unmapped_item"),
                        detail=ticket.product)
    attendee = find_attendee(normalise_id(text))
    rule = event.category(ticket.category)
    return Identity(
        stored_code=_hashed(text),
        attendee_id=attendee.id if attendee else ticket.holder,
        category=ticket.category,
        days=_narrow(attendee.days if attendee else None, rule.days),
        venues=_narrow(attendee.venues if attendee else None, rule.venues),
        attendee=attendee,
        via="token",
        token_fingerprint=token_hash(text),
        detail=ticket.product,
    )


def admit_by_badge(identity: Identity, event: EventRules, current_issue: int | None) -> Identity:
    """What the organiser's badge record says about an identified holder.

    ``current_issue`` is the issue number of the newest badge issued to the attendee (None:
    never issued one). A plain registration number of a badged attendee is refused under the
    ``unbadged`` policy (anyone can print a QR of a number); a badge older than the newest issue
    is refused as superseded (a lost badge, reissued).
    """
    if identity.failure is not None or current_issue is None:
        return identity
    if identity.via == "id" and event.plain_ids == "unbadged":
        return replace(identity, failure=(Outcome.INVALID, "badge_required"))
    if identity.via == "token" and identity.issue is not None and identity.issue < current_issue:
        return replace(identity, failure=(Outcome.REVOKED, "superseded"))
    return identity


def judge(
    identity: Identity,
    event: EventRules,
    *,
    venue: str,
    direction: str,
    at: datetime,
    attendance: Attendance | None,
    revoked: bool,
) -> tuple[Outcome, str]:
    """The outcome and reason code for an identified holder at this kiosk and moment."""
    if identity.failure is not None:
        return identity.failure
    if direction == "out":
        # Anyone may leave, a blocked attendee too: recorded as an exit, so inside_now stays true.
        inside = attendance is not None and attendance.inside
        return Outcome.EXITED, "exit" if inside else "exit_not_inside"
    if revoked:
        return Outcome.REVOKED, "revoked"
    category = identity.category or "visitor"

    local = event.local(at)
    # The event day (with checkout_all_at, the small hours belong to the evening before): the
    # day a badge and the opening hours are judged by.
    today = event.day_of(at)
    next_morning = local.date() != today
    if today not in event.days:
        return Outcome.WRONG_DAY, "event_not_today"
    if identity.days is not None and today not in identity.days:
        return Outcome.WRONG_DAY, "not_valid_today"
    if identity.venues is not None and venue not in identity.venues:
        return Outcome.WRONG_VENUE, "wrong_venue"
    rule = event.category(category)
    hours = event.hours_on(today)
    early = rule.early_entry_minutes
    if next_morning and not hours.past_midnight:
        # The evening's hours end at midnight: the small hours keep the calendar day's own
        # (an event open around the clock stays open until the checkout).
        hours, next_morning = event.hours_on(local.date()), False
    if not hours.contains(local, early, next_morning):
        before = hours.minute_of(local, next_morning) < hours.start_minutes(early)
        return Outcome.OUTSIDE_HOURS, "before_opening" if before else "after_closing"

    if attendance is None or attendance.last_in_at is None:
        if identity.via == "token" and identity.attendee is None:
            return Outcome.ACCEPTED, "late_registration"
        return Outcome.ACCEPTED, "first_entry"
    if attendance.inside and at - attendance.last_in_at < event.window_for(category):
        return Outcome.DUPLICATE, "within_window"
    if not rule.reentry:
        return Outcome.DUPLICATE, "reentry_not_allowed"
    return Outcome.REENTRY, "reentry"
