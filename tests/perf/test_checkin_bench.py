"""Check-in core benchmarks (run with ./run bench; they print figures, they do not assert timings).

- roster import of 200,000 rows                                   (target <= 15 s)
- check-in decision plus durable commit, 200,000-person roster    (target p99 <= 10 ms)
- headcount over 1,000,000 scans                                  (target <= 50 ms)
- token verification                                              (target >= 2,000 per second)

Each figure is printed next to the raw library doing the bare minimum in the same run.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import statistics
import time
import uuid
from datetime import timedelta

import pytest

from kiosk.core.event import CATEGORIES
from kiosk.core.timeutil import local_day, to_utc_text
from kiosk.core.tokens import BadgeClaims, sign_token
from kiosk.organiser.roster_import import import_roster
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.schema import DERIVED_TRIGGERS, DROP_DERIVED_TRIGGERS, SCAN_COLUMNS
from tests.helpers.oracles import REBUILD_DERIVED
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

ROSTER_SIZE = 200_000
SCANS = 1_000_000


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def report(title, rows):
    print(f"\n{title}")
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    base = tmp_path_factory.mktemp("bench")
    event = make_event(base, roster=None, hours="00:00-24:00")
    path = base / "roster.csv"
    rng = random.Random(1)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Registration No", "Full Name", "Category", "Company", "Email", "Name (Urdu)"])
        for i in range(ROSTER_SIZE):
            writer.writerow([f"ITCN-{i:07d}", f"Person {i}", rng.choice(CATEGORIES), "Company",
                             f"p{i}@example.com", "احمد خان"])
    t0 = time.perf_counter()
    with event.store() as store:
        result = import_roster(path, store, event.rules)
    import_s = time.perf_counter() - t0
    assert result.imported == ROSTER_SIZE
    kiosk = make_kiosk(base, event)
    return event, kiosk, import_s, base


def test_roster_import(big):
    _, _, import_s, base = big
    # Raw baseline: csv parsing plus executemany into a plain table, in the same run.
    t0 = time.perf_counter()
    conn = sqlite3.connect(base / "raw.db")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, name, category, company, email, ur)")
    with (base / "roster.csv").open(encoding="utf-8") as fh:
        rows = csv.reader(fh)
        next(rows)
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    raw_s = time.perf_counter() - t0
    report("Roster import, 200,000 rows (target <= 15 s)", [
        ("kiosk roster import (validate + upsert)", f"{import_s:.2f} s"),
        ("raw csv + sqlite executemany", f"{raw_s:.2f} s"),
    ])


def test_checkin_latency(big):
    event, kiosk, _, _ = big
    kid, private = event.signing_key()
    rng = random.Random(2)
    desk, store = open_desk(kiosk)
    codes = []
    for _ in range(1500):
        i = rng.randrange(ROSTER_SIZE)
        claims = BadgeClaims(f"ITCN-{i:07d}", "visitor", key_id=kid)
        codes.append(sign_token(claims, private, event.rules.event_id))
    codes += [f"ITCN-{rng.randrange(ROSTER_SIZE):07d}" for _ in range(400)]
    codes += ["garbage", "ITC1:BROKEN"] * 50
    rng.shuffle(codes)
    base = local(DAYS[0], 9)
    timings = []
    for n, code in enumerate(codes):
        t0 = time.perf_counter()
        desk.check_in(code, at=base + timedelta(seconds=n))
        timings.append((time.perf_counter() - t0) * 1000)
    store.close()
    # Raw baseline: one INSERT and a durable commit (WAL, synchronous=FULL), nothing else.
    conn = sqlite3.connect(kiosk.path / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE s (id TEXT PRIMARY KEY, v TEXT)")
    raw = []
    for _ in range(len(codes)):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO s VALUES (?, ?)", (str(uuid.uuid4()), "x" * 150))
        conn.execute("COMMIT")
        raw.append((time.perf_counter() - t0) * 1000)
    conn.close()
    report(f"Check-in decision + durable commit, {ROSTER_SIZE:,} roster, {len(codes)} scans "
           "(target p99 <= 10 ms)", [
        ("desk.check_in median / p95 / p99 / max",
         f"{statistics.median(timings):.2f} / {pct(timings, .95):.2f} / {pct(timings, .99):.2f} / {max(timings):.2f} ms"),
        ("raw INSERT + COMMIT median / p99",
         f"{statistics.median(raw):.2f} / {pct(raw, .99):.2f} ms"),
    ])


def test_headcount_over_a_million_scans(tmp_path):
    store = KioskStore.open(tmp_path / "big.db", create=True)
    rng = random.Random(3)
    outcomes = ["accepted"] * 50 + ["reentry"] * 20 + ["exited"] * 20 + ["duplicate"] * 5 + ["invalid"] * 5
    kiosks = [(f"k{i}", f"Gate {i % 4 + 1}") for i in range(12)]
    start = local(DAYS[0], 9)
    t0 = time.perf_counter()
    conn = store.conn
    conn.executescript(DROP_DERIVED_TRIGGERS)
    sql = f"INSERT INTO scans ({', '.join(SCAN_COLUMNS)}) VALUES ({', '.join('?' * len(SCAN_COLUMNS))})"
    batch = []
    for n in range(SCANS):
        at = start + timedelta(days=n % 3, seconds=rng.randrange(9 * 3600))
        outcome = rng.choice(outcomes)
        kiosk, gate = rng.choice(kiosks)
        who = f"ITCN-{rng.randrange(60_000):07d}"
        batch.append((str(uuid.uuid4()), kiosk, gate, "lahore", "out" if outcome == "exited" else "in",
                      to_utc_text(at), local_day(at, "Asia/Karachi").isoformat(), "code", who,
                      rng.choice(CATEGORIES), outcome, "", "camera", ""))
        if len(batch) == 50_000:
            conn.execute("BEGIN")
            conn.executemany(sql, batch)
            conn.execute("COMMIT")
            batch = []
    conn.executescript("BEGIN;" + REBUILD_DERIVED + "COMMIT;")
    conn.executescript(DERIVED_TRIGGERS)
    conn.execute("ANALYZE")
    fill_s = time.perf_counter() - t0
    live_at = local(DAYS[1], 20)
    past_at = local(DAYS[1], 13)
    live, past, raw = [], [], []
    for _ in range(15):
        t = time.perf_counter()
        result = store.headcount(live_at, "Asia/Karachi")
        live.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        store.headcount(past_at, "Asia/Karachi")
        past.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        conn.execute("SELECT COUNT(DISTINCT attendee_id) FROM scans WHERE day = ? AND outcome IN "
                     "('accepted', 'reentry')", (DAYS[1].isoformat(),)).fetchone()
        raw.append((time.perf_counter() - t) * 1000)
    store.close()
    report(f"Headcount over {SCANS:,} scans (3 days, 12 kiosks; target <= 50 ms)", [
        ("filling the log (bulk, then rebuild)", f"{fill_s:.1f} s"),
        ("live headcount (all figures) median / max", f"{statistics.median(live):.1f} / {max(live):.1f} ms"),
        ("headcount at a past moment median / max", f"{statistics.median(past):.1f} / {max(past):.1f} ms"),
        ("raw COUNT(DISTINCT) of one figure median", f"{statistics.median(raw):.1f} ms"),
        ("unique checked in that day", f"{result.unique_checked_in:,}"),
    ])


def test_token_verification_rate(big):
    event, _, _, _ = big
    kid, private = event.signing_key()
    verifier = event.verifier()
    tokens = [sign_token(BadgeClaims(f"ITCN-{i:07d}", "visitor", key_id=kid), private,
                         event.rules.event_id) for i in range(3000)]
    t0 = time.perf_counter()
    for token in tokens:
        verifier.verify(token)
    ours = len(tokens) / (time.perf_counter() - t0)
    public = event.public_keys()[kid]
    message, signature = b"x" * 90, private.sign(b"x" * 90)
    t0 = time.perf_counter()
    for _ in tokens:
        public.verify(signature, message)
    raw = len(tokens) / (time.perf_counter() - t0)
    report("Token verification (target >= 2,000 per second)", [
        ("TokenVerifier.verify (parse + Ed25519)", f"{ours:,.0f} per second"),
        ("raw Ed25519 verify (cryptography)", f"{raw:,.0f} per second"),
    ])
