"""Walk-in registration in the kiosk window: name, company, phone and e-mail on the on-screen
keyboard, then the check-in and the badge as for a scan. The rules are in
kiosk/services/walk_in.py; the registration runs on the database thread.

The keyboard is the kiosk's one (kiosk/ui/keyboard.py): a name may be typed in Latin letters or
on the Urdu phonetic layout (the layout keys switch), the phone on the digits and the e-mail on
Latin, with a row of the signs addresses need (@ . _ +). A name in Urdu is shown under its field
as the badge will print it, shaped by HarfBuzz (kiosk/ui/shaping.py), since Qt's own line edit
draws Nastaliq wrongly. Chinese names are typed in pinyin on the Latin keys, and the characters
picked from the candidate bar under the fields (kiosk/ui/pinyin_bar.py) while the kiosk speaks
Chinese: a kiosk has no input method of its own.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.ui.i18n import font_families, qt_drawn_families
from kiosk.ui.keyboard import DIGITS, OnScreenKeyboard, layout_for
from kiosk.ui.metrics import TOUCH_TARGET_MM, mm_to_px
from kiosk.ui.no_badge import add_scan_entry
from kiosk.ui.pinyin_bar import PinyinBar
from kiosk.ui.screens import Screen, button, label, layout_items, reorder
from kiosk.ui.shaping import needs_shaping
from kiosk.ui.theme import HIGH_CONTRAST_WARNING, TONES, Theme

FIELDS = ("name", "company", "phone", "email")
# Signs e-mail addresses and phone numbers use that the letter layouts lack.
SIGNS = {"at": "@", "dot": ".", "underscore": "_", "plus": "+"}


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
        for i, key in enumerate(FIELDS):  # two fields a row: room for the keyboard below
            self.captions[key] = label(wrap=False, centre=False, name=f"walk_in_{key}_caption")
            field = _Field()
            field.setObjectName(f"walk_in_{key}")
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            field.focused.connect(self._select)
            self.fields[key] = field
            row, col = 2 * (i // 2), 2 * (i % 2)
            grid.addWidget(self.captions[key], row, col)
            grid.addWidget(field, row, col + 1)
        # The name as the badge will print it, when it is in the Arabic script.
        self.preview = label(centre=False, wrap=False, name="walk_in_name_preview")
        self.preview.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                  | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.preview, 1, 1)
        self.preview.hide()  # until a name in the Arabic script is typed
        self.fields["name"].textChanged.connect(self._show_preview)
        self.grid, self._one_row = grid, False
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)
        self.current = self.fields["name"]
        # Chinese names: pinyin typed on the Latin keys, the characters picked from this bar.
        self.pinyin = PinyinBar(window.staff_tasks.submit)
        self.pinyin.shown.connect(self._pinyin_shown)
        outer.addWidget(self.pinyin)
        self.message = label(name="walk_in_message")
        outer.addWidget(self.message)
        self.keyboard = OnScreenKeyboard(mm_to_px(TOUCH_TARGET_MM, self),
                                         language=window.language)
        self.keyboard.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # phonetic: Latin places
        self.keyboard.attach(self.current)
        self.keyboard.hide_requested.connect(self.keyboard.hide)
        self.signs = signs = QHBoxLayout()
        self.sign_keys = {}
        for key, sign in SIGNS.items():
            b = button(sign, secondary=True, name=f"walk_in_key_{key}")
            b.clicked.connect(lambda _=False, t=sign: self.current.insert(t))
            self.sign_keys[key] = b
            signs.addWidget(b)
        signs.addStretch(1)
        outer.addWidget(self.keyboard)
        outer.addLayout(signs)
        self.buttons_row = row = QHBoxLayout()
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
        self._items = layout_items(outer)
        self.retranslate()

    # title, fields, pinyin bar, message, keyboard, sign keys, Back and Register, stretch
    NORMAL = [0, 1, 2, 3, 4, 5, 6, 7]
    # the words on top; fields, the pinyin bar, keys and buttons at the bottom
    LOW_REACH = [0, 3, 7, 1, 2, 4, 5, 6]

    def arrange_reach(self, low: bool) -> None:
        reorder(self.layout(), self.LOW_REACH if low else self.NORMAL, self._items)
        # Low reach: the sign keys share the row of Back and Register (a row of keys less to
        # fit into the reachable part of the screen); as built otherwise.
        to, away = (self.buttons_row, self.signs) if low else (self.signs, self.buttons_row)
        for i, b in enumerate(self.sign_keys.values()):
            away.removeWidget(b)
            to.insertWidget(i, b)
        # The name as it will print goes up among the words: only to be seen, not touched.
        if low:
            self.grid.removeWidget(self.preview)
            self.layout().insertWidget(2, self.preview)  # under the title and the message
        else:
            self.layout().removeWidget(self.preview)
            self.grid.addWidget(self.preview, 1, 1)

    def _place_fields(self, one_row: bool) -> None:
        """Two fields a row, or (low reach on a wide screen: a row less to fit into reach) all
        four in one row."""
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for i, key in enumerate(FIELDS):
            row, col = (0, 2 * i) if one_row else (2 * (i // 2), 2 * (i % 2))
            for widget, c in ((self.captions[key], col), (self.fields[key], col + 1)):
                self.grid.removeWidget(widget)
                self.grid.addWidget(widget, row, c)
        for col in (5, 7):
            self.grid.setColumnStretch(col, 1 if one_row else 0)

    def _select(self, field) -> None:
        """A field tapped: the keyboard types into it, in the layout it needs."""
        changed = field is not self.current
        self.current = field
        self.keyboard.attach(field)
        self.keyboard.show()
        key = next(k for k, f in self.fields.items() if f is field)
        if key == "phone":
            self.keyboard.set_layout("digits")
        elif key == "email":
            self.keyboard.set_layout("latin")
        elif changed or self.keyboard.layout_name == "digits":
            # Name and company: the visitor's own script first; the layout keys switch.
            self.keyboard.set_layout(layout_for(self.window.language))
        for b in self.sign_keys.values():
            b.setVisible(key in ("phone", "email"))
        self._offer_pinyin()

    def _pinyin_shown(self, visible: bool) -> None:
        """The candidates take the place of the keyboard's row of digits (a name needs none),
        so the letters stay where they were and the page keeps its height (low reach)."""
        if self.keyboard.layout_name == "digits":
            return
        for key in DIGITS + "-":
            widget = self.keyboard.keys.get(key)
            if widget is not None:
                widget.setVisible(not visible)

    def _offer_pinyin(self) -> None:
        """The candidate bar under the name and company while the kiosk speaks Chinese."""
        key = next((k for k, f in self.fields.items() if f is self.current), None)
        wanted = self.window.language == "zh" and key in ("name", "company")
        self.pinyin.attach(self.current if wanted else None)

    def select(self, key: str) -> None:
        self.fields[key].setFocus()
        self._select(self.fields[key])

    def _show_preview(self, text: str) -> None:
        self.preview.setText(text if needs_shaping(text) else "")
        self.preview.setVisible(needs_shaping(text))

    def start(self) -> None:
        self.problem = ""
        for field in self.fields.values():
            field.clear()
        self.current = None
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
        self.back_button.setText(self.tr("Back"))
        self.go_button.setText(self.tr("Register and print my badge"))
        if self.current is not None:
            self._offer_pinyin()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        theme.fit(self.title, "title", bold=True)
        theme.fit(self.message, "body", bold=True)
        self.message.setStyleSheet(  # red on paper; on the high-contrast black, yellow
            f"color: {HIGH_CONTRAST_WARNING if theme.high_contrast else TONES['red'][0]};")
        for key in FIELDS:
            theme.fit(self.captions[key], "body", bold=True)
            self.captions[key].setContentsMargins(theme.mm(3), 0, theme.mm(3), 0)
            typed = theme.font("body", language="en")
            # Qt draws what is typed: Latin first, then a Naskh it draws well for Urdu letters.
            typed.setFamilies(font_families("en")[:2] + qt_drawn_families("ur")
                              + font_families("zh"))
            self.fields[key].setFont(typed)
            self.fields[key].setMinimumHeight(theme.target_px)
        preview = theme.font("body", language="ur")
        preview.setFamilies(font_families("ur"))
        self.preview.setFont(preview)
        self.preview.setContentsMargins(theme.mm(4), 0, theme.mm(4), 0)
        self.keyboard.set_font_px(theme.font("body").pixelSize())
        self.pinyin.apply_theme(theme, theme.font("body", language="zh"))
        for b in self.sign_keys.values():
            theme.fit(b, "body", bold=True, language="en")  # Latin signs, in every language
            b.setFixedSize(theme.target_px, theme.target_px)
            b.setStyleSheet("QPushButton { padding: 0px 2px; }")  # as the keyboard's keys
        # Room at the edges: Nastaliq's first letter overhangs its box. In low reach the bottom
        # is the floor's (Screen._reach_margin) and every row of the reachable part counts.
        low = self.reach_rows is not None
        self._place_fields(low and self.width() > self.height())
        self.layout().setContentsMargins(*(theme.mm(8),) * 3, 0 if low else theme.mm(8))
        self.layout().setSpacing(theme.mm(1) if low else -1)  # -1: the style's
        for b in (self.back_button, self.go_button):
            theme.fit(b, "body" if low else "large", bold=True)
            b.setMinimumHeight(theme.target_px)


def install_walk_ins(window, service) -> WalkInScreen:
    """A "Register here" button on the scan screen and its page in the window."""
    screen = WalkInScreen(window, service)
    window.scan.walk_in_button = add_scan_entry(
        window, screen, "walk_in", "walk_in_button",
        lambda: QCoreApplication.translate("WalkInScreen", "Not registered? Register here"),
        beside_back=False)
    return screen
