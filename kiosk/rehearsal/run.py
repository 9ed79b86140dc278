"""`kiosk rehearse`: a fair's morning rush against a real PostgreSQL hub, with faults on purpose.

One run, in order:

1. Provision, in a temporary folder, a rehearsal event (one venue, open around the clock, today in
   its time zone), a roster with signed badges, and N kiosk folders (kiosk/rehearsal/plan.py says
   how kiosks are spread over gates).
2. The hub: a throwaway PostgreSQL server of our own (kiosk/sync/pgserver.py, which can be
   restarted) or the empty database at --hub. ``kiosk hub init`` runs on it.
3. Start each kiosk as its own process (kiosk/rehearsal/worker.py: the real desk, the real live
   sync service, no Qt), each reaching the hub through a TCP link of its own in this process: the
   kiosk's network cable, which a partition pulls (its connections are cut, new ones refused)
   and plugs back in.
4. Show the planned badges at the kiosks on schedule (each person at their gate's least busy
   kiosk) and inject the faults: ``hub-restart`` (the server is stopped and started again),
   ``kill-connections`` (every kiosk's backend is terminated), ``partition:K:SECONDS``,
   ``sigkill:K`` (kiosk K's process is killed and, five seconds later, started again as its
   supervisor would).
5. Let every kiosk catch up, stop them, and check: every scan in every kiosk's own log is on the
   hub (``lost``), double admissions (kiosk/core/double_use.py) split by whether both kiosks were
   online, propagation of each entry to every other online kiosk's anti-passback view, catch-up
   after each partition, the most connections the hub held, and the hub's headcount against the
   headcount of every kiosk's own log exported as a signed bundle and merged (`kiosk export`
   and `kiosk merge --event`, the organiser's path after the fair): two engines, one answer.

A kiosk counts as offline from the moment a fault touching it starts (or its service says so)
until its service has finished a full round with the hub again.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import random
import signal
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit, urlunsplit

import kiosk
from kiosk.core.double_use import find_double_uses
from kiosk.core.errors import KioskError
from kiosk.core.timeutil import from_utc_text, local_day, utcnow
from kiosk.organiser.badges import issue_tokens
from kiosk.organiser.demo import demo_roster
from kiosk.organiser.eventdir import EventFolder
from kiosk.organiser.kioskdir import init_kiosk
from kiosk.organiser.roster_import import import_roster
from kiosk.rehearsal.plan import (Fault, KioskPlan, Visit, kiosk_plan, parse_faults,
                                  plan_visits, schedule_faults)
from kiosk.storage.kiosk_store import KioskStore
from kiosk.sync.hub import HubClient, HubError, check_url, redact
from kiosk.sync.hub_copy import HubCopy
from kiosk.sync.hub_dashboard import hub_headcount_at

TZ = "Asia/Karachi"
RESTART_AFTER_S = 5.0  # a killed kiosk's supervisor starts it again after this long
SETTLE_LIMIT_S = 180.0  # after the last arrival, how long every kiosk may take to catch up
CATCH_UP_LIMIT_S = 300.0
START_LIMIT_S = 120.0


@dataclass
class Options:
    kiosks: int
    arrivals_per_hour: float
    minutes: float
    faults: str | None = None
    seed: int = 2026
    hub: str | None = None
    workdir: Path | None = None


# -- the kiosks' network cables ---------------------------------------------------------------------
class Link:
    """A TCP forwarder between one kiosk and the hub; ``pull()`` and ``plug()`` the cable."""

    def __init__(self, host: str, port: int):
        self.host, self.hub_port = host, port
        self.cut = False
        self.port = 0
        self._pairs: set[tuple[asyncio.StreamWriter, asyncio.StreamWriter]] = set()
        self._server: asyncio.base_events.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _handle(self, reader, writer) -> None:
        if self.cut:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(self.host, self.hub_port)
        except OSError:
            writer.transport.abort()
            return
        pair = (writer, up_writer)
        self._pairs.add(pair)

        async def pipe(src, dst):
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                dst.transport.abort()

        try:
            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        finally:
            self._pairs.discard(pair)

    def pull(self) -> None:
        self.cut = True
        for a, b in list(self._pairs):
            a.transport.abort()
            b.transport.abort()

    def plug(self) -> None:
        self.cut = False

    async def close(self) -> None:
        self.pull()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


def url_via(url: str, port: int) -> str:
    """The hub URL with its host and port replaced by a link's."""
    parts = urlsplit(url)
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (userinfo + "@" if userinfo else "") + f"127.0.0.1:{port}"
    return urlunsplit(parts._replace(netloc=netloc))


