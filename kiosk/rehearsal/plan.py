"""What a rehearsal will do, decided before it starts (seeded, so a run can be repeated).

- Kiosks: ``N`` kiosks over ``gates(N)`` gates; at a gate of three or more kiosks the last is an
  exit kiosk, the others are entry kiosks.
- Arrivals: ``R`` an hour on average over ``M`` minutes, drawn from a morning curve (a Beta(2, 3)
  density: a rush building to a peak a quarter of the way in, then tailing off). Each person
  queues at their nearest gate (gates are not equally near: weights fall off by gate). Some try
  a second gate soon after (``SECOND_GATE``), within the anti-passback window; some show the
  badge twice at the same kiosk (``DOUBLE_TAP``); some leave through an exit kiosk and come back
  (``LEAVE_AND_RETURN``).
- Faults, as named: ``hub-restart``, ``kill-connections``, ``partition:K:SECONDS``, ``sigkill:K``
  (K is a kiosk's number). Partitions start one tenth of the way in; the other faults are spread
  evenly over the middle of the run.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from kiosk.core.errors import KioskError

SECOND_GATE = 0.08
DOUBLE_TAP = 0.03
LEAVE_AND_RETURN = 0.10
FAULT_KINDS = ("hub-restart", "kill-connections", "partition", "sigkill")


@dataclass(frozen=True)
class KioskPlan:
    number: int  # 1..N
    kiosk_id: str
    gate: str
    role: str  # entry or exit


@dataclass(frozen=True)
class Visit:
    """One badge shown at a gate at ``t`` seconds into the run."""

    t: float
    attendee: int  # index into the roster's tokens
    gate: str
    direction: str  # in or out
    why: str  # arrival, second_gate, double_tap, leave, return


@dataclass(frozen=True)
class Fault:
    kind: str
    at: float  # seconds into the run
    kiosk: int | None = None  # 1..N for partition and sigkill
    seconds: float = 0.0  # how long a partition lasts

    @property
    def label(self) -> str:
        if self.kind == "partition":
            return f"partition:{self.kiosk}:{self.seconds:g}"
        if self.kind == "sigkill":
            return f"sigkill:{self.kiosk}"
        return self.kind


def gates(n: int) -> int:
    return max(2, min(8, n // 5)) if n >= 2 else 1


def kiosk_plan(n: int) -> list[KioskPlan]:
    if not 2 <= n <= 200:
        raise KioskError("--kiosks must be between 2 and 200 (a rehearsal is about kiosks "
                         "together)")
    count = gates(n)
    plans = []
    for i in range(n):
        plans.append((i + 1, f"gate{i % count + 1}"))
    out = []
    for gate in range(1, count + 1):
        members = [number for number, g in plans if g == f"gate{gate}"]
        for j, number in enumerate(members):
            role = "exit" if len(members) >= 3 and j == len(members) - 1 else "entry"
            out.append(KioskPlan(number=number, kiosk_id=f"kiosk-{number:02d}",
                                 gate=f"Gate {gate}", role=role))
    return sorted(out, key=lambda k: k.number)


def parse_faults(text: str | None, kiosks: int) -> list[tuple[str, int | None, float]]:
    """``hub-restart,kill-connections,partition:K:SECONDS,sigkill:K`` -> (kind, K, seconds)."""
    faults = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        if part in ("hub-restart", "kill-connections"):
            faults.append((part, None, 0.0))
            continue
        match = re.fullmatch(r"partition:(\d+):(\d+(?:\.\d+)?)", part)
        if match:
            faults.append(("partition", int(match[1]), float(match[2])))
        elif match := re.fullmatch(r"sigkill:(\d+)", part):
            faults.append(("sigkill", int(match[1]), 0.0))
        else:
            raise KioskError(f"unknown fault {part!r}: say hub-restart, kill-connections, "
                             "partition:K:SECONDS or sigkill:K (K a kiosk's number)")
        if not 1 <= faults[-1][1] <= kiosks:
            raise KioskError(f"fault {part!r}: there is no kiosk {faults[-1][1]} "
                             f"(kiosks are numbered 1 to {kiosks})")
        if faults[-1][0] == "partition" and faults[-1][2] <= 0:
            raise KioskError(f"fault {part!r}: a partition lasts at least a second")
    return faults


def schedule_faults(faults: list[tuple[str, int | None, float]], duration: float) -> list[Fault]:
    out = []
    others = [f for f in faults if f[0] != "partition"]
    for kind, kiosk, seconds in faults:
        if kind == "partition":
            start = duration * 0.1
            if start + seconds > duration * 0.9 + 1e-6:
                raise KioskError(f"partition:{kiosk}:{seconds:g} lasts longer than the rehearsal "
                                 f"leaves room for (at most {duration * 0.8:.0f} s of a "
                                 f"{duration / 60:g}-minute run): give more --minutes")
            out.append(Fault(kind, start, kiosk, seconds))
    for i, (kind, kiosk, _) in enumerate(others):
        # Evenly over the middle of the run, clear of the start and of the last fifth.
        at = round(duration * (0.2 + 0.6 * (i + 1) / (len(others) + 1)), 1)
        out.append(Fault(kind, at, kiosk))
    return sorted(out, key=lambda f: f.at)


def plan_visits(*, arrivals_per_hour: float, minutes: float, roster_size: int, gate_names: list[str],
                exit_gates: set[str], seed: int) -> list[Visit]:
    """Every badge shown during the run, in time order."""
    rng = random.Random(seed)
    duration = minutes * 60
    people = round(arrivals_per_hour * minutes / 60)
    if people > roster_size:
        raise KioskError(f"{people} arrivals need at least as many attendees ({roster_size})")
    weights = [1.0 / (1 + 0.35 * i) for i in range(len(gate_names))]
    order = list(range(roster_size))
    rng.shuffle(order)
    scale = min(1.0, minutes / 20)  # in a short run, people come back sooner
    visits = []
    for person in order[:people]:
        t = duration * rng.betavariate(2, 3)
        gate = rng.choices(gate_names, weights)[0]
        visits.append(Visit(t, person, gate, "in", "arrival"))
        roll = rng.random()
        if roll < SECOND_GATE and len(gate_names) > 1:
            other = rng.choice([g for g in gate_names if g != gate])
            visits.append(Visit(t + rng.uniform(15, 100), person, other, "in", "second_gate"))
        elif roll < SECOND_GATE + DOUBLE_TAP:
            visits.append(Visit(t + rng.uniform(2, 8), person, gate, "in", "double_tap"))
        elif roll < SECOND_GATE + DOUBLE_TAP + LEAVE_AND_RETURN and gate in exit_gates:
            leave = t + rng.uniform(120, 600) * scale + 10
            visits.append(Visit(leave, person, gate, "out", "leave"))
            visits.append(Visit(leave + rng.uniform(60, 300) * scale + 5, person, gate, "in",
                                "return"))
    return sorted((v for v in visits if v.t < duration), key=lambda v: v.t)
