"""Threads: one capture-and-decode worker per camera, and one way to run any other work off the
GUI thread.

The GUI thread never waits on the camera, the disk or the network. The camera worker drops
frames rather than queueing them and stops with requestInterruption() + wait().

Everything else goes through :class:`Worker` (as Anki's ``QueryOp`` and superqt's
``thread_worker``): ``submit(fn, on_done=..., on_error=...)`` runs ``fn`` on the worker's own
thread, one job after another, and calls back on the GUI thread with the result or the
exception; an exception nobody handles is logged with its traceback and reported through the
``unhandled`` signal, never swallowed. :class:`DeskThread` is the Worker that owns kiosk.db and
the check-in desk (the only thread that touches them); the staff tools' slow jobs and the
dashboard's reads use plain Workers.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from kiosk.core.errors import KioskError

log = logging.getLogger("kiosk.ui")


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
            log.exception("the camera worker stopped")
            self.status_changed.emit("lost")
        finally:
            pipeline.close()

    def stop(self, timeout_ms: int = 5000) -> bool:
        self.requestInterruption()
        return self.wait(timeout_ms)


def error_text(exc: BaseException) -> str:
    """What staff read about a failure: a KioskError's own sentence, else a translated
    sentence (the details go to the log, never `TypeError: ...` on screen)."""
    from PySide6.QtCore import QCoreApplication

    if isinstance(exc, KioskError):
        return str(exc)
    return QCoreApplication.translate(
        "Worker", "Something went wrong on this kiosk; the details are in its log. Try again, "
                  "or ask the organiser's help desk.")


@dataclass(eq=False)
class Job:
    fn: Callable
    on_done: Callable[[object], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    what: str = ""


class _Runner(QObject):
    """Lives on the worker's thread; runs each job it is handed."""

    done = Signal(object, object)    # job, result
    failed = Signal(object, object)  # job, exception

    def __init__(self, args: Callable[[], tuple] = tuple):
        super().__init__()
        self.args = args

    @Slot(object)
    def run(self, job: Job) -> None:
        try:
            result = job.fn(*self.args())
        except Exception as exc:
            self.failed.emit(job, exc)
            return
        self.done.emit(job, result)

    @Slot(object, object)
    def run_blocking(self, fn, box) -> None:
        """For other threads (live sync) that wait for the answer: fn() here, result in box."""
        try:
            box["result"] = fn()
        except BaseException as exc:  # handed back to the waiting thread, raised there
            box["error"] = exc
        box["done"].set()

    @Slot()
    def quit_thread(self) -> None:
        QThread.currentThread().quit()


