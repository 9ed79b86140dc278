"""Every screen state of the kiosk as a PNG, for translators, reviewers and the README.

``render(kiosk_dir, out, languages, sizes)`` opens the kiosk folder as the kiosk would (its
database, its map and exhibitors), walks every state in every language and size and writes
``OUT/<state>-<lang>-<W>x<H>.png``; each state is also checked (kiosk.ui.checks) and the
problems are returned with it.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

STATES = ("attract", "scan", "scan-no-camera", "result-accepted", "result-duplicate",
          "result-unknown", "result-wrong-day", "result-wrong-venue", "still-there", "pin",
          "staff-dashboard", "wayfinding-keyboard", "wayfinding-results", "wayfinding-route",
          "wayfinding-route-step-free", "directory", "attract-high-contrast",
          "wayfinding-route-high-contrast", "staff-health-printer", "staff-lookup-keyboard",
          "no-badge", "walk-in", "walk-in-email", "result-print-failed", "result-print-ask",
          "badge-desk", "maps-missing")
# Low reach (ADA 308): the attendee's screens with every control 380-1220 mm above the floor.
LOW_REACH = ("attract", "scan", "scan-no-camera", "result-accepted", "result-wrong-day",
             "still-there", "wayfinding-keyboard", "wayfinding-results", "wayfinding-route",
             "directory", "no-badge", "walk-in", "walk-in-email", "result-print-failed",
             "result-print-ask", "badge-desk", "maps-missing",
             # both at once: the contrast check as well as the reach
             "wayfinding-keyboard-high-contrast", "result-accepted-high-contrast")
STATES += tuple(f"{state}-low-reach" for state in LOW_REACH)


# The badge printer of the shots: what `lpstat -l -p Q -a Q -o Q` answered (cupsd 2.4; the queue's
# name is put in for Q) for a queue that ran out of labels holding five badges: two held
# (release printing holds every job until staff let it go), three stuck behind the stopped
# queue. The kiosk's own CUPS client reads it; nothing is ever printed.
LPSTAT_STUCK = """\
printer {q} disabled since Tue Dec  1 11:46:55 2026 -
\tmedia-empty-error
\tForm mounted:
\tContent types: any
\tPrinter types: unknown
\tDescription: {q}
\tAlerts: paused
\tLocation:\x20
\tConnection: direct
\tOn fault: no alert
\tAfter fault: continue
\tUsers allowed:
\t\t(all)
\tForms allowed:
\t\t(none)
\tBanner required
\tCharset sets:
\t\t(none)
\tDefault pitch:
\tDefault page size:
\tDefault port settings:
{q} accepting requests since Tue Dec  1 11:46:55 2026
{q}-1            root              1024   Tue Dec  1 11:46:55 2026
\tAlerts: job-hold-until-specified
\tqueued for {q}
{q}-2            root              1024   Tue Dec  1 11:46:55 2026
\tAlerts: job-hold-until-specified
\tqueued for {q}
{q}-3            root              1024   Tue Dec  1 11:46:55 2026
\tAlerts: none
\tqueued for {q}
{q}-4            root              1024   Tue Dec  1 11:46:55 2026
\tAlerts: none
\tqueued for {q}
{q}-5            root              1024   Tue Dec  1 11:46:55 2026
\tAlerts: none
\tqueued for {q}
"""
SHOT_QUEUE = "badge-desk"
STUCK_JOBS = 5


def shot_printer():
    """A CUPS client that answers every question about its queue with LPSTAT_STUCK and prints
    nothing (a shot never reaches a printer)."""
    from kiosk.printing.cups import CupsClient, PrintError

    class RecordedCups(CupsClient):
        def printer(self, queue):
            return self._parse_printer(queue, LPSTAT_STUCK.format(q=queue))

        def _run(self, *cmd, data=None):
            raise PrintError("the screenshots' printer prints nothing")

        def probe(self, queue):
            raise PrintError("the screenshots' printer prints nothing")

    return RecordedCups()


@dataclass
class Shot:
    state: str
    language: str
    size: tuple[int, int]
    path: Path
    problems: list[str] = field(default_factory=list)


def wait(condition, timeout: float = 10.0) -> bool:
    """Run the event loop until condition() holds (or the time is up)."""
    end = time.monotonic() + timeout
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > end:
            return False
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return True


def settle(rounds: int = 3) -> None:
    for _ in range(rounds):
        QApplication.processEvents()
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()


def badge_picture(token: str) -> QImage:
    """A badge held up to the camera: its QR code on a grey background."""
    from kiosk.services.review import qr_code

    image = qr_code(token, box_size=6).make_image().convert("RGB")
    badge = QImage(image.tobytes(), image.width, image.height, image.width * 3,
                   QImage.Format.Format_RGB888).copy()
    canvas = QImage(1280, 720, QImage.Format.Format_RGB888)
    canvas.fill(QColor("#8A8F98"))
    painter = QPainter(canvas)
    painter.drawImage((1280 - badge.width()) // 2, (720 - badge.height()) // 2, badge)
    painter.end()
    return canvas


def tokens_of(event_dir: Path) -> dict[str, list[str]]:
    """Badge tokens by category from the event's badges.csv."""
    found: dict[str, list[str]] = {}
    with (event_dir / "badges" / "badges.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            found.setdefault(row["category"], []).append(row["token"])
    return found


def attendee_ids(event_dir: Path) -> list[str]:
    with (event_dir / "badges" / "badges.csv").open(encoding="utf-8") as fh:
        return [row["id"] for row in csv.DictReader(fh)]


def _seed_prints(window, printing, ids: list[str]) -> None:
    """The kiosk's own records of the stuck jobs (whose badge each one is) and of two badges
    that did not print, as staff reprints would have left them."""
    from kiosk.services.printing import PrintOutcome

    def work(store, desk):
        for n, attendee_id in enumerate(ids[:STUCK_JOBS + 2], start=1):
            ticket = printing.claim(store.conn, store.find_attendee(attendee_id), reason="staff")
            ok = n <= STUCK_JOBS
            printing.record(store.conn, PrintOutcome(
                ticket, ok, printing.queue, job_id=n if ok else None,
                problem="" if ok else "out of paper or labels"))

    done = []
    window.desk.call(work, done.append, done.append)
    if not wait(lambda: bool(done)) or isinstance(done[0], Exception):
        raise RuntimeError(f"the shots' print records were not written: {done}")


def render(demo_dir: Path, out: Path, languages: list[str], sizes: list[tuple[int, int]],
           states: tuple[str, ...] = STATES, on_shot=None, *, kiosk_settings,
           wayfinding_builder) -> list[Shot]:
    """Shots of a demo made by ``make_demo`` (its kiosk-1, badges and refusal samples);
    ``kiosk_settings`` and ``wayfinding_builder`` are the ones `kiosk run` uses."""
    from kiosk.core.pin import hash_pin
    from kiosk.services.review import EventFolder
    from kiosk.services.review import KioskFolder, build_desk

    out.mkdir(parents=True, exist_ok=True)
    folder = KioskFolder.open(demo_dir / "kiosk-1")
    event = EventFolder.open(demo_dir / "event")
    tokens = tokens_of(demo_dir / "event")
    samples = {name: _sample_token(event, name) for name in ("wrong_day", "wrong_venue")}

    def open_store():
        store = folder.open_store()
        return store, build_desk(folder, store)

    settings = kiosk_settings(event.model, folder.model, windowed=True, kiosk_dir=folder.path)
    settings.pin_hash = hash_pin("2468")
    settings.idle_seconds = 3600
    build_map = wayfinding_builder(folder, event.model)
    from kiosk.services.printing import BadgePrinting, PrinterSettings

    def printing():
        # A printer for staff reprints only (print_on = never): the attendee's screens are as
        # without one, the health page shows its stuck jobs.
        return BadgePrinting(PrinterSettings(queue=SHOT_QUEUE, media="4x3in", print_on="never"),
                             event.model.rules(), kiosk_id=folder.model.kiosk_id,
                             client=shot_printer())

    shots: list[Shot] = []
    # A kiosk without maps shows its own page where the map would be: a window of its own.
    without_maps = tuple(s for s in states if s.startswith("maps-missing"))
    usual = tuple(s for s in states if s not in without_maps)
    seeded = False
    for group, wayfinding in ((usual, build_map), (without_maps, None)):
        if group:
            # the print records behind the health page's jobs, once (one kiosk.db)
            seed = attendee_ids(demo_dir / "event") if not seeded else None
            seeded = True
            shots += _render_window(settings, open_store, wayfinding, out, languages, sizes,
                                    group, tokens, samples, on_shot, printing(), seed)
    return shots


def _render_window(settings, open_store, wayfinding, out, languages, sizes, states, tokens,
                   samples, on_shot, printing, seed) -> list[Shot]:
    from kiosk.services.no_badge import NoBadge
    from kiosk.services.walk_in import WalkIns
    from kiosk.ui.app import create_app
    from kiosk.ui.checks import check_page, low_contrast, out_of_reach
    from kiosk.ui.printing import PrintNotice
    from kiosk.ui.staff_lock import PinService

    # An entry kiosk that offers "No badge?" and walk-in registration: every screen it has.
    window = create_app(settings, camera=None, store=open_store, wayfinding=wayfinding,
                        no_badge=NoBadge(settings.kiosk_id), walk_ins=WalkIns(settings.kiosk_id),
                        printing=printing)
    window.pin_service = PinService(window.desk, settings.pin_hash)
    if not hasattr(window, "print_notice"):  # what a kiosk with a badge printer says under a result
        window.print_notice = PrintNotice(window.result)
    ready = []
    window.ready.connect(lambda: ready.append(True))
    window.start()
    if not wait(lambda: bool(ready)):
        raise RuntimeError("the kiosk database did not open")
    if seed:
        _seed_prints(window, printing, seed)
    shots: list[Shot] = []
    try:
        for language in languages:
            for size in sizes:
                window.resize(*size)
                window.setFixedSize(*size)
                for state in states:
                    window.session.leave_staff("back")  # a fresh start before every state
                    window.print_notice.clear()
                    window.set_language(language)
                    page = _enter(window, state, tokens, samples)
                    settle()
                    window.place_corner()
                    path = out / f"{state}-{language}-{size[0]}x{size[1]}.png"
                    window.grab().save(str(path))
                    problems = check_page(page)
                    if state.endswith("-low-reach"):
                        problems += out_of_reach(page, window.reach_rows(), window)
                    if "-high-contrast" in state:
                        problems += low_contrast(page)
                    shot = Shot(state, language, size, path, problems)
                    shots.append(shot)
                    if on_shot is not None:
                        on_shot(shot)
                    window.overlay.stop()
    finally:
        window.unlocked = True
        window.shutdown()
        window.close()
    return shots


def _sample_token(event, outcome: str) -> str:
    """The token of a refusal sample (the demo's samples are QR pictures: read them back)."""
    import zxingcpp
    from PIL import Image

    path = event.path.parent / "samples" / f"{outcome}.png"
    return zxingcpp.read_barcodes(Image.open(path).convert("L"))[0].text


def _check_in(window, code: str) -> None:
    shown = []
    window.result_shown.connect(lambda r: shown.append(r))
    window.on_code(code, time.monotonic())
    if not wait(lambda: bool(shown)):
        raise RuntimeError("no check-in result")


def _enter(window, state: str, tokens, samples):
    """Put the window into a state; returns the page to check."""
    screen = window.wayfinding
    if state.endswith("-low-reach"):
        window.attract.reach_button.setChecked(True)  # as a tap on the attract screen does
        state = state[: -len("-low-reach")]
    if state.endswith("-high-contrast"):
        window.attract.contrast_button.setChecked(True)  # likewise
        state = state[: -len("-high-contrast")]
    if state == "attract":
        return window.attract
    if state == "scan":
        window.show_page("scan")
        window.scan.set_camera_status("ok")
        window.scan.view.show_frame(badge_picture(tokens["visitor"][0]))
        return window.scan
    if state == "scan-no-camera":
        window.show_page("scan")
        window.scan.set_camera_status("none")
        return window.scan
    if state in ("no-badge", "walk-in", "walk-in-email"):
        window.show_page("scan")
        entry = window.scan.no_badge_button if state == "no-badge" else window.scan.walk_in_button
        entry.click()  # as a tap does
        if state == "walk-in-email":
            window.pages["walk_in"].select("email")  # the sign keys (@ . _ +) too
        return window.stack.currentWidget()
    if state == "maps-missing":
        window.show_page("wayfinding")
        return window.wayfinding
    if state == "badge-desk":
        from kiosk.ui.printing import show_badge_desk

        window.show_page("scan")
        _check_in(window, tokens["visitor"][-1])  # someone whose badge the desk prints
        show_badge_desk(window, (window.last_result.attendee, "a ticket"))
        window.session_timer.stop()
        return window.result
    if state in ("result-print-failed", "result-print-ask"):
        _enter(window, "result-accepted", tokens, samples)
        notice = window.print_notice
        notice.apply_theme(window.theme)
        if state == "result-print-failed":
            notice.show("failed", window.language, window.settings.help_point(window.language))
        else:
            notice.offer(window.language, lambda: None)
        window.result.refit()
        return window.result
    if state.startswith("result-"):
        window.show_page("scan")
        if state in ("result-accepted", "result-duplicate"):
            # A first entry needs someone not yet in today: an exhibitor each time (they are
            # offered the way to their booth), taken from the list as the shots go on.
            # When the exhibitors run out, visitors (a welcome still, without a booth).
            people = tokens["exhibitor"] if len(tokens["exhibitor"]) > 1 else tokens["visitor"]
            code = people.pop(0) if len(people) > 1 else people[0]
        else:
            code = {"result-unknown": "ITCN-99999", "result-wrong-day": samples["wrong_day"],
                    "result-wrong-venue": samples["wrong_venue"]}[state]
        if state == "result-duplicate":
            _check_in(window, code)
        _check_in(window, code)
        window.session_timer.stop()  # the picture is taken before it times out
        return window.result
    if state == "still-there":
        window.show_page("scan")
        window.overlay.show_count(7)
        return window.overlay
    if state == "pin":
        window.open_pin_pad()
        return window.pin
    if state == "staff-dashboard":
        window.unlocked = True
        window.staff.show_tool("dashboard")
        window.session.staff_unlocked()
        settle(10)
        return window.staff
    if state == "staff-health-printer":
        window.unlocked = True
        window.staff.show_tool("health")
        window.session.staff_unlocked()
        panel = window.staff.tools["health"].printer
        wait(lambda: len(panel.job_texts) >= min(STUCK_JOBS, panel.MAX_JOBS)
             and panel.failed is not None and window.staff.tools["health"].facts is not None)
        settle(5)
        return window.staff
    if state == "staff-lookup-keyboard":
        # The look-up keyboard after a change of language while it is on screen.
        window.unlocked = True
        window.staff.show_tool("lookup")
        window.session.staff_unlocked()
        other = "en" if window.language != "en" else "ur"
        language = window.language
        window.set_language(other)
        settle()
        window.set_language(language)
        settle(5)
        return window.staff
    window.show_page("wayfinding")
    if state == "wayfinding-keyboard":
        screen.show_keyboard()
        return screen
    if state == "wayfinding-results":
        screen.search(screen.index.exhibitors[0].name(window.language) if screen.index.exhibitors
                      else "hall")
        return screen
    if state in ("wayfinding-route", "wayfinding-route-step-free"):
        screen.search("seminar")
        if state.endswith("step-free"):
            screen.set_accessible(True)
        screen.choose(0)
        return screen
    if state == "directory":
        screen.show_directory()
        return screen
    raise ValueError(f"no state {state!r}")
