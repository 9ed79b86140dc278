"""Staff PINs: only a salted, slow scrypt hash is ever stored; wrong guesses lock the pad."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from kiosk.core.errors import KioskError

# scrypt at N=2**14, r=8: ~50 ms and 16 MB per guess on a kiosk PC; a 4-8 digit PIN is weak on
# its own, which is why the pad also locks after MAX_FAILURES wrong guesses.
N, R, P = 2**14, 8, 1
MAX_FAILURES = 5
LOCKOUT_SECONDS = 5 * 60
# Each lock-out after MAX_FAILURES wrong PINs lasts longer; after the last one the PIN is void
# until it is set again (`kiosk staff set-pin`): at most 20 guesses, not 5 every 5 minutes.
ESCALATION = (5 * 60, 15 * 60, 60 * 60)


def check_pin_strength(pin: str) -> str:
    """Refuse PINs found first by anyone guessing: one digit repeated, or a run (1234, 9876)."""
    pin = check_pin_format(pin)
    digits = [int(c) for c in pin]
    steps = {b - a for a, b in zip(digits, digits[1:])}
    if steps == {0}:
        raise KioskError("a staff PIN of one digit repeated is guessed first; choose another")
    if steps in ({1}, {-1}):
        raise KioskError("a staff PIN that counts up or down (1234, 9876) is guessed first; "
                         "choose another")
    return pin


@dataclass
class PinState:
    """The lock-out, derived from the append-only PIN event log; time on the monotonic clock of
    one boot of the machine (moving the wall clock changes nothing)."""

    failures: int = 0        # wrong PINs since the last lock-out, unlock or reset
    rounds: int = 0          # lock-outs since the last unlock or reset
    boot: str = ""           # the boot and monotonic moment the current lock-out counts from
    since: float = 0.0
    seconds: int = 0
    void: bool = False       # too many lock-outs, or the log was tampered with: set a new PIN
    why_void: str = ""

    def seconds_left(self, boot: str, now: float) -> int:
        """Seconds still locked; a lock-out from another boot counts again in full (the caller
        re-anchors it to this boot)."""
        if not self.seconds:
            return 0
        if boot != self.boot:
            return self.seconds
        return max(0, int(self.since + self.seconds - now + 0.999))


def fold_pin_events(events) -> PinState:
    """events: (kind, boot, mono, seconds) in order; kinds wrong, locked, rebased, unlock,
    reset."""
    state = PinState()
    for kind, boot, mono, seconds in events:
        if kind == "reset":
            state = PinState()
        elif kind == "unlock":
            state = PinState(void=state.void, why_void=state.why_void)
        elif kind == "wrong":
            state.failures += 1
        elif kind == "locked":
            state.failures = 0
            state.rounds += 1
            state.boot, state.since, state.seconds = boot, mono, int(seconds)
            if state.rounds > len(ESCALATION):
                state.void, state.why_void = True, "too many wrong PINs"
        elif kind == "rebased":
            state.boot, state.since, state.seconds = boot, mono, int(seconds)
    return state


def next_lockout(state: PinState) -> int:
    """How long the next lock-out lasts (0: the PIN becomes void instead)."""
    return ESCALATION[state.rounds] if state.rounds < len(ESCALATION) else 0


def check_pin_format(pin: str) -> str:
    pin = pin.strip()
    if not re.fullmatch(r"[0-9]{4,8}", pin):
        raise KioskError("a staff PIN is 4 to 8 digits")
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    pin = check_pin_format(pin)
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    enc = lambda b: base64.b64encode(b).decode().rstrip("=")  # noqa: E731
    return f"scrypt${N}${R}${P}${enc(salt)}${enc(digest)}"


def pin_hash_problem(stored: str) -> str | None:
    """Why a stored staff_pin_hash cannot be a hash this program wrote (None if it can)."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return "it is not an scrypt hash (scrypt$N$r$p$salt$digest)"
    try:
        n, r, p = (int(x) for x in parts[1:4])
        dec = lambda s: base64.b64decode(s + "=" * (-len(s) % 4), validate=True)  # noqa: E731
        salt, digest = dec(parts[4]), dec(parts[5])
    except (ValueError, TypeError):
        return "its numbers, salt or digest are unreadable"
    if n < 2**14 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16:
        return f"its scrypt cost (N={n}, r={r}, p={p}) is not one this program uses"
    if len(salt) < 16 or len(digest) < 32:
        return "its salt or digest is too short"
    return None


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        dec = lambda s: base64.b64decode(s + "=" * (-len(s) % 4))  # noqa: E731
        candidate = hashlib.scrypt(pin.strip().encode(), salt=dec(salt), n=int(n), r=int(r),
                                   p=int(p), dklen=len(dec(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate, dec(digest))


@dataclass
class Lockout:
    """Wrong-PIN bookkeeping; the caller persists it so a restart does not reset it."""

    failures: int = 0
    locked_until: float = 0.0  # wall-clock seconds since the epoch

    def is_locked(self, now: float) -> bool:
        return now < self.locked_until

    def seconds_left(self, now: float) -> int:
        return max(0, int(self.locked_until - now + 0.999))

    def record(self, ok: bool, now: float) -> None:
        if ok:
            self.failures, self.locked_until = 0, 0.0
            return
        self.failures += 1
        if self.failures >= MAX_FAILURES:
            self.failures = 0
            self.locked_until = now + LOCKOUT_SECONDS
