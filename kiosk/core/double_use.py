"""Double use: one badge admitted at two kiosks when the second should have refused it.

A kiosk refuses a badge that is still inside within the anti-passback window, and any second
entry of a category without re-entry. It can only do so if it knows the first entry: its own, or
another kiosk's through the hub. A kiosk cut off from the hub (or running without one) does not,
and admits the badge again. Walking every attendee's day in time order and judging each
admission with what all kiosks together knew finds those admissions; each is reported with the
earlier one it should have been refused on account of. A staff override is deliberate and never
counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

from kiosk.core.event import EventRules
from kiosk.core.timeutil import from_utc_text

_ADMITTED = ("accepted", "reentry")


@dataclass(frozen=True)
class DoubleUse:
    day: str
    attendee_id: str
    category: str
    reason: str  # within_window or reentry_not_allowed: what the kiosk would have said
    first: Mapping  # the earlier admission (a scan row)
    second: Mapping  # the admission that should have been refused

    @property
    def seconds_apart(self) -> float:
        return (from_utc_text(self.second["at_utc"]) - from_utc_text(self.first["at_utc"])).total_seconds()


def find_double_uses(scans: Iterable[Mapping], rules: EventRules) -> list[DoubleUse]:
    """Every admission another kiosk's earlier entry should have refused; oldest first.

    ``scans`` are scan-log rows (dicts with at_utc, day, attendee_id, category, outcome, reason,
    kiosk_id, gate, venue, scan_id), in any order.
    """
    days: dict[tuple[str, str], list[Mapping]] = defaultdict(list)
    for scan in scans:
        if scan.get("attendee_id") and scan["outcome"] in (*_ADMITTED, "exited"):
            days[(scan["day"], scan["attendee_id"])].append(scan)
    found = []
    for (day, who), rows in days.items():
        rows.sort(key=lambda s: (s["at_utc"], s["scan_id"]))
        last_in = last_out = None
        for scan in rows:
            if scan["outcome"] == "exited":
                last_out = scan
                continue
            if (last_in is not None and last_in["kiosk_id"] != scan["kiosk_id"]
                    and scan.get("reason") != "staff_override"):
                category = scan.get("category") or "visitor"
                inside = last_out is None or last_in["at_utc"] > last_out["at_utc"]
                apart = from_utc_text(scan["at_utc"]) - from_utc_text(last_in["at_utc"])
                reason = None
                if inside and apart < rules.window_for(category):
                    reason = "within_window"
                elif not rules.category(category).reentry:
                    reason = "reentry_not_allowed"
                if reason:
                    found.append(DoubleUse(day=day, attendee_id=who, category=category,
                                           reason=reason, first=last_in, second=scan))
            last_in = scan
    found.sort(key=lambda d: (d.second["at_utc"], d.second["scan_id"]))
    return found
