"""What the attendee reads for each outcome: title, reason and what to do next, translatable.

The words themselves live in kiosk.core.words (one catalogue for the screens, the command line
and the badges); here they are translated by Qt when shown, in the language chosen then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.core.outcomes import Outcome
from kiosk.core.words import (ATTENTION_NEXT, CATEGORIES, FOR_DAYS, FOR_VENUE,  # noqa: F401
                               NEXT_STEPS, OPEN_DAYS, REASONS, STORAGE_NEXT, TITLES)

CTX = "Outcome"


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
