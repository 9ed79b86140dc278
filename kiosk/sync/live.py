"""Live sync with the hub: Qt-free pieces that ``kiosk run`` wires and ``kiosk push`` calls.

Three parts, split by where they may run:

- ``KioskSide``: plain callables over the kiosk's own database (kiosk/storage/outbox.py):
  read the pending scans, mark them pushed, apply pulled roster rows and revocations, read the
  sync state. SQLite has one owner thread per kiosk, so ``kiosk run`` routes each call to its
  database worker (``KioskSide.routed(run_on_db_thread)``); ``kiosk push`` calls them directly
  (``KioskSide.direct(outbox)``).
- ``HubClient`` (hub.py): the network I/O, batched COPY, short timeouts.
- ``HubSyncService``: a thread of its own that connects, pushes everything pending in batches,
  pulls roster changes and revocations, keeps ``RemoteAttendanceView`` (other kiosks' entries
  today) fresh, and then waits for a ``NOTIFY`` from the hub, a ``wake()`` after a local scan, or
  the poll interval. When the hub cannot be reached it backs off (1 s doubling to 10 s, with
  jitter) and tries again: the kiosk keeps checking people in offline, the outbox fills, and the
  service catches up when the hub returns, losing nothing.

``RemoteAttendanceView`` is the desk's ``remote_attendance`` hook for anti-passback across kiosks.
The desk calls it during a check-in, so it answers from memory and never touches the network.
"""

from __future__ import annotations

import logging
import os
import random
import select
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable, TypeVar

from kiosk.config import KioskModel, parse_event
from kiosk.core.errors import KioskError
from kiosk.core.rules import Attendance
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.outbox import Outbox, PendingBatch, PulledChanges, SyncState
from kiosk.sync.hub import EntryRow, HubClient, HubError, KioskInfo, redact

log = logging.getLogger("kiosk.sync")
T = TypeVar("T")

LIVE_BATCH = 5_000
PUSH_BATCH = 20_000


# -- the kiosk's half ---------------------------------------------------------------------------
@dataclass(frozen=True)
class KioskSide:
    """Calls into the kiosk's database; each must run on the thread that owns the store."""

    read_pending: Callable[[str, int], PendingBatch]
    mark_pushed: Callable[[str, PendingBatch, str], None]
    apply_changes: Callable[[str, PulledChanges, str], int]
    read_state: Callable[[str], SyncState]
    roster_mark: Callable[[], str]
    pending_count: Callable[[str | None], int]

    @classmethod
    def direct(cls, outbox: Outbox) -> "KioskSide":
        return cls(read_pending=outbox.pending, mark_pushed=outbox.mark_pushed,
                   apply_changes=outbox.apply, read_state=outbox.state,
                   roster_mark=outbox.roster_mark, pending_count=outbox.pending_count)

    def routed(self, run: Callable[[Callable[[], T]], T]) -> "KioskSide":
        """The same calls, each handed to ``run`` (which executes it on the database thread and
        returns its result, or raises its exception)."""

        def via(fn):
            return lambda *args: run(lambda: fn(*args))

        return KioskSide(read_pending=via(self.read_pending), mark_pushed=via(self.mark_pushed),
                         apply_changes=via(self.apply_changes), read_state=via(self.read_state),
                         roster_mark=via(self.roster_mark), pending_count=via(self.pending_count))


