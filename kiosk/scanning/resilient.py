"""A camera that survives being unplugged: failures become a status, and it reopens by itself.

``ResilientCamera(factory)`` opens ``factory()`` on first use. ``read()`` never raises: it returns
a frame or None, and ``status`` says which of these holds:

    "ok"            frames are coming
    "reconnecting"  the source was (re)opened and its first frame is awaited
    "lost"          it failed (``error`` says how); the next attempt comes after a back-off
    "ended"         a video file or image folder that does not loop has played to its end

A live camera counts as lost when opening it fails, a read raises, or no frame has come for
``stall_s`` seconds or ``max_failed_reads`` reads in a row (OpenCV just returns empty reads when a
USB camera is pulled out). Each
failed attempt doubles the wait before the next one, up to ``backoff[1]`` seconds; a good frame
resets it. Nothing else is restarted: the decoder, the screen and the scan log carry on.
"""

from __future__ import annotations

import time
from typing import Callable

import numpy as np

from kiosk.scanning.sources import CameraSource

OK, RECONNECTING, LOST, ENDED = "ok", "reconnecting", "lost", "ended"


class ResilientCamera:
    def __init__(self, factory: Callable[[], CameraSource], clock: Callable[[], float] = time.monotonic,
                 backoff: tuple[float, float] = (0.5, 10.0), stall_s: float = 2.0,
                 max_failed_reads: int = 30, on_status: Callable[[str, str | None], None] | None = None):
        first, limit = backoff
        if first <= 0 or limit < first:
            raise ValueError("backoff must be (first delay > 0, maximum delay >= first)")
        self.factory = factory
        self.clock = clock
        self.backoff = (float(first), float(limit))
        self.stall_s = stall_s
        self.max_failed_reads = max_failed_reads
        self.failed_reads = 0              # empty reads in a row from a live source
        self.on_status = on_status
        self.status = RECONNECTING
        self.error: str | None = None      # what went wrong last, for the staff screen
        self.name = "camera"
        self.is_live = True
        self.source: CameraSource | None = None
        self.attempts = 0                  # failed attempts in a row
        self.reconnects = 0                # times a lost camera came back
        self.next_attempt = 0.0            # clock time of the next attempt while lost
        self._last_frame_at: float | None = None
        self._opened_at: float | None = None
        self._was_lost = False

    # What the loop above may wait before asking again (so it need not spin while lost).
    def wait_s(self) -> float:
        if self.status == LOST:
            return max(0.0, self.next_attempt - self.clock())
        return 0.0

    def _set(self, status: str, error: str | None = None) -> None:
        changed = status != self.status or (error is not None and error != self.error)
        self.status = status
        if error is not None:
            self.error = error
        if changed and self.on_status is not None:
            try:
                self.on_status(status, self.error if status == LOST else None)
            except Exception:  # a listener's bug must not take the camera down
                pass

    def _fail(self, message: str) -> None:
        self._drop_source()
        delay = min(self.backoff[0] * 2 ** self.attempts, self.backoff[1])
        self.attempts += 1
        self.next_attempt = self.clock() + delay
        self._was_lost = True
        self._set(LOST, message)

    def _drop_source(self) -> None:
        if self.source is not None:
            try:
                self.source.close()
            except Exception:
                pass
            self.source = None

    def _open(self) -> bool:
        try:
            source = self.factory()
            self.name = getattr(source, "name", self.name)
            self.is_live = bool(getattr(source, "is_live", True))
            source.open()
        except Exception as exc:
            self._fail(f"{self.name}: {_describe(exc)}")
            return False
        self.source = source
        self._opened_at = self.clock()
        self._last_frame_at = None
        self.failed_reads = 0
        self._set(RECONNECTING)
        return True

    def read(self) -> np.ndarray | None:
        if self.status == ENDED:
            return None
        if self.source is None:
            if self.status == LOST and self.clock() < self.next_attempt:
                return None
            if not self._open():
                return None
        try:
            frame = self.source.read()
        except Exception as exc:
            self._fail(f"{self.name}: {_describe(exc)}")
            return None
        now = self.clock()
        if frame is None:
            if getattr(self.source, "finished", False):
                self._drop_source()
                self._set(ENDED)
                return None
            if self.is_live:
                self.failed_reads += 1
                since = self._last_frame_at if self._last_frame_at is not None else self._opened_at
                if now - since >= self.stall_s or self.failed_reads >= self.max_failed_reads:
                    self._fail(f"{self.name}: no picture for {now - since:.1f} s "
                               f"({self.failed_reads} failed reads; unplugged?)")
            return None
        self._last_frame_at = now
        self.failed_reads = 0
        if self.status != OK:
            if self._was_lost:
                self.reconnects += 1
                self._was_lost = False
            self.attempts = 0
            self._set(OK)
        return frame

    def close(self) -> None:
        self._drop_source()

    def __enter__(self) -> "ResilientCamera":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return text or type(exc).__name__
