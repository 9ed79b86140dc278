"""The throwaway PostgreSQL server: a missing server skips, unless the run requires it."""

from __future__ import annotations

import pytest

from tests.helpers import pg


def test_missing_postgresql_skips_by_default(monkeypatch):
    monkeypatch.setattr(pg, "find_bindir", lambda: None)
    monkeypatch.delenv(pg.REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="not found"):
        pg._server_or_skip()


def test_missing_postgresql_fails_when_the_run_requires_it(monkeypatch):
    monkeypatch.setattr(pg, "find_bindir", lambda: None)
    monkeypatch.setenv(pg.REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="KIOSK_REQUIRE_PG=1"):
        pg._server_or_skip()
