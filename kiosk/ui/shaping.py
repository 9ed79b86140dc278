"""Urdu text shaped by HarfBuzz and drawn glyph by glyph.

Qt's own text layout draws Noto Nastaliq Urdu wrongly (words run into each other, letters of the
cascading joins land in the wrong place), while HarfBuzz itself shapes it correctly, as the
printed badges show. So text in the Arabic script is shaped here with uharfbuzz, from the same
font files, and painted as QGlyphRuns; everything else keeps Qt's normal text drawing.

The bidirectional handling is the part of the Unicode algorithm that kiosk texts need: a
right-to-left paragraph with embedded numbers and Latin words, neutral characters taking the
direction of their neighbours; Latin letters the Nastaliq font lacks fall back to Noto Sans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPalette, QRawFont
from PySide6.QtWidgets import (QApplication, QLabel, QPushButton, QStyle, QStyledItemDelegate,
                               QStyleOptionButton, QStyleOptionViewItem, QStylePainter)

from kiosk.services.fonts import find_font

ARABIC = re.compile("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
NASTALIQ = "Noto Nastaliq Urdu"


def needs_shaping(text: str) -> bool:
    return bool(text) and ARABIC.search(text) is not None


class FontFace:
    """One font file, seen by HarfBuzz (for shaping) and by Qt as a QRawFont (for drawing)."""

    def __init__(self, path: Path, index: int = 0):
        self.path = Path(path)
        face = hb.Face(hb.Blob.from_file_path(str(self.path)), index)
        self.upem = face.upem
        self.font = hb.Font(face)
        extents = self.font.get_font_extents("ltr")
        self.ascender = extents.ascender / self.upem
        self.descender = -extents.descender / self.upem
        self._raw: dict[int, QRawFont] = {}
        self._paths: dict[tuple[int, int], QPainterPath] = {}

    def covers(self, ch: str) -> bool:
        return ch in " \u00a0\u200c\u200d" or self.font.get_nominal_glyph(ord(ch)) is not None

    def raw(self, px: int) -> QRawFont:
        raw = self._raw.get(px)
        if raw is None:
            raw = QRawFont(str(self.path), px, QFont.HintingPreference.PreferNoHinting)
            self._raw[px] = raw
        return raw

    def outline(self, glyph: int, px: int) -> QPainterPath:
        key = (glyph, px)
        path = self._paths.get(key)
        if path is None:
            path = self.raw(px).pathForGlyph(glyph)
            self._paths[key] = path
        return path

    def shape(self, text: str, rtl: bool, px: int) -> "Run":
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.direction = "rtl" if rtl else "ltr"
        if rtl:
            buf.language = "ur"
        hb.shape(self.font, buf, {})
        scale = px / self.upem
        glyphs, positions, x = [], [], 0.0
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
            glyphs.append(info.codepoint)
            positions.append((x + pos.x_offset * scale, -pos.y_offset * scale))
            x += pos.x_advance * scale
        return Run(self, px, glyphs, positions, x)


@dataclass
class Run:
    face: FontFace
    px: int
    glyphs: list[int]
    positions: list[tuple[float, float]]  # from the run's origin on the baseline, y down
    width: float


@dataclass
class Line:
    runs: list[tuple[Run, float]]  # each run and its x within the line
    width: float


# LRI, RLI, FSI, PDI -> LRE, RLE, LRE, PDF (same length, so levels map back one to one)
ISOLATES_AS_EMBEDDINGS = str.maketrans({"\u2066": "\u202a", "\u2067": "\u202b",
                                        "\u2068": "\u202a", "\u2069": "\u202c"})


def bidi_levels(text: str, rtl: bool = True) -> list[int]:
    """The embedding level of each character by the Unicode bidirectional algorithm (UAX #9,
    python-bidi's implementation): odd is right to left. Latin words and numbers inside Urdu
    come out as left-to-right islands; neutrals take the direction the algorithm gives them."""
    from bidi.algorithm import (explicit_embed_and_overrides, get_embedding_levels,
                                get_empty_storage, resolve_implicit_levels,
                                resolve_neutral_types, resolve_weak_types)

    storage = get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    # python-bidi's algorithm knows embeddings but not isolates (it asserts on an LRI): an
    # isolate is taken as the embedding of its direction, which orders a Latin island alike.
    get_embedding_levels(text.translate(ISOLATES_AS_EMBEDDINGS), storage, False)
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    levels = [c["level"] for c in storage["chars"]]
    if len(levels) != len(text):  # explicit formatting characters are dropped (X9)
        kept = iter(levels)
        levels = [storage["base_level"] if ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                  else next(kept, storage["base_level"]) for ch in text]
    return levels


def paragraph_is_rtl(text: str) -> bool:
    """Right to left unless the first letter with a direction is a left-to-right one (a Latin
    company name in an Urdu list keeps its full stop at its end); no letter: right to left."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return True


def bidi_runs(text: str, rtl: bool = True) -> list[tuple[str, int]]:
    """Logical runs of one embedding level each: (text, level)."""
    runs: list[tuple[str, int]] = []
    for ch, level in zip(text, bidi_levels(text, rtl)):
        if runs and runs[-1][1] == level:
            runs[-1] = (runs[-1][0] + ch, level)
        else:
            runs.append((ch, level))
    return runs


def visual_order(levels: list[int]) -> list[int]:
    """Indices of runs in display order, left to right (UAX #9 rule L2)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(level for level in levels if level % 2) if any(l % 2 for l in levels) else None
    if lowest_odd is None:
        return order
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


class Shaper:
    def __init__(self, primary: FontFace, fallback: FontFace | None,
                 more: tuple[FontFace, ...] = ()):
        self.primary = primary
        self.fallback = fallback
        self.more = tuple(more)  # after the fallback: fonts for signs it lacks

    def ascent(self, px: int) -> float:
        return self.primary.ascender * px

    def line_height(self, px: int) -> float:
        return (self.primary.ascender + self.primary.descender) * px

    def faces_for(self, text: str) -> list[tuple[str, FontFace]]:
        """The text cut where the font that has its glyphs changes: each piece is drawn by
        the first font (Nastaliq, then the Latin one) that has every glyph of it."""
        pieces: list[tuple[str, FontFace]] = []
        faces = [f for f in (self.fallback, *self.more) if f is not None]
        for ch in text:
            face = self.primary
            if not self.primary.covers(ch):
                face = next((f for f in faces if f.covers(ch)), self.primary)
            if pieces and (pieces[-1][1] is face or ch in " \u00a0"):
                pieces[-1] = (pieces[-1][0] + ch, pieces[-1][1])
            else:
                pieces.append((ch, face))
        return pieces

    @lru_cache(maxsize=2048)
    def line(self, text: str, px: int, rtl: bool | None = None) -> Line:
        if rtl is None:  # the paragraph's direction: its first strong letter's (UAX #9 P2)
            rtl = paragraph_is_rtl(text)
        logical = bidi_runs(text, rtl)
        shaped: list[list[Run]] = []
        for part, level in logical:
            odd = level % 2 == 1
            runs = [face.shape(piece, odd, px) for piece, face in self.faces_for(part)]
            shaped.append(list(reversed(runs)) if odd else runs)
        placed, x = [], 0.0
        for index in visual_order([level for _, level in logical]):
            for run in shaped[index]:
                placed.append((run, x))
                x += run.width
        return Line(placed, x)

    @lru_cache(maxsize=1024)
    def wrap(self, text: str, px: int, width: float) -> tuple[Line, ...]:
        lines: list[Line] = []
        for paragraph in text.split("\n"):
            words = paragraph.split(" ")
            current = ""
            for word in words:
                candidate = f"{current} {word}" if current else word
                if current and self.line(candidate, px).width > width:
                    lines.append(self.line(current, px))
                    current = word
                else:
                    current = candidate
            lines.append(self.line(current, px))
        return tuple(lines)


@lru_cache(maxsize=1)
def shaper() -> Shaper | None:
    nastaliq = find_font("urdu")
    if nastaliq is None:
        return None  # no Nastaliq font here: Qt draws the text as best it can
    latin = find_font("latin")
    symbols = find_font("symbols")
    return Shaper(FontFace(nastaliq.path, nastaliq.index),
                  FontFace(latin.path, latin.index) if latin else None,
                  (FontFace(symbols.path, symbols.index),) if symbols else ())


def draw_lines(painter: QPainter, lines, px: int, rect: QRectF, align: Qt.AlignmentFlag,
               shaper_: Shaper) -> None:
    height = len(lines) * shaper_.line_height(px)
    if align & Qt.AlignmentFlag.AlignVCenter:
        top = rect.top() + (rect.height() - height) / 2
    elif align & Qt.AlignmentFlag.AlignBottom:
        top = rect.bottom() - height
    else:
        top = rect.top()
    for i, line in enumerate(lines):
        baseline = top + i * shaper_.line_height(px) + shaper_.ascent(px)
        if align & Qt.AlignmentFlag.AlignHCenter:
            left = rect.left() + (rect.width() - line.width) / 2
        elif align & Qt.AlignmentFlag.AlignLeft:
            left = rect.left()
        else:  # right-aligned, and the natural start of right-to-left text
            left = rect.right() - line.width
        # Outlines rather than QGlyphRun: Qt draws glyph runs above 64 px as nothing at all.
        brush = painter.pen().color()
        for run, x in line.runs:
            for glyph, (dx, dy) in zip(run.glyphs, run.positions):
                painter.fillPath(run.face.outline(glyph, run.px).translated(left + x + dx, baseline + dy),
                                 brush)


def paint_text(painter: QPainter, rect: QRectF, text: str, font: QFont,
               align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> None:
    """Text painted straight onto a widget (a message over the camera picture): Urdu shaped
    here like every other Urdu string, the rest by Qt, wrapped to the rectangle."""
    s = shaper() if needs_shaping(text) else None
    if s is None:
        painter.setFont(font)
        painter.drawText(rect, align | Qt.TextFlag.TextWordWrap, text)
        return
    px = font.pixelSize() if font.pixelSize() > 0 else 16
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_lines(painter, s.wrap(text, px, rect.width()), px, QRectF(rect), align, s)
    painter.restore()


def _uses_nastaliq(font: QFont) -> bool:
    families = font.families() or [font.family()]
    return bool(families) and families[0] == NASTALIQ


class _Shaped:
    """What ShapedLabel and ShapedButton share: when to shape, and at what size."""

    def _shaped(self):
        if not needs_shaping(self.text()) or not _uses_nastaliq(self.font()):
            return None
        return shaper()

    def _px(self) -> int:
        return self.font().pixelSize() if self.font().pixelSize() > 0 else 16


class ShapedLabel(_Shaped, QLabel):
    """A QLabel that shapes Arabic-script text itself (see the module docstring)."""

    def _lines(self, width: float):
        s = self._shaped()
        if self.wordWrap():
            return s.wrap(self.text(), self._px(), max(1.0, width))
        return (s.line(self.text(), self._px()),)

    def _margins(self) -> tuple[int, int]:
        # Everything between the widget's edge and its text: frame, style-sheet padding, margins.
        inner = self.contentsRect()
        return self.width() - inner.width(), self.height() - inner.height()

    def hasHeightForWidth(self) -> bool:
        return self.wordWrap() or super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        s = self._shaped()
        if s is None:
            return super().heightForWidth(width)
        mx, my = self._margins()
        lines = self._lines(width - mx)
        return int(len(lines) * s.line_height(self._px()) + my + 0.999)

    def sizeHint(self) -> QSize:
        s = self._shaped()
        if s is None:
            return super().sizeHint()
        mx, my = self._margins()
        line = s.line(self.text().replace("\n", " "), self._px())
        width = int(line.width + mx + 1)
        if self.wordWrap():
            width = min(width, max(200, self.maximumWidth() if self.maximumWidth() < 16777215 else 1200))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        s = self._shaped()
        if s is None:
            return super().minimumSizeHint()
        if self.wordWrap():
            # As QLabel does: the layout asks heightForWidth for the real height.
            words = self.text().split()
            widest = max((s.line(w, self._px()).width for w in words), default=0)
            mx, my = self._margins()
            return QSize(int(widest + mx + 1), int(s.line_height(self._px()) + my + 1))
        return self.sizeHint()

    def paintEvent(self, event):
        s = self._shaped()
        if s is None:
            return super().paintEvent(event)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(self.palette().color(self.foregroundRole()))
            rect = QRectF(self.contentsRect())
            align = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
            if not align & (Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom):
                align |= Qt.AlignmentFlag.AlignVCenter
            draw_lines(painter, self._lines(rect.width()), self._px(), rect, align, s)
        finally:
            painter.end()


class ShapedButton(_Shaped, QPushButton):
    """A QPushButton whose Arabic-script caption is shaped like ShapedLabel's."""

    def sizeHint(self) -> QSize:
        s = self._shaped()
        if s is None:
            return super().sizeHint()
        line = s.line(self.text(), self._px())
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        content = QSize(int(line.width + 1), int(s.line_height(self._px()) + 1))
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, content, self)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint() if self._shaped() is not None else super().minimumSizeHint()

    def paintEvent(self, event):
        s = self._shaped()
        if s is None:
            return super().paintEvent(event)
        painter = QStylePainter(self)
        try:
            option = QStyleOptionButton()
            self.initStyleOption(option)
            text, option.text = option.text, ""
            painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(option.palette.color(QPalette.ColorRole.ButtonText))
            rect = QRectF(self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents,
                                                      option, self))
            draw_lines(painter, (s.line(text, self._px()),), self._px(), rect,
                       Qt.AlignmentFlag.AlignCenter, s)
        finally:
            painter.end()


