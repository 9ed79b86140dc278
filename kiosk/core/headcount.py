"""The headcount: what it counts, and the one result type every store answers with.

kiosk.db, a merged database and the PostgreSQL hub each answer from their derived tables
(kiosk/storage/schema.py keeps them with triggers; merges and the hub's copy feed the same
shape); a plain-Python statement of the same meaning lives with the tests
(tests/helpers/oracles.py), which hold every store to it.

For the event day D that contains the moment ``at`` (its local date in the event's zone; with
``checkout_all_at`` set, the day runs from that local time to the same time the next morning, so
everybody still inside is checked out then), counting scans up to ``at``:
- ``unique_checked_in``: attendees with an entry (accepted or re-entry) on D;
- ``inside_now``: of those, the ones whose last entry is later than their last exit;
- ``accepted_scans`` / ``refused_scans`` / ``exit_scans``: entries, refusals (everything that did
  not let someone through, duplicates included) and exits on D;
- ``by_category``: unique checked in per category;
- ``by_kiosk`` / ``by_gate`` / ``by_hour``: attendees by where and in which local hour they first
  entered on D (so each sums to ``unique_checked_in``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.core.outcomes import ENTRIES, PASSING

_ENTRY_WORDS = frozenset(o.value for o in ENTRIES)
_PASSING_WORDS = frozenset(o.value for o in PASSING)


@dataclass
class Headcount:
    day: str
    at: str
    unique_checked_in: int = 0
    inside_now: int = 0
    accepted_scans: int = 0
    refused_scans: int = 0
    duplicate_scans: int = 0  # of the refused: the same badge again (harmless; amber, not red)
    exit_scans: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_kiosk: dict[str, int] = field(default_factory=dict)
    by_gate: dict[str, int] = field(default_factory=dict)
    by_hour: dict[str, int] = field(default_factory=dict)
    source: str = ""

    def to_json(self) -> dict:
        return {
            "day": self.day,
            "at": self.at,
            "source": self.source,
            "unique_checked_in": self.unique_checked_in,
            "inside_now": self.inside_now,
            "accepted_scans": self.accepted_scans,
            "refused_scans": self.refused_scans,
            "duplicate_scans": self.duplicate_scans,
            "exit_scans": self.exit_scans,
            "by_category": dict(sorted(self.by_category.items())),
            "by_kiosk": dict(sorted(self.by_kiosk.items())),
            "by_gate": dict(sorted(self.by_gate.items())),
            "by_hour": dict(sorted(self.by_hour.items())),
        }
