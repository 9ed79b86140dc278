"""The outcomes of a scan: the words used in JSON and what the attendee is told."""

from __future__ import annotations

from enum import Enum


class Outcome(str, Enum):
    ACCEPTED = "accepted"  # first entry today
    REENTRY = "reentry"
    DUPLICATE = "duplicate"  # the same badge again within the anti-passback window (amber)
    EXITED = "exited"
    UNKNOWN = "unknown"
    INVALID = "invalid"
    REVOKED = "revoked"
    WRONG_DAY = "wrong_day"
    WRONG_VENUE = "wrong_venue"
    OUTSIDE_HOURS = "outside_hours"

    def __str__(self) -> str:
        return self.value


# Outcomes that let a person through the gate (green).
PASSING = frozenset({Outcome.ACCEPTED, Outcome.REENTRY, Outcome.EXITED})
ENTRIES = frozenset({Outcome.ACCEPTED, Outcome.REENTRY})
REFUSED = frozenset(set(Outcome) - PASSING)

# Severity for the screen: green, amber or red; never colour alone (the UI adds icon and words).
TONE = {
    Outcome.ACCEPTED: "green",
    Outcome.REENTRY: "green",
    Outcome.EXITED: "green",
    Outcome.DUPLICATE: "amber",
}


def tone(outcome: Outcome) -> str:
    return TONE.get(outcome, "red")


# What the attendee is told is in kiosk.core.words (one catalogue for the screens, the command
# line and the badges): the screen's title, reason and next step, in that order.
ATTENTION_STEP = "Please see a member of staff before you go in."  # words.ATTENTION_NEXT


def message_for(outcome: Outcome, reason: str, *, help_point: str, hours: str = "", name: str = "",
                detail: str = "") -> str:
    """The screen's words for a result, as one line (``kiosk checkin``'s "message")."""
    from kiosk.core.words import outcome_text

    text = outcome_text(outcome, reason, help_point=help_point, hours=hours, name=name)
    return f"{text} ({detail})" if detail else text
