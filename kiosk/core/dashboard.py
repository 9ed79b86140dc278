"""What the staff dashboard shows, defined once over plain scan rows.

The headcount itself is kiosk.core.headcount's. On top of it the dashboard shows:

- ``inside_by_gate``: of the attendees inside now (their last entry is later than their last
  exit, today), how many last came in through each gate; of two entries at the same moment the
  greater gate name counts, so the answer never depends on the order scans arrive in;
- hall occupancy: those gates summed per hall (``HallMap``), against each hall's capacity, with a
  warning from 90 % and an alarm from 100 %;
- ``arrivals``: first entries of the day per local quarter hour ('HH:MM'), today's and, for
  comparison, yesterday's whole day;
- the most recent scans of the day, with the holder's name (for staff eyes only).

Every store (kiosk.db, a merged database, the hub) answers with its own fast query; the reference
functions here state what the answers mean, and tests hold the fast ones to them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Mapping

from kiosk.core.headcount import Headcount
from kiosk.core.outcomes import ENTRIES, Outcome
from kiosk.core.timeutil import event_day, from_utc_text, to_utc_text, zone

WARNING_SHARE = 0.9  # a hall at 90 % of its capacity or more: warn
ALARM_SHARE = 1.0    # full

_ENTRY_WORDS = frozenset(o.value for o in ENTRIES)
_EXITED = Outcome.EXITED.value


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def quarter_label(moment: datetime, tz_name: str) -> str:
    """The local quarter hour a moment falls in: 10:44 -> '10:30'."""
    local = moment.astimezone(zone(tz_name))
    return f"{local.hour:02d}:{local.minute // 15 * 15:02d}"


def occupancy_level(inside: int, capacity: int | None) -> str:
    """'ok', 'warning' (from 90 % of capacity), 'alarm' (from 100 %), or 'none' (no capacity)."""
    if not capacity:
        return "none"
    share = inside / capacity
    if share >= ALARM_SHARE:
        return "alarm"
    if share >= WARNING_SHARE:
        return "warning"
    return "ok"


@dataclass(frozen=True)
class HallOccupancy:
    hall: str
    inside: int
    capacity: int | None
    gates: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        return occupancy_level(self.inside, self.capacity)

    @property
    def percent(self) -> int | None:
        if not self.capacity:
            return None
        return int(self.inside * 100 // self.capacity)

    def to_json(self) -> dict:
        return {"hall": self.hall, "inside": self.inside, "capacity": self.capacity,
                "percent": self.percent, "level": self.level, "gates": list(self.gates)}


@dataclass(frozen=True)
class HallMap:
    """Which gate leads into which hall, and each hall's capacity (both from event.toml).

    A gate listed under a hall in ``[hall_gates]`` leads into it; a gate not listed but named like
    a hall ("Hall 2") leads into that hall. Names match ignoring case and repeated spaces.
    """

    capacity: Mapping[str, int] = field(default_factory=dict)
    hall_gates: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, capacity: Mapping[str, int] | None = None,
              hall_gates: Mapping[str, Iterable[str]] | None = None) -> "HallMap":
        return cls(dict(capacity or {}),
                   {hall: tuple(gates) for hall, gates in (hall_gates or {}).items()})

    @property
    def halls(self) -> list[str]:
        names = list(self.capacity)
        names += [h for h in self.hall_gates if h not in self.capacity]
        return names

    def hall_of(self, gate: str) -> str | None:
        wanted = _key(gate)
        if not wanted:
            return None
        for hall, gates in self.hall_gates.items():
            if any(_key(g) == wanted for g in gates):
                return hall
        for hall in self.halls:
            if _key(hall) == wanted:
                return hall
        return None

    def occupancy(self, inside_by_gate: Mapping[str, int]) -> tuple[list[HallOccupancy], dict[str, int]]:
        """Each hall's occupancy (in the order of event.toml), and the gates that lead into no
        hall with how many came in through them."""
        inside: Counter = Counter()
        gates: dict[str, list[str]] = {hall: [] for hall in self.halls}
        elsewhere: dict[str, int] = {}
        for gate, n in inside_by_gate.items():
            hall = self.hall_of(gate)
            if hall is None:
                if n:
                    elsewhere[gate] = n
                continue
            inside[hall] += n
            gates[hall].append(gate)
        halls = [HallOccupancy(hall, inside[hall], self.capacity.get(hall), tuple(sorted(gates[hall])))
                 for hall in self.halls]
        return halls, elsewhere


@dataclass(frozen=True)
class RecentScan:
    at_utc: str
    outcome: str
    reason: str
    attendee_id: str | None
    name: str
    category: str | None
    kiosk_id: str
    gate: str
    method: str = ""

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class DashboardData:
    """One refresh of the dashboard. ``scope`` says whose numbers these are: ``kiosk`` (this
    kiosk's log), ``hub`` (every kiosk's, from the hub), ``merged`` (a merged database), or
    ``kiosk_only`` (a kiosk with a hub that could not be reached: its own numbers)."""

    headcount: Headcount
    timezone: str
    scope: str
    source: str = ""
    kiosk_id: str = ""
    kiosks: int = 0
    problem: str = ""
    inside_by_gate: dict[str, int] = field(default_factory=dict)
    halls: list[HallOccupancy] = field(default_factory=list)
    inside_elsewhere: dict[str, int] = field(default_factory=dict)
    arrivals_today: dict[str, int] = field(default_factory=dict)
    arrivals_yesterday: dict[str, int] = field(default_factory=dict)
    recent: list[RecentScan] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def day(self) -> str:
        return self.headcount.day

    def place_halls(self, halls: HallMap) -> None:
        self.halls, self.inside_elsewhere = halls.occupancy(self.inside_by_gate)

    def to_json(self) -> dict:
        return {
            "scope": self.scope, "source": self.source, "kiosk_id": self.kiosk_id,
            "kiosks": self.kiosks, "problem": self.problem, "timezone": self.timezone,
            "headcount": self.headcount.to_json(),
            "inside_by_gate": dict(sorted(self.inside_by_gate.items())),
            "halls": [h.to_json() for h in self.halls],
            "inside_elsewhere": dict(sorted(self.inside_elsewhere.items())),
            "arrivals_today": dict(sorted(self.arrivals_today.items())),
            "arrivals_yesterday": dict(sorted(self.arrivals_yesterday.items())),
            "recent": [r.to_json() for r in self.recent],
            "seconds": self.seconds,
        }


# -- the reference definitions --------------------------------------------------------------------
def _day_scans(scans: Iterable[Mapping], at: datetime, tz_name: str, checkout=None):
    day = event_day(at, tz_name, checkout).isoformat()
    until = to_utc_text(at)
    return [s for s in scans if s["day"] == day and s["at_utc"] <= until]


def inside_by_gate_from_scans(scans: Iterable[Mapping], at: datetime, tz_name: str,
                              checkout=None) -> dict[str, int]:
    """Reference: attendees inside at ``at``, by the gate of their latest entry that (event)
    day; ``checkout`` is the event's checkout_all_at (kiosk.core.timeutil.event_day)."""
    last_in: dict[str, tuple[str, str]] = {}
    last_out: dict[str, str] = {}
    for scan in _day_scans(scans, at, tz_name, checkout):
        who = scan["attendee_id"]
        if who is None:
            continue
        if scan["outcome"] in _ENTRY_WORDS:
            candidate = (scan["at_utc"], scan["gate"] or "")
            if who not in last_in or candidate > last_in[who]:
                last_in[who] = candidate
        elif scan["outcome"] == _EXITED:
            last_out[who] = max(last_out.get(who, ""), scan["at_utc"])
    counts: Counter = Counter(gate for who, (t, gate) in last_in.items() if t > last_out.get(who, ""))
    return dict(counts)


