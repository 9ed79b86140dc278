"""The kiosk's one on-screen keyboard: Latin (QWERTY), Urdu (phonetic), digits, and staff.

A kiosk has no keyboard, so every text field gets one on screen. The Urdu layout is the phonetic
one that most people in Pakistan learnt on (CRULP's: each Urdu letter on the Latin key that
sounds like it, the aspirated and retroflex letters on Shift). Chinese visitors type pinyin on
the Latin keyboard; the search finds Chinese names through their pinyin.

    keyboard = OnScreenKeyboard(key_px=76)
    keyboard.attach(line_edit)      # keys type into it; the line edit keeps its focus
    keyboard.set_layout("urdu")     # latin, urdu, digits
    keyboard.keys["a"].click()      # every key is a real button (tests tap them)

The staff tools (look-up, "No badge?", walk-ins) use the same widget in its ``staff`` layout:
Latin letters, digits and the signs of registration numbers, e-mail addresses and phone numbers
(@ . - +), no layout switch and no hide key, keys sized by the theme:

    keyboard = OnScreenKeyboard(layouts=("staff",))
    keyboard.attach(field)          # or: typed -> field.insert, backspace, cleared
    keyboard.apply_theme(theme)     # keys of theme.target_px, the theme's body font

Keys keep their places in every language (the grid is always left to right). Besides ``typed``
(every key; the text it types, "" for the others) the keyboard says ``backspace`` and ``cleared``.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QPushButton, QSizePolicy

from kiosk.ui.i18n import font_families
from kiosk.ui.shaping import ShapedButton, needs_shaping

DIGITS = "1234567890"
# Rows of (key, character typed); the same key id stays in place across layouts.
LATIN = [list(DIGITS) + ["-"], list("qwertyuiop"), list("asdfghjkl"), list("zxcvbnm")]
URDU = {  # Latin key -> (Urdu letter, Urdu letter on Shift): the phonetic layout
    "q": ("ق", "ْ"), "w": ("و", "ﷺ"), "e": ("ع", "ٰ"), "r": ("ر", "ڑ"), "t": ("ت", "ٹ"),
    "y": ("ے", "َ"), "u": ("ء", "ئ"), "i": ("ی", "ِ"), "o": ("ہ", "ۃ"), "p": ("پ", "ُ"),
    "a": ("ا", "آ"), "s": ("س", "ص"), "d": ("د", "ڈ"), "f": ("ف", "ّ"), "g": ("گ", "غ"),
    "h": ("ح", "ھ"), "j": ("ج", "ض"), "k": ("ک", "خ"), "l": ("ل", "ٖ"),
    "z": ("ز", "ذ"), "x": ("ش", "ژ"), "c": ("چ", "ث"), "v": ("ط", "ظ"), "b": ("ب", "ب"),
    "n": ("ن", "ں"), "m": ("م", "م"),
}
DIGIT_ROWS = [list("123"), list("456"), list("789"), ["H", "0", "B"], ["-"]]
# Staff look people up by registration number, phone, e-mail or the Latin spelling of a name.
STAFF = [list(DIGITS), list("qwertyuiop"), list("asdfghjkl@"), list("zxcvbnm.-+")]
LAYOUTS = ("latin", "urdu", "digits")
ALL_LAYOUTS = LAYOUTS + ("staff",)
LAYOUT_NAMES = {"latin": "ABC", "urdu": "اردو", "digits": "123"}


def layout_for(language: str) -> str:
    return "urdu" if language == "ur" else "latin"


class _Keys(dict):
    """Keys by id; a letter key is found by its capital too (the staff keys' old names)."""

    def __getitem__(self, key):
        if not dict.__contains__(self, key) and isinstance(key, str) and len(key) == 1:
            key = key.lower()
        return dict.__getitem__(self, key)


def typed_char(layout: str, key: str, shift: bool = False) -> str:
    """What a key types in a layout (pure: the tests of the layouts use it too)."""
    if layout == "urdu" and key in URDU:
        return URDU[key][1 if shift else 0]
    if layout == "latin" and shift:
        return key.upper()
    return key


class _StaffKey(ShapedButton):
    """A staff key: key_px tall, and key_px wide for a letter, whatever the style sheet says
    (its minimums are cleared by the keyboard's own sheet, so they cannot grow the key)."""

    def __init__(self, px: int):
        super().__init__()
        self.px = px

    def sizeHint(self) -> QSize:
        return QSize(self.px, self.px)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.px, self.px)