# -- other kiosks' entries, for anti-passback ------------------------------------------------
class RemoteAttendanceView:
    """Other kiosks' entries and exits per (day, attendee), kept in memory; thread-safe.

    Call it as the desk's ``remote_attendance(day, attendee_id)``.
    """

    def __init__(self):
        self._data: dict[tuple[str, str], Attendance] = {}
        self._changed = threading.Condition()
        self.updated_at: datetime | None = None

    def __call__(self, day: str, attendee_id: str) -> Attendance | None:
        with self._changed:
            return self._data.get((day, attendee_id.upper()))

    def update(self, rows: list[EntryRow], keep_from_day: str | None = None) -> None:
        with self._changed:
            for row in rows:
                key = (row.day, row.attendee_id.upper())
                seen = Attendance(first_in_at=row.first_in_at, last_in_at=row.last_in_at,
                                  last_out_at=row.last_out_at, entries=row.entries)
                known = self._data.get(key)
                self._data[key] = seen if known is None else known.combine(seen)
            if keep_from_day:
                for key in [k for k in self._data if k[0] < keep_from_day]:
                    del self._data[key]
            self.updated_at = utcnow()
            self._changed.notify_all()

    def wait_for(self, day: str, attendee_id: str, timeout: float,
                 check: Callable[[Attendance], bool] = lambda a: True) -> bool:
        """Block until the view knows this attendee's day (and ``check`` holds), or time out."""
        key = (day, attendee_id.upper())
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                seen = self._data.get(key)
                if seen is not None and check(seen):
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)

    def __len__(self) -> int:
        with self._changed:
            return len(self._data)


# -- one round of sync -------------------------------------------------------------------------
@dataclass
class SyncStatus:
    """What the staff screen shows about the hub."""

    hub: str
    online: bool = False
    pending: int | None = None
    pushed_total: int = 0
    last_push_at: str = ""
    last_contact_at: str = ""
    last_error: str = ""
    roster_changes: int = 0

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class SyncResult:
    hub: str
    hub_id: str = ""
    pushed: int = 0
    inserted: int = 0
    already_on_hub: int = 0
    batches: int = 0
    revocations_sent: int = 0
    walk_ins_sent: int = 0
    roster_changes: int = 0
    pending: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        data = dict(self.__dict__)
        data["seconds"] = round(self.seconds, 3)
        return data


class SyncSession:
    """A connected hub and the kiosk it serves; the steps both the service and `kiosk push` run."""

    def __init__(self, hub: HubClient, kiosk: KioskInfo, side: KioskSide):
        self.hub = hub
        self.kiosk = kiosk
        self.side = side
        info = hub.bind_event(kiosk.event_id, kiosk.event_toml)
        self.hub_id = info.hub_id
        self.url = redact(hub.url)

    def push_pending(self, batch_size: int, result: SyncResult,
                     keep_going: Callable[[], bool] = lambda: True) -> None:
        """Push batches until nothing is pending (or ``keep_going`` says stop)."""
        while keep_going():
            batch = self.side.read_pending(self.hub_id, batch_size)
            if not batch:
                return
            sent = self.hub.push(self.kiosk, batch)
            self.side.mark_pushed(self.hub_id, batch, self.url)
            result.batches += 1
            result.pushed += sent.sent
            result.inserted += sent.inserted
            result.already_on_hub += sent.sent - sent.inserted
            result.revocations_sent += len(batch.revocations)
            result.walk_ins_sent += sent.walk_ins_sent
            if len(batch.scans) < batch_size and len(batch.walk_ins) < batch_size:
                return

    def report_health(self, pending: int | None, camera: str | None = None,
                      printer: str | None = None) -> bool:
        """Tell the hub what this kiosk knows of itself; a failure is logged, never fatal (the
        scans matter, the health line is a courtesy)."""
        try:
            self.hub.report_health(self.kiosk, pending, camera, printer)
            return True
        except HubError as exc:
            log.warning("reporting health to the hub failed: %s", exc)
            return False

    def pull_changes(self, result: SyncResult) -> None:
        state = self.side.read_state(self.hub_id)
        roster_after = None if state.pull_xmin else self.side.roster_mark()
        # Its own walk-ins come back too: a kiosk provisioned again (a new kiosk.db) then goes
        # on numbering after them instead of issuing the same numbers to other people.
        changes = self.hub.pull_changes(state.pull_xmin or None, roster_after)
        result.roster_changes += self.side.apply_changes(self.hub_id, changes, self.url)


