"""`kiosk`: the command line (DESIGN.md §4).

Entry point only: parse arguments, build the real parts, hand over. Each area registers its
commands from a module in kiosk/commands; heavy imports happen inside the handlers so that
`kiosk --help` stays quick.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from pathlib import Path

from kiosk import __version__
from kiosk.core.errors import KioskError

COMMAND_MODULES = (
    "kiosk.commands.organiser",
    "kiosk.commands.desk",
    "kiosk.commands.app",
    "kiosk.commands.wayfinding",
    "kiosk.commands.scanning",
    "kiosk.commands.sync",
    "kiosk.commands.service",
    "kiosk.commands.printing",
    "kiosk.commands.web",
    "kiosk.commands.rehearse",
    "kiosk.commands.screenshots",
)

DESCRIPTION = """\
ITCN Asia kiosk: self check-in with QR badges and wayfinding, offline first.

Organiser:  demo, event, roster, badges, revoke, init
Gate:       checkin, headcount
Kiosk:      run, doctor, staff, service, print-badge, walk-ins
Staff:      dashboard, web
Review:     screenshots
Wayfinding: route, maps, exhibitors
Scanning:   decode
Logs:       export, merge, push, report, hub
Rehearsal:  rehearse
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, non-zero, as for every other bad input
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk", description=DESCRIPTION,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def _expand_home(args: argparse.Namespace) -> None:
    """`~` in a path option means the home folder, also where the shell left it as it was
    (`--out=~/bundles`, or a quoted path)."""
    for key, value in vars(args).items():
        if isinstance(value, Path):
            setattr(args, key, value.expanduser())
        elif isinstance(value, list) and value and all(isinstance(v, Path) for v in value):
            setattr(args, key, [v.expanduser() for v in value])


def main(argv: list[str] | None = None) -> int:
    # Library chatter that means nothing to the person at the kiosk (no PipeWire, no webcam 0).
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    parser = build_parser()
    args = parser.parse_args(argv)
    _expand_home(args)
    try:
        result = args.handler(args)
        return int(result or 0)
    except KioskError as exc:
        print(f"kiosk: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kiosk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a bare traceback for the person at the gate
        if os.environ.get("KIOSK_DEBUG"):
            traceback.print_exc()
        print(f"kiosk: internal error: {type(exc).__name__}: {exc} "
              "(set KIOSK_DEBUG=1 for details)", file=sys.stderr)
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
