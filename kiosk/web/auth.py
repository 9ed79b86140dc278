"""The staff password of the web dashboard: a slow salted scrypt hash in a file of its own.

Where the file lives follows the source: ``web-password`` in a kiosk folder, ``MERGED.db.web-
password`` beside a merged database; for the hub (or to choose) ``--password-file``. The file is
written atomically, readable by its owner only, and holds nothing but the hash.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
import threading
import time
from pathlib import Path

from kiosk.core.errors import KioskError
import hmac

# scrypt at N=2**15, r=8: about 100 ms and 32 MB per guess.
N, R, P = 2**15, 8, 1
MIN_LENGTH = 10
MAX_LENGTH = 200
MAX_FAILURES = 5
LOCKOUT_SECONDS = 60.0
PASSWORD_FILE = "web-password"


def password_path(*, kiosk: Path | None = None, db: Path | None = None,
                  password_file: Path | None = None) -> Path:
    if password_file is not None:
        return Path(password_file)
    if kiosk is not None:
        return Path(kiosk) / PASSWORD_FILE
    if db is not None:
        db = Path(db)
        return db.with_name(db.name + "." + PASSWORD_FILE)
    raise KioskError("with --hub, say where the staff password is kept: --password-file FILE")


def check_password_format(password: str) -> str:
    password = password.rstrip("\r\n")
    if len(password) < MIN_LENGTH:
        raise KioskError(f"a staff password has at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise KioskError(f"a staff password has at most {MAX_LENGTH} characters")
    return password


def hash_password(password: str, salt: bytes | None = None) -> str:
    password = check_password_format(password)
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32,
                            maxmem=64 * 1024 * 1024)
    enc = lambda b: base64.b64encode(b).decode().rstrip("=")  # noqa: E731
    return f"scrypt${N}${R}${P}${enc(salt)}${enc(digest)}"


def verify_password(password: str, stored: str) -> bool:
    if not stored or not password or len(password) > MAX_LENGTH:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        dec = lambda s: base64.b64decode(s + "=" * (-len(s) % 4))  # noqa: E731
        candidate = hashlib.scrypt(password.encode(), salt=dec(salt), n=int(n), r=int(r),
                                   p=int(p), dklen=len(dec(digest)), maxmem=64 * 1024 * 1024)
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(candidate, dec(digest))


def write_password_file(path: Path, password: str) -> None:
    hashed = hash_password(password)
    path = Path(path)
    if not path.parent.is_dir():
        raise KioskError(f"no folder {path.parent} to keep the staff password in")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".web-password-")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(hashed + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_password_file(path: Path) -> str:
    try:
        text = Path(path).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as exc:
        raise KioskError(f"cannot read the staff password file {path}: {exc}") from None
    if text and not text.startswith("scrypt$"):
        raise KioskError(f"{path} does not hold a staff password hash")
    return text


class Throttle:
    """Wrong passwords: after MAX_FAILURES in a row, every try is refused for a minute."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0
        self.lock = threading.Lock()

    def locked(self) -> bool:
        with self.lock:
            return self.clock() < self.locked_until

    def record(self, ok: bool) -> None:
        with self.lock:
            if ok:
                self.failures = 0
                return
            self.failures += 1
            if self.failures >= MAX_FAILURES:
                self.failures = 0
                self.locked_until = self.clock() + LOCKOUT_SECONDS
