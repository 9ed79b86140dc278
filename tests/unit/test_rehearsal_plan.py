"""The rehearsal's plan: kiosks over gates, a morning curve of arrivals, faults on a schedule."""

from __future__ import annotations

import pytest

from kiosk.core.errors import KioskError
from kiosk.rehearsal.plan import kiosk_plan, parse_faults, plan_visits, schedule_faults


def test_forty_kiosks_stand_at_eight_gates_each_with_one_exit_kiosk():
    plan = kiosk_plan(40)
    assert [k.kiosk_id for k in plan][:3] == ["kiosk-01", "kiosk-02", "kiosk-03"]
    by_gate = {}
    for k in plan:
        by_gate.setdefault(k.gate, []).append(k.role)
    assert len(by_gate) == 8
    assert all(sorted(roles) == ["entry"] * 4 + ["exit"] for roles in by_gate.values())
    # Two kiosks: two gates, both entry kiosks (no exit kiosk at a gate of fewer than three).
    assert [(k.gate, k.role) for k in kiosk_plan(2)] == [("Gate 1", "entry"), ("Gate 2", "entry")]


def test_arrivals_follow_a_morning_curve_and_repeat_with_the_seed():
    kw = dict(arrivals_per_hour=10_000, minutes=30, roster_size=6000,
              gate_names=["Gate 1", "Gate 2", "Gate 3"], exit_gates={"Gate 1", "Gate 2", "Gate 3"})
    visits = plan_visits(seed=7, **kw)
    assert visits == plan_visits(seed=7, **kw) and visits != plan_visits(seed=8, **kw)
    arrivals = [v for v in visits if v.why == "arrival"]
    assert len(arrivals) == 5000 and len({v.attendee for v in arrivals}) == 5000
    assert all(0 <= v.t < 1800 for v in visits) and visits == sorted(visits, key=lambda v: v.t)
    # A rush: the busiest tenth of the run holds well over a tenth of the arrivals.
    per_tenth = [sum(1 for v in arrivals if i * 180 <= v.t < (i + 1) * 180) for i in range(10)]
    assert max(per_tenth) > 0.15 * 5000 and per_tenth.index(max(per_tenth)) in (1, 2, 3)
    # The nearest gate is the busiest.
    gates = [sum(1 for v in arrivals if v.gate == g) for g in kw["gate_names"]]
    assert gates[0] > gates[1] > gates[2]
    # Second-gate tries come soon after, at another gate, inside the 120 s window.
    first = {v.attendee: v for v in arrivals}
    seconds = [v for v in visits if v.why == "second_gate"]
    assert len(seconds) > 300
    assert all(v.gate != first[v.attendee].gate and 15 <= v.t - first[v.attendee].t <= 100
               for v in seconds)
    leaves = {v.attendee: v for v in visits if v.why == "leave"}
    assert all(v.direction == "out" for v in leaves.values())
    assert all(v.t > leaves[v.attendee].t for v in visits if v.why == "return")


def test_more_arrivals_than_attendees_is_refused():
    with pytest.raises(KioskError, match="at least as many attendees"):
        plan_visits(arrivals_per_hour=1000, minutes=60, roster_size=10, gate_names=["Gate 1"],
                    exit_gates=set(), seed=1)


def test_faults_are_parsed_and_spread_over_the_run():
    faults = parse_faults("sigkill:3, hub-restart,partition:2:1200,kill-connections", 40)
    assert faults == [("sigkill", 3, 0.0), ("hub-restart", None, 0.0),
                      ("partition", 2, 1200.0), ("kill-connections", None, 0.0)]
    scheduled = schedule_faults(faults, 25 * 60)
    assert [(f.label, f.at) for f in scheduled] == [
        ("partition:2:1200", 150.0), ("sigkill:3", 525.0), ("hub-restart", 750.0),
        ("kill-connections", 975.0)]
    with pytest.raises(KioskError, match="longer than the rehearsal"):
        schedule_faults(parse_faults("partition:2:1201", 40), 25 * 60)
    assert parse_faults("", 4) == [] and parse_faults(None, 4) == []
