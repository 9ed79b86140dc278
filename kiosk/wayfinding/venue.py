"""A venue folder in IMDF (OGC 20-094) plus `nav.geojson`, loaded into places in local metres.

    maps/<venue>/manifest.json       IMDF manifest
    maps/<venue>/<type>.geojson      venue, building, footprint, level, unit, opening, section,
                                     amenity, anchor, kiosk, address (occupant optional)
    maps/<venue>/nav.geojson         walking network: Point nodes tied to features, LineString
                                     edges typed walk | door | ramp | stairs | escalator | elevator

Coordinates are WGS84 in the files and local metres here (x east, y north of the venue's
display point): routing distances and drawing both want metres.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.errors import KioskError

LANGS = ("en", "ur", "zh")
IMDF_LANG = {"en": "en", "ur": "ur", "zh": "zh-Hans"}
FEATURE_FILES = ("address", "venue", "building", "footprint", "level", "unit", "opening",
                 "section", "amenity", "anchor", "kiosk", "occupant")
EDGE_KINDS = ("walk", "door", "ramp", "stairs", "escalator", "elevator")
NOT_STEP_FREE = ("stairs", "escalator")
# Units nobody is sent to: they need no node on the walking network.
NON_PUBLIC_UNITS = {"nonpublic", "structure", "shaft", "opentobelow", "void", "column",
                    "elevator", "escalator", "stairs", "ramp", "unenclosedarea"}

METRES_PER_DEG_LAT = 110_574.0
METRES_PER_DEG_LON_EQUATOR = 111_320.0


def maps_root(override: str | os.PathLike | None = None) -> Path:
    """Where venue folders live: an explicit folder, $KIOSK_MAPS, or the maps shipped with the
    kiosk (the checkout's maps/, or the installed package's data)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("KIOSK_MAPS")
    if env:
        return Path(env).expanduser()
    from kiosk.shipped import maps_folder

    return maps_folder()


def venue_dir(venue: str, maps: str | os.PathLike | None = None) -> Path:
    """The folder of a venue by name (lahore, karachi) or a path to a venue folder."""
    candidate = Path(venue)
    if candidate.is_dir() and (candidate / "manifest.json").exists():
        return candidate
    folder = maps_root(maps) / venue
    if not (folder / "manifest.json").exists():
        raise KioskError(f"no map for venue {venue!r} in {maps_root(maps)} "
                         "(set KIOSK_MAPS or --maps to the folder holding maps/<venue>/)")
    return folder


class Projection:
    """WGS84 to local metres around an origin (equirectangular: exact enough across a site)."""

    def __init__(self, lon0: float, lat0: float):
        self.lon0, self.lat0 = lon0, lat0
        self.kx = METRES_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat0))

    def to_local(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.lon0) * self.kx, (lat - self.lat0) * METRES_PER_DEG_LAT)

    def ring(self, coords) -> list[tuple[float, float]]:
        return [self.to_local(c[0], c[1]) for c in coords]


def label_text(names: dict | None, lang: str) -> str:
    """The name in a kiosk language (en, ur, zh), falling back to English, then anything."""
    if not names:
        return ""
    key = IMDF_LANG.get(lang, lang)
    return names.get(key) or names.get(lang) or names.get("en") or next(iter(names.values()), "")


@dataclass
class Place:
    """Anything a visitor can be sent to (or stand at): a unit, booth, amenity, opening, kiosk."""

    id: str
    feature_type: str
    category: str
    names: dict
    point: tuple[float, float]
    kind: str  # hall, seminar, booth, washroom, prayer, food, firstaid, information, ...
    groups: tuple[str, ...] = ()
    code: str = ""  # booth number such as H2-B14
    hall_id: str | None = None  # the hall a booth or place lies in
    polygon: list[tuple[float, float]] | None = None
    line: list[tuple[float, float]] | None = None
    nodes: list[str] = field(default_factory=list)
    short_names: dict | None = None  # e.g. "Door A" for "Hall 2 Door A"
    step_free: bool = True
    facing: float | None = None  # kiosks: the way a person reading the screen faces (deg)

    def name(self, lang: str = "en") -> str:
        return label_text(self.names, lang)

    def short(self, lang: str = "en") -> str:
        return label_text(self.short_names, lang) or self.name(lang)


