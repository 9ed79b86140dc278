"""The folders that ship with the kiosk: the venue maps and the assets (sounds).

In the checkout they are the top-level `maps/` and `assets/`; an installed kiosk has them as the
data packages `kiosk.shipped.maps` and `kiosk.shipped.assets` (see setup.py), found here with
importlib.resources wherever the package is installed. Pure standard library: any layer may ask.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

FOLDERS = ("maps", "assets")


def shipped_folder(name: str) -> Path:
    """The shipped `maps` or `assets` folder as a real path on disk."""
    if name not in FOLDERS:
        raise ValueError(f"no shipped folder {name!r}")
    installed = resources.files(__name__) / name
    if installed.is_dir():
        # A wheel installs into a plain folder; a zipped install would need as_file() per file,
        # which the kiosk does not support (its maps are read with ordinary paths).
        return Path(str(installed))
    # Running from a checkout (editable install or PYTHONPATH): the folders beside kiosk/.
    return Path(__file__).resolve().parents[2] / name


def maps_folder() -> Path:
    return shipped_folder("maps")


def assets_folder() -> Path:
    return shipped_folder("assets")
