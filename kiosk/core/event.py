"""The event as the check-in rules see it: days, venues, hours, categories and attendees."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from kiosk.core.timeutil import event_day, zone

CATEGORIES: tuple[str, ...] = ("visitor", "exhibitor", "vip", "media", "speaker", "staff", "organiser")
VENUES: tuple[str, ...] = ("lahore", "karachi")
# Both Expo Centres keep Pakistan Standard Time; an event.toml may name another zone.
DEFAULT_TIMEZONE = "Asia/Karachi"

# Badge colour bands, chosen to stay distinct for the common colour-vision deficiencies.
DEFAULT_COLOURS = {
    "visitor": "#0072B2",
    "exhibitor": "#009E73",
    "vip": "#B8860B",
    "media": "#CC79A7",
    "speaker": "#D55E00",
    "staff": "#555555",
    "organiser": "#7B2D8E",
}


@dataclass(frozen=True)
class Hours:
    """Opening hours of one day in local time; close may be 24:00 (end of day), or earlier than
    the opening for an evening that runs past midnight ("18:00-02:00", with the event's
    checkout_all_at at or after 02:00, so that the small hours still belong to this day)."""

    opens: time
    closes_minutes: int  # minutes after local midnight, up to 24*60 (past midnight: beyond it)

    @classmethod
    def parse(cls, text: str) -> "Hours":
        try:
            start, end = (part.strip() for part in text.split("-"))
            opens = time.fromisoformat(start)
            if end in ("24:00", "24:00:00"):
                closes = 24 * 60
            else:
                t = time.fromisoformat(end)
                closes = t.hour * 60 + t.minute
        except ValueError as exc:
            raise ValueError(f"opening hours must look like 10:00-18:00, not {text!r}") from exc
        if closes == opens.hour * 60 + opens.minute:
            raise ValueError(f"opening hours {text!r} close when they open")
        if closes < opens.hour * 60 + opens.minute:
            closes += 24 * 60  # past midnight: the event needs a checkout_all_at after it
        return cls(opens, closes)

    @property
    def past_midnight(self) -> bool:
        return self.closes_minutes > 24 * 60

    def __str__(self) -> str:
        closes = self.closes_minutes - 24 * 60 if self.past_midnight else self.closes_minutes
        return f"{self.opens:%H:%M}-{closes // 60:02d}:{closes % 60:02d}"

    def contains(self, local: datetime, early_minutes: int = 0, next_morning: bool = False) -> bool:
        """``next_morning``: ``local`` is in the small hours after this day's midnight."""
        return self.start_minutes(early_minutes) <= self.minute_of(local, next_morning) \
            < self.closes_minutes

    def start_minutes(self, early_minutes: int = 0) -> int:
        return self.opens.hour * 60 + self.opens.minute - early_minutes

    @staticmethod
    def minute_of(local: datetime, next_morning: bool = False) -> float:
        return local.hour * 60 + local.minute + local.second / 60 + (24 * 60 if next_morning else 0)


@dataclass(frozen=True)
class CategoryRule:
    name: str
    reentry: bool = True
    early_entry_minutes: int = 0
    anti_passback_seconds: int | None = None  # None: the event's window
    days: tuple[date, ...] | None = None  # None: every day of the event
    venues: tuple[str, ...] | None = None  # None: every venue
    colour: str = "#0072B2"


@dataclass(frozen=True)
class EventRules:
    event_id: str
    name: str
    timezone: str
    days: tuple[date, ...]
    venues: tuple[str, ...]
    default_hours: Hours
    categories: dict[str, CategoryRule]
    day_hours: dict[date, Hours] = field(default_factory=dict)
    anti_passback_seconds: int = 120
    # Plain registration numbers (no signature): "never", "unbadged" (only for attendees who
    # were never issued a signed badge) or "always".
    plain_ids: str = "unbadged"
    help_point: str = "the registration desk"
    # checkout_all_at: every attendee inside is checked out at this local time and the next
    # event day begins (None: at midnight), for events that run past midnight.
    checkout_all_at: time | None = None

    def day_of(self, moment: datetime) -> date:
        """The event day of a moment (kiosk.core.timeutil.event_day): what a scan's ``day`` is."""
        return event_day(moment, self.timezone, self.checkout_all_at)

    @property
    def accept_plain_ids(self) -> bool:
        return self.plain_ids != "never"

    def hours_on(self, day: date) -> Hours:
        return self.day_hours.get(day, self.default_hours)

    def category(self, name: str) -> CategoryRule:
        rule = self.categories.get(name)
        return rule if rule is not None else CategoryRule(name)

    def window_for(self, category: str) -> timedelta:
        rule = self.category(category)
        seconds = rule.anti_passback_seconds
        return timedelta(seconds=self.anti_passback_seconds if seconds is None else seconds)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(zone(self.timezone))

    def day_index(self, day: date) -> int | None:
        try:
            return self.days.index(day)
        except ValueError:
            return None


@dataclass(frozen=True)
class Attendee:
    id: str
    name: str
    category: str
    company: str = ""
    email: str = ""
    phone: str = ""
    days: tuple[date, ...] | None = None  # None: every day
    venues: tuple[str, ...] | None = None  # None: every venue
    name_ur: str = ""
    name_zh: str = ""
    code: str = ""  # the barcode of a ticket from another registration system, if any
    attention: str = ""  # what staff must see or check at check-in ("" when nothing)

    def public(self) -> dict:
        """What a check-in result may show: never contact details."""
        return {"id": self.id, "name": self.name, "category": self.category}


def normalise_id(text: str) -> str:
    """Registration numbers are compared without surrounding space and case."""
    return text.strip().upper()
