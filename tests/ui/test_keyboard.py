"""The on-screen keyboards: every layout types what its keys say, into the field, by taps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.ui.keyboard import URDU, OnScreenKeyboard, typed_char


@pytest.fixture
def keyboard(qtbot):
    field = QLineEdit()
    kb = OnScreenKeyboard(76)
    kb.attach(field)
    qtbot.addWidget(field)
    qtbot.addWidget(kb)
    kb.show()
    return kb, field


def tap(qtbot, kb, key):
    qtbot.mouseClick(kb.keys[key], Qt.MouseButton.LeftButton)


def test_latin_types_letters_digits_and_a_booth_number(qtbot, keyboard):
    kb, field = keyboard
    for key in ["h", "2", "-", "b", "1", "4"]:
        tap(qtbot, kb, key)
    assert field.text() == "h2-b14"
    tap(qtbot, kb, "backspace")
    assert field.text() == "h2-b1"
    tap(qtbot, kb, "clear")
    assert field.text() == ""


def test_shift_types_one_capital(qtbot, keyboard):
    kb, field = keyboard
    tap(qtbot, kb, "shift")
    tap(qtbot, kb, "t")
    tap(qtbot, kb, "h")
    assert field.text() == "Th"


def test_urdu_phonetic_layout_types_urdu_words(qtbot, keyboard):
    kb, field = keyboard
    tap(qtbot, kb, "layout_urdu")
    assert kb.keys["k"].text() == "ک" and kb.keys["q"].text() == "ق"
    for key in "cnab":  # چ ن ا ب
        tap(qtbot, kb, key)
    assert field.text() == "چناب"
    tap(qtbot, kb, "space")
    tap(qtbot, kb, "shift")
    tap(qtbot, kb, "t")  # ٹ on Shift
    assert field.text() == "چناب ٹ"
    # every letter of the Urdu alphabet that names use can be typed
    letters = {typed_char("urdu", k, s) for k in URDU for s in (False, True)}
    for ch in "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیے":
        assert ch in letters, ch


def test_digits_layout_and_switching_back(qtbot, keyboard):
    kb, field = keyboard
    tap(qtbot, kb, "layout_digits")
    for key in ["H", "3", "-", "B", "1", "2"]:
        tap(qtbot, kb, key)
    assert field.text() == "H3-B12"
    tap(qtbot, kb, "layout_latin")
    assert "q" in kb.keys and "layout_digits" in kb.keys


def test_keys_are_touch_sized_and_never_take_the_focus(qtbot, keyboard):
    kb, field = keyboard
    field.setFocus()
    for key, button in kb.keys.items():
        assert button.minimumWidth() >= 76 and button.minimumHeight() >= 76, key
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus, key


def test_staff_tools_use_the_same_keyboard_in_its_staff_layout(qtbot):
    """The look-up, "No badge?" and walk-in pages type with this widget: an e-mail address and
    a phone number need @ . - +, and none of them offers a hidden or switched layout."""
    from kiosk.ui.no_badge import NoBadgeScreen
    from kiosk.ui.staff.lookup import LookupPage
    from kiosk.ui.walk_in import WalkInScreen

    for page_class in (LookupPage, NoBadgeScreen, WalkInScreen):
        assert "OnScreenKeyboard" in page_class.__init__.__code__.co_names, page_class
    field = QLineEdit()
    kb = OnScreenKeyboard(layouts=("staff",), language="ur")
    kb.attach(field)
    qtbot.addWidget(field)
    qtbot.addWidget(kb)
    kb.show()
    assert kb.layout_name == "staff"
    assert not any(k.startswith("layout_") or k == "hide" for k in kb.keys)
    for key in "ali.k@mail-pk":
        tap(qtbot, kb, key)
    tap(qtbot, kb, "space")
    for key in "+923":
        tap(qtbot, kb, key)
    assert field.text() == "ali.k@mail-pk +923"
    cleared = []
    kb.cleared.connect(lambda: cleared.append(True))
    qtbot.mouseClick(kb.clear, Qt.MouseButton.LeftButton)
    assert field.text() == "" and cleared
    kb.set_layout("urdu")  # the page's language changes: staff keys stay Latin
    assert kb.keys["Q"].text() == "Q" and kb.keys["q"] is kb.keys["Q"]


def test_staff_keys_keep_their_places_right_to_left(qtbot):
    """In Urdu the page runs right to left; the keyboard does not mirror (1 stays at the left)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    page = QWidget()
    page.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    kb = OnScreenKeyboard(layouts=("staff",))
    QVBoxLayout(page).addWidget(kb)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: kb.keys["1"].x() != kb.keys["0"].x())
    assert kb.keys["1"].x() < kb.keys["0"].x()


def test_themed_keys_follow_the_touch_target(qtbot):
    from kiosk.ui.theme import Theme

    kb = OnScreenKeyboard(layouts=("staff",))
    qtbot.addWidget(kb)
    kb.apply_theme(Theme(language="en", body_px=26, target_px=90))
    assert kb.keys["a"].width() == 90 and kb.keys["a"].height() == 90
    assert kb.keys["a"].font().pixelSize() == 26
    with pytest.raises(ValueError):
        OnScreenKeyboard(layouts=("dvorak",))
