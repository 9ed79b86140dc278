"""The walking network derived from an IMDF archive's geometry, when it brings none.

As c3nav does from its map: every walkable unit is an area one may cross in a straight line
where the line stays inside it. Its nodes are its doors (a node on each side of every opening
that touches it), the midpoints of boundaries it shares with open areas, its inner corners
(so that routes round the corner of an L-shaped corridor instead of crossing a wall), its
destination point (the display point when it lies inside, else a point surely inside) and the
places inside it (booths, amenities, kiosks). Two nodes of one unit are joined when the line
between them stays inside the unit.

Floors are joined by IMDF `relationship` features (traversal, elevator, stairs, escalator, ramp;
"directed" ones one way only). An archive without relationships between floors gets its
vertical connections from stairs, escalator and elevator units that overlap on adjacent levels.

Units nobody walks through (non-public, structure, walls, shafts, open-to-below, storage,
restricted ones) are left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import LineString, Point, Polygon, STRtree
from shapely.geometry.polygon import orient
from shapely.ops import nearest_points

# Units that are not floor a visitor walks on.
NOT_WALKABLE = {"nonpublic", "structure", "shaft", "opentobelow", "void", "column", "brick",
                "concrete", "drywall", "glass", "wood", "vegetation", "road", "storage",
                "serverroom", "mailroom", "elevatorshaft"}
# Open areas: joined to each other (and to connectors) wherever they share a boundary.
OPEN_AREAS = {"walkway", "walkway.island", "lobby", "unenclosedarea", "platform", "footbridge",
              "terrace", "waitingroom", "parking", "movingwalkway", "fieldofplay", "unspecified",
              "recreation", "smokingarea"}
# Units that carry people between floors (and the kind of network edge they make).
CONNECTORS = {"stairs": "stairs", "steps": "stairs", "escalator": "escalator",
              "elevator": "elevator", "ramp": "ramp"}
RELATIONSHIP_KINDS = {"traversal": "walk", "elevator": "elevator", "stairs": "stairs",
                      "escalator": "escalator", "ramp": "ramp"}
# What changing one floor costs beyond the walk, in metres of walking (time, not distance).
VERTICAL_COST = {"stairs": 12.0, "escalator": 10.0, "elevator": 25.0, "ramp": 15.0,
                 "walk": 5.0}
DOOR_TOUCH = 0.6  # metres: an opening within this of a unit's boundary opens into it
SHARED_EDGE = 0.8  # metres of common boundary for two open areas to be walkable into each other
INSET = 0.35  # metres: door and corner nodes sit this far inside their unit
SNAP = 6.0  # metres: a place outside every walkable unit joins the nearest one this close
MAX_CORNERS = 80
NEAREST = 10  # visible neighbours each hub is joined to


@dataclass
class Unit:
    id: str
    level: int
    category: str
    poly: Polygon
    inner: Polygon  # slightly grown, for "does this line stay inside" tests
    hubs: list[str] = field(default_factory=list)  # nodes joined pairwise by visibility
    leaves: list[str] = field(default_factory=list)  # nodes joined only to hubs (places)
    centre: str | None = None
    has_opening: bool = False

    @property
    def kind(self) -> str:
        return CONNECTORS.get(self.category, "walk")


@dataclass
class Derived:
    nodes: dict = field(default_factory=dict)  # id -> (x, y, level)
    edges: list = field(default_factory=list)  # (a, b, kind, length, opening_id, directed, cost)
    place_nodes: dict = field(default_factory=dict)  # feature id -> [node ids]
    notes: list = field(default_factory=list)  # what could not be joined, for `maps check`


def walkable(props: dict) -> bool:
    category = (props.get("category") or "unspecified").lower()
    if category in NOT_WALKABLE:
        return False
    restriction = props.get("restriction")
    return restriction not in ("employeesonly", "restricted")


def derive(venue) -> Derived:
    """Nodes and edges for a loaded venue (places already projected to local metres)."""
    out = Derived()
    proj = venue.projection
    level_of = {lid: lvl.ordinal for lid, lvl in venue.levels.items()}
    units: dict[str, Unit] = {}
    for f in venue.by_type.get("unit", []):
        props = f.get("properties") or {}
        geom = _polygon(f.get("geometry"), proj)
        if geom is None or not walkable(props):
            continue
        level = level_of.get(props.get("level_id"), 0)
        units[f["id"]] = Unit(f["id"], level, (props.get("category") or "unspecified").lower(),
                              geom, geom.buffer(0.05, join_style="mitre"))
    counter = iter(range(10**9))

    def node(x, y, level, prefix="d") -> str:
        nid = f"{prefix}{next(counter)}"
        out.nodes[nid] = (float(x), float(y), level)
        return nid

    def edge(a, b, kind="walk", opening=None, directed=False, cost=None):
        (xa, ya, _), (xb, yb, _) = out.nodes[a], out.nodes[b]
        out.edges.append((a, b, kind, math.hypot(xb - xa, yb - ya), opening, directed, cost))

    by_level: dict[int, list[Unit]] = {}
    for unit in units.values():
        by_level.setdefault(unit.level, []).append(unit)
    trees = {lvl: (STRtree([u.poly for u in us]), us) for lvl, us in by_level.items()}

    def units_near(geom, level, distance):
        tree, us = trees.get(level, (None, []))
        if tree is None:
            return []
        return [us[i] for i in tree.query(geom, predicate="dwithin", distance=distance)]

    # Doors: a node inside each unit an opening touches, joined across the opening.
    for f in venue.by_type.get("opening", []):
        props = f.get("properties") or {}
        line = _line(f.get("geometry"), proj)
        if line is None:
            continue
        level = level_of.get(props.get("level_id"), 0)
        mid = line.interpolate(0.5, normalized=True)
        touching = [u for u in units_near(mid, level, DOOR_TOUCH)
                    if u.poly.exterior.distance(mid) <= DOOR_TOUCH
                    or any(r.distance(mid) <= DOOR_TOUCH for r in u.poly.interiors)]
        sides = []
        for unit in touching:
            x, y = _inside_near(unit, mid, line)
            nid = node(x, y, level)
            unit.hubs.append(nid)
            unit.has_opening = True
            sides.append(nid)
        out.place_nodes.setdefault(f["id"], []).extend(sides)
        kind = "stairs" if any(u.category == "steps" for u in touching) else "door"
        for i, a in enumerate(sides):
            for b in sides[i + 1:]:
                edge(a, b, kind, f["id"])
        if not sides:
            out.notes.append(f"opening {f['id']} touches no walkable unit")

    # Open areas (and units without any door) join neighbours along shared boundaries.
    for level, (tree, us) in trees.items():
        left, right = tree.query([u.poly for u in us], predicate="dwithin", distance=0.3)
        for i, j in zip(left.tolist(), right.tolist()):
            if i >= j:
                continue
            a, b = us[i], us[j]
            if not _joins(a, b):
                continue
            shared = a.poly.boundary.intersection(b.poly.buffer(0.3, join_style="mitre"))
            if shared.is_empty or shared.length < SHARED_EDGE:
                continue
            if shared.geom_type.startswith("Multi") or shared.geom_type == "GeometryCollection":
                parts = [g for g in getattr(shared, "geoms", []) if g.length > 0]
                if not parts:
                    continue
                shared = max(parts, key=lambda g: g.length)
            mid = shared.interpolate(0.5, normalized=True)
            na = node(*_inside_near(a, mid, shared), level)
            nb = node(*_inside_near(b, mid, shared), level)
            a.hubs.append(na)
            b.hubs.append(nb)
            edge(na, nb, "stairs" if "steps" in (a.category, b.category) else "walk")

    # Destination points and inner corners.
    for unit in units.values():
        target = _target_point(unit, venue.places.get(unit.id))
        unit.centre = node(target.x, target.y, unit.level)
        unit.hubs.append(unit.centre)
        if unit.category not in CONNECTORS:
            out.place_nodes.setdefault(unit.id, []).append(unit.centre)
        for x, y in _inner_corners(unit.poly):
            unit.hubs.append(node(x, y, unit.level))

    # Places inside units: booths (sections), amenities, kiosks.
    for place in venue.places.values():
        if place.feature_type not in ("section", "amenity", "kiosk"):
            continue
        pt = Point(place.point)
        level = place.level
        candidates = [u for u in units_near(pt, level, SNAP) if u.category not in CONNECTORS]
        inside = [u for u in candidates if u.inner.covers(pt)]
        if inside:
            unit = min(inside, key=lambda u: u.poly.area)
            x, y = pt.x, pt.y
        elif candidates:
            unit = min(candidates, key=lambda u: u.poly.distance(pt))
            x, y = _inside_near(unit, pt, None)
        else:
            out.notes.append(f"{place.feature_type} {place.id} lies in no walkable unit")
            continue
        nid = node(x, y, level)
        unit.leaves.append(nid)
        out.place_nodes.setdefault(place.id, []).append(nid)

    # Inside each unit: hubs pairwise where the line stays inside, leaves to their visible hubs.
    for unit in units.values():
        _join_inside(unit, out, edge)

    # Floors.
    relationships = venue.by_type.get("relationship", [])
    vertical = [r for r in relationships
                if ((r.get("properties") or {}).get("category") or "") in RELATIONSHIP_KINDS]
    before = len(out.edges)
    if vertical:
        _relationships(vertical, units, out, venue, node, edge)
    joins_floors = any(out.nodes[a][2] != out.nodes[b][2] for a, b, *_ in out.edges[before:])
    if not joins_floors:  # no relationship between floors: read them off the stairs and lifts
        _infer_vertical(units, out, edge)
    return out


def _joins(a: Unit, b: Unit) -> bool:
    if a.level != b.level:
        return False
    open_a = a.category in OPEN_AREAS or a.category in CONNECTORS or not a.has_opening
    open_b = b.category in OPEN_AREAS or b.category in CONNECTORS or not b.has_opening
    if a.category in OPEN_AREAS or a.category in CONNECTORS:
        return open_b or b.category in OPEN_AREAS
    if b.category in OPEN_AREAS or b.category in CONNECTORS:
        return open_a
    # Two rooms join only if neither has a door (a suite of rooms drawn without openings).
    return not a.has_opening and not b.has_opening


def _polygon(geometry, proj) -> Polygon | None:
    if not isinstance(geometry, dict):
        return None
    try:
        if geometry.get("type") == "Polygon":
            rings = geometry["coordinates"]
            poly = Polygon(proj.ring(rings[0]), [proj.ring(r) for r in rings[1:]])
        elif geometry.get("type") == "MultiPolygon":
            polys = [Polygon(proj.ring(p[0]), [proj.ring(r) for r in p[1:]])
                     for p in geometry["coordinates"]]
            poly = max(polys, key=lambda p: p.area)
        else:
            return None
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
        if poly.geom_type != "Polygon":
            parts = [g for g in getattr(poly, "geoms", []) if g.geom_type == "Polygon"]
            if not parts:
                return None
            poly = max(parts, key=lambda p: p.area)
    return poly if poly.area > 0.01 else None


def _line(geometry, proj) -> LineString | None:
    if not isinstance(geometry, dict):
        return None
    try:
        if geometry.get("type") == "LineString":
            return LineString(proj.ring(geometry["coordinates"]))
        if geometry.get("type") == "MultiLineString":
            return LineString(proj.ring(geometry["coordinates"][0]))
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return None


def _inside_near(unit: Unit, mid: Point, line) -> tuple[float, float]:
    """A point INSET inside the unit next to a door or shared boundary (or the nearest point)."""
    if line is not None and line.length > 0.01:
        coords = list(line.coords)
        (x0, y0), (x1, y1) = coords[0][:2], coords[-1][:2]
        dx, dy = x1 - x0, y1 - y0
        norm = math.hypot(dx, dy) or 1.0
        nx_, ny_ = -dy / norm, dx / norm
        for sign in (1, -1):
            p = Point(mid.x + sign * nx_ * INSET, mid.y + sign * ny_ * INSET)
            if unit.poly.covers(p):
                return p.x, p.y
    near = nearest_points(unit.poly, mid)[0] if not unit.poly.covers(mid) else mid
    inside = unit.poly.representative_point()
    dx, dy = inside.x - near.x, inside.y - near.y
    d = math.hypot(dx, dy)
    if d < 1e-6:
        return near.x, near.y
    step = min(INSET, d)
    return near.x + dx / d * step, near.y + dy / d * step


def _target_point(unit: Unit, place) -> Point:
    if place is not None:
        p = Point(place.point)
        if unit.poly.covers(p):
            return p
    centroid = unit.poly.centroid
    if unit.poly.covers(centroid):
        return centroid
    return unit.poly.representative_point()


def _inner_corners(poly: Polygon) -> list[tuple[float, float]]:
    """Reflex corners of the outline, moved INSET into the unit (where a route bends)."""
    hull = poly.convex_hull
    if hull.area <= 0 or poly.area / hull.area > 0.995:
        return []
    ring = orient(poly, 1.0).exterior.simplify(0.2)  # counter-clockwise outline
    coords = list(ring.coords)[:-1]
    n = len(coords)
    corners = []
    for i in range(n):
        (px, py), (vx, vy), (qx, qy) = coords[i - 1][:2], coords[i][:2], coords[(i + 1) % n][:2]
        cross = (vx - px) * (qy - vy) - (vy - py) * (qx - vx)
        if cross >= 0:  # counter-clockwise outline: a left turn is a convex corner
            continue
        a = math.hypot(px - vx, py - vy) or 1.0
        b = math.hypot(qx - vx, qy - vy) or 1.0
        bx, by = (px - vx) / a + (qx - vx) / b, (py - vy) / a + (qy - vy) / b
        d = math.hypot(bx, by)
        if d < 1e-6:
            continue
        for sign in (-1, 1):  # at a reflex corner the inside lies opposite the bisector
            p = Point(vx + sign * bx / d * INSET * 1.5, vy + sign * by / d * INSET * 1.5)
            if poly.covers(p):
                corners.append((p.x, p.y))
                break
        if len(corners) >= MAX_CORNERS:
            break
    return corners


def _join_inside(unit: Unit, out: Derived, edge) -> None:
    nodes = out.nodes
    hubs = list(dict.fromkeys(unit.hubs))
    if not hubs:
        return
    prepared = unit.inner
    shapely.prepare(prepared)
    # Crossing a staircase or an escalator's footprint is taking it; a lift car is flat.
    inside_kind = unit.kind if unit.kind in ("stairs", "escalator", "ramp") else "walk"
    hub_xy = np.array([nodes[h][:2] for h in hubs])
    if len(hubs) > 1:
        i, j = np.triu_indices(len(hubs), k=1)
        segs = shapely.linestrings(np.stack([hub_xy[i], hub_xy[j]], axis=1))
        ok = shapely.covers(prepared, segs)
        linked = np.zeros(len(hubs), dtype=bool)
        # Each hub keeps its NEAREST visible neighbours: a long concourse with a hundred doors
        # is a chain along them, not a hundred-squared web (routes stay as short, Dijkstra fast).
        vi, vj = i[ok], j[ok]
        length = np.hypot(*(hub_xy[vi] - hub_xy[vj]).T)
        keep = np.zeros(len(vi), dtype=bool)
        for side in (vi, vj):
            order = np.lexsort((length, side))
            ranked = side[order]
            starts = np.searchsorted(ranked, ranked, side="left")
            rank = np.arange(len(ranked)) - starts
            keep[order[rank < NEAREST]] = True
        for a, b in zip(vi[keep].tolist(), vj[keep].tolist()):
            edge(hubs[a], hubs[b], inside_kind)
            linked[a] = linked[b] = True
        # A hub that sees no other (a crooked outline) still joins its nearest neighbour.
        for a in np.flatnonzero(~linked).tolist():
            d = np.hypot(*(hub_xy - hub_xy[a]).T)
            d[a] = np.inf
            edge(hubs[a], hubs[int(np.argmin(d))], inside_kind)
    if unit.leaves:
        leaf_xy = np.array([nodes[n][:2] for n in unit.leaves])
        li, hi = np.meshgrid(np.arange(len(leaf_xy)), np.arange(len(hubs)), indexing="ij")
        li, hi = li.ravel(), hi.ravel()
        segs = shapely.linestrings(np.stack([leaf_xy[li], hub_xy[hi]], axis=1))
        ok = shapely.covers(prepared, segs).reshape(len(leaf_xy), len(hubs))
        for n, leaf in enumerate(unit.leaves):
            seen = np.flatnonzero(ok[n])
            if not len(seen):
                d = np.hypot(*(hub_xy - leaf_xy[n]).T)
                seen = [int(np.argmin(d))]
            for h in seen:
                edge(leaf, hubs[int(h)], inside_kind)


def _infer_vertical(units: dict[str, Unit], out: Derived, edge) -> None:
    """Stairs, escalators and lifts that overlap on adjacent levels are one connection."""
    ordinals = sorted({u.level for u in units.values()})
    nxt = dict(zip(ordinals, ordinals[1:]))
    connectors: dict[int, list[Unit]] = {}
    for unit in units.values():
        if unit.category in ("stairs", "escalator", "elevator"):
            connectors.setdefault(unit.level, []).append(unit)
    for level, lower in connectors.items():
        upper = connectors.get(nxt.get(level), [])
        for a in lower:
            for b in upper:
                if not a.poly.intersects(b.poly):
                    continue
                overlap = a.poly.intersection(b.poly).area
                if overlap < 0.2 * min(a.poly.area, b.poly.area):
                    continue
                if (a.category == "elevator") != (b.category == "elevator"):
                    continue
                kind = "elevator" if a.category == "elevator" else \
                    "escalator" if "escalator" in (a.category, b.category) else "stairs"
                edge(a.centre, b.centre, kind, cost=VERTICAL_COST[kind] * (b.level - a.level))


def _relationships(features, units, out: Derived, venue, node, edge) -> None:
    """IMDF relationships: origin -> intermediaries -> destination, one way if directed."""

    def anchor(ref, toward):
        fid = ref.get("id") if isinstance(ref, dict) else ref
        if not fid:
            return None
        if fid in units:
            return units[fid].centre
        nodes = out.place_nodes.get(fid) or []
        if not nodes:
            return None
        if toward is None or len(nodes) == 1:
            return nodes[0]
        tx, ty = toward
        return min(nodes, key=lambda n: math.hypot(out.nodes[n][0] - tx, out.nodes[n][1] - ty))

    for f in features:
        props = f.get("properties") or {}
        kind = RELATIONSHIP_KINDS[props.get("category")]
        refs = [props.get("origin")] + list(props.get("intermediary") or []) + \
            [props.get("destination")]
        chain = []
        for ref in refs:
            previous = out.nodes[chain[-1]][:2] if chain else None
            n = anchor(ref, previous)
            if n is not None and (not chain or chain[-1] != n):
                chain.append(n)
        if len(chain) < 2:
            out.notes.append(f"relationship {f.get('id')} joins nothing on the walking network")
            continue
        directed = props.get("direction") == "directed"
        for a, b in zip(chain, chain[1:]):
            la, lb = out.nodes[a][2], out.nodes[b][2]
            cost = VERTICAL_COST.get(kind, 5.0) * abs(lb - la) if la != lb else None
            edge(a, b, kind if la != lb or kind != "walk" else "walk", directed=directed,
                 cost=cost)
