"""Dates, times and numbers as each language writes them (Babel's CLDR data), for the screens,
the badges, the command line and the reports alike."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_interval, format_time
from babel.numbers import format_decimal

from kiosk.core.words import LOCALES


def locale_of(language: str) -> str:
    return LOCALES.get(language, LOCALES["en"])


def date_range(days: list[date], language: str) -> str:
    """The event's dates: "1–3 December 2026", "1–3 دسمبر 2026", "2026年12月1日至3日"."""
    first, last = min(days), max(days)
    locale = locale_of(language)
    if first == last:
        return format_date(first, "long", locale=locale)
    if language == "zh" and first.year == last.year:
        # CLDR's Chinese interval for month and day joins with 至 ("12月1日至3日"); the year goes
        # in front once, as Chinese writes it.
        return f"{first.year}年" + format_interval(first, last, "MMMd", locale=locale)
    return format_interval(first, last, "yMMMMd", locale=locale)


def long_date(day: date, language: str) -> str:
    return format_date(day, "long", locale=locale_of(language))


def clock_time(moment: datetime, language: str) -> str:
    return format_time(moment, "short", locale=locale_of(language))


def number(n: int | float, language: str) -> str:
    return format_decimal(n, locale=locale_of(language))
