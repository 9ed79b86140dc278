"""The kiosk window: attract, scan, result, staff lock and the way to the maps.

``create_app(settings, camera=..., store=...)`` builds it from parts handed in (a camera pipeline
factory, a database opener), so tests hand in an image folder and a temporary kiosk.db.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputDevice
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSlider, QApplication,
                               QLineEdit, QStackedWidget, QVBoxLayout, QWidget)

from kiosk.core.outcomes import Outcome
from kiosk.services import session as events
from kiosk.services.session import KioskSession, Timings
from kiosk.ui.i18n import install_translators
from kiosk.ui.screens import Screen, button, label, layout_items, reorder
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.overlay import StillThere
from kiosk.ui.screens.result import ResultScreen
from kiosk.ui.screens.scan import ScanScreen
from kiosk.ui.screens.staff import PinPad, StaffMenu
from kiosk.ui.sound import SilentSounds, Sounds
from kiosk.ui.staff.context import StaffContext, StaffServices
from kiosk.ui.staff.tasks import staff_tasks
from kiosk.ui.theme import Theme, stylesheet
from kiosk.ui.widgets import LongPressArea
from kiosk.ui.workers import CameraWorker, DeskThread


@dataclass
class KioskSettings:
    kiosk_id: str
    event_name: str
    days: list[date]
    venue: str
    languages: list[str] = field(default_factory=lambda: ["en", "ur", "zh"])
    default_language: str = "en"
    help_points: dict[str, str] = field(default_factory=dict)
    idle_seconds: float = 45.0
    countdown_seconds: int = 10
    result_seconds: float = 3.0
    refusal_seconds: float = 10.0  # amber and red results stay until tapped or this long
    staff_idle_seconds: float = 120.0
    pin_hash: str = ""
    kiosk_mode: bool = True  # fullscreen, frameless, no way out without the staff PIN
    tick_ms: int = 1000
    long_press_ms: int = 2500
    kiosk_dir: Path | None = None  # for staff tools: exports, reprints, free disk
    decoder: str = "zxing"
    hub_url: str = ""
    display: object | None = None  # kiosk.core.reach.Mounting (None: a 55-inch floor kiosk)

    def help_point(self, language: str) -> str:
        return self.help_points.get(language) or self.help_points.get("en") or "the registration desk"


class InputWatcher(QObject):
    """Sees every touch, click and key in the application: for the idle timer and the scanner."""

    touched = Signal()
    key_typed = Signal(str, float)  # text, monotonic time ("\n" for Enter)

    def eventFilter(self, obj, event):
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.touched.emit()
        elif kind == QEvent.Type.KeyPress and not event.isAutoRepeat() and self._first_receiver(obj):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.key_typed.emit("\n", time.monotonic())
            elif event.text():
                self.key_typed.emit(event.text(), time.monotonic())
        return False

    @staticmethod
    def _first_receiver(obj) -> bool:
        """A key goes to the focus widget first, then up to its parents if ignored: look at it
        once, where it lands first."""
        if not isinstance(obj, QWidget):
            return False  # the QWindow's copy of the event
        focus = QApplication.focusWidget()
        return obj is focus if focus is not None else obj.isWindow()


class WayfindingPlaceholder(Screen):
    """Stands where the map screen goes, with the same interface (signals and methods)."""

    closed = Signal()
    activity = Signal()
    route_shown = Signal(dict)  # never: there are no maps

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.text = label(name="wayfinding_placeholder")
        self.back_button = button(secondary=True, name="wayfinding_back")
        self.back_button.clicked.connect(self.closed)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self._items = layout_items(layout)
        self.retranslate()

    def arrange_reach(self, low: bool) -> None:
        # Low reach: the words on top, Back at the bottom of the reachable rows.
        reorder(self.layout(), [1, 0, 2] if low else [0, 1, 2, 3], self._items)

    def retranslate(self):
        self.text.setText(self.tr("Maps are not installed on this kiosk. Please ask at the information desk."))
        self.back_button.setText(self.tr("Back"))

    def apply_theme(self, theme):
        super().apply_theme(theme)
        theme.fit(self.text, "large")
        theme.fit(self.back_button, "large", bold=True)
        self.layout().setContentsMargins(*(theme.mm(8),) * 4)

    def set_language(self, language: str) -> None:
        self.retranslate()

    def reset(self) -> None:
        pass

    def destination_for(self, attendee):
        return None

    def nearest(self, group: str):
        return None

    def show_result(self, destination) -> None:
        pass


class KioskWindow(QWidget):
    """The whole kiosk in one window; screens are pages of a stack."""

    language_changed = Signal(str)
    result_shown = Signal(object)  # CheckInResult, or None after a storage failure
    result_painted = Signal(float)  # seconds from the frame's capture to the result on screen
    went_idle = Signal()
    page_changed = Signal(str)
    staff_unlocked = Signal()
    ready = Signal()  # kiosk.db is open and the desk can check people in (GUI thread)
    local_change = Signal()  # staff changed kiosk.db (manual check-in, block): live sync wakes

    def __init__(self, settings: KioskSettings, *, desk: DeskThread,
                 camera: Callable | None = None, sounds: Sounds | None = None,
                 wedge=None, wayfinding: Callable | None = None, pin_service=None,
                 staff_services: StaffServices | None = None, printing=None, no_badge=None,
                 walk_ins=None, speaker=None):
        super().__init__()
        self.setObjectName("KioskWindow")
        self.settings = settings
        self.desk = desk
        self.sounds = sounds or SilentSounds()
        self.wedge = wedge
        self.pin_service = pin_service
        self.session = KioskSession(
            languages=settings.languages, default_language=settings.default_language,
            timings=Timings(idle_seconds=settings.idle_seconds,
                            countdown_seconds=settings.countdown_seconds,
                            result_seconds=settings.result_seconds,
                            refusal_seconds=settings.refusal_seconds,
                            staff_idle_seconds=settings.staff_idle_seconds,
                            tick_seconds=settings.tick_ms / 1000))
        self.unlocked = False
        if speaker is None:
            from kiosk.services.speech import Speaker

            speaker = Speaker()
        self.speaker = speaker
        self.speech_on = False  # "Read aloud" on the attract screen, for this person only
        self.high_contrast = False  # "High contrast", likewise
        self.low_reach = False  # "Low reach": every control 380-1220 mm above the floor, likewise
        self.camera_worker: CameraWorker | None = None
        self.last_result = None
        self.rules = None
        self.staff_problem = ""
        self._captured: float | None = None
        self.latencies: list[float] = []
        self.shutdown_hooks: list[Callable[[], None]] = []
        self.sync_status = None  # the hub's state, when live sync runs
        self.camera_status, self.camera_fps = "none", None
        self.staff_services = staff_services or StaffServices(
            kiosk_dir=settings.kiosk_dir, decoder=settings.decoder, hub_url=settings.hub_url)
        self.staff_tasks = staff_tasks(self)
        self.printer = None  # the badge printer (kiosk/ui/printing.py), when kiosk.toml has one
        if printing is not None:
            from kiosk.ui.printing import PrintCoordinator

            self.printer = PrintCoordinator(printing, desk, self)
            self.staff_services.printing = self.printer
        self.staff_context = staff_context = StaffContext(
            desk=desk, tasks=self.staff_tasks, kiosk_id=settings.kiosk_id,
            services=self.staff_services, audit=self.audit, changed=self.local_change.emit,
            camera_state=lambda: (self.camera_status, self.camera_fps),
            sync_status=lambda: self.sync_status)

        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The window is the screen: pages fit themselves to it, they never stretch it.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.stack)
        self.attract = AttractScreen(event_name=settings.event_name, days=settings.days,
                                     venue=settings.venue, languages=settings.languages)
        self.scan = ScanScreen(languages=settings.languages)
        self.result = ResultScreen(languages=settings.languages)
        if self.printer is not None:
            from kiosk.ui.printing import PrintNotice

            self.print_notice = PrintNotice(self.result)
            self.printer.started.connect(lambda _t: self._print_news("printing"))
            self.printer.print_failed.connect(lambda _o: self._print_news("failed"))
        self.pin = PinPad()
        self.staff = StaffMenu(staff_context)
        self.wayfinding = wayfinding(self) if wayfinding else WayfindingPlaceholder()
        self.pages = {"attract": self.attract, "scan": self.scan, "result": self.result,
                      "pin": self.pin, "staff": self.staff, "wayfinding": self.wayfinding}
        for page in self.pages.values():
            self.stack.addWidget(page)
        if no_badge is not None:  # "No badge?" (kiosk/ui/no_badge.py): e-mail or phone instead
            from kiosk.ui.no_badge import install_no_badge

            install_no_badge(self, no_badge)
        if walk_ins is not None:  # walk-in registration (kiosk/ui/walk_in.py)
            from kiosk.ui.walk_in import install_walk_ins

            install_walk_ins(self, walk_ins)
        self.overlay = StillThere(self)
        self.corner = LongPressArea(self, settings.long_press_ms)

        session = self.session
        self.attract.start_scan.connect(session.start_scan)
        self.attract.find_way.connect(session.find_way)
        self.attract.language_chosen.connect(self.set_language)
        self.attract.speech_toggled.connect(self._speech_toggled)
        self.attract.contrast_toggled.connect(self._contrast_toggled)
        self.attract.reach_toggled.connect(self.set_low_reach)
        self.scan.back.connect(session.back)
        self.scan.language_chosen.connect(self.set_language)
        self.result.language_chosen.connect(self.set_language)
        self.scan.find_way.connect(session.find_way)
        self.result.dismissed.connect(session.result_done)
        self.result.painted.connect(self._painted)
        self.result.find_way.connect(self.open_wayfinding)
        self._connect_wayfinding(self.wayfinding)
        self.corner.long_pressed.connect(self.open_pin_pad)
        self.pin.pin_entered.connect(self.check_pin)
        self.pin.cancelled.connect(lambda: self.leave_staff("back"))
        self.staff.back.connect(lambda: self.leave_staff("back"))
        self.staff.exit_app.connect(self.exit_to_desktop)
        self.overlay.still_here.connect(self.activity)

        # One timer, set to the session's next deadline (idle, countdown step, result).
        self.session_timer = QTimer(self)
        self.session_timer.setSingleShot(True)
        self.session_timer.timeout.connect(self._tick)
        session.subscribe(self._on_session_event)
        self.watcher = InputWatcher(self)
        self.watcher.touched.connect(self.activity)
        self.watcher.key_typed.connect(self._key_typed)

        desk.checked_in.connect(self.show_check_in)
        desk.check_in_failed.connect(self.show_failure)
        desk.open_failed.connect(self.show_open_failure)
        desk.opened.connect(self._desk_opened)
        desk.unhandled.connect(self.show_staff_problem)
        self.staff_tasks.unhandled.connect(self.show_staff_problem)

        self.theme = Theme.for_widget(self, self.language)
        self._apply_language(self.language)
        self._show_page("attract")
        if camera is not None:
            self.start_camera(camera)
        else:
            self.scan.set_camera_status("none")
            self.attract.scanner_only = True
            self.attract.retranslate()

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        app = QApplication.instance()
        app.installEventFilter(self.watcher)
        self.desk.start()
        if self.settings.kiosk_mode:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
            if any(d.type() == QInputDevice.DeviceType.TouchScreen for d in QInputDevice.devices()):
                QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self.showFullScreen()
        else:
            self.resize(1280, 800)
            self.show()
        self.activity()

    def start_camera(self, factory: Callable) -> None:
        self.camera_worker = CameraWorker(factory)
        self.camera_worker.code_scanned.connect(self.on_code)
        self.camera_worker.frame_ready.connect(self.scan.view.show_frame)
        self.camera_worker.status_changed.connect(self.scan.set_camera_status)
        self.camera_worker.status_changed.connect(self._camera_status)
        self.camera_worker.fps_measured.connect(self._camera_fps)
        self.camera_worker.start()

    def _camera_status(self, status: str) -> None:
        self.camera_status = status
        if status != "ok":
            self.camera_fps = None

    def _camera_fps(self, fps: float) -> None:
        self.camera_fps = fps

    def shutdown(self) -> None:
        if getattr(self, "_shut_down", False):
            return
        self._shut_down = True
        for hook in self.shutdown_hooks:  # e.g. live sync, which still uses the database thread
            hook()
        self.staff.stop()  # the dashboard's feed reads through the database thread: first
        self.staff_tasks.stop()
        if self.printer is not None:
            self.printer.stop()
        QApplication.instance().removeEventFilter(self.watcher)
        if self.camera_worker is not None:
            self.camera_worker.stop()
        self.desk.stop()
        QGuiApplication.restoreOverrideCursor()

    def closeEvent(self, event):
        if self.settings.kiosk_mode and not self.unlocked:
            event.ignore()  # Alt+F4 and friends: only staff can leave
            return
        self.shutdown()
        event.accept()

    def exit_to_desktop(self) -> None:
        self.audit("exit_to_desktop")  # queued before the database thread closes
        self.unlocked = True
        self.close()
        QApplication.instance().quit()

    # -- pages and language --------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self.session.language

    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next(name for name, page in self.pages.items() if page is widget)

    def show_page(self, name: str) -> None:
        self.session.go(name)

    def set_language(self, language: str) -> None:
        self.session.set_language(language)

    def _on_session_event(self, event) -> None:
        """What the session decided, drawn (the session itself knows no Qt)."""
        if isinstance(event, events.PageChanged):
            self._show_page(event.page)
        elif isinstance(event, events.LanguageChanged):
            self._apply_language(event.language)
        elif isinstance(event, events.StillThere):
            self.overlay.setGeometry(self.rect())
            self.overlay.set_theme(self.theme)
            self.overlay.show_count(event.remaining)
        elif isinstance(event, events.StillThereCancelled):
            self.overlay.stop()
        elif isinstance(event, events.StaffLeft):
            if self.unlocked:
                self.audit("staff_leave", detail=event.why)
            self.unlocked = False
        elif isinstance(event, events.FreshStart):
            self.result.countdown.stop()
            self.wayfinding.reset()
            if event.language:  # the next person: reading aloud and high contrast are off again
                self.attract.speech_button.setChecked(False)
                self.attract.contrast_button.setChecked(False)
                self.attract.reach_button.setChecked(False)
            if event.why == "idle":
                self.went_idle.emit()
        self._schedule()

    def _schedule(self) -> None:
        deadline = self.session.next_deadline()
        if deadline is None:
            self.session_timer.stop()
            return
        wait = max(0.0, deadline - self.session.clock())
        self.session_timer.start(int(wait * 1000) + 1)

    def _tick(self) -> None:
        self.session.tick()
        self._schedule()

    def _show_page(self, name: str) -> None:
        self.stack.setCurrentWidget(self.pages[name])
        self._place_reach()
        self.place_corner()
        QTimer.singleShot(0, self.place_corner)  # again once the page has laid itself out
        self.page_changed.emit(name)

    CONTROLS = (QAbstractButton, QLineEdit, QAbstractScrollArea, QAbstractSlider)

    def place_corner(self) -> None:
        """The staff corner goes to the first corner of the window (top left, top right,
        bottom left, bottom right) where no control is, so that it never swallows a tap on
        Back or any other button; on a page with controls in all four it is not there."""
        side = max(self.theme.target_px, 60)
        w, h = self.width(), self.height()
        candidates = [QRect(0, 0, side, side), QRect(w - side, 0, side, side),
                      QRect(0, h - side, side, side), QRect(w - side, h - side, side, side)]
        page = self.stack.currentWidget()
        busy = []
        for widget in page.findChildren(QWidget) + ([self.overlay] if self.overlay.isVisible() else []):
            if isinstance(widget, self.CONTROLS) and widget.isVisible():
                busy.append(QRect(widget.mapTo(self, QPoint(0, 0)), widget.size()))
        for rect in candidates:
            if not any(rect.intersects(b) for b in busy):
                self.corner.setGeometry(rect)
                self.corner.show()
                self.corner.raise_()
                return
        self.corner.hide()

    def _apply_language(self, language: str) -> None:
        app = QApplication.instance()
        install_translators(app, language)
        direction = Qt.LayoutDirection.RightToLeft if language == "ur" else Qt.LayoutDirection.LeftToRight
        app.setLayoutDirection(direction)
        self.theme = replace(Theme.for_widget(self, language), high_contrast=self.high_contrast)
        self.setStyleSheet(stylesheet(self.theme))
        self.attract.set_language(language)
        for buttons in (self.scan.language_buttons, self.result.language_buttons):
            for code, b in buttons.items():
                b.setChecked(code == language)
        if self.current_page() == "result" and self.last_result is not None:
            self._refresh_result(self.last_result)
        for screen in (self.scan, self.result, self.pin, self.staff, self.overlay):
            screen.retranslate()
            screen.set_theme(self.theme)
        for name in ("no_badge", "walk_in"):  # the pages installed beside the scan screen
            if name in self.pages:
                self.pages[name].retranslate()
                self.pages[name].set_theme(self.theme)
        self.wayfinding.set_language(language)
        if hasattr(self.wayfinding, "set_high_contrast"):  # the map screen has its own colours
            self.wayfinding.set_high_contrast(self.high_contrast)
        if isinstance(self.wayfinding, Screen):
            self.wayfinding.set_theme(self.theme)
        self.attract.set_theme(self.theme)
        QTimer.singleShot(0, self.place_corner)  # right to left mirrors the pages
        self.language_changed.emit(language)

    # -- low reach ---------------------------------------------------------------------------
    STAFF_PAGES = ("pin", "staff")  # staff stand: their pages keep the whole screen

    def reach_rows(self) -> tuple[int, int]:
        """The window's rows 380-1220 mm above the floor (ADA 308), from kiosk.toml [display]."""
        from kiosk.core.reach import default_mounting

        mounting = self.settings.display or default_mounting(self.width(), self.height())
        return mounting.rows_in_reach(max(1, self.height()))

    def set_low_reach(self, on: bool) -> None:
        """Every control of the attendee's screens within reach from a wheelchair: each page
        brings its buttons and fields into the reachable rows and leaves only words and the map
        above them (for this person only)."""
        on = bool(on)
        if self.attract.reach_button.isChecked() != on:
            self.attract.reach_button.setChecked(on)  # comes back here through the toggle
            return
        if on == self.low_reach:
            return
        self.low_reach = on
        self.attract.retranslate()
        self._place_reach()

    def reach_now(self) -> tuple[int, int] | None:
        """The reachable rows when the page on screen is lowered, else None."""
        return self.reach_rows() if self._lowered() else None

    def _lowered(self) -> bool:
        return self.low_reach and self.current_page() not in self.STAFF_PAGES

    def _place_reach(self) -> None:
        """Tell the page on screen (and "Still there?") which rows are within reach, if any."""
        rows = self.reach_now()
        page = self.stack.currentWidget()
        if hasattr(page, "set_reach"):
            page.set_reach(rows)
        if self.overlay.isVisible():
            self.overlay.set_reach(rows)

    def resizeEvent(self, event):
        self._place_reach()
        self.place_corner()
        QTimer.singleShot(0, self.place_corner)
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())
        super().resizeEvent(event)

    # -- idle ------------------------------------------------------------------------------
    def activity(self) -> None:
        self.session.activity()
        self._schedule()
        QTimer.singleShot(0, self.place_corner)  # a keyboard or a route may have come up

    def reset_to_attract(self) -> None:
        """Forget this person and go back to the start (as the idle countdown does)."""
        self.session.leave_staff("idle")

    # -- scanning ----------------------------------------------------------------------------
    def _key_typed(self, text: str, t: float) -> None:
        if self.wedge is None:
            return
        code = self.wedge.feed(text, t)
        if code:
            self._take_back(code)
            self.on_code(code, t, "wedge")

    @staticmethod
    def _take_back(code: str) -> None:
        """A scan typed into a text field (the map's search box) is not the visitor's typing."""
        from PySide6.QtWidgets import QLineEdit

        field = QApplication.focusWidget()
        if isinstance(field, QLineEdit) and field.text().endswith(code):
            field.setText(field.text()[: -len(code)])

    def on_code(self, code, captured: float, method: str = "camera") -> None:
        if self.current_page() in ("pin", "staff"):
            if self.current_page() == "staff" and self.unlocked:
                self.activity()
                self.staff.code_scanned(code)  # staff look the badge's holder up
            return  # never a check-in behind the staff screens
        self.activity()
        if self.printer is not None and self.printer.service.print_only:
            from kiosk.ui.printing import show_badge_desk

            self.printer.print_code(code, lambda answer: show_badge_desk(self, answer))
            return  # the badge desk prints and admits no one
        self.desk.check_in(code, method, captured)

    def show_check_in(self, result, captured: float) -> None:
        self.last_result = result
        self._captured = captured
        attendee = result.attendee
        name = ""
        if attendee is not None:
            name = {"ur": attendee.name_ur, "zh": attendee.name_zh}.get(self.language) or attendee.name
        hours = ""
        if result.outcome is Outcome.OUTSIDE_HOURS and self.rules is not None:
            event = self.rules
            hours = str(event.hours_on(event.day_of(result.at)))
        destination, destination_label = self.likely_destination(result)
        detail = ""
        if result.tone == "red":
            detail = self.refusal_detail(result)
            destination = self.wayfinding.nearest("registration")
            destination_label = self.tr("the registration desk") if destination else ""
        self.result.show_result(
            result.outcome, result.reason, name=name, category=result.category,
            help_point=self.settings.help_point(self.language), hours=hours,
            seconds=self.session.result_seconds(result.tone), destination=destination,
            destination_label=destination_label, attention=bool(getattr(result, "attention", "")),
            detail=detail)
        self.session.result(result.tone)
        self.sounds.play({"green": "accept", "amber": "duplicate"}.get(result.tone, "refuse"))
        self.speak_result()
        self.result_shown.emit(result)
        if self.printer is not None:  # the scan is committed: now, and only now, the badge
            self.print_notice.clear()
            if self.printer.service.offers(result):  # print_on = ask
                self.print_notice.apply_theme(self.theme)
                self.print_notice.offer(self.language, lambda: (
                    self.activity(), self._keep_result(self.settings.result_seconds),
                    self.printer.after_check_in(result, asked=True)))
            else:
                self.printer.after_check_in(result)

    def _print_news(self, state: str) -> None:
        """The badge is printing, or could not be: said under the result, in their language."""
        if self.current_page() != "result" or (state == "printing"
                                                and self.printer.service.print_only):
            return  # (the badge desk's title says it already)
        self.print_notice.apply_theme(self.theme)
        self.print_notice.show(state, self.language, self.settings.help_point(self.language))
        if state == "failed":  # time to read where to go
            self._keep_result(max(self.settings.result_seconds, 8))

    def _keep_result(self, seconds: float) -> None:
        self.session.extend_result(seconds)
        self.result.countdown.start(seconds)
        self._schedule()

    def _refresh_result(self, result) -> None:
        """The result on screen, re-read in the language just chosen (its timer runs on)."""
        attendee = result.attendee
        if attendee is not None:
            self.result.name_text = {"ur": attendee.name_ur, "zh": attendee.name_zh}.get(
                self.language) or attendee.name
        self.result.help_point = self.settings.help_point(self.language)
        if result.tone == "red":
            self.result.detail = self.refusal_detail(result)
            if self.result.destination is not None:
                self.result.destination_label = self.tr("the registration desk")
        elif self.result.destination is not None:
            self.result.destination_label = self._destination_label(self.result.destination)

    def _contrast_toggled(self, on: bool) -> None:
        if on != self.high_contrast:
            self.high_contrast = on
            self._apply_language(self.language)

    def _speech_toggled(self, on: bool) -> None:
        self.speech_on = on
        self.attract.retranslate()
        if not on:
            self.speaker.stop()

    def speak(self, text: str) -> None:
        if self.speech_on:
            self.speaker.say(text, self.language)

    def speak_result(self) -> None:
        """The result as it reads on screen: title, name, reason, what to do next."""
        r = self.result
        self.speak(" ".join(t for t in (r.title.text(), r.name.text(), r.reason.text(),
                                        r.next_step.text()) if t))

    def refusal_detail(self, result) -> str:
        """Which city or which days the refused badge is for, in the visitor's language."""
        from kiosk.ui import messages
        from kiosk.ui.screens.attract import date_range, venue_name

        venues = [venue_name(v) for v in (result.valid_venues or ())]
        days = date_range(sorted(result.valid_days), self.language) if result.valid_days else ""
        event_days = date_range(self.settings.days, self.language) if self.settings.days else ""
        return messages.refusal_detail(result.reason, venues=venues, days=days,
                                       event_days=event_days)

    def likely_destination(self, result):
        """Where this attendee probably wants to go (their booth, their hall), if anywhere."""
        finder = self.wayfinding.destination_for
        if result.tone != "green" or result.attendee is None \
                or result.direction != "in":
            return None, ""
        try:
            found = finder(result.attendee)
        except Exception:  # wayfinding is a courtesy here; the check-in already succeeded
            return None, ""
        if found is None:
            return None, ""
        return found, self._destination_label(found)

    def _destination_label(self, found) -> str:
        """"your booth (H1-B40)" for an exhibitor: short enough for a button in portrait."""
        if found.kind == "exhibitor" and found.place.code:
            return f"{self.tr('your booth')} ({found.place.code})"
        return found.title(self.language)

    def show_failure(self, message: str, captured: float) -> None:
        self.last_result = None
        self._captured = captured
        self.failure_message = message
        self.result.show_failure(help_point=self.settings.help_point(self.language),
                                 seconds=self.session.result_seconds("red"), staff_note=message)
        self.session.result("red")
        self.sounds.play("refuse")
        self.result_shown.emit(None)

    def _desk_opened(self, rules) -> None:
        self.rules = rules  # the event's rules as the desk read them (immutable)
        from kiosk.services.staff import decoder_backends, folder_exporter

        services = self.staff_services
        if services.kiosk_dir is None and self.desk.db_path is not None:
            services.kiosk_dir = self.desk.db_path.parent
        self.staff_context.staff.kiosk_dir = services.kiosk_dir
        if services.export_bundle is None and services.kiosk_dir is not None:
            services.export_bundle = folder_exporter(services.kiosk_dir)
        if services.decoder_backends is None:
            services.decoder_backends = decoder_backends
        self.ready.emit()

    def show_staff_problem(self, sentence: str) -> None:
        """A background job failed and nobody handled it: staff see it, the log has the rest."""
        self.staff_problem = sentence
        if self.current_page() == "staff":
            self.staff.say(sentence)

    def show_open_failure(self, message: str) -> None:
        self.failure_message = message
        self.scan.status.setText(message)

    def _painted(self, when: float) -> None:
        if self._captured is not None:
            latency = when - self._captured
            self.latencies.append(latency)
            self._captured = None
            self.result_painted.emit(latency)

    def open_wayfinding(self, destination=None) -> None:
        if destination is not None:
            self.wayfinding.show_result(destination)
        self.session.follow_result()

    def _connect_wayfinding(self, screen) -> None:
        screen.closed.connect(self.session.back)
        screen.activity.connect(self.activity)
        screen.route_shown.connect(lambda route: self.speak(
            ". ".join([route.get("to", "")] + list(route.get("steps", [])))))

    def install_wayfinding(self, screen) -> None:
        """Swap the real map screen in for the placeholder (built after start-up, see run)."""
        old = self.wayfinding
        self.wayfinding = screen
        self.pages["wayfinding"] = screen
        self.stack.insertWidget(self.stack.indexOf(old), screen)
        self.stack.removeWidget(old)
        old.deleteLater()
        self._connect_wayfinding(screen)
        screen.set_language(self.language)
        if hasattr(screen, "set_high_contrast"):
            screen.set_high_contrast(self.high_contrast)

    # -- staff lock ----------------------------------------------------------------------------
    @property
    def pin_service(self):
        return self._pin_service

    @pin_service.setter
    def pin_service(self, service) -> None:
        """Wrong PINs, lock-outs and unlocks go to the audit log, whoever built the service."""
        self._pin_service = service
        if service is not None and getattr(service, "audit", None) is None:
            staff = self.staff_context.staff
            service.audit = lambda store, action, detail: staff.audit(store, action, "", detail)

    def audit(self, action: str, subject: str = "", detail: str = "") -> None:
        """Append a staff action to kiosk.db's audit log (on the database thread)."""
        staff = self.staff_context.staff
        self.desk.call(lambda store, desk: staff.audit(store, action, subject, detail),
                       what=f"the audit of {action}")

    def open_pin_pad(self) -> None:
        notice = "" if self.settings.pin_hash else self.tr(
            "No staff PIN is set on this kiosk. Set one with: kiosk staff set-pin")
        self.pin.reset(notice)
        self.pin.set_enabled(bool(self.settings.pin_hash))
        self.session.open_pin()
        if self.pin_service is not None:
            self.pin_service.status(self._pin_status)

    def _pin_void(self) -> None:
        """Too many lock-outs (or a tampered PIN log): only a new PIN opens staff mode."""
        self.pin.reset(self.tr("No staff PIN is set on this kiosk. Set one with: kiosk staff set-pin"))
        self.pin.set_enabled(False)

    def _pin_status(self, seconds_locked: int) -> None:
        if seconds_locked < 0:
            self._pin_void()
        elif seconds_locked > 0:
            self.pin.reset(self._locked_text(seconds_locked))
            self.pin.set_enabled(False)

    def _locked_text(self, seconds: int) -> str:
        minutes = (seconds + 59) // 60
        return self.tr("Too many wrong PINs. Try again in %n minute(s).", "", minutes)

    def check_pin(self, pin: str) -> None:
        if self.pin_service is None:
            return
        self.pin_service.check(pin, self._pin_checked)

    def _pin_checked(self, ok: bool, seconds_locked: int) -> None:
        if ok:
            self.unlocked = True
            self.staff.show_tool("dashboard")
            self.session.staff_unlocked()
            self.staff_unlocked.emit()
        elif seconds_locked < 0:
            self._pin_void()
        elif seconds_locked > 0:
            self.pin.reset(self._locked_text(seconds_locked))
            self.pin.set_enabled(False)
        else:
            self.pin.reset(self.tr("Wrong PIN, please try again"))

    def leave_staff(self, why: str = "back") -> None:
        self.session.leave_staff(why)


def create_app(settings: KioskSettings, *, camera: Callable | None, store: Callable,
               sounds: Sounds | None = None, wedge=None, wayfinding: Callable | None = None,
               pin_service=None, staff_services: StaffServices | None = None,
               printing=None, no_badge=None, walk_ins=None, speaker=None) -> KioskWindow:
    """The kiosk window from its parts: ``store`` opens (store, desk) in the database thread,
    ``camera`` makes the scan pipeline in the camera thread (None: no camera, scanner only),
    ``staff_services`` the staff tools' parts (badge rendering, export, drives), ``printing``
    the badge printer (a kiosk.services.printing.BadgePrinting; None: no printer), ``no_badge``
    check-in by e-mail or phone (a kiosk.services.no_badge.NoBadge; None: not offered),
    ``walk_ins`` walk-in registration (a kiosk.services.walk_in.WalkIns; None: not offered)."""
    desk = DeskThread(store)
    window = KioskWindow(settings, desk=desk, camera=camera, sounds=sounds, wedge=wedge,
                         wayfinding=wayfinding, pin_service=pin_service,
                         staff_services=staff_services, printing=printing, no_badge=no_badge,
                         walk_ins=walk_ins, speaker=speaker)
    return window
