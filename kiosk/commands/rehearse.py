"""`kiosk rehearse`: a morning rush of many kiosks against one PostgreSQL hub, faults on purpose."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.commands import emit

FAILED_EXIT = 1


def register(commands) -> None:
    p = commands.add_parser(
        "rehearse", help="rehearse a fair's opening: N kiosk processes, one PostgreSQL hub, faults",
        description="Provision N kiosks of a rehearsal event in a temporary folder, run each as "
        "its own process with the real desk and live sync (no screen), show them badges from a "
        "morning curve (people queue at their nearest gate, some try a second gate soon after, "
        "some leave and come back), inject the named faults on schedule, let every kiosk catch "
        "up, then check and print one report: scans, lost, double admissions online and offline, "
        "propagation, catch-up after each partition, hub connections, and whether the hub's "
        "headcount agrees with a recount from every kiosk's own log. Without --hub it starts a "
        f"throwaway PostgreSQL server of its own. Exits {FAILED_EXIT} if a scan was lost, a badge "
        "was admitted twice while both kiosks were online, the headcounts differ or a kiosk "
        "failed to catch up.")
    p.add_argument("--hub", metavar="URL", help="an empty hub database, postgresql://... "
                   "(default: a throwaway server of the rehearsal's own; hub-restart needs that)")
    p.add_argument("--kiosks", type=int, required=True, metavar="N", help="how many kiosks (2-200)")
    p.add_argument("--arrivals-per-hour", type=float, required=True, metavar="R",
                   help="arrivals an hour on average over the run (the curve peaks near 1.8 R)")
    p.add_argument("--minutes", type=float, required=True, metavar="M",
                   help="how long the rush lasts, in real minutes")
    p.add_argument("--faults", metavar="LIST", default="",
                   help="comma-separated: hub-restart, kill-connections, partition:K:SECONDS, "
                   "sigkill:K (K a kiosk's number, 1 to N)")
    p.add_argument("--seed", type=int, default=2026, metavar="S",
                   help="the seed for arrivals and choices, so a run can be repeated (2026)")
    p.add_argument("--workdir", type=Path, metavar="DIR",
                   help="keep the event and kiosk folders here (new or empty) instead of a "
                   "temporary folder")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    p.set_defaults(handler=cmd_rehearse)


def cmd_rehearse(args) -> int:
    from kiosk.rehearsal.run import Options, rehearse, summary

    options = Options(kiosks=args.kiosks, arrivals_per_hour=args.arrivals_per_hour,
                      minutes=args.minutes, faults=args.faults or None, seed=args.seed,
                      hub=args.hub, workdir=args.workdir)
    report = rehearse(options, say=lambda line: print(f"kiosk rehearse: {line}", file=sys.stderr,
                                                     flush=True))
    emit(report, args.json, summary(report))
    return 0 if report["ok"] else FAILED_EXIT
