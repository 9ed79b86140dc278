"""Time in one place: scans are stored in UTC, days and hours are judged in the event's zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.core.errors import KioskError

UTC = timezone.utc


def utcnow() -> datetime:
    return datetime.now(UTC)


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise KioskError(f"unknown time zone {name!r}") from exc


def to_utc_text(moment: datetime) -> str:
    """Fixed-width ISO 8601 in UTC, so that text order is time order in SQL."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_utc_text(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def parse_moment(text: str, tz_name: str) -> datetime:
    """Parse a user-given ISO 8601 time; without an offset it is read in the event's zone."""
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise KioskError(f"not an ISO 8601 time: {text!r} (try 2026-11-28T10:30)") from exc
    if not 1970 <= moment.year <= 9998:  # zone arithmetic overflows near the ends of time
        raise KioskError(f"{text!r} is out of range: give a time between 1970 and 9998")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(tz_name))
    return moment.astimezone(UTC)


def local_day(moment: datetime, tz_name: str) -> date:
    return moment.astimezone(zone(tz_name)).date()


def parse_checkout_time(text: str) -> time:
    """event.toml's ``checkout_all_at``: 'HH:MM' in the small hours (before noon), when every
    attendee still inside is checked out and the next event day's count begins."""
    import re

    if not isinstance(text, str) or not re.fullmatch(r"\d{2}:\d{2}", text.strip()):
        raise ValueError(f"checkout_all_at must look like \"03:00\", not {text!r}")
    try:
        moment = time.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"checkout_all_at {text!r} is not a time of day") from None
    if moment.hour >= 12:
        raise ValueError(f"checkout_all_at {text!r} must be before 12:00: the small hours after "
                         f"the night, e.g. \"03:00\"")
    return moment


def checkout_of(event_toml: str | None) -> time | None:
    """``checkout_all_at`` of an event.toml text (None: not set, or the text cannot be read;
    the event's own checks say what is wrong with it)."""
    if not event_toml:
        return None
    return _checkout_of(event_toml)


@lru_cache(maxsize=8)
def _checkout_of(event_toml: str) -> time | None:
    import tomllib

    try:
        value = tomllib.loads(event_toml).get("checkout_all_at")
        return parse_checkout_time(value) if value is not None else None
    except (tomllib.TOMLDecodeError, ValueError):
        return None


def event_day(moment: datetime, tz_name: str, checkout: time | None = None) -> date:
    """The event day a moment belongs to: its local date, or, with ``checkout_all_at``, the
    date whose checkout moment it is on or after (03:00: scans from 00:00 to 02:59 still count
    toward the evening before; at 03:00 everybody is out and the next day's count begins).

    The checkout moment is compared in UTC, so a night that repeats an hour (daylight saving
    ends) still changes day exactly once; a checkout time that a change skips falls on the
    same wall time read with the offset before the change."""
    tz = zone(tz_name)
    local = moment.astimezone(tz)
    day = local.date()
    if checkout is None or checkout == time(0):
        return day
    boundary = datetime.combine(day, checkout, tzinfo=tz).astimezone(UTC)
    return day if moment.astimezone(UTC) >= boundary else day - timedelta(days=1)


def local_hour_label(moment: datetime, tz_name: str) -> str:
    return moment.astimezone(zone(tz_name)).strftime("%H:00")


def parse_date_range(text: str) -> list[date]:
    """'2026-11-28:2026-11-30' (or one date) -> every day in between, inclusive."""
    parts = text.split(":")
    if len(parts) not in (1, 2):
        raise KioskError(f"dates must look like FROM:TO, e.g. 2026-11-28:2026-11-30, not {text!r}")
    try:
        first = date.fromisoformat(parts[0].strip())
        last = date.fromisoformat(parts[-1].strip())
    except ValueError as exc:
        raise KioskError(f"dates must be YYYY-MM-DD, e.g. 2026-11-28:2026-11-30, not {text!r}") from exc
    if last < first:
        raise KioskError(f"the last date {last} is before the first date {first}")
    if (last - first).days > 30:
        raise KioskError("an event may last at most 31 days")
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def utc_offsets(tz_name: str, first: date, last: date) -> list[tuple[str, int]]:
    """The zone's UTC offset (minutes) from each change on, over ``first``..``last`` (a week
    either side): [('0000-01-01T00:00:00', offset before), (change in UTC, new offset), ...].
    Every zone in use changes on a whole quarter hour, so the changes are found to the minute
    by stepping a quarter hour at a time."""
    tz = zone(tz_name)
    start = datetime.combine(first - timedelta(days=7), datetime.min.time(), UTC)
    end = datetime.combine(last + timedelta(days=8), datetime.min.time(), UTC)

    def minutes(moment: datetime) -> int:
        return int(moment.astimezone(tz).utcoffset().total_seconds() // 60)

    rows = [("0000-01-01T00:00:00", minutes(start))]
    step = timedelta(minutes=15)
    moment, current = start, rows[0][1]
    while moment < end:
        moment += step
        now = minutes(moment)
        if now != current:
            rows.append((moment.strftime("%Y-%m-%dT%H:%M:%S"), now))
            current = now
    return rows
