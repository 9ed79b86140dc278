"""Everything the web dashboard reads, behind one small interface (``WebData``).

The app never opens a database or the hub itself: it asks a ``WebData`` for

- ``event()``: the event's name, time zone and halls;
- ``dashboard()``: one refresh of the staff dashboard (kiosk.core.dashboard.DashboardData);
- ``headcount()``: exactly the JSON that ``kiosk headcount --json`` prints for the same source
  (it calls the same function, kiosk.services.figures.headcount_of);
- ``kiosks()``: every kiosk's health as far as the source knows it;
- ``watch()``: a ``Watcher`` whose ``wait(timeout)`` returns True soon after the source changed
  (the hub's NOTIFY, or SQLite's data_version for a kiosk folder or a merged database).

For the hub the figures come from the copy of its scan log kept in the cache folder
(kiosk.sync.hub_copy), brought up to date before each read, as `kiosk headcount --hub` and
`kiosk dashboard --hub` read theirs: a handful of new rows instead of aggregates over the whole
day; the names of the latest scans' holders and the kiosks come from the hub itself.

Every method blocks (database or network) and is called from a worker thread, never from the
event loop. Sources are opened read-only: the hub session is read-only, SQLite is opened with
``mode=ro``.
"""

from __future__ import annotations

import select
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from kiosk.core.dashboard import DashboardData, HallMap
from kiosk.core.errors import KioskError
from kiosk.core.timeutil import utcnow

DEFAULT_TZ = "Asia/Karachi"


@dataclass(frozen=True)
class EventView:
    name: str
    timezone: str
    halls: HallMap


def event_view(event_toml: str | None) -> EventView:
    if not event_toml:
        return EventView("", DEFAULT_TZ, HallMap())
    from kiosk.config import parse_event

    model = parse_event(event_toml, "the event in the database")
    return EventView(model.name, model.timezone, HallMap.build(model.capacity, model.hall_gates))


class Watcher:
    def wait(self, timeout: float) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        pass


