"""What the staff pages are given: the kiosk's database thread, a thread for slow jobs, the
audit log, and the services the entry point chose (badge rendering, export, printers, drives).
Tests hand in the same kinds of parts; nothing here is a module global."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kiosk.services.staff import StaffService


def removable_drives() -> list[tuple[str, Path]]:
    """Mounted USB sticks and other removable drives: (name, folder), writable ones only."""
    import psutil

    found = []
    try:
        partitions = psutil.disk_partitions(all=False)
    except OSError:
        return found
    for part in partitions:
        mount = Path(part.mountpoint)
        removable = ("removable" in part.opts or
                     any(str(mount).startswith(p) for p in ("/media/", "/run/media/", "/mnt/")))
        if removable and os.access(mount, os.W_OK):
            found.append((mount.name or str(mount), mount))
    return found


@dataclass
class StaffServices:
    """Parts chosen by the entry point (``kiosk run``) for the staff tools."""

    kiosk_dir: Path | None = None
    decoder: str = "zxing"
    hub_url: str = ""
    # (event rules, attendee, token, pdf path) -> writes a printable badge; None: no reprints
    render_badge: Callable | None = None
    # (folder) -> the export summary of this kiosk's bundle written there; None: no export
    export_bundle: Callable[[Path], dict] | None = None
    drives: Callable[[], list[tuple[str, Path]]] = removable_drives
    disk_usage: Callable[[Path], object] = shutil.disk_usage
    decoder_backends: Callable[[], dict[str, str]] | None = None
    printing: object | None = None  # the badge printer (kiosk/ui/printing.py PrintCoordinator)
    # () -> the kiosk's own Ed25519 key, which signs a lost badge reissued here; None: no reissues
    kiosk_key: Callable | None = None



@dataclass
class StaffContext:
    desk: object                               # DeskThread: kiosk.db and the check-in desk
    tasks: object                              # Worker: exports, badges, the hub
    kiosk_id: str
    services: StaffServices = field(default_factory=StaffServices)
    staff: StaffService | None = None          # what staff do, run on the database thread
    audit: Callable[[str, str, str], None] = lambda action, subject="", detail="": None
    changed: Callable[[], None] = lambda: None  # kiosk.db changed: wake live sync
    camera_state: Callable[[], tuple[str, float | None]] = lambda: ("none", None)
    sync_status: Callable[[], object] = lambda: None

    def __post_init__(self):
        if self.staff is None:
            self.staff = StaffService(self.kiosk_id, kiosk_dir=self.services.kiosk_dir,
                                      disk_usage=self.services.disk_usage,
                                      kiosk_key=lambda: (self.services.kiosk_key()
                                                         if self.services.kiosk_key else None))
