"""`kiosk merge`: bundles into one MERGED.db, idempotent by scan id.

How it stays correct and quick:

- Every bundle is checked before any of its rows count: length against its SQLite header, its
  metadata, then every row against its SHA-256. A refused bundle adds nothing.
- A file merged before is recognised from the SHA-256 of its bytes (recorded in
  ``merged_bundles``), so merging the same files again reads each file once at disk speed and
  writes nothing.
- Bundles go in by groups of up to ten (SQLite's limit of attached files), one transaction per
  group: ``INSERT ... SELECT ... ON CONFLICT (scan_id) DO NOTHING`` from each attached bundle
  while a checking process reads the same bundles, verifies their digests and adds up what their
  rows bring to the derived tables (a thread would fight this one for Python's lock). If a bundle
  of the group fails, the group is undone and its good bundles go in again.
- The per-row triggers are off during the load; the derived tables are brought up to date from the
  rows actually added, in the same transaction, so every commit leaves a consistent database. A
  first large load drops two secondary indexes and builds them again at the end, by sorting.
- A scan id that was already present with different content is a conflict: the first version
  stays (the log is append-only) and the other is reported and kept in ``merge_conflicts``.
- A bundle's walk-ins (visitors registered at its kiosk, numbered ``WI-<KIOSK>-NNNN``) go into
  ``walk_ins`` (which kiosk, when, who) and into ``attendees`` as roster additions, each once
  by its number; a number seen before with other details keeps the first and is counted as a
  conflict. The organiser's own roster row for the same number, once imported, wins.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from contextlib import contextmanager
from typing import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.errors import KioskError
from kiosk.storage.db import Transaction
from kiosk.storage.merged import SCAN_INDEXES, DerivedDelta, MergedStore, set_derived_triggers
from kiosk.storage.presence import is_stale, rebuild_presence
from kiosk.storage.schema import SCAN_COLUMNS
from kiosk.storage.walk_ins import COLUMNS as WALK_IN_COLUMNS, add_to_roster
from kiosk.sync.bundle import (
    BundleError,
    BundleHeader,
    attach_uri,
    bundle_reissues,
    check_signature,
    file_sha256,
    read_header,
    verify,
)

# SQLite attaches at most 10 databases to one connection (the compile-time default).
GROUP = 10
MAX_LISTED_CONFLICTS = 1000
# Below this many incoming scans, bundles are checked in this thread rather than in a process.
PROCESS_THRESHOLD = 200_000
BULK_THRESHOLD = 50_000
BULK_INDEXES = tuple(SCAN_INDEXES)  # every secondary index of the scan log

_COLS = ", ".join(SCAN_COLUMNS)
_COMPARED = [c for c in SCAN_COLUMNS if c != "scan_id"]


@dataclass
class MergeReport:
    into: str
    added: int = 0
    already_present: int = 0
    rejected: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    conflict_count: int = 0
    bundles: list[dict] = field(default_factory=list)
    scans_total: int = 0
    seconds: float = 0.0
    waited_seconds: float = 0.0  # for another merge into the same file to finish
    walk_ins_added: int = 0
    walk_ins_present: int = 0
    walk_in_conflicts: int = 0

    def reject(self, path: Path, error: BundleError) -> None:
        self.rejected.append({"bundle": str(path), "reason": error.code, "message": str(error)})

    def to_json(self) -> dict:
        return {
            "into": self.into,
            "added": self.added,
            "already_present": self.already_present,
            "rejected": self.rejected,
            "conflicts": self.conflicts,
            "conflict_count": self.conflict_count,
            "bundles": self.bundles,
            "scans_total": self.scans_total,
            "seconds": round(self.seconds, 3),
            "waited_seconds": round(self.waited_seconds, 3),
            "walk_ins": {"added": self.walk_ins_added, "already_present": self.walk_ins_present,
                         "conflicts": self.walk_in_conflicts},
        }


@dataclass
class _Candidate:
    header: BundleHeader
    file_sha256: str


def merge_bundles(paths: list[Path | str], into: Path | str, *, event_id: str | None = None,
                  event_toml: str | None = None, event_db: Path | None = None,
                  workers: int | None = None,
                  kiosk_keys: dict[str, list[bytes]] | None = None,
                  max_bytes: int | None = None,
                  on_wait: Callable[[], None] | None = None) -> MergeReport:
    """Merge bundles into ``into``; ``event_*`` come from the organiser's event folder, if given.

    With ``kiosk_keys`` (the event's kiosks and their public keys), a bundle must be signed by
    its kiosk's key. Refused bundles are listed in the report, never raised: the good ones
    still merge.
    """
    started = time.perf_counter()
    if workers is None:
        workers = max(1, min(4, (os.cpu_count() or 2) - 1))
    into = Path(into)
    report = MergeReport(into=str(into))
    if into.exists() and into.is_dir():
        raise KioskError(f"{into} is a folder; give the merged database's file name")
    if not into.parent.is_dir():
        raise KioskError(f"no folder {into.parent} for the merged database")
    with merge_lock(into, on_wait) as waited:
        report.waited_seconds = waited
        return _merge_locked(paths, into, report, started, event_id, event_toml, event_db,
                             workers, kiosk_keys, max_bytes)


@contextmanager
def merge_lock(into: Path, on_wait: Callable[[], None] | None = None):
    """One merge into a file at a time: a second one waits for the first (yields the wait)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: SQLite's own locking still keeps the file whole
        yield 0.0
        return
    with open(into.with_name(into.name + ".lock"), "a+") as fh:
        waited = 0.0
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            began = time.monotonic()
            fcntl.flock(fh, fcntl.LOCK_EX)
            waited = time.monotonic() - began
        try:
            yield waited
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _merge_locked(paths, into: Path, report: MergeReport, started: float, event_id, event_toml,
                  event_db, workers: int, kiosk_keys, max_bytes) -> MergeReport:
    headers: list[BundleHeader] = []
    for path in paths:
        try:
            headers.append(read_header(path, max_bytes=max_bytes))
        except BundleError as exc:
            report.reject(Path(path), exc)

    store = MergedStore.open(into, create=False) if into.exists() else None
    try:
        target = (store.get_meta("event_id") if store else None) or event_id
        if event_id and target != event_id:
            raise KioskError(f"{into} holds event {target}, not {event_id}; merge into another file")
        target = target or (headers[0].event_id if headers else None)

        reissue_check = (_reissue_checker(target, kiosk_keys, event_toml, event_db)
                         if kiosk_keys is not None else None)
        with ThreadPoolExecutor(max_workers=2) as pool:
            candidates = _select(headers, target, store, pool, report, kiosk_keys, reissue_check)
        if not candidates and (event_db is None or report.rejected):
            # Nothing to add (or only refused bundles): MERGED.db is left exactly as it was
            # (or not created).
            report.scans_total = store.scan_count() if store else 0
            report.seconds = time.perf_counter() - started
            return report
        created = store is None
        if store is None:
            store = MergedStore.open(into, create=True)
        meta = {}
        if not store.get_meta("event_id"):
            meta["event_id"] = target or ""
        # The organiser's event.toml is the newest word on the event; a bundle's copy (the
        # kiosk's, from provisioning) serves until one is given.
        if event_toml:
            meta["event_toml"] = event_toml
        elif not store.get_meta("event_toml") and candidates:
            meta["event_toml"] = candidates[0].header.meta["event_toml"]
        recorded = _load(store, candidates, workers, report, meta) if candidates else 0
        if event_db is not None:
            with Transaction(store.conn):
                store.set_meta(meta)
            store.copy_roster_from(event_db)
        if reissue_check is not None:
            refused = {r["bundle"] for r in report.rejected}
            _record_reissues(store, [c.header for c in candidates if str(c.header.path) not in refused],
                             event_db)
        elif created and not recorded:
            # Every bundle was refused: leave no empty database behind.
            store.close()
            store = None
            into.unlink(missing_ok=True)
            report.seconds = time.perf_counter() - started
            return report
        report.scans_total = store.scan_count()
    finally:
        if store is not None:
            store.close()
    report.seconds = time.perf_counter() - started
    return report


def _select(headers: list[BundleHeader], target: str | None, store: MergedStore | None,
            pool: ThreadPoolExecutor, report: MergeReport,
            kiosk_keys: dict[str, list[bytes]] | None = None,
            reissue_check: Callable[[BundleHeader], None] | None = None) -> list[_Candidate]:
    """Drop other events' bundles, unsigned or forged ones (when the kiosks' keys are known)
    and files merged before (known by the SHA-256 of their bytes)."""
    same_event = []
    for header in headers:
        if header.event_id != target:
            report.reject(header.path, BundleError(
                "other_event", f"{header.path} is from event {header.event_id}, "
                f"not {target}"))
            continue
        if kiosk_keys is not None:
            try:
                check_signature(header, kiosk_keys)
                if reissue_check is not None:
                    reissue_check(header)
            except BundleError as exc:
                report.reject(header.path, exc)
                continue
        same_event.append(header)
    hashes = list(pool.map(lambda h: file_sha256(h.path), same_event))
    candidates, seen = [], set()
    for header, digest in zip(same_event, hashes):
        known = digest in seen or (store is not None and store.bundle_by_file(digest) is not None)
        if known:
            report.already_present += header.scan_count
            report.bundles.append(_entry(header, "already_merged", 0, header.scan_count))
            continue
        seen.add(digest)
        candidates.append(_Candidate(header, digest))
    return candidates


def _reissue_checker(event_id: str | None, kiosk_keys: dict[str, list[bytes]],
                     event_toml: str | None, event_db: Path | None):
    """BundleHeader -> None, or BundleError("bad_reissue"): each badge the bundle's kiosk
    reissued is signed by that kiosk's own key (one the event knows it by), for the attendee and
    issue it says, and claims no more than the event's roster gives (when the event is given)."""
    from kiosk.core.rules import fair_reissue
    from kiosk.core.tokens import TokenError, TokenVerifier, public_from_raw

    rules = None
    if event_toml:
        from kiosk.config import parse_event

        rules = parse_event(event_toml, "the event").rules()

    def find(attendee_id: str):
        if event_db is None:
            return None
        from kiosk.storage import roster

        conn = sqlite3.connect(f"file:{event_db}?mode=ro", uri=True)
        try:
            return roster.find_attendee(conn, attendee_id)
        finally:
            conn.close()

    def check(header: BundleHeader) -> None:
        kiosk_id = header.kiosk_id
        verifier = TokenVerifier(event_id or header.event_id, {}, kiosk_keys=[
            (kiosk_id, public_from_raw(raw)) for raw in kiosk_keys.get(kiosk_id, [])])
        for row in bundle_reissues(header):
            try:
                claims = verifier.verify(str(row["token"]))
            except TokenError as exc:
                raise BundleError("bad_reissue", f"{header.path}: the badge {kiosk_id} reissued "
                                  f"to {row['attendee_id']} is not signed by its key "
                                  f"({exc})") from None
            ok = (claims.signed_by == kiosk_id and claims.attendee_id == row["attendee_id"]
                  and claims.issue == row["issue"])
            if ok and rules is not None and event_db is not None:
                ok = fair_reissue(claims, find(claims.attendee_id), rules)
            if not ok:
                raise BundleError("bad_reissue", f"{header.path}: kiosk {kiosk_id} reissued a "
                                  f"badge to {row['attendee_id']} that claims more than a "
                                  "reissue may (another holder, issue, category, days or venues)")

    return check


def _record_reissues(store: MergedStore, headers: list[BundleHeader], event_db: Path | None) -> None:
    """The newest issue of each attendee's badge, from the kiosks' reissues: into the merged
    file and, with the event, into event.db, so `kiosk badges` goes on from it and `kiosk init`
    takes it to every kiosk (the older badges are refused there as superseded)."""
    from kiosk.storage.roster import current_badge
    from kiosk.storage.staff_store import record_issued

    rows = sorted((r for h in headers for r in bundle_reissues(h)), key=lambda r: r["issue"])
    if not rows:
        return
    targets = [store.conn]
    event_conn = None
    if event_db is not None:
        from kiosk.storage.event_store import EventStore

        event_conn = EventStore.open(event_db)
        targets.append(event_conn.conn)
    try:
        for conn in targets:
            for row in rows:
                current = current_badge(conn, row["attendee_id"])
                if current is None or current[1] < row["issue"]:
                    record_issued(conn, [(row["attendee_id"], row["token"])], at=row["at_utc"])
    finally:
        if event_conn is not None:
            event_conn.close()


def _entry(header: BundleHeader, status: str, added: int, present: int, conflicts: int = 0) -> dict:
    return {"bundle": str(header.path), "kiosk_id": header.kiosk_id, "status": status,
            "scans": header.scan_count, "added": added, "already_present": present,
            "conflicts": conflicts}


@dataclass
class GroupCheck:
    """The verdict on each bundle of a group, and what all of them add to the derived tables
    (meaningful when every one passed and every row turns out to be new)."""

    errors: list[BundleError | None]
    delta: DerivedDelta


def check_group(headers: list[BundleHeader]) -> GroupCheck:
    """Check a group of bundles; runs in a separate process for large merges."""
    delta = DerivedDelta(offset=1)
    errors: list[BundleError | None] = []
    for header in headers:
        try:
            verify(header, delta)
            errors.append(None)
        except BundleError as exc:
            errors.append(exc)
    return GroupCheck(errors, delta)


class _InlineChecker:
    """Checks when asked, in this thread: for small merges a process costs more than it saves."""

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        future.set_running_or_notify_cancel()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed back through the future, as a pool would
            future.set_exception(exc)
        return future

    def shutdown(self) -> None:
        pass


def _checker(incoming: int, workers: int):
    if incoming < PROCESS_THRESHOLD or workers < 1:
        return _InlineChecker()
    # A process, not a thread: reading rows holds Python's lock, and the inserts in this thread
    # would keep handing it back and forth with a checking thread.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def _set_zone(store: MergedStore) -> None:
    """The event's zone, so the merged counters keep local quarter hours as a kiosk's do."""
    from kiosk.config import parse_event

    text = store.get_meta("event_toml")
    if text:
        model = parse_event(text, "the event in the merged database")
        store.set_zone(model.timezone, model.days)


def _load(store: MergedStore, candidates: list[_Candidate], workers: int,
          report: MergeReport, meta: dict[str, str]) -> int:
    """Load the candidates group by group; how many bundles were recorded as merged."""
    conn = store.conn
    incoming = sum(c.header.scan_count for c in candidates)
    # A large load into a small log: building these indexes by sorting afterwards beats keeping
    # them up row by row. Every commit stays correct without them; only queries are slower.
    bulk = incoming > max(store.scan_count(), BULK_THRESHOLD)
    groups = [candidates[i:i + GROUP] for i in range(0, len(candidates), GROUP)]
    checker = _checker(incoming, workers)
    checks: dict[int, Future] = {}
    recorded = 0

    def submit(g: int) -> None:
        # Check at most a couple of groups ahead, so memory stays flat however many there are.
        if g < len(groups) and g not in checks:
            checks[g] = checker.submit(check_group, [c.header for c in groups[g]])

    try:
        for g, group in enumerate(groups):
            for ahead in range(g, g + 1 + max(1, workers)):
                submit(ahead)
            aliases = []
            try:
                for n, cand in enumerate(group):
                    conn.execute(f"ATTACH DATABASE ? AS b{n}", (attach_uri(cand.header.path),))
                    aliases.append(f"b{n}")
                conn.execute("BEGIN IMMEDIATE")
                try:
                    if meta and not recorded:
                        store.set_meta(meta)
                        _set_zone(store)
                    set_derived_triggers(conn, False)
                    if bulk and g == 0:
                        for name in BULK_INDEXES:
                            conn.execute(f"DROP INDEX IF EXISTS {name}")
                    done = _load_group(store, group, aliases, checks.pop(g), report)
                    if g == len(groups) - 1:
                        _create_indexes(conn)
                        if is_stale(conn):
                            rebuild_presence(conn)
                    set_derived_triggers(conn, True)
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                # A group that brought nothing is undone, so the file stays byte for byte as it
                # was (switching the triggers off and on rewrites the schema).
                conn.execute("COMMIT" if done else "ROLLBACK")
                recorded += done
            finally:
                for alias in aliases:
                    conn.execute(f"DETACH DATABASE {alias}")
    finally:
        checker.shutdown()
    if recorded:
        _create_indexes(conn)  # after an interrupted bulk load, the next merge puts them back
    if is_stale(conn):  # an earlier merge stopped between groups
        with Transaction(conn):
            rebuild_presence(conn)
    return recorded


def _create_indexes(conn: sqlite3.Connection) -> None:
    for name in BULK_INDEXES:
        conn.execute(SCAN_INDEXES[name])


def _insert(conn: sqlite3.Connection, alias: str) -> int:
    conn.execute(f"INSERT INTO main.scans ({_COLS}) SELECT {_COLS} FROM {alias}.scans "
                 "WHERE true ORDER BY seq ON CONFLICT (scan_id) DO NOTHING")
    return conn.execute("SELECT changes()").fetchone()[0]


def _load_group(store: MergedStore, group: list[_Candidate], aliases: list[str],
                check: Future, report: MergeReport) -> int:
    """Insert a group's bundles (attached as ``aliases``) and bring the derived tables along;
    return how many bundles were recorded."""
    conn = store.conn
    group_start = store.max_seq()
    conn.execute("SAVEPOINT grp")
    # The rows go in while the checker reads them. If any bundle fails, the group is undone and
    # only the good ones go in again (rare, so the common case pays nothing for it).
    inserted: list[tuple[int, int]] = []
    errors: list[BundleError | None] = [None] * len(group)
    for i, alias in enumerate(aliases):
        old_max = store.max_seq()
        try:
            inserted.append((old_max, _insert(conn, alias)))
        except sqlite3.DatabaseError as exc:
            inserted.append((old_max, 0))
            errors[i] = BundleError("damaged", f"{group[i].header.path} cannot be read ({exc})")
    try:
        verdict = check.result()
    except Exception:  # the checking process died or could not start: check here instead
        verdict = check_group([c.header for c in group])
    errors = [mine or theirs for mine, theirs in zip(errors, verdict.errors)]
    if any(errors):
        conn.execute("ROLLBACK TO grp")
        inserted = []
        for i, alias in enumerate(aliases):
            old_max = store.max_seq()
            inserted.append((old_max, 0 if errors[i] else _insert(conn, alias)))
    conn.execute("RELEASE grp")

    all_new = not any(errors)
    recorded = 0
    for i, cand in enumerate(group):
        header = cand.header
        if errors[i] is not None:
            report.reject(header.path, errors[i])
            continue
        old_max, added = inserted[i]
        if store.bundle_by_content(header.content_sha256) is not None:
            # The same content under other bytes (copied through a tool that rewrote the file).
            report.already_present += header.scan_count
            report.bundles.append(_entry(header, "already_merged", 0, header.scan_count))
            store.record_bundle(**_bundle_row(cand, 0))
            recorded += 1
            all_new = False
            continue
        conflicts: list[dict] = []
        if added != header.scan_count:
            all_new = False
            conflicts = _conflicts(conn, aliases[i], old_max, cand)
        store.record_bundle(**_bundle_row(cand, added))
        store.record_conflicts(conflicts)
        present = header.scan_count - added - len(conflicts)
        report.added += added
        report.already_present += present
        report.conflict_count += len(conflicts)
        room = MAX_LISTED_CONFLICTS - len(report.conflicts)
        report.conflicts.extend(
            {"scan_id": c["scan_id"], "bundle": str(header.path), "kiosk_id": c["kiosk_id"],
             "columns": c["columns"]} for c in conflicts[:max(room, 0)])
        report.bundles.append(_entry(header, "merged", added, present, len(conflicts)))
        if header.walk_in_count:
            _merge_walk_ins(conn, aliases[i], header.walk_in_count, report)
        recorded += 1
    # The checker's sums hold when every row of every bundle was new; otherwise add up exactly
    # the rows this group appended.
    delta = verdict.delta if all_new else store.delta_since(group_start)
    delta.apply(conn)
    return recorded


def _merge_walk_ins(conn: sqlite3.Connection, alias: str, count: int, report: MergeReport) -> None:
    """A checked bundle's walk-ins into ``walk_ins`` and, as roster additions, ``attendees``."""
    cols = ", ".join(WALK_IN_COLUMNS)
    differs = " OR ".join(f"m.{c} IS NOT b.{c}" for c in WALK_IN_COLUMNS if c != "attendee_id")
    conflicts = conn.execute(
        f"SELECT COUNT(*) FROM {alias}.walk_ins b JOIN main.walk_ins m "
        f"ON m.attendee_id = b.attendee_id WHERE {differs}").fetchone()[0]
    conn.execute(f"INSERT INTO main.walk_ins ({cols}) SELECT {cols} FROM {alias}.walk_ins "
                 "WHERE true ORDER BY seq ON CONFLICT (attendee_id) DO NOTHING")
    added = conn.execute("SELECT changes()").fetchone()[0]
    add_to_roster(conn, f"{alias}.walk_ins")
    report.walk_ins_added += added
    report.walk_in_conflicts += conflicts
    report.walk_ins_present += count - added - conflicts


def _bundle_row(cand: _Candidate, added: int) -> dict:
    meta = cand.header.meta
    return {"content_sha256": meta["content_sha256"], "file_sha256": cand.file_sha256,
            "kiosk_id": meta["kiosk_id"], "venue": meta["venue"], "gate": meta["gate"],
            "scans": int(meta["scan_count"]), "added": added,
            "first_seq": int(meta["first_seq"]), "last_seq": int(meta["last_seq"]),
            "exported_at": meta["exported_at"], "source": cand.header.path.name}


def _conflicts(conn: sqlite3.Connection, alias: str, old_max: int, cand: _Candidate) -> list[dict]:
    """Rows of this bundle whose scan id was already in the log with other content."""
    differs = " OR ".join(f"m.{c} IS NOT b.{c}" for c in _COMPARED)
    sql = (f"SELECT {', '.join('m.' + c for c in SCAN_COLUMNS)}, "
           f"{', '.join('b.' + c for c in SCAN_COLUMNS)} "
           f"FROM {alias}.scans b JOIN main.scans m ON m.scan_id = b.scan_id "
           f"WHERE m.seq <= ? AND ({differs})")
    width = len(SCAN_COLUMNS)
    found = []
    for row in conn.execute(sql, (old_max,)):
        kept = dict(zip(SCAN_COLUMNS, row[:width]))
        offered = dict(zip(SCAN_COLUMNS, row[width:]))
        found.append({
            "scan_id": kept["scan_id"],
            "bundle_sha256": cand.header.content_sha256,
            "kiosk_id": offered["kiosk_id"],
            "columns": [c for c in _COMPARED if kept[c] != offered[c]],
            "kept": kept,
            "offered": offered,
        })
    return found
