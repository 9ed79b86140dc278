"""One rehearsal kiosk: its own process, the real desk and the real live sync service, no Qt.

    python -m kiosk.rehearsal.worker KIOSKDIR HUB_URL

As in ``kiosk run``, the kiosk's SQLite store belongs to one thread, which both the desk and the
sync service's outbox calls go through (``KioskSide.routed``), and the service is woken after each
committed scan. The controller drives it over standard input and output, one JSON object a line:

    in:  {"op": "scan", "n": 17, "code": "...", "direction": "in"}   |   {"op": "stop"}
    out: {"ev": "ready", "pid": ..}
         {"ev": "scan", "n": 17, "scan_id": .., "outcome": .., "attendee_id": .., "at": .., "t": ..}
         {"ev": "status", "online": true, "pending": 0, "error": "", "t": ..}
         {"ev": "known", "rows": [[attendee_id, last_in_at, last_out_at], ..], "t": ..}

``t`` is the wall clock (seconds since the epoch) when it happened: a scan's after its commit,
``known`` when the anti-passback view learnt other kiosks' entries. Every line is written before
the next scan is taken.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from kiosk.config import parse_event
from kiosk.core.errors import KioskError
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.organiser.kioskdir import KioskFolder, build_desk
from kiosk.storage.outbox import Outbox
from kiosk.sync.hub import KioskInfo
from kiosk.sync.live import HubSyncService, KioskSide, RemoteAttendanceView, SyncStatus

_out_lock = threading.Lock()


def emit(**fields) -> None:
    line = json.dumps(fields, ensure_ascii=False)
    with _out_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def _text(moment) -> str | None:
    return None if moment is None else to_utc_text(moment)


class ReportingView(RemoteAttendanceView):
    """The real anti-passback view, telling the controller what it learnt and when."""

    def update(self, rows, keep_from_day=None) -> None:
        before = {}
        for row in rows:
            seen = self(row.day, row.attendee_id)
            before[row.attendee_id.upper()] = None if seen is None else (seen.last_in_at, seen.last_out_at)
        super().update(rows, keep_from_day)
        changed = []
        for row in rows:
            seen = self(row.day, row.attendee_id)
            now = (seen.last_in_at, seen.last_out_at)
            if before.get(row.attendee_id.upper()) != now:
                changed.append([row.attendee_id, _text(now[0]), _text(now[1])])
                before[row.attendee_id.upper()] = now
        if changed:
            emit(ev="known", rows=changed, t=time.time())


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    if len(argv) != 2:
        print("usage: python -m kiosk.rehearsal.worker KIOSKDIR HUB_URL", file=sys.stderr)
        return 2
    folder = KioskFolder.open(argv[0])
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")

    def run(fn):
        return pool.submit(fn).result()

    store = run(folder.open_store)
    view = ReportingView()
    desk = run(lambda: build_desk(folder, store, remote_attendance=view))
    event_toml = run(lambda: store.get_meta("event_toml"))
    rules = parse_event(event_toml, "the event copy in kiosk.db").rules()
    side = KioskSide.direct(Outbox(store)).routed(run)
    last = {"online": None}

    def on_status(status: SyncStatus) -> None:
        if status.online != last["online"]:
            last["online"] = status.online
            emit(ev="status", online=status.online, pending=status.pending,
                 error=status.last_error, t=time.time())

    service = HubSyncService(argv[1], KioskInfo.from_model(folder.model, event_toml), side,
                             today=lambda: rules.day_of(utcnow()).isoformat(), view=view,
                             on_status=on_status)
    service.start()
    emit(ev="ready", pid=os.getpid(), kiosk_id=folder.model.kiosk_id)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            if request.get("op") == "stop":
                break
            try:
                result = run(lambda: desk.check_in(request["code"],
                                                   direction=request.get("direction")))
            except KioskError as exc:
                emit(ev="error", n=request.get("n"), error=str(exc), t=time.time())
                continue
            committed = time.time()
            service.wake()
            emit(ev="scan", n=request.get("n"), scan_id=result.scan_id,
                 outcome=result.outcome.value, attendee_id=result.attendee_id,
                 at=to_utc_text(result.at), t=committed)
    finally:
        service.stop()
        run(store.close)
        pool.shutdown(wait=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
