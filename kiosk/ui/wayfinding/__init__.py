"""The map screen behind "Find your way" (Qt); routing and search live in kiosk/wayfinding."""

from kiosk.ui.wayfinding.screen import WayfindingScreen, qr_image

__all__ = ["WayfindingScreen", "qr_image"]
