"""Organiser commands: demo, event, roster, badges, revoke, init."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from kiosk.commands import emit
from kiosk.core.errors import KioskError
from kiosk.core.event import DEFAULT_TIMEZONE


def register(commands) -> None:
    p = commands.add_parser("demo", help="make a ready demo event and kiosk in DIR",
                            description="Make DIR/event (event, keys, roster, badges) and "
                            "DIR/kiosk-1, dated from today and open around the clock.")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--attendees", type=int, default=300, metavar="N",
                   help="how many attendees (default 300, in every category)")
    p.add_argument("--dates", metavar="FROM:TO", help="event days (default: today and the next two)")
    p.add_argument("--venue", choices=["lahore", "karachi"], default="lahore",
                   help="where the demo kiosk stands (default lahore)")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(handler=cmd_demo)

    event = commands.add_parser("event", help="create an event folder, rotate its signing key")
    event_cmds = event.add_subparsers(dest="event_command", metavar="ACTION")
    event_cmds.required = True
    p = event_cmds.add_parser("create", help="create an event folder with a fresh signing key")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--name", required=True)
    p.add_argument("--dates", required=True, metavar="FROM:TO", help="e.g. 2026-11-28:2026-11-30")
    p.add_argument("--venues", default="lahore", metavar="V[,V]",
                   help="lahore, karachi or both (comma-separated; default lahore)")
    p.add_argument("--hours", default="10:00-18:00", help="daily opening hours (default 10:00-18:00)")
    p.add_argument("--timezone", default=DEFAULT_TIMEZONE)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_event_create)
    p = event_cmds.add_parser("rotate-key", help="sign new badges with a new key; old badges stay valid")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_event_rotate)
    p = event_cmds.add_parser(
        "pretix-key", help="verify pretix's signed tickets (pretix_sig1) offline",
        description="Store the event's pretix public key and which pretix items (products) are "
                    "which category; `kiosk init` copies them to the kiosks, which then accept "
                    "pretix_sig1 ticket secrets without a roster.")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--public-key", required=True, type=Path, metavar="PEMFILE",
                   help="pretix's Ed25519 public key: a PEM file, or pretix's base64 of one "
                        "(another key is added beside the ones stored, for rotation)")
    p.add_argument("--items", required=True, metavar="ITEM=CATEGORY,...",
                   help="pretix item ids and their categories, e.g. 11=visitor,12=exhibitor "
                        "(replaces the stored list)")
    p.add_argument("--revoked", type=Path, metavar="FILE",
                   help="pretix's revocation list (its revokedsecrets API JSON, or one secret a "
                        "line), imported as blocks")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_event_pretix_key)

    roster = commands.add_parser("roster", help="import the roster from CSV or XLSX")
    roster_cmds = roster.add_subparsers(dest="roster_command", metavar="ACTION")
    roster_cmds.required = True
    p = roster_cmds.add_parser(
        "import", help="import a CSV or XLSX roster (upsert by registration id)",
        description="Import a roster: our own columns, or a pretix check-in list or order "
                    "positions export, or an Eventbrite attendee report, recognised by its "
                    "headers (one attendee per ticket, its barcode kept as the code to scan).")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--event", required=True, type=Path, metavar="DIR")
    p.add_argument("--map", type=Path, metavar="MAP.toml",
                   help="which column is which ([columns]) and what each product or ticket "
                        "type is ([products]: a category, or a table with category, venues, "
                        "days, attention)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_roster_import)

    p = commands.add_parser("badges", help="issue signed badges: PNGs, badges.csv, a printable PDF")
    p.add_argument("--event", required=True, type=Path, metavar="DIR")
    p.add_argument("--out", required=True, type=Path, metavar="OUT")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="also write A6 badges, four to an A4 sheet")
    p.add_argument("--reissue", metavar="ID", help="issue a new badge for one attendee (a lost "
                   "or stolen one): kiosks provisioned afterwards refuse the older badges as "
                   "superseded, and a block of the old badge no longer holds the attendee")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_badges)

    p = commands.add_parser("revoke", help="block a badge by registration id or token")
    p.add_argument("what", metavar="ID|TOKEN")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--event", type=Path, metavar="DIR")
    where.add_argument("--kiosk", type=Path, metavar="KIOSKDIR")
    p.add_argument("--reason", default="", metavar="TEXT")
    p.add_argument("--undo", action="store_true", help="unblock instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_revoke)

    p = commands.add_parser("init", help="provision (or refresh) a kiosk folder from an event")
    p.add_argument("kiosk_dir", type=Path, metavar="KIOSKDIR")
    p.add_argument("--event", required=True, type=Path, metavar="DIR")
    p.add_argument("--kiosk-id", required=True, metavar="ID")
    p.add_argument("--venue", required=True, choices=["lahore", "karachi"])
    p.add_argument("--gate", default="", metavar="G")
    p.add_argument("--role", choices=["entry", "exit", "print"], default="entry",
                   help="print: a badge desk that prints badges and admits no one")
    p.add_argument("--anchor", default="", metavar="FEATURE_ID",
                   help="the map's kiosk feature for 'you are here'")
    p.add_argument("--full-roster", action="store_true",
                   help="copy the roster's e-mail addresses and phone numbers in clear (by "
                        "default a kiosk keeps only keyed hashes of them)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_init)


def _venues(text: str) -> list[str]:
    venues = [v.strip().lower() for v in text.split(",") if v.strip()]
    if not venues:
        raise KioskError("--venues needs at least one of lahore, karachi")
    return venues


def kiosk_command() -> str:
    """The kiosk command as the person can type it: `kiosk` when that is on PATH, else the
    script's own path (a virtual environment not activated), or $KIOSK_COMMAND (`./run kiosk`)."""
    given = os.environ.get("KIOSK_COMMAND", "").strip()
    if given:
        return given
    script = sys.argv[0] if sys.argv else ""
    if Path(script).name == "kiosk":
        found = shutil.which("kiosk")
        if found and Path(found).resolve() == Path(script).resolve():
            return "kiosk"
        return shlex.quote(script if os.sep in script else str(Path(script).resolve()))
    return f"{shlex.quote(sys.executable)} -m kiosk"


