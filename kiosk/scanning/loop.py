"""The capture-and-decode loop's body, without Qt: camera -> decoder chain -> steady reader.

The UI's QThread worker calls ``ScanLoop.step()`` until it is asked to stop:

    loop = ScanLoop(ResilientCamera(lambda: open_source("0")), DecoderChain(), SteadyReader())
    while not self.isInterruptionRequested():
        frame, new_codes, status = loop.step()
        for code in new_codes:
            self.code_scanned.emit(code)

Each step takes one frame, the newest there is, and decodes it; nothing is queued. A live
camera hands over its newest frame (``OpenCVCamera`` drops what queued in the driver), a file
or folder keeps its own frame rate (``realtime`` sources wait or skip). While the camera is lost,
``step()`` waits a little (never longer than ``idle_s``) instead of spinning, so that a stop
request is seen promptly.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, NamedTuple

import numpy as np

from kiosk.scanning.decoder import Decoded, DecoderChain
from kiosk.scanning.resilient import ResilientCamera
from kiosk.scanning.steady import SteadyReader

log = logging.getLogger(__name__)


class Step(NamedTuple):
    frame: np.ndarray | None        # the frame just decoded (for the preview), or None
    new_codes: list[str | bytes]    # codes that count as new scans
    status: str                     # the camera's status: ok, reconnecting, lost, ended


class ScanLoop:
    def __init__(self, camera, decoder: DecoderChain, steady: SteadyReader | None = None, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 idle_s: float = 0.05):
        if not isinstance(camera, ResilientCamera):
            source = camera
            camera = ResilientCamera(lambda: source, clock=clock)
        self.camera = camera
        self.decoder = decoder
        self.steady = steady or SteadyReader(clock=clock)
        self.clock, self.sleep, self.idle_s = clock, sleep, idle_s
        self.last_decoded: list[Decoded] = []   # everything the last frame held (for overlays)
        self.last_decode_ms = 0.0
        self.frames = 0
        self.decode_errors = 0

    @property
    def status(self) -> str:
        return self.camera.status

    def step(self) -> Step:
        frame = self.camera.read()
        if frame is None:
            self.last_decoded = []
            wait = min(self.idle_s, self.camera.wait_s() or self.idle_s)
            if self.camera.status != "ended" and wait > 0:
                self.sleep(wait)
            return Step(None, [], self.camera.status)
        self.frames += 1
        started = time.perf_counter()
        try:
            decoded = self.decoder.decode(frame)
        except Exception:  # one bad frame must never stop the kiosk's camera
            self.decode_errors += 1
            log.exception("decoding a frame failed")
            decoded = []
        self.last_decode_ms = (time.perf_counter() - started) * 1000
        self.last_decoded = decoded
        return Step(frame, self.steady.feed(decoded, self.clock()), self.camera.status)

    def close(self) -> None:
        self.camera.close()
