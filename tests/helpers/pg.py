"""A throwaway PostgreSQL server for the hub tests (a pytest plugin: see tests/conftest.py).

The server is kiosk/sync/pgserver.py's (the one `kiosk rehearse` starts): the system's newest
PostgreSQL binaries ($KIOSK_PG_BINDIR first), a temporary folder, a free port on 127.0.0.1, run as
the ``postgres`` user when root; the session's one stops at the end of the session.

Without the binaries the hub tests are skipped, unless ``KIOSK_REQUIRE_PG=1`` (set by ``./run
test`` and CI), when they fail with a message saying what is missing.

Fixtures: ``pg_server`` (the session's server), ``hub_url`` (a fresh empty database on it for one
test) and ``own_pg_server`` (a server of the test's own, which it may stop and start).
"""

from __future__ import annotations

import os
import subprocess

import pytest

from kiosk.sync.pgserver import PgServer, PgServerError, find_bindir, free_port  # noqa: F401

REQUIRE_ENV = "KIOSK_REQUIRE_PG"


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
    except (PgServerError, OSError, subprocess.SubprocessError) as exc:
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
