"""Qt translations: `*_<lang>.qm` files in this folder, compiled from the `.ts` sources.

The .qm files are committed (compiled with `pyside6-lrelease kiosk/ui/i18n/*.ts`); a unit test
checks they match their sources. `install_translators(app, "ur")` loads every file for a language
and removes the ones installed before, so switching language at run time is one call.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

FOLDER = Path(__file__).resolve().parent
_installed: list[QTranslator] = []

# Fonts per language, most wanted first; Qt falls back along the list for missing glyphs.
FONT_FAMILIES = {
    "en": ["Noto Sans", "DejaVu Sans", "Noto Nastaliq Urdu", "Noto Sans CJK SC"],
    "ur": ["Noto Nastaliq Urdu", "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC"],
    "zh": ["Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", "Noto Nastaliq Urdu"],
}


def install_translators(app: QCoreApplication, language: str) -> list[Path]:
    """Load every `*_<language>.qm` here (none for English); returns the files loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    if language == "en":
        return loaded
    for qm in sorted(FOLDER.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(qm)
    return loaded


# Where Qt itself must draw Urdu (map labels among dozens of others, the typing field), Noto Naskh
# Arabic: Qt's own text engine draws Nastaliq's cascading joins wrongly, and screen texts in
# Nastaliq go through kiosk.ui.shaping instead.
QT_DRAWN_URDU = ["Noto Naskh Arabic", "Noto Nastaliq Urdu", "Noto Sans", "DejaVu Sans",
                 "Noto Sans CJK SC"]


def qt_drawn_families(language: str) -> list[str]:
    """Families for text that Qt lays out itself (map labels, line edits)."""
    return QT_DRAWN_URDU if language == "ur" else font_families(language)


def font_families(language: str) -> list[str]:
    return FONT_FAMILIES.get(language, FONT_FAMILIES["en"])
