"""SteadyReader: one scan per badge shown, and the hold-off after it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.scanning.decoder import Decoded
from kiosk.scanning.steady import SteadyReader

FRAME = 1 / 30


def test_a_badge_held_in_view_is_one_scan():
    steady = SteadyReader(hold_off_s=3.0)
    scans = [steady.feed([Decoded("ITC1:AAA")], now=i * FRAME) for i in range(300)]  # ten seconds
    assert scans[0] == ["ITC1:AAA"]
    assert all(s == [] for s in scans[1:])


def test_missed_frames_in_between_do_not_make_a_second_scan():
    steady = SteadyReader(hold_off_s=3.0)
    seen = [steady.feed(["REG-1"] if i % 3 else [], now=i * FRAME) for i in range(90)]
    assert sum(len(s) for s in seen) == 1


def test_shown_again_after_the_hold_off_it_counts_again_and_not_before():
    steady = SteadyReader(hold_off_s=3.0)
    assert steady.feed(["REG-1"], now=0.0) == ["REG-1"]
    assert steady.feed([], now=1.0) == []
    assert steady.feed(["REG-1"], now=2.5) == []      # taken away and shown straight back
    assert steady.feed(["REG-1"], now=5.4) == []      # still within 3 s of being seen at 2.5
    assert steady.feed(["REG-1"], now=8.5) == ["REG-1"]  # gone for 3.1 s: a new scan


def test_two_badges_in_one_frame_are_two_scans_and_bytes_codes_work():
    steady = SteadyReader()
    assert steady.feed([Decoded("REG-1"), Decoded(b"\xff\x00"), Decoded("REG-1")], now=0) == ["REG-1", b"\xff\x00"]
    assert steady.feed([Decoded("REG-2"), Decoded(b"\xff\x00")], now=0.1) == ["REG-2"]


def test_reset_forgets_and_the_clock_is_used_without_now():
    now = [100.0]
    steady = SteadyReader(hold_off_s=1.0, clock=lambda: now[0])
    assert steady.feed(["A"]) == ["A"]
    assert steady.seen_recently("A")
    steady.reset()
    assert steady.feed(["A"]) == ["A"]
    with pytest.raises(ValueError):
        SteadyReader(hold_off_s=-1)


@given(st.lists(st.tuples(st.floats(0.001, 5.0), st.sampled_from(["A", "B", None])), max_size=200))
def test_never_two_scans_of_a_code_within_the_hold_off(events):
    steady = SteadyReader(hold_off_s=3.0)
    t, last_scan = 0.0, {}
    for gap, code in events:
        t += gap
        for scanned in steady.feed([code] if code else [], now=t):
            assert scanned not in last_scan or t - last_scan[scanned] >= 3.0
            last_scan[scanned] = t
