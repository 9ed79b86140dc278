"""One catalogue of words, below Qt: what the attendee and staff read, for the screens, the
command line and the badges alike.

The English source strings are here, marked with ``QT_TRANSLATE_NOOP(context, text)`` so that
lupdate (scripts/i18n.py) extracts them into the translators' files, kiosk/ui/i18n/kiosk_ur.ts
and kiosk_zh.ts. The screens translate them with Qt's translator from the compiled .qm; anything
without Qt (``kiosk checkin``, the badge PDF) reads the same .ts files through
kiosk.config.words, a plain XML reader, into a :class:`Catalogue`. One text, one translation, wherever it is shown.
"""

from __future__ import annotations

from kiosk.core.outcomes import Outcome

# The kiosk's languages and the CLDR locales that write their dates and numbers (Babel).
LOCALES = {"en": "en_GB", "ur": "ur_PK", "zh": "zh_Hans_CN"}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for extraction under ``context``; returns it unchanged."""
    return text


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
    "unmapped_item": QT_TRANSLATE_NOOP("Outcome", "This ticket is not for entry here."),
    "plain_ids_disabled": QT_TRANSLATE_NOOP("Outcome", "Please show the QR code of your badge."),
    # The same words as plain_ids_disabled, so the screens already have them in every language.
    "badge_required": QT_TRANSLATE_NOOP("Outcome", "Please show the QR code of your badge."),
    "superseded": QT_TRANSLATE_NOOP("Outcome", "It cannot be used to enter."),
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
# After a welcome, when the ticket needs staff to look (pretix's "special attention").
ATTENTION_NEXT = QT_TRANSLATE_NOOP("Outcome", "Please see a member of staff before you go in.")
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




class Catalogue:
    """Translations of one language: translate(context, source), the source when none.

    Pure: the entries come from the translators' .ts files, read by kiosk.config.words."""

    def __init__(self, language: str, entries: dict[tuple[str, str], str]):
        self.language = language
        self.entries = entries

    def translate(self, context: str, source: str) -> str:
        return self.entries.get((context, source), source)


ENGLISH = Catalogue("en", {})  # the source strings themselves


def outcome_text(outcome: Outcome, reason: str, *, help_point: str, hours: str = "",
                 name: str = "", words: Catalogue = ENGLISH) -> str:
    """What the screen says for a result, as one sentence run: title, reason, next step."""
    title = words.translate("Outcome", TITLES.get(outcome, outcome.value))
    if name and outcome in (Outcome.ACCEPTED, Outcome.REENTRY):
        title = f"{title}, {name}"
    parts = [title if title.endswith((".", "!", "?", "۔", "。")) else title + "."]
    if reason in REASONS:
        parts.append(words.translate("Outcome", REASONS[reason]))
    step = NEXT_STEPS.get(outcome)
    if step:
        parts.append(words.translate("Outcome", step).format(help=help_point, hours=hours))
    return " ".join(parts)


def category_word(name: str, words: Catalogue = ENGLISH) -> str:
    text = CATEGORIES.get(name)
    return words.translate("Category", text) if text else name.title()
