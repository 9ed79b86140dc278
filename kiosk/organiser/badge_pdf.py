"""A printable PDF: four A6 badges on each A4 sheet, with cut marks.

Each badge: the event name, the holder's name (and Urdu and Chinese names, shaped with HarfBuzz
in Noto Nastaliq Urdu and Noto Sans CJK), company, the QR code, the registration number and a
colour band naming the category in words (colour is never the only signal).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fpdf import FPDF

from kiosk.core.errors import KioskError
from kiosk.core.event import EventRules
from kiosk.config.words import catalogue
from kiosk.core.words import category_word
from kiosk.config.fonts import find_font
from kiosk.organiser.qr import qr_code

A6_W, A6_H = 105.0, 148.5
BAND = 22.0


def category_words(name: str) -> tuple[str, str, str]:
    """The category in English (upper case), Urdu and Chinese, from the one catalogue of words
    the screens use too."""
    return (category_word(name).upper(), category_word(name, catalogue("ur")),
            category_word(name, catalogue("zh")))


def validity(event: EventRules, attendee) -> str:
    days = attendee.days or event.days
    venues = attendee.venues or event.venues
    if len(days) == 1:
        when = f"{days[0]:%a %d %b %Y}"
    else:
        when = f"{days[0]:%d %b} – {days[-1]:%d %b %Y}"
        if len(days) != (days[-1] - days[0]).days + 1:
            when = ", ".join(f"{d:%d %b}" for d in days)
    return f"Valid {when} · " + ", ".join(v.title() for v in venues)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class BadgeSheet(FPDF):
    def __init__(self):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.fonts_missing: list[str] = []
        self._load_fonts()

    def _load_fonts(self):
        for role, family, style in (("latin", "latin", ""), ("latin-bold", "latin", "B"),
                                    ("urdu", "urdu", ""), ("chinese", "chinese", "")):
            font = find_font(role)
            if font is None:
                if role == "latin":
                    raise KioskError("no Noto Sans or DejaVu Sans font found for the badges; "
                                     "install fonts-noto-core")
                if role == "latin-bold":
                    self.add_font("latin", "B", find_font("latin").path)
                    continue
                self.fonts_missing.append(role)
                continue
            self.add_font(family, style, font.path, collection_font_number=font.index)
        fallbacks = [f for f in ("urdu", "chinese") if f not in self.fonts_missing]
        if fallbacks:
            self.set_fallback_fonts(fallbacks, exact_match=False)
        self.set_text_shaping(True)

    def fitted_text(self, x, y, w, h, text, family, style, size, min_size=8, align="C",
                    colour=(0, 0, 0), direction=None):
        """One line of text shrunk until it fits the width."""
        self.set_text_color(*colour)
        self.set_text_shaping(True, direction=direction)
        while size > min_size:
            self.set_font(family, style, size)
            if self.get_string_width(text) <= w:
                break
            size -= 1
        self.set_font(family, style, size)
        self.set_xy(x, y)
        self.cell(w, h, text, align=align)
        self.set_text_shaping(True)

    def badge(self, x0: float, y0: float, event: EventRules, badge) -> None:
        attendee = badge.attendee
        rule = event.category(attendee.category)
        # Event band
        self.set_fill_color(20, 33, 61)
        self.rect(x0, y0, A6_W, 16, style="F")
        self.fitted_text(x0 + 5, y0 + 3, A6_W - 10, 10, event.name, "latin", "B", 16,
                         colour=(255, 255, 255))
        y = y0 + 20
        self.fitted_text(x0 + 5, y, A6_W - 10, 11, attendee.name, "latin", "B", 24, min_size=10)
        y += 12
        if attendee.name_ur and "urdu" not in self.fonts_missing:
            self.fitted_text(x0 + 5, y, A6_W - 10, 12, attendee.name_ur, "urdu", "", 16,
                             direction="rtl")
            y += 13
        if attendee.name_zh and "chinese" not in self.fonts_missing:
            self.fitted_text(x0 + 5, y, A6_W - 10, 8, attendee.name_zh, "chinese", "", 16)
            y += 9
        if attendee.company:
            self.fitted_text(x0 + 5, y, A6_W - 10, 6, attendee.company, "latin", "", 12)
            y += 7
        self.fitted_text(x0 + 5, y, A6_W - 10, 5, validity(event, attendee), "latin", "", 9,
                         colour=(60, 60, 60))
        # QR code, kept clear of the bottom band
        size = 50.0
        qr_top = y0 + A6_H - BAND - 7 - size
        image = qr_code(badge.token, box_size=8).make_image(fill_color="black", back_color="white")
        self.image(image.get_image(), x=x0 + (A6_W - size) / 2, y=qr_top, w=size, h=size)
        self.fitted_text(x0 + 5, qr_top + size, A6_W - 10, 6, attendee.id, "latin", "", 9)
        # Category band: colour plus the word, in three languages
        self.set_fill_color(*_rgb(rule.colour))
        self.rect(x0, y0 + A6_H - BAND, A6_W, BAND, style="F")
        en, ur, zh = category_words(attendee.category)
        words = en + (f"  ·  {zh}" if zh and "chinese" not in self.fonts_missing else "")
        self.fitted_text(x0 + 4, y0 + A6_H - BAND + 1.5, A6_W - 8, 9, words, "latin", "B", 20,
                         colour=(255, 255, 255))
        if "urdu" not in self.fonts_missing:
            self.fitted_text(x0 + 4, y0 + A6_H - BAND + 10.5, A6_W - 8, 10, ur, "urdu", "", 15,
                             colour=(255, 255, 255), direction="rtl")

    def cut_marks(self):
        self.set_draw_color(170, 170, 170)
        self.set_line_width(0.2)
        self.set_dash_pattern(dash=2, gap=2)
        self.line(A6_W, 0, A6_W, 297)
        self.line(0, A6_H, 210, A6_H)
        self.set_dash_pattern()


def write_pdf(event: EventRules, badges, path: Path) -> None:
    sheet = BadgeSheet()
    if sheet.fonts_missing:
        print(f"kiosk: warning: no font for {', '.join(sheet.fonts_missing)} names; install "
              "fonts-noto-core and fonts-noto-cjk to print them", file=sys.stderr)
    for i, badge in enumerate(badges):
        slot = i % 4
        if slot == 0:
            sheet.add_page()
            sheet.cut_marks()
        sheet.badge((slot % 2) * A6_W, (slot // 2) * A6_H, event, badge)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.output(str(path))
