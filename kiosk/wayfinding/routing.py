"""The walking network as a graph, and routes over it: shortest, step-free, nearest of a group.

Dijkstra comes from networkx. Step-free routing uses a second graph without stairs and
escalators, built once, so no weight function runs per edge at query time. Graphs are directed
(an escalator runs one way); Dijkstra runs from the destinations back over the reversed graph,
so that the nearest of several places costs one search.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx

from kiosk.core.errors import KioskError
from kiosk.wayfinding.venue import NOT_STEP_FREE, NavEdge, Place, Venue

# Walking pace in a busy exhibition centre (slower than the 1.3 m/s of an empty street).
WALK_METRES_PER_MINUTE = 60.0


class NoRoute(KioskError):
    """No way from here to there (or none without steps): a clear answer, not a crash."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason  # "unreachable" or "not_step_free"


@dataclass
class Route:
    venue: Venue
    origin: Place
    destination: Place
    nodes: list[str]
    edges: list[NavEdge]
    metres: float
    accessible: bool
    facing: float | None = None  # which way the visitor faces at the start (kiosks)
    uses: set[str] = field(default_factory=set)  # edge kinds on the way
    titles: dict | None = None  # what the visitor asked for, e.g. an exhibitor at this booth
    effort: float = 0.0  # metres plus what lifts and stairs cost in time

    def title(self, lang: str = "en") -> str:
        """The destination as the visitor knows it: "Karakoram Telecom (H2-B14, Hall 2)"."""
        from kiosk.wayfinding.directions import destination_label
        from kiosk.wayfinding.venue import label_text

        return label_text(self.titles, lang) or destination_label(self.destination, lang,
                                                                  self.venue)

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(max(self.metres, self.effort) / WALK_METRES_PER_MINUTE))

    @property
    def points(self) -> list[tuple[float, float]]:
        return [(x, y) for x, y, _ in self.points3]

    @property
    def points3(self) -> list[tuple[float, float, int]]:
        """(x, y, level ordinal) along the way, ending at the place itself."""
        nodes = self.venue.nodes
        pts = [(nodes[n].x, nodes[n].y, nodes[n].level) for n in self.nodes]
        end = self.destination.point
        # The last metres from the walking network to the place itself (a booth's middle).
        if pts and 0.3 < math.dist(pts[-1][:2], end) < 12:
            pts.append((end[0], end[1], pts[-1][2]))
        return pts

    @property
    def levels(self) -> list[int]:
        """The level ordinals in the order the route visits them."""
        seen: list[int] = []
        for _, _, level in self.points3:
            if not seen or seen[-1] != level:
                seen.append(level)
        return seen

    def legs_by_level(self) -> list[tuple[int, list[tuple[float, float]]]]:
        """The route cut where it changes level: [(ordinal, points on that level), ...]."""
        legs: list[tuple[int, list[tuple[float, float]]]] = []
        for x, y, level in self.points3:
            if not legs or legs[-1][0] != level:
                legs.append((level, []))
            legs[-1][1].append((x, y))
        return legs

    def steps(self, lang: str = "en") -> list[str]:
        from kiosk.wayfinding.directions import route_steps

        return route_steps(self, lang)

    def to_json(self, lang: str = "en") -> dict:
        dest = self.destination
        hall = self.venue.hall_of(dest)
        return {
            "venue": self.venue.key,
            "from": self.origin.name(lang),
            "from_id": self.origin.id,
            "to": self.title(lang),
            "to_id": dest.id,
            "to_kind": dest.kind,
            "booth": dest.code or None,
            "hall": hall.name(lang) if hall else (dest.name(lang) if dest.kind == "hall" else None),
            "accessible": self.accessible,
            "metres": round(self.metres),
            "minutes": self.minutes,
            "uses": sorted(self.uses),
            "levels": self.levels,
            "from_level": self.origin.level,
            "to_level": dest.level,
            "lang": lang,
            "steps": self.steps(lang),
            "path": [[round(x, 1), round(y, 1)] for x, y in self.points],
            "path_levels": [level for _, _, level in self.points3],
        }


