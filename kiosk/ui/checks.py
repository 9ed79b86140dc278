"""What a person would call broken on a screen, found in the widgets that draw it.

Each check looks at the visible widgets of a page as laid out for the screen and returns
problems (plain sentences naming the widget), empty when all is well:

    missing_glyphs(page)    a character that no font drawing it has (an empty box on screen)
    text_overflow(page)     text wider or taller than the box it is drawn in ("lea" of Clear)
    overlaps(page)          a label or control lying over another one
    small_buttons(page)     a button under 20 mm in either direction
    small_text(page)        text with a cap height under 4.8 mm (Urdu: its pixel size)

``check_page(page)`` runs them all. Widgets with the property ``fine_print`` set (the map's
"not to scale" note) are exempt from the size of text, nothing else. Two more, for the
accessible modes:

    low_contrast(page, 7.0)     text whose colour against its background is under 7:1 (WCAG
                                AAA), measured in the pixels drawn, and the map's labels
    out_of_reach(page, band)    a button or text field (or the take-away QR, which a phone is
                                held up to) not wholly within the rows of the window that lie
                                380-1220 mm above the floor (low reach)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont, QFontMetricsF, QRawFont
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QLabel,
                               QLineEdit, QWidget)

from kiosk.ui.metrics import (BODY_CAP_HEIGHT_MM, TOUCH_TARGET_MM, mm_to_px, screen_dpi,
                              text_px)
from kiosk.ui.shaping import _uses_nastaliq, needs_shaping, shaper

IGNORED = " \n\t\u00a0\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\u061c\ufe0f"


def _visible(page: QWidget, kinds) -> list[QWidget]:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    return [w for w in page.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
            and w.width() > 0 and w.height() > 0]


def _text(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    return ""


def _name(widget: QWidget) -> str:
    text = _text(widget).replace("\n", " ")
    label = widget.objectName() or type(widget).__name__
    return f"{label} {text[:40]!r}" if text else label


@lru_cache(maxsize=64)
def _raw(family: str) -> QRawFont:
    font = QFont()
    font.setFamilies([family])
    font.setPixelSize(32)
    return QRawFont.fromFont(font)


def _families(font: QFont) -> list[str]:
    return list(font.families()) or [font.family()]


def missing_in(text: str, font: QFont) -> list[str]:
    """Characters of the text that none of the font's families has."""
    if needs_shaping(text) and _uses_nastaliq(font) and shaper() is not None:
        s = shaper()
        missing = []
        for paragraph in text.split("\n"):
            for run, _x in s.line(paragraph, 32).runs:
                if 0 in run.glyphs:
                    missing.append(paragraph)
        return missing
    raws = [_raw(f) for f in _families(font)]
    return [ch for ch in dict.fromkeys(text) if ch not in IGNORED
            and unicodedata.category(ch) not in ("Cc", "Cf", "Zs", "Zl", "Zp")
            and not any(r.isValid() and r.supportsCharacter(ord(ch)) for r in raws)]


def missing_glyphs(page: QWidget) -> list[str]:
    problems = []
    for w in _visible(page, (QLabel, QAbstractButton, QLineEdit)):
        gone = missing_in(_text(w), w.font())
        if gone:
            problems.append(f"missing glyph in {_name(w)}: {gone[:5]}")
    for view in _visible(page, QAbstractItemView):
        model = view.model()
        for row in range(min(model.rowCount(), 50)):
            text = str(model.index(row, 0).data() or "")
            gone = missing_in(text, view.font())
            if gone:
                problems.append(f"missing glyph in {view.objectName() or 'list'} row {row}: {gone[:5]}")
    return problems


