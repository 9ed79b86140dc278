""""No badge?": check in with the e-mail address or phone number of the registration, confirmed
by a second fact (no Qt here; the kiosk's screen is kiosk/ui/no_badge.py).

    lookup(store, text)              an exact match only, or a refusal that names no one
    confirm(store, pending, answer)  the first three letters of the name (or, for a name
                                     without Latin letters looked up by e-mail, the phone
                                     number's last four digits); gives the code to check in

Every attempt is in the audit log. Failures are rate-limited per kiosk (five in ten minutes
close the way for the rest of those ten minutes) and per registration (three wrong second facts
a day send the person to the help desk). An event turns it off with `no_badge_checkin = false`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

from kiosk.core.errors import KioskError
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.contact_lookup import (find_by_contact, has_phone_tail, normal_email,
                                          normal_phone, phone_tail_matches, recent_audit_count)
from kiosk.storage.staff_store import issued_token, record_audit

KIOSK_FAILURES = 5
KIOSK_WINDOW = timedelta(minutes=10)
PERSON_FAILURES = 3


class NoBadgeRefused(KioskError):
    """reason: disabled, limited, not_contact, not_found, mismatch, person_limited, no_fact."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Pending:
    attendee_id: str
    kind: str   # how they were found: email or phone
    ask: str    # the second fact asked for: name or phone


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _latin_start(name: str) -> str:
    letters = "".join(ch for ch in name.casefold() if ch.isascii() and ch.isalnum())
    return letters[:3]


class NoBadge:
    def __init__(self, kiosk_id: str, *, enabled: bool = True,
                 clock: Callable = utcnow):
        self.kiosk_id = kiosk_id
        self.enabled = enabled
        self.clock = clock

    def _audit(self, store, action: str, subject: str = "", detail: str = "") -> None:
        record_audit(store.conn, kiosk_id=self.kiosk_id, action=action, subject=subject,
                     detail=detail, at=to_utc_text(self.clock()))

    def _fail(self, store, reason: str, subject: str = "") -> NoBadgeRefused:
        self._audit(store, "no_badge_failed", subject, reason)
        return NoBadgeRefused(reason)

    def _limited(self, store) -> bool:
        since = to_utc_text(self.clock() - KIOSK_WINDOW)
        return recent_audit_count(store.conn, "no_badge_failed", since) >= KIOSK_FAILURES

    def lookup(self, store, text: str) -> Pending:
        """Database thread."""
        if not self.enabled:
            raise NoBadgeRefused("disabled")
        if self._limited(store):
            raise NoBadgeRefused("limited")
        email = normal_email(text) if "@" in text else None
        phone = None if email else normal_phone(text)
        if email is None and phone is None:
            raise self._fail(store, "not_contact")
        kind, value = ("email", email) if email else ("phone", phone)
        found = find_by_contact(store.conn, kind, value, store.contact_key)
        if len(found) != 1:  # none, or a shared address: never a list to choose from
            raise self._fail(store, "not_found")
        attendee = store.find_attendee(found[0])
        day_start = to_utc_text(self.clock() - timedelta(hours=24))
        if recent_audit_count(store.conn, "no_badge_failed", day_start,
                              subject=attendee.id) >= PERSON_FAILURES:
            raise NoBadgeRefused("person_limited")
        if _latin_start(attendee.name) and len(_latin_start(attendee.name)) >= 2:
            ask = "name"
        elif kind == "email" and (normal_phone(attendee.phone or "")
                                  or has_phone_tail(store.conn, attendee.id)):
            ask = "phone"
        else:
            raise self._fail(store, "no_fact", attendee.id)
        self._audit(store, "no_badge_lookup", attendee.id, kind)
        return Pending(attendee.id, kind, ask)

    def confirm(self, store, pending: Pending, answer: str) -> str:
        """Database thread: the code the desk checks in (the issued badge, or the registration
        number) once the second fact matches."""
        if not self.enabled:
            raise NoBadgeRefused("disabled")
        if self._limited(store):
            raise NoBadgeRefused("limited")
        attendee = store.find_attendee(pending.attendee_id)
        if attendee is None:
            raise self._fail(store, "not_found")
        if pending.ask == "name":
            expected = _latin_start(attendee.name)
            ok = len(_letters(answer)) >= len(expected) and _letters(answer)[:3] == expected
        else:
            digits = re.sub(r"\D", "", answer)
            clear = normal_phone(attendee.phone or "")
            ok = len(digits) == 4 and (
                clear.endswith(digits) if clear  # a --full-roster kiosk, or a walk-in's own
                else phone_tail_matches(store.conn, store.contact_key, attendee.id, digits))
        if not ok:
            raise self._fail(store, "mismatch", attendee.id)
        self._audit(store, "no_badge_confirmed", attendee.id, pending.kind)
        return issued_token(store.conn, attendee.id) or attendee.id
