"""The kiosk's screens. Each one is a plain QWidget that re-reads its texts in ``retranslate()``
and its sizes and fonts in ``apply_theme()``; the window decides which one is shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.shaping import ShapedButton, ShapedLabel
from kiosk.ui.theme import Theme


FIT_SCALES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)


def _invalidate(layout) -> None:
    """Drop the cached sizes of a layout and of every layout nested in it."""
    layout.invalidate()
    for i in range(layout.count()):
        nested = layout.itemAt(i).layout()
        if nested is not None:
            _invalidate(nested)


class Screen(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme | None = None
        self.base_theme: Theme | None = None
        self._fitting = False
        self._dirty = False
        self.reach_rows: tuple[int, int] | None = None  # low reach: rows of controls (ADA 308)
        self._low = False

    # -- low reach -----------------------------------------------------------------------------
    def set_reach(self, rows: tuple[int, int] | None) -> None:
        """Low reach: every control within these rows of the page (None: the usual layout)."""
        if rows == self.reach_rows:
            return  # (every page change asks: no refit when nothing changed)
        low = rows is not None
        self.reach_rows = rows
        if low != self._low:
            self._low = low
            self.arrange_reach(low)
        self.refit()

    def arrange_reach(self, low: bool) -> None:
        """Move the controls to the bottom of the page (low) or back; each page knows how."""

    def _reach_margin(self) -> None:
        layout = self.layout()
        if self.reach_rows is None or layout is None:
            return
        margins = layout.contentsMargins()
        gap = max(0, self.height() - 1 - self.reach_rows[1])  # under the reach: the floor's
        layout.setContentsMargins(margins.left(), margins.top(), margins.right(),
                                  max(margins.bottom(), gap))

    def set_theme(self, theme: Theme) -> None:
        self.base_theme = theme
        self.refit()

    def refit(self) -> None:
        """Largest headings that fit: Nastaliq lines are twice as tall as Latin ones, and a
        kiosk screen cannot scroll. Body text keeps its size; only headings shrink."""
        if self.base_theme is None or self._fitting:
            return
        if not self.isVisible():
            # Hidden pages have no real size yet (and Qt measures them lazily): fit on show.
            self.apply_theme(self.base_theme)
            self._reach_margin()
            self._dirty = True
            return
        self._dirty = False
        self._fitting = True
        try:
            for scale in FIT_SCALES:
                self.apply_theme(self.base_theme.scaled(scale))
                self._reach_margin()
                if self.fits():
                    break
        finally:
            self._fitting = False

    def needed_height(self) -> int:
        layout = self.layout()
        if layout is None:
            return 0
        # Layout items cache their widgets' sizes; a new font must reach those caches first.
        for child in self.findChildren(QWidget):
            child.updateGeometry()
        _invalidate(layout)
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(self.width())
        return layout.totalSizeHint().height()

    def fits(self) -> bool:
        return self.height() <= 0 or self.needed_height() <= self.height()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.oldSize() != event.size():
            self.refit()

    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self.refit()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - each screen overrides
        pass

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme


def reorder(layout, order: list[int], items: list) -> None:
    """Lay a box layout's items (``items``: (item, stretch) as built) out in another order."""
    while layout.count():
        layout.takeAt(0)
    for index in order:
        item, stretch = items[index]
        if item.layout() is not None:
            # A nested row again as a child of this layout: taken out, it had lost its parent
            # and with it the page's direction (Urdu's rows stayed left to right).
            layout.addLayout(item.layout(), stretch)
        else:
            layout.addItem(item)
            layout.setStretch(layout.count() - 1, stretch)
    layout.invalidate()


def layout_items(layout) -> list:
    """A box layout's items with their stretch factors, to reorder() them later."""
    return [(layout.itemAt(i), layout.stretch(i)) for i in range(layout.count())]


def label(text: str = "", parent=None, *, wrap: bool = True, centre: bool = True,
          name: str = "") -> QLabel:
    widget = ShapedLabel(text, parent)
    widget.setWordWrap(wrap)
    if centre:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        widget.setObjectName(name)
    return widget


LANGUAGE_NAMES = {"en": "English", "ur": "اردو", "zh": "中文"}


def language_buttons(languages, chosen, *, prefix: str) -> dict:
    """One checkable button per language, each named in its own language; ``chosen(code)``."""
    buttons = {}
    for code in languages:
        b = button(LANGUAGE_NAMES.get(code, code), name=f"{prefix}_language_{code}")
        b.setProperty("language", True)
        b.setCheckable(True)
        b.clicked.connect(lambda _=False, c=code: chosen(c))
        buttons[code] = b
    return buttons


def button(text: str = "", parent=None, *, secondary: bool = False, name: str = "") -> QPushButton:
    widget = ShapedButton(text, parent)
    widget.setProperty("secondary", secondary)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the badge scanner
    if name:
        widget.setObjectName(name)
    return widget
