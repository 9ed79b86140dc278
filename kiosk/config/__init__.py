"""event.toml and kiosk.toml: validated with pydantic, turned into core objects.

A bad file is refused with one line naming the file, the field and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kiosk.core.desk import KioskIdentity
from kiosk.core.errors import KioskError
from kiosk.core.event import (CATEGORIES, DEFAULT_COLOURS, DEFAULT_TIMEZONE, VENUES, CategoryRule,
                              EventRules, Hours)
from kiosk.core.timeutil import parse_checkout_time, zone

LANGUAGES = ("en", "ur", "zh")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CategoryModel(_Strict):
    reentry: bool = True
    early_entry_minutes: int = Field(0, ge=0, le=24 * 60)
    anti_passback_seconds: int | None = Field(None, ge=0, le=24 * 3600)
    days: list[date] | None = None
    venues: list[str] | None = None
    colour: str | None = None

    @field_validator("colour")
    @classmethod
    def _colour(cls, value):
        if value is not None and not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise ValueError("colour must look like #1A2B3C")
        return value


class HoursModel(_Strict):
    default: str = "10:00-18:00"
    days: dict[date, str] = Field(default_factory=dict)

    @field_validator("default")
    @classmethod
    def _default(cls, value):
        Hours.parse(value)
        return value

    @field_validator("days")
    @classmethod
    def _days(cls, value):
        for text in value.values():
            Hours.parse(text)
        return value


class EventModel(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    name: str = Field(min_length=1, max_length=120)
    timezone: str = DEFAULT_TIMEZONE
    days: list[date] = Field(min_length=1, max_length=31)
    venues: list[str] = Field(min_length=1)
    hours: HoursModel = HoursModel()
    anti_passback_seconds: int = Field(120, ge=0, le=24 * 3600)
    # Who may come in with a plain registration number (a QR of it is easy to make): "never",
    # "unbadged" (attendees never issued a signed badge, e.g. from another ticketing system) or
    # "always". The older ``accept_plain_ids = false`` still means "never".
    plain_ids: Literal["never", "unbadged", "always"] = "unbadged"
    accept_plain_ids: bool | None = None
    help_point: str = "the registration desk"
    # Events that run past midnight: everybody still inside is checked out at this local time
    # ("03:00"), as pretix's exit_all_at; scans before it count toward the evening before.
    checkout_all_at: str | None = None
    # "No badge?" at entry kiosks: check in with the registration's e-mail or phone number.
    no_badge_checkin: bool = True
    # Walk-in registration at entry kiosks (visitors, with a kiosk-issued registration number).
    walk_ins: bool = False
    # The same place in Urdu and Chinese, for the kiosk's screens ("گیٹ 1 پر رجسٹریشن ڈیسک").
    help_point_ur: str = ""
    help_point_zh: str = ""
    signing_key: str = ""
    categories: dict[str, CategoryModel] = Field(default_factory=dict)
    # Halls' capacities (people) for occupancy warnings on the staff dashboard.
    capacity: dict[str, int] = Field(default_factory=dict)
    # Which gates lead into which hall ({"Hall 1" = ["Gate 1", "Gate 1B"]}); a gate named like a
    # hall leads into it without being listed (kiosk.core.dashboard.HallMap).
    hall_gates: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value):
        zone(value)
        return value

    @field_validator("checkout_all_at")
    @classmethod
    def _checkout(cls, value):
        if value is not None:
            parse_checkout_time(value)
        return value

    @field_validator("venues")
    @classmethod
    def _venues(cls, value):
        for venue in value:
            if venue not in VENUES:
                raise ValueError(f"unknown venue {venue!r} (known: {', '.join(VENUES)})")
        return value

    @field_validator("categories")
    @classmethod
    def _categories(cls, value):
        for name in value:
            if name not in CATEGORIES:
                raise ValueError(f"unknown category {name!r} (known: {', '.join(CATEGORIES)})")
        return value

    @field_validator("capacity")
    @classmethod
    def _capacity(cls, value):
        for hall, people in value.items():
            if people <= 0:
                raise ValueError(f"capacity of {hall!r} must be a positive number of people")
        return value

    @field_validator("hall_gates")
    @classmethod
    def _hall_gates(cls, value):
        seen: dict[str, str] = {}
        for hall, gates in value.items():
            for gate in gates:
                key = " ".join(gate.split()).casefold()
                if key in seen and seen[key] != hall:
                    raise ValueError(f"gate {gate!r} leads into both {seen[key]!r} and {hall!r}")
                seen[key] = hall
        return value

    @model_validator(mode="after")
    def _consistent(self):
        if sorted(set(self.days)) != sorted(self.days):
            raise ValueError("days must not repeat")
        checkout = parse_checkout_time(self.checkout_all_at) if self.checkout_all_at else None
        for text in [self.hours.default, *self.hours.days.values()]:
            hours = Hours.parse(text)
            if not hours.past_midnight:
                continue
            closes = hours.closes_minutes - 24 * 60
            if checkout is None or checkout.hour * 60 + checkout.minute < closes:
                raise ValueError(
                    f"opening hours {text} run past midnight: set checkout_all_at at or after "
                    f"{closes // 60:02d}:{closes % 60:02d} (and before 12:00), so that the "
                    "night counts toward the evening it began")
        for name, rule in self.categories.items():
            for d in rule.days or []:
                if d not in self.days:
                    raise ValueError(f"category {name}: {d} is not a day of the event")
            for v in rule.venues or []:
                if v not in self.venues:
                    raise ValueError(f"category {name}: {v} is not a venue of the event")
        return self

    def rules(self) -> EventRules:
        categories = {}
        for name in CATEGORIES:
            model = self.categories.get(name, CategoryModel())
            categories[name] = CategoryRule(
                name=name,
                reentry=model.reentry,
                early_entry_minutes=model.early_entry_minutes,
                anti_passback_seconds=model.anti_passback_seconds,
                days=tuple(model.days) if model.days is not None else None,
                venues=tuple(model.venues) if model.venues is not None else None,
                colour=model.colour or DEFAULT_COLOURS[name],
            )
        return EventRules(
            event_id=self.id,
            name=self.name,
            timezone=self.timezone,
            days=tuple(sorted(self.days)),
            venues=tuple(self.venues),
            default_hours=Hours.parse(self.hours.default),
            day_hours={d: Hours.parse(t) for d, t in self.hours.days.items()},
            categories=categories,
            anti_passback_seconds=self.anti_passback_seconds,
            plain_ids="never" if self.accept_plain_ids is False else self.plain_ids,
            help_point=self.help_point,
            checkout_all_at=(parse_checkout_time(self.checkout_all_at)
                             if self.checkout_all_at is not None else None),
        )


class PrinterModel(_Strict):
    """kiosk.toml [printer]: the badge printer, a CUPS queue (kiosk/printing)."""

    queue: str = Field(min_length=1, max_length=127, pattern=r"^[^\s/#\\]+$")
    media: Literal["A6", "4x6in", "4x3in", "CR80", "62mm"] = "A6"
    # accepted: print after every first entry of the day; ask: the attendee taps "Print my
    # badge"; never: only staff print.
    print_on: Literal["accepted", "ask", "never"] = "accepted"
    copies: int = Field(1, ge=1, le=5)
    # The printer's resolution; 0: ask the queue's driver, else 300.
    dpi: int = Field(0, ge=0, le=1200)

    @field_validator("dpi")
    @classmethod
    def _dpi(cls, value):
        if value and value < 100:
            raise ValueError("dpi must be 0 (ask the driver) or 100-1200")
        return value


class DisplayModel(_Strict):
    """kiosk.toml [display]: how the screen is mounted, for the low-reach layout (ADA 308:
    controls 380-1220 mm above the floor). Without it: a 55-inch floor kiosk (kiosk/core/reach.py)."""

    bottom_mm: float = Field(740.0, ge=0, le=2500)  # the picture's bottom edge above the floor
    height_mm: float = Field(1210.0, ge=100, le=3000)  # the picture's visible height

    @model_validator(mode="after")
    def _reachable(self):
        from kiosk.core.reach import MIN_REACHABLE_MM, REACH_HIGH_MM, REACH_LOW_MM, Mounting

        inside = Mounting(self.bottom_mm, self.height_mm).reachable_mm()
        if inside < MIN_REACHABLE_MM:
            raise ValueError(
                f"only {inside:.0f} mm of a screen from {self.bottom_mm:g} to "
                f"{self.bottom_mm + self.height_mm:g} mm above the floor lies within reach "
                f"({REACH_LOW_MM:g}-{REACH_HIGH_MM:g} mm); the low-reach layout needs "
                f"{MIN_REACHABLE_MM:g} mm")
        return self

    def mounting(self):
        from kiosk.core.reach import Mounting

        return Mounting(self.bottom_mm, self.height_mm)


class KioskModel(_Strict):
    kiosk_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
    event_id: str
    venue: str
    gate: str = ""
    # print: a badge desk that prints badges without admitting anyone (needs [printer])
    role: Literal["entry", "exit", "print"] = "entry"
    anchor: str = ""  # the map feature of this kiosk ("you are here")
    camera: str = "0"
    decoder: Literal["zxing", "pyzbar"] = "zxing"
    languages: list[Literal["en", "ur", "zh"]] = Field(default_factory=lambda: list(LANGUAGES))
    default_language: Literal["en", "ur", "zh"] = "en"
    staff_pin_hash: str = ""
    hub_url: str = ""
    idle_seconds: int = Field(45, ge=5, le=3600)
    result_seconds: float = Field(3.0, ge=0.5, le=30)
    printer: PrinterModel | None = None
    display: DisplayModel | None = None

    @field_validator("venue")
    @classmethod
    def _venue(cls, value):
        if value not in VENUES:
            raise ValueError(f"unknown venue {value!r} (known: {', '.join(VENUES)})")
        return value

    def identity(self) -> KioskIdentity:
        return KioskIdentity(kiosk_id=self.kiosk_id, venue=self.venue, gate=self.gate, role=self.role)


def _explain(exc: ValidationError, source: str) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return f"{source}: {where}: {first['msg']}{more}"


def event_from_dict(data: dict, source: str = "event") -> EventModel:
    try:
        return EventModel.model_validate(data)
    except ValidationError as exc:
        raise KioskError(_explain(exc, source)) from exc


def kiosk_from_dict(data: dict, source: str = "kiosk") -> KioskModel:
    try:
        return KioskModel.model_validate(data)
    except ValidationError as exc:
        raise KioskError(_explain(exc, source)) from exc


def parse_event(text: str, source: str = "event.toml") -> EventModel:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KioskError(f"{source} is not valid TOML: {exc}") from exc
    return event_from_dict(data, source)


def load_event(path: Path) -> EventModel:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KioskError(f"no event.toml in {path.parent}; create the event with `kiosk event create`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KioskError(f"cannot read {path}: {exc}") from exc
    return parse_event(text, str(path))


def load_kiosk(path: Path) -> KioskModel:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KioskError(f"no kiosk.toml in {path.parent}; provision it with `kiosk init`") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise KioskError(f"cannot read {path}: {exc}") from exc
    return kiosk_from_dict(data, str(path))


def dump(model: BaseModel) -> str:
    data = model.model_dump(mode="json", exclude_none=True)
    return tomli_w.dumps(data)


def write_atomic(path: Path, text: str, mode: int = 0o644) -> None:
    """Write a file so a crash leaves either the old or the new version, never half of one."""
    import os

    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