class ShapedItemDelegate(QStyledItemDelegate):
    """List rows whose Arabic-script text is shaped like ShapedLabel's."""

    PAD = 8

    def _shaped(self, option: QStyleOptionViewItem, text: str):
        if not needs_shaping(text) or not _uses_nastaliq(option.font):
            return None
        return shaper()

    def _lines(self, s: Shaper, text: str, px: int, width: float):
        # Item views hand over "\n" as U+2028 (line separator): title and subtitle stay two lines.
        text = text.replace("\u2028", "\n")
        return [line for paragraph in text.split("\n") for line in s.wrap(paragraph, px, width)]

    def sizeHint(self, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        s = self._shaped(opt, opt.text)
        base = super().sizeHint(option, index)
        if s is None:
            return base
        px = opt.font.pixelSize() if opt.font.pixelSize() > 0 else 16
        width = max(100, (opt.rect.width() or (opt.widget.width() if opt.widget else 400)) - 2 * self.PAD)
        lines = self._lines(s, opt.text, px, width)
        return QSize(base.width(), max(base.height(), int(len(lines) * s.line_height(px) + 2 * self.PAD)))

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        s = self._shaped(opt, opt.text)
        if s is None:
            return super().paint(painter, option, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        px = opt.font.pixelSize() if opt.font.pixelSize() > 0 else 16
        rect = QRectF(opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        align = QStyle.visualAlignment(opt.direction, Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
        draw_lines(painter, self._lines(s, text, px, rect.width()), px, rect, align, s)
        painter.restore()
