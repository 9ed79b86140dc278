"""The staff PIN check, run in the database thread (scrypt is slow on purpose) with the
wrong-guess lockout kept in kiosk.db, so that restarting the kiosk does not reset it."""

from __future__ import annotations

import json
import logging
import time
from typing import Callable

from kiosk.core.pin import LOCKOUT_SECONDS, MAX_FAILURES, Lockout, verify_pin
from kiosk.ui.workers import DeskThread

LOCKOUT_KEY = "staff_lockout"
log = logging.getLogger("kiosk.ui")


def _load(store) -> Lockout:
    raw = store.get_meta(LOCKOUT_KEY)
    if not raw:
        return Lockout()
    try:
        data = json.loads(raw)
        return Lockout(int(data.get("failures", 0)), float(data.get("locked_until", 0.0)))
    except (ValueError, TypeError):
        return Lockout()


def _save(store, lockout: Lockout) -> None:
    store.set_meta({LOCKOUT_KEY: json.dumps({"failures": lockout.failures,
                                             "locked_until": lockout.locked_until})})


class PinService:
    def __init__(self, desk: DeskThread, pin_hash: str, clock: Callable[[], float] = time.time,
                 audit: Callable | None = None):
        self.desk = desk
        self.pin_hash = pin_hash
        self.clock = clock
        self.audit = audit

    def status(self, callback: Callable[[int], None]) -> None:
        def work(store, desk):
            return _load(store).seconds_left(self.clock())

        def failed(exc):
            log.error("the staff lock-out could not be read", exc_info=(type(exc), exc, exc.__traceback__))
            callback(0)

        self.desk.call(work, callback, failed)

    def check(self, pin: str, callback: Callable[[bool, int], None]) -> None:
        pin_hash, clock, audit = self.pin_hash, self.clock, self.audit

        def work(store, desk):
            lockout = _load(store)
            now = clock()
            if lockout.is_locked(now):
                if audit is not None:
                    audit(store, "staff_pin_while_locked", f"{lockout.seconds_left(now)} s left")
                return False, lockout.seconds_left(now)
            ok = bool(pin_hash) and verify_pin(pin, pin_hash)
            lockout.record(ok, now)
            _save(store, lockout)
            if audit is not None:
                if ok:
                    audit(store, "staff_unlock", "")
                elif lockout.is_locked(now):
                    audit(store, "staff_locked_out",
                          f"{MAX_FAILURES} wrong PINs: locked for {LOCKOUT_SECONDS // 60} minutes")
                else:
                    audit(store, "staff_wrong_pin", f"{lockout.failures} of {MAX_FAILURES}")
            return ok, lockout.seconds_left(now)

        def failed(exc):
            # A PIN that cannot be checked does not unlock; the reason goes to the log.
            log.error("the staff PIN could not be checked", exc_info=(type(exc), exc, exc.__traceback__))
            callback(False, 0)

        self.desk.call(work, lambda result: callback(*result), failed)
