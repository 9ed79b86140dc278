"""Physical sizes on screen: touch targets and text are specified in millimetres (DESIGN.md §6).

`mm_to_px` uses the screen's physical DPI. Platforms that report nonsense (offscreen, some
projectors and VNC sessions report 0, 72 or thousands) get a fallback of 96 DPI, which is what a
typical 24" Full HD kiosk panel has (about 92 DPI).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

FALLBACK_DPI = 96.0
PLAUSIBLE_DPI = (60.0, 400.0)
MM_PER_INCH = 25.4
TOUCH_TARGET_MM = 20.0
BODY_CAP_HEIGHT_MM = 4.8
CAP_HEIGHT_RATIO = 0.70  # cap height / pixel size, about right for Noto Sans and DejaVu Sans


def screen_dpi(screen_or_widget: QScreen | QWidget | None = None) -> float:
    screen = screen_or_widget
    if isinstance(screen_or_widget, QWidget):
        screen = screen_or_widget.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    dpi = float(screen.physicalDotsPerInch()) if screen is not None else 0.0
    if not PLAUSIBLE_DPI[0] <= dpi <= PLAUSIBLE_DPI[1]:
        return FALLBACK_DPI
    if screen is not None and QGuiApplication.platformName() in ("offscreen", "minimal"):
        return FALLBACK_DPI  # these report a made-up size
    return dpi


def mm_to_px(mm: float, screen_or_widget: QScreen | QWidget | None = None) -> int:
    """Millimetres to device-independent pixels on this screen, rounded up."""
    # physicalDotsPerInch is per device-independent pixel, the unit Qt lays out in.
    return int(-(-(mm / MM_PER_INCH * screen_dpi(screen_or_widget)) // 1))


def text_px(cap_height_mm: float = BODY_CAP_HEIGHT_MM,
            screen_or_widget: QScreen | QWidget | None = None) -> int:
    """A font pixel size whose capital letters are at least cap_height_mm tall."""
    return int(-(-mm_to_px(cap_height_mm, screen_or_widget) // CAP_HEIGHT_RATIO))


def cap_height_mm(font: QFont, screen_or_widget: QScreen | QWidget | None = None) -> float:
    """The measured cap height of a font on this screen, in millimetres."""
    from PySide6.QtGui import QFontMetricsF

    px = QFontMetricsF(font).capHeight()
    return px / screen_dpi(screen_or_widget) * MM_PER_INCH
