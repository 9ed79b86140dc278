"""Finding the Noto fonts on this machine (for the printable badges and `kiosk doctor`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0  # face number inside a .ttc collection


# family -> (file names to look for, face index in a collection, Debian package)
WANTED = {
    "latin": (("NotoSans-Regular.ttf", "DejaVuSans.ttf"), 0, "fonts-noto-core"),
    "latin-bold": (("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf"), 0, "fonts-noto-core"),
    "urdu": (("NotoNastaliqUrdu-Regular.ttf",), 0, "fonts-noto-core"),
    "urdu-bold": (("NotoNastaliqUrdu-Bold.ttf", "NotoNastaliqUrdu-Regular.ttf"), 0, "fonts-noto-core"),
    # Noto Sans CJK collections hold JP, KR, SC, TC, HK faces in that order: 2 is Simplified Chinese.
    "chinese": (("NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.ttf", "NotoSansCJK-Regular.ttc"), 2,
                "fonts-noto-cjk"),
    "chinese-bold": (("NotoSansCJKsc-Bold.otf", "NotoSansSC-Bold.ttf", "NotoSansCJK-Bold.ttc",
                      "NotoSansCJK-Regular.ttc"), 2, "fonts-noto-cjk"),
    # Signs Noto Sans lacks beside Urdu words (the wheelchair of "Low reach", arrows, ticks).
    "symbols": (("DejaVuSans.ttf",), 0, "fonts-dejavu-core"),
}


def font_dirs() -> list[Path]:
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            Path.home() / ".local/share/fonts", Path.home() / ".fonts"]
    if sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library/Fonts"]
    if os.name == "nt":
        dirs += [Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
                 Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft/Windows/Fonts"]
    extra = os.environ.get("KIOSK_FONT_DIR")
    if extra:
        dirs.insert(0, Path(extra))
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def _index() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for base in font_dirs():
        for root, _dirs, files in os.walk(base):
            for name in files:
                found.setdefault(name, Path(root) / name)
    return found


def find_font(role: str) -> FontFile | None:
    names, index, _package = WANTED[role]
    files = _index()
    for name in names:
        if name in files:
            return FontFile(files[name], index if name.endswith(".ttc") else 0)
    if shutil.which("fc-match") and role.startswith(("urdu", "chinese")):
        family = "Noto Nastaliq Urdu" if role.startswith("urdu") else "Noto Sans CJK SC"
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}|%{index}", family],
                                 capture_output=True, text=True, timeout=5).stdout
            path, _, face = out.partition("|")
            if family.split()[-1].lower() in path.lower().replace("-", " ") and Path(path).exists():
                return FontFile(Path(path), int(face or 0))
        except (OSError, subprocess.SubprocessError, ValueError):
            pass
    return None
