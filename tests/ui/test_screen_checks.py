"""Each screenshot checker fails on a screen known to be bad and passes the same screen mended."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.ui import checks
from kiosk.ui.metrics import TOUCH_TARGET_MM, mm_to_px, text_px


@pytest.fixture
def page(qtbot):
    widget = QWidget()
    widget.resize(1200, 800)
    qtbot.addWidget(widget)
    return widget


def body_font(widget, families=("Noto Sans",)):
    font = QFont()
    font.setFamilies(list(families))
    font.setPixelSize(text_px(screen_or_widget=widget))
    return font


def place(widget, page, x, y, w, h, text_font=True):
    widget.setParent(page)
    if text_font:
        widget.setFont(body_font(page))
    widget.setGeometry(x, y, w, h)
    widget.show()
    return widget


def test_missing_glyph(page):
    place(QLabel("Booth \u0fff"), page, 10, 10, 600, 100)  # no font has U+0FFF
    page.show()
    assert checks.missing_glyphs(page)
    bad = page.findChild(QLabel)
    bad.setText("Booth H2-B14")
    assert checks.missing_glyphs(page) == []


def test_missing_glyph_in_urdu_drawn_by_the_wrong_font(page):
    label = place(QLabel("کیمرا"), page, 10, 10, 600, 150)
    label.setFont(body_font(page, ("Noto Sans CJK SC",)))  # a family without Arabic
    page.show()
    assert checks.missing_glyphs(page)
    label.setFont(body_font(page, ("Noto Nastaliq Urdu", "Noto Sans")))
    assert checks.missing_glyphs(page) == []


def test_text_overflow_the_clear_key_that_showed_lea(page):
    touch = mm_to_px(TOUCH_TARGET_MM, page)
    button = place(QPushButton("Clear"), page, 10, 10, 30, touch)
    page.show()
    assert checks.text_overflow(page)
    button.setGeometry(10, 10, 4 * touch, touch)
    assert checks.text_overflow(page) == []


def test_text_overflow_of_a_wrapped_label_cut_at_the_bottom(page):
    label = place(QLabel("Going back to the start in 10 seconds unless you tap the screen"),
                  page, 10, 10, 200, 30)
    label.setWordWrap(True)
    page.show()
    assert checks.text_overflow(page)
    label.setGeometry(10, 10, 200, 400)
    assert checks.text_overflow(page) == []


def test_overlap_the_countdown_over_its_button(page):
    touch = mm_to_px(TOUCH_TARGET_MM, page)
    place(QLabel("Going back in 7 s"), page, 10, 10, 500, 80)
    button = place(QPushButton("Yes, I'm here"), page, 10, 60, 500, touch)
    page.show()
    assert checks.overlaps(page)
    button.move(10, 100)
    assert checks.overlaps(page) == []


def test_button_under_20_mm(page):
    button = place(QPushButton("+"), page, 10, 10, 40, 40)
    page.show()
    assert checks.small_buttons(page)
    touch = mm_to_px(TOUCH_TARGET_MM, page)
    button.setGeometry(10, 10, touch, touch)
    assert checks.small_buttons(page) == []


def test_cap_height_under_4_8_mm(page):
    label = place(QLabel("Hold your badge inside the frame"), page, 10, 10, 900, 100)
    small = QFont(label.font())
    small.setPixelSize(12)
    label.setFont(small)
    page.show()
    assert checks.small_text(page)
    label.setFont(body_font(page))
    assert checks.small_text(page) == []
    label.setFont(small)
    label.setProperty("fine_print", True)
    assert checks.small_text(page) == []


def test_text_overflow_a_nastaliq_letter_cut_at_the_side(page):
    """The search hint's first letter, ک, reaches past its advance: with no room at the side
    its stroke is cut."""
    from kiosk.ui.shaping import ShapedLabel

    label = place(ShapedLabel("کمپنی، اسٹال نمبر یا ہال لکھیں"), page, 10, 10, 1000, 150)
    label.setFont(body_font(page, ("Noto Nastaliq Urdu", "Noto Sans")))
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setContentsMargins(0, 0, 0, 0)
    page.show()
    assert checks.text_overflow(page)
    label.setContentsMargins(12, 0, 12, 0)
    assert checks.text_overflow(page) == []
