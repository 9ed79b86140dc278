"""Web dashboard benchmarks (./run bench tests/perf/test_web_bench.py; figures printed, timings
never asserted). Targets (DESIGN.md §6): the page data over 1,000,000 scans in at most 100 ms;
50 browsers watching at once without slowing the kiosks' pushes.

- page data: one read of everything the page shows (WebData: dashboard, kiosks, duplicates, the
  JSON sent to the browsers), over a 1,000,000-scan database and over a hub holding 1,000,000
  scans, beside the raw dashboard query of the same source measured in the same run;
- watchers: kiosks pushing small batches to a real hub (fsync on), with the real `kiosk web`
  serving it, first with nobody watching and then with 50 event streams open (in a process of
  their own, as browsers on other machines); the push rate both ways, and how long after each
  push the watchers had the new figures.

- the same at the fair's own pace: 8 kiosks, each pushing every scan the moment it is stored
  (one scan a push, as `kiosk run` does) over a connection it keeps, one scan every 2 s each:
  4 scans a second, about three times the busiest hour we expect (55,000 visitors over three
  days, a quarter of a day's arrivals in its busiest hour: ~1.3 a second). Each push's time with
  nobody watching and with 50 streams open, and the lag to the watchers.

KIOSK_BENCH_SCANS makes the data smaller; KIOSK_BENCH_WATCHERS changes the number of streams;
KIOSK_BENCH_PACED_SECONDS the length of each paced run (default 40).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psycopg
import pytest

from kiosk.core.timeutil import to_utc_text
from kiosk.storage.dashboard_sql import dashboard
from kiosk.storage.schema import SCAN_COLUMNS
from kiosk.sync.hub import HubClient, KioskInfo
from kiosk.sync.live import KioskSide, SyncResult, SyncSession, sync_once
from kiosk.storage.outbox import Outbox
from kiosk.web.data import WebData
from kiosk.web.live import Broadcaster
from tests.helpers.browser import WebServer
from tests.helpers.factories import DAYS, local
from tests.helpers.hub_oracles import hub_dashboard_sql, hub_headcount_sql
from kiosk.services.figures import headcount_of
from tests.helpers.pg import _server_or_skip
from tests.helpers.scanlog import append_rows, synthetic_rows, write_kiosk_db
from tests.perf.test_dashboard_bench import (HALLS, SCANS, TZ, _event_toml, big,  # noqa: F401
                                             live_moment, ms, report, timed)

WATCHERS = int(os.environ.get("KIOSK_BENCH_WATCHERS", 50))
KIOSKS = 4
PUSHES = 30          # per kiosk and run
PER_PUSH = 200       # scans per push
PACED_KIOSKS = 8
PACED_EVERY = 2.0    # seconds between one kiosk's scans
PACED_SECONDS = float(os.environ.get("KIOSK_BENCH_PACED_SECONDS", 40))


@pytest.fixture(scope="module")
def bench_server():
    server = _server_or_skip(fsync=True)  # fsync on, as a real hub runs
    yield server
    server.destroy()


def fill_hub(url: str, store) -> float:
    """A fresh hub holding every scan of ``store`` (by COPY); the seconds it took."""
    with HubClient.connect(url) as hub:
        hub.init_schema()
        hub.bind_event("itcn-bench", _event_toml())
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        cols = ", ".join("at" if c == "at_utc" else c for c in SCAN_COLUMNS)
        with conn.transaction(), conn.cursor() as cur:
            with cur.copy(f"COPY scans ({cols}, kiosk_seq) FROM STDIN") as copy:
                for seq, row in enumerate(store.conn.execute(
                        f"SELECT {', '.join(SCAN_COLUMNS)} FROM scans"), 1):
                    copy.write_row((*row, seq))
        conn.execute("INSERT INTO kiosks (kiosk_id, gate) SELECT DISTINCT kiosk_id, max(gate) "
                     "FROM scans GROUP BY kiosk_id")
        conn.execute("ANALYZE")
    return time.perf_counter() - started


def hub_headcount_from_sql(url: str, at) -> dict:
    with HubClient.connect(url) as hub:
        return hub_headcount_sql(hub, at, TZ).to_json()


def read_page(data: WebData) -> int:
    b = Broadcaster(data)
    b.read_now()
    return len(b.snapshot.staff_json)


@pytest.mark.timeout(1800)
def test_page_data_over_a_million_scans(big, bench_server):
    store, base, _, _ = big
    store.set_meta({"event_toml": _event_toml()})
    at = live_moment(store.conn)
    data = WebData(db=base / "big.db", at_text=to_utc_text(at))
    size = read_page(data)
    page = timed(lambda: read_page(data))
    raw = timed(lambda: dashboard(store.conn, at, TZ, HALLS, scope="merged"))
    data.close()

    # the same million scans on a hub (no derived tables there: its figures are counted from a
    # copy with the kiosk's derived tables, kiosk.sync.hub_copy)
    url = bench_server.url(bench_server.create_database())
    fill = fill_hub(url, store)
    hub_data = WebData(hub=url, at_text=to_utc_text(at))
    started = time.perf_counter()
    hub_size = read_page(hub_data)  # the first read copies the hub's log
    first = time.perf_counter() - started
    hub_page = timed(lambda: read_page(hub_data), runs=10)
    hub_data.close()
    # `kiosk headcount --hub` as a later command: it goes on from the kept copy
    moment = to_utc_text(at)
    cli_count = timed(lambda: headcount_of(hub=url, at_text=moment), runs=10)
    with HubClient.connect(url) as hub:
        hub_raw = timed(lambda: hub_dashboard_sql(hub, at, TZ, HALLS), runs=10)
        count_raw = timed(lambda: hub_headcount_sql(hub, at, TZ), runs=5)
    assert headcount_of(hub=url, at_text=moment).to_json() | {"source": ""} == \
        hub_headcount_from_sql(url, at) | {"source": ""}
    report(f"Web page data over {SCANS:,} scans (target <= 100 ms), median / p95 / max", [
        ("merged database: everything the page shows", ms(page)),
        ("  raw: dashboard() of the same database", ms(raw)),
        ("  JSON sent to each browser", f"{size:,} bytes"),
        ("hub (filled by COPY in)", f"{fill:.1f} s"),
        ("hub: first read (copying its log here)", f"{first:.1f} s"),
        ("hub: everything the page shows", ms(hub_page)),
        ("  raw: the same figures as aggregates in PostgreSQL", ms(hub_raw)),
        ("hub: `kiosk headcount --hub` going on from the kept copy", ms(cli_count)),
        ("  raw: the headcount as aggregates in PostgreSQL", ms(count_raw)),
        ("  JSON sent to each browser", f"{hub_size:,} bytes"),
    ])
    assert size > 1000 and hub_size > 1000


WATCHER_SCRIPT = textwrap.dedent("""
    import asyncio, json, sys, time
    import httpx

    base, cookie, n, seconds, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    arrivals = [[] for _ in range(n)]

    async def watch(i, client):
        async with client.stream("GET", base + "/events", headers={"cookie": cookie}) as r:
            assert r.status_code == 200, r.status_code
            async for line in r.aiter_lines():
                if line.startswith("data:"):
                    arrivals[i].append(time.time())

    async def main():
        limits = httpx.Limits(max_connections=n + 5)
        async with httpx.AsyncClient(timeout=None, limits=limits) as client:
            tasks = [asyncio.create_task(watch(i, client)) for i in range(n)]
            await asyncio.to_thread(sys.stdin.readline)  # the bench says when to stop
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        json.dump(arrivals, open(out, "w"))

    print("watching", flush=True)
    asyncio.run(main())
