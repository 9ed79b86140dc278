"""Staff lock: the PIN pad behind the hidden corner, and the staff menu it opens."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from kiosk.ui.screens import Screen, button, label
from kiosk.ui.theme import Theme


class PinPad(Screen):
    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.digits = ""
        self.notice = ""
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.title = label(name="pin_title")
        self.dots = label(name="pin_dots")
        self.message = label(name="pin_message")
        outer.addWidget(self.title)
        outer.addWidget(self.dots)
        outer.addWidget(self.message)
        grid = QGridLayout()
        self.keys = {}
        # Digits keep phone order in every language: a PIN pad is never mirrored.
        for i, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]):
            b = button(key if key.isdigit() else "", secondary=key.isdigit(), name=f"pin_{key}")
            b.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(b, i // 3, i % 3)
            self.keys[key] = b
        holder = QHBoxLayout()
        holder.addStretch(1)
        holder.addLayout(grid)
        holder.addStretch(1)
        outer.addLayout(holder)
        self.cancel_button = button(secondary=True, name="pin_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        outer.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.retranslate()

    def reset(self, notice: str = "") -> None:
        self.digits = ""
        self.notice = notice
        self.retranslate()

    def set_enabled(self, enabled: bool) -> None:
        for key in self.keys.values():
            key.setEnabled(enabled)

    def press(self, key: str) -> None:
        if key == "clear":
            self.digits = ""
        elif key == "ok":
            if self.digits:
                entered, self.digits = self.digits, ""
                self.pin_entered.emit(entered)
        elif len(self.digits) < 8:
            self.digits += key
        self.retranslate()

    def cancel(self) -> None:
        self.digits = ""
        self.cancelled.emit()

    def retranslate(self):
        self.title.setText(self.tr("Staff only: enter your PIN"))
        self.dots.setText("● " * len(self.digits) if self.digits else "–")
        self.message.setText(self.notice)
        self.keys["clear"].setText(self.tr("Clear"))
        self.keys["ok"].setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))

    def apply_theme(self, theme: Theme):
        super().apply_theme(theme)
        theme.fit(self.title, "title", bold=True)
        theme.fit(self.dots, "title", language="en")
        theme.fit(self.message, "large")
        side = theme.mm(24)
        for key, b in self.keys.items():
            b.setFixedSize(side * (1 if key.isdigit() else 1), side)
            b.setFont(theme.font("title", bold=True, language="en") if key.isdigit()
                      else theme.font("body", bold=True))
        theme.fit(self.cancel_button, "large", bold=True)


class StaffMenu(Screen):
    back = Signal()
    exit_app = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.title = label(name="staff_title")
        self.info = label(name="staff_info")
        outer.addWidget(self.title)
        outer.addWidget(self.info)
        self.back_button = button(name="staff_back")
        self.back_button.clicked.connect(self.back)
        self.exit_button = button(secondary=True, name="staff_exit")
        self.exit_button.clicked.connect(self.exit_app)
        for b in (self.back_button, self.exit_button):
            outer.addWidget(b, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self):
        self.title.setText(self.tr("Staff mode"))
        self.info.setText(self.tr("Staff mode ends by itself after two minutes without a touch."))
        self.back_button.setText(self.tr("Back to check-in"))
        self.exit_button.setText(self.tr("Exit to desktop"))

    def apply_theme(self, theme: Theme):
        super().apply_theme(theme)
        theme.fit(self.title, "title", bold=True)
        theme.fit(self.info, "body")
        for b in (self.back_button, self.exit_button):
            theme.fit(b, "large", bold=True)
            b.setMinimumWidth(theme.mm(90))
