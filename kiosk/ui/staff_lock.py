"""The staff PIN check, run in the database thread (scrypt is slow on purpose) with the
wrong-guess lockout kept in kiosk.db, so that restarting the kiosk does not reset it."""

from __future__ import annotations

import json
import logging
import time
from typing import Callable

from kiosk.core.pin import MAX_FAILURES, fold_pin_events, next_lockout, verify_pin
from kiosk.ui.workers import DeskThread

LOCKOUT_KEY = "staff_lockout"  # schema 3's lock-out (a meta row); no longer read
VOID = -1  # seconds_locked meaning: the PIN is void until it is set again
log = logging.getLogger("kiosk.ui")


def boot_id() -> str:
    """This boot of the machine: monotonic times compare only within one."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as fh:
            return fh.read().strip()
    except OSError:
        import psutil

        return f"boot-{int(psutil.boot_time())}"


def boot_clock() -> float:
    """Seconds on a clock that no one can set and that runs on through suspend."""
    clock = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(clock) if clock is not None else time.monotonic()


def _state(store):
    from kiosk.services.staff import pin_events

    events, tampered = pin_events(store)
    state = fold_pin_events(events)
    if tampered:
        state.void, state.why_void = True, tampered
    return state


class PinService:
    """Checks a PIN on the database thread. Lock-outs escalate (5, 15, 60 minutes, then the PIN
    is void until `kiosk staff set-pin`), are derived from kiosk.db's append-only PIN log and
    measured on the machine's boot clock: deleting a row or moving the clock lifts nothing."""

    def __init__(self, desk: DeskThread, pin_hash: str, clock: Callable[[], float] = boot_clock,
                 audit: Callable | None = None, boot: Callable[[], str] = boot_id):
        self.desk = desk
        self.pin_hash = pin_hash
        self.clock = clock
        self.audit = audit
        self.boot = boot

    def _left(self, store, state, now: float, boot: str) -> int:
        from kiosk.services.staff import add_pin_event

        if state.void:
            return VOID
        left = state.seconds_left(boot, now)
        if left and state.boot != boot:  # a restart of the machine: the lock-out counts again
            add_pin_event(store, "rebased", boot, now, state.seconds)
        return left

    def status(self, callback: Callable[[int], None]) -> None:
        def work(store, desk):
            return self._left(store, _state(store), self.clock(), self.boot())

        def failed(exc):
            log.error("the staff lock-out could not be read", exc_info=(type(exc), exc, exc.__traceback__))
            callback(0)

        self.desk.call(work, callback, failed)

    def check(self, pin: str, callback: Callable[[bool, int], None]) -> None:
        pin_hash, audit = self.pin_hash, self.audit

        def work(store, desk):
            from kiosk.services.staff import add_pin_event

            state = _state(store)
            now, boot = self.clock(), self.boot()
            left = self._left(store, state, now, boot)
            if left:
                if audit is not None:
                    audit(store, "staff_pin_while_locked", state.why_void if left == VOID
                          else f"{left} s left")
                return False, left
            ok = bool(pin_hash) and verify_pin(pin, pin_hash)
            if ok:
                add_pin_event(store, "unlock", boot, now)
                if audit is not None:
                    audit(store, "staff_unlock", "")
                return True, 0
            add_pin_event(store, "wrong", boot, now)
            failures = state.failures + 1
            if failures < MAX_FAILURES:
                if audit is not None:
                    audit(store, "staff_wrong_pin", f"{failures} of {MAX_FAILURES}")
                return False, 0
            seconds = next_lockout(state)
            add_pin_event(store, "locked", boot, now, seconds)
            if not seconds:
                if audit is not None:
                    audit(store, "staff_pin_void", f"{MAX_FAILURES} wrong PINs after "
                          f"{state.rounds} lock-outs: set a new PIN with kiosk staff set-pin")
                return False, VOID
            if audit is not None:
                audit(store, "staff_locked_out",
                      f"{MAX_FAILURES} wrong PINs: locked for {seconds // 60} minutes")
            return False, seconds

        def failed(exc):
            # A PIN that cannot be checked does not unlock; the reason goes to the log.
            log.error("the staff PIN could not be checked", exc_info=(type(exc), exc, exc.__traceback__))
            callback(False, 0)

        self.desk.call(work, lambda result: callback(*result), failed)
