"""The kiosk itself: run, doctor, staff set-pin, and the staff dashboard on its own."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from kiosk.commands import emit, hub_url_arg, warn
from kiosk.core.errors import KioskError


def register(commands) -> None:
    p = commands.add_parser("run", help="run the touch kiosk",
                            description="Run the kiosk: fullscreen and locked unless --windowed.")
    p.add_argument("--kiosk", type=Path, metavar="KIOSKDIR",
                   help="the kiosk folder (default: $KIOSK_DIR, the current folder if it holds "
                        "kiosk.toml, or ./demo/kiosk-1)")
    p.add_argument("--camera", metavar="INDEX|DEVICE|VIDEO|IMAGE_FOLDER",
                   help="camera index (0), device (/dev/video2), a video file or a folder of "
                        "images; 'none' for the badge scanner only (default: kiosk.toml)")
    p.add_argument("--windowed", action="store_true",
                   help="a normal window (for desktops and demos) instead of locked fullscreen")
    p.add_argument("--log-json", action="store_true",
                   help="print one JSON line per event (ready, checked_in, camera) on stderr")
    p.set_defaults(handler=cmd_run)

    p = commands.add_parser("doctor", help="check camera, decoders, fonts, Qt, disk and database")
    p.add_argument("--kiosk", type=Path, metavar="KIOSKDIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_doctor)

    staff = commands.add_parser("staff", help="staff PIN")
    staff_cmds = staff.add_subparsers(dest="staff_command", metavar="ACTION")
    staff_cmds.required = True
    p = staff_cmds.add_parser("set-pin", help="read a 4-8 digit PIN from standard input; "
                              "only a slow salted hash is stored")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR")
    p.set_defaults(handler=cmd_set_pin)

    p = commands.add_parser(
        "dashboard", help="the staff dashboard alone, windowed (laptop or wall screen)",
        description="Live headcounts, arrivals, hall occupancy and the latest scans, refreshed "
        "every few seconds: from a kiosk folder (that kiosk's numbers), a merged database, or "
        "the hub (every kiosk's numbers).")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--kiosk", type=Path, metavar="KIOSKDIR", help="a kiosk folder (read-only)")
    where.add_argument("--db", type=Path, metavar="MERGED.db", help="a merged database")
    where.add_argument("--hub", metavar="URL", type=hub_url_arg,
                       help="every kiosk's scans on the hub, counted from a copy kept in $KIOSK_CACHE_DIR (default ~/.cache/itcn-kiosk)")
    p.add_argument("--lang", choices=["en", "ur", "zh"], default="en",
                   help="language of the dashboard (default en)")
    p.add_argument("--refresh", type=float, default=2.0, metavar="SECONDS",
                   help="seconds between refreshes (default 2)")
    p.add_argument("--at", metavar="ISO8601",
                   help="show this moment instead of now (without an offset: the event's time zone)")
    p.add_argument("--screenshot", type=Path, metavar="PNG",
                   help="save the first complete refresh as a PNG and quit")
    p.add_argument("--size", default="1600x900", metavar="WxH",
                   help="window size in pixels (default 1600x900)")
    p.add_argument("--json", action="store_true",
                   help="print the figures once as JSON instead of opening a window")
    p.set_defaults(handler=cmd_dashboard)


def find_kiosk_dir(given: Path | None) -> Path:
    if given is not None:
        return given
    env = os.environ.get("KIOSK_DIR")
    if env:
        return Path(env)
    if Path("kiosk.toml").exists():
        return Path(".")
    if Path("demo/kiosk-1/kiosk.toml").exists():
        return Path("demo/kiosk-1")
    raise KioskError("which kiosk? give --kiosk KIOSKDIR (make one with `kiosk demo DIR` or `kiosk init`)")


def kiosk_settings(event_model, model, *, windowed: bool, kiosk_dir: Path | None = None):
    from kiosk.ui.app import KioskSettings

    rules = event_model.rules()
    helps = {"en": rules.help_point, "ur": event_model.help_point_ur, "zh": event_model.help_point_zh}
    return KioskSettings(
        kiosk_id=model.kiosk_id, event_name=rules.name, days=list(rules.days), venue=model.venue,
        languages=list(model.languages), default_language=model.default_language,
        help_points=helps, idle_seconds=model.idle_seconds, result_seconds=model.result_seconds,
        pin_hash=model.staff_pin_hash, kiosk_mode=not windowed, kiosk_dir=kiosk_dir,
        decoder=model.decoder, hub_url=model.hub_url,
        display=model.display.mounting() if model.display is not None else None)


def render_reprint(rules, attendee, token: str, path: Path) -> None:
    """A reprinted badge: the printable sheet `kiosk badges --pdf` makes, with one badge."""
    from kiosk.organiser.badge_pdf import write_pdf
    from kiosk.organiser.badges import IssuedBadge

    write_pdf(rules, [IssuedBadge(attendee, token)], Path(path))


def staff_services(folder, model):
    """The staff tools' parts for a kiosk folder: reprints, exports, drives, decoder checks."""
    from kiosk.scanning.health import decoder_backends
    from kiosk.ui.staff.context import StaffServices
    from kiosk.services.staff import folder_exporter

    return StaffServices(kiosk_dir=folder.path, decoder=model.decoder, hub_url=model.hub_url,
                         render_badge=render_reprint, export_bundle=folder_exporter(folder.path),
                         decoder_backends=decoder_backends, kiosk_key=folder.signing_key)


