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
