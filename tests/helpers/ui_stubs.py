"""Stand-ins for kiosk hardware at its interface: a speaker that remembers, a scripted camera."""

from __future__ import annotations

import threading


class RecordingSounds:
    """The speaker: remembers what it was asked to play."""

    def __init__(self):
        self.played: list[str] = []

    def play(self, kind: str) -> None:
        self.played.append(kind)


class ScriptedCamera:
    """A scan pipeline whose camera status and codes the test drives (a camera being unplugged
    and plugged back in cannot be done to a video file)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.status = "ok"
        self.pending: list = []
        self.closed = False

    def set_status(self, status: str) -> None:
        with self.lock:
            self.status = status

    def show(self, code) -> None:
        with self.lock:
            self.pending.append(code)

    def step(self):
        import time

        time.sleep(0.005)  # a camera delivers frames at its own pace; this one at ~200 fps
        with self.lock:
            codes, self.pending = self.pending, []
            return None, codes, self.status

    def close(self) -> None:
        self.closed = True