""")


def push_run(url: str, stores, label: str) -> dict:
    """Every kiosk appends PER_PUSH scans and pushes them, PUSHES times, all at once."""
    ends: list[float] = []
    lock = threading.Lock()
    durations: list[float] = []

    def kiosk(store, info, rows):
        outbox = Outbox(store)
        for k in range(PUSHES):
            append_rows(store, rows[k * PER_PUSH:(k + 1) * PER_PUSH])
            t = time.perf_counter()
            result = sync_once(url, info, KioskSide.direct(outbox))
            took = time.perf_counter() - t
            assert result.pending == 0
            with lock:
                durations.append(took * 1000)
                ends.append(time.time())

    threads = [threading.Thread(target=kiosk, args=s) for s in stores]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    total = KIOSKS * PUSHES * PER_PUSH
    return {"label": label, "rate": total / elapsed, "pushes": KIOSKS * PUSHES / elapsed,
            "durations": durations, "ends": sorted(ends), "elapsed": elapsed}


def make_kiosks(base: Path, run: str, kiosks: int, scans: int, seed: int = 0):
    """``kiosks`` kiosk databases, each with ``scans`` synthetic rows waiting to be appended."""
    toml = _event_toml()
    stores = []
    for n in range(kiosks):
        kid = f"{run}-kiosk-{n}"
        rows = synthetic_rows(kid, "lahore", f"Gate {n + 1}", [DAYS[2]], scans,
                              attendees=20_000, seed=seed + n)
        store, _ = write_kiosk_db(base / kid, toml, "itcn-bench", kid, "lahore",
                                  f"Gate {n + 1}", [])
        info = KioskInfo(kiosk_id=kid, event_id="itcn-bench", event_toml=toml, venue="lahore",
                         gate=f"Gate {n + 1}", role="entry")
        stores.append((store, info, rows))
    return stores


@pytest.fixture
def watched_hub(bench_server, tmp_path):
    """A fresh hub bound to the bench event, the real `kiosk web` serving it, and a staff
    session's cookie: (url, server, cookie)."""
    import httpx

    from kiosk.web.auth import write_password_file

    url = bench_server.url(bench_server.create_database())
    with HubClient.connect(url) as hub:
        hub.init_schema()
        hub.bind_event("itcn-bench", _event_toml())
    password = tmp_path / "web-password"
    write_password_file(password, "bench-password-1")
    server = WebServer("--hub", url, "--password-file", str(password),
                       "--at", to_utc_text(local(DAYS[2], 18, 30)))
    try:
        with httpx.Client(base_url=server.base) as client:
            page = client.get("/login")
            token = page.text.split('name="csrf" value="')[1].split('"')[0]
            session = page.headers["set-cookie"].split(";")[0]
            answer = client.post("/login", data={"csrf": token, "password": "bench-password-1"},
                                 headers={"cookie": session}, follow_redirects=False)
            assert answer.status_code == 303
        yield url, server, answer.headers["set-cookie"].split(";")[0]
    finally:
        server.stop()


