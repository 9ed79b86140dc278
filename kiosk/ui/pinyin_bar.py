"""The candidate bar for Chinese names typed in pinyin (kiosk/services/pinyin_input.py).

Under a text field: while the field ends in Latin letters, the bar offers the characters that
pinyin stands for, most used first, a page at a time; tapping one puts it in place of the
letters ("王wei" + 伟 -> "王伟"). Typing goes on as before, on the on-screen keyboard or a
hardware one; the bar only offers. The index is built once, off the GUI thread.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from kiosk.services.pinyin_input import PinyinIndex, choose, composing
from kiosk.ui.screens import button, label

PAGE = 8


class PinyinBar(QWidget):
    chosen = Signal(str)   # the characters put into the field
    ready = Signal()       # the index is built (tests wait on it)
    shown = Signal(bool)   # the bar appeared (True) or went (False)

    def __init__(self, submit: Callable, parent=None):
        """``submit(fn, on_done, on_error)`` runs ``fn`` off the GUI thread (a ui.workers.Worker)."""
        super().__init__(parent)
        self.setObjectName("PinyinBar")
        self.index: PinyinIndex | None = None
        self.field: QLineEdit | None = None
        self.found: list[str] = []
        self.page = 0
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.typed = label(wrap=False, centre=False, name="pinyin_typed")
        row.addWidget(self.typed)
        self.previous = button("‹", secondary=True, name="pinyin_previous")
        self.previous.clicked.connect(lambda: self._turn(-1))
        row.addWidget(self.previous)
        self.buttons = []
        for i in range(PAGE):
            b = button("", secondary=True, name=f"pinyin_candidate_{i}")
            b.clicked.connect(lambda _=False, n=i: self._choose(n))
            self.buttons.append(b)
            row.addWidget(b)
        self.more = button("›", secondary=True, name="pinyin_more")
        self.more.clicked.connect(lambda: self._turn(1))
        row.addWidget(self.more)
        row.addStretch(1)
        self._submit = submit
        self._asked = False
        self.hide()

    def attach(self, field: QLineEdit | None) -> None:
        if self.field is not None:
            try:
                self.field.textChanged.disconnect(self._typed)
            except (RuntimeError, TypeError):
                pass
        self.field = field
        if field is not None:
            field.textChanged.connect(self._typed)
            self._load()
        self._typed()

    def _load(self) -> None:
        if self.index is None and not self._asked:
            self._asked = True
            self._submit(PinyinIndex.load, self._loaded, lambda _exc: None,
                         what="the pinyin index")

    def _loaded(self, index: PinyinIndex) -> None:
        self.index = index
        self.ready.emit()
        self._typed()

    def _typed(self, *_args) -> None:
        text = self.field.text() if self.field is not None else ""
        pinyin = composing(text)
        self.found = self.index.candidates(pinyin, limit=PAGE * 6) if self.index else []
        self.page = 0
        self._show()

    def _show(self) -> None:
        shown = self.found[self.page * PAGE:(self.page + 1) * PAGE]
        for b, word in zip(self.buttons, shown + [""] * PAGE):
            b.setText(word)
            b.setVisible(bool(word))
        self.previous.setVisible(self.page > 0)
        self.more.setVisible(len(self.found) > (self.page + 1) * PAGE)
        self.typed.setText(composing(self.field.text()) if self.field is not None else "")
        visible = bool(shown)
        if self.isHidden() == visible:  # a change: say so (the page makes room for it)
            self.setVisible(visible)
            self.shown.emit(visible)

    def _turn(self, step: int) -> None:
        self.page = max(0, self.page + step)
        self._show()

    def _choose(self, n: int) -> None:
        if self.field is None:
            return
        word = self.buttons[n].text()
        if word:
            self.field.setText(choose(self.field.text(), word))
            self.chosen.emit(word)

    def candidates(self) -> list[str]:
        """The characters shown now (for tests and screenshots)."""
        return [b.text() for b in self.buttons if b.isVisible() and b.text()]

    def apply_theme(self, theme, font) -> None:
        for b in self.buttons + [self.previous, self.more]:
            b.setFont(font)
            b.setMinimumSize(theme.target_px, theme.target_px)
        self.typed.setFont(font)
