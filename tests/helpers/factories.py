"""Building real event and kiosk folders for tests (no fakes: real files, real SQLite)."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.core.timeutil import zone
from kiosk.organiser.eventdir import EventFolder
from kiosk.organiser.kioskdir import KioskFolder, build_desk, init_kiosk
from kiosk.organiser.roster_import import import_roster

DAYS = [date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)]

ROSTER = [
    # id, name, category, company, days, venues, name_ur, name_zh
    ("V-001", "Ahmed Khan", "visitor", "Ravi Data Labs", "", "", "احمد خان", ""),
    ("V-002", "Ayesha Malik", "visitor", "", "", "", "عائشہ ملک", ""),
    ("V-003", "Day Two Only", "visitor", "", "2026-12-02", "", "", ""),
    ("V-004", "Karachi Only", "visitor", "", "", "karachi", "", ""),
    ("E-001", "Wang Wei", "exhibitor", "Silk Road Electronics", "", "", "", "王伟"),
    ("P-001", "Sana Qureshi", "vip", "Margalla Networks", "", "", "ثنا قریشی", ""),
    ("M-001", "Press Person", "media", "Mall Road Media", "", "", "", ""),
    ("S-001", "Speaker One", "speaker", "", "", "", "", ""),
    ("T-001", "Staff One", "staff", "", "", "", "", ""),
    ("O-001", "Organiser One", "organiser", "", "", "", "", ""),
]


def write_roster_csv(path: Path, rows=ROSTER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name", "category", "company", "days", "venues", "name_ur", "name_zh"])
        writer.writerows(rows)
    return path


def make_event(base: Path, *, days=DAYS, venues=("lahore", "karachi"), hours="10:00-18:00",
               categories=None, roster=ROSTER, **extra) -> EventFolder:
    folder = EventFolder.create(
        base / "event", name="ITCN Asia Test", days=list(days), venues=list(venues), hours=hours,
        categories=categories or {"exhibitor": {"early_entry_minutes": 120},
                                  "vip": {"reentry": False}},
        help_point="the registration desk at Gate 1", **extra)
    if roster:
        csv_path = write_roster_csv(base / "roster.csv", roster)
        with folder.store() as store:
            report = import_roster(csv_path, store, folder.rules)
        assert not report.rejected, report.rejected
    return folder


def make_kiosk(base: Path, event: EventFolder, *, name="kiosk-1", venue="lahore", gate="Gate 1",
               role="entry", full_roster=False) -> KioskFolder:
    init_kiosk(base / name, event, kiosk_id=name, venue=venue, gate=gate, role=role,
               full_roster=full_roster)
    return KioskFolder.open(base / name)


def local(day: date, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    """A moment in Asia/Karachi time, as the kiosk's clock would give it (aware)."""
    return datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=zone("Asia/Karachi"))


def open_desk(kiosk: KioskFolder, **kwargs):
    store = kiosk.open_store()
    return build_desk(kiosk, store, **kwargs), store


__all__ = ["DAYS", "ROSTER", "make_event", "make_kiosk", "local", "open_desk", "timedelta"]
