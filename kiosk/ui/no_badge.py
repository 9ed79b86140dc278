""""No badge?" in the kiosk window: the registration's e-mail or phone number on the on-screen
keyboard, a second fact, then the check-in (and the badge) as for a scan. The rules are in
kiosk/services/no_badge.py; the lookups run on the database thread."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.ui.screens import Screen, button, label, layout_items, reorder
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.theme import HIGH_CONTRAST_WARNING, TONES, Theme


class NoBadgeScreen(Screen):
    back = Signal()
    answered = Signal(str)  # the refusal reason, "asked" (the second fact) or "confirmed"

    def __init__(self, window, service, parent=None):
        super().__init__(parent)
        self.setObjectName("NoBadgeScreen")
        self.window = window
        self.service = service  # kiosk.services.no_badge.NoBadge
        self.pending = None
        self.problem = ""
        outer = QVBoxLayout(self)
        self.title = label(name="no_badge_title")
        self.prompt = label(name="no_badge_prompt")
        self.field = QLineEdit()
        self.field.setObjectName("no_badge_field")
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.message = label(name="no_badge_message")
        self.keyboard = OnScreenKeyboard(layouts=("staff",))
        self.keyboard.attach(self.field)
        row = QHBoxLayout()
        self.back_button = button(secondary=True, name="no_badge_back")
        self.back_button.clicked.connect(self.back)
        self.go_button = button(name="no_badge_go")
        self.go_button.clicked.connect(self.submit)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.go_button)
        row.addStretch(1)
        for widget in (self.title, self.prompt, self.field, self.message):
            outer.addWidget(widget)
        outer.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(row)
        outer.addStretch(1)
        self._items = layout_items(outer)
        self.retranslate()

    # title, prompt, field, message, keyboard, Back and Continue, stretch
    NORMAL = [0, 1, 2, 3, 4, 5, 6]
    LOW_REACH = [0, 1, 3, 6, 2, 4, 5]  # the words on top; field, keys and buttons at the bottom

    def arrange_reach(self, low: bool) -> None:
        reorder(self.layout(), self.LOW_REACH if low else self.NORMAL, self._items)

    def start(self) -> None:
        self.pending, self.problem = None, ""
        self.field.clear()
        self.retranslate()

    def submit(self) -> None:
        text = self.field.text()
        if not text.strip():
            return
        self.go_button.setEnabled(False)
        service, pending = self.service, self.pending
        if pending is None:
            self.window.desk.call(lambda store, desk: service.lookup(store, text), self._looked_up,
                                  self._failed)
        else:
            self.window.desk.call(lambda store, desk: service.confirm(store, pending, text),
                                  self._confirmed, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.go_button.setEnabled(True)
        self._refused(exc)

    def _looked_up(self, answer) -> None:
        self.go_button.setEnabled(True)
        self.pending, self.problem = answer, ""
        self.field.clear()
        self.retranslate()
        self.answered.emit("asked")

    def _confirmed(self, answer) -> None:
        self.go_button.setEnabled(True)
        code, self.pending = answer, None
        self.field.clear()
        self.answered.emit("confirmed")
        # From here on as a scan: the result screen, then the badge (kiosk/ui/printing.py).
        self.window.desk.check_in(code, "no_badge", time.monotonic())

    def _refused(self, exc) -> None:
        self.problem = getattr(exc, "reason", "error")
        if self.problem in ("mismatch", "person_limited", "limited", "disabled", "no_fact"):
            self.pending = None  # start again (or go to the desk), never a second guess here
        self.field.clear()
        self.retranslate()
        self.answered.emit(self.problem)

    def retranslate(self) -> None:
        help_point = self.window.settings.help_point(self.window.language)
        self.title.setText(self.tr("No badge? Check in with your registration"))
        if self.pending is None:
            self.prompt.setText(self.tr("Type the e-mail address or phone number you "
                                        "registered with."))
        elif self.pending.ask == "name":
            self.prompt.setText(self.tr("Found. To confirm, type the first three letters of "
                                        "your name as registered."))
        else:
            self.prompt.setText(self.tr("Found. To confirm, type the last four digits of your "
                                        "phone number."))
        problems = {
            "not_contact": self.tr("That is not an e-mail address or a phone number."),
            "not_found": self.tr("We could not find one registration with that. Please try "
                                 "again or go to {help}."),
            "mismatch": self.tr("That does not match. Please go to {help}."),
            "person_limited": self.tr("Please go to {help}."),
            "no_fact": self.tr("Please go to {help}."),
            "limited": self.tr("Too many tries at this kiosk. Please go to {help}."),
            "disabled": self.tr("This event checks in without a badge only at {help}."),
        }
        text = problems.get(self.problem, self.tr("Please go to {help}.") if self.problem else "")
        self.message.setText(text.format(help=help_point))
        self.message.setVisible(bool(text))
        self.back_button.setText(self.tr("Back"))
        self.go_button.setText(self.tr("Continue"))
        self.keyboard.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        theme.fit(self.title, "title", bold=True)
        theme.fit(self.prompt, "large")
        theme.fit(self.message, "body", bold=True)
        self.message.setStyleSheet(  # red on paper; on the high-contrast black, yellow
            f"color: {HIGH_CONTRAST_WARNING if theme.high_contrast else TONES['red'][0]};")
        self.field.setFont(theme.font("large", language="en"))
        self.field.setMinimumHeight(theme.target_px)
        self.keyboard.apply_theme(theme)
        # Room at the edges: Nastaliq's first letter overhangs its box.
        self.layout().setContentsMargins(*(theme.mm(8),) * 4)
        for b in (self.back_button, self.go_button):
            theme.fit(b, "large", bold=True)
            b.setMinimumHeight(theme.target_px)


def install_no_badge(window, service) -> NoBadgeScreen:
    """The "No badge?" button on the scan screen and its page in the window."""
    screen = NoBadgeScreen(window, service)
    window.scan.no_badge_button = add_scan_entry(
        window, screen, "no_badge", "no_badge_button",
        lambda: QCoreApplication.translate("NoBadgeScreen", "No badge?"), beside_back=True)
    return screen


def add_scan_entry(window, screen, page: str, name: str, text, *, beside_back: bool):
    """A button on the scan screen that opens ``screen`` (a page of the window, with ``back``,
    ``answered``, ``keyboard`` and ``start()``); ``text()`` gives its words in the current
    language. ``beside_back``: right after the scan screen's Back button, else at the row's end.
    Returns the button."""
    window.pages[page] = screen
    window.stack.addWidget(screen)
    entry = button(secondary=True, name=name)
    entry.clicked.connect(lambda: (screen.start(), window.show_page(page)))
    scan = window.scan
    # A row of their own under Back, the languages and "Find your way": in portrait that row
    # has no room for more (the words of every button would be cut).
    row = getattr(scan, "entry_row", None)
    if row is None:
        row = scan.entry_row = QHBoxLayout()
        row.addStretch(1)
        row.addStretch(1)
        scan.layout().addLayout(row)
    row.insertWidget(1 if beside_back else row.count() - 1, entry)
    screen.back.connect(lambda: window.show_page("scan"))
    screen.answered.connect(lambda _what: window.activity())
    screen.keyboard.typed.connect(lambda _t: window.activity())
    retranslate, apply_theme = scan.retranslate, scan.apply_theme

    def scan_retranslate():
        retranslate()
        entry.setText(text())

    def scan_apply_theme(theme):
        apply_theme(theme)
        theme.fit(entry, "large", bold=True)
    scan.retranslate = scan_retranslate
    scan.apply_theme = scan_apply_theme
    scan_retranslate()
    if scan.base_theme is not None:
        scan.refit()
    return entry
