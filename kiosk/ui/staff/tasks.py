"""A worker thread for slow staff jobs (exporting a bundle, rendering a badge, asking the hub),
so the GUI thread and the kiosk's database thread never wait on them."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kiosk.ui.workers import STARTED


class _TaskWorker(QObject):
    answered = Signal(str, object)

    @Slot(str, object)
    def run(self, request_id: str, fn) -> None:
        try:
            result = fn()
        except Exception as exc:  # handed back to the caller's callback, shown as one line
            result = exc
        self.answered.emit(request_id, result)


class BackgroundTasks(QObject):
    """``run(fn, callback)``: fn() in the worker thread, callback(result or exception) in the
    GUI thread. Jobs run one after another; the thread starts on first use."""

    request = Signal(str, object)

    def __init__(self, name: str = "StaffTasks", parent=None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName(name)
        self.worker = _TaskWorker()
        self.worker.moveToThread(self.thread)
        self.request.connect(self.worker.run)
        self.worker.answered.connect(self._answered)
        self._callbacks: dict[str, Callable] = {}
        self._next = 0

    def run(self, fn: Callable[[], object], callback: Callable[[object], None] | None = None) -> None:
        if not self.thread.isRunning():
            STARTED.add(self.thread)
            self.thread.start()
        self._next += 1
        request = str(self._next)
        if callback is not None:
            self._callbacks[request] = callback
        self.request.emit(request, fn)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def _answered(self, request_id: str, result) -> None:
        callback = self._callbacks.pop(request_id, None)
        if callback is not None:
            callback(result)

    def stop(self, timeout_ms: int = 10_000) -> bool:
        if not self.thread.isRunning():
            return True
        self.thread.quit()  # after the job in hand, if any
        return self.thread.wait(timeout_ms)
