"""A throwaway CUPS daemon for the printing tests (a pytest plugin: see tests/conftest.py).

``cupsd`` from Debian's ``cups`` package runs in the foreground from a temporary folder: its own
configuration, spool, cache and logs, listening only on a Unix socket there. CUPS runs no job as
root, so jobs run as ``lp``; ``FileDevice Yes`` allows a ``file:`` device (a queue whose "paper" is
a file) and ``PreserveJobFiles Yes`` keeps every document submitted, so a test can read exactly
what CUPS received. Clients reach it through ``CUPS_SERVER`` (the socket's path), as every CUPS
client does.

Without ``cupsd`` the printing tests are skipped, unless ``KIOSK_REQUIRE_PG=1`` (set by ``./run
test`` and CI), when they fail with a message saying what is missing.

Fixtures: ``cups_server`` (the session's daemon) and ``cups_queue`` (a fresh queue on a
``file:`` device for one test, with ``CUPS_SERVER`` set while the test runs).
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

REQUIRE_ENV = "KIOSK_REQUIRE_PG"


def find_cupsd() -> str | None:
    for candidate in (shutil.which("cupsd"), "/usr/sbin/cupsd"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class CupsServer:
    """One cupsd in a temporary folder, reached at ``self.socket``."""

    def __init__(self, cupsd: str):
        self.cupsd = cupsd
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        os.chmod(self.root, 0o755)
        self.socket = self.root / "cups.sock"
        self.spool = self.root / "spool"
        self.output = self.root / "output"
        self.log = self.root / "log"
        self.process: subprocess.Popen | None = None
        try:
            account = pwd.getpwnam("lp")
        except KeyError:
            raise RuntimeError("there is no 'lp' user to run print jobs as (install cups)") from None
        for folder in (self.spool, self.spool / "tmp", self.log, self.root / "cache",
                       self.root / "state", self.root / "etc" / "ppd", self.root / "etc" / "ssl",
                       self.output):
            folder.mkdir(parents=True, exist_ok=True)
        for folder in (self.spool, self.spool / "tmp", self.output):
            os.chown(folder, account.pw_uid, account.pw_gid)
            os.chmod(folder, 0o1777 if folder == self.spool / "tmp" else 0o775)
        etc = self.root / "etc"
        (etc / "cupsd.conf").write_text(
            f"Listen {self.socket}\n"
            "ServerName localhost\n"
            "LogLevel warn\n"
            "PreserveJobFiles Yes\n"
            "PreserveJobHistory Yes\n"
            "MaxJobs 0\n"
            "JobRetryInterval 1\n"
            "Browsing No\n"
            "DefaultAuthType None\n"
            "WebInterface No\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n"
            "  <Limit All>\n    Order deny,allow\n  </Limit>\n"
            "</Policy>\n")
        (etc / "cups-files.conf").write_text(
            "User lp\n"
            "Group lp\n"
            "SystemGroup root\n"
            "FileDevice Yes\n"
            f"ServerRoot {etc}\n"
            f"RequestRoot {self.spool}\n"
            f"TempDir {self.spool / 'tmp'}\n"
            f"CacheDir {self.root / 'cache'}\n"
            f"StateDir {self.root / 'state'}\n"
            f"AccessLog {self.log / 'access_log'}\n"
            f"ErrorLog {self.log / 'error_log'}\n"
            f"PageLog {self.log / 'page_log'}\n")
        shutil.copy("/usr/share/cups/mime/mime.types", etc / "mime.types") \
            if Path("/usr/share/cups/mime/mime.types").exists() else None

    @property
    def env(self) -> dict[str, str]:
        return {"CUPS_SERVER": str(self.socket)}

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.cupsd, "-f", "-c", str(self.root / "etc" / "cupsd.conf"),
             "-s", str(self.root / "etc" / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cupsd exited ({self.process.returncode}): "
                                   f"{self.process.stderr.read().strip()} {self.error_log()}")
            if self.socket.exists() and self.lp("lpstat", "-r").returncode == 0:
                return
            time.sleep(0.05)
        raise RuntimeError(f"cupsd did not answer within 30 s: {self.error_log()}")

    def error_log(self) -> str:
        path = self.log / "error_log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def lp(self, *cmd: str) -> subprocess.CompletedProcess:
        """Run a CUPS client command against this daemon."""
        return subprocess.run(list(cmd), capture_output=True, text=True, timeout=60,
                              env={**os.environ, **self.env})

    def add_queue(self, name: str | None = None, *, model: str = "raw") -> "Queue":
        name = name or "badge-" + uuid.uuid4().hex[:8]
        out = self.output / f"{name}.out"
        out.touch()
        account = pwd.getpwnam("lp")
        os.chown(out, account.pw_uid, account.pw_gid)
        result = self.lp("lpadmin", "-p", name, "-v", f"file://{out}", "-m", model, "-E")
        if result.returncode != 0:
            raise RuntimeError(f"lpadmin failed: {result.stderr.strip()}")
        return Queue(self, name, out)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def destroy(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class Queue:
    server: CupsServer
    name: str
    device_file: Path

    def job_files(self, job_id: int) -> list[Path]:
        """The documents CUPS received for a job (kept by PreserveJobFiles)."""
        return sorted(self.server.spool.glob(f"d{job_id:05d}-*"))

    def disable(self, reason: str = "media-empty-error") -> None:
        """Stop the queue as a printer out of paper does (CUPS keeps accepting jobs)."""
        result = self.server.lp("cupsdisable", "-r", reason, self.name)
        assert result.returncode == 0, result.stderr

    def enable(self) -> None:
        result = self.server.lp("cupsenable", self.name)
        assert result.returncode == 0, result.stderr

    def wait_done(self, job_id: int, timeout: float = 30) -> str:
        """Wait until a job leaves the queue; its final state ("completed", "aborted"...)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            listed = self.server.lp("lpstat", "-W", "not-completed", "-o", self.name).stdout
            if f"{self.name}-{job_id} " not in listed:
                return "done"
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} still queued after {timeout} s: "
                             f"{self.server.error_log()}")


def _server_or_skip() -> CupsServer:
    cupsd = find_cupsd()
    if cupsd is None:
        message = "cupsd not found; install the cups and cups-client packages"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(message + f" ({REQUIRE_ENV}=1 requires the printing tests to run)")
        pytest.skip(message)
    if shutil.which("lp") is None:
        message = "the CUPS client (lp) not found; install the cups-client package"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(message)
        pytest.skip(message)
    try:
        server = CupsServer(cupsd)
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"could not start a throwaway CUPS daemon: {exc}")
        pytest.skip(f"could not start a throwaway CUPS daemon: {exc}")
    return server


@pytest.fixture(scope="session")
def cups_server():
    server = _server_or_skip()
    yield server
    server.destroy()


@pytest.fixture
def cups_queue(cups_server, monkeypatch):
    """A fresh raw queue printing into a file, with CUPS_SERVER naming the test daemon."""
    monkeypatch.setenv("CUPS_SERVER", str(cups_server.socket))
    queue = cups_server.add_queue()
    yield queue
    cups_server.lp("cancel", "-a", queue.name)
    cups_server.lp("lpadmin", "-x", queue.name)
