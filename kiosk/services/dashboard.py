"""The dashboard's figures from a kiosk, a merged file or the hub, without Qt.

A source's ``fetch()`` returns a :class:`DashboardData` (kiosk.core.dashboard) and may block on a
database or the network: the touch UI calls it on a worker thread, ``kiosk dashboard --json``
and the web dashboard call it directly.

- :class:`KioskDashboard`: the running kiosk's own kiosk.db, read on its database thread (a
  ``run_on_db(fn)`` callable hands ``fn(store, desk)`` to that thread and returns its result), at
  the desk's clock; with a hub URL, every kiosk's numbers from the hub, falling back to its own
  (and saying so) while the hub cannot be reached.
- :class:`DatabaseDashboard`: a kiosk.db or a merged database, opened read-only.
- :class:`HubDashboard`: the hub alone.

The hub's figures are counted by the kiosk's own engine over a kept copy of its scan log
(kiosk.sync.hub_copy), brought up to date before each read.

``open_dashboard(kiosk=..., db=..., hub=...)`` picks one for a command line.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Callable, Protocol

from kiosk.core.dashboard import DashboardData, HallMap
from kiosk.core.errors import KioskError
from kiosk.core.event import DEFAULT_TIMEZONE
from kiosk.core.timeutil import utcnow

__all__ = ["DashboardData", "DashboardSource", "KioskDashboard", "DatabaseDashboard",
           "HubDashboard", "event_settings", "open_dashboard", "HUB_RETRY_SECONDS"]

HUB_RETRY_SECONDS = 20.0  # after a failed hub, show local numbers this long before trying again


class DashboardSource(Protocol):
    clock: Callable[[], datetime]

    def fetch(self) -> DashboardData: ...

    def timezone(self) -> str: ...

    def close(self) -> None: ...


def event_settings(event_toml: str | None) -> tuple[str, HallMap, str]:
    """(time zone, halls, event name) from an event.toml text (defaults when there is none)."""
    if not event_toml:
        return DEFAULT_TIMEZONE, HallMap(), ""
    from kiosk.config import parse_event

    model = parse_event(event_toml, "the event in the database")
    return model.timezone, HallMap.build(model.capacity, model.hall_gates), model.name


class _HubReader:
    """A kept-open hub connection for repeated dashboard reads, reopened after failures."""

    def __init__(self, url: str, timeout: float = 3.0, copy_dir: Path | None = None):
        self.url = url
        self.timeout = timeout
        self.copy_dir = copy_dir  # where the hub's copy is kept (default: the cache folder)
        self.client = None
        self.copy = None  # kiosk.sync.hub_copy.HubCopy, kept across reconnections
        self.failed_at = 0.0

    def resting(self) -> bool:
        return bool(self.failed_at) and time.monotonic() - self.failed_at < HUB_RETRY_SECONDS

    def _connect(self):
        from kiosk.sync.hub import HubClient

        if self.client is None or self.client.closed:
            self.client = HubClient.connect(self.url, timeout=self.timeout,
                                            statement_timeout=self.timeout * 3)
        return self.client

    def event(self) -> tuple[str, HallMap, str]:
        from kiosk.sync.hub import HubError

        try:
            info = self._connect().info()
        except HubError:
            self.failed_at = time.monotonic()
            self.close()
            raise
        if not info.event_toml:
            raise KioskError("the hub holds no event yet: push from a kiosk or run "
                             "`kiosk hub publish URL --event DIR`")
        return event_settings(info.event_toml)

    def read(self, at: datetime, tz: str | None, halls: HallMap | None) -> DashboardData:
        from kiosk.sync.hub import HubError
        from kiosk.sync.hub_copy import HubCopy
        from kiosk.sync.hub_dashboard import hub_dashboard

        try:
            client = self._connect()
            if tz is None:
                tz, halls, _ = self.event()
            if self.copy is None:
                self.copy = HubCopy.kept(client, self.copy_dir)
            data = hub_dashboard(client, self.copy, at, tz, halls)
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
            except Exception:  # closing a broken connection: nothing left to do with it
                pass
            self.client = None

    def close_copy(self) -> None:
        self.close()
        if self.copy is not None:
            self.copy.close()
            self.copy = None


class KioskDashboard:
    """The running kiosk: its database thread answers; the hub, if any, first."""

    def __init__(self, run_on_db: Callable[[Callable], object], kiosk_id: str, hub_url: str = "",
                 copy_dir: Path | None = None):
        self.run_on_db = run_on_db
        self.kiosk_id = kiosk_id
        # the hub's copy in the kiosk's own folder when it has one, else the cache folder
        self.hub = _HubReader(hub_url, copy_dir=copy_dir) if hub_url else None
        self._event: tuple | None = None

    def _local(self) -> tuple[DashboardData, datetime]:
        from kiosk.storage.dashboard_sql import dashboard

        def work(store, desk):
            if store is None or desk is None:
                raise KioskError("the kiosk database is not open")
            if self._event is None:
                self._event = event_settings(store.get_meta("event_toml"))
            tz, halls, _ = self._event
            at = desk.clock()
            return dashboard(store.conn, at, tz, halls, scope="kiosk", kiosk_id=self.kiosk_id,
                             source=f"kiosk {self.kiosk_id}"), at

        return self.run_on_db(work)

    def timezone(self) -> str:
        if self._event is None:
            self._local()
        return self._event[0]

    def fetch(self) -> DashboardData:
        if self.hub is None:
            return self._local()[0]
        if self.hub.resting():
            data = self._local()[0]
            data.scope, data.problem = "kiosk_only", "hub unreachable"
            return data
        data, at = self._local()  # the time zone and halls, and the desk's clock
        tz, halls, _ = self._event
        try:
            return self.hub.read(at, tz, halls)
        except KioskError as exc:
            data.scope, data.problem = "kiosk_only", str(exc)
            return data

    def close(self) -> None:
        if self.hub is not None:
            self.hub.close_copy()


class DatabaseDashboard:
    """A kiosk.db or a merged database, read-only, in the caller's thread."""

    def __init__(self, path: Path, *, merged: bool, clock: Callable[[], datetime] = utcnow):
        self.path = Path(path)
        self.merged = merged
        self.clock = clock
        self.store = None
        self._event = None
        self.kiosk_id = ""

    def _open(self):
        from kiosk.storage.kiosk_store import KioskStore

        if self.store is None:
            self.store = KioskStore.open(self.path, readonly=True)
            self._event = event_settings(self.store.get_meta("event_toml"))
            self.kiosk_id = self.store.get_meta("kiosk_id", "") or ""
        return self.store

    def timezone(self) -> str:
        self._open()
        return self._event[0]

    def fetch(self) -> DashboardData:
        from kiosk.storage.dashboard_sql import dashboard, merged_kiosk_count

        store = self._open()
        tz, halls, _ = self._event
        if self.merged:
            data = dashboard(store.conn, self.clock(), tz, halls, scope="merged",
                             source=f"merged database {self.path.name}")
            kiosks = merged_kiosk_count(store.conn)
            if kiosks:
                data.kiosks = kiosks
            return data
        return dashboard(store.conn, self.clock(), tz, halls, scope="kiosk",
                         kiosk_id=self.kiosk_id, source=f"kiosk {self.kiosk_id}")

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class HubDashboard:
    """Every kiosk's numbers from the hub."""

    def __init__(self, url: str, clock: Callable[[], datetime] = utcnow):
        self.reader = _HubReader(url, timeout=5.0)
        self.clock = clock

    @property
    def url(self) -> str:
        return self.reader.url

    def timezone(self) -> str:
        return self.reader.event()[0]

    def fetch(self) -> DashboardData:
        return self.reader.read(self.clock(), None, None)

    def close(self) -> None:
        self.reader.close_copy()


def open_dashboard(*, kiosk: Path | None = None, db: Path | None = None,
                   hub: str | None = None) -> DashboardSource:
    """The source for `--kiosk`, `--db` or `--hub`, checked before anything is read."""
    if hub:
        from kiosk.sync.hub import check_url

        return HubDashboard(check_url(hub))
    if kiosk is not None:
        from kiosk.organiser.kioskdir import KioskFolder

        folder = KioskFolder.open(kiosk)
        if not folder.db_path.exists():
            raise KioskError(f"no kiosk database in {folder.path}; provision it with `kiosk init`")
        return DatabaseDashboard(folder.db_path, merged=False)
    if db is None or not Path(db).is_file():
        raise KioskError(f"no merged database at {db}")
    return DatabaseDashboard(Path(db), merged=True)
