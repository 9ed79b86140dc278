"""What the map screen uses of kiosk.wayfinding (the screens reach it only through here)."""

from kiosk.config.words import in_every_language, table_in_every_language
from kiosk.wayfinding.destination import likely_destination
from kiosk.wayfinding.takeaway import take_away_text
from kiosk.wayfinding.routing import NoRoute, Route
from kiosk.wayfinding.search import GROUPS, KIND_LABELS, SearchResult
from kiosk.wayfinding.service import Wayfinder, exhibitor_titles

__all__ = ["GROUPS", "KIND_LABELS", "NoRoute", "Route", "SearchResult", "Wayfinder",
           "exhibitor_titles", "in_every_language", "likely_destination",
           "table_in_every_language", "take_away_text"]
