"""Benchmarks for merging bundles and pushing to the hub, next to the raw libraries.

Run with ``./run bench tests/perf/test_sync_bench.py`` (or pytest -s on this file). Targets
(DESIGN.md §6, on the 2-core dev machine): merging 2,000,000 scans from 40 bundles in at most
30 s, the same merge again in at most 5 s, pushing at least 20,000 scans per second. The figures
are printed; the assertions only check that the work was done, never how fast.

Sizes can be scaled down for a quick look: KIOSK_BENCH_BUNDLES, KIOSK_BENCH_SCANS_PER_BUNDLE,
KIOSK_BENCH_PUSH_SCANS.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import psycopg
import pytest

from kiosk.storage.outbox import Outbox
from kiosk.storage.schema import SCAN_INDEXES, SCAN_COLUMNS
from kiosk.sync.hub import HubClient, KioskInfo
from kiosk.sync.live import LIVE_BATCH, PUSH_BATCH, KioskSide, sync_once
from kiosk.sync.merge import merge_bundles
from tests.helpers.factories import DAYS, make_event
from tests.helpers.pg import _server_or_skip
from tests.helpers.scanlog import synthetic_rows, write_kiosk_db, write_synthetic_bundle

BUNDLES = int(os.environ.get("KIOSK_BENCH_BUNDLES", "40"))
PER_BUNDLE = int(os.environ.get("KIOSK_BENCH_SCANS_PER_BUNDLE", "50000"))
PUSH_SCANS = int(os.environ.get("KIOSK_BENCH_PUSH_SCANS", "300000"))


def line(label: str, seconds: float, rows: int, target: str = "", cpu: str = "") -> None:
    rate = rows / seconds if seconds else float("inf")
    print(f"  {label:<46} {seconds:8.2f} s  {rate:>12,.0f} scans/s  {target}{cpu}")


class CpuClock:
    """CPU seconds of this process and of finished child processes (the bundle checker)."""

    def __enter__(self):
        self.start = os.times()
        return self

    def __exit__(self, *exc):
        end = os.times()
        self.own = (end.user - self.start.user) + (end.system - self.start.system)
        self.children = ((end.children_user - self.start.children_user)
                         + (end.children_system - self.start.children_system))

    def __str__(self) -> str:
        return f"  [cpu: {self.own:.1f} s here + {self.children:.1f} s checking]"


@pytest.fixture(scope="module")
def event_folder(tmp_path_factory):
    return make_event(tmp_path_factory.mktemp("bench-event"), roster=None)


@pytest.fixture(scope="module")
def bundles(tmp_path_factory, event_folder):
    folder = tmp_path_factory.mktemp("bundles")
    toml = (event_folder.path / "event.toml").read_text()
    started = time.perf_counter()
    paths = []
    for k in range(BUNDLES):
        kiosk_id = f"kiosk-{k + 1:02d}"
        venue = "lahore" if k % 2 else "karachi"
        role = "exit" if k % 8 == 7 else "entry"
        rows = synthetic_rows(kiosk_id, venue, f"Gate {k % 6 + 1}", list(DAYS), PER_BUNDLE,
                              role=role, seed=k)
        paths.append(Path(write_synthetic_bundle(
            folder / f"{kiosk_id}.bundle", event_toml=toml, event_id=event_folder.model.id,
            kiosk_id=kiosk_id, venue=venue, gate=f"Gate {k % 6 + 1}", rows=rows,
            role=role)["bundle"]))
    print(f"\n  (made {BUNDLES} bundles of {PER_BUNDLE:,} scans in "
          f"{time.perf_counter() - started:.1f} s)")
    return paths


def raw_sqlite_merge(paths: list[Path], into: Path) -> float:
    """The floor: plain INSERT ... SELECT into the same table and index, no checks at all."""
    conn = sqlite3.connect(into, isolation_level=None)
    conn.execute("PRAGMA page_size = 65536")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("CREATE TABLE scans (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                 "scan_id TEXT NOT NULL UNIQUE, "
                 + ", ".join(f"{c} TEXT" for c in SCAN_COLUMNS[1:]) + ")")
    cols = ", ".join(SCAN_COLUMNS)
    started = time.perf_counter()
    for start in range(0, len(paths), 9):
        group = paths[start:start + 9]
        for n, path in enumerate(group):
            conn.execute(f"ATTACH ? AS b{n}", (f"file:{path}?mode=ro&immutable=1",))
        conn.execute("BEGIN")
        for n in range(len(group)):
            conn.execute(f"INSERT INTO scans ({cols}) SELECT {cols} FROM b{n}.scans WHERE true "
                         "ON CONFLICT (scan_id) DO NOTHING")
        conn.execute("COMMIT")
        for n in range(len(group)):
            conn.execute(f"DETACH b{n}")
    for sql in SCAN_INDEXES.values():  # the same indexes the kiosk's scan log has
        conn.execute(sql)
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def test_merge_bundles(bundles, tmp_path):
    total = BUNDLES * PER_BUNDLE
    print(f"\nmerge: {total:,} scans from {BUNDLES} bundles "
          f"(cpu count {os.cpu_count()}, load {os.getloadavg()[0]:.1f})")
    raw = raw_sqlite_merge(bundles, tmp_path / "raw.db")
    line("raw sqlite3 INSERT..SELECT + indexes, no checks", raw, total)

    merged = tmp_path / "merged.db"
    started = time.perf_counter()
    with CpuClock() as cpu:
        first = merge_bundles(bundles, merged)
    first_s = time.perf_counter() - started
    line("kiosk merge (checked, derived tables)", first_s, total, "target <= 30 s", str(cpu))

    started = time.perf_counter()
    again = merge_bundles(bundles, merged)
    again_s = time.perf_counter() - started
    line("kiosk merge again (nothing new)", again_s, total, "target <= 5 s")
    print(f"  (load average after: {os.getloadavg()[0]:.1f})")

    assert first.added == total and not first.rejected
    assert again.added == 0 and again.already_present == total


@pytest.fixture(scope="module")
def bench_server():
    # fsync on, as a real hub runs; the test suite's server turns it off for speed.
    server = _server_or_skip(fsync=True)
    yield server
    server.destroy()


def test_push_to_hub(bench_server, event_folder, tmp_path):
    url = bench_server.url(bench_server.create_database())
    with HubClient.connect(url) as hub:
        hub.init_schema()
    toml = (event_folder.path / "event.toml").read_text()
    rows = synthetic_rows("kiosk-01", "lahore", "Gate 1", list(DAYS), PUSH_SCANS, seed=99)
    store, model = write_kiosk_db(tmp_path / "kiosk", toml, event_folder.model.id, "kiosk-01",
                                  "lahore", "Gate 1", rows)
    info = KioskInfo(kiosk_id="kiosk-01", event_id=event_folder.model.id, event_toml=toml,
                     venue="lahore", gate="Gate 1", role="entry")
    print(f"\npush: {PUSH_SCANS:,} scans from one kiosk.db to a local PostgreSQL "
          f"{bench_server.bindir.parent.name} (fsync on)")

    # The floor: psycopg COPY straight into a table like the hub's, no staging, no conflicts.
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE raw_scans (LIKE scans INCLUDING ALL)")
        started = time.perf_counter()
        with conn.transaction(), conn.cursor() as cur:
            with cur.copy("COPY raw_scans (" + ", ".join(
                    "at" if c == "at_utc" else c for c in SCAN_COLUMNS) + ", kiosk_seq) "
                    "FROM STDIN") as copy:
                for seq, row in enumerate(rows, 1):
                    copy.write_row((*row, seq))
        raw = time.perf_counter() - started
    line("raw psycopg COPY into a bare table", raw, PUSH_SCANS)

    outbox = Outbox(store)
    for label, batch, fresh in (("kiosk push (batches of 20,000)", PUSH_BATCH, True),
                                ("live service batches (5,000)", LIVE_BATCH, True)):
        if fresh:  # a new hub database each time, so every scan is new to it
            url = bench_server.url(bench_server.create_database())
            with HubClient.connect(url) as hub:
                hub.init_schema()
        started = time.perf_counter()
        result = sync_once(url, info, KioskSide.direct(outbox), batch_size=batch)
        elapsed = time.perf_counter() - started
        line(label, elapsed, PUSH_SCANS, "target >= 20,000 scans/s")
        assert result.inserted == PUSH_SCANS and result.pending == 0

    # Pushing again to a hub that has everything (the mark is reset, so every scan goes again).
    store.conn.execute("UPDATE hub_sync SET pushed_seq = 0")
    started = time.perf_counter()
    result = sync_once(url, info, KioskSide.direct(outbox))
    line("push again, all already on the hub", time.perf_counter() - started, PUSH_SCANS)
    assert result.pushed == PUSH_SCANS and result.inserted == 0
    store.close()
