"""kiosk screenshots: every screen state as a PNG, checked for what a person would call broken."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from kiosk.commands import emit
from kiosk.core.errors import KioskError

LANGUAGES = ("en", "ur", "zh")


def register(commands) -> None:
    p = commands.add_parser(
        "screenshots", help="render every screen state into PNGs (translators, reviewers)",
        description="Make a throwaway demo event and kiosk, walk every screen state (attract, "
        "scan, results, still-there, PIN, staff dashboard, staff health with a badge printer and "
        "stuck jobs, staff look-up keyboard after a change of language, wayfinding with "
        "keyboard, results, route, step-free route, directory, \"No badge?\", the walk-in form, "
        "the print notice, the badge desk, a kiosk without maps, and high-contrast and low-reach "
        "states, also both at once) and write "
        "OUT/<state>-<lang>-<W>x<H>.png. Each screen is checked for missing glyphs, text "
        "overflowing its box, overlapping labels and controls, buttons under 20 mm and text "
        "under 4.8 mm cap height (high contrast: text under 7:1; low reach: a control or the "
        "take-away QR outside 380-1220 mm above the floor); exits 1 if any check fails. Runs "
        "without a display "
        "(offscreen).")
    p.add_argument("out", type=Path, metavar="OUT", help="folder for the PNGs (created)")
    p.add_argument("--lang", default="en,ur,zh", metavar="LANGS",
                   help="comma-separated languages (default en,ur,zh)")
    p.add_argument("--size", default="1920x1080,1080x1920", metavar="WxH[,WxH]",
                   help="comma-separated screen sizes (default 1920x1080,1080x1920)")
    p.add_argument("--state", default="", metavar="STATES",
                   help="comma-separated states to render (default all)")
    p.add_argument("--venue", choices=["lahore", "karachi"], default="lahore",
                   help="the demo kiosk's venue (default lahore)")
    p.add_argument("--json", action="store_true", help="one JSON object per screenshot")
    p.set_defaults(handler=cmd_screenshots)


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in text.split(","):
        try:
            width, height = (int(x) for x in part.strip().lower().split("x"))
            if not (320 <= width <= 10000 and 240 <= height <= 10000):
                raise ValueError
        except ValueError:
            raise KioskError(f"--size must look like 1920x1080,1080x1920, not {text!r}") from None
        sizes.append((width, height))
    return sizes


def parse_languages(text: str) -> list[str]:
    languages = [x.strip() for x in text.split(",") if x.strip()]
    unknown = [x for x in languages if x not in LANGUAGES]
    if unknown or not languages:
        raise KioskError(f"--lang takes {', '.join(LANGUAGES)}, not {text!r}")
    return languages


def cmd_screenshots(args) -> int:
    languages = parse_languages(args.lang)
    sizes = parse_sizes(args.size)
    if args.out.exists() and not args.out.is_dir():
        raise KioskError(f"{args.out} is a file, not a folder")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.ui.screenshots import STATES

    states = tuple(x.strip() for x in args.state.split(",") if x.strip()) or STATES
    unknown = [s for s in states if s not in STATES]
    if unknown:
        raise KioskError(f"no state {unknown[0]!r}; states: {', '.join(STATES)}")
    from PySide6.QtWidgets import QApplication

    from kiosk.commands.app import kiosk_settings, wayfinding_builder
    from kiosk.organiser.demo import make_demo
    from kiosk.ui.screenshots import render

    app = QApplication.instance() or QApplication(sys.argv[:1])
    failed = []

    def report(shot):
        if shot.problems:
            failed.append(shot)
        if args.json:
            emit({"state": shot.state, "lang": shot.language, "size": list(shot.size),
                  "png": str(shot.path), "problems": shot.problems}, True)
        else:
            mark = "ok" if not shot.problems else f"{len(shot.problems)} problem(s)"
            print(f"{shot.path}  {mark}", flush=True)
            for problem in shot.problems:
                print(f"    {problem}", flush=True)

    with tempfile.TemporaryDirectory(prefix="kiosk-screenshots-") as tmp:
        make_demo(Path(tmp) / "demo", attendees=120, venue=args.venue, with_pdf=False)
        render(Path(tmp) / "demo", args.out, languages, sizes, states, on_shot=report,
               kiosk_settings=kiosk_settings, wayfinding_builder=wayfinding_builder)
    del app
    if failed:
        print(f"kiosk: error: {len(failed)} screenshot(s) failed the checks", file=sys.stderr)
        return 1
    return 0
