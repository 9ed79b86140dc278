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
    """Opening hours of one day in local time; close may be 24:00 (end of day)."""

    opens: time
    closes_minutes: int  # minutes after local midnight, up to 24*60

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
        if closes <= opens.hour * 60 + opens.minute:
            raise ValueError(f"opening hours {text!r} close before they open")
        return cls(opens, closes)

    def __str__(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes_minutes // 60:02d}:{self.closes_minutes % 60:02d}"

    def contains(self, local: datetime, early_minutes: int = 0) -> bool:
        minute = local.hour * 60 + local.minute + local.second / 60
        start = self.opens.hour * 60 + self.opens.minute - early_minutes
        return start <= minute < self.closes_minutes


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
