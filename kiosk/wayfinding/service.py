"""One venue ready for visitors: map, exhibitors, search index and router together."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.errors import KioskError
from kiosk.wayfinding.exhibitors import Exhibitor, load_exhibitors
from kiosk.wayfinding.routing import Route, Router
from kiosk.wayfinding.search import SearchIndex, SearchResult
from kiosk.wayfinding.venue import Place, Venue, load_venue


@dataclass
class Wayfinder:
    venue: Venue
    exhibitors: list[Exhibitor]
    index: SearchIndex
    router: Router

    @classmethod
    def open(cls, venue: str | os.PathLike, *, exhibitors_dir: Path | None = None,
             maps: str | os.PathLike | None = None) -> "Wayfinder":
        v = load_venue(venue, maps)
        exhibitors = load_exhibitors(exhibitors_dir, v)
        return cls(v, exhibitors, SearchIndex(v, exhibitors), Router(v))

    def here(self, anchor: str = "") -> Place:
        """The kiosk's own spot ("you are here"): kiosk.toml's anchor, or the main-gate kiosk."""
        return self.venue.kiosk_place(anchor)

    def find(self, query: str, origin: Place | None = None) -> SearchResult:
        """The best match for what a visitor typed, or a clear error.

        A feature id (a unit, booth, amenity, opening or kiosk) or an IMDF category
        ("restroom.wheelchair": the nearest of them; "restroom": any washroom) is taken as it is;
        anything else goes through the visitor's search.
        """
        exact = self.exact(query)
        if exact is not None:
            return exact
        distance = self.distance_from(origin) if origin is not None else None
        results = self.index.search(query, limit=40, distance=distance)
        if not results:
            raise KioskError(f"nothing at {self.venue.name()} matches {query!r}")
        # A sector ("software") is a list, not a place: go to its best-matching exhibitor.
        return next((r for r in results if r.kind != "sector"), results[0])

    def exact(self, query: str) -> SearchResult | None:
        """A feature id or an IMDF category, without fuzzy search (None when it is neither)."""
        from kiosk.wayfinding.search import KIND_LABELS

        text = query.strip()
        place = self.venue.places.get(text)
        if place is not None:
            names = {k: place.name(k) or place.category or place.id for k in ("en", "ur", "zh")}
            return SearchResult("place", [place], names, KIND_LABELS["place"], key=place.id)
        category = text.lower()
        if not category or " " in category:
            return None
        members = [p for p in self.venue.places.values()
                   if p.feature_type in ("unit", "amenity", "section")
                   and category_matches(p.category, category) and p.nodes]
        if not members:
            return None
        return SearchResult("nearest", members, {k: category for k in ("en", "ur", "zh")},
                            KIND_LABELS["nearest"], key=f"category:{category}")

    def distance_from(self, origin: Place, accessible: bool = False):
        """Walking metres from origin to the nearest of some places (for ranking ties)."""
        import networkx as nx

        graph = self.router.graph.graph(accessible)
        try:
            dist = nx.single_source_dijkstra_path_length(graph, origin.nodes[0])
        except (IndexError, nx.NodeNotFound):
            dist = {}

        def distance(places: list[Place]) -> float:
            return min((dist.get(n, float("inf")) for p in places for n in p.nodes),
                       default=float("inf"))

        return distance

    def route_to(self, result: SearchResult, origin: Place, *, accessible: bool = False) -> Route:
        """A route to a search result: the nearest of a group, a booth, a hall, an exhibitor."""
        if result.group:
            route = self.router.nearest(origin, result.group, accessible=accessible)
        else:
            route = self.router.route(origin, list(result.targets), accessible=accessible)
        if result.exhibitor is not None:
            route.titles = exhibitor_titles(self.venue, result.exhibitor)
        return route


def category_matches(category: str, query: str) -> bool:
    """IMDF categories by their dotted parts: "restroom.wheelchair" matches
    "restroom.female.wheelchair" and "restroom.wheelchair"; "restroom" matches every washroom."""
    have, want = category.lower().split("."), query.lower().split(".")
    if not have or have[0] != want[0]:
        return False
    rest = iter(have[1:])
    return all(part in rest for part in want[1:])


def exhibitor_titles(venue: Venue, exhibitor: Exhibitor) -> dict:
    hall = venue.hall_of(exhibitor.booth)
    titles = {}
    for lang in ("en", "ur", "zh"):
        where = exhibitor.booth.code + (f", {hall.name(lang)}" if hall else "")
        if lang == "zh":
            where = exhibitor.booth.code + (f"，{hall.name(lang)}" if hall else "")
            titles[lang] = f"{exhibitor.name(lang)}（{where}）"
        elif lang == "ur":
            where = exhibitor.booth.code + (f"، {hall.name(lang)}" if hall else "")
            titles[lang] = f"{exhibitor.name(lang)} ({where})"
        else:
            titles[lang] = f"{exhibitor.name(lang)} ({where})"
    return titles