class WebData:
    """The source of `kiosk web`: exactly one of ``hub`` (a URL), ``db`` (a merged database)
    or ``kiosk`` (a kiosk folder)."""

    def __init__(self, *, hub: str | None = None, db: Path | None = None,
                 kiosk: Path | None = None, at_text: str | None = None,
                 clock: Callable[[], datetime] = utcnow):
        if sum(x is not None for x in (hub, db, kiosk)) != 1:
            raise KioskError("give exactly one of --hub, --db or --kiosk")
        self.hub_url = hub
        self.db = Path(db) if db is not None else None
        self.kiosk = Path(kiosk) if kiosk is not None else None
        self.at_text = at_text  # show this fixed moment instead of now (read in the event's zone)
        self._clock = clock
        self._at: datetime | None = None
        self._lock = threading.Lock()
        self._store = None
        self._hub = None
        self._hub_copy = None
        self._kiosks_seen: tuple | None = None
        self._event: EventView | None = None
        self._folder = None

    # -- what it is ------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return "hub" if self.hub_url else "db" if self.db else "kiosk"

    @property
    def label(self) -> str:
        if self.hub_url:
            from kiosk.sync.hub import redact

            return f"hub {redact(self.hub_url)}"
        if self.db:
            return f"merged database {self.db.name}"
        return f"kiosk folder {self.kiosk.name}"

    def _db_path(self) -> Path:
        if self.db is not None:
            return self.db
        if self._folder is None:
            from kiosk.organiser.kioskdir import KioskFolder

            self._folder = KioskFolder.open(self.kiosk)
        return self._folder.db_path

    def check(self) -> None:
        """Raise a KioskError (one line) when the source cannot be read at all."""
        if self.hub_url:
            from kiosk.sync.hub import check_url

            check_url(self.hub_url)
        else:
            path = self._db_path()
            if not path.is_file():
                what = "merged database" if self.db else "kiosk database"
                raise KioskError(f"no {what} at {path}")
        self.event()
        self.clock()  # a bad --at fails here, once

    # -- connections (one kept open, used under the lock) ---------------------------------
    def _hub_client(self):
        from kiosk.sync.hub import HubClient

        if self._hub is None or self._hub.closed:
            self._hub = HubClient.connect(self.hub_url, timeout=3.0, statement_timeout=10.0,
                                          application="kiosk web")
            self._hub.conn.execute("SET default_transaction_read_only = on")
        return self._hub

    def _sqlite(self):
        from kiosk.storage.kiosk_store import KioskStore

        if self._store is None:
            self._store = KioskStore.open(self._db_path(), readonly=True)
        return self._store

    def _copy(self):
        """The hub and its copy (kiosk.sync.hub_copy), kept across reconnections."""
        from kiosk.sync.hub_copy import HubCopy

        hub = self._hub_client()
        if self._hub_copy is None:
            self._hub_copy = HubCopy.kept(hub)
        return hub, self._hub_copy

    def _drop(self) -> None:
        for conn in (self._hub, self._store):
            if conn is not None:
                try:
                    conn.close()
                except Exception:
                    pass
        self._hub = self._store = None

    # -- reading ---------------------------------------------------------------------------
    def event(self) -> EventView:
        if self._event is not None:
            return self._event
        with self._lock:
            if self.hub_url:
                toml = self._hub_client().info().event_toml
                if not toml:
                    raise KioskError("the hub holds no event yet: push from a kiosk or run "
                                     "`kiosk hub publish URL --event DIR`")
            else:
                toml = self._sqlite().get_meta("event_toml")
            self._event = event_view(toml)
        return self._event

    def clock(self) -> datetime:
        if self.at_text is None:
            return self._clock()
        if self._at is None:
            from kiosk.core.timeutil import parse_moment

            self._at = parse_moment(self.at_text, self.event().timezone)
        return self._at

    def dashboard(self) -> DashboardData:
        ev = self.event()
        at = self.clock()
        with self._lock:
            try:
                from kiosk.storage.dashboard_sql import dashboard

                if self.hub_url:
                    from kiosk.sync.hub_dashboard import hub_dashboard

                    hub, copy = self._copy()
                    return hub_dashboard(hub, copy, at, ev.timezone, ev.halls)

                store = self._sqlite()
                if self.db is not None:
                    data = dashboard(store.conn, at, ev.timezone, ev.halls, scope="merged",
                                     source=self.label)
                    if _has_table(store.conn, "merged_bundles"):
                        data.kiosks = store.conn.execute(
                            "SELECT COUNT(DISTINCT kiosk_id) FROM merged_bundles").fetchone()[0]
                    return data
                kiosk_id = store.get_meta("kiosk_id", "") or ""
                return dashboard(store.conn, at, ev.timezone, ev.halls, scope="kiosk",
                                 kiosk_id=kiosk_id, source=f"kiosk {kiosk_id}")
            except Exception:
                self._drop()  # reopened on the next call
                raise

    def duplicates(self, day: str, until_utc: str) -> int:
        """Refused scans of ``day`` up to ``until_utc`` that were the same badge again."""
        with self._lock:
            try:
                conn = self._hub_copy.conn if self.hub_url and self._hub_copy else None
                if self.hub_url and conn is None:
                    from kiosk.core.timeutil import from_utc_text

                    return self._hub_client().conn.execute(
                        "SELECT count(*) FROM scans WHERE day = %s::date AND at <= %s "
                        "AND outcome = 'duplicate'", (day, from_utc_text(until_utc))).fetchone()[0]
                conn = conn or self._sqlite().conn
                latest = conn.execute("SELECT MAX(at_utc) FROM scans WHERE day = ?",
                                      (day,)).fetchone()[0]
                if latest is None or latest <= until_utc:  # live: the derived table
                    row = conn.execute("SELECT n FROM scan_counts WHERE day = ? AND "
                                       "outcome = 'duplicate'", (day,)).fetchone()
                    return row[0] if row else 0
                return conn.execute("SELECT COUNT(*) FROM scans WHERE day = ? AND at_utc <= ? "
                                    "AND outcome = 'duplicate'", (day, until_utc)).fetchone()[0]
            except Exception:
                self._drop()
                raise

    def headcount(self, at_text: str | None = None) -> dict:
        """The JSON of `kiosk headcount --json` for this source."""
        from kiosk.services.figures import headcount_of

        return headcount_of(hub=self.hub_url, kiosk=self.kiosk, db=self.db,
                            at_text=at_text or self.at_text).to_json()

    def kiosks(self) -> list[dict]:
        """Every kiosk's health as the source knows it; None where it does not know."""
        with self._lock:
            try:
                if self.hub_url:
                    rows = self._hub_client().kiosks()
                    return [{"kiosk_id": k.kiosk_id, "venue": k.venue, "gate": k.gate,
                             "role": k.role, "scans": k.scans, "last_push_at": k.last_push_at,
                             "last_scan_at": k.last_scan_at, "pending": k.pending,
                             "camera": k.camera, "printer": k.printer,
                             "last_contact_at": k.last_contact_at, "health_at": k.health_at}
                            for k in rows]
                store = self._sqlite()
                conn = store.conn
                if self.db is not None:
                    # a GROUP BY over the whole log: kept until the file changes
                    version = conn.execute("PRAGMA data_version").fetchone()[0]
                    if self._kiosks_seen and self._kiosks_seen[0] == version:
                        return self._kiosks_seen[1]
                    bundles = {}
                    if _has_table(conn, "merged_bundles"):
                        bundles = {k: e for k, e in conn.execute(
                            "SELECT kiosk_id, MAX(exported_at) FROM merged_bundles "
                            "GROUP BY kiosk_id")}
                    rows = conn.execute(
                        "SELECT kiosk_id, MAX(venue), MAX(gate), COUNT(*), MAX(at_utc) "
                        "FROM scans GROUP BY kiosk_id ORDER BY kiosk_id").fetchall()
                    result = [{"kiosk_id": k, "venue": v, "gate": g, "role": None, "scans": n,
                               "last_push_at": None, "exported_at": bundles.get(k) or None,
                               "last_scan_at": last, "pending": None, "camera": None,
                               "printer": None} for k, v, g, n, last in rows]
                    self._kiosks_seen = (version, result)
                    return result
                from kiosk.storage.outbox import Outbox

                model = self._folder.model
                pushed = None
                if _has_table(conn, "hub_sync"):
                    row = conn.execute("SELECT pushed_at FROM hub_sync ORDER BY pushed_at DESC "
                                       "LIMIT 1").fetchone()
                    pushed = (row[0] or None) if row else None
                # the log is append-only: its newest row and seq say how long it is and when
                row = conn.execute("SELECT seq, at_utc FROM scans ORDER BY seq DESC LIMIT 1"
                                   ).fetchone()
                total, last = row if row else (0, None)
                return [{"kiosk_id": model.kiosk_id, "venue": model.venue, "gate": model.gate,
                         "role": model.role, "scans": total, "last_push_at": pushed,
                         "last_scan_at": last,
                         "pending": Outbox(store).pending_count() if model.hub_url else None,
                         "camera": None, "printer": None}]
            except Exception:
                self._drop()
                raise

    def watch(self) -> Watcher:
        if self.hub_url:
            return _HubWatcher(self.hub_url)
        return _SqliteWatcher(self._db_path())

    def close(self) -> None:
        with self._lock:
            self._drop()
            if self._hub_copy is not None:
                self._hub_copy.close()
                self._hub_copy = None


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


