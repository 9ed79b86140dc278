"""ITCN Asia kiosk: offline-first self check-in and wayfinding."""

__version__ = "0.1.0"
