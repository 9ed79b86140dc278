"""Steady reading: one scan per badge shown, however many frames it stays in view.

A badge held up to the camera is decoded in frame after frame, and now and then missed in one
(a hand moves, light flickers). ``SteadyReader.feed`` returns a code only when it was not seen
in the last ``hold_off_s`` seconds: a code in view stays one scan, a code taken away and shown
again straight after is still the same scan, and shown again after the hold-off it counts anew
(so the desk can answer "already checked in" rather than the camera staying silent).
"""

from __future__ import annotations

import time
from typing import Callable, Iterable


class SteadyReader:
    def __init__(self, hold_off_s: float = 3.0, clock: Callable[[], float] = time.monotonic):
        if hold_off_s < 0:
            raise ValueError("hold_off_s cannot be negative")
        self.hold_off_s = hold_off_s
        self.clock = clock
        self._last_seen: dict[str | bytes, float] = {}

    def feed(self, decoded: Iterable, now: float | None = None) -> list[str | bytes]:
        """The codes among this frame's ``decoded`` that count as new scans, in frame order.

        ``decoded`` holds ``Decoded`` results or plain codes (str or bytes).
        """
        now = self.clock() if now is None else now
        new: list[str | bytes] = []
        for item in decoded:
            code = getattr(item, "code", item)
            last = self._last_seen.get(code)
            if (last is None or now - last >= self.hold_off_s) and code not in new:
                new.append(code)
            self._last_seen[code] = now
        self._forget(now)
        return new

    def seen_recently(self, code: str | bytes, now: float | None = None) -> bool:
        now = self.clock() if now is None else now
        last = self._last_seen.get(code)
        return last is not None and now - last < self.hold_off_s

    def reset(self) -> None:
        """Forget every code (for example when staff clear the screen)."""
        self._last_seen.clear()

    def _forget(self, now: float) -> None:
        if len(self._last_seen) > 64:
            self._last_seen = {c: t for c, t in self._last_seen.items() if now - t < self.hold_off_s}
