"""A believable fair day for dashboard tests, screenshots and benchmarks: arrivals that build up
to a late-morning peak, lunch-time exits and re-entries, the odd duplicate and unknown code, at
three gates that lead into three halls, with named attendees on the roster.

Rows are SCAN_COLUMNS tuples (append them with tests.helpers.scanlog.append_rows); everything
is seeded, so the same call gives the same day.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

from kiosk.core.timeutil import to_utc_text, zone

TZ = "Asia/Karachi"
# gate -> (kiosk, hall); "Hall 3" is a gate named like its hall (no [hall_gates] entry needed)
GATES = {"Gate 1": ("kiosk-1", "Hall 1"), "Gate 2": ("kiosk-2", "Hall 2"), "Hall 3": ("kiosk-3", "Hall 3")}
HALL_GATES = {"Hall 1": ["Gate 1"], "Hall 2": ["Gate 2"]}
FIRST = ["Ahmed", "Ayesha", "Bilal", "Fatima", "Hassan", "Sana", "Usman", "Zainab", "Omar", "Hira",
         "Imran", "Maryam", "Wang", "Li", "Chen", "Kamran", "Nadia", "Farhan", "Saba", "Tariq"]
LAST = ["Khan", "Malik", "Qureshi", "Butt", "Chaudhry", "Sheikh", "Iqbal", "Raza", "Wei", "Zhang",
        "Hussain", "Akhtar", "Siddiqui", "Mirza", "Javed"]
CATEGORIES = ["visitor"] * 14 + ["exhibitor"] * 3 + ["vip", "media", "speaker", "staff"]


def roster_rows(n: int, seed: int = 7) -> list[tuple]:
    """(id, name, category, company, days, venues, name_ur, name_zh) for ITCN-000000..n-1."""
    rng = random.Random(seed)
    companies = ["Ravi Data Labs", "Margalla Networks", "Silk Road Electronics", "Indus Cloud",
                 "Lahore Soft", "Karachi Fintech", ""]
    return [(f"ITCN-{i:06d}", f"{rng.choice(FIRST)} {rng.choice(LAST)}", CATEGORIES[i % len(CATEGORIES)],
             rng.choice(companies), "", "", "", "") for i in range(n)]


def _row(rng, who, category, outcome, at, gate, reason="", method="camera"):
    kiosk = GATES[gate][0]
    direction = "out" if outcome == "exited" else "in"
    code = who if who else "sha256:" + f"{rng.getrandbits(256):064x}"
    return (str(uuid.UUID(int=rng.getrandbits(128), version=4)), kiosk, gate, "lahore", direction,
            to_utc_text(at), at.astimezone(zone(TZ)).date().isoformat(), code,
            who, category if who else None, outcome, reason, method, "")


def fair_day(day: date, people: int, *, until: datetime | None = None, seed: int = 1,
             gate_weights=(5, 3, 2), peak_hour: float = 11.5) -> list[tuple]:
    """One day's scans (up to ``until``, local and aware, if given), in time order."""
    rng = random.Random(f"{day}-{seed}")
    opens = datetime(day.year, day.month, day.day, tzinfo=zone(TZ))
    gates = list(GATES)
    rows = []
    for i in range(people):
        who = f"ITCN-{i:06d}"
        category = CATEGORIES[i % len(CATEGORIES)]
        gate = rng.choices(gates, weights=gate_weights)[0]
        hour = rng.gauss(peak_hour, 1.3)
        while not 9.0 <= hour <= 17.5:  # the halls are open 09:00-19:00; nobody queues at night
            hour = rng.gauss(peak_hour, 1.3)
        first = opens + timedelta(hours=hour, seconds=rng.random())
        rows.append(_row(rng, who, category, "accepted", first, gate, "first_entry"))
        if rng.random() < 0.05:  # held the badge up twice
            rows.append(_row(rng, who, category, "duplicate", first + timedelta(seconds=20), gate,
                             "within_window"))
        if rng.random() < 0.45:  # out for lunch, and (mostly) back in
            out = first + timedelta(hours=rng.uniform(0.8, 3.0))
            rows.append(_row(rng, who, category, "exited", out, "Gate 1", "exit"))
            if rng.random() < 0.7:
                back = out + timedelta(minutes=rng.uniform(20, 70))
                rows.append(_row(rng, who, category, "reentry", back, rng.choice(gates), "reentry"))
    for _ in range(max(1, people // 40)):  # codes that are on no list
        at = opens + timedelta(hours=rng.uniform(9.5, 17))
        rows.append(_row(rng, None, None, "unknown", at, rng.choice(gates), "not_in_roster"))
    rows.sort(key=lambda r: r[5])
    if until is not None:
        limit = to_utc_text(until)
        rows = [r for r in rows if r[5] <= limit]
    return rows
