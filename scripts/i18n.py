#!/usr/bin/env python3
"""Keep the kiosk's Qt translations in step with the code.

    python scripts/i18n.py update    # re-extract strings into kiosk/ui/i18n/{kiosk,wayfinding,report,web}_{ur,zh}.ts
    python scripts/i18n.py release   # compile every kiosk/ui/i18n/*.ts into .qm

Translators edit the .ts files (Qt Linguist, or any editor); both the .ts and the compiled .qm
are committed, and a test checks that the .qm files match their sources.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "kiosk" / "ui" / "i18n"
LANGUAGES = {"ur": "ur_PK", "zh": "zh_CN"}


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6")
    return found


def app_sources() -> list[str]:
    """The screens, and the Qt-free catalogue of words (kiosk/core/words.py, and the printing
    words of kiosk/services/printing.py) they share with the command line, the badges and the
    web."""
    files = sorted(p for p in (ROOT / "kiosk" / "ui").rglob("*.py")
                   if "wayfinding" not in p.relative_to(ROOT / "kiosk" / "ui").parts)
    files.append(ROOT / "kiosk" / "core" / "words.py")
    files.append(ROOT / "kiosk" / "services" / "printing.py")  # the printing words (Qt-free)
    return [str(p.relative_to(ROOT)) for p in files]


def wayfinding_sources() -> list[str]:
    """The map screen's files and the Qt-free wayfinding layer's words (directions, search
    labels, sectors): their strings go to wayfinding_{ur,zh}.ts."""
    files = sorted((ROOT / "kiosk" / "ui" / "wayfinding").rglob("*.py"))
    files += sorted((ROOT / "kiosk" / "wayfinding").rglob("*.py"))
    return [str(p.relative_to(ROOT)) for p in files]


def report_sources() -> list[str]:
    """The organiser's report page (kiosk report): its strings go to report_{ur,zh}.ts."""
    return ["kiosk/sync/report.py"]


def web_sources() -> list[str]:
    """The web dashboard's words (kiosk web): its strings go to web_{ur,zh}.ts."""
    return ["kiosk/web/text.py"]


def families() -> list[tuple[list[str], str]]:
    """(source files, name): each family's strings go to kiosk/ui/i18n/{name}_{ur,zh}.ts."""
    return [(app_sources(), "kiosk"), (wayfinding_sources(), "wayfinding"),
            (report_sources(), "report"), (web_sources(), "web")]


def update() -> None:
    for lang, locale in LANGUAGES.items():
        for sources, name in families():
            subprocess.run([tool("lupdate"), "-extensions", "py", "-no-obsolete", "-locations",
                            "none", "-target-language", locale, *sources, "-ts",
                            str((I18N / f"{name}_{lang}.ts").relative_to(ROOT))],
                           check=True, cwd=ROOT)


def release(out_dir: Path = I18N) -> list[Path]:
    written = []
    for ts in sorted(I18N.glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
        written.append(qm)
    return written


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action == "update":
        update()
    elif action == "release":
        for path in release():
            print(path.relative_to(ROOT))
    else:
        raise SystemExit(__doc__)
