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


# Reason codes (stable; the UI translates them) and their English text.
REASONS = {
    "first_entry": "Welcome",
    "reentry": "Welcome back",
    "exit": "Goodbye, see you again",
    "exit_not_inside": "Goodbye (no entry was recorded at this kiosk)",
    "within_window": "This badge was just scanned",
    "reentry_not_allowed": "Re-entry is not allowed with this badge",
    "empty": "The code is empty",
    "too_long": "The code is too long to be a badge",
    "not_text": "The code is not readable text",
    "malformed": "The badge code is damaged",
    "unknown_key": "The badge was signed by an unknown key",
    "bad_signature": "The badge signature does not match",
    "plain_ids_disabled": "Registration numbers are not accepted here; please show your QR badge",
    "badge_required": "This attendee has a signed badge; please show its QR code",
    "superseded": "This badge was replaced by a newer one",
    "not_in_roster": "This registration number is not on the list",
    "revoked": "This badge has been blocked",
    "event_not_today": "The event is not open today",
    "not_valid_today": "This badge is not valid today",
    "wrong_venue": "This badge is for another venue",
    "before_opening": "The halls are not open yet",
    "after_closing": "The halls are closed for today",
    "late_registration": "Welcome (registered after this kiosk's list was made)",
}

NEXT_STEP = {
    Outcome.DUPLICATE: "You can go in.",
    Outcome.UNKNOWN: "Please go to {help}.",
    Outcome.INVALID: "Please go to {help}.",
    Outcome.REVOKED: "Please go to {help}.",
    Outcome.WRONG_DAY: "Please check the dates on your badge or go to {help}.",
    Outcome.WRONG_VENUE: "Please check the venue on your badge or go to {help}.",
    Outcome.OUTSIDE_HOURS: "Please come back during opening hours ({hours}).",
}


def message_for(outcome: Outcome, reason: str, *, help_point: str, hours: str = "", name: str = "") -> str:
    text = REASONS.get(reason, reason.replace("_", " "))
    if outcome in (Outcome.ACCEPTED, Outcome.REENTRY) and name:
        text = f"{text}, {name}"
    step = NEXT_STEP.get(outcome)
    if step:
        text = f"{text}. {step.format(help=help_point, hours=hours)}"
    elif not text.endswith("."):
        text += "."
    return text
