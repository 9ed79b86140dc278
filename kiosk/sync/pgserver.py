"""A throwaway PostgreSQL server: `kiosk rehearse` without --hub, and the hub tests.

The server runs from the system's PostgreSQL binaries (``$KIOSK_PG_BINDIR``, else the newest
``/usr/lib/postgresql/*/bin``, else ``pg_ctl`` on PATH) with a data folder, a Unix socket and a
free TCP port on 127.0.0.1 in a temporary folder, and trust authentication. PostgreSQL refuses to
run as root, so as root it runs as the ``postgres`` system user. ``start``, ``stop`` and
``restart`` may be called again; ``destroy`` stops it and removes its folder.
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

from kiosk.core.errors import KioskError

BINDIR_ENV = "KIOSK_PG_BINDIR"


class PgServerError(KioskError):
    """The throwaway server could not be made, started or stopped (one line and the log's tail)."""


def find_bindir() -> Path | None:
    """The newest PostgreSQL server binaries on this machine, or None."""
    configured = os.environ.get(BINDIR_ENV)
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


def require_bindir() -> Path:
    bindir = find_bindir()
    if bindir is None:
        raise PgServerError("PostgreSQL server binaries (initdb, pg_ctl) not found in "
                            f"${BINDIR_ENV}, /usr/lib/postgresql/*/bin or on PATH; install the "
                            "postgresql package or give a hub with --hub URL")
    return bindir


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One PostgreSQL cluster in a temporary folder; ``start``/``stop`` may be called again."""

    def __init__(self, bindir: Path | None = None, *, fsync: bool = False,
                 max_connections: int = 200):
        self.bindir = bindir or require_bindir()
        self.fsync = fsync
        self.max_connections = max_connections
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.running = False
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(self.root, ignore_errors=True)
                raise PgServerError("running as root, and there is no 'postgres' user to run "
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
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.SubprocessError) as exc:
            raise PgServerError(f"{tool} could not run: {exc}") from None
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PgServerError(f"{tool} failed ({result.returncode}): {result.stderr.strip()}"
                                f"\n{log}")

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   f"-c max_connections={self.max_connections} -c shared_buffers=64MB")
        if not self.fsync:
            options += " -F -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                  "-o", options, "start")
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        if self.running:
            self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-m", mode, "stop")
            self.running = False

    def restart(self, mode: str = "fast") -> None:
        self.stop(mode)
        self.start()

    def destroy(self) -> None:
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "PgServer":
        if not self.running:
            self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.destroy()

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