def cmd_demo(args) -> int:
    from kiosk.core.timeutil import parse_date_range
    from kiosk.organiser.demo import make_demo

    days = parse_date_range(args.dates) if args.dates else None
    command = kiosk_command()
    summary = make_demo(args.dir, attendees=args.attendees, days=days, venue=args.venue,
                        run_command=command)
    kiosk = shlex.quote(summary["kiosk"])
    emit(summary, args.json,
         f"Demo ready: {summary['attendees']} attendees, badges in {summary['badges']}\n"
         f"Run the kiosk:  {command} run --kiosk {kiosk} --windowed\n"
         f"Or check in:    {command} checkin {shlex.quote(summary['first_token'])} --kiosk {kiosk}\n"
         f"See {Path(args.dir).expanduser() / 'TRY-ME.txt'} for badges that show each refusal.")
    return 0


def cmd_event_create(args) -> int:
    from kiosk.core.timeutil import parse_date_range
    from kiosk.organiser.eventdir import EventFolder

    days = parse_date_range(args.dates)
    folder = EventFolder.create(args.dir, name=args.name, days=days, venues=_venues(args.venues),
                                hours=args.hours, timezone=args.timezone)
    summary = {"event": str(folder.path), "id": folder.model.id, "name": folder.model.name,
               "days": [d.isoformat() for d in folder.rules.days],
               "venues": list(folder.rules.venues), "signing_key": folder.model.signing_key}
    emit(summary, args.json, f"Created event {folder.model.id} in {folder.path}")
    return 0


def cmd_event_rotate(args) -> int:
    from kiosk.organiser.eventdir import EventFolder

    folder = EventFolder.open(args.dir)
    kid = folder.rotate_key()
    emit({"signing_key": kid, "public_keys": len(folder.public_keys())}, args.json,
         f"New signing key {kid}; provision kiosks again (`kiosk init`) so they know it")
    return 0


def cmd_event_pretix_key(args) -> int:
    import json

    from kiosk.core.tokens import token_hash
    from kiosk.organiser.eventdir import EventFolder
    from kiosk.storage.roster import revocation_key
    from kiosk.tickets.pretix import (
        META_KEY, config_text, parse_items, public_key_from_text, revoked_secrets)

    folder = EventFolder.open(args.dir)
    if not args.public_key.is_file():
        raise KioskError(f"no public key file at {args.public_key}")
    pem, _ = public_key_from_text(args.public_key.read_bytes(), str(args.public_key))
    items = parse_items(args.items)
    secrets = []
    if args.revoked is not None:
        if not args.revoked.is_file():
            raise KioskError(f"no revocation list at {args.revoked}")
        secrets = revoked_secrets(args.revoked.read_text(encoding="utf-8-sig"))
    with folder.store() as store:
        current = json.loads(store.get_meta(META_KEY) or "{}")
        pems = [p for p in current.get("public_keys", []) if p.strip() != pem.strip()] + [pem]
        store.set_meta({META_KEY: config_text(pems, items)})
        for secret in secrets:
            store.revoke(revocation_key("token", token_hash(secret)), "token",
                         reason="revoked in pretix", label="pretix", source="pretix")
    emit({"public_keys": len(pems), "items": {str(k): v for k, v in sorted(items.items())},
          "revoked": len(secrets)}, args.json,
         f"pretix: {len(pems)} public key(s), items "
         + ", ".join(f"{k}={v}" for k, v in sorted(items.items()))
         + (f", {len(secrets)} revoked secret(s) blocked" if secrets else "")
         + "; provision kiosks again (`kiosk init`) to pass it on")
    return 0