@dataclass
class NavNode:
    id: str
    x: float
    y: float
    features: list[str]
    facing: float | None = None
    step_free: bool = True


@dataclass
class NavEdge:
    id: str
    a: str
    b: str
    kind: str
    length: float
    opening_id: str | None = None


@dataclass
class Venue:
    key: str
    path: Path
    names: dict
    projection: Projection
    features: dict[str, dict] = field(default_factory=dict)  # id -> raw GeoJSON feature
    by_type: dict[str, list[dict]] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    nodes: dict[str, NavNode] = field(default_factory=dict)
    edges: list[NavEdge] = field(default_factory=list)
    footprint: list[list[tuple[float, float]]] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)

    def name(self, lang: str = "en") -> str:
        return label_text(self.names, lang)

    # -- looking things up --------------------------------------------------------------
    @property
    def kiosks(self) -> list[Place]:
        return [p for p in self.places.values() if p.kind == "kiosk"]

    @property
    def halls(self) -> list[Place]:
        return sorted((p for p in self.places.values() if p.kind == "hall"),
                      key=lambda p: _natural(p.name("en")))

    @property
    def booths(self) -> list[Place]:
        return [p for p in self.places.values() if p.kind == "booth"]

    def booth(self, code: str) -> Place | None:
        return self._booths_by_code().get(normalise_booth(code))

    def _booths_by_code(self) -> dict[str, Place]:
        cache = self.__dict__.get("_booth_cache")
        if cache is None:
            cache = {normalise_booth(p.code): p for p in self.booths}
            self.__dict__["_booth_cache"] = cache
        return cache

    def group(self, name: str) -> list[Place]:
        return [p for p in self.places.values() if name in p.groups]

    def kiosk_place(self, anchor: str = "") -> Place:
        """The kiosk feature for "you are here": by id or name; the main-gate kiosk if empty."""
        kiosks = self.kiosks
        if not kiosks:
            raise KioskError(f"the map of {self.name()} has no kiosk feature")
        if not anchor:
            return kiosks[0]
        if anchor in self.places and self.places[anchor].kind == "kiosk":
            return self.places[anchor]
        wanted = anchor.strip().lower()
        for kiosk in kiosks:
            names = {v.lower() for v in (kiosk.names or {}).values()}
            names |= {v.lower() for v in (kiosk.short_names or {}).values()}
            if wanted in names:
                return kiosk
        raise KioskError(f"no kiosk {anchor!r} on the map of {self.name()} (known: "
                         + ", ".join(k.short("en") for k in kiosks) + ")")

    def hall_of(self, place: Place) -> Place | None:
        return self.places.get(place.hall_id) if place.hall_id else None

    def unit_at(self, x: float, y: float) -> Place | None:
        """The smallest unit containing a point (rooms inside halls win over the hall)."""
        from shapely import Point

        index = self._unit_index()
        hits = [self.places[uid] for uid, poly in index if poly.covers(Point(x, y))]
        if not hits:
            return None
        return min(hits, key=lambda p: _area(p.polygon))

    def _unit_index(self):
        cache = self.__dict__.get("_unit_cache")
        if cache is None:
            from shapely import Polygon, prepare

            cache = []
            for place in self.places.values():
                if place.feature_type == "unit" and place.polygon:
                    poly = Polygon(place.polygon)
                    prepare(poly)
                    cache.append((place.id, poly))
            self.__dict__["_unit_cache"] = cache
        return cache

    def bounds(self) -> tuple[float, float, float, float]:
        xs, ys = [], []
        for ring in self.footprint or [p.polygon for p in self.places.values() if p.polygon]:
            xs += [x for x, _ in ring]
            ys += [y for _, y in ring]
        for p in self.places.values():
            xs.append(p.point[0])
            ys.append(p.point[1])
        return min(xs), min(ys), max(xs), max(ys)


