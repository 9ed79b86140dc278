"""Log commands: export, merge, push, report, hub (init, publish, status, attach, detach)."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.commands import emit, hub_url_arg, warn
from kiosk.core.errors import KioskError

PROBLEM_EXIT = 1


def register(commands) -> None:
    p = commands.add_parser(
        "export", help="write a kiosk's scan log to one self-checking bundle file",
        description="Write the kiosk's whole scan log, its id, venue, gate, event, schema version, "
        "counts and a SHA-256 over the content to one SQLite file (readable with sqlite-utils "
        "and Datasette). Safe while the kiosk runs. If BUNDLE is a folder, the file is named "
        "KIOSKID-TIME.bundle inside it.")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR", help="the kiosk folder")
    # A string, not a Path: a trailing slash ("bundles/") says "a folder", and Path drops it.
    p.add_argument("--out", required=True, metavar="BUNDLE",
                   help="the bundle file to write, or a folder to write it into (created if "
                   "missing when written with a trailing slash)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser(
        "merge", help="merge bundles into one database (idempotent by scan id)",
        description="Merge kiosk bundles into MERGED.db (created if missing). Each bundle is "
        "checked first: a truncated, changed or other event's bundle is refused with a reason "
        "and adds nothing; with --event, so is one that is unsigned, badly signed or from a "
        "kiosk the event never provisioned (unsigned, bad_signature, unknown_kiosk). Merging a bundle again adds nothing. A scan id already present with "
        f"different content is reported as a conflict (the first version stays). Exits "
        f"{PROBLEM_EXIT} if any bundle was refused.")
    p.add_argument("bundles", nargs="+", type=Path, metavar="BUNDLE")
    p.add_argument("--into", required=True, type=Path, metavar="MERGED.db",
                   help="the merged database (created if missing, with its folders)")
    p.add_argument("--event", type=Path, metavar="DIR",
                   help="the event folder: its roster (for no-shows in the report) and "
                   "event.toml go into MERGED.db, and its kiosks' public keys check every "
                   "bundle's signature (without it, signatures are not checked)")
    p.add_argument("--max-size", type=int, default=4096, metavar="MB",
                   help="refuse bundles larger than this, before reading them (default 4096)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_merge)

    p = commands.add_parser(
        "push", help="send a kiosk's new scans to the hub (idempotent)",
        description="Send every scan the hub does not have yet, in batches, and bring back "
        "revocations and late roster additions. The running kiosk does the same in the "
        "background when kiosk.toml names a hub. With --watch, keep doing it until stopped "
        "(Ctrl-C), for a kiosk whose scans come from another process.")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR", help="the kiosk folder")
    p.add_argument("--hub", metavar="URL", type=hub_url_arg, help="postgresql://... (default: the hub_url in "
                   "kiosk.toml)")
    p.add_argument("--watch", action="store_true",
                   help="keep pushing (looking every 2 s) and print a line whenever the state "
                   "changes; an unreachable hub is retried, not an error")
    p.add_argument("--json", action="store_true", help="print JSON (with --watch: one object "
                   "per line)")
    p.set_defaults(handler=cmd_push)

    p = commands.add_parser(
        "report", help="CSV tables, PNG charts and one HTML page for the organiser",
        description="Attendance per day, category, gate and hour, first check-ins, no-shows "
        "(CSV); arrivals per 15 minutes and the inside-now curve (PNG); and DIR/index.html "
        "with everything on one self-contained page.")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path, metavar="MERGED.db", help="a merged database")
    where.add_argument("--hub", metavar="URL", type=hub_url_arg, help="the hub, postgresql://...")
    p.add_argument("--out", required=True, type=Path, metavar="DIR",
                   help="the folder for the report (created if missing)")
    p.add_argument("--lang", default="en", choices=("en", "ur", "zh"),
                   help="the language of index.html: en (default), ur (right to left) or zh; "
                   "the CSV files are the same in every language")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_report)

    hub = commands.add_parser("hub", help="the PostgreSQL hub: init, publish, status, attach, detach")
    hub_cmds = hub.add_subparsers(dest="hub_command", metavar="ACTION")
    hub_cmds.required = True
    p = hub_cmds.add_parser("init", help="create or migrate the hub's schema (safe to repeat)")
    p.add_argument("url", metavar="URL", type=hub_url_arg, help="the hub, postgresql://user@host:5432/dbname")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_hub_init)
    p = hub_cmds.add_parser(
        "publish", help="send the event's roster and revocations to the hub for kiosks to pull",
        description="Send the event folder's event.toml, roster, revocation list and its "
        "kiosks' public keys to the hub. Only changed rows go out; kiosks attached to the hub "
        "pull them within moments. Once published, the hub refuses scans from kiosks the event "
        "does not know, and the organiser's blocks are asserted again over any kiosk's.")
    p.add_argument("url", metavar="URL", type=hub_url_arg, help="the hub, postgresql://user@host:5432/dbname")
    p.add_argument("--event", required=True, type=Path, metavar="DIR", help="the event folder")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_hub_publish)
    p = hub_cmds.add_parser("status", help="the hub's event, scans and kiosks")
    p.add_argument("url", metavar="URL", type=hub_url_arg, help="the hub, postgresql://user@host:5432/dbname")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_hub_status)
    p = hub_cmds.add_parser(
        "attach", help="make a kiosk push to this hub while it runs",
        description="Store URL as the kiosk's hub_url in kiosk.toml: `kiosk run` then pushes in "
        "the background and `kiosk push` needs no --hub. A password is never part of URL (the "
        "command line is visible in `ps`): set PGPASSWORD, and it is kept in KIOSKDIR/hub.pgpass "
        "(mode 0600, libpq's password file), not in kiosk.toml.")
    p.add_argument("url", metavar="URL", type=hub_url_arg, help="the hub, postgresql://user@host:5432/dbname")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR", help="the kiosk folder")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_hub_attach)
    p = hub_cmds.add_parser("detach", help="stop a kiosk pushing to a hub")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR", help="the kiosk folder")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_hub_detach)


# -- bundles -------------------------------------------------------------------------------------
def cmd_export(args) -> int:
    from kiosk.organiser.kioskdir import KioskFolder
    from kiosk.sync.bundle import export_bundle

    folder = KioskFolder.open(args.kiosk)
    out = bundle_target(args.out)
    key = folder.signing_key()
    if key is None:
        warn(f"kiosk {folder.model.kiosk_id} has no key of its own (provisioned by an older "
             "program): the bundle is unsigned and `kiosk merge --event` will refuse it; run "
             "`kiosk init` for this kiosk again, then export again")
    with folder.open_store(readonly=True) as store:
        summary = export_bundle(store, folder.model, out, signing_key=key)
    _describe(Path(summary["bundle"]), bundle=True, kiosk_id=summary["kiosk_id"])
    emit(summary, args.json, f"Exported {summary['scans']} scans of kiosk {summary['kiosk_id']} "
         f"to {summary['bundle']} (SHA-256 {summary['content_sha256'][:16]}...)")
    return 0


def _describe(database: Path, *, bundle: bool, kiosk_id: str = "") -> None:
    """metadata.json beside the file, for `datasette FILE -m metadata.json` (never fatal)."""
    from kiosk.storage.readable import bundle_metadata, merged_metadata, write_metadata

    name = database.stem
    try:
        if bundle:
            write_metadata(database, bundle_metadata(name, kiosk_id))
        else:
            write_metadata(database, merged_metadata(name, event_name=_event_name(database)))
    except OSError as exc:
        warn(f"could not write metadata.json beside {database}: {exc.strerror}")


def _event_name(database: Path) -> str:
    import sqlite3
    import tomllib

    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'event_toml'").fetchone()
        finally:
            conn.close()
        return str(tomllib.loads(row[0]).get("name", "")) if row else ""
    except (sqlite3.Error, tomllib.TOMLDecodeError):
        return ""


def bundle_target(text: str) -> Path:
    """Where `export --out` writes: a folder (an existing one, or any path ending in a slash,
    made here with its parents) or a file (whose folders are made here)."""
    if not text.strip():
        raise KioskError("--out needs a file or folder name")
    path = Path(os.path.expanduser(text))
    try:
        if text.endswith(("/", os.sep)) or path.is_dir():
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise KioskError(f"{text}: a file stands where a folder is needed") from None
    except OSError as exc:
        raise KioskError(f"cannot make the folder for {text}: {exc.strerror}") from None
    return path


def _made_parents(path: Path) -> list[Path]:
    """Make the missing folders above ``path``; returns them, deepest first."""
    missing = []
    parent = path.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise KioskError(f"{path}: a file stands where a folder is needed") from None
    except OSError as exc:
        raise KioskError(f"cannot make the folder for {path}: {exc.strerror}") from None
    return missing


def cmd_merge(args) -> int:
    from kiosk.sync.merge import merge_bundles

    event = {}
    if args.event:
        from kiosk.organiser.eventdir import EVENT_DB, EVENT_TOML, EventFolder

        folder = EventFolder.open(args.event)
        with folder.store() as store:
            store.checkpoint()
        event = {"event_id": folder.model.id,
                 "event_toml": (folder.path / EVENT_TOML).read_text(encoding="utf-8"),
                 "event_db": folder.path / EVENT_DB, "kiosk_keys": folder.kiosk_keys()}
    if args.max_size <= 0:
        raise KioskError("--max-size must be a positive number of megabytes")
    made = _made_parents(args.into)
    try:
        report = merge_bundles(
            args.bundles, args.into, max_bytes=args.max_size << 20, **event,
            on_wait=lambda: warn(f"another merge into {args.into} is running; waiting for it"))
    finally:
        if not args.into.exists() and made:  # nothing was merged: leave no new folders either
            args.into.with_name(args.into.name + ".lock").unlink(missing_ok=True)
            for folder in made:
                try:
                    folder.rmdir()
                except OSError:
                    break
    if args.into.exists():
        _describe(args.into, bundle=False)
    lines = [f"Merged into {report.into}: {report.added} scans added, "
             f"{report.already_present} already present, {report.conflict_count} conflicts, "
             f"{len(report.rejected)} bundles refused ({report.scans_total} scans in all, "
             f"{report.seconds:.1f} s)"]
    if report.walk_ins_added or report.walk_in_conflicts:
        lines.append(f"  walk-ins: {report.walk_ins_added} added to the roster, "
                     f"{report.walk_in_conflicts} conflicts (kept the first)")
    if report.waited_seconds:
        lines.append(f"  waited {report.waited_seconds:.1f} s for another merge into the same "
                     "file to finish first")
    lines += [f"  refused {r['bundle']}: {r['message']}" for r in report.rejected]
    lines += [f"  conflict: scan {c['scan_id']} from {c['kiosk_id']} differs in "
              f"{', '.join(c['columns'])} (kept the first version)" for c in report.conflicts[:20]]
    if report.conflict_count > 20:
        lines.append(f"  ... and {report.conflict_count - 20} more conflicts (see --json, or "
                     "the merge_conflicts table)")
    emit(report.to_json(), args.json, "\n".join(lines))
    return PROBLEM_EXIT if report.rejected else 0


# -- the hub -------------------------------------------------------------------------------------
def _kiosk_info(folder, store):
    from kiosk.sync.hub import KioskInfo

    event_toml = store.get_meta("event_toml") or ""
    if not event_toml:
        raise KioskError(f"{folder.path} holds no event; provision the kiosk with `kiosk init`")
    return KioskInfo.from_model(folder.model, event_toml)


def cmd_push(args) -> int:
    from kiosk.organiser.kioskdir import KioskFolder
    from kiosk.storage.outbox import Outbox
    from kiosk.sync.hub import HubError, check_url
    from kiosk.sync.live import KioskSide, sync_once

    folder = KioskFolder.open(args.kiosk)
    url = args.hub or folder.model.hub_url
    if not url:
        raise KioskError(f"no hub: give --hub URL or attach the kiosk with "
                         f"`kiosk hub attach URL --kiosk {args.kiosk}`")
    check_url(url)
    if args.watch:
        return _watch(folder, url, args.json)
    with folder.open_store() as store:
        outbox = Outbox(store)
        try:
            result = sync_once(url, _kiosk_info(folder, store), KioskSide.direct(outbox))
        except HubError as exc:
            raise KioskError(f"{exc}; nothing is lost: the scans stay in the kiosk's log, push "
                             "again when the hub is reachable") from None
    emit(result.to_json(), args.json,
         f"Pushed {result.pushed} scans to {result.hub} ({result.inserted} new, "
         f"{result.already_on_hub} already there) in {result.seconds:.1f} s; "
         f"{result.walk_ins_sent} walk-ins sent; "
         f"{result.roster_changes} roster or revocation changes brought back; "
         f"{result.pending} still pending")
    return 0


def _watch(folder, url: str, as_json: bool) -> int:
    """`kiosk push --watch`: the live sync service in the foreground until Ctrl-C or SIGTERM."""
    import signal
    import threading

    from kiosk.storage.outbox import Outbox
    from kiosk.sync.live import KioskSide, live_sync_for

    stop = threading.Event()
    shown = {}

    def show(status) -> None:
        key = (status.online, status.pending, status.pushed_total, status.last_error)
        if shown.get("last") == key:
            return
        shown["last"] = key
        state = "online" if status.online else f"offline ({status.last_error})"
        emit(status.to_json(), as_json,
             f"{status.hub}: {state}; {status.pushed_total} pushed, "
             f"{status.pending if status.pending is not None else '?'} pending")

    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    # This thread only waits: the service's thread is the store's one user here.
    with folder.open_store() as store:
        model = folder.model.model_copy(update={"hub_url": url})
        service = live_sync_for(model, _kiosk_info(folder, store).event_toml,
                                KioskSide.direct(Outbox(store)), on_status=show,
                                # Scans from another process send no wake-up: look often.
                                poll_seconds=2.0)
        service.start()
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            service.stop()
            signal.signal(signal.SIGTERM, previous)
    return 0


def cmd_hub_init(args) -> int:
    from kiosk.sync.hub import HubClient

    with HubClient.connect(args.url) as hub:
        summary = hub.init_schema()
    applied = summary["migrations_applied"]
    emit(summary, args.json,
         f"Hub {summary['hub']} ready at schema {summary['schema_version']}"
         + (f" (applied {', '.join(map(str, applied))})" if applied else " (already up to date)"))
    return 0


def cmd_hub_publish(args) -> int:
    from kiosk.organiser.eventdir import EVENT_TOML, EventFolder
    from kiosk.storage.schema import ROSTER_COLUMNS
    from kiosk.sync.hub import HubClient, redact

    folder = EventFolder.open(args.event)
    with folder.store() as store:
        cols = ROSTER_COLUMNS + ("updated_at",)
        attendees = [dict(zip(cols, row)) for row in store.conn.execute(
            f"SELECT {', '.join(cols)} FROM attendees ORDER BY id")]
        revocations = store.revocations()
    with HubClient.connect(args.url) as hub:
        result = hub.publish(folder.model.id, (folder.path / EVENT_TOML).read_text(encoding="utf-8"),
                             attendees, revocations, kiosk_keys=folder.kiosk_keys())
    summary = {"hub": redact(args.url), "event_id": result.event_id, "attendees": len(attendees),
               "attendees_changed": result.attendees_changed, "revocations": len(revocations),
               "revocations_changed": result.revocations_changed, "kiosks": result.kiosks}
    emit(summary, args.json,
         f"Published event {result.event_id}: {len(attendees)} attendees "
         f"({result.attendees_changed} new or changed), {len(revocations)} revocations "
         f"({result.revocations_changed} new or changed), {result.kiosks} kiosks allowed to push")
    return 0


def cmd_hub_status(args) -> int:
    from kiosk.sync.hub import HubClient, redact

    with HubClient.connect(args.url) as hub:
        info = hub.info()
        kiosks = hub.kiosks()
        scans = hub.scan_count()
        roster = len(hub.roster())
    summary = {"hub": redact(args.url), "hub_id": info.hub_id,
               "schema_version": info.schema_version, "event_id": info.event_id,
               "scans": scans, "attendees": roster,
               "kiosks": [vars(s) for s in kiosks]}
    lines = [f"Hub {summary['hub']} (schema {info.schema_version}), event "
             f"{info.event_id or '(none yet)'}: {scans} scans, {roster} attendees on the roster"]
    def when(text):
        return text[:19].replace("T", " ") + " UTC" if text else "never"

    for s in kiosks:
        line = (f"  {s.kiosk_id:<14} {s.venue:<8} {s.gate or '-':<10} {s.scans:>8} scans, "
                f"last push {when(s.last_push_at)}")
        if s.last_contact_at:
            line += (f"; at {when(s.last_contact_at)}: {s.pending} pending, camera "
                     f"{s.camera or 'not reported'}, printer {s.printer or 'not reported'}")
        lines.append(line)
    emit(summary, args.json, "\n".join(lines))
    return 0


def cmd_hub_attach(args) -> int:
    from kiosk.organiser.kioskdir import KioskFolder
    from kiosk.sync.hub import HubClient, HubError, check_url, redact

    import os

    from kiosk.organiser.kioskdir import HUB_PASSFILE
    from kiosk.sync.hub import with_passfile

    url = check_url(args.url)
    folder = KioskFolder.open(args.kiosk)
    # The password (from PGPASSWORD) goes to the kiosk's hub.pgpass (mode 0600), never into
    # kiosk.toml; libpq reads it from there.
    password = os.environ.get("PGPASSWORD") or None
    folder.save_hub_password(url, password)
    connect_url = with_passfile(url, (folder.path / HUB_PASSFILE).resolve()) if password else url
    reachable, problem = True, ""
    try:
        with HubClient.connect(connect_url) as hub:
            info = hub.info()
        if info.event_id and info.event_id != folder.model.event_id:
            raise KioskError(f"the hub belongs to event {info.event_id}, this kiosk to "
                             f"{folder.model.event_id}")
    except HubError as exc:
        reachable, problem = False, str(exc)
    folder.update(hub_url=url)
    if not reachable and not args.json:
        warn(f"{problem}; saved anyway: the kiosk keeps trying while it runs")
    emit({"kiosk": str(folder.path), "hub": redact(url), "reachable": reachable,
          "problem": problem}, args.json,
         f"Kiosk {folder.model.kiosk_id} will push to {redact(url)}")
    return 0


def cmd_hub_detach(args) -> int:
    from kiosk.organiser.kioskdir import KioskFolder

    folder = KioskFolder.open(args.kiosk)
    folder.update(hub_url="")
    folder.save_hub_password("", None)
    emit({"kiosk": str(folder.path), "hub": ""}, args.json,
         f"Kiosk {folder.model.kiosk_id} no longer pushes to a hub")
    return 0


# -- reports and headcounts ----------------------------------------------------------------------
def cmd_report(args) -> int:
    from kiosk.sync.report import build_report, build_report_from_hub

    if args.db:
        if not args.db.exists():
            raise KioskError(f"no database at {args.db}")
        summary = build_report(args.db, args.out, language=args.lang)
    else:
        from kiosk.sync.hub import HubClient

        with HubClient.connect(args.hub) as hub:
            summary = build_report_from_hub(hub, args.out, language=args.lang)
    emit(summary, args.json,
         f"Report in {summary['out']}/index.html: {summary['attendees_checked_in']} attendees "
         f"over {len(summary['days'])} days, {summary['scans']} scans"
         + (f", {summary['no_shows']} no-shows" if summary["no_shows"] is not None else ""))
    return 0

