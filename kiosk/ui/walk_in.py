"""Walk-in registration in the kiosk window: name, company, phone and e-mail on the on-screen
keyboard, then the check-in and the badge as for a scan. The rules are in
kiosk/services/walk_in.py; the registration runs on the database thread."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.ui.no_badge import add_scan_entry
from kiosk.ui.screens import Screen, button, label
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.theme import TONES, Theme

FIELDS = ("name", "company", "phone", "email")


class _Field(QLineEdit):
    focused = Signal(object)

    def focusInEvent(self, event):
        super().focusInEvent(event)
        self.focused.emit(self)


class WalkInScreen(Screen):
    back = Signal()
    answered = Signal(str)  # the refusal reason, or "registered"

    def __init__(self, window, service, parent=None):
        super().__init__(parent)
        self.setObjectName("WalkInScreen")
        self.window = window
        self.service = service  # kiosk.services.walk_in.WalkIns
        self.problem = ""
        outer = QVBoxLayout(self)
        self.title = label(name="walk_in_title")
        outer.addWidget(self.title)
        grid = QGridLayout()
        self.captions, self.fields = {}, {}
        for row, key in enumerate(FIELDS):
            self.captions[key] = label(wrap=False, centre=False, name=f"walk_in_{key}_caption")
            field = _Field()
            field.setObjectName(f"walk_in_{key}")
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            field.focused.connect(self._select)
            self.fields[key] = field
            grid.addWidget(self.captions[key], row, 0)
            grid.addWidget(field, row, 1)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid)
        self.current = self.fields["name"]
        self.message = label(name="walk_in_message")
        outer.addWidget(self.message)
        self.keyboard = OnScreenKeyboard(layouts=("staff",))
        self.keyboard.typed.connect(lambda t: self.current.insert(t))
        self.keyboard.backspace.connect(lambda: self.current.backspace())
        self.keyboard.cleared.connect(lambda: self.current.clear())
        outer.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        self.back_button = button(secondary=True, name="walk_in_back")
        self.back_button.clicked.connect(self.back)
        self.go_button = button(name="walk_in_go")
        self.go_button.clicked.connect(self.submit)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.go_button)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.retranslate()

    def _select(self, field) -> None:
        self.current = field

    def select(self, key: str) -> None:
        self.fields[key].setFocus()
        self.current = self.fields[key]

    def start(self) -> None:
        self.problem = ""
        for field in self.fields.values():
            field.clear()
        self.select("name")
        self.retranslate()

    def submit(self) -> None:
        form = {key: field.text() for key, field in self.fields.items()}
        service = self.service
        self.go_button.setEnabled(False)
        self.window.desk.call(lambda store, desk: service.register(store, desk, **form),
                              self._registered, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.go_button.setEnabled(True)
        self.problem = getattr(exc, "reason", "error")
        self.retranslate()
        self.answered.emit(self.problem)

    def _registered(self, answer) -> None:
        self.go_button.setEnabled(True)
        self.problem = ""
        self.answered.emit("registered")
        # Checked in by the new number, then the badge, as for a scan (kiosk/ui/printing.py).
        self.window.desk.check_in(answer.id, "walk_in", time.monotonic())

    def retranslate(self) -> None:
        help_point = self.window.settings.help_point(self.window.language)
        self.title.setText(self.tr("Register as a visitor"))
        captions = {"name": self.tr("Name"), "company": self.tr("Company"),
                    "phone": self.tr("Phone"), "email": self.tr("E-mail")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        problems = {
            "name": self.tr("Please type your name."),
            "company": self.tr("The company name is too long."),
            "contact": self.tr("Please give a phone number or an e-mail address."),
            "email": self.tr("That e-mail address is not complete."),
            "phone": self.tr("That phone number is not complete."),
            "registered": self.tr("You are registered already: use \"No badge?\" or go to "
                                  "{help}."),
            "disabled": self.tr("Registration is at {help}."),
        }
        text = problems.get(self.problem, self.tr("Please go to {help}.") if self.problem else "")
        self.message.setText(text.format(help=help_point))
        self.message.setVisible(bool(text))
        self.message.setStyleSheet(f"color: {TONES['red'][0]};")
        self.back_button.setText(self.tr("Back"))
        self.go_button.setText(self.tr("Register and print my badge"))
        self.keyboard.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        theme.fit(self.title, "title", bold=True)
        theme.fit(self.message, "body", bold=True)
        for key in FIELDS:
            theme.fit(self.captions[key], "body", bold=True)
            self.captions[key].setContentsMargins(theme.mm(2), 0, theme.mm(2), 0)
            self.fields[key].setFont(theme.font("body", language="en"))
            self.fields[key].setMinimumHeight(theme.target_px)
        self.keyboard.apply_theme(theme)
        # Room at the edges: Nastaliq's first letter overhangs its box.
        self.layout().setContentsMargins(*(theme.mm(8),) * 4)
        for b in (self.back_button, self.go_button):
            theme.fit(b, "large", bold=True)
            b.setMinimumHeight(theme.target_px)


def install_walk_ins(window, service) -> WalkInScreen:
    """A "Register here" button on the scan screen and its page in the window."""
    screen = WalkInScreen(window, service)
    window.scan.walk_in_button = add_scan_entry(
        window, screen, "walk_in", "walk_in_button",
        lambda: QCoreApplication.translate("WalkInScreen", "Not registered? Register here"),
        beside_back=False)
    return screen
