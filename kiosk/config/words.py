"""The translators' files (kiosk/ui/i18n/*.ts, Qt's format) read without Qt into the catalogue
of words of kiosk.core.words: for the command line, the badges, the printing words, the
wayfinding layer (directions, search labels, sectors) and the web."""

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


LANGUAGES = ("en", "ur", "zh")


def in_every_language(context: str, source: str) -> dict[str, str]:
    """``source`` (English, marked for extraction under ``context``) in every language the
    kiosk speaks: for words that are needed in all of them at once (a search index matches what
    is typed in any language; a button is sized for its longest label)."""
    return {lang: catalogue(lang).translate(context, source) for lang in LANGUAGES}


def table_in_every_language(context: str, table: dict[str, str]) -> dict[str, dict[str, str]]:
    """A table of English sources (key -> text) as language -> key -> text."""
    return {lang: {key: catalogue(lang).translate(context, text) for key, text in table.items()}
            for lang in LANGUAGES}
