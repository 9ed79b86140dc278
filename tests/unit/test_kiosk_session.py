"""The kiosk's attendee-facing state machine, without Qt: pages, language, timers on a clock
moved by hand, and a fresh start for every person."""

from __future__ import annotations

import pytest

from kiosk.services.session import (FreshStart, KioskSession, LanguageChanged, PageChanged,
                                    StaffLeft, StillThere, StillThereCancelled, Timings)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def kiosk():
    clock = Clock()
    session = KioskSession(languages=["en", "ur", "zh"], default_language="en", clock=clock,
                           timings=Timings(idle_seconds=45, countdown_seconds=10,
                                           result_seconds=3, refusal_seconds=10,
                                           staff_idle_seconds=120))
    seen = []
    session.subscribe(seen.append)
    return session, clock, seen


def run_until(session, clock, seconds):
    """Move time on in the steps the window's timer would take."""
    end = clock.now + seconds
    while True:
        deadline = session.next_deadline()
        if deadline is None or deadline > end:
            clock.now = end
            return
        clock.now = deadline
        session.tick()


def test_a_welcome_goes_after_3_s_to_scanning_in_the_default_language(kiosk):
    session, clock, seen = kiosk
    session.set_language("ur")
    session.start_scan()
    session.result("green")
    run_until(session, clock, 2.9)
    assert session.page == "result"
    run_until(session, clock, 0.2)
    assert session.page == "scan" and session.language == "en"
    assert FreshStart("result") in seen and LanguageChanged("en") in seen


@pytest.mark.parametrize("tone", ["amber", "red"])
def test_a_refusal_stays_10_s_unless_tapped(kiosk, tone):
    session, clock, seen = kiosk
    session.start_scan()
    session.result(tone)
    run_until(session, clock, 9.9)
    assert session.page == "result"
    run_until(session, clock, 0.2)
    assert session.page == "scan"
    session.result(tone)
    clock.advance(1)
    session.result_done()  # tapped
    assert session.page == "scan"


def test_following_a_result_to_the_map_keeps_the_person_and_the_language(kiosk):
    session, clock, seen = kiosk
    session.set_language("zh")
    session.result("green")
    session.follow_result()
    run_until(session, clock, 30)
    assert session.page == "wayfinding" and session.language == "zh"
    assert not any(isinstance(e, FreshStart) for e in seen)


def test_back_from_the_map_clears_the_search_but_keeps_the_language(kiosk):
    session, _, seen = kiosk
    session.set_language("ur")
    session.find_way()
    session.back()
    assert session.page == "attract" and session.language == "ur"
    assert FreshStart("back", language=False) in seen


def test_idle_counts_down_then_starts_afresh(kiosk):
    session, clock, seen = kiosk
    session.set_language("zh")
    session.find_way()
    run_until(session, clock, 44.9)
    assert session.countdown is None
    run_until(session, clock, 0.2)
    assert session.countdown == 10 and StillThere(10) in seen
    run_until(session, clock, 5)
    assert session.countdown == 5
    run_until(session, clock, 5.1)
    assert session.page == "attract" and session.language == "en"
    assert FreshStart("idle") in seen and StillThereCancelled() in seen


def test_a_touch_during_the_countdown_keeps_the_session(kiosk):
    session, clock, seen = kiosk
    session.find_way()
    run_until(session, clock, 50)
    assert session.countdown is not None
    session.activity()
    assert session.countdown is None and seen[-1] == StillThereCancelled()
    run_until(session, clock, 44)
    assert session.page == "wayfinding"


def test_the_attract_screen_at_rest_never_counts_down(kiosk):
    session, clock, seen = kiosk
    run_until(session, clock, 600)
    assert session.countdown is None and seen == []


def test_staff_mode_ends_by_itself_without_a_countdown_and_forgets_the_person(kiosk):
    session, clock, seen = kiosk
    session.set_language("ur")
    session.open_pin()
    session.staff_unlocked()
    run_until(session, clock, 119)
    assert session.page == "staff"
    run_until(session, clock, 2)
    assert session.page == "attract" and session.language == "en"
    assert StaffLeft("idle") in seen and FreshStart("idle") in seen
    assert not any(isinstance(e, StillThere) for e in seen)


def test_leaving_staff_mode_starts_afresh(kiosk):
    session, _, seen = kiosk
    session.set_language("zh")
    session.open_pin()
    session.leave_staff("back")
    assert session.page == "attract" and session.language == "en"
    assert seen[-3:] == [FreshStart("staff"), LanguageChanged("en"), PageChanged("attract")]


def test_unknown_languages_and_pages_are_refused(kiosk):
    session, _, _ = kiosk
    assert session.set_language("fr") is False and session.language == "en"
    with pytest.raises(ValueError):
        session.go("nowhere")
    with pytest.raises(ValueError):
        KioskSession(languages=["en"], default_language="ur")
