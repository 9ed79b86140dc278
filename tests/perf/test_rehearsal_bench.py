"""The full rehearsal: 40 kiosks, 10,000 arrivals an hour, every fault, beside the bare server.

Run with ``./run bench tests/perf/test_rehearsal_bench.py``. Targets (DESIGN.md §6, on the
2-core dev machine): lost 0, double admissions while online 0, propagation p95 at most 1 s, a
20-minute partition caught up within 30 s, the hub's headcount equal to the recount.

``KIOSK_BENCH_REHEARSAL_MINUTES`` sets the length (default 25, the shortest that holds a
20-minute partition: partitions must end by nine tenths of the run);
``KIOSK_BENCH_REHEARSAL_KIOSKS`` and ``KIOSK_BENCH_REHEARSAL_RATE`` the kiosks and arrivals an
hour. The partition (of kiosk 7) lasts 80 % of the run, capped at 20 minutes.

Printed in the same run, on a throwaway server with the same settings (fsync on): a bare COPY of
as many rows as the rehearsal made and of 100,000, a bare LISTEN/NOTIFY round trip between two
connections, and NOTIFY delivery to as many listening connections as there are kiosks. The
assertions check the rehearsal's must-holds (nothing lost, no online double admission, equal
headcounts), never timings.
"""

from __future__ import annotations

import os
import select
import statistics
import time

import psycopg
import pytest

from kiosk.rehearsal.run import Options, rehearse, summary
from kiosk.sync.hub import HUB_MIGRATIONS
from kiosk.sync.pgserver import PgServer, find_bindir

MINUTES = float(os.environ.get("KIOSK_BENCH_REHEARSAL_MINUTES", "25"))
KIOSKS = int(os.environ.get("KIOSK_BENCH_REHEARSAL_KIOSKS", "40"))
RATE = float(os.environ.get("KIOSK_BENCH_REHEARSAL_RATE", "10000"))

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def bare_copy(url: str, rows: int) -> float:
    """Seconds to COPY ``rows`` scan rows into the hub's table, one transaction."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(HUB_MIGRATIONS[0][1].split("CREATE TABLE kiosks")[0])
        t = time.perf_counter()
        with conn.transaction():
            with conn.cursor() as cur:
                with cur.copy("COPY scans (scan_id, kiosk_id, gate, venue, direction, at, day, "
                              "code, attendee_id, category, outcome, kiosk_seq) FROM STDIN") as cp:
                    for i in range(rows):
                        cp.write_row((f"bench-{rows}-{i}", "kiosk-01", "Gate 1", "lahore", "in",
                                      "2026-12-01T05:00:00Z", "2026-12-01", f"C{i}", f"A{i}",
                                      "visitor", "accepted", i))
        seconds = time.perf_counter() - t
        conn.execute("DROP TABLE scans")
        return seconds


def notify_round_trips(url: str, n: int = 500) -> list[float]:
    with psycopg.connect(url, autocommit=True) as listener, \
            psycopg.connect(url, autocommit=True) as sender:
        listener.execute("LISTEN bench")
        times = []
        for i in range(n):
            t = time.perf_counter()
            sender.execute("SELECT pg_notify('bench', %s)", (str(i),))
            got = next(listener.notifies(timeout=5), None)
            assert got is not None and got.payload == str(i)
            times.append((time.perf_counter() - t) * 1000)
        return times


def notify_fan_out(url: str, listeners: int, n: int = 500) -> float:
    """Notifications delivered per second to ``listeners`` connections (each gets all ``n``)."""
    conns = [psycopg.connect(url, autocommit=True) for _ in range(listeners)]
    try:
        for c in conns:
            c.execute("LISTEN fan")
        with psycopg.connect(url, autocommit=True) as sender:
            t = time.perf_counter()
            for i in range(n):
                sender.execute("NOTIFY fan")
            got = {id(c): 0 for c in conns}
            deadline = time.time() + 60
            while any(v < n for v in got.values()) and time.time() < deadline:
                ready, _, _ = select.select([c.fileno() for c in conns], [], [], 1)
                for c in conns:
                    if c.fileno() in ready:
                        got[id(c)] += sum(1 for _ in c.notifies(timeout=0))
            seconds = time.perf_counter() - t
        assert all(v == n for v in got.values())
        return listeners * n / seconds
    finally:
        for c in conns:
            c.close()


@pytest.mark.timeout(int(MINUTES * 60 + 1800))
def test_full_rehearsal_beside_the_bare_server(tmp_path):
    if find_bindir() is None:
        pytest.fail("PostgreSQL server binaries are needed for this benchmark")
    partition = min(1200, int(MINUTES * 60 * 0.8))
    faults = (f"hub-restart,kill-connections,partition:{min(7, KIOSKS)}:{partition},"
              f"sigkill:{min(12, KIOSKS - 1)}")
    started = time.perf_counter()
    report = rehearse(Options(kiosks=KIOSKS, arrivals_per_hour=RATE, minutes=MINUTES,
                              faults=faults, seed=2026),
                      say=lambda line: print(f"  [{time.perf_counter() - started:6.0f} s] {line}",
                                             flush=True))
    print()
    print(f"kiosk rehearse --kiosks {KIOSKS} --arrivals-per-hour {RATE:g} --minutes {MINUTES:g} "
          f"--faults {faults}")
    print(summary(report))

    with PgServer(fsync=True, max_connections=2 * KIOSKS + 50) as server:
        url = server.url()
        copy_same = bare_copy(url, max(report["scans"], 1))
        copy_big = bare_copy(url, 100_000)
        trips = notify_round_trips(url)
        fan = notify_fan_out(url, KIOSKS)
    p = report["propagation_ms"]
    pushed_per_s = report["scans"] / (MINUTES * 60)
    print()
    print("beside the bare server (same settings, fsync on, in this run):")
    print(f"  scans pushed by the kiosks     {pushed_per_s:10.1f} per second on average, "
          f"{report['scans']} in all; bare COPY of as many: {copy_same * 1000:.0f} ms; "
          f"bare COPY of 100,000: {100_000 / copy_big:,.0f} rows per second")
    print(f"  propagation to every kiosk     p50 {p['p50']:.0f} ms, p95 {p['p95']:.0f} ms, "
          f"max {p['max']:.0f} ms (target p95 <= 1000 ms); bare LISTEN/NOTIFY round trip "
          f"p50 {statistics.median(trips):.2f} ms, p95 {sorted(trips)[int(len(trips) * .95)]:.2f} ms")
    print(f"  NOTIFY delivery to {KIOSKS} listeners {fan:,.0f} deliveries per second (bare)")
    for c in report["partitions"]:
        print(f"  catch-up of {c['kiosk']} after {c['partition_s']:g} s cut off: "
              f"{c['catch_up_s']} s for {c['scans']} scans (target <= 30 s)")
    print(f"  hub connections                at most {report['hub_connections']['max']} "
          f"for {KIOSKS} kiosks")
    print(f"  double admissions              {report['double_admissions_online']} online, "
          f"{report['double_admissions_offline']} offline")
    print(f"  lost {report['lost']}, headcount agrees: {report['headcount_agrees']}, "
          f"wall {report['wall_s']:.0f} s")
    assert report["lost"] == 0
    assert report["double_admissions_online"] == 0
    assert report["headcount_agrees"]
