"""Walk-in registration at the kiosk (no Qt here; the screen is kiosk/ui/walk_in.py).

A visitor who did not register gives a name, company, phone and e-mail; the kiosk stores them
as a roster addition with a number of its own (``WI-<KIOSK>-0001``: a kiosk cannot sign badges),
checks them in by that number and prints a badge whose QR is that number. Only where the event
allows walk-ins (``walk_ins = true``) and accepts registration numbers. A phone number or
e-mail address already registered is refused (that person should use "No badge?").
"""

from __future__ import annotations

from string import capwords

from kiosk.core.errors import KioskError
from kiosk.storage import walk_ins
from kiosk.storage.contact_lookup import find_by_contact, normal_email, normal_phone
from kiosk.storage.staff_store import record_audit


class WalkInRefused(KioskError):
    """reason: disabled, name, contact, email, phone, registered."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class WalkIns:
    def __init__(self, kiosk_id: str, *, enabled: bool = True):
        self.kiosk_id = kiosk_id
        self.enabled = enabled

    def register(self, store, desk, *, name: str, company: str = "", phone: str = "",
                 email: str = ""):
        """Database thread: the new attendee (committed and audited)."""
        if not self.enabled or not desk.event.accept_plain_ids:
            raise WalkInRefused("disabled")
        name, company = " ".join(name.split()), " ".join(company.split())
        # The on-screen keyboard types small letters: a name typed all in them gets capitals.
        name, company = (capwords(t) if t.islower() else t for t in (name, company))
        if not 2 <= len(name) <= 80:
            raise WalkInRefused("name")
        if len(company) > 120:
            raise WalkInRefused("company")
        email_n = normal_email(email) if email.strip() else ""
        phone_n = normal_phone(phone) if phone.strip() else ""
        if email_n is None:
            raise WalkInRefused("email")
        if phone_n is None:
            raise WalkInRefused("phone")
        if not email_n and not phone_n:
            raise WalkInRefused("contact")
        if (email_n and find_by_contact(store.conn, "email", email_n, store.contact_key)) or \
                (phone_n and find_by_contact(store.conn, "phone", phone_n, store.contact_key)):
            raise WalkInRefused("registered")
        attendee = walk_ins.register(store.conn, kiosk_id=self.kiosk_id, name=name,
                                     company=company, email=email_n, phone=phone.strip())
        record_audit(store.conn, kiosk_id=self.kiosk_id, action="walk_in", subject=attendee.id,
                     detail="registered at the kiosk")
        return attendee
