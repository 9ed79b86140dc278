"""An on-screen keyboard for the staff look-up: the kiosk has a touch screen and no keys.

Latin letters, digits and the few signs registration numbers, e-mail addresses and phone
numbers use; names in Urdu or Chinese are found by registration number, phone or their Latin
spelling. Keys keep their order in every language and never take the keyboard focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.screens import button
from kiosk.ui.theme import Theme

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL@", "ZXCVBNM.-+")


class TouchKeyboard(QWidget):
    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.keys: dict[str, object] = {}
        for r, row in enumerate(ROWS):
            for c, ch in enumerate(row):
                key = button(ch, secondary=True, name=f"key_{ch}")
                key.clicked.connect(lambda _=False, t=ch: self.typed.emit(t.lower() if t.isalpha() else t))
                grid.addWidget(key, r, c)
                self.keys[ch] = key
        self.space = button(secondary=True, name="key_space")
        self.space.clicked.connect(lambda: self.typed.emit(" "))
        self.back = button("⌫", secondary=True, name="key_backspace")
        self.back.clicked.connect(self.backspace)
        self.clear = button(secondary=True, name="key_clear")
        self.clear.clicked.connect(self.cleared)
        grid.addWidget(self.clear, len(ROWS), 0, 1, 3)
        grid.addWidget(self.space, len(ROWS), 3, 1, 4)
        grid.addWidget(self.back, len(ROWS), 7, 1, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.space.setText(self.tr("Space"))
        self.clear.setText(self.tr("Clear"))

    def apply_theme(self, theme: Theme) -> None:
        side = theme.target_px
        latin = theme.font("body", bold=True, language="en")
        for key in self.keys.values():
            key.setFixedSize(side, side)
            key.setFont(latin)
        for key in (self.space, self.back, self.clear):
            key.setFixedHeight(side)
            key.setMinimumWidth(side)
            key.setFont(theme.font("small", bold=True))
        self.back.setFont(latin)
