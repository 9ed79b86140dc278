"""Qt translations: `*_<lang>.qm` files in this folder, compiled from the `.ts` sources.

The .qm files are committed (compiled with `pyside6-lrelease kiosk/ui/i18n/*.ts`); a unit test
checks they match their sources. `install_translators(app, "ur")` loads every file for a language
and removes the ones installed before, so switching language at run time is one call.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

FOLDER = Path(__file__).resolve().parent
_installed: list[QTranslator] = []

# Fonts per language, most wanted first; Qt falls back along the list for missing glyphs.
# Urdu: Qt 6.11's text engine places Noto Nastaliq Urdu's cursive joins wrongly (initial noon
# and meem come out as other letters; HarfBuzz through Pillow/raqm draws the same text right),
# so the screens use Noto Naskh Arabic, which Qt draws correctly, until Qt does.
# KIOSK_URDU_FONT="Noto Nastaliq Urdu" puts Nastaliq back first.
URDU_FACE = os.environ.get("KIOSK_URDU_FONT", "Noto Naskh Arabic")
FONT_FAMILIES = {
    "en": ["Noto Sans", "DejaVu Sans", URDU_FACE, "Noto Sans CJK SC"],
    "ur": [URDU_FACE, "Noto Nastaliq Urdu", "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC"],
    "zh": ["Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", URDU_FACE],
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


def font_families(language: str) -> list[str]:
    return FONT_FAMILIES.get(language, FONT_FAMILIES["en"])