class OnScreenKeyboard(QFrame):
    typed = Signal(str)  # every key press (the idle timer listens)
    backspace = Signal()
    cleared = Signal()
    hide_requested = Signal()
    enter = Signal()

    def __init__(self, key_px: int = 76, parent=None, *, language: str = "en",
                 layouts: tuple[str, ...] = LAYOUTS):
        super().__init__(parent)
        unknown = [n for n in layouts if n not in ALL_LAYOUTS]
        if unknown or not layouts:
            raise ValueError(f"no keyboard layout {unknown[0] if unknown else ''!r}")
        self.setObjectName("keyboard")
        # Keys are sized by the grid, not by the kiosk's padding for ordinary buttons. The staff
        # keys are exactly key_px: the kiosk's style sheet gives every button a minimum of the
        # touch target *inside* its padding and border, so each key was 4-8 px more than that,
        # and the keyboard more than the page had room for once Urdu or Chinese made the lines
        # around it taller (its bottom row was cut; in portrait on a denser screen, its side).
        self.setStyleSheet("QPushButton { padding: 0px 2px; min-width: 0px; min-height: 0px; }"
                           if "staff" in layouts else "QPushButton { padding: 0px 2px; }")
        # The keys keep their places in every language (the Urdu layout is phonetic).
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.key_px = key_px
        self.layouts = tuple(layouts)
        self.field: QLineEdit | None = None
        wanted = layout_for(language)
        self.layout_name = wanted if wanted in self.layouts else self.layouts[0]
        self.shift = False
        self.keys: dict[str, QPushButton] = _Keys()
        self.space = self.back = self.clear = None  # the space, delete and Clear keys
        self.grid = QGridLayout(self)
        self._space_grid()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._font = QFont()
        self._build()

    def _space_grid(self) -> None:
        spacing = max(4, self.key_px // 12)
        self.grid.setSpacing(spacing)
        margin = 0 if self.layout_name == "staff" else spacing
        self.grid.setContentsMargins(margin, margin, margin, margin)

    # -- building ------------------------------------------------------------------------
    def _key(self, key_id: str, handler) -> QPushButton:
        staff = self.layout_name == "staff"
        b = _StaffKey(self.key_px) if staff else ShapedButton()
        b.setObjectName(f"key_{key_id}")
        b.setProperty("secondary", True)  # the kiosk's quiet button look (and high contrast)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text field keeps the focus and cursor
        if staff and len(key_id) == 1:
            # A compact grid beside the staff results: keys of exactly key_px.
            b.setFixedSize(self.key_px, self.key_px)
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        else:
            if not staff:
                b.setMinimumSize(self.key_px, self.key_px)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        b.clicked.connect(handler)
        self.keys[key_id] = b
        return b

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().setParent(None)
                item.widget().deleteLater()
        self.keys = _Keys()

    def _build(self) -> None:
        self._clear_grid()
        if self.layout_name == "staff":
            self._build_staff()
            return
        columns = 12 if self.layout_name != "digits" else 6
        if self.layout_name == "digits":
            for r, row in enumerate(DIGIT_ROWS[:4]):
                for c, key in enumerate(row):
                    self.grid.addWidget(self._key(key, lambda _=False, k=key: self._type(k)),
                                        r, c * 2, 1, 2)
            self.grid.addWidget(self._key("-", lambda: self._type("-")), 0, 6, 1, 2)
            self.grid.addWidget(self._key("backspace", self._backspace), 1, 6, 1, 2)
            self.grid.addWidget(self._key("clear", self._clear), 2, 6, 1, 2)
            bottom = 4
            columns = 8
        else:
            for r, row in enumerate(LATIN):
                offset = 0 if r < 2 else 1 if r == 2 else 2
                for c, key in enumerate(row):
                    self.grid.addWidget(self._key(key, lambda _=False, k=key: self._press(k)),
                                        r, offset + c)
            self.grid.addWidget(self._key("shift", self._toggle_shift), 3, 0, 1, 2)
            self.grid.addWidget(self._key("backspace", self._backspace), 3, 9, 1, 3)
            self.grid.addWidget(self._key("clear", self._clear), 2, 10, 1, 2)
            bottom = 4
        # The bottom row: other layouts, space, hide.
        col = 0
        for name in self.layouts:
            if name == self.layout_name or name not in LAYOUTS:
                continue
            self.grid.addWidget(self._key(f"layout_{name}", lambda _=False, n=name: self.set_layout(n)),
                                bottom, col, 1, 2)
            col += 2
        span = columns - col - 2
        self.grid.addWidget(self._key("space", lambda: self._type(" ")), bottom, col, 1, span)
        self.grid.addWidget(self._key("hide", self.hide_requested), bottom, col + span, 1, 2)
        self._named_keys()
        self._label_keys()

    def _build_staff(self) -> None:
        for r, row in enumerate(STAFF):
            for c, key in enumerate(row):
                self.grid.addWidget(self._key(key, lambda _=False, k=key: self._type(k)), r, c)
        bottom = len(STAFF)
        self.grid.addWidget(self._key("clear", self._clear), bottom, 0, 1, 3)
        self.grid.addWidget(self._key("space", lambda: self._type(" ")), bottom, 3, 1, 4)
        self.grid.addWidget(self._key("backspace", self._backspace), bottom, 7, 1, 3)
        self._named_keys()
        self._label_keys()

    def _named_keys(self) -> None:
        self.space, self.back, self.clear = (self.keys.get(k) for k in ("space", "backspace", "clear"))

    def _label_keys(self) -> None:
        for key_id, b in self.keys.items():
            if key_id.startswith("layout_"):
                text = LAYOUT_NAMES[key_id[7:]]
            elif key_id in ("shift", "backspace", "clear", "space", "hide"):
                text = {"shift": "⇧", "backspace": "⌫", "clear": self.tr("Clear"),
                        "space": self.tr("Space"), "hide": "⌨ ▾"}[key_id]
                b.setAccessibleName({"shift": self.tr("Shift"), "backspace": self.tr("Delete"),
                                     "hide": self.tr("Hide keyboard")}.get(key_id, text))
            elif self.layout_name == "staff":
                text = key_id.upper()
            else:
                text = typed_char(self.layout_name, key_id, self.shift)
            b.setText(text)
            urdu = needs_shaping(text)

            font = QFont(self._font)
            font.setFamilies(font_families("ur" if urdu else "en"))
            if urdu:
                font.setBold(False)  # Nastaliq has no true bold; a synthetic one smears
            b.setFont(font)
        if "shift" in self.keys:
            self.keys["shift"].setCheckable(True)
            self.keys["shift"].setChecked(self.shift)

    # -- using ---------------------------------------------------------------------------
    def attach(self, field: QLineEdit) -> None:
        self.field = field

    def set_font_px(self, px: int) -> None:
        self._font.setPixelSize(px)
        self._label_keys()

    def apply_theme(self, theme) -> None:
        """Keys of the theme's touch target, labels in its body size (bold for Latin)."""
        self._font = theme.font("body", bold=True, language="en")
        if theme.target_px != self.key_px:
            self.key_px = theme.target_px
            self._space_grid()
            self._build()
        else:
            self._label_keys()

    def retranslate(self) -> None:
        self._label_keys()

    def changeEvent(self, event):
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self._label_keys()
        super().changeEvent(event)

    def set_layout(self, name: str) -> None:
        if name not in self.layouts:
            if name in ALL_LAYOUTS:
                return  # not offered here (the staff keyboard stays as it is)
            raise ValueError(f"no keyboard layout {name!r}")
        if name == self.layout_name and self.keys:
            return
        self.layout_name = name
        self.shift = False
        self._build()
        self.typed.emit("")

    def _press(self, key: str) -> None:
        self._type(typed_char(self.layout_name, key, self.shift))
        if self.shift:
            self.shift = False
            self._label_keys()

    def _toggle_shift(self) -> None:
        self.shift = not self.shift
        self._label_keys()
        self.typed.emit("")

    def _type(self, text: str) -> None:
        if self.field is not None:
            self.field.insert(text)
        self.typed.emit(text)

    def _backspace(self) -> None:
        if self.field is not None:
            self.field.backspace()
        self.backspace.emit()
        self.typed.emit("")

    def _clear(self) -> None:
        if self.field is not None:
            self.field.clear()
        self.cleared.emit()
        self.typed.emit("")
