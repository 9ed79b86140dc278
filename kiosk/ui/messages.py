"""What the attendee reads for each outcome: title, reason and what to do next, translatable.

The strings are marked with QT_TRANSLATE_NOOP so lupdate finds them; they are translated when
shown, in the language chosen at that moment.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.core.outcomes import Outcome

CTX = "Outcome"

TITLES = {
    Outcome.ACCEPTED: QT_TRANSLATE_NOOP("Outcome", "Welcome"),
    Outcome.REENTRY: QT_TRANSLATE_NOOP("Outcome", "Welcome back"),
    Outcome.EXITED: QT_TRANSLATE_NOOP("Outcome", "Goodbye, see you soon"),
    Outcome.DUPLICATE: QT_TRANSLATE_NOOP("Outcome", "You are already checked in"),
    Outcome.UNKNOWN: QT_TRANSLATE_NOOP("Outcome", "We could not find this registration"),
    Outcome.INVALID: QT_TRANSLATE_NOOP("Outcome", "This code is not a valid badge"),
    Outcome.REVOKED: QT_TRANSLATE_NOOP("Outcome", "This badge has been blocked"),
    Outcome.WRONG_DAY: QT_TRANSLATE_NOOP("Outcome", "This badge is not valid today"),
    Outcome.WRONG_VENUE: QT_TRANSLATE_NOOP("Outcome", "This badge is for another venue"),
    Outcome.OUTSIDE_HOURS: QT_TRANSLATE_NOOP("Outcome", "The halls are closed now"),
}

REASONS = {
    "first_entry": QT_TRANSLATE_NOOP("Outcome", "Enjoy the show."),
    "late_registration": QT_TRANSLATE_NOOP("Outcome", "Your badge is valid. Enjoy the show."),
    "staff_override": QT_TRANSLATE_NOOP("Outcome", "Checked in by staff."),
    "reentry": QT_TRANSLATE_NOOP("Outcome", "Good to see you again."),
    "exit": QT_TRANSLATE_NOOP("Outcome", "Your exit has been recorded."),
    "exit_not_inside": QT_TRANSLATE_NOOP("Outcome", "Your exit has been recorded."),
    "within_window": QT_TRANSLATE_NOOP("Outcome", "This badge was scanned here a moment ago."),
    "reentry_not_allowed": QT_TRANSLATE_NOOP("Outcome", "Re-entry is not allowed with this badge."),
    "empty": QT_TRANSLATE_NOOP("Outcome", "The code was empty."),
    "too_long": QT_TRANSLATE_NOOP("Outcome", "The code is too long to be a badge."),
    "not_text": QT_TRANSLATE_NOOP("Outcome", "The code could not be read as text."),
    "malformed": QT_TRANSLATE_NOOP("Outcome", "The badge code is damaged or incomplete."),
    "unknown_key": QT_TRANSLATE_NOOP("Outcome", "The badge was not issued for this event."),
    "bad_signature": QT_TRANSLATE_NOOP("Outcome", "The badge could not be verified."),
    "plain_ids_disabled": QT_TRANSLATE_NOOP("Outcome", "Please show the QR code of your badge."),
    "not_in_roster": QT_TRANSLATE_NOOP("Outcome", "This registration number is not on our list."),
    "revoked": QT_TRANSLATE_NOOP("Outcome", "It cannot be used to enter."),
    "event_not_today": QT_TRANSLATE_NOOP("Outcome", "The exhibition is not open today."),
    "not_valid_today": QT_TRANSLATE_NOOP("Outcome", "Your badge is for other days of the exhibition."),
    "wrong_venue": QT_TRANSLATE_NOOP("Outcome", "Your badge is for the exhibition in another city."),
    "before_opening": QT_TRANSLATE_NOOP("Outcome", "The halls have not opened yet."),
    "after_closing": QT_TRANSLATE_NOOP("Outcome", "The halls have closed for today."),
    "storage_failed": QT_TRANSLATE_NOOP("Outcome", "This kiosk cannot record check-ins right now."),
}

NEXT_STEPS = {
    Outcome.UNKNOWN: QT_TRANSLATE_NOOP("Outcome", "Please go to {help} with your registration e-mail or ID card."),
    Outcome.INVALID: QT_TRANSLATE_NOOP("Outcome", "Please try again, or go to {help}."),
    Outcome.REVOKED: QT_TRANSLATE_NOOP("Outcome", "Please go to {help}."),
    Outcome.WRONG_DAY: QT_TRANSLATE_NOOP("Outcome", "Please check the dates on your badge or go to {help}."),
    Outcome.WRONG_VENUE: QT_TRANSLATE_NOOP("Outcome", "Please check the venue on your badge or go to {help}."),
    Outcome.OUTSIDE_HOURS: QT_TRANSLATE_NOOP("Outcome", "Opening hours today: {hours}."),
    Outcome.DUPLICATE: QT_TRANSLATE_NOOP("Outcome", "If you need help, please ask a member of staff."),
}
# A refusal names what the badge is for: the city, the days.
FOR_VENUE = QT_TRANSLATE_NOOP("Outcome", "Your badge is for {venue}.")
FOR_DAYS = QT_TRANSLATE_NOOP("Outcome", "Your badge is valid on {days}.")
OPEN_DAYS = QT_TRANSLATE_NOOP("Outcome", "The exhibition is open on {days}.")
STORAGE_NEXT = QT_TRANSLATE_NOOP("Outcome", "Please go to {help}; staff will check you in.")

CATEGORIES = {
    "visitor": QT_TRANSLATE_NOOP("Category", "Visitor"),
    "exhibitor": QT_TRANSLATE_NOOP("Category", "Exhibitor"),
    "vip": QT_TRANSLATE_NOOP("Category", "VIP"),
    "media": QT_TRANSLATE_NOOP("Category", "Media"),
    "speaker": QT_TRANSLATE_NOOP("Category", "Speaker"),
    "staff": QT_TRANSLATE_NOOP("Category", "Staff"),
    "organiser": QT_TRANSLATE_NOOP("Category", "Organiser"),
}


def tr(text: str, context: str = CTX) -> str:
    return QCoreApplication.translate(context, text)


def title(outcome: Outcome) -> str:
    return tr(TITLES[outcome])


def reason(code: str) -> str:
    text = REASONS.get(code)
    return tr(text) if text else ""


def next_step(outcome: Outcome, *, help_point: str, hours: str = "") -> str:
    text = NEXT_STEPS.get(outcome)
    return tr(text).format(help=help_point, hours=hours) if text else ""


def refusal_detail(reason_code: str, *, venues: list[str], days: str, event_days: str) -> str:
    """The sentence that says what this badge is for, or ''."""
    if reason_code == "wrong_venue" and venues:
        return tr(FOR_VENUE).format(venue=" / ".join(venues))
    if reason_code == "not_valid_today" and days:
        return tr(FOR_DAYS).format(days=days)
    if reason_code == "event_not_today" and event_days:
        return tr(OPEN_DAYS).format(days=event_days)
    return ""


def category(name: str | None) -> str:
    if not name:
        return ""
    text = CATEGORIES.get(name)
    return tr(text, "Category") if text else name.title()
