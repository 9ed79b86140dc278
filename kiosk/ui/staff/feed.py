"""Where the dashboard's numbers come from, fetched in a thread of their own.

A source's ``fetch()`` runs in the feed's thread and returns a DashboardData; the feed hands it to
the GUI by signal. A refresh asked for while one is under way is dropped, never queued, so a
slow hub cannot pile up requests, and the GUI thread (and with it the camera preview) never
waits on a database or the network.

- ``KioskDeskSource``: the running kiosk's own kiosk.db, read on its database thread, at the
  desk's clock; with a hub URL it shows every kiosk's numbers from the hub and falls back to its
  own (and says so) when the hub cannot be reached.
- ``DatabaseSource``: a kiosk.db or a merged database, opened read-only in the feed's thread
  (`kiosk dashboard --kiosk` / `--db`).
- ``HubSource``: the hub alone (`kiosk dashboard --hub`).
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Callable, Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kiosk.core.dashboard import DashboardData, HallMap
from kiosk.core.errors import KioskError
from kiosk.core.timeutil import utcnow
from kiosk.ui.workers import STARTED

HUB_RETRY_SECONDS = 20.0  # after a failed hub, show local numbers this long before trying again


class DashboardSource(Protocol):
    def fetch(self) -> DashboardData: ...

    def close(self) -> None: ...


def event_settings(event_toml: str | None) -> tuple[str, HallMap, str]:
    """(time zone, halls, event name) from an event.toml text (defaults when there is none)."""
    if not event_toml:
        return "Asia/Karachi", HallMap(), ""
    from kiosk.config import parse_event

    model = parse_event(event_toml, "the event in the database")
    return model.timezone, HallMap.build(model.capacity, model.hall_gates), model.name


class _HubReader:
    """A kept-open hub connection for repeated dashboard reads, reopened after failures."""

    def __init__(self, url: str, timeout: float = 3.0):
        self.url = url
        self.timeout = timeout
        self.client = None
        self.failed_at = 0.0

    def resting(self) -> bool:
        return self.failed_at and time.monotonic() - self.failed_at < HUB_RETRY_SECONDS

    def read(self, at: datetime, tz: str | None, halls: HallMap | None) -> DashboardData:
        from kiosk.sync.hub import HubClient, HubError
        from kiosk.sync.hub_dashboard import hub_dashboard

        try:
            if self.client is None or self.client.closed:
                self.client = HubClient.connect(self.url, timeout=self.timeout,
                                                statement_timeout=self.timeout * 3)
            if tz is None:
                info = self.client.info()
                if not info.event_toml:
                    raise KioskError("the hub holds no event yet")
                tz, halls, _ = event_settings(info.event_toml)
            data = hub_dashboard(self.client, at, tz, halls)
            self.failed_at = 0.0
            return data
        except HubError:
            self.failed_at = time.monotonic()
            self.close()
            raise

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client.close()
            except Exception:
                pass
            self.client = None


class KioskDeskSource:
    """The running kiosk: its database thread answers; the hub, if any, first."""

    def __init__(self, desk, kiosk_id: str, hub_url: str = ""):
        self.desk = desk
        self.kiosk_id = kiosk_id
        self.hub = _HubReader(hub_url) if hub_url else None
        self._event: tuple | None = None

    def _local(self) -> tuple[DashboardData, datetime, str, HallMap]:
        from kiosk.storage.dashboard_sql import dashboard

        def work():
            store, desk = self.desk.worker.store, self.desk.worker.desk
            if store is None or desk is None:
                raise KioskError("the kiosk database is not open")
            if self._event is None:
                self._event = event_settings(store.get_meta("event_toml"))
            tz, halls, _ = self._event
            at = desk.clock()
            return dashboard(store.conn, at, tz, halls, scope="kiosk", kiosk_id=self.kiosk_id,
                             source=f"kiosk {self.kiosk_id}"), at, tz, halls

        return self.desk.run_on_db_thread(work)

    def fetch(self) -> DashboardData:
        if self.hub is None:
            return self._local()[0]
        if self.hub.resting():
            data = self._local()[0]
            data.scope, data.problem = "kiosk_only", "hub unreachable"
            return data
        if self._event is None:
            self._local()  # learns the time zone and halls (and the clock) on the database thread
        tz, halls, _ = self._event
        at = self.desk.run_on_db_thread(lambda: self.desk.worker.desk.clock())
        try:
            return self.hub.read(at, tz, halls)
        except KioskError as exc:
            data = self._local()[0]
            data.scope, data.problem = "kiosk_only", str(exc)
            return data

    def close(self) -> None:
        if self.hub is not None:
            self.hub.close()


class DatabaseSource:
    """A kiosk.db or a merged database, read-only, in the feed's thread."""

    def __init__(self, path: Path, *, merged: bool, clock: Callable[[], datetime] = utcnow):
        self.path = Path(path)
        self.merged = merged
        self.clock = clock
        self.store = None
        self._event = None
        self.kiosk_id = ""

    def fetch(self) -> DashboardData:
        from kiosk.storage.dashboard_sql import dashboard
        from kiosk.storage.kiosk_store import KioskStore

        if self.store is None:
            self.store = KioskStore.open(self.path, readonly=True)
            self._event = event_settings(self.store.get_meta("event_toml"))
            self.kiosk_id = self.store.get_meta("kiosk_id", "") or ""
        tz, halls, _ = self._event
        if self.merged:
            data = dashboard(self.store.conn, self.clock(), tz, halls, scope="merged",
                             source=f"merged database {self.path.name}")
            row = self.store.conn.execute(
                "SELECT COUNT(DISTINCT kiosk_id) FROM merged_bundles").fetchone() \
                if self._has("merged_bundles") else None
            if row:
                data.kiosks = row[0]
            return data
        return dashboard(self.store.conn, self.clock(), tz, halls, scope="kiosk",
                         kiosk_id=self.kiosk_id, source=f"kiosk {self.kiosk_id}")

    def _has(self, table: str) -> bool:
        return self.store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                       (table,)).fetchone() is not None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class HubSource:
    def __init__(self, url: str, clock: Callable[[], datetime] = utcnow):
        self.reader = _HubReader(url, timeout=5.0)
        self.clock = clock

    def fetch(self) -> DashboardData:
        return self.reader.read(self.clock(), None, None)

    def close(self) -> None:
        self.reader.close()


