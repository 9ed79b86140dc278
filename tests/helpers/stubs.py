"""Fakes for hardware, at its interface: a clock, and cameras that fail and recover on cue.

Only the camera hardware is faked here; everything above it (ResilientCamera, the decoder chain,
the scan loop) is the real code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kiosk.scanning.sources import CameraError


class FakeClock:
    """A monotonic clock the test moves; ``sleep`` moves it too (and records the request)."""

    def __init__(self, start: float = 1000.0):
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)


@dataclass
class USBPort:
    """Where a fake webcam is plugged in: tests pull it out and put it back."""

    plugged: bool = True
    busy: bool = False          # another program holds the camera: opening fails
    opens: int = 0              # successful opens
    failed_opens: int = 0


@dataclass
class FakeWebcam:
    """A webcam on a ``USBPort``: frames while plugged in, empty reads once pulled out (as OpenCV
    gives them), and ``raise_on_read`` for a driver that throws instead."""

    port: USBPort
    frames: list[np.ndarray] = field(default_factory=list)
    clock: FakeClock | None = None
    frame_interval: float = 1 / 30
    raise_on_read: bool = False
    name: str = "fake webcam"
    is_live: bool = True
    _open: bool = False
    _index: int = 0
    closed: int = 0

    def open(self) -> None:
        if not self.port.plugged or self.port.busy:
            self.port.failed_opens += 1
            raise CameraError(f"{self.name} could not be opened (is it plugged in?)")
        self.port.opens += 1
        self._open = True

    def read(self) -> np.ndarray | None:
        if not self._open:
            raise CameraError(f"{self.name} is not open")
        if self.clock is not None:
            self.clock.advance(self.frame_interval)  # a read waits for the next frame
        if not self.port.plugged:
            if self.raise_on_read:
                raise CameraError("VIDIOC_DQBUF: No such device")
            return None
        frame = self.frames[self._index % len(self.frames)] if self.frames else blank_frame()
        self._index += 1
        return frame

    def close(self) -> None:
        self._open = False
        self.closed += 1


def blank_frame(value: int = 128, width: int = 1280, height: int = 720) -> np.ndarray:
    return np.full((height, width, 3), value, np.uint8)


class ListCamera:
    """A non-live source over a fixed list of frames (``finished`` after the last)."""

    is_live = False

    def __init__(self, frames, name: str = "frame list"):
        self.frames = list(frames)
        self.name = name
        self.finished = False
        self._i = 0

    def open(self) -> None:
        self._i = 0
        self.finished = False

    def read(self):
        if self._i >= len(self.frames):
            self.finished = True
            return None
        frame = self.frames[self._i]
        self._i += 1
        return frame

    def close(self) -> None:
        pass