def badge_printing(model, event_model):
    """The badge printer of kiosk.toml's [printer] (None: this kiosk prints no badges)."""
    if model.printer is None:
        if model.role == "print":
            raise KioskError("kiosk.toml: role = \"print\" (a badge desk) needs a [printer] "
                             "with a CUPS queue")
        return None
    from kiosk.services.printing import BadgePrinting, PrinterSettings

    return BadgePrinting(PrinterSettings.from_model(model.printer), event_model.rules(),
                         kiosk_id=model.kiosk_id, print_only=model.role == "print")


def no_badge_checkin(model, event_model):
    """"No badge?" on entry kiosks, unless the event turns it off (no_badge_checkin = false)."""
    if model.role != "entry" or not event_model.no_badge_checkin:
        return None
    from kiosk.services.no_badge import NoBadge

    return NoBadge(model.kiosk_id)


def walk_in_registration(model, event_model):
    """Walk-in registration on entry kiosks where the event allows it (walk_ins = true)."""
    if model.role != "entry" or not event_model.walk_ins:
        return None
    if event_model.accept_plain_ids is False or event_model.plain_ids == "never":
        warn('walk_ins = true needs plain registration numbers (plain_ids = "unbadged" or '
             '"always": a walk-in\'s badge is its kiosk-issued number); walk-in registration is off')
        return None
    from kiosk.services.walk_in import WalkIns

    return WalkIns(model.kiosk_id)


def camera_factory(spec: str, decoder: str):
    """The scan pipeline for a camera spec, built in the camera thread; None for no camera."""
    if spec.strip().lower() in ("", "none", "off"):
        return None
    from kiosk.scanning.decoder import DecoderChain
    from kiosk.scanning.loop import ScanLoop
    from kiosk.scanning.resilient import ResilientCamera
    from kiosk.scanning.sources import open_source
    from kiosk.scanning.steady import SteadyReader

    if not (spec.isdigit() or spec.startswith("/dev/")):
        # A file or folder that is not there is refused here, in the terminal; a webcam that is
        # not plugged in yet is not: the camera thread keeps trying until it appears.
        open_source(spec).close()

    def make():
        return ScanLoop(ResilientCamera(lambda: open_source(spec)), DecoderChain(backend=decoder),
                        SteadyReader())
    return make


def cmd_run(args) -> int:
    from kiosk.organiser.kioskdir import KioskFolder, build_desk, load_event_model

    folder = KioskFolder.open(find_kiosk_dir(args.kiosk))
    with folder.open_store() as store:  # fail early, in the terminal, on a broken kiosk.db
        event_model = load_event_model(store)
        event_toml = store.get_meta("event_toml")
    model = folder.model
    spec = args.camera if args.camera is not None else model.camera
    log = _json_logger(args.log_json)

    # Other kiosks' entries, kept by live sync when kiosk.toml names a hub: anti-passback across
    # kiosks without a check-in ever waiting on the network.
    from kiosk.sync.live import RemoteAttendanceView

    view = RemoteAttendanceView() if model.hub_url else None

    def open_store():  # on the database thread, which alone may use the connection
        store = folder.open_store(one_owner=True)
        return store, build_desk(folder, store, remote_attendance=view)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.app import create_app
    from kiosk.ui.keepawake import KeepAwake
    from kiosk.ui.sound import QtSounds
    from kiosk.ui.staff_lock import PinService

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ITCN Asia kiosk")
    camera = camera_factory(spec, model.decoder)  # a missing video or folder: one line, exit 1
    settings = kiosk_settings(event_model, model, windowed=args.windowed, kiosk_dir=folder.path)
    wedge = _wedge()
    sounds = QtSounds()
    if sounds.problem:  # said once here; `kiosk doctor` tests real playback
        warn(f"no sound: {sounds.problem} (see `kiosk doctor`)")
        log("sound", problem=sounds.problem)
    window = create_app(settings, camera=camera, store=open_store, sounds=sounds, wedge=wedge,
                        staff_services=staff_services(folder, model),
                        printing=badge_printing(model, event_model),
                        no_badge=no_badge_checkin(model, event_model),
                        walk_ins=walk_in_registration(model, event_model))
    build_map = wayfinding_builder(folder, event_model)
    window.pin_service = PinService(window.desk, model.staff_pin_hash)
    window.ready.connect(lambda: log("ready", kiosk=model.kiosk_id))
    window.desk.open_failed.connect(lambda message: log("open_failed", message=message))
    window.result_shown.connect(lambda r: log(
        "checked_in", **(r.to_json() if r is not None else {"outcome": "error"})))
    if window.camera_worker is not None:
        window.camera_worker.status_changed.connect(lambda s: log("camera", status=s))
    sync = start_live_sync(window, model, event_toml, view, log)
    notifier = _systemd_watchdog(app, window, model.kiosk_id)
    keep_awake = KeepAwake()
    keep_awake.start()
    _quit_on_signals(app, window)
    window.start()
    QTimer.singleShot(0, lambda: log("attract_shown"))  # after the first paint of the window
    # The map screen takes a moment to build: after the attract screen is up, not before it.
    QTimer.singleShot(300, lambda: _install_map(window, build_map, log))
    try:
        code = app.exec()
    finally:
        notifier.stopping()
        keep_awake.stop()
        if window.isVisible() or window.desk.thread.isRunning():
            window.unlocked = True
            window.shutdown()
    log("stopped")
    return code


