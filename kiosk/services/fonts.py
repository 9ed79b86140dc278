"""Font files for the screens' own text shaping (found by kiosk.config.fonts)."""

from kiosk.config.fonts import find_font

__all__ = ["find_font"]
