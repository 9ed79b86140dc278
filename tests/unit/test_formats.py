"""Dates as each language writes them (CLDR data through Babel), not one pattern for all."""

from __future__ import annotations

from datetime import date

from kiosk.services.formats import date_range

DAYS = [date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)]


def test_chinese_dates_read_as_chinese_writes_them():
    assert date_range(DAYS, "zh") == "2026年12月1日至3日"
    assert date_range([date(2026, 11, 30), date(2026, 12, 2)], "zh") == "2026年11月30日至12月2日"
    assert date_range(DAYS[:1], "zh") == "2026年12月1日"


def test_urdu_and_english_dates():
    assert date_range(DAYS, "ur") == "1–3 دسمبر 2026"
    assert "دسمبر" in date_range(DAYS[:1], "ur")
    assert date_range(DAYS, "en").replace(" ", "").replace("\u2009", "") == "1–3Dec2026"
    assert date_range(DAYS[:1], "en") == "1 December 2026"


def test_one_catalogue_serves_screens_badges_and_command_line():
    """The words come from the translators' files without Qt, the same entries Qt shows."""
    from kiosk.core.outcomes import Outcome
    from kiosk.config.words import catalogue, load_catalogue
    from kiosk.core.words import category_word, outcome_text

    assert category_word("exhibitor", catalogue("ur")) == "نمائش کنندہ"
    assert category_word("exhibitor", catalogue("zh")) == "参展商"
    assert category_word("exhibitor") == "Exhibitor"
    text = outcome_text(Outcome.WRONG_VENUE, "wrong_venue", help_point="Gate 1")
    assert text.startswith("This badge is for another venue.") and "Gate 1" in text
    urdu = outcome_text(Outcome.EXITED, "exit", help_point="", words=catalogue("ur"))
    assert urdu and not any("a" <= c <= "z" for c in urdu)  # translated, not English
    zh = load_catalogue("zh")
    assert len(zh.entries) > 150  # the whole file, every context


def test_the_command_line_says_what_the_screen_says():
    """Before, `kiosk checkin` said "Goodbye, see you again" where the screen said "see you
    soon": two tables of words. Now the line is the screen's title, reason and next step."""
    from kiosk.core.outcomes import Outcome, message_for
    from kiosk.core.words import NEXT_STEPS, REASONS, TITLES

    line = message_for(Outcome.EXITED, "exit", help_point="Gate 1")
    assert line == f"{TITLES[Outcome.EXITED]}. {REASONS['exit']}"
    refused = message_for(Outcome.REVOKED, "revoked", help_point="Gate 1")
    assert refused.endswith(NEXT_STEPS[Outcome.REVOKED].format(help="Gate 1"))
