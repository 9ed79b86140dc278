"""What `kiosk screenshots` needs below the screens: a demo kiosk's folder, event and desk, and
the badge QR drawn as the organiser draws it (kiosk/ui/screenshots.py reaches them through here)."""

from kiosk.organiser.eventdir import EventFolder
from kiosk.organiser.kioskdir import KioskFolder, build_desk
from kiosk.organiser.qr import qr_code

__all__ = ["EventFolder", "KioskFolder", "build_desk", "qr_code"]