class _FeedWorker(QObject):
    fetched = Signal(object)
    failed = Signal(str)

    def __init__(self, source: DashboardSource):
        super().__init__()
        self.source = source

    @Slot()
    def fetch(self) -> None:
        try:
            data = self.source.fetch()
        except KioskError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.fetched.emit(data)

    @Slot()
    def close(self) -> None:
        try:
            self.source.close()
        finally:
            QThread.currentThread().quit()


class DashboardFeed(QObject):
    """Fetches from a source in its own thread; ``updated(DashboardData)`` or ``failed(str)``."""

    updated = Signal(object)
    failed = Signal(str)
    request = Signal()
    request_close = Signal()

    def __init__(self, source: DashboardSource, parent=None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("DashboardFeed")
        self.worker = _FeedWorker(source)
        self.worker.moveToThread(self.thread)
        self.request.connect(self.worker.fetch)
        self.request_close.connect(self.worker.close)
        self.worker.fetched.connect(self._fetched)
        self.worker.failed.connect(self._failed)
        self.busy = False
        self.dropped = 0

    def refresh(self) -> bool:
        """Ask for new numbers; False (and nothing queued) while the last ask is unanswered."""
        if self.busy:
            self.dropped += 1
            return False
        if not self.thread.isRunning():
            STARTED.add(self.thread)
            self.thread.start()
        self.busy = True
        self.request.emit()
        return True

    def _fetched(self, data) -> None:
        self.busy = False
        self.updated.emit(data)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.failed.emit(message)

    def stop(self, timeout_ms: int = 10_000) -> bool:
        if not self.thread.isRunning():
            return True
        self.request_close.emit()  # the source closes its connections in its own thread
        return self.thread.wait(timeout_ms)