def sync_once(hub_url: str, kiosk: KioskInfo, side: KioskSide, *,
              batch_size: int = PUSH_BATCH, timeout: float = 10.0) -> SyncResult:
    """`kiosk push`: connect, push everything pending, pull roster changes; raise HubError if
    the hub cannot be reached (nothing is lost: the scans stay pending)."""
    started = time.perf_counter()
    result = SyncResult(hub=redact(hub_url))
    with HubClient.connect(hub_url, timeout=timeout, application=f"kiosk push {kiosk.kiosk_id}") as hub:
        session = SyncSession(hub, kiosk, side)
        result.hub_id = session.hub_id
        session.push_pending(batch_size, result)
        session.pull_changes(result)
        result.pending = side.pending_count(session.hub_id)
        session.report_health(result.pending)
    result.seconds = time.perf_counter() - started
    return result


# -- the background service --------------------------------------------------------------------
class HubSyncService:
    """Pushes and pulls in a thread of its own until ``stop()``; see the module docstring.

    ``today`` gives the event-local day (YYYY-MM-DD) whose entries the view should hold;
    ``on_status`` (optional) is called from the service thread with a ``SyncStatus`` after each
    round and each failure: a Qt app forwards it to the GUI thread by a queued signal.
    ``health`` (optional) gives the kiosk's ``(camera, printer)`` codes (kiosk.services.health)
    from memory, without I/O; the service reports them with the outbox's size when they change
    and every ``health_seconds`` anyway, so the hub's dashboards know each kiosk's state.
    """

    def __init__(self, hub_url: str, kiosk: KioskInfo, side: KioskSide, *,
                 today: Callable[[], str], view: RemoteAttendanceView | None = None,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 batch_size: int = LIVE_BATCH, poll_seconds: float = 5.0,
                 timeout: float = 5.0, backoff: tuple[float, float] = (1.0, 10.0),
                 connect: Callable[..., HubClient] = HubClient.connect,
                 health: Callable[[], tuple[str | None, str | None]] | None = None,
                 health_seconds: float = 30.0):
        self.hub_url = hub_url
        self.kiosk = kiosk
        self.side = side
        self.today = today
        self.view = view if view is not None else RemoteAttendanceView()
        self.on_status = on_status
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.timeout = timeout
        self.backoff = backoff
        self._connect = connect
        self.health = health
        self.health_seconds = health_seconds
        self._health_sent: tuple | None = None
        self._health_sent_at = 0.0
        self._status = SyncStatus(hub=redact(hub_url))
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        self._entries_mark: str | None = None
        self._entries_day: str | None = None
        self._hub_id = ""
        self.rounds = 0  # completed rounds, for tests and the health screen

    # -- control -------------------------------------------------------------------------------
    def start(self) -> "HubSyncService":
        if self._thread is not None:
            raise KioskError("the hub sync service is already running")
        self._thread = threading.Thread(target=self._run, name=f"hub-sync-{self.kiosk.kiosk_id}",
                                        daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        """Push now (call after each scan is committed); never blocks."""
        try:
            os.write(self._wake_w, b"!")
        except (BlockingIOError, OSError):
            pass  # the pipe is full or closed: a wake-up is already due

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self.wake()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("hub sync thread did not stop within %.0f s", timeout)
            self._thread = None
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
        self._wake_r = self._wake_w = -1

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return replace(self._status)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the loop ------------------------------------------------------------------------------
    def _set_status(self, **changes) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)
            status = replace(self._status)
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:  # a broken listener must not stop the sync
                log.exception("hub status listener failed")

    def _run(self) -> None:
        delay = self.backoff[0]
        while not self._stop.is_set():
            hub = None
            try:
                hub = self._connect(self.hub_url, timeout=self.timeout,
                                    application=f"kiosk {self.kiosk.kiosk_id}")
                hub.listen()
                session = SyncSession(hub, self.kiosk, self.side)
                log.info("hub %s connected", redact(self.hub_url))
                self._entries_mark = None
                self._health_sent = None  # a new connection: report at once
                delay = self.backoff[0]
                while not self._stop.is_set():
                    self._round(session)
                    self._wait(hub)
            except HubError as exc:
                self._offline(str(exc))
            except Exception as exc:  # the database thread or a bug: report, back off, go on
                log.exception("hub sync round failed")
                self._offline(f"{type(exc).__name__}: {exc}")
            finally:
                if hub is not None:
                    hub.close()
            if self._stop.is_set():
                break
            # Back off with jitter so that kiosks do not all knock at once when the hub returns.
            self._stop.wait(delay * random.uniform(0.8, 1.2))
            delay = min(delay * 2, self.backoff[1])

    def _offline(self, error: str) -> None:
        log.warning("hub offline: %s", error)
        try:
            pending = self.side.pending_count(self._hub_id or None)
        except Exception:  # counting is a courtesy; the database thread may be gone
            pending = None
        self._set_status(online=False, last_error=error, pending=pending)

    def _round(self, session: SyncSession) -> None:
        self._hub_id = session.hub_id
        result = SyncResult(hub=session.url)
        session.push_pending(self.batch_size, result, keep_going=lambda: not self._stop.is_set())
        session.pull_changes(result)
        self._pull_entries(session)
        pending = self.side.pending_count(session.hub_id)
        self._report_health(session, pending)
        now = to_utc_text(utcnow())
        with self._lock:
            pushed_total = self._status.pushed_total + result.inserted
            roster = self._status.roster_changes + result.roster_changes
            last_push = now if result.batches else self._status.last_push_at
        self._set_status(online=True, pending=pending, pushed_total=pushed_total,
                         last_push_at=last_push, last_contact_at=now, last_error="",
                         roster_changes=roster)
        self.rounds += 1

    def _report_health(self, session: SyncSession, pending: int) -> None:
        facts: tuple[str | None, str | None] = (None, None)
        if self.health is not None:
            try:
                facts = tuple(self.health())  # type: ignore[assignment]
            except Exception:  # a broken reader must not stop the sync
                log.exception("reading the kiosk's health failed")
        key = (pending, facts)
        now = time.monotonic()
        if key == self._health_sent and now - self._health_sent_at < self.health_seconds:
            return
        if session.report_health(pending, *facts):
            self._health_sent, self._health_sent_at = key, now

    def _pull_entries(self, session: SyncSession) -> None:
        day = self.today()
        if day != self._entries_day:  # a new day: start afresh from the hub
            self._entries_mark, self._entries_day = None, day
        rows, mark = session.hub.pull_entries(day, self._entries_mark, self.kiosk.kiosk_id)
        self._entries_mark = mark
        self.view.update(rows, keep_from_day=day)

    def _wait(self, hub: HubClient) -> None:
        """Until a notification, a wake-up, the poll interval or stop; drains what came."""
        if self._stop.is_set():
            return
        readable, _, _ = select.select([hub.fileno(), self._wake_r], [], [], self.poll_seconds)
        if self._wake_r in readable:
            try:
                while os.read(self._wake_r, 4096):
                    pass
            except (BlockingIOError, OSError):
                pass
        if hub.fileno() in readable:
            hub.drain_notifications()


def live_sync_for(model: KioskModel, event_toml: str, side: KioskSide, *,
                  view: RemoteAttendanceView | None = None,
                  on_status: Callable[[SyncStatus], None] | None = None,
                  **options) -> HubSyncService | None:
    """The service `kiosk run` starts when kiosk.toml names a hub (None when it names none).

    Wiring, in the app: ``side = KioskSide.direct(Outbox(store)).routed(run_on_db_thread)``;
    ``view = RemoteAttendanceView()`` handed to the desk as ``remote_attendance``; ``start()``
    after the window shows, ``wake()`` after each committed scan, ``stop()`` on quit.
    """
    if not model.hub_url:
        return None
    rules = parse_event(event_toml, "the event copy in kiosk.db").rules()
    return HubSyncService(model.hub_url, KioskInfo.from_model(model, event_toml), side,
                          today=lambda: rules.day_of(utcnow()).isoformat(), view=view,
                          on_status=on_status, **options)
