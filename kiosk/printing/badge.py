"""One badge as a one-page PDF of the stock's size, drawn at the printer's resolution.

It is the organiser's badge (kiosk/organiser/badge_pdf.py: event band, the holder's name in
their scripts, company, validity, the signed QR, the registration number, and a category band
that names the category in words), laid out for the stock: portrait stocks (A6, 4×6 in, the
62 mm roll) as the organiser's A6 badge, landscape ones (4×3 in, CR80) with the QR beside the
name. Latin text is real PDF text in Helvetica, one of the fonts every PDF reader and CUPS
filter carries, so nothing is embedded; Urdu, Chinese, and Latin letters Helvetica lacks are
shaped by HarfBuzz (Pillow's raqm layout) in the Noto fonts into images at the printer's
resolution. Embedding and subsetting Noto fonts (as the organiser's sheet does) takes a quarter
to half a second a badge; a badge must take less than a sixth of one. The QR's modules are a
whole number of printer dots, so a 203 dpi thermal head prints every module the same width.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont
from qrcode import QRCode
from qrcode.constants import ERROR_CORRECT_M

from kiosk.config.fonts import find_font
from kiosk.core.errors import KioskError
from kiosk.core.event import Attendee, EventRules
from kiosk.organiser.badge_pdf import category_words, validity
from kiosk.printing.media import Media

EVENT_BAND = (20, 33, 61)
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
GREY = (60, 60, 60)


@dataclass(frozen=True)
class RenderedBadge:
    pdf: bytes
    media: Media
    dpi: int
    pages: int = 1
    qr_mm: float = 0.0            # the QR's printed side, quiet zone included
    dots_per_module: int = 0

    def save(self, path: Path) -> None:
        Path(path).write_bytes(self.pdf)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def script_of(text: str) -> str:
    """Which font draws this text: "urdu" (Arabic script), "chinese" (CJK), or "latin"."""
    for ch in text:
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
            return "urdu"
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            return "chinese"
    return "latin"


@lru_cache(maxsize=64)
def _pil_font(role: str, px: int) -> ImageFont.FreeTypeFont | None:
    font = find_font(role)
    if font is None:
        return None
    return ImageFont.truetype(str(font.path), px, index=font.index,
                              layout_engine=ImageFont.Layout.RAQM)


# Typographic punctuation Helvetica has in PDF readers but fpdf2's Latin-1 core fonts do not.
_CORE_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'})


def _core_text(text: str) -> str | None:
    """The text as the PDF core fonts (Latin-1 in fpdf2) can set it, or None."""
    text = text.translate(_CORE_PUNCTUATION)
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return text


@lru_cache(maxsize=512)
def _shaped(text: str, role: str, width: int, height: int, ink, paper) -> Image.Image | None:
    """One line shaped and drawn to fit width × height dots (kept: the category words and the
    event's name repeat on every badge)."""
    # Nastaliq needs about twice its size in line height; CJK a little more than its size.
    px = max(8, int(height * (0.55 if role == "urdu" else 0.85)))
    direction, language = {"urdu": ("rtl", "ur"), "chinese": ("ltr", "zh")}.get(
        role, ("ltr", None))
    while True:
        font = _pil_font(role, px)
        if font is None:
            if role.startswith("latin"):
                raise KioskError("no Noto Sans or DejaVu Sans font found for the badges; "
                                 "install fonts-noto-core")
            return None
        left, top, right, bottom = font.getbbox(text, direction=direction, language=language)
        if right - left <= width or px <= 8:
            break
        px = max(8, int(px * width / (right - left)))
    grey = ink in (BLACK, GREY) and paper == WHITE  # a third of the pixels to compress
    mode, ink, paper = ("L", ink[0], paper[0]) if grey else ("RGB", ink, paper)
    image = Image.new(mode, (max(1, right - left), max(1, bottom - top)), paper)
    ImageDraw.Draw(image).text((-left, -top), text, font=font, fill=ink, direction=direction,
                               language=language)
    return image


class _Badge(FPDF):
    def __init__(self, media: Media, dpi: int):
        super().__init__(orientation="P", unit="mm", format=(media.width_mm, media.height_mm))
        self.dpi = dpi
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.add_page()

    # -- Latin text (real PDF text) ----------------------------------------------------------
    def latin(self, x, y, w, h, text, size, *, bold=False, colour=BLACK, align="C",
              min_size=5.0, paper=WHITE) -> None:
        core = _core_text(text)
        if core is None:
            self.script(x, y, w, h, text, "latin-bold" if bold else "latin", ink=colour,
                        paper=paper, align=align)
            return
        text = core
        style = "B" if bold else ""
        self.set_text_color(*colour)
        while size > min_size:
            self.set_font("helvetica", style, size)
            if self.get_string_width(text) <= w:
                break
            size -= 0.5
        self.set_font("helvetica", style, size)
        self.set_xy(x, y)
        self.cell(w, h, text, align=align)

    # -- Urdu and Chinese (shaped into images at the printer's resolution) --------------------
    def script(self, x, y, w, h, text, role, *, ink=BLACK, paper=WHITE, align="C") -> float:
        """Draw one shaped line within (x, y, w, h) mm; returns the width used (0: no font)."""
        dots_per_mm = self.dpi / 25.4
        image = _shaped(text, role, int(w * dots_per_mm), int(h * dots_per_mm), ink, paper)
        if image is None:
            return 0.0
        iw, ih = image.width / dots_per_mm, image.height / dots_per_mm
        if iw > w:  # the smallest size still too wide: squeeze rather than overflow
            iw = w
        ix = x + (w - iw) / 2 if align == "C" else (x if align == "L" else x + w - iw)
        self.image(image, x=ix, y=y + (h - ih) / 2, w=iw, h=ih)
        return iw

    def text_line(self, x, y, w, h, text, size, *, bold=False, colour=BLACK, paper=WHITE,
                  align="C") -> None:
        """A line in whichever script the text is written in."""
        role = script_of(text)
        if role == "latin":
            self.latin(x, y, w, h, text, size, bold=bold, colour=colour, align=align, paper=paper)
        else:
            self.script(x, y, w, h, text, role, ink=colour, paper=paper, align=align)

    # -- the QR, on whole printer dots ---------------------------------------------------------
    def qr(self, x, y, side_mm, token) -> tuple[float, int]:
        # The organiser's QR (kiosk/organiser/badges.py qr_code): level M, 4-module quiet zone.
        code = QRCode(error_correction=ERROR_CORRECT_M, box_size=1, border=4)
        code.add_data(token)
        code.make(fit=True)
        modules = code.modules_count + 2 * code.border
        dots = max(1, int(side_mm / 25.4 * self.dpi) // modules)
        dark = numpy.array(code.get_matrix(), dtype=bool)  # quiet zone included
        image = Image.fromarray(numpy.where(dark, 0, 255).astype(numpy.uint8), "L").resize(
            (modules * dots, modules * dots), Image.Resampling.NEAREST).convert("1")
        side = image.width / self.dpi * 25.4
        self.image(image, x=x + (side_mm - side) / 2, y=y + (side_mm - side) / 2, w=side, h=side)
        return side, dots


def render_badge(event: EventRules, attendee: Attendee, token: str, media: Media,
                 dpi: int = 300) -> RenderedBadge:
    """The badge as a PDF of the stock's size; ``token`` is what the QR holds."""
    if not 100 <= dpi <= 1200:
        raise KioskError(f"printer resolution {dpi} dpi is out of range (100-1200)")
    pdf = _Badge(media, dpi)
    pdf.set_title(f"{attendee.name} ({attendee.id})")
    pdf.set_subject(event.name)
    pdf.set_creator("ITCN Asia kiosk")
    if media.landscape:
        qr_mm, dots = _landscape(pdf, event, attendee, token, media)
    else:
        qr_mm, dots = _portrait(pdf, event, attendee, token, media)
    return RenderedBadge(pdf=bytes(pdf.output()), media=media, dpi=dpi, qr_mm=qr_mm,
                         dots_per_module=dots)


def _names(attendee: Attendee) -> list[tuple[str, str]]:
    """(text, role) lines under the main name: the Urdu and Chinese names, when given."""
    lines = []
    if attendee.name_ur and attendee.name_ur != attendee.name:
        lines.append((attendee.name_ur, "urdu"))
    if attendee.name_zh and attendee.name_zh != attendee.name:
        lines.append((attendee.name_zh, "chinese"))
    return lines


def _category_band(pdf: _Badge, event: EventRules, attendee: Attendee, y: float, band: float,
                   u: float) -> None:
    w = pdf.w
    colour = _rgb(event.category(attendee.category).colour)
    pdf.set_fill_color(*colour)
    pdf.rect(0, y, w, band, style="F")
    en, ur, zh = category_words(attendee.category)
    half = band / 2
    pdf.latin(3 * u, y + 0.5 * u, w / 2 - 3 * u, half, en, 20 * u, bold=True, colour=WHITE,
              paper=colour)
    if zh:
        pdf.script(w / 2, y + 0.5 * u, w / 2 - 3 * u, half - u, zh, "chinese", ink=WHITE,
                   paper=colour)
    if ur:
        pdf.script(3 * u, y + half, w - 6 * u, half - u, ur, "urdu", ink=WHITE, paper=colour)


def _portrait(pdf: _Badge, event, attendee, token, media) -> tuple[float, int]:
    w, h = media.width_mm, media.height_mm
    u = min(w / 105.0, h / 148.0)
    margin = 5 * u
    pdf.set_fill_color(*EVENT_BAND)
    pdf.rect(0, 0, w, 16 * u, style="F")
    pdf.latin(margin, 3 * u, w - 2 * margin, 10 * u, event.name, 16 * u, bold=True, colour=WHITE,
              paper=EVENT_BAND)
    y = 19 * u
    pdf.text_line(margin, y, w - 2 * margin, 11 * u, attendee.name, 24 * u, bold=True)
    y += 12 * u
    for text, role in _names(attendee):
        height = (12 if role == "urdu" else 8) * u
        pdf.script(margin, y, w - 2 * margin, height, text, role)
        y += height + u
    if attendee.company:
        pdf.text_line(margin, y, w - 2 * margin, 6 * u, attendee.company, 12 * u)
        y += 7 * u
    pdf.latin(margin, y, w - 2 * margin, 5 * u, validity(event, attendee), 9 * u, colour=GREY)
    y += 6 * u
    band = 22 * u
    id_line = 6 * u
    room = h - band - id_line - y - u
    side = max(18.0, min(50 * u * 1.1, room, w - 2 * margin))
    top = h - band - id_line - side
    qr_mm, dots = pdf.qr((w - side) / 2, top, side, token)
    pdf.latin(margin, h - band - id_line, w - 2 * margin, id_line, attendee.id, 9 * u)
    _category_band(pdf, event, attendee, h - band, band, u)
    return qr_mm, dots


def _landscape(pdf: _Badge, event, attendee, token, media) -> tuple[float, int]:
    w, h = media.width_mm, media.height_mm
    u = min(w / 101.6, h / 76.2)
    margin = 3.5 * u
    top_band, band = 9 * u, 14 * u
    pdf.set_fill_color(*EVENT_BAND)
    pdf.rect(0, 0, w, top_band, style="F")
    pdf.latin(margin, 1 * u, w - 2 * margin, top_band - 2 * u, event.name, 12 * u, bold=True,
              colour=WHITE, paper=EVENT_BAND)
    middle_top, middle_bottom = top_band + 1.5 * u, h - band - 1 * u
    id_line = 4.5 * u
    side = min(middle_bottom - middle_top - id_line, w * 0.45)
    qr_x = w - margin - side
    qr_mm, dots = pdf.qr(qr_x, middle_top, side, token)
    pdf.latin(qr_x, middle_top + side, side, id_line, attendee.id, 8 * u)
    col = qr_x - 2 * margin
    y = middle_top + 1 * u
    pdf.text_line(margin, y, col, 10 * u, attendee.name, 20 * u, bold=True, align="L")
    y += 11 * u
    for text, role in _names(attendee):
        height = (10 if role == "urdu" else 7) * u
        pdf.script(margin, y, col, height, text, role, align="L")
        y += height + 0.5 * u
    if attendee.company and y + 6 * u <= middle_bottom:
        pdf.text_line(margin, y, col, 6 * u, attendee.company, 11 * u, align="L")
        y += 6.5 * u
    if y + 4 * u <= middle_bottom:
        pdf.latin(margin, y, col, 4 * u, validity(event, attendee), 7.5 * u, colour=GREY,
                  align="L")
    _category_band(pdf, event, attendee, h - band, band, u)
    return qr_mm, dots


def preview_png(pdf: bytes, path: Path, dpi: int = 150) -> Path:
    """The PDF's first page as a PNG (rendered by PDFium), for staff and tests."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path