class _HubWatcher(Watcher):
    """LISTEN on the hub's channel: every push sends a NOTIFY."""

    def __init__(self, url: str):
        self.url = url
        self.client = None

    def wait(self, timeout: float) -> bool:
        from kiosk.sync.hub import HubClient, HubError

        try:
            if self.client is None or self.client.closed:
                self.client = HubClient.connect(self.url, timeout=3.0, application="kiosk web")
                self.client.listen()
            if self.client.drain_notifications():
                return True
            ready, _, _ = select.select([self.client.fileno()], [], [], timeout)
            return bool(ready) and self.client.drain_notifications() > 0
        except (HubError, OSError, ValueError):
            self.close()
            time.sleep(min(timeout, 2.0))  # the hub is down: try again later
            return False

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None


class _SqliteWatcher(Watcher):
    """SQLite's data_version changes when another connection commits to the file."""

    POLL = 0.2

    def __init__(self, path: Path):
        self.path = path
        self.conn = None
        self.version = None

    def _read(self):
        import sqlite3

        if self.conn is None:
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                        check_same_thread=False)
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            try:
                version = self._read()
            except Exception:
                self.close()
                version = None
            if self.version is None:
                self.version = version
            elif version is not None and version != self.version:
                self.version = version
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(min(self.POLL, max(0.0, deadline - time.monotonic())))

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
