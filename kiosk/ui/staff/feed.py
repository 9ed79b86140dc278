"""The dashboard's numbers fetched off the GUI thread.

The sources themselves (a running kiosk, a kiosk.db or merged file, the hub) are Qt-free and
live in kiosk.services.dashboard; this feed runs a source's ``fetch()`` on a Worker and hands
the figures to the GUI by signal. A refresh asked for while one is under way is dropped, never
queued, so a slow hub cannot pile up requests, and the GUI thread (and with it the camera
preview) never waits on a database or the network.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from kiosk.core.errors import KioskError
from kiosk.services.dashboard import DashboardSource
from kiosk.ui.workers import Worker, error_text

log = logging.getLogger("kiosk.ui")


class DashboardFeed(QObject):
    """Fetches from a source on its own thread; ``updated(DashboardData)`` or ``failed(str)``."""

    updated = Signal(object)
    failed = Signal(str)

    def __init__(self, source: DashboardSource, parent=None):
        super().__init__(parent)
        self.source = source
        self.worker = Worker("DashboardFeed", parent=self)
        self.busy = False
        self.dropped = 0

    def refresh(self) -> bool:
        """Ask for new numbers; False (and nothing queued) while the last ask is unanswered."""
        if self.busy:
            self.dropped += 1
            return False
        self.busy = True
        self.worker.submit(self.source.fetch, self._fetched, self._failed, what="a dashboard read")
        return True

    def _fetched(self, data) -> None:
        self.busy = False
        self.updated.emit(data)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        if not isinstance(exc, KioskError):
            log.error("the dashboard could not be read", exc_info=(type(exc), exc, exc.__traceback__))
        self.failed.emit(error_text(exc))

    def stop(self, timeout_ms: int = 10_000) -> bool:
        if not self.worker.thread.isRunning():
            return True
        self.worker.submit(self.source.close, what="closing the dashboard source")
        return self.worker.stop(timeout_ms)
