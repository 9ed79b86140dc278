"""A venue with invented exhibitors, imported the organiser's way, for UI tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

from kiosk.wayfinding import Wayfinder
from kiosk.wayfinding.exhibitors import import_exhibitors
from kiosk.wayfinding.sample import write_sample_csv
from kiosk.wayfinding.venue import load_venue


def wayfinder_with_exhibitors(base: Path, venue: str, count: int) -> Wayfinder:
    v = load_venue(venue)
    csv_path = write_sample_csv(base / f"{venue}-exhibitors.csv", v, count)
    import_exhibitors(csv_path, v, base / "exhibitors")
    return Wayfinder.open(venue, exhibitors_dir=base / "exhibitors")
