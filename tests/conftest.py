"""Shared fixtures: real event and kiosk folders in temporary directories, the QR samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.factories import make_event, make_kiosk, open_desk

REPO = Path(__file__).resolve().parent.parent

# The throwaway PostgreSQL server for the hub tests and CUPS daemon for the printing tests.
pytest_plugins = ["tests.helpers.pg", "tests.helpers.cups"]


@pytest.fixture(scope="session", autouse=True)
def hub_copies(tmp_path_factory) -> Path:
    """The copies of the hubs that the figures are counted from (kiosk.sync.hub_copy) go to a
    folder of this run, for the commands the tests start too, never to the user's cache."""
    folder = tmp_path_factory.mktemp("hub-copies")
    before = os.environ.get("KIOSK_CACHE_DIR")
    os.environ["KIOSK_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("KIOSK_CACHE_DIR", None)
    else:
        os.environ["KIOSK_CACHE_DIR"] = before


def samples_path() -> Path | None:
    configured = os.environ.get("KIOSK_QR_SAMPLES")
    candidates = [Path(configured)] if configured else []
    candidates.append(REPO.parent / "shared" / "qr-samples")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def qr_samples() -> Path:
    """The public QR photographs; skipped only where they are absent and not required."""
    path = samples_path()
    if path is None:
        if os.environ.get("KIOSK_REQUIRE_SAMPLES"):
            pytest.fail("the QR samples are required here but neither $KIOSK_QR_SAMPLES nor "
                        "../shared/qr-samples exists")
        pytest.skip("QR samples not present (set KIOSK_QR_SAMPLES)")
    return path


@pytest.fixture
def event(tmp_path):
    return make_event(tmp_path)


@pytest.fixture
def kiosk(tmp_path, event):
    return make_kiosk(tmp_path, event)


@pytest.fixture
def desk(kiosk):
    desk, store = open_desk(kiosk)
    yield desk
    store.close()