class VenueGraph:
    """The venue's walking network, ready for Dijkstra."""

    def __init__(self, venue: Venue):
        self.venue = venue
        self.full = nx.DiGraph()
        for node in venue.nodes.values():
            self.full.add_node(node.id)
        for edge in venue.edges:
            if edge.a not in venue.nodes or edge.b not in venue.nodes:
                continue  # the validator reports these; routing just ignores them
            weight = max(edge.length + (edge.cost or 0.0), 0.01)
            ways = [(edge.a, edge.b)] if edge.directed else [(edge.a, edge.b), (edge.b, edge.a)]
            for a, b in ways:
                current = self.full.get_edge_data(a, b)
                if current is None or current["weight"] > weight:
                    self.full.add_edge(a, b, weight=weight, edge=edge)
        self.step_free = nx.DiGraph()
        self.step_free.add_nodes_from(self.full.nodes)
        self.step_free.add_edges_from(
            (a, b, d) for a, b, d in self.full.edges(data=True)
            if d["edge"].kind not in NOT_STEP_FREE)
        self.full_back = self.full.reverse(copy=True)
        self.step_free_back = self.step_free.reverse(copy=True)

    def graph(self, accessible: bool) -> nx.DiGraph:
        """The forward graph: distances from a place outwards."""
        return self.step_free if accessible else self.full

    def backward(self, accessible: bool) -> nx.DiGraph:
        """The reversed graph: a search from destinations back towards the visitor."""
        return self.step_free_back if accessible else self.full_back

    def edge(self, a: str, b: str, accessible: bool = False) -> NavEdge:
        return self.graph(accessible)[a][b]["edge"]


class Router:
    """Routes from a place (usually this kiosk) to places, or to the nearest of a group."""

    def __init__(self, venue: Venue, graph: VenueGraph | None = None):
        self.venue = venue
        self.graph = graph or VenueGraph(venue)

    def _targets(self, places: list[Place]) -> dict[str, Place]:
        targets: dict[str, Place] = {}
        for place in places:
            for node in place.nodes:
                targets.setdefault(node, place)
        return targets

    def route(self, origin: Place, destination: Place | list[Place], *,
              accessible: bool = False) -> Route:
        """The shortest walk from origin to the destination (or the nearest of several)."""
        places = destination if isinstance(destination, list) else [destination]
        if not origin.nodes:
            raise NoRoute(f"{origin.name()} is not on the walking network of this map",
                          "unreachable")
        targets = self._targets(places)
        if not targets:
            raise NoRoute(f"{places[0].name() if places else 'that place'} is not on the "
                          "walking network of this map", "unreachable")
        graph = self.graph.backward(accessible)
        try:
            if len(origin.nodes) == 1:
                dist, path = nx.multi_source_dijkstra(graph, set(targets), origin.nodes[0])
            else:
                dists, paths = nx.multi_source_dijkstra(graph, set(targets))
                start = min((n for n in origin.nodes if n in dists), key=dists.__getitem__,
                            default=None)
                if start is None:
                    raise nx.NetworkXNoPath()
                dist, path = dists[start], paths[start]
        except nx.NetworkXNoPath:
            raise self._explain(origin, places, accessible) from None
        path = list(reversed(path))  # Dijkstra ran from the targets back to us
        edges = [self.graph.edge(a, b, accessible) for a, b in zip(path, path[1:])]
        metres = sum(e.length for e in edges)
        return Route(self.venue, origin, targets[path[-1]], path, edges, float(metres),
                     accessible, facing=origin.facing, uses={e.kind for e in edges},
                     effort=float(dist))

    def nearest(self, origin: Place, group: str, *, accessible: bool = False) -> Route:
        """The nearest member of a group (washroom, prayer_women, food, exit, ...)."""
        members = self.venue.group(group)
        if accessible and group == "washroom":
            members = self.venue.group("washroom_wheelchair") or members
        if accessible:
            members = [m for m in members if m.step_free] or members
        if not members:
            raise NoRoute(f"the map of {self.venue.name()} has no {group.replace('_', ' ')}",
                          "unreachable")
        return self.route(origin, members, accessible=accessible)

    def _explain(self, origin: Place, places: list[Place], accessible: bool) -> NoRoute:
        name = places[0].name() if len(places) == 1 else "any of them"
        if accessible:
            try:
                self.route(origin, places, accessible=False)
            except NoRoute:
                pass
            else:
                return NoRoute(f"there is no step-free route from {origin.name()} to {name}: "
                               "the way in has steps; ask a steward for help", "not_step_free")
        return NoRoute(f"{name} cannot be reached from {origin.name()} on this map",
                       "unreachable")
