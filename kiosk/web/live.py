"""One reader for every watching browser.

A single thread waits for the source to change (the hub's NOTIFY, SQLite's data_version), reads
the figures once, and hands the new snapshot to every open event stream; fifty browsers cost the
hub one dashboard query per change, not fifty. Changes closer together than ``min_interval`` are
read together, and the figures are read again every ``idle_refresh`` seconds anyway (the clock
moves: quarter hours, the day).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from dataclasses import dataclass, field

from kiosk.web.data import WebData

log = logging.getLogger("kiosk.web")


def public_view(staff: dict) -> dict:
    """What the public screen may show: counts only, never a name, a kiosk or a category."""
    count = staff.get("headcount", {})
    return {
        "day": count.get("day", ""),
        "inside_now": count.get("inside_now", 0),
        "halls": [{"hall": h["hall"], "inside": h["inside"], "capacity": h["capacity"],
                   "percent": h["percent"], "level": h["level"]} for h in staff.get("halls", [])],
        "event": staff.get("event", ""),
    }


@dataclass
class Snapshot:
    version: int = 0
    staff: dict = field(default_factory=dict)
    staff_json: str = "{}"
    public_json: str = "{}"
    error: str = ""


class Broadcaster:
    def __init__(self, data: WebData, *, min_interval: float = 0.25, idle_refresh: float = 15.0):
        self.data = data
        self.min_interval = min_interval
        self.idle_refresh = idle_refresh
        self.snapshot = Snapshot()
        self.reads = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed: asyncio.Condition | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._first = threading.Event()

    # -- the reading thread ----------------------------------------------------------------
    def read_now(self) -> None:
        try:
            dash = self.data.dashboard().to_json()
            kiosks = self.data.kiosks()
            dash["kiosk_health"] = kiosks
            dash["event"] = self.data.event().name
            dash["duplicates"] = self.data.duplicates(dash["headcount"]["day"],
                                                      dash["headcount"]["at"])
            error = ""
        except Exception as exc:  # the hub is down: keep the last figures, say so
            log.warning("reading the figures failed: %s", exc)
            dash, error = dict(self.snapshot.staff), str(exc).splitlines()[0][:200]
        dash["problem"] = error or dash.get("problem", "")
        new = Snapshot(self.snapshot.version + 1, dash,
                       json.dumps(dash, ensure_ascii=False, separators=(",", ":")),
                       json.dumps({**public_view(dash), "problem": bool(error)},
                                  ensure_ascii=False, separators=(",", ":")), error)
        self.snapshot = new
        self.reads += 1
        self._first.set()
        if self._loop is not None and not self._loop.is_closed():
            try:
                asyncio.run_coroutine_threadsafe(self._notify(), self._loop)
            except RuntimeError:  # the server is shutting down
                pass

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _run(self) -> None:
        watcher = self.data.watch()
        try:
            self.read_now()
            last = time.monotonic()
            while not self._stop.is_set():
                changed = watcher.wait(min(1.0, self.idle_refresh))
                if self._stop.is_set():
                    break
                now = time.monotonic()
                if changed or now - last >= self.idle_refresh:
                    wait = self.min_interval - (now - last)
                    if wait > 0:
                        self._stop.wait(wait)
                    self.read_now()
                    last = time.monotonic()
        finally:
            watcher.close()

    # -- lifetime --------------------------------------------------------------------------
    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._changed = asyncio.Condition()
        self._thread = threading.Thread(target=self._run, name="kiosk-web-reader", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def wait_first(self, timeout: float) -> bool:
        return self._first.wait(timeout)

    # -- for the event streams -------------------------------------------------------------
    async def next_after(self, version: int, timeout: float) -> Snapshot:
        """The first snapshot newer than ``version``, or the current one after ``timeout``."""
        async with self._changed:
            try:
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: self.snapshot.version > version), timeout)
            except asyncio.TimeoutError:
                pass
        return self.snapshot
