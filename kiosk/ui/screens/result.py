"""Result screen: colour, icon and words, shown only after the scan is stored."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.core.outcomes import Outcome, tone
from kiosk.ui import messages
from kiosk.ui.screens import Screen, button, label, language_buttons, layout_items, reorder
from kiosk.ui.theme import Theme, tones
from kiosk.ui.widgets import CountdownBar, ToneIcon


class ResultScreen(Screen):
    dismissed = Signal()
    painted = Signal(float)  # monotonic time the result was first painted
    find_way = Signal(object)  # the destination offered after a check-in
    language_chosen = Signal(str)  # the same person, reading it in another language

    def __init__(self, parent=None, languages=("en", "ur", "zh")):
        super().__init__(parent)
        self.tone = "green"
        self.outcome: Outcome | None = None
        self.reason_code = ""
        self.name_text = ""
        self.category_name = None
        self.help_point = ""
        self.hours = ""
        self.destination = None
        self.destination_label = ""
        self.attention = False
        self.detail = ""
        self._paint_pending = False
        # One column, the icon on top, in every orientation (see AttractScreen for why).
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addStretch(1)
        self.language_buttons = language_buttons(languages, self.language_chosen.emit,
                                                 prefix="result")
        for b in self.language_buttons.values():
            top.addWidget(b)
        top.addStretch(1)
        outer.addLayout(top)
        outer.addStretch(1)
        self.icon = ToneIcon()
        outer.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignCenter)
        self.title = label(name="result_title")
        self.name = label(name="result_name")
        self.category = label(name="result_category")
        self.reason = label(name="result_reason")
        self.next_step = label(name="result_next_step")
        for widget in (self.title, self.name, self.category, self.reason, self.next_step):
            outer.addWidget(widget)
        self.way_button = button(secondary=True, name="result_find_way")
        self.way_button.clicked.connect(lambda: self.find_way.emit(self.destination))
        self.way_button.hide()
        outer.addWidget(self.way_button, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        # What went wrong, for staff, when the scan could not be stored (the technical words of
        # the storage error: a full disk, a database file replaced under the kiosk...).
        self.staff_note = label(name="result_staff_note")
        self.staff_note.setWordWrap(True)
        self.staff_note.hide()
        outer.addWidget(self.staff_note)
        self.tap = label(name="result_tap")
        outer.addWidget(self.tap)
        self.countdown = CountdownBar()  # shows the time left; the kiosk's session ends it
        outer.addWidget(self.countdown)
        self._items = layout_items(outer)
        self._languages_item = self._items[0][0]
        self._extra_controls: list = []

    # languages, stretch, icon, title, name, category, reason, next step, the way, stretch,
    # staff note, "tap", countdown; lines added later (insert_below) take their place among them.
    def _low_reach_order(self) -> list[int]:
        """Low reach: the words first, then the buttons (the way, "Print my badge") and the
        languages at the bottom, the countdown last."""
        controls = [self.way_button, *self._extra_controls, None]  # None: the languages' row
        widgets = [item.widget() for item, _ in self._items]
        last = [i for c in controls for i, w in enumerate(widgets)
                if (w is c if c is not None else self._items[i][0] is self._languages_item)]
        bottom = last + [widgets.index(self.countdown)]
        return [i for i in range(len(widgets)) if i not in bottom] + bottom

    def arrange_reach(self, low: bool) -> None:
        order = self._low_reach_order() if low else list(range(len(self._items)))
        reorder(self.layout(), order, self._items)

    def insert_below(self, anchor, widget, alignment=Qt.AlignmentFlag(0), *,
                     control: bool = False) -> None:
        """Another line (or, ``control``, a button) under ``anchor`` in the column: the print
        notice and "Print my badge" (kiosk/ui/printing.py). In low reach a control joins the
        other buttons at the bottom."""
        layout = self.layout()
        layout.insertWidget(layout.indexOf(anchor) + 1, widget, 0, alignment)
        item = layout.itemAt(layout.indexOf(widget))
        at = next(i for i, (it, _) in enumerate(self._items) if it.widget() is anchor)
        self._items.insert(at + 1, (item, 0))
        if control:
            self._extra_controls.append(widget)
        self.arrange_reach(self._low)

    def show_result(self, outcome: Outcome, reason: str, *, name: str, category: str | None,
                    help_point: str, hours: str = "", seconds: float = 3.0,
                    destination=None, destination_label: str = "",
                    attention: bool = False, detail: str = "") -> None:
        self.outcome, self.reason_code = outcome, reason
        self.attention = attention
        self.detail = detail
        self.staff_note.hide()
        self.tone = tone(outcome)
        self.name_text, self.category_name = name, category
        self.help_point, self.hours = help_point, hours
        self.destination = destination
        self.destination_label = destination_label
        self.retranslate()
        self.refit()
        self._paint_pending = True
        self.update()
        self.countdown.start(seconds)

    def show_failure(self, *, help_point: str, seconds: float = 6.0, staff_note: str = "") -> None:
        """The scan could not be stored: red, and never a welcome; ``staff_note`` says why."""
        self.staff_note.setText(staff_note)
        self.staff_note.setVisible(bool(staff_note))
        self.outcome, self.reason_code, self.tone = None, "storage_failed", "red"
        self.attention = False
        self.name_text, self.category_name, self.destination = "", None, None
        self.detail = ""
        self.help_point = help_point
        self.retranslate()
        self.refit()
        self._paint_pending = True
        self.update()
        self.countdown.start(seconds)

    def retranslate(self):
        self._colour()
        if self.outcome is None:
            self.title.setText(self.tr("Sorry, check-in is not available at this kiosk"))
            self.reason.setText(messages.reason("storage_failed"))
            self.next_step.setText(messages.tr(messages.STORAGE_NEXT).format(help=self.help_point))
        else:
            self.title.setText(messages.title(self.outcome))
            # The badge's own city or days say more than "another city", "other days".
            self.reason.setText(self.detail or messages.reason(self.reason_code))
            self.next_step.setText(messages.next_step(self.outcome, help_point=self.help_point,
                                                      hours=self.hours))
            if self.attention:
                self.next_step.setText(messages.tr(messages.ATTENTION_NEXT))
        self.name.setText(self.name_text)
        self.name.setVisible(bool(self.name_text))
        self.category.setText(messages.category(self.category_name))
        self.category.setVisible(bool(self.category_name))
        self.next_step.setVisible(bool(self.next_step.text()))
        if self.destination is not None:
            # A welcome: to the exhibitor's booth; a refusal: to the registration desk.
            self.way_button.setText(self.tr("Show me the way to %1").replace("%1", self.destination_label))
            self.way_button.show()
        else:
            self.way_button.hide()
        self.tap.setText(self.tr("Tap anywhere to continue"))

    def colours(self) -> tuple[str, str]:
        """The background and the ink of this result (high contrast: at 7:1 or more)."""
        theme = self.base_theme or self.theme
        return tones(theme is not None and theme.high_contrast)[self.tone]

    def _colour(self) -> None:
        background, ink = self.colours()
        self.icon.set_tone(self.tone, ink)
        for widget in (self.title, self.name, self.category, self.reason, self.next_step, self.tap,
                       self.staff_note):
            widget.setStyleSheet(f"color: {ink};")
        self.countdown.colour = QColor(ink)

    def apply_theme(self, theme: Theme):
        super().apply_theme(theme)
        self._colour()
        side = int(theme.mm(34) * max(theme.display_scale, 0.6))
        self.icon.setFixedSize(side, side)
        theme.fit(self.title, "title", bold=True)
        theme.fit(self.name, "huge", bold=True)
        theme.fit(self.category, "large")
        theme.fit(self.reason, "large")
        theme.fit(self.next_step, "large", bold=True)
        theme.fit(self.tap, "body")
        theme.fit(self.way_button, "large", bold=True)
        for code, b in self.language_buttons.items():
            theme.fit(b, "body", language=code)
        self.countdown.setFixedHeight(theme.mm(3))
        self.layout().setContentsMargins(*(theme.mm(10),) * 4)
        self.layout().setSpacing(theme.mm(3))

    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(self.colours()[0]))
        p.end()
        if self._paint_pending:
            self._paint_pending = False
            self.painted.emit(time.monotonic())

    def mousePressEvent(self, event):
        self.countdown.stop()
        self.dismissed.emit()
        event.accept()

