"""Threads: one capture-and-decode worker per camera, one owner thread for the database.

The GUI thread never waits on the camera, the disk or the network. The camera worker drops
frames rather than queueing them and stops with requestInterruption() + wait(); the database
worker owns the only connection to kiosk.db and answers by signal.
"""

from __future__ import annotations

import threading
import time
import traceback
import weakref
from typing import Callable, Protocol

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from kiosk.core.errors import KioskError


# Every worker thread this process starts, so tests can prove none is left running.
STARTED: "weakref.WeakSet[QThread]" = weakref.WeakSet()


class ScanPipeline(Protocol):
    """What the camera worker drives (kiosk.scanning provides the real one)."""

    def step(self) -> tuple[object | None, list, str]:
        """One frame: (frame or None, new codes, camera status "ok"/"lost"/"reconnecting")."""

    def close(self) -> None: ...


def frame_to_image(frame: np.ndarray, max_width: int = 960, mirror: bool = True) -> QImage:
    """A BGR frame as a QImage for the preview: scaled down, mirrored like a mirror would be."""
    import cv2

    h, w = frame.shape[:2]
    if w > max_width:
        frame = cv2.resize(frame, (max_width, int(h * max_width / w)), interpolation=cv2.INTER_AREA)
    if mirror:
        frame = cv2.flip(frame, 1)
    if frame.ndim == 2:
        frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()


class CameraWorker(QThread):
    code_scanned = Signal(object, float)  # code (str, or bytes when not UTF-8), capture time
    frame_ready = Signal(QImage)
    status_changed = Signal(str)  # "ok", "lost", "reconnecting", "none"
    fps_measured = Signal(float)

    def __init__(self, pipeline_factory: Callable[[], ScanPipeline], preview_fps: float = 15.0,
                 parent=None):
        super().__init__(parent)
        self.pipeline_factory = pipeline_factory
        self.preview_interval = 1.0 / preview_fps
        self.setObjectName("CameraWorker")
        self.started.connect(lambda: STARTED.add(self))

    def run(self):
        try:
            pipeline = self.pipeline_factory()
        except Exception as exc:  # no camera at all: say so, the wedge scanner still works
            self.status_changed.emit("none")
            self.error = str(exc)
            return
        last_status, last_preview, frames, fps_since = None, 0.0, 0, time.monotonic()
        try:
            while not self.isInterruptionRequested():
                frame, codes, status = pipeline.step()
                now = time.monotonic()
                # The frame came in before it was decoded (a pipeline may wait for its camera's
                # next frame inside step(); that wait is not the kiosk's latency).
                captured = now - getattr(pipeline, "last_decode_ms", 0.0) / 1000
                if status != last_status:
                    last_status = status
                    self.status_changed.emit(status)
                for code in codes:
                    self.code_scanned.emit(code, captured)
                if frame is not None:
                    frames += 1
                    if now - last_preview >= self.preview_interval:
                        last_preview = now
                        self.frame_ready.emit(frame_to_image(frame))
                else:
                    self.msleep(15)  # nothing new from the camera: don't spin
                if now - fps_since >= 2.0:
                    self.fps_measured.emit(frames / (now - fps_since))
                    frames, fps_since = 0, now
        except Exception:
            traceback.print_exc()
            self.status_changed.emit("lost")
        finally:
            pipeline.close()

    def stop(self, timeout_ms: int = 5000) -> bool:
        self.requestInterruption()
        return self.wait(timeout_ms)


class DeskWorker(QObject):
    """Owns kiosk.db and the check-in desk in its own thread.

    ``opener`` runs in that thread and returns ``(store, desk)``; every request arrives by a
    queued signal and every answer leaves by one, after the commit.
    """

    opened = Signal(object)  # the desk's EventRules
    open_failed = Signal(str)
    checked_in = Signal(object, float)  # CheckInResult, capture time of the frame
    check_in_failed = Signal(str, float)
    answered = Signal(str, object)  # request id, result of a generic call

    def __init__(self, opener: Callable[[], tuple[object, object]]):
        super().__init__()
        self.opener = opener
        self.store = None
        self.desk = None

    @Slot()
    def open(self):
        try:
            self.store, self.desk = self.opener()
        except KioskError as exc:
            self.open_failed.emit(str(exc))
            return
        except Exception as exc:
            self.open_failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.opened.emit(self.desk.event)

    @Slot(object, str, float)
    def check_in(self, code, method: str, captured: float):
        if self.desk is None:
            self.check_in_failed.emit("the kiosk database is not open", captured)
            return
        try:
            result = self.desk.check_in(code, method=method)
        except KioskError as exc:
            self.check_in_failed.emit(str(exc), captured)
            return
        except Exception as exc:
            self.check_in_failed.emit(f"{type(exc).__name__}: {exc}", captured)
            return
        self.checked_in.emit(result, captured)

    @Slot(str, object)
    def call(self, request_id: str, fn):
        """Run ``fn(store, desk)`` in the database thread; the answer comes back by signal."""
        try:
            result = fn(self.store, self.desk)
        except Exception as exc:
            result = exc
        self.answered.emit(request_id, result)

    @Slot(object, object)
    def run_blocking(self, fn, box):
        """For other threads (live sync) that wait for the answer: fn() here, result in box."""
        try:
            box["result"] = fn()
        except BaseException as exc:  # handed back to the waiting thread, raised there
            box["error"] = exc
        box["done"].set()

    @Slot()
    def close(self):
        """Close kiosk.db in its own thread, then end that thread's event loop."""
        if self.store is not None:
            self.store.close()
            self.store = None
        QThread.currentThread().quit()


class DeskThread(QObject):
    """Starts the DeskWorker in its own QThread and stops it cleanly."""

    request_check_in = Signal(object, str, float)
    request_call = Signal(str, object)
    request_blocking = Signal(object, object)
    request_close = Signal()

    def __init__(self, opener, parent=None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("DeskThread")
        self.worker = DeskWorker(opener)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.open)
        self.request_check_in.connect(self.worker.check_in)
        self.request_call.connect(self.worker.call)
        self.request_blocking.connect(self.worker.run_blocking)
        self.request_close.connect(self.worker.close)
        self.worker.answered.connect(self._answered)
        self._callbacks: dict[str, Callable] = {}
        self._next = 0

    def start(self):
        STARTED.add(self.thread)
        self.thread.start()

    def call(self, fn: Callable, callback: Callable[[object], None] | None = None) -> None:
        """Run ``fn(store, desk)`` in the database thread; ``callback(result)`` in the GUI thread."""
        self._next += 1
        request = str(self._next)
        if callback is not None:
            self._callbacks[request] = callback
        self.request_call.emit(request, fn)

    def run_on_db_thread(self, fn: Callable, timeout: float = 30.0):
        """Run fn() in the database thread and wait for its result (never from the GUI thread:
        it blocks the caller). Raises what fn raised, or TimeoutError."""
        if not self.thread.isRunning():
            raise RuntimeError("the kiosk database is closed")
        box = {"done": threading.Event()}
        self.request_blocking.emit(fn, box)
        if not box["done"].wait(timeout):
            raise TimeoutError("the kiosk database did not answer")
        if "error" in box:
            raise box["error"]
        return box["result"]

    def _answered(self, request_id: str, result):
        callback = self._callbacks.pop(request_id, None)
        if callback is not None:
            callback(result)

    def stop(self, timeout_ms: int = 5000) -> bool:
        if not self.thread.isRunning():
            return True
        self.request_close.emit()  # the worker closes the database, then quits its loop
        return self.thread.wait(timeout_ms)