def cmd_roster_import(args) -> int:
    from kiosk.organiser.eventdir import EventFolder
    from kiosk.organiser.roster_import import import_roster

    folder = EventFolder.open(args.event)
    with folder.store() as store:
        report = import_roster(args.file, store, folder.rules, roster_map=args.map)
    lines = [f"Read a {report.format} file. Imported {report.imported} new, updated {report.updated}, "
             f"unchanged {report.unchanged}, rejected {len(report.rejected)}"]
    lines += [f"  line {r['line']}: {r['reason']}" for r in report.rejected[:50]]
    if len(report.rejected) > 50:
        lines.append(f"  ... and {len(report.rejected) - 50} more (use --json for all)")
    emit(report.to_json(), args.json, "\n".join(lines))
    return 0


def cmd_badges(args) -> int:
    from kiosk.organiser.badges import write_badges
    from kiosk.organiser.eventdir import EventFolder

    folder = EventFolder.open(args.event)
    badges = write_badges(folder, args.out, pdf=args.pdf, reissue=args.reissue)
    summary = {"badges": len(badges), "out": str(args.out), "csv": str(args.out / "badges.csv"),
               "pdf": str(args.pdf) if args.pdf else None}
    if args.reissue:
        from kiosk.core.tokens import parse_token

        summary["reissued"] = {"id": badges[0].attendee.id, "token": badges[0].token,
                               "issue": parse_token(badges[0].token)[0].issue}
        emit(summary, args.json, f"Reissued the badge of {badges[0].attendee.id} (issue "
             f"{summary['reissued']['issue']}) in {args.out}; provision kiosks again "
             "(`kiosk init`) so they refuse the old one")
        return 0
    emit(summary, args.json, f"Wrote {len(badges)} badges to {args.out}"
         + (f" and {args.pdf}" if args.pdf else ""))
    return 0


def cmd_revoke(args) -> int:
    from kiosk.core.tokens import TokenError, canonical, looks_like_token, parse_token, token_hash
    from kiosk.storage.roster import revocation_key

    what = args.what.strip()
    if not what:
        raise KioskError("give a registration id or a badge token to block")
    label = what
    if looks_like_token(what):
        try:
            claims, _, _ = parse_token(what)
        except TokenError as exc:
            raise KioskError(f"not a badge token: {exc}") from None
        kind, value, label = "token", token_hash(canonical(what)), claims.attendee_id
    else:
        kind, value = "id", what
    key = revocation_key(kind, value)
    reason = args.reason or "blocked"
    if args.event:
        from kiosk.organiser.eventdir import EventFolder

        folder = EventFolder.open(args.event)
        with folder.store() as store:
            if kind == "id" and store.find_attendee(what) is None:
                raise KioskError(f"no attendee with registration number {what!r} in the roster")
            store.revoke(key, kind, reason=reason, label=label, active=not args.undo)
        where = f"event {folder.model.id} (provision kiosks again to pass it on)"
    else:
        from kiosk.organiser.kioskdir import KioskFolder
        from kiosk.storage.roster import set_revocation

        from kiosk.storage.roster import check_may_lift, revocation_row

        folder = KioskFolder.open(args.kiosk)
        with folder.open_store() as store:
            if kind == "id" and store.find_attendee(what) is None:
                raise KioskError(f"no attendee with registration number {what!r} in the "
                                 f"roster of kiosk {folder.model.kiosk_id}")
            if args.undo:
                row = revocation_row(store.conn, key)
                if row is None or not row["active"]:
                    raise KioskError(f"{label} is not blocked at kiosk {folder.model.kiosk_id}")
                check_may_lift([row], folder.model.kiosk_id)
            set_revocation(store.conn, key, kind, reason=reason, label=label,
                           active=not args.undo, source=f"kiosk {folder.model.kiosk_id}")
        where = f"kiosk {folder.model.kiosk_id}"
    action = "Unblocked" if args.undo else "Blocked"
    emit({"key": key, "kind": kind, "active": not args.undo, "reason": reason}, args.json,
         f"{action} {label} at {where}")
    return 0


def cmd_init(args) -> int:
    from kiosk.organiser.eventdir import EventFolder
    from kiosk.organiser.kioskdir import init_kiosk

    folder = EventFolder.open(args.event)
    summary = init_kiosk(args.kiosk_dir, folder, kiosk_id=args.kiosk_id, venue=args.venue,
                         gate=args.gate, role=args.role, anchor=args.anchor,
                         full_roster=args.full_roster)
    contacts = ("e-mails and phones in clear" if summary["contacts"] == "full"
                else "e-mails and phones as keyed hashes")
    emit(summary, args.json,
         f"Kiosk {summary['kiosk_id']} ready in {summary['kiosk']}: {summary['attendees']} "
         f"attendees ({contacts}), {summary['public_keys']} public key(s), no private key")
    return 0

