"""Headcount maths, defined once over plain scan rows.

Every store (kiosk.db, a merged database, the PostgreSQL hub) answers the same questions with
its own fast query; this reference implementation states what those answers mean, and tests
hold the fast ones to it.

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

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Iterable, Mapping

from kiosk.core.outcomes import ENTRIES, PASSING, Outcome
from kiosk.core.timeutil import event_day, from_utc_text, local_hour_label, to_utc_text

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


def headcount_from_scans(scans: Iterable[Mapping], at: datetime, tz_name: str,
                         checkout: time | None = None) -> Headcount:
    """Reference headcount over scan rows (dicts with the scan log's columns); ``checkout`` is
    the event's checkout_all_at."""
    day = event_day(at, tz_name, checkout).isoformat()
    until = to_utc_text(at)
    result = Headcount(day=day, at=until)
    first: dict[str, tuple[str, Mapping]] = {}
    last_in: dict[str, str] = {}
    last_out: dict[str, str] = {}
    for scan in scans:
        if scan["day"] != day or scan["at_utc"] > until:
            continue
        outcome = scan["outcome"]
        who = scan["attendee_id"]
        if outcome in _ENTRY_WORDS:
            result.accepted_scans += 1
            if who is not None:
                if who not in first or scan["at_utc"] < first[who][0]:
                    first[who] = (scan["at_utc"], scan)
                last_in[who] = max(last_in.get(who, ""), scan["at_utc"])
        elif outcome == Outcome.EXITED.value:
            result.exit_scans += 1
            if who is not None:
                last_out[who] = max(last_out.get(who, ""), scan["at_utc"])
        elif outcome not in _PASSING_WORDS:
            result.refused_scans += 1
            if outcome == Outcome.DUPLICATE.value:
                result.duplicate_scans += 1
    result.unique_checked_in = len(first)
    result.inside_now = sum(1 for who, t in last_in.items() if t > last_out.get(who, ""))
    result.by_category = dict(Counter(s["category"] or "" for _, s in first.values()))
    result.by_kiosk = dict(Counter(s["kiosk_id"] for _, s in first.values()))
    result.by_gate = dict(Counter(s["gate"] or "" for _, s in first.values()))
    result.by_hour = dict(
        Counter(local_hour_label(from_utc_text(t), tz_name) for t, _ in first.values())
    )
    return result
