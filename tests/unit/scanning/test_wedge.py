"""WedgeScanner: a USB scanner's burst of keys versus a person typing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.scanning.wedge import WedgeScanner
from tests.helpers.synthetic_frames import badge_tokens

TOKEN = badge_tokens(1)[0]


def type_keys(scanner: WedgeScanner, text: str, start: float, gaps) -> tuple[list[str], float]:
    """Feed ``text`` then Enter; ``gaps`` gives the pause before each key. Returns (codes, end)."""
    codes, t = [], start
    for char, gap in zip(text + "\r", gaps):
        t += gap
        result = scanner.feed(char, t)
        if result is not None:
            codes.append(result)
    return codes, t


def test_a_scanner_burst_ending_in_enter_is_a_scan():
    scanner = WedgeScanner()
    codes, _ = type_keys(scanner, TOKEN, 10.0, [0.008] * (len(TOKEN) + 1))
    assert codes == [TOKEN]


def test_a_person_typing_the_same_code_is_not_a_scan():
    scanner = WedgeScanner()
    codes, _ = type_keys(scanner, "ITCN-00042", 0.0, [0.15] * 11)
    assert codes == []


def test_the_feed_key_form_for_named_keys_and_shift():
    scanner = WedgeScanner()
    t = 0.0
    for char in "REG-1234":
        t += 0.01
        if char.isupper():
            assert scanner.feed_key("Shift", t) is None  # scanners press Shift for capitals
        assert scanner.feed_key(char, t, text=char) is None
    assert scanner.burst == "REG-1234"
    assert scanner.feed_key("Return", t + 0.01) == "REG-1234"
    assert scanner.burst == ""


def test_too_short_a_burst_is_not_a_scan():
    scanner = WedgeScanner(min_chars=5)
    codes, _ = type_keys(scanner, "1234", 0.0, [0.01] * 5)
    assert codes == []
    codes, _ = type_keys(scanner, "12345", 5.0, [0.01] * 6)
    assert codes == ["12345"]


def test_a_slow_enter_after_a_fast_burst_is_not_a_scan():
    scanner = WedgeScanner()
    codes, _ = type_keys(scanner, "REG-000042", 0.0, [0.01] * 10 + [0.4])
    assert codes == []


def test_a_person_typing_then_a_scanner_gives_only_the_scan():
    scanner = WedgeScanner()
    codes, t = type_keys(scanner, "hall", 0.0, [0.2] * 4 + [5.0])  # no Enter in time
    assert codes == []
    codes, _ = type_keys(scanner, "REG-000042", t + 0.3, [0.012] * 11)
    assert codes == ["REG-000042"]


def test_backspace_or_escape_resets_and_expire_forgets_a_stalled_burst():
    scanner = WedgeScanner()
    for i, char in enumerate("REG-00"):
        scanner.feed(char, i * 0.01)
    assert scanner.feed_key("Backspace", 0.07) is None
    assert scanner.burst == ""
    for i, char in enumerate("REG-00"):
        scanner.feed(char, 1 + i * 0.01)
    scanner.expire(1.5)
    assert scanner.burst == "REG-00"
    scanner.expire(3.1)  # two seconds of silence
    assert scanner.burst == ""


def test_settings_must_make_sense():
    with pytest.raises(ValueError):
        WedgeScanner(min_chars=0)
    with pytest.raises(ValueError):
        WedgeScanner(max_gap_s=0)
    with pytest.raises(ValueError):
        WedgeScanner(max_gap_s=1.0, reset_s=0.5)


code_text = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=5, max_size=150)


@settings(max_examples=200)
@given(code_text, st.lists(st.floats(0.0, 0.05), min_size=151, max_size=151), st.floats(0, 1e6))
def test_every_fast_enough_burst_is_read_exactly(code, gaps, start):
    scanner = WedgeScanner()
    codes, _ = type_keys(scanner, code, start, gaps[: len(code) + 1])
    assert codes == [code]


@settings(max_examples=200)
@given(st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=60),
       st.lists(st.floats(0.051, 1.5), min_size=61, max_size=61), st.floats(0, 1e6))
def test_a_person_is_never_taken_for_a_scanner(text, gaps, start):
    # People type at least 51 ms apart per key (even fast typists average 100-200 ms).
    scanner = WedgeScanner()
    codes, _ = type_keys(scanner, text, start, gaps[: len(text) + 1])
    assert codes == []


@settings(max_examples=100)
@given(st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=20),
       st.lists(st.floats(0.06, 1.0), min_size=21, max_size=21), code_text)
def test_a_scan_right_after_typing_still_reads_exactly_the_scan(typed, slow, code):
    scanner = WedgeScanner()
    t = 0.0
    for char, gap in zip(typed, slow):
        t += gap
        assert scanner.feed(char, t) is None
    codes, _ = type_keys(scanner, code, t + 0.2, [0.01] * (len(code) + 1))
    assert codes == [code]
