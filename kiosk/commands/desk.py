"""Gate commands: checkin and headcount."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.commands import emit, hub_url_arg
from kiosk.core.errors import KioskError
from kiosk.core.event import DEFAULT_TIMEZONE

REFUSED_EXIT = 3


def register(commands) -> None:
    p = commands.add_parser(
        "checkin", help="check in a code (or '-' for one code per input line)",
        description="Decide and record a scan exactly as the kiosk does. With '-', reads one code "
        "per line from standard input and prints one JSON line per code after it is committed. "
        f"With a single CODE the exit status is 0 when the person may pass and {REFUSED_EXIT} "
        "when the scan was refused (it is recorded either way).")
    p.add_argument("code", metavar="CODE|-")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR")
    p.add_argument("--at", metavar="ISO8601", help="when the scan happened (default now; "
                   "without an offset it is read in the event's time zone)")
    p.add_argument("--direction", choices=["in", "out"], help="default: the kiosk's role")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checkin)

    p = commands.add_parser("headcount", help="checked in today, inside now, by category, kiosk, gate, hour")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--kiosk", type=Path, metavar="KIOSKDIR")
    where.add_argument("--db", type=Path, metavar="MERGED.db")
    where.add_argument("--hub", metavar="URL", type=hub_url_arg,
                       help="every kiosk's scans on the hub, counted from a copy kept in $KIOSK_CACHE_DIR (default ~/.cache/itcn-kiosk)")
    p.add_argument("--at", metavar="ISO8601", help="the moment to count at (default now)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_headcount)


def _line(result) -> str:
    who = ""
    if result.attendee is not None:
        who = f" [{result.attendee.id} {result.attendee.name}, {result.attendee.category}]"
    elif result.attendee_id:
        who = f" [{result.attendee_id}]"
    return f"{result.outcome.value}: {result.message}{who}"


MAX_LINE_BYTES = 4096


def _lines(stream, limit: int = MAX_LINE_BYTES):
    """Input lines without their line ends, never holding more than ``limit`` bytes of one: a
    longer line is cut there (and refused by the desk as too long) and the rest skipped."""
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # skip the rest of the overlong line, a block at a time
                rest = stream.readline(1 << 16)
                if not rest or rest.endswith(b"\n"):
                    break
        yield raw.rstrip(b"\r\n")


def cmd_checkin(args) -> int:
    from kiosk.core.timeutil import parse_moment
    from kiosk.organiser.kioskdir import KioskFolder, build_desk

    folder = KioskFolder.open(args.kiosk)
    with folder.open_store() as store:
        desk = build_desk(folder, store)
        at = parse_moment(args.at, desk.event.timezone) if args.at else None
        if args.code != "-":
            result = desk.check_in(args.code, direction=args.direction, at=at, method="cli")
            emit(result.to_json(), args.json, _line(result))
            return 0 if result.tone == "green" else REFUSED_EXIT
        for code in _lines(sys.stdin.buffer):
            result = desk.check_in(code, direction=args.direction, at=at, method="cli")
            emit(result.to_json(), args.json, _line(result))
    return 0


def _print_headcount(count) -> str:
    data = count.to_json()
    lines = [f"Headcount for {data['day']} ({data['source']})",
             f"  checked in today : {data['unique_checked_in']}",
             f"  inside now       : {data['inside_now']}",
             f"  accepted scans   : {data['accepted_scans']}",
             f"  refused scans    : {data['refused_scans']}",
             f"  exits            : {data['exit_scans']}"]
    for key, title in (("by_category", "by category"), ("by_gate", "by gate"),
                       ("by_kiosk", "by kiosk"), ("by_hour", "by hour")):
        if data[key]:
            lines.append(f"  {title}: " + ", ".join(f"{k or '-'} {v}" for k, v in data[key].items()))
    return "\n".join(lines)


def cmd_headcount(args) -> int:
    from kiosk.services.figures import headcount_of

    count = headcount_of(hub=args.hub, kiosk=args.kiosk, db=args.db, at_text=args.at)
    emit(count.to_json(), args.json, _print_headcount(count))
    return 0