def _needed(widget: QWidget) -> tuple[float, float]:
    """Width and height the text of a label or button needs, as it is drawn."""
    text = _text(widget)
    font = widget.font()
    s = shaper() if needs_shaping(text) and _uses_nastaliq(font) else None
    px = font.pixelSize() if font.pixelSize() > 0 else 16
    wraps = isinstance(widget, QLabel) and widget.wordWrap()
    inner = widget.contentsRect()
    if isinstance(widget, QAbstractButton):
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        option = QStyleOptionButton()
        widget.initStyleOption(option)
        inner = widget.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                              widget)
    if s is not None:
        lines = s.wrap(text, px, max(1.0, inner.width())) if wraps else \
            [s.line(p, px) for p in text.split("\n")]
        width = max((line.width for line in lines), default=0.0)
        return width, _ink_height(s, lines, px)
    metrics = QFontMetricsF(font)
    if wraps:
        from PySide6.QtCore import QRectF, Qt

        rect = metrics.boundingRect(QRectF(0, 0, max(1, inner.width()), 100000),
                                    int(Qt.TextFlag.TextWordWrap), text)
        return rect.width(), rect.height()  # a word too long to wrap makes it wider
    lines = text.split("\n")
    return (max(metrics.horizontalAdvance(line) for line in lines),
            metrics.height() * len(lines))


def _ink_height(s, lines, px: int) -> float:
    """From the top of the first line's ink to the bottom of the last line's: Nastaliq's line
    box is far taller than what it draws, so the ink is what must fit."""
    tops, bottoms = [], []
    for i, line in enumerate(lines):
        offset = i * s.line_height(px)
        for run, _x in line.runs:
            for glyph, (_dx, dy) in zip(run.glyphs, run.positions):
                box = run.face.outline(glyph, run.px).boundingRect()
                if box.isEmpty():
                    continue
                tops.append(offset + dy + box.top())
                bottoms.append(offset + dy + box.bottom())
    return (max(bottoms) - min(tops)) if tops else 0.0