class Worker(QObject):
    """One thread running jobs in order; callbacks on the GUI thread.

    ``submit(fn, on_done=None, on_error=None)``: ``fn(*args)`` on the worker thread (``args`` come
    from the ``args`` callable given at construction, evaluated there), then ``on_done(result)``
    or ``on_error(exception)`` on the thread that owns this object. The thread starts on the
    first job; ``stop()`` lets the job in hand finish, then ends it.
    """

    unhandled = Signal(str)       # a failure no caller handled: a sentence for the screen
    answered = Signal()           # after every job, handled or not (tests wait on it)
    _request = Signal(object)
    _request_blocking = Signal(object, object)
    _request_quit = Signal()

    def __init__(self, name: str, *, args: Callable[[], tuple] = tuple, parent=None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName(name)
        self.runner = _Runner(args)
        self.runner.moveToThread(self.thread)
        self._request.connect(self.runner.run)
        self._request_blocking.connect(self.runner.run_blocking)
        self._request_quit.connect(self.runner.quit_thread)
        self.runner.done.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.pending = 0

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def start(self) -> None:
        if not self.thread.isRunning():
            self.thread.start()

    def submit(self, fn: Callable, on_done: Callable[[object], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, *, what: str = "") -> None:
        self.start()
        self.pending += 1
        self._request.emit(Job(fn, on_done, on_error, what or getattr(fn, "__name__", "")))

    def run_blocking(self, fn: Callable[[], object], timeout: float = 30.0):
        """fn() on the worker thread, waiting for its result: for other threads only (it blocks
        the caller). Raises what fn raised, or TimeoutError."""
        if not self.thread.isRunning():
            raise RuntimeError(f"the {self.thread.objectName()} thread is not running")
        box = {"done": threading.Event()}
        self._request_blocking.emit(fn, box)
        if not box["done"].wait(timeout):
            raise TimeoutError(f"the {self.thread.objectName()} thread did not answer")
        if "error" in box:
            raise box["error"]
        return box["result"]

    def _done(self, job: Job, result) -> None:
        self.pending -= 1
        try:
            if job.on_done is not None:
                job.on_done(result)
        finally:
            self.answered.emit()

    def _failed(self, job: Job, exc: BaseException) -> None:
        self.pending -= 1
        try:
            if job.on_error is not None:
                job.on_error(exc)
            else:
                log.error("%s failed on %s", job.what or "a job", self.thread.objectName(),
                          exc_info=(type(exc), exc, exc.__traceback__))
                self.unhandled.emit(error_text(exc))
        finally:
            self.answered.emit()

    def stop(self, timeout_ms: int = 10_000) -> bool:
        if not self.thread.isRunning():
            return True
        self._request_quit.emit()  # after the jobs already queued
        return self.thread.wait(timeout_ms)


class DeskThread(Worker):
    """The Worker that owns kiosk.db and the check-in desk.

    ``opener`` runs on that thread and returns ``(store, desk)``; jobs get ``(store, desk)`` as
    their arguments. Only this thread ever touches them: the GUI thread learns the event's rules
    from ``opened`` and everything else from job results.
    """

    opened = Signal(object)  # the desk's EventRules
    open_failed = Signal(str)
    checked_in = Signal(object, float)  # CheckInResult, capture time of the frame
    check_in_failed = Signal(str, float)

    def __init__(self, opener: Callable[[], tuple[object, object]], parent=None):
        self._store = None
        self._desk = None
        super().__init__("DeskThread", args=lambda: (self._store, self._desk), parent=parent)
        self.opener = opener
        self.db_path = None  # kiosk.db's path once open (a plain value the GUI may read)

    def start(self) -> None:
        if self.thread.isRunning():
            return
        super().start()
        self.submit(self._open, lambda rules: self.opened.emit(rules),
                    lambda exc: self.open_failed.emit(str(exc) if isinstance(exc, KioskError)
                                                      else f"{type(exc).__name__}: {exc}"),
                    what="opening kiosk.db")

    def _open(self, _store, _desk):
        self._store, self._desk = self.opener()
        self.db_path = getattr(self._store, "path", None)
        return self._desk.event

    def check_in(self, code, method: str, captured: float) -> None:
        """Decide and record one scan; ``checked_in`` only after its commit."""
        def work(store, desk):
            if desk is None:
                raise KioskError("the kiosk database is not open")
            return desk.check_in(code, method=method)

        def failed(exc):
            self.check_in_failed.emit(str(exc) if isinstance(exc, KioskError)
                                      else f"{type(exc).__name__}: {exc}", captured)

        self.submit(work, lambda result: self.checked_in.emit(result, captured), failed,
                    what="a check-in")

    def call(self, fn: Callable, on_done: Callable[[object], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, *, what: str = "") -> None:
        """``fn(store, desk)`` on the database thread; callbacks on the GUI thread."""
        self.submit(fn, on_done, on_error, what=what)

    def run_on_db_thread(self, fn: Callable, timeout: float = 30.0):
        """fn() on the database thread, waiting for its result (never from the GUI thread)."""
        return self.run_blocking(fn, timeout)

    def store_here(self):
        """kiosk.db's store, for code already running on the database thread (raises elsewhere)."""
        if QThread.currentThread() is not self.thread:
            raise RuntimeError("kiosk.db is used only on its own thread")
        return self._store

    def run_with_store(self, fn: Callable, timeout: float = 30.0):
        """fn(store, desk) on the database thread, waiting for its result (other threads only)."""
        return self.run_blocking(lambda: fn(self._store, self._desk), timeout)

    def stop(self, timeout_ms: int = 5000) -> bool:
        if not self.thread.isRunning():
            return True

        def close(store, _desk):
            if store is not None:
                store.close()
            self._store = self._desk = None

        self.submit(close, what="closing kiosk.db")  # after every job already queued
        return super().stop(timeout_ms)
