"""'Still there?': the idle countdown laid over whatever screen is showing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.screens import Screen, button, label
from kiosk.ui.theme import Theme


class StillThere(Screen):
    still_here = Signal()
    timed_out = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.remaining = 0
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.card = QWidget(self)
        self.card.setObjectName("still_there_card")
        self.card.setStyleSheet("#still_there_card { background: white; border-radius: 24px; }")
        card_layout = QVBoxLayout(self.card)
        self.title = label(name="still_title")
        self.count = label(name="still_count")
        self.button = button(name="still_here")
        self.button.clicked.connect(self._here)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.count)
        card_layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.hide()

    def start(self, seconds: int, tick_ms: int = 1000) -> None:
        self.remaining = seconds
        self.ticker.setInterval(tick_ms)
        self.retranslate()
        if self.parentWidget() is not None:
            self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.ticker.start()

    def show_count(self, remaining: int) -> None:
        """Show (or update) the countdown; the kiosk's session counts, not this widget."""
        self.ticker.stop()
        self.remaining = remaining
        self.retranslate()
        if self.parentWidget() is not None:
            self.setGeometry(self.parentWidget().rect())
            rows = getattr(self.parentWidget(), "reach_now", None)
            self.set_reach(rows() if rows is not None else None)
        self.show()
        self.raise_()

    def stop(self) -> None:
        self.ticker.stop()
        self.hide()

    def set_reach(self, rows: tuple[int, int] | None) -> None:
        """Low reach: the card (and its button) within these rows of the window; None: centred."""
        if rows is None:
            self.layout().setContentsMargins(0, 0, 0, 0)
        else:
            top, bottom = rows
            height = self.parentWidget().height() if self.parentWidget() is not None else bottom + 1
            self.layout().setContentsMargins(0, top, 0, max(0, height - 1 - bottom))

    def _tick(self):
        self.remaining -= 1
        self.retranslate()
        if self.remaining <= 0:
            self.stop()
            self.timed_out.emit()

    def _here(self):
        self.stop()
        self.still_here.emit()

    def retranslate(self):
        self.title.setText(self.tr("Still there?"))
        if self.remaining == 1:
            self.count.setText(self.tr("Going back to the start in 1 second"))
        else:
            self.count.setText(self.tr("Going back to the start in %1 seconds").replace(
                "%1", str(self.remaining)))
        self.button.setText(self.tr("Yes, I'm here"))
        self._fit_card()

    def _fit_card(self) -> None:
        """The card as tall as its wrapped text needs (a centred widget gets only its size
        hint, which does not know that the countdown wraps)."""
        layout = self.card.layout()
        width = max(self.card.minimumWidth(), self.card.width())
        if layout is not None and width > 0:
            layout.invalidate()
            self.card.setFixedHeight(layout.totalHeightForWidth(width))

    def apply_theme(self, theme: Theme):
        super().apply_theme(theme)
        theme.fit(self.title, "title", bold=True)
        theme.fit(self.count, "large")
        theme.fit(self.button, "large", bold=True)
        self.card.layout().setContentsMargins(*(theme.mm(12),) * 4)
        self.card.setFixedWidth(min(theme.mm(170), int(max(self.width(), 600) * 0.8)))
        self._fit_card()

    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(10, 20, 40, 170))
        p.end()

    def mousePressEvent(self, event):
        self._here()
        event.accept()
