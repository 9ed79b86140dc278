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