def _ink_outside(widget: QWidget) -> float:
    """How far the ink of shaped (Urdu) text reaches past the widget's left or right edge, in
    pixels: a Nastaliq letter can reach beyond its advance, and its stroke is then cut off."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle

    text = _text(widget)
    font = widget.font()
    if not isinstance(widget, QLabel) or not needs_shaping(text) or not _uses_nastaliq(font):
        return 0.0
    s = shaper()
    if s is None:
        return 0.0
    px = font.pixelSize() if font.pixelSize() > 0 else 16
    inner = widget.contentsRect()
    lines = s.wrap(text, px, max(1.0, inner.width())) if widget.wordWrap() else \
        [s.line(p, px) for p in text.split("\n")]
    align = QStyle.visualAlignment(widget.layoutDirection(), widget.alignment())
    worst = 0.0
    for line in lines:
        if align & Qt.AlignmentFlag.AlignHCenter:
            left = inner.left() + (inner.width() - line.width) / 2
        elif align & Qt.AlignmentFlag.AlignLeft:
            left = inner.left()
        else:
            left = inner.right() + 1 - line.width
        for run, x in line.runs:
            for glyph, (dx, _dy) in zip(run.glyphs, run.positions):
                box = run.face.outline(glyph, run.px).boundingRect()
                if box.isEmpty():
                    continue
                ink_left, ink_right = left + x + dx + box.left(), left + x + dx + box.right()
                worst = max(worst, -ink_left, ink_right - widget.width())
    return worst


def text_overflow(page: QWidget) -> list[str]:
    problems = []
    for w in _visible(page, QLabel):
        outside = _ink_outside(w)
        if outside > 1.5:
            problems.append(f"text of {_name(w)} is cut at the side by {outside:.0f} px")
    for w in _visible(page, (QLabel, QAbstractButton)):
        if not _text(w).strip() or (isinstance(w, QLabel) and w.pixmap() is not None
                                    and not w.pixmap().isNull()):
            continue
        width, height = _needed(w)
        inner = w.contentsRect()
        room_w, room_h = inner.width(), inner.height()
        if isinstance(w, QAbstractButton):
            from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionButton

            room_h = w.height()
            room_w = w.width() - 4
            if isinstance(w, QPushButton):  # inside the padding the style sheet gives it
                option = QStyleOptionButton()
                w.initStyleOption(option)
                room_w = w.style().subElementRect(QStyle.SubElement.SE_PushButtonContents,
                                                  option, w).width()
        if width > room_w + 1.5 or height > room_h + 1.5:
            problems.append(f"text overflows {_name(w)}: needs {width:.0f}x{height:.0f}, "
                            f"has {room_w}x{room_h}")
    return problems


def _rect(widget: QWidget, page: QWidget) -> QRect:
    """Where the widget can be seen on the page: clipped by every widget it sits in (a long
    list of steps in a scroll area shows only as much as the area)."""
    rect = QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())
    for parent in _ancestors(widget, page):
        rect = rect.intersected(QRect(parent.mapTo(page, QPoint(0, 0)), parent.size()))
    return rect


def overlaps(page: QWidget) -> list[str]:
    """Labels with text and controls that lie over one another (a widget and what it holds,
    and controls laid over a map or a picture on purpose, are not overlaps)."""
    items = [w for w in _visible(page, (QLabel, QAbstractButton, QLineEdit))
             if _text(w).strip() or isinstance(w, (QAbstractButton, QLineEdit))
             or (isinstance(w, QLabel) and w.pixmap() is not None and not w.pixmap().isNull())]
    items = [w for w in items if not any(isinstance(a, QAbstractButton) for a in _ancestors(w, page))]
    rects = [(w, _rect(w, page)) for w in items]
    problems = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            common = ra.intersected(rb)
            if common.width() > 2 and common.height() > 2:
                problems.append(f"{_name(a)} overlaps {_name(b)} by {common.width()}x{common.height()}")
    return problems


def _ancestors(widget: QWidget, stop: QWidget):
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


def small_buttons(page: QWidget, minimum_mm: float = TOUCH_TARGET_MM) -> list[str]:
    floor = mm_to_px(minimum_mm, page) - 1
    return [f"button {_name(b)} is {b.width()}x{b.height()} px, under {minimum_mm:g} mm "
            f"({floor + 1} px)"
            for b in _visible(page, QAbstractButton) if b.width() < floor or b.height() < floor]


def small_text(page: QWidget, minimum_mm: float = BODY_CAP_HEIGHT_MM) -> list[str]:
    problems = []
    dpi = screen_dpi(page)
    for w in _visible(page, (QLabel, QAbstractButton, QLineEdit)):
        text = _text(w)
        if not text.strip() or w.property("fine_print"):
            continue
        font = w.font()
        if needs_shaping(text):  # Nastaliq has no capitals: at least the body size
            if font.pixelSize() > 0 and font.pixelSize() < text_px(minimum_mm, page) * 0.9:
                problems.append(f"text in {_name(w)} is {font.pixelSize()} px, under body size")
            continue
        cap_px = QFontMetricsF(font).capHeight()
        if cap_px <= 0:  # a font without Latin capitals: the usual share of the pixel size
            cap_px = font.pixelSize() * 0.7 if font.pixelSize() > 0 else 0
        cap = cap_px / dpi * 25.4
        if cap < minimum_mm - 0.05:
            problems.append(f"text in {_name(w)} has a cap height of {cap:.1f} mm, under "
                            f"{minimum_mm:g} mm")
    return problems


def contrast(a, b) -> float:
    """The WCAG 2.1 contrast ratio of two colours (QColor or "#RRGGBB")."""
    from coloraide import Color

    def name(c):
        return c if isinstance(c, str) else c.name()

    return Color(name(a)).contrast(name(b), method="wcag21")


def _pixels(page: QWidget):
    import numpy as np
    from PySide6.QtGui import QImage

    image = page.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio() or 1.0
    data = np.frombuffer(image.constBits(), dtype=np.uint32,
                         count=image.bytesPerLine() // 4 * image.height())
    # A copy: the image (and its bits) go when this returns.
    return data.reshape(image.height(), image.bytesPerLine() // 4)[:, :image.width()].copy(), ratio


def drawn_colours(pixels, rect: QRect) -> tuple[str, str] | None:
    """The background (the commonest colour) and the ink in a rect: of the colours that stand
    out from the background and are drawn about as often as the commonest of them, the one
    that stands out most (anti-aliased edges are many shades, each of few pixels)."""
    import numpy as np

    crop = pixels[max(0, rect.top()):rect.bottom() + 1, max(0, rect.left()):rect.right() + 1]
    if crop.size == 0:
        return None
    values, counts = np.unique(crop & 0xFFFFFF, return_counts=True)
    order = np.argsort(-counts)
    values, counts = values[order], counts[order]
    background = f"#{int(values[0]):06X}"
    standing = [(f"#{int(v):06X}", int(n)) for v, n in zip(values[1:], counts[1:])]
    standing = [(ink, n) for ink, n in standing if contrast(ink, background) >= 1.6]
    if not standing:
        return None  # nothing drawn but shades of the background
    # A thin stroke (a minus sign) has as many edge pixels as core ones: of the colours drawn
    # about as often as the commonest, the one that stands out most is the ink.
    top = standing[0][1]
    ink = max((c for c, n in standing if n * 4 >= top), key=lambda c: contrast(c, background))
    return background, ink


def low_contrast(page: QWidget, minimum: float = 7.0) -> list[str]:
    """Text drawn at less than ``minimum``:1 against its background: each label, button and
    text field as drawn on screen (its own pixels), and every label on a map the page holds."""
    from kiosk.ui.wayfinding.map_view import MapView

    pixels, ratio = _pixels(page)
    problems = []
    for w in _visible(page, (QLabel, QAbstractButton, QLineEdit)):
        if not _text(w).strip() or (isinstance(w, QLabel) and w.pixmap() is not None
                                    and not w.pixmap().isNull()):
            continue
        r = _rect(w, page)
        inset = 6 if isinstance(w, (QAbstractButton, QLineEdit)) else 1  # past the border
        r = QRect(int(r.left() * ratio), int(r.top() * ratio), int(r.width() * ratio),
                  int(r.height() * ratio)).adjusted(inset, inset, -inset, -inset)
        found = drawn_colours(pixels, r)
        if found is None:
            continue
        ratio_found = contrast(found[1], found[0])
        if ratio_found < minimum:
            problems.append(f"text of {_name(w)} is {found[1]} on {found[0]}: "
                            f"{ratio_found:.1f}:1, under {minimum:g}:1")
    for view in _visible(page, MapView):
        for text, ink, pill in view.text_colours():
            ground = pill if pill is not None else view.colours.background
            ratio_found = contrast(ink, ground)
            if ratio_found < minimum:
                ground = ground if isinstance(ground, str) else ground.name()
                problems.append(f"map label {text[:30]!r} is {ink.name()} on {ground}: "
                                f"{ratio_found:.1f}:1, under {minimum:g}:1")
    return problems


def out_of_reach(page: QWidget, band: tuple[int, int], window: QWidget | None = None) -> list[str]:
    """Buttons and text fields (and lists one taps) not wholly within the window's rows
    ``band`` = (top, bottom): in low reach everything operable is 380-1220 mm above the floor."""
    from PySide6.QtWidgets import QAbstractItemView

    window = window or page.window()
    top, bottom = band
    problems = []
    # What one taps, and what one holds a phone up to (the take-away QR: property in_reach).
    held = [w for w in _visible(page, QWidget) if w.property("in_reach")]
    for w in _visible(page, (QAbstractButton, QLineEdit, QAbstractItemView)) + held:
        if any(isinstance(a, QAbstractButton) for a in _ancestors(w, page)):
            continue
        r = _rect(w, page)
        if r.isEmpty():
            continue
        y0 = page.mapTo(window, QPoint(0, r.top())).y()
        y1 = y0 + r.height() - 1
        if y0 < top or y1 > bottom:
            problems.append(f"{_name(w)} at rows {y0}-{y1} is out of reach (rows {top}-{bottom})")
    return problems


CHECKS = {"missing glyph": missing_glyphs, "text overflow": text_overflow, "overlap": overlaps,
          "button under 20 mm": small_buttons, "cap height under 4.8 mm": small_text}


def check_page(page: QWidget) -> list[str]:
    return [problem for check in CHECKS.values() for problem in check(page)]


__all__ = ["CHECKS", "check_page", "contrast", "low_contrast", "missing_glyphs", "out_of_reach",
           "overlaps", "small_buttons", "small_text", "text_overflow"]
