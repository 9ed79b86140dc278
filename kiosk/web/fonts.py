"""The fonts the pages use, served by the app itself (no font is fetched from anywhere else).

Noto Sans (Latin), Noto Nastaliq Urdu and Noto Sans CJK SC are found on this machine
(kiosk.config.fonts) and cut down with fontTools to the characters the pages can show: every
fixed word in the three languages, the event's hall and gate names, digits and ASCII. Shaping
features (Nastaliq's joining and positioning) are kept. Made once, on first request, in memory.
"""

from __future__ import annotations

import io
import string
import threading

from kiosk.config.fonts import find_font

FACES = {"latin.ttf": "latin", "urdu.ttf": "urdu", "chinese.otf": "chinese"}
_cache: dict[str, bytes | None] = {}
_lock = threading.Lock()


def subset_font(role: str, text: str) -> bytes | None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    found = find_font(role)
    if found is None:
        return None
    font = TTFont(str(found.path), fontNumber=found.index, lazy=False)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_bytes(name: str, extra_text: str = "") -> bytes | None:
    """The subset font file ``name`` (one of FACES), or None when the machine lacks it."""
    if name not in FACES:
        return None
    with _lock:
        if name not in _cache:
            from kiosk.web.text import all_text

            text = all_text() + extra_text + string.printable + "…–—·%•←→"
            _cache[name] = subset_font(FACES[name], text)
        return _cache[name]
