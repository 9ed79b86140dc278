"""A throwaway PostgreSQL server for the hub tests (a pytest plugin: see tests/conftest.py).

The server runs from the system's PostgreSQL binaries (``/usr/lib/postgresql/*/bin`` or
``pg_ctl`` on PATH) with a data folder, a Unix socket and a free TCP port on 127.0.0.1 in a
temporary folder, trust authentication, and stops at the end of the session. PostgreSQL refuses to
run as root, so as root it runs as the ``postgres`` system user.

Without the binaries the hub tests are skipped, unless ``KIOSK_REQUIRE_PG=1`` (set by ``./run
test`` and CI), when they fail with a message saying what is missing.

Fixtures: ``pg_server`` (the session's server), ``hub_url`` (a fresh empty database on it for one
test) and ``own_pg_server`` (a server of the test's own, which it may stop and start).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

REQUIRE_ENV = "KIOSK_REQUIRE_PG"


def find_bindir() -> Path | None:
    """The newest PostgreSQL server binaries on this machine, or None."""
    configured = os.environ.get("KIOSK_PG_BINDIR")
    candidates = [Path(configured)] if configured else []

    def version(path: str) -> float:
        try:
            return float(Path(path).parent.name)
        except ValueError:
            return 0.0

    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version,
                                             reverse=True)]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One PostgreSQL cluster in a temporary folder; ``start``/``stop`` may be called again."""

    def __init__(self, bindir: Path, *, fsync: bool = False):
        self.bindir = bindir
        self.fsync = fsync
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.running = False
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root, and there is no 'postgres' user to run "
                                   "PostgreSQL as (install the postgresql package)") from None
            os.chown(self.root, account.pw_uid, account.pw_gid)
            if shutil.which("runuser"):
                self._as_user = ["runuser", "-u", "postgres", "--"]
            else:
                self._as_user = ["setpriv", f"--reuid={account.pw_uid}",
                                 f"--regid={account.pw_gid}", "--init-groups"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")

    def _run(self, tool: str, *args: str) -> None:
        cmd = [*self._as_user, str(self.bindir / tool), *args]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed ({result.returncode}): {result.stderr.strip()}"
                               f"\n{log}")

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=200 -c shared_buffers=64MB")
        if not self.fsync:
            options += " -F -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                  "-o", options, "start")
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        if self.running:
            self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-m", mode, "stop")
            self.running = False

    def destroy(self) -> None:
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        import psycopg

        name = "hub_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _server_or_skip(**kwargs) -> PgServer:
    bindir = find_bindir()
    if bindir is None:
        message = ("PostgreSQL server binaries (initdb, pg_ctl) not found in "
                   "/usr/lib/postgresql/*/bin or on PATH; install the postgresql package")
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(message + f" ({REQUIRE_ENV}=1 requires the hub tests to run)")
        pytest.skip(message)
    try:
        server = PgServer(bindir, **kwargs)
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"could not start a throwaway PostgreSQL server: {exc}")
        pytest.skip(f"could not start a throwaway PostgreSQL server: {exc}")
    return server


@pytest.fixture(scope="session")
def pg_server():
    server = _server_or_skip()
    yield server
    server.destroy()


@pytest.fixture
def hub_url(pg_server):
    """A fresh, empty database on the session's server (``kiosk hub init`` not yet run)."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def own_pg_server():
    """A server for one test alone, which it may stop and start again."""
    server = _server_or_skip()
    yield server
    server.destroy()