def arrivals_from_scans(scans: Iterable[Mapping], at: datetime, tz_name: str) -> dict[str, int]:
    """Reference: first entries of the local day of ``at`` (up to ``at``) per quarter hour."""
    first: dict[str, str] = {}
    for scan in _day_scans(scans, at, tz_name):
        who = scan["attendee_id"]
        if who is not None and scan["outcome"] in _ENTRY_WORDS:
            if who not in first or scan["at_utc"] < first[who]:
                first[who] = scan["at_utc"]
    return dict(Counter(quarter_label(from_utc_text(t), tz_name) for t in first.values()))


def recent_from_scans(scans: Iterable[Mapping], at: datetime, tz_name: str,
                      names: Mapping[str, str] | None = None, limit: int = 20) -> list[RecentScan]:
    """Reference: the day's latest ``limit`` scans up to ``at``, newest first."""
    names = names or {}
    rows = sorted(_day_scans(scans, at, tz_name), key=lambda s: s["at_utc"], reverse=True)[:limit]
    return [RecentScan(s["at_utc"], s["outcome"], s.get("reason", ""), s["attendee_id"],
                       names.get(s["attendee_id"] or "", ""), s["category"], s["kiosk_id"],
                       s["gate"] or "", s.get("method", "")) for s in rows]