def run_watched(server, cookie: str, out: Path, run):
    """``run()`` with WATCHERS event streams open (a process of their own); its result."""
    watchers = subprocess.Popen(
        [sys.executable, "-c", WATCHER_SCRIPT, server.base, cookie, str(WATCHERS), "1000",
         str(out)], stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    assert watchers.stdout.readline().strip() == "watching"
    time.sleep(2)  # every stream open and its first snapshot in
    result = run()
    time.sleep(2)
    watchers.stdin.write("stop\n")
    watchers.stdin.close()
    watchers.wait(30)
    return result


def lag_rows(out: Path, ends: list[float]) -> list[tuple[str, str]]:
    """How long after each push the watchers had the new figures, from their arrival times."""
    if not out.exists():
        return []
    arrivals = json.loads(out.read_text())
    lags = []
    for stream in arrivals:
        for end in ends:
            later = [a for a in stream if a >= end]
            if later:
                lags.append((later[0] - end) * 1000)
    return [("push to figures at the watchers", ms(lags)),
            ("updates per stream", f"{statistics.median(len(s) for s in arrivals):.0f}")]


@pytest.mark.timeout(900)
def test_fifty_watchers_while_kiosks_push(watched_hub, tmp_path):
    url, server, cookie = watched_hub
    quiet = push_run(url, make_kiosks(tmp_path, "a", KIOSKS, PUSHES * PER_PUSH), "nobody watching")
    stores = make_kiosks(tmp_path, "b", KIOSKS, PUSHES * PER_PUSH)
    out = tmp_path / "arrivals.json"
    watched = run_watched(server, cookie, out,
                          lambda: push_run(url, stores, f"{WATCHERS} streams open"))
    rows = []
    for run in (quiet, watched):
        rows.append((f"{run['label']}: push rate",
                     f"{run['rate']:,.0f} scans/s, {run['pushes']:.1f} pushes/s "
                     f"({KIOSKS} kiosks x {PUSHES} pushes of {PER_PUSH})"))
        rows.append((f"{run['label']}: one push", ms(run["durations"])))
    report("Kiosks pushing to the hub while browsers watch kiosk web",
           rows + lag_rows(out, watched["ends"]))
    for store, _, _ in stores:
        store.close()


def paced_run(url: str, stores, label: str) -> dict:
    """Every kiosk stores one scan and pushes it at once, every PACED_EVERY s (phases spread)."""
    import random

    ends: list[float] = []
    durations: list[float] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + PACED_SECONDS

    def kiosk(index, store, info, rows):
        with HubClient.connect(url, application=f"bench {info.kiosk_id}") as hub:
            session = SyncSession(hub, info, KioskSide.direct(Outbox(store)))
            due = time.monotonic() + PACED_EVERY * index / PACED_KIOSKS
            k = 0
            while due < stop_at:
                time.sleep(max(0.0, due - time.monotonic()))
                append_rows(store, rows[k:k + 1])
                k += 1
                t = time.perf_counter()
                session.push_pending(PUSH_ONE, SyncResult(hub=""))
                took = (time.perf_counter() - t) * 1000
                with lock:
                    durations.append(took)
                    ends.append(time.time())
                due += PACED_EVERY * random.uniform(0.9, 1.1)

    threads = [threading.Thread(target=kiosk, args=(i, *s)) for i, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"label": label, "durations": durations, "ends": sorted(ends),
            "rate": len(durations) / PACED_SECONDS}


PUSH_ONE = 100


@pytest.mark.timeout(900)
def test_fifty_watchers_at_the_fairs_push_rate(watched_hub, tmp_path):
    url, server, cookie = watched_hub
    scans = int(PACED_SECONDS / PACED_EVERY) + 5
    quiet = paced_run(url, make_kiosks(tmp_path, "a", PACED_KIOSKS, scans, seed=100),
                      "nobody watching")
    stores = make_kiosks(tmp_path, "b", PACED_KIOSKS, scans, seed=100)
    out = tmp_path / "arrivals.json"
    watched = run_watched(server, cookie, out,
                          lambda: paced_run(url, stores, f"{WATCHERS} streams open"))
    with psycopg.connect(url, autocommit=True) as raw:  # the floor: one row, one commit
        raw.execute("CREATE TABLE raw_bench (n int, at timestamptz DEFAULT now())")
        floor = timed(lambda: raw.execute("INSERT INTO raw_bench (n) VALUES (1)"), runs=100)
    rows = [("raw: psycopg INSERT of one row, committed (fsync on)", ms(floor))]
    for run in (quiet, watched):
        rows.append((f"{run['label']}: pushes", f"{len(run['durations'])} in {PACED_SECONDS:.0f} s "
                     f"({run['rate']:.1f} a second, one scan each, {PACED_KIOSKS} kiosks)"))
        rows.append((f"{run['label']}: one push", ms(run["durations"])))
    report("Kiosks pushing at the fair's pace while browsers watch kiosk web, median / p95 / max",
           rows + lag_rows(out, watched["ends"]))
    assert len(watched["durations"]) >= PACED_KIOSKS
    for store, _, _ in stores:
        store.close()