# -- what happened ----------------------------------------------------------------------------
@dataclass
class Record:
    """Everything the kiosks said, by kiosk number; times are wall-clock seconds."""

    scans: list[tuple[int, dict]] = field(default_factory=list)
    errors: list[tuple[int, dict]] = field(default_factory=list)
    statuses: dict[int, list[tuple[float, bool]]] = field(default_factory=lambda: defaultdict(list))
    known: dict[int, dict[str, list[tuple[float, str | None, str | None]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    windows: dict[int, list[list[float]]] = field(default_factory=lambda: defaultdict(list))
    faults: list[dict] = field(default_factory=list)
    catch_ups: list[dict] = field(default_factory=list)
    max_connections: int = 0
    not_shown: int = 0


class KioskProcess:
    """One kiosk's worker process and its output."""

    def __init__(self, plan: KioskPlan, folder: Path, url: str, record: Record):
        self.plan, self.folder, self.url, self.record = plan, folder, url, record
        self.proc: asyncio.subprocess.Process | None = None
        self.alive = False
        self.outstanding = 0
        self.online = asyncio.Event()
        self._reader: asyncio.Task | None = None

    async def start(self) -> None:
        env = dict(os.environ)
        package_root = str(Path(kiosk.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        log = open(self.folder / "worker.log", "ab")
        try:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "kiosk.rehearsal.worker", str(self.folder), self.url,
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=log,
                env=env, limit=64 * 1024 * 1024)
        finally:
            log.close()
        self.alive = True
        self.outstanding = 0
        self.online.clear()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        number = self.plan.number
        while line := await self.proc.stdout.readline():
            event = json.loads(line)
            kind = event.get("ev")
            if kind == "scan":
                self.outstanding = max(0, self.outstanding - 1)
                self.record.scans.append((number, event))
            elif kind == "error":
                self.outstanding = max(0, self.outstanding - 1)
                self.record.errors.append((number, event))
            elif kind == "status":
                self.record.statuses[number].append((event["t"], bool(event["online"])))
                if event["online"]:
                    self.online.set()
                else:
                    self.online.clear()
            elif kind == "known":
                seen = self.record.known[number]
                for attendee, last_in, last_out in event["rows"]:
                    seen[attendee.upper()].append((event["t"], last_in, last_out))

    async def show(self, code: str, direction: str, n: int) -> bool:
        if not self.alive or self.proc.stdin is None:
            return False
        try:
            self.proc.stdin.write((json.dumps({"op": "scan", "n": n, "code": code,
                                               "direction": direction}) + "\n").encode())
            self.outstanding += 1
            await self.proc.stdin.drain()
        except (ConnectionError, OSError):
            return False
        return True

    async def kill(self) -> None:
        self.alive = False
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        if self._reader is not None:
            await self._reader

    async def stop(self, timeout: float = 30.0) -> None:
        if not self.alive:
            return
        self.alive = False
        try:
            self.proc.stdin.write(b'{"op": "stop"}\n')
            await self.proc.stdin.drain()
            self.proc.stdin.close()
            await asyncio.wait_for(self.proc.wait(), timeout)
        except (ConnectionError, OSError, asyncio.TimeoutError):
            if self.proc.returncode is None:
                self.proc.kill()
                await self.proc.wait()
        if self._reader is not None:
            await self._reader


# -- the hub, seen from here ---------------------------------------------------------------------
def _connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=3,
                           application_name="rehearsal controller")


def _kiosk_connections(conn) -> int:
    return conn.execute("SELECT count(*) FROM pg_stat_activity "
                        "WHERE application_name LIKE 'kiosk %%'").fetchone()[0]


def kill_connections(url: str) -> int:
    with _connect(url) as conn:
        return sum(1 for (ok,) in conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name LIKE 'kiosk %%' AND pid <> pg_backend_pid()") if ok)


def hub_has(url: str, ids: list[str]) -> int:
    try:
        with _connect(url) as conn:
            return conn.execute("SELECT count(*) FROM scans WHERE scan_id = ANY(%s)",
                                (ids,)).fetchone()[0]
    except Exception:  # the hub is restarting: not yet
        return -1


def hub_scans(url: str) -> list[tuple]:
    with _connect(url) as conn:
        return conn.execute("SELECT scan_id, kiosk_id FROM scans").fetchall()


# -- the run ----------------------------------------------------------------------------------------
class Rehearsal:
    def __init__(self, options: Options, root: Path, say: Callable[[str], None]):
        self.o = options
        self.root = root
        self.say = say
        self.record = Record()
        self.plans = kiosk_plan(options.kiosks)
        requested = parse_faults(options.faults, options.kiosks)
        if options.hub and any(kind == "hub-restart" for kind, _, _ in requested):
            raise KioskError("hub-restart needs a hub of the rehearsal's own: leave out --hub "
                             "(a given hub is never stopped)")
        self.duration = options.minutes * 60
        self.faults = schedule_faults(requested, self.duration)
        self.server = None
        self.hub_url = ""
        self.kiosks: dict[int, KioskProcess] = {}
        self.links: dict[int, Link] = {}
        self.rng = random.Random(options.seed + 1)
        self.last_kiosk: dict[int, int] = {}
        self.started_wall = 0.0

    # -- setting up ---------------------------------------------------------------------------
    def provision(self) -> list[str]:
        today = local_day(utcnow(), TZ)
        people = round(self.o.arrivals_per_hour * self.o.minutes / 60)
        roster_size = max(50, int(people * 1.2) + 20)
        event = EventFolder.create(
            self.root / "event", name="ITCN Asia rehearsal",
            days=[today - timedelta(days=1), today, today + timedelta(days=1)],
            venues=["lahore"], hours="00:00-24:00", help_point="the registration desk at Gate 1")
        rows = demo_roster(roster_size, seed=self.o.seed)
        roster_csv = self.root / "event" / "roster.csv"
        with roster_csv.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        with event.store() as store:
            import_roster(roster_csv, store, event.rules)
        self.rules = event.rules
        tokens = [token for _, token in sorted(issue_tokens(event), key=lambda p: p[0].id)]
        for plan in self.plans:
            init_kiosk(self.root / plan.kiosk_id, event, kiosk_id=plan.kiosk_id, venue="lahore",
                       gate=plan.gate, role=plan.role)
        return tokens

    def start_hub(self) -> str:
        if self.o.hub:
            url = check_url(self.o.hub)
        else:
            from kiosk.sync.pgserver import PgServer

            self.server = PgServer(fsync=True, max_connections=max(200, 2 * self.o.kiosks + 50))
            self.server.start()
            url = self.server.url()
        with HubClient.connect(url) as hub:
            hub.init_schema()
            if hub.scan_count():
                raise KioskError(f"the hub at {redact(url)} already holds {hub.scan_count()} "
                                 "scans; give the rehearsal an empty database")
            info = hub.info()
            if info.event_id:
                raise KioskError(f"the hub at {redact(url)} belongs to event {info.event_id}; "
                                 "give the rehearsal an empty database")
        return url

    # -- during ---------------------------------------------------------------------------------
    def _now(self) -> float:
        return time.time() - self.started_wall

    def _pick(self, visit: Visit) -> KioskProcess | None:
        role = "exit" if visit.direction == "out" else "entry"
        if visit.why == "double_tap":
            same = self.kiosks.get(self.last_kiosk.get(visit.attendee, 0))
            if same is not None and same.alive:
                return same
        candidates = [k for k in self.kiosks.values()
                      if k.alive and k.plan.gate == visit.gate and k.plan.role == role]
        if not candidates:  # that gate's kiosk is down: the queue moves to the next gate
            candidates = [k for k in self.kiosks.values() if k.alive and k.plan.role == role]
        if not candidates:
            return None
        least = min(k.outstanding for k in candidates)
        return self.rng.choice([k for k in candidates if k.outstanding == least])

    async def _visit(self, n: int, visit: Visit, tokens: list[str]) -> None:
        target = self._pick(visit)
        if target is None or not await target.show(tokens[visit.attendee], visit.direction, n):
            self.record.not_shown += 1
            return
        if visit.direction == "in":
            self.last_kiosk[visit.attendee] = target.plan.number

    async def _fault(self, fault: Fault) -> None:
        await asyncio.sleep(max(0.0, fault.at - self._now()))
        started = time.time()
        entry = {"fault": fault.label, "at_s": round(self._now(), 1)}
        touched = list(self.kiosks) if fault.kiosk is None else [fault.kiosk]
        spans = [[started, started] for _ in touched]  # faults may overlap: each keeps its own
        for number, span in zip(touched, spans):
            self.record.windows[number].append(span)
        if fault.kind == "hub-restart":
            await asyncio.to_thread(self.server.restart, "fast")
        elif fault.kind == "kill-connections":
            entry["terminated"] = await asyncio.to_thread(kill_connections, self.hub_url)
        elif fault.kind == "partition":
            link = self.links[fault.kiosk]
            link.pull()
            await asyncio.sleep(fault.seconds)
            link.plug()
            await self._catch_up(fault, entry)
        elif fault.kind == "sigkill":
            kiosk_proc = self.kiosks[fault.kiosk]
            await kiosk_proc.kill()
            await asyncio.sleep(RESTART_AFTER_S)
            await kiosk_proc.start()
        ended = time.time()
        entry["took_s"] = round(ended - started, 2)
        for span in spans:
            span[1] = ended
        self.record.faults.append(entry)

    async def _catch_up(self, fault: Fault, entry: dict) -> None:
        plugged = time.time()
        kiosk_id = self.kiosks[fault.kiosk].plan.kiosk_id
        waiting = [e["scan_id"] for number, e in self.record.scans
                   if number == fault.kiosk and e["t"] < plugged]
        done = None
        while time.time() - plugged < CATCH_UP_LIMIT_S:
            if await asyncio.to_thread(hub_has, self.hub_url, waiting) == len(waiting):
                done = time.time() - plugged
                break
            await asyncio.sleep(0.2)
        result = {"kiosk": kiosk_id, "partition_s": fault.seconds, "scans": len(waiting),
                  "catch_up_s": None if done is None else round(done, 2)}
        entry.update(catch_up_s=result["catch_up_s"], scans=len(waiting))
        self.record.catch_ups.append(result)

    async def _sample(self, stop: asyncio.Event) -> None:
        conn = None
        while not stop.is_set():
            try:
                if conn is None:
                    conn = await asyncio.to_thread(_connect, self.hub_url)
                n = await asyncio.to_thread(_kiosk_connections, conn)
                self.record.max_connections = max(self.record.max_connections, n)
            except Exception:  # the hub is restarting
                conn = None
            try:
                await asyncio.wait_for(stop.wait(), 1.0)
            except asyncio.TimeoutError:
                pass
        if conn is not None:
            conn.close()

    async def _settle(self) -> bool:
        """Until the hub holds every scan the kiosks reported (or the limit passes)."""
        deadline = time.time() + SETTLE_LIMIT_S
        while time.time() < deadline:
            if all(k.outstanding == 0 for k in self.kiosks.values() if k.alive):
                ids = [e["scan_id"] for _, e in self.record.scans]
                if await asyncio.to_thread(hub_has, self.hub_url, ids) == len(ids):
                    return True
            await asyncio.sleep(0.5)
        return False

    async def drive(self, tokens: list[str]) -> dict:
        record = self.record
        for plan in self.plans:
            link = Link(*_host_port(self.hub_url))
            await link.start()
            self.links[plan.number] = link
            self.kiosks[plan.number] = KioskProcess(
                plan, self.root / plan.kiosk_id, url_via(self.hub_url, link.port), record)
        self.say(f"starting {len(self.kiosks)} kiosk processes")
        await asyncio.gather(*(k.start() for k in self.kiosks.values()))
        try:
            await asyncio.wait_for(asyncio.gather(*(k.online.wait() for k in self.kiosks.values())),
                                   START_LIMIT_S)
        except asyncio.TimeoutError:
            raise KioskError(f"not every kiosk reached the hub within {START_LIMIT_S:.0f} s; "
                             f"see worker.log in the kiosk folders under {self.root}") from None
        exits = {p.gate for p in self.plans if p.role == "exit"}
        visits = plan_visits(arrivals_per_hour=self.o.arrivals_per_hour, minutes=self.o.minutes,
                             roster_size=len(tokens), gate_names=sorted({p.gate for p in self.plans}),
                             exit_gates=exits, seed=self.o.seed)
        self.say(f"{len(visits)} badges to show over {self.o.minutes:g} min; faults: "
                 + (", ".join(f"{f.label} at {f.at:.0f} s" for f in self.faults) or "none"))
        stop_sampling = asyncio.Event()
        sampler = asyncio.create_task(self._sample(stop_sampling))
        loop = asyncio.get_running_loop()
        self.started_wall = time.time()
        t0 = loop.time()
        fault_tasks = [asyncio.create_task(self._fault(f)) for f in self.faults]
        for n, visit in enumerate(visits):
            delay = t0 + visit.t - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            await self._visit(n, visit, tokens)
        await asyncio.sleep(max(0.0, t0 + self.duration - loop.time()))
        await asyncio.gather(*fault_tasks)
        self.say("last arrival shown; waiting for every kiosk to catch up")
        settled = await self._settle()
        stop_sampling.set()
        await sampler
        await asyncio.gather(*(k.stop() for k in self.kiosks.values()))
        for link in self.links.values():
            await link.close()
        return {"visits": len(visits), "settled": settled,
                "why": dict(Counter(v.why for v in visits))}


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if not parts.hostname:
        raise KioskError("the rehearsal reaches the hub over TCP: give a hub URL with a host "
                         "(postgresql://user@host:5432/dbname)")
    return parts.hostname, parts.port or 5432


# -- checking --------------------------------------------------------------------------------------
def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class Online:
    """Whether a kiosk was online at a moment (see the module docstring)."""

    def __init__(self, record: Record, end: float):
        self.statuses = record.statuses
        self.windows: dict[int, list[tuple[float, float]]] = {}
        for number, spans in record.windows.items():
            statuses = self.statuses.get(number, [])
            out = []
            for start, stop in spans:
                noticed = next((t for t, on in statuses if not on and start <= t <= start + 20), start)
                after = max(stop, noticed)
                back = next((t for t, on in statuses if on and t > after), end)
                out.append((start, back))
            self.windows[number] = out

    def __call__(self, number: int, t: float) -> bool:
        state = False
        for when, online in self.statuses.get(number, []):
            if when > t:
                break
            state = online
        return state and not any(a <= t < b for a, b in self.windows.get(number, []))

    def throughout(self, number: int, a: float, b: float) -> bool:
        if not (self(number, a) and self(number, b)):
            return False
        if any(a < t <= b and not on for t, on in self.statuses.get(number, [])):
            return False
        return not any(a < s <= b for s, _ in self.windows.get(number, []))


def merged_headcount(reh: Rehearsal, at) -> dict:
    """Every kiosk's log exported as its signed bundle and merged against the event folder (the
    kiosks' keys checked), then counted at ``at`` from the merged file."""
    from kiosk.core.timeutil import to_utc_text
    from kiosk.organiser.eventdir import EVENT_DB, EVENT_TOML
    from kiosk.organiser.kioskdir import KioskFolder
    from kiosk.services.figures import headcount_of
    from kiosk.sync.bundle import export_bundle
    from kiosk.sync.merge import merge_bundles

    out = reh.root / "bundles"
    out.mkdir(exist_ok=True)
    paths = []
    for plan in reh.plans:
        folder = KioskFolder.open(reh.root / plan.kiosk_id)
        with folder.open_store() as store:
            paths.append(export_bundle(store, folder.model,
                                       out / f"{plan.kiosk_id}.bundle")["bundle"])
    event = EventFolder.open(reh.root / "event")
    merged = reh.root / "merged.db"
    report = merge_bundles(paths, merged, event_id=event.model.id,
                           event_toml=(event.path / EVENT_TOML).read_text(encoding="utf-8"),
                           event_db=event.path / EVENT_DB, kiosk_keys=event.kiosk_keys())
    if report.rejected:
        raise KioskError(f"the merge refused {len(report.rejected)} of the kiosks' bundles: "
                         f"{report.rejected[0]['message']}")
    return headcount_of(db=merged, at_text=to_utc_text(at)).to_json()


def analyse(reh: Rehearsal, drive: dict, wall_s: float) -> dict:
    record = reh.record
    by_id = {p.kiosk_id: p.number for p in reh.plans}
    local_rows = []
    for plan in reh.plans:
        with KioskStore.open(reh.root / plan.kiosk_id / "kiosk.db", readonly=True) as store:
            local_rows.extend(store.scans())
    local_ids = {r["scan_id"] for r in local_rows}
    replied = {e["scan_id"] for _, e in record.scans}
    on_hub = {sid for sid, _ in hub_scans(reh.hub_url)}
    lost_ids = sorted((local_ids | replied) - on_hub)
    end = time.time()
    online = Online(record, end)

    # Double admissions, judged from every kiosk's own log.
    doubles = []
    for d in find_double_uses(local_rows, reh.rules):
        a, b = by_id[d.first["kiosk_id"]], by_id[d.second["kiosk_id"]]
        t1 = from_utc_text(d.first["at_utc"]).timestamp()
        t2 = from_utc_text(d.second["at_utc"]).timestamp()
        offline = [name for name, k, t in (("first", a, t1), ("second", b, t2)) if not online(k, t)]
        doubles.append({"attendee_id": d.attendee_id, "category": d.category, "reason": d.reason,
                        "first": {"kiosk": d.first["kiosk_id"], "gate": d.first["gate"],
                                  "at": d.first["at_utc"]},
                        "second": {"kiosk": d.second["kiosk_id"], "gate": d.second["gate"],
                                   "at": d.second["at_utc"]},
                        "seconds_apart": round(d.seconds_apart, 1),
                        "offline": "+".join(offline) or "neither"})

    # Propagation: a commit at one online kiosk until every other online kiosk's view has it.
    delays, missing = [], 0
    for number, event in record.scans:
        if event["outcome"] not in ("accepted", "reentry", "exited") or not event["attendee_id"]:
            continue
        t = event["t"]
        if not online(number, t):
            continue
        worst = 0.0
        for other in reh.kiosks:
            if other == number or not online(other, t):
                continue
            column = 2 if event["outcome"] == "exited" else 1
            seen = next((when for when, *values in record.known[other].get(
                event["attendee_id"].upper(), []) if values[column - 1] and values[column - 1] >= event["at"]), None)
            if seen is None:
                if online.throughout(other, t, end - 1):
                    missing += 1
                continue
            if online.throughout(other, t, seen):
                worst = max(worst, seen - t)
        delays.append(worst * 1000)

    # The hub's headcount against the kiosks' own logs, exported and merged as after the fair:
    # one engine, fed the scans by two roads (the hub's copy; the signed bundles).
    at = utcnow()
    with HubClient.connect(reh.hub_url) as hub:
        copy = HubCopy()
        try:
            hub_count = hub_headcount_at(hub, copy, at, TZ).to_json()
        finally:
            copy.close()
    recount = merged_headcount(reh, at)
    for count in (hub_count, recount):
        count.pop("source", None)
    agrees = hub_count == recount

    catch = [c["catch_up_s"] for c in record.catch_ups]
    online_doubles = sum(1 for d in doubles if d["offline"] == "neither")
    result = {
        "kiosks": len(reh.plans),
        "gates": len({p.gate for p in reh.plans}),
        "arrivals_per_hour": reh.o.arrivals_per_hour,
        "minutes": reh.o.minutes,
        "seed": reh.o.seed,
        "hub": "a throwaway PostgreSQL server" if reh.server else redact(reh.hub_url),
        "faults": sorted(record.faults, key=lambda f: f["at_s"]),
        "badges_shown": len(record.scans) + len(record.errors),
        "planned": drive["why"],
        "not_shown": record.not_shown,
        "scans": len(local_rows),
        "scans_on_hub": len(on_hub),
        "outcomes": dict(Counter(r["outcome"] for r in local_rows).most_common()),
        "lost": len(lost_ids),
        "lost_scan_ids": lost_ids[:20],
        "double_admissions_online": online_doubles,
        "double_admissions_offline": len(doubles) - online_doubles,
        "double_admissions": doubles,
        "propagation_ms": {"p50": round(_percentile(delays, 0.5), 1),
                           "p95": round(_percentile(delays, 0.95), 1),
                           "max": round(max(delays, default=0.0), 1),
                           "samples": len(delays), "never_arrived": missing},
        "catch_up_s": max((c for c in catch if c is not None), default=None)
        if None not in catch else None,
        "partitions": record.catch_ups,
        "hub_connections": {"max": record.max_connections, "kiosks": len(reh.plans)},
        "headcount_agrees": agrees,
        "headcount": {"hub": hub_count, "recount": recount},
        "kiosk_errors": len(record.errors),
        "settled": drive["settled"],
        "wall_s": round(wall_s, 1),
    }
    problems = []
    if result["lost"]:
        problems.append(f"{result['lost']} scans lost")
    if online_doubles:
        problems.append(f"{online_doubles} double admissions while both kiosks were online")
    if not agrees:
        problems.append("the hub's headcount differs from the merge of the kiosks' logs")
    if None in catch:
        problems.append("a kiosk did not catch up after its partition")
    if missing:
        problems.append(f"{missing} entries never reached an online kiosk's view")
    if not drive["settled"]:
        problems.append("the kiosks did not all catch up after the last arrival")
    if result["kiosk_errors"]:
        problems.append(f"{result['kiosk_errors']} check-ins failed at a kiosk")
    result["problems"] = problems
    result["ok"] = not problems
    return result


def rehearse(options: Options, say: Callable[[str], None] = lambda _: None) -> dict:
    """Run one rehearsal and return its report (see the module docstring)."""
    if not 1 <= options.arrivals_per_hour <= 1_000_000:
        raise KioskError("--arrivals-per-hour must be between 1 and 1000000")
    if not 0.5 <= options.minutes <= 24 * 60:
        raise KioskError("--minutes must be between 0.5 and 1440")
    if options.hub:
        check_url(options.hub)
    reh = Rehearsal(options, Path("."), say)  # checks the kiosks and faults before any work
    started = time.perf_counter()
    temp = None
    if options.workdir is None:
        temp = tempfile.TemporaryDirectory(prefix="kiosk-rehearse-")
        root = Path(temp.name)
    else:
        root = Path(options.workdir)
        if root.exists() and any(root.iterdir()):
            raise KioskError(f"{root} is not empty; give a new or empty folder for --workdir")
        root.mkdir(parents=True, exist_ok=True)
    reh.root = root
    previous = None
    if threading.current_thread() is threading.main_thread():
        # A rehearsal stopped with SIGTERM still stops its server and removes its folders.
        previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        say(f"provisioning {options.kiosks} kiosks in {root}")
        tokens = reh.provision()
        reh.hub_url = reh.start_hub()
        drive = asyncio.run(reh.drive(tokens))
        try:
            return analyse(reh, drive, time.perf_counter() - started)
        except HubError as exc:
            raise KioskError(f"checking the rehearsal: {exc}") from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if reh.server is not None:
            reh.server.destroy()
        if temp is not None:
            temp.cleanup()


def _terminated(signum, frame):
    raise KioskError("stopped by SIGTERM")


def summary(report: dict) -> str:
    """The report as a few lines for people."""
    p = report["propagation_ms"]
    lines = [
        f"Rehearsal: {report['kiosks']} kiosks at {report['gates']} gates, "
        f"{report['arrivals_per_hour']:g} arrivals an hour for {report['minutes']:g} min, "
        f"hub: {report['hub']}, seed {report['seed']}",
        "faults: " + (", ".join(f"{f['fault']} at {f['at_s']:g} s" for f in report["faults"])
                      or "none"),
        f"scans: {report['scans']} at the kiosks, {report['scans_on_hub']} on the hub; "
        f"lost: {report['lost']}",
        f"double admissions: {report['double_admissions_online']} while both kiosks were online, "
        f"{report['double_admissions_offline']} while one was offline",
        f"propagation to every other online kiosk: p50 {p['p50']:.0f} ms, p95 {p['p95']:.0f} ms, "
        f"max {p['max']:.0f} ms ({p['samples']} entries)",
    ]
    for c in report["partitions"]:
        took = "did not catch up" if c["catch_up_s"] is None else f"caught up in {c['catch_up_s']:.1f} s"
        lines.append(f"partition of {c['kiosk']} for {c['partition_s']:g} s: {c['scans']} scans, "
                     f"{took}")
    lines += [
        f"hub connections: at most {report['hub_connections']['max']} for "
        f"{report['kiosks']} kiosks",
        "headcount: the hub's count " + ("agrees with" if report["headcount_agrees"] else "DIFFERS from")
        + " the merge of every kiosk's own log "
        f"({report['headcount']['hub']['unique_checked_in']} checked in, "
        f"{report['headcount']['hub']['inside_now']} inside)",
        "result: " + ("ok" if report["ok"] else "FAILED: " + "; ".join(report["problems"])),
    ]
    return "\n".join(lines)