def _systemd_watchdog(app, window, kiosk_id: str):
    """Under systemd (kiosk service install): READY=1 once kiosk.db is open, then WATCHDOG=1 at
    half the watchdog interval from the GUI thread's event loop, so a frozen screen is restarted."""
    from PySide6.QtCore import QTimer

    from kiosk.commands.service import SystemdNotifier

    notifier = SystemdNotifier()
    if not notifier.enabled:
        return notifier
    window.ready.connect(lambda: notifier.ready(f"kiosk {kiosk_id} ready"))
    if notifier.watchdog_seconds:
        timer = QTimer(app)
        timer.timeout.connect(notifier.watchdog)
        timer.start(max(100, int(notifier.watchdog_seconds * 1000 / 2)))
        app._watchdog_timer = timer
    return notifier


def start_live_sync(window, model, event_toml, view, log):
    """Push scans to the hub and pull revocations and roster changes, in a thread of its own;
    its reads and writes of kiosk.db run on the database thread (KioskSide.routed)."""
    if not model.hub_url:
        return None
    from kiosk.storage.outbox import Outbox
    from kiosk.sync.live import KioskSide, live_sync_for

    def on_db_thread(fn):
        return window.desk.run_on_db_thread(fn)

    def outbox_call(name):  # runs on the database thread (routed below)
        return lambda *args: getattr(Outbox(window.desk.store_here()), name)(*args)

    side = KioskSide(read_pending=outbox_call("pending"), mark_pushed=outbox_call("mark_pushed"),
                     apply_changes=outbox_call("apply"), read_state=outbox_call("state"),
                     roster_mark=outbox_call("roster_mark"),
                     pending_count=outbox_call("pending_count")).routed(on_db_thread)

    def status(state):
        window.sync_status = state
        log("sync", **state.to_json())

    service = live_sync_for(model, event_toml, side, view=view, on_status=status,
                            health=kiosk_health(window))
    window.ready.connect(service.start)  # after kiosk.db is open on its thread
    window.result_shown.connect(lambda _result: service.wake())
    window.local_change.connect(service.wake)  # staff check-ins and blocks go out at once
    window.shutdown_hooks.append(service.stop)  # before the database thread goes
    return service


def kiosk_health(window, every_ms: int = 20_000):
    """The ``(camera, printer)`` codes the sync service reports to the hub, read from memory:
    the camera thread's last status, and the printer's state, asked of CUPS on the printer's
    own thread every ``every_ms`` and after every print that failed."""
    from PySide6.QtCore import QTimer

    from kiosk.services.health import printer_code

    printer = ["none" if window.printer is None else None]
    if window.printer is not None:
        def ask():
            if not getattr(window, "_shut_down", False):  # the printer's thread has stopped
                window.printer.state(lambda state: printer.__setitem__(0, printer_code(state)))

        timer = QTimer(window)
        timer.timeout.connect(ask)
        timer.start(every_ms)
        window.shutdown_hooks.append(timer.stop)
        window.printer.print_failed.connect(lambda _outcome: ask())
        window.printer.printed.connect(lambda _outcome: ask())
        window.ready.connect(ask)
        window._printer_health_timer = timer
    return lambda: (window.camera_status, printer[0])


def _install_map(window, build, log) -> None:
    try:
        window.install_wayfinding(build())
        log("maps_ready")
    except Exception as exc:  # the kiosk checks people in without maps; say why there are none
        warn(f"maps unavailable ({exc}); 'Find your way' will say so")
        log("maps_unavailable", message=str(exc))


