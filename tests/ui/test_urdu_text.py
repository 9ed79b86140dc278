"""One way to draw Urdu: shaped by HarfBuzz, ordered by the Unicode bidi algorithm, each piece in
a font that has its glyphs; nowhere Qt's own Nastaliq."""

from __future__ import annotations

import pytest
from bidi import get_display
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from kiosk.ui.shaping import bidi_runs, paint_text, shaper, visual_order

MIXED = [
    "چناب سافٹ ویئر سسٹمز\nH1-B98 · ہال 1 · سافٹ ویئر",
    "ہال 1 · H1-B98 (سافٹ ویئر)",
    "آپ کا بیج 2 December 2026 کے لیے ہے۔",
    "کیمرا دستیاب نہیں — اسکینر استعمال کریں",
    "گیٹ 1 پر رجسٹریشن ڈیسک، 10:00–18:00",
]


@pytest.fixture(scope="module")
def s(qapp):
    found = shaper()
    assert found is not None, "no Nastaliq font here"
    return found


@pytest.mark.parametrize("text", MIXED)
def test_no_missing_glyph_in_mixed_text(s, text):
    for paragraph in text.split("\n"):
        line = s.line(paragraph, 40)
        for run, _x in line.runs:
            assert 0 not in run.glyphs, (paragraph, run.face.path.name)


@pytest.mark.parametrize("text", MIXED)
def test_runs_are_in_the_order_of_the_unicode_algorithm(text):
    """Our visual order of runs against python-bidi's own reordering of the whole line."""
    for paragraph in text.split("\n"):
        runs = bidi_runs(paragraph, rtl=True)
        order = visual_order([level for _, level in runs])
        ours = "".join(part[::-1] if level % 2 else part
                       for part, level in (runs[i] for i in order))
        theirs = get_display(paragraph, base_dir="R")
        mirror = str.maketrans("()", ")(")  # get_display mirrors brackets; HarfBuzz does it for us
        assert ours.translate(mirror) == theirs or ours == theirs, paragraph


def test_latin_and_numbers_sit_left_of_the_urdu_before_them(s):
    line = s.line("ہال 1 · H1-B98", 40)
    latin = [x for run, x in line.runs if run.face is s.fallback]
    urdu = [x for run, x in line.runs if run.face is s.primary and run.width > 30]
    assert latin and urdu and max(latin) < max(urdu)


def test_the_camera_message_is_shaped_not_drawn_by_qt(qapp, s):
    """کیمرا drawn by paint_text has the glyphs HarfBuzz gives; Qt's own drawing differs."""
    def render(draw):
        image = QImage(600, 200, QImage.Format.Format_ARGB32)
        image.fill(QColor("black"))
        p = QPainter(image)
        p.setPen(QColor("white"))
        font = QFont()
        font.setFamilies(["Noto Nastaliq Urdu"])
        font.setPixelSize(48)
        draw(p, font)
        p.end()
        return image

    shaped = render(lambda p, f: paint_text(p, QRectF(0, 0, 600, 200), "کیمرا", f))
    assert any(QColor(shaped.pixel(x, y)).red() > 128 for x in range(0, 600, 2)
               for y in range(0, 200, 2))
    assert 0 not in s.line("کیمرا", 48).runs[0][0].glyphs


def test_a_result_row_keeps_title_and_subtitle_on_two_lines(qtbot, s):
    """Item views turn "\\n" into U+2028: the delegate must still break the line there."""
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    from kiosk.ui.shaping import ShapedItemDelegate

    view = QListWidget()
    qtbot.addWidget(view)
    font = QFont()
    font.setFamilies(["Noto Nastaliq Urdu", "Noto Sans"])
    font.setPixelSize(28)
    view.setFont(font)
    delegate = ShapedItemDelegate(view)
    view.setItemDelegate(delegate)
    view.addItem(QListWidgetItem("کوہسار سائبر سلوشنز\nH3-B115 · ہال 3"))
    view.resize(600, 400)
    view.show()
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = font
    delegate.initStyleOption(option, view.model().index(0, 0))
    assert "\n" not in option.text  # what Qt hands the delegate
    lines = delegate._lines(s, option.text, 28, 560)
    assert len(lines) == 2


@pytest.mark.parametrize("text", ["اسکین: 0 · \u2066620.0 kB\u2069",
                                  "\u206616:57:14\u2069 · بیج بھیجا گیا · \u2066ITCN-00007\u2069",
                                  "\u2066620.0", "kB\u2069 خالی"])
def test_isolated_latin_is_shaped_as_a_left_to_right_island(s, text):
    """The staff pages isolate Latin values (U+2066 ... U+2069); shaped in Nastaliq, such a line
    (or one word of it, as a label measures its narrowest width) is laid out, not refused."""
    runs = bidi_runs(text, rtl=True)
    latin = [part for part, level in runs if any(c.isascii() and c.isalnum() for c in part)]
    assert latin and all(level % 2 == 0 for part, level in runs if part in latin), runs
    assert s.line(text, 40).width > 0
