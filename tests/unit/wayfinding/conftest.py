"""Venues loaded once per test session (loading is read-only; routes and searches do not mutate)."""

from __future__ import annotations

import pytest

from kiosk.wayfinding import Wayfinder
from kiosk.wayfinding.exhibitors import import_exhibitors
from kiosk.wayfinding.sample import write_sample_csv
from kiosk.wayfinding.venue import load_venue
from tests.helpers.imdf import write_tiny_venue


@pytest.fixture(scope="session")
def lahore():
    return load_venue("lahore")


@pytest.fixture(scope="session")
def karachi():
    return load_venue("karachi")


@pytest.fixture(scope="session")
def karachi_finder(tmp_path_factory, karachi):
    """Karachi with 1,000 invented exhibitors imported the way the organiser does it."""
    base = tmp_path_factory.mktemp("karachi-exhibitors")
    csv_path = write_sample_csv(base / "exhibitors.csv", karachi, 1000)
    import_exhibitors(csv_path, karachi, base / "exhibitors")
    return Wayfinder.open("karachi", exhibitors_dir=base / "exhibitors")


@pytest.fixture
def tiny(tmp_path):
    return load_venue(write_tiny_venue(tmp_path / "tiny"))
