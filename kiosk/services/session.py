"""The attendee at the screen: which page shows, in which language, and when it times out.

``KioskSession`` is the kiosk's state machine without Qt. The window tells it what the visitor
did (``start_scan()``, ``result(tone)``, ``back()``, ``activity()``, ...) and subscribes to the
plain-Python events it emits; the clock is handed in, so tests move time by hand:

    session = KioskSession(languages=["en", "ur"], clock=fake_clock)
    session.subscribe(print)
    session.start_scan()           # PageChanged(page='scan')
    fake_clock.advance(46); session.tick()   # StillThere(remaining=10)

A fresh start for every person: after a result is done, after staff mode, after the idle
countdown, the next person finds the default language and an empty search (``FreshStart``).
Back from the map clears the search and the route, but keeps the language (same person).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

# no_badge and walk_in: the badge-less check-in and walk-in registration forms (where enabled).
PAGES = ("attract", "scan", "result", "pin", "staff", "wayfinding", "no_badge", "walk_in")
STAFF_PAGES = ("pin", "staff")


@dataclass(frozen=True)
class PageChanged:
    page: str


@dataclass(frozen=True)
class LanguageChanged:
    language: str


@dataclass(frozen=True)
class StillThere:
    """The idle countdown is on (or ticked): ``remaining`` whole seconds left."""
    remaining: int


@dataclass(frozen=True)
class StillThereCancelled:
    pass


@dataclass(frozen=True)
class FreshStart:
    """Forget the last person: search text, route, step-free choice (``why``: result, idle,
    staff, back). ``language`` is False for Back: the same person keeps their language."""
    why: str
    language: bool = True


@dataclass(frozen=True)
class StaffLeft:
    why: str  # back, idle


Event = PageChanged | LanguageChanged | StillThere | StillThereCancelled | FreshStart | StaffLeft


@dataclass
class Timings:
    idle_seconds: float = 45.0
    countdown_seconds: int = 10
    result_seconds: float = 3.0      # a welcome (green)
    refusal_seconds: float = 10.0    # amber and red stay until tapped or this long
    staff_idle_seconds: float = 120.0
    tick_seconds: float = 1.0        # one step of the "Still there?" countdown


class KioskSession:
    def __init__(self, *, languages: list[str], default_language: str = "en",
                 timings: Timings | None = None, clock: Callable[[], float] = time.monotonic):
        if default_language not in languages:
            raise ValueError(f"default language {default_language!r} is not one of {languages}")
        self.languages = list(languages)
        self.default_language = default_language
        self.timings = timings or Timings()
        self.clock = clock
        self.page = "attract"
        self.language = default_language
        self.countdown: int | None = None  # seconds left on "Still there?", None when hidden
        self.result_tone: str | None = None
        self._listeners: list[Callable[[Event], None]] = []
        self._idle_at: float | None = None
        self._tick_at: float | None = None
        self._result_at: float | None = None
        self._arm_idle()

    # -- subscription ------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- what the visitor does ----------------------------------------------------------------
    def go(self, page: str) -> None:
        if page not in PAGES:
            raise ValueError(f"no page {page!r}")
        self.page = page
        if page != "result":
            self._result_at = None
            self.result_tone = None
        self.activity()  # deadlines first: listeners read next_deadline() on the event
        self._emit(PageChanged(page))

    def start_scan(self) -> None:
        self.go("scan")

    def find_way(self) -> None:
        self.go("wayfinding")

    def back(self) -> None:
        """Back to the start from the scan screen or the map: same person, new search."""
        if self.page == "wayfinding":
            self._emit(FreshStart("back", language=False))
        self.go("attract")

    def set_language(self, language: str) -> bool:
        if language not in self.languages:
            return False
        self.language = language
        self.activity()
        self._emit(LanguageChanged(language))
        return True

    def result(self, tone: str) -> None:
        """A check-in result is on screen (already stored): a welcome goes by itself after
        ``result_seconds``; a duplicate or a refusal stays until tapped or ``refusal_seconds``."""
        self.result_tone = tone
        self._result_at = self.clock() + self.result_seconds(tone)
        self.go("result")

    def result_seconds(self, tone: str) -> float:
        t = self.timings
        return t.result_seconds if tone == "green" else max(t.refusal_seconds, t.result_seconds)

    def extend_result(self, seconds: float) -> None:
        """Keep the result on screen at least ``seconds`` more (a printer that failed: time to
        read where to collect the badge)."""
        if self.page == "result" and self._result_at is not None:
            self._result_at = max(self._result_at, self.clock() + seconds)

    def result_done(self) -> None:
        """Tapped, or its time is up: ready for the next person, in the default language."""
        if self.page != "result":
            return
        self._fresh("result")
        self.go("scan")

    def follow_result(self) -> None:
        """The result's "Show me the way": the same person walks on to the map."""
        self.go("wayfinding")

    def open_pin(self) -> None:
        self._cancel_countdown()
        self.go("pin")

    def staff_unlocked(self) -> None:
        self.go("staff")

    def leave_staff(self, why: str = "back") -> None:
        was_staff = self.page in STAFF_PAGES
        self._cancel_countdown()
        if was_staff:
            self._emit(StaffLeft(why))
        self._fresh("staff" if why == "back" else why)
        self.go("attract")

    def activity(self) -> None:
        """A touch, a key, a scan: the visitor is still there."""
        self._cancel_countdown()
        self._arm_idle()

    # -- time ----------------------------------------------------------------------------------
    def next_deadline(self) -> float | None:
        times = [t for t in (self._idle_at, self._tick_at, self._result_at) if t is not None]
        return min(times) if times else None

    def tick(self) -> None:
        """Act on every deadline that has passed (the window calls this when one is due)."""
        now = self.clock()
        if self._result_at is not None and now >= self._result_at:
            self._result_at = None
            self.result_done()
            return
        if self._tick_at is not None and now >= self._tick_at:
            self.countdown -= 1
            if self.countdown <= 0:
                self._tick_at = None
                self.countdown = None
                self._emit(StillThereCancelled())
                self._fresh("idle")
                self.go("attract")
                return
            self._tick_at = now + self.timings.tick_seconds
            self._emit(StillThere(self.countdown))
            return
        if self._idle_at is not None and now >= self._idle_at:
            self._idle_at = None
            self._idle()

    def at_rest(self) -> bool:
        return self.page == "attract" and self.language == self.default_language

    def _idle(self) -> None:
        if self.page in STAFF_PAGES:
            self.leave_staff("idle")  # staff mode ends by itself, without a countdown
            return
        if self.at_rest():
            self._arm_idle()
            return
        self._result_at = None
        self.countdown = self.timings.countdown_seconds
        self._tick_at = self.clock() + self.timings.tick_seconds
        self._emit(StillThere(self.countdown))

    def _arm_idle(self) -> None:
        seconds = (self.timings.staff_idle_seconds if self.page in STAFF_PAGES
                   else self.timings.idle_seconds)
        self._idle_at = self.clock() + seconds

    def _cancel_countdown(self) -> None:
        if self.countdown is not None:
            self.countdown = None
            self._tick_at = None
            self._emit(StillThereCancelled())

    def _fresh(self, why: str) -> None:
        self._emit(FreshStart(why))
        if self.language != self.default_language:
            self.language = self.default_language
            self._emit(LanguageChanged(self.default_language))