def _json_logger(enabled: bool):
    def log(event: str, **fields):
        if enabled:
            print(json.dumps({"event": event, **fields}, ensure_ascii=False), file=sys.stderr,
                  flush=True)
    return log


def _wedge():
    try:
        from kiosk.scanning.wedge import WedgeScanner
    except ImportError:
        return None
    return WedgeScanner()


def wayfinding_builder(folder, event_model):
    """Builds the map screen for this kiosk's venue, or None when its map is missing."""
    from kiosk.organiser.kioskdir import EXHIBITORS

    model = folder.model

    def build(parent=None):
        from kiosk.ui.wayfinding.screen import WayfindingScreen
        from kiosk.wayfinding import Wayfinder

        finder = Wayfinder.open(model.venue, exhibitors_dir=folder.path / EXHIBITORS)
        return WayfindingScreen(finder.venue, finder.index, finder.router, model.anchor,
                                language=model.default_language, parent=parent,
                                event_name=event_model.name)
    return build


def _quit_on_signals(app, window) -> None:
    """SIGTERM / SIGINT end the kiosk cleanly (threads stopped, database closed)."""
    import signal

    from PySide6.QtCore import QTimer

    def stop(*_):
        window.unlocked = True
        app.quit()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # Python runs signal handlers only between bytecodes; a timer lets it in during app.exec().
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(200)
    app._signal_timer = timer


def cmd_doctor(args) -> int:
    from kiosk.commands.doctor import run_checks

    checks = run_checks(args.kiosk)
    failed = [c for c in checks if c["status"] == "fail"]
    if args.json:
        emit({"ok": not failed, "checks": checks}, True)
    else:
        for c in checks:
            mark = {"ok": "ok  ", "warn": "WARN", "fail": "FAIL"}[c["status"]]
            line = f"{mark} {c['name']}: {c['detail']}"
            if c.get("fix") and c["status"] != "ok":
                line += f"\n     fix: {c['fix']}"
            print(line)
    return 1 if failed else 0


def cmd_set_pin(args) -> int:
    import getpass

    from kiosk.core.pin import check_pin_strength, hash_pin
    from kiosk.organiser.kioskdir import KioskFolder

    folder = KioskFolder.open(args.kiosk)
    if sys.stdin.isatty():
        first = getpass.getpass("New staff PIN (4-8 digits): ")
        if getpass.getpass("Again: ") != first:
            raise KioskError("the two PINs differ; nothing was changed")
    else:
        first = sys.stdin.readline()
    pin = check_pin_strength(first)
    folder.update(staff_pin_hash=hash_pin(pin))
    from kiosk.storage.staff_store import add_pin_event

    with folder.open_store() as store:  # a new PIN ends any lock-out
        add_pin_event(store.conn, "reset")
    print(f"Staff PIN set for kiosk {folder.model.kiosk_id} (only its scrypt hash is stored)")
    return 0


def dashboard_source(args):
    """The dashboard's source for --kiosk, --db or --hub (checked here, in the terminal)."""
    from kiosk.services.dashboard import open_dashboard

    return open_dashboard(kiosk=args.kiosk, db=args.db, hub=args.hub)


def cmd_dashboard(args) -> int:
    if args.refresh < 0.5 or args.refresh > 3600:
        raise KioskError("--refresh must be between 0.5 and 3600 seconds")
    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
        if not (320 <= width <= 10000 and 240 <= height <= 10000):
            raise ValueError
    except ValueError:
        raise KioskError(f"--size must look like 1600x900, not {args.size!r}") from None
    if args.screenshot is not None and args.screenshot.suffix.lower() != ".png":
        raise KioskError("--screenshot must name a .png file")
    source = dashboard_source(args)
    if args.at:
        from kiosk.core.timeutil import parse_moment

        at = parse_moment(args.at, source.timezone())
        source.clock = lambda: at
    if args.json:
        try:
            data = source.fetch()
        finally:
            source.close()
        emit(data.to_json(), True)
        return 0
    if args.screenshot is not None and not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
    try:
        from kiosk.ui.staff.window import run_dashboard
    except ImportError as exc:
        raise KioskError(f"the dashboard window needs Qt (PySide6), which cannot be loaded here "
                         f"({exc}); --json prints the same figures without it") from exc

    if args.screenshot is not None:
        try:
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KioskError(f"cannot make the folder for {args.screenshot}: {exc.strerror}") from None
    code = run_dashboard(source, language=args.lang, refresh_seconds=args.refresh,
                         screenshot=args.screenshot, size=(width, height))
    if code == 0 and args.screenshot is not None and not args.screenshot.is_file():
        raise KioskError(f"the screenshot could not be written to {args.screenshot}")
    return code
