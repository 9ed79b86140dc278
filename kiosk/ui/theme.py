"""Colours and type for a screen read from a metre away, in three scripts.

Every size is physical (millimetres through the screen's DPI): touch targets of at least 20 mm,
body text whose capitals are at least 4.8 mm tall. Urdu is set in Noto Nastaliq Urdu, whose tall
ascenders and descenders need about twice the line height of Latin text; Chinese in Noto Sans CJK.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QWidget

from kiosk.ui.i18n import font_families
from kiosk.ui.metrics import BODY_CAP_HEIGHT_MM, TOUCH_TARGET_MM, mm_to_px, text_px

INK = "#14213D"          # deep navy: titles on light backgrounds
PAPER = "#F7F7F2"
ACCENT = "#0B6E4F"       # ITCN-ish green for primary actions
MUTED = "#5B6470"

TONES = {  # background, foreground; colour is never the only signal (icon and words too)
    "green": ("#1B7F3B", "#FFFFFF"),
    "amber": ("#B85C00", "#FFFFFF"),
    "red": ("#B00020", "#FFFFFF"),
}
# High contrast: the same three signals at 7:1 or more (WCAG AAA) between ink and background.
HIGH_CONTRAST_TONES = {
    "green": ("#0B5D1E", "#FFFFFF"),  # 8.1:1
    "amber": ("#FFC20E", "#000000"),  # 13.0:1
    "red": ("#8B0000", "#FFFFFF"),  # 10.0:1
}
HIGH_CONTRAST_WARNING = "#FFD500"  # a problem's words on the black page (14:1)


def tones(high_contrast: bool = False) -> dict[str, tuple[str, str]]:
    return HIGH_CONTRAST_TONES if high_contrast else TONES

# Relative sizes: body text is the 4.8 mm cap-height floor; the rest scale from it.
SCALE = {"small": 0.85, "body": 1.0, "large": 1.35, "title": 1.9, "huge": 2.8}
# Nastaliq glyphs are small for their pixel size; set them larger so they read alike.
SCRIPT_BOOST = {"en": 1.0, "ur": 1.2, "zh": 1.0}
# Nastaliq ink reaches past the font's ascent and descent (stacked letters, dots below); labels
# get this much extra room above and below, as a fraction of the pixel size, so nothing clips.
INK_OVERFLOW = {"ur": (0.16, 0.26)}


@dataclass(frozen=True)
class Theme:
    language: str
    body_px: int
    target_px: int
    display_scale: float = 1.0  # < 1 shrinks headings (never body text) to fit a screen
    high_contrast: bool = False  # white and yellow on black, for low vision

    def scaled(self, display_scale: float) -> "Theme":
        return replace(self, display_scale=display_scale)

    def factor(self, role: str) -> float:
        base = SCALE[role]
        return base if base <= 1.0 else max(1.0, base * self.display_scale)

    @classmethod
    def for_widget(cls, widget: QWidget | None, language: str) -> "Theme":
        body = max(text_px(BODY_CAP_HEIGHT_MM, widget), 18)
        return cls(language=language, body_px=body, target_px=mm_to_px(TOUCH_TARGET_MM, widget))

    def px(self, role: str = "body") -> int:
        return max(12, round(self.body_px * self.factor(role) * SCRIPT_BOOST.get(self.language, 1.0)))

    def font(self, role: str = "body", bold: bool = False, language: str | None = None) -> QFont:
        lang = language or self.language
        font = QFont()
        font.setFamilies(available_families(lang))
        boost = SCRIPT_BOOST.get(lang, 1.0)
        font.setPixelSize(max(12, round(self.body_px * self.factor(role) * boost)))
        if bold and lang != "ur":  # Nastaliq has no true bold at every size; keep it regular
            font.setWeight(QFont.Weight.Bold)
        return font

    def fit(self, widget: QWidget, role: str = "body", bold: bool = False,
            language: str | None = None) -> QFont:
        """Set a widget's font for a role; give labels room for the script's tallest ink."""
        from PySide6.QtWidgets import QLabel

        lang = language or self.language
        font = self.font(role, bold, lang)
        widget.setFont(font)
        if isinstance(widget, QLabel):
            top, bottom = INK_OVERFLOW.get(lang, (0.04, 0.06))
            widget.setContentsMargins(0, round(font.pixelSize() * top), 0,
                                      round(font.pixelSize() * bottom))
        return font

    def mm(self, mm: float, widget: QWidget | None = None) -> int:
        return mm_to_px(mm, widget)


def available_families(language: str) -> list[str]:
    """The language's fallback list, with the families this machine has first."""
    wanted = font_families(language)
    present = set(QFontDatabase.families())
    have = [f for f in wanted if f in present]
    return have + [f for f in wanted if f not in present] or ["Sans Serif"]


def stylesheet(theme: Theme) -> str:
    if theme.high_contrast:
        return f"""
    QWidget#KioskWindow {{ background: black; }}
    QLabel {{ color: white; }}
    QPushButton {{
        background: #FFD500; color: black; border: 3px solid white;
        border-radius: {theme.target_px // 6}px;
        padding: {theme.target_px // 8}px {theme.target_px // 3}px;
        min-height: {theme.target_px}px; min-width: {theme.target_px}px;
    }}
    QPushButton:pressed {{ background: white; }}
    QPushButton[secondary="true"] {{ background: black; color: white; border: 3px solid white; }}
    QPushButton[language="true"] {{ background: black; color: white; border: 3px solid white; }}
    QPushButton[language="true"]:checked {{ background: #FFD500; color: black;
                                            border: 5px solid white; }}
    """
    return f"""
    QWidget#KioskWindow {{ background: {PAPER}; }}
    QLabel {{ color: {INK}; }}
    QPushButton {{
        background: {ACCENT}; color: white; border: none; border-radius: {theme.target_px // 6}px;
        padding: {theme.target_px // 8}px {theme.target_px // 3}px;
        min-height: {theme.target_px}px; min-width: {theme.target_px}px;
    }}
    QPushButton:pressed {{ background: #095c42; }}
    QPushButton[secondary="true"] {{ background: white; color: {INK}; border: 2px solid {INK}; }}
    QPushButton[secondary="true"]:pressed {{ background: #e4e7ec; }}
    QPushButton[language="true"] {{ background: white; color: {INK}; border: 2px solid #C7CCD4; }}
    QPushButton[language="true"]:checked {{ border: 4px solid {ACCENT}; }}
    """


def qcolor(hex_colour: str) -> QColor:
    return QColor(hex_colour)
