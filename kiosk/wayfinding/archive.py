"""An IMDF archive as it comes: a folder, or a zipped archive (`.imdf` or `.zip`).

IMDF (OGC 20-094) delivers one GeoJSON file per feature type next to `manifest.json`. Zipped
archives are read in place (never extracted, so member names cannot escape anywhere); the files
may sit at the top of the zip or inside one folder, as zip tools write them.

The kiosk's own data (a hand-drawn walking network, descriptions) lives outside the IMDF
namespace, in the folder `EXTENSION_DIR/` of the archive, declared in the manifest's
`extensions` as `EXTENSION`. Other IMDF tools ignore both.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path, PurePosixPath

from kiosk.core.errors import KioskError

ARCHIVE_SUFFIXES = (".imdf", ".zip")
EXTENSION = "imdf:extension:itcn-kiosk:wayfinding#1.0.0"
EXTENSION_DIR = "x-itcn-kiosk"
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # a venue is megabytes; refuse anything absurd


class Archive:
    """Read-only access to the files of one IMDF archive, by name relative to the archive."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        self._prefix = ""
        if self.path.is_dir():
            return
        if not self.path.exists():
            raise KioskError(f"no IMDF archive at {self.path}")
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise KioskError(f"{self.path} is neither a venue folder nor a zipped IMDF archive "
                             f"({exc})") from None
        manifests = [n for n in self._zip.namelist()
                     if PurePosixPath(n).name == "manifest.json" and not n.startswith("__MACOSX")]
        if not manifests:
            raise KioskError(f"{self.path} holds no manifest.json: not an IMDF archive")
        shallowest = min(manifests, key=lambda n: n.count("/"))
        self._prefix = shallowest[: -len("manifest.json")]

    @property
    def key(self) -> str:
        """A short name for the venue: the folder's name, or the archive's without suffix."""
        return self.path.name if self._zip is None else self.path.stem

    def __str__(self) -> str:
        return str(self.path)

    def exists(self, name: str) -> bool:
        if self._zip is None:
            return (self.path / name).is_file()
        try:
            self._zip.getinfo(self._prefix + name)
        except KeyError:
            return False
        return True

    def read_bytes(self, name: str) -> bytes:
        if self._zip is None:
            try:
                return (self.path / name).read_bytes()
            except FileNotFoundError:
                raise KioskError(f"{name} is missing") from None
            except OSError as exc:
                raise KioskError(f"{name} is not readable: {exc}") from None
        try:
            info = self._zip.getinfo(self._prefix + name)
        except KeyError:
            raise KioskError(f"{name} is missing") from None
        if info.file_size > MAX_MEMBER_BYTES:
            raise KioskError(f"{name} is {info.file_size} bytes: too large for a venue map")
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
            raise KioskError(f"{name} cannot be read from {self.path.name}: {exc}") from None

    def read_json(self, name: str):
        try:
            return json.loads(self.read_bytes(name).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KioskError(f"{name} is not readable JSON: {exc}") from None

    def read_geojson(self, name: str) -> dict:
        data = self.read_json(name)
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection" \
                or not isinstance(data.get("features"), list):
            raise KioskError(f"{name} is not a GeoJSON FeatureCollection")
        return data

    def signature(self) -> tuple:
        """Changes when any file changes: the key of the derived-network cache."""
        if self._zip is None:
            stats = []
            for entry in sorted(self.path.rglob("*")):
                if entry.is_file():
                    st = entry.stat()
                    stats.append((str(entry.relative_to(self.path)), st.st_size, st.st_mtime_ns))
            return (str(self.path.resolve()), tuple(stats))
        st = self.path.stat()
        return (str(self.path.resolve()), st.st_size, st.st_mtime_ns)


def is_archive_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in ARCHIVE_SUFFIXES


def maps_root(override: str | os.PathLike | None = None) -> Path:
    """Where venue folders live: an explicit folder, $KIOSK_MAPS, or the maps shipped with the
    kiosk (the checkout's maps/, or the installed package's data)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("KIOSK_MAPS")
    if env:
        return Path(env).expanduser()
    from kiosk.shipped import maps_folder

    return maps_folder()


def find_archive(venue: str | os.PathLike, maps: str | os.PathLike | None = None) -> Path:
    """A venue by name under the maps folder (a folder, NAME.imdf or NAME.zip) or by path."""
    text = str(venue)
    if not text.strip():
        raise KioskError("say which venue: a name under the maps folder, or a path")
    candidate = Path(text)
    if candidate.is_dir() or is_archive_file(candidate):
        return candidate
    root = maps_root(maps)
    if "/" not in text and os.sep not in text:
        for option in (root / text, root / f"{text}.imdf", root / f"{text}.zip"):
            if option.is_dir() or is_archive_file(option):
                return option
    known = sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "manifest.json").exists()
                   or is_archive_file(p)) if root.is_dir() else []
    raise KioskError(f"no venue map {text!r}: not a folder or IMDF archive, nor a venue in "
                     f"{root} (known: {', '.join(known) or 'none'}; set KIOSK_MAPS or --maps)")
