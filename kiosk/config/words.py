"""The translators' files (kiosk/ui/i18n/*.ts, Qt's format) read without Qt into the catalogue
of words of kiosk.core.words: for the command line, the badges and the printed badge."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from kiosk.core.words import ENGLISH, Catalogue

# Data, not code: kiosk/ui/i18n holds them for Qt's tools as well.
CATALOGUE_DIR = Path(__file__).resolve().parents[1] / "ui" / "i18n"


def load_catalogue(language: str, folder: Path = CATALOGUE_DIR) -> Catalogue:
    entries: dict[tuple[str, str], str] = {}
    for path in sorted(Path(folder).glob(f"*_{language}.ts")):
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source")
                node = message.find("translation")
                if source is None or node is None or node.get("type") in ("unfinished", "obsolete"):
                    continue
                forms = node.findall("numerusform")
                text = forms[0].text if forms else node.text
                if text:
                    entries[(name, source)] = text
    return Catalogue(language, entries)


@lru_cache(maxsize=8)
def catalogue(language: str) -> Catalogue:
    """The catalogue of ``language`` (English: the source strings themselves)."""
    return ENGLISH if language == "en" else load_catalogue(language)
