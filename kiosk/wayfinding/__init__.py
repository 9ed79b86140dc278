"""Wayfinding without Qt: venue maps (IMDF), the walking graph, routes, search, directions text.

`Wayfinder.open("lahore", exhibitors_dir=...)` gives the venue, its exhibitors, a search index
and a router; the map screen in kiosk/ui/wayfinding and `kiosk route` both build on it.
"""

from kiosk.wayfinding.destination import likely_destination
from kiosk.wayfinding.service import Wayfinder

__all__ = ["Wayfinder", "likely_destination"]