def normalise_booth(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _natural(text: str):
    import re

    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


def _area(ring) -> float:
    if not ring:
        return math.inf
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2


# -- reading the files ---------------------------------------------------------------------
def read_geojson(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KioskError(f"{path} is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KioskError(f"{path} is not readable GeoJSON: {exc}") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" \
            or not isinstance(data.get("features"), list):
        raise KioskError(f"{path} is not a GeoJSON FeatureCollection")
    return data


def read_features(folder: Path) -> dict[str, list[dict]]:
    by_type: dict[str, list[dict]] = {}
    for ftype in FEATURE_FILES:
        path = folder / f"{ftype}.geojson"
        if not path.exists():
            if ftype in ("venue", "level", "unit", "kiosk"):
                raise KioskError(f"{folder} is not a venue folder: {path.name} is missing")
            by_type[ftype] = []
            continue
        by_type[ftype] = [f for f in read_geojson(path)["features"] if isinstance(f, dict)]
    return by_type


def _point(geometry) -> tuple[float, float] | None:
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        return tuple(geometry["coordinates"][:2])
    return None


def _centroid(ring) -> tuple[float, float]:
    pts = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def classify(feature_type: str, category: str) -> tuple[str, tuple[str, ...]]:
    """A place's kind and the one-tap groups it belongs to, from its IMDF type and category."""
    c = category or ""
    if feature_type == "unit":
        if c.startswith("restroom"):
            sex = ("washroom_men",) if ".male" in c else ("washroom_women",) if ".female" in c \
                else ()
            wheel = ("washroom_wheelchair",) if "wheelchair" in c else ()
            return "washroom", ("washroom",) + sex + wheel
        if c in ("auditorium", "conferenceroom", "classroom", "meetingroom"):
            return "seminar", ("seminar",)
        if c == "room" or c == "exhibit":
            return "room", ()
        if c == "foodservice":
            return "food", ("food",)
        if c == "firstaid":
            return "firstaid", ("firstaid",)
        if c in ("walkway", "lobby", "unspecified"):
            return "walkway", ()
        return "room", ()
    if feature_type == "section":
        return ("booth", ()) if c == "exhibit" else ("area", ())
    if feature_type == "amenity":
        if c.startswith("prayerroom"):
            sex = ("prayer_men",) if c.endswith(".male") else \
                ("prayer_women",) if c.endswith(".female") else ()
            return "prayer", ("prayer",) + sex
        if c.startswith("restroom"):
            return "washroom", ("washroom",)
        mapping = {"foodservice": "food", "firstaid": "firstaid", "information": "information",
                   "atm": "atm", "parking": "parking", "ticketing": "registration",
                   "checkin": "registration"}
        kind = mapping.get(c.split(".")[0], "amenity")
        return kind, (kind,) if kind != "amenity" else ()
    if feature_type == "opening":
        return "door", ()
    if feature_type == "kiosk":
        return "kiosk", ()
    return feature_type, ()


def load_venue(venue: str | os.PathLike, maps: str | os.PathLike | None = None) -> Venue:
    """Load a venue folder (by venue name under the maps root, or a folder path)."""
    from shapely import LineString, Point, Polygon, prepare

    folder = venue_dir(str(venue), maps)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise KioskError(f"{folder / 'manifest.json'} is not readable: {exc}") from None
    by_type = read_features(folder)
    venues = by_type.get("venue") or []
    if not venues:
        raise KioskError(f"{folder}/venue.geojson holds no venue feature")
    vprops = venues[0].get("properties") or {}
    origin = _point(vprops.get("display_point"))
    if origin is None:
        raise KioskError(f"{folder}/venue.geojson: the venue has no display_point")
    proj = Projection(*origin)
    v = Venue(key=folder.name, path=folder, names=vprops.get("name") or {"en": folder.name},
              projection=proj, by_type=by_type, manifest=manifest)
    for ftype, items in by_type.items():
        for f in items:
            if "id" in f:
                v.features[f["id"]] = f
    for f in by_type.get("footprint", []):
        geom = f.get("geometry") or {}
        if geom.get("type") == "Polygon":
            v.footprint.append(proj.ring(geom["coordinates"][0]))
        elif geom.get("type") == "MultiPolygon":
            v.footprint += [proj.ring(poly[0]) for poly in geom["coordinates"]]

    def display(props, fallback):
        p = _point(props.get("display_point"))
        return proj.to_local(*p) if p else fallback

    for ftype in ("unit", "section", "amenity", "opening", "kiosk"):
        for f in by_type.get(ftype, []):
            props = f.get("properties") or {}
            geom = f.get("geometry") or {}
            category = props.get("category") or ""
            kind, groups = classify(ftype, category)
            polygon = line = None
            if geom.get("type") == "Polygon":
                polygon = proj.ring(geom["coordinates"][0])
                point = display(props, _centroid(polygon))
            elif geom.get("type") == "MultiPolygon":
                polygon = proj.ring(geom["coordinates"][0][0])
                point = display(props, _centroid(polygon))
            elif geom.get("type") == "LineString":
                line = proj.ring(geom["coordinates"])
                point = display(props, _centroid(line))
            elif geom.get("type") == "Point":
                point = proj.to_local(*geom["coordinates"][:2])
            else:
                continue
            code = ""
            if ftype == "section" and kind == "booth":
                code = label_text(props.get("alt_name"), "en") or label_text(props.get("name"), "en")
            names = props.get("name") or ({"en": code} if code else {})
            v.places[f["id"]] = Place(
                id=f["id"], feature_type=ftype, category=category, names=names, point=point,
                kind=kind, groups=groups, code=code, polygon=polygon, line=line,
                short_names=props.get("alt_name") if ftype in ("opening", "kiosk") else None)
    # Exhibition halls: rooms that hold booths. Everything else finds its hall by position.
    booth_points = [p for p in v.places.values() if p.kind == "booth"]
    rooms = [(p, Polygon(p.polygon)) for p in v.places.values()
             if p.feature_type == "unit" and p.polygon and p.kind == "room"]
    for place, poly in rooms:
        prepare(poly)
        if any(poly.covers(Point(b.point)) for b in booth_points):
            place.kind = "hall"
            place.groups = ("hall",)
    halls = [(p, Polygon(p.polygon)) for p in v.places.values() if p.kind == "hall"]
    for place in v.places.values():
        if place.kind == "hall":
            continue
        for hall, poly in halls:
            if poly.covers(Point(place.point)):
                place.hall_id = hall.id
                break
    # Exits: openings in the building's outline that people use (not emergency-only doors).
    outline = [LineString(ring) for ring in v.footprint]
    for place in v.places.values():
        if place.feature_type != "opening":
            continue
        on_outline = any(line.distance(Point(place.point)) < 1.0 for line in outline)
        if on_outline and place.category in ("pedestrian", "pedestrian.principal",
                                             "pedestrian.transit"):
            place.kind = "exit"
            place.groups = ("exit",)
        elif on_outline and place.category == "emergencyexit":
            place.kind = "emergency_exit"
    _load_nav(v, folder / "nav.geojson")
    return v


def _load_nav(v: Venue, path: Path) -> None:
    data = read_geojson(path)
    proj = v.projection
    edges_raw = []
    for f in data["features"]:
        geom = f.get("geometry") or {}
        props = f.get("properties") or {}
        if geom.get("type") == "Point":
            node_id = str(props.get("node") or f.get("id"))
            x, y = proj.to_local(*geom["coordinates"][:2])
            facing = props.get("bearing")
            v.nodes[node_id] = NavNode(node_id, x, y, list(props.get("features") or []),
                                       float(facing) if facing is not None else None,
                                       bool(props.get("step_free", True)))
        elif geom.get("type") == "LineString":
            edges_raw.append((f, props, geom))
    for f, props, geom in edges_raw:
        a, b = str(props.get("from")), str(props.get("to"))
        coords = proj.ring(geom["coordinates"])
        length = sum(math.dist(p, q) for p, q in zip(coords, coords[1:]))
        v.edges.append(NavEdge(str(f.get("id") or f"{a}-{b}"), a, b,
                               str(props.get("kind") or "walk"), length,
                               props.get("opening_id")))
    for node in v.nodes.values():
        for fid in node.features:
            place = v.places.get(fid)
            if place is None:
                continue
            place.nodes.append(node.id)
            if node.facing is not None and place.kind == "kiosk":
                place.facing = node.facing
            if not node.step_free:
                place.step_free = False
