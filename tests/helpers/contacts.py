"""A roster with e-mail addresses and phone numbers, as registration exports carry them."""

from __future__ import annotations

import csv
from pathlib import Path

from kiosk.organiser.roster_import import import_roster

CONTACTS = [
    # id, name, category, company, email, phone
    ("C-001", "Ayesha Siddiqui", "visitor", "Indus Cloud", "Ayesha.S@Example.PK", "0300-1234567"),
    ("C-002", "Bilal Ahmed", "visitor", "", "shared@example.com", "+92 321 7654321"),
    ("C-003", "Bilal Ahmed Jr", "visitor", "", "shared@example.com", ""),
    ("C-004", "王伟", "exhibitor", "Silk Road Electronics", "wang@example.cn", "+86 138 0013 8000"),
]


def add_contacts(event, base: Path, rows=CONTACTS) -> None:
    path = base / "contacts.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Registration No", "Full Name", "Ticket Type", "Company", "Email", "Phone"])
        writer.writerows(rows)
    with event.store() as store:
        report = import_roster(path, store, event.rules)
    assert not report.rejected, report.rejected
