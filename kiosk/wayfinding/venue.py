"""A venue in IMDF (OGC 20-094), loaded into places in local metres, with its walking network.

    <venue>/manifest.json            IMDF manifest (a folder, or the same zipped: .imdf / .zip)
    <venue>/<type>.geojson           venue, building, footprint, level, unit, opening, section,
                                     amenity, anchor, kiosk, address, occupant, relationship
    <venue>/x-itcn-kiosk/nav.geojson optional, the kiosk's own extension: a hand-drawn walking
                                     network (Point nodes tied to features, LineString edges
                                     typed walk | door | ramp | stairs | escalator | elevator)

Without a network file the network is derived from the geometry (kiosk/wayfinding/network.py),
once per archive, and kept for the next load. Places know their level (the IMDF ordinal).

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
                 "section", "amenity", "anchor", "kiosk", "occupant", "relationship", "fixture",
                 "detail", "geofence")
REQUIRED_FILES = ("address", "venue", "building", "footprint", "level", "unit")
EDGE_KINDS = ("walk", "door", "ramp", "stairs", "escalator", "elevator")
NOT_STEP_FREE = ("stairs", "escalator")
# Units nobody is sent to: they need no node on the walking network.
NON_PUBLIC_UNITS = {"nonpublic", "structure", "shaft", "opentobelow", "void", "column",
                    "elevator", "escalator", "stairs", "ramp", "unenclosedarea"}

METRES_PER_DEG_LAT = 110_574.0
METRES_PER_DEG_LON_EQUATOR = 111_320.0


def maps_root(override: str | os.PathLike | None = None) -> Path:
    """Where venue folders live: an explicit folder, $KIOSK_MAPS, or the repository's maps/."""
    from kiosk.wayfinding.archive import maps_root as root

    return root(override)


def venue_dir(venue: str, maps: str | os.PathLike | None = None) -> Path:
    """A venue by name under the maps folder, or a path to a venue folder or IMDF archive."""
    from kiosk.wayfinding.archive import find_archive

    return find_archive(venue, maps)


class Projection:
    """WGS84 to local metres around an origin (equirectangular: exact enough across a site)."""

    def __init__(self, lon0: float, lat0: float):
        self.lon0, self.lat0 = lon0, lat0
        self.kx = METRES_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat0))

    def to_local(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.lon0) * self.kx, (lat - self.lat0) * METRES_PER_DEG_LAT)

    def ring(self, coords) -> list[tuple[float, float]]:
        return [self.to_local(c[0], c[1]) for c in coords]


def label_text(names: dict | None, lang: str, default: str = "en") -> str:
    """The name in a kiosk language (en, ur, zh), then the archive's language, then anything.

    IMDF labels are keyed by language tags: "zh-Hans", "en-US" and "ur-PK" count for zh, en, ur.
    """
    if not names or not isinstance(names, dict):
        return ""
    key = IMDF_LANG.get(lang, lang)
    for wanted in (key, lang, default, "en"):
        if names.get(wanted):
            return names[wanted]
    for wanted in (key, lang, default, "en"):
        base = wanted.split("-")[0].lower()
        for tag, text in names.items():
            if text and str(tag).split("-")[0].lower() == base:
                return text
    return next((t for t in names.values() if t), "")


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
    level_id: str | None = None
    level: int = 0  # the IMDF ordinal of its level

    def name(self, lang: str = "en") -> str:
        return label_text(self.names, lang)

    def short(self, lang: str = "en") -> str:
        return label_text(self.short_names, lang) or self.name(lang)


@dataclass
class Level:
    id: str
    ordinal: int
    names: dict
    short_names: dict | None = None
    polygon: list[tuple[float, float]] | None = None

    def name(self, lang: str = "en") -> str:
        return label_text(self.names, lang) or f"Level {self.ordinal}"

    def short(self, lang: str = "en") -> str:
        return label_text(self.short_names, lang) or str(self.ordinal)


@dataclass
class NavNode:
    id: str
    x: float
    y: float
    features: list[str]
    facing: float | None = None
    step_free: bool = True
    level: int = 0


@dataclass
class NavEdge:
    id: str
    a: str
    b: str
    kind: str
    length: float
    opening_id: str | None = None
    directed: bool = False  # one way, a to b (an escalator)
    cost: float | None = None  # extra effort beyond the walk (changing floors), in metres


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
    levels: dict[str, Level] = field(default_factory=dict)  # level id -> level
    derived: bool = False  # the walking network came from the geometry, not a network file
    notes: list[str] = field(default_factory=list)  # what derivation could not join

    @property
    def language(self) -> str:
        return str(self.manifest.get("language") or "en")

    @property
    def ordinals(self) -> list[int]:
        """The venue's levels bottom up (ground only, for a one-level venue)."""
        return sorted({lvl.ordinal for lvl in self.levels.values()}) or [0]

    def level(self, ordinal: int) -> Level | None:
        return next((lvl for lvl in self.levels.values() if lvl.ordinal == ordinal), None)

    def level_name(self, ordinal: int, lang: str = "en") -> str:
        lvl = self.level(ordinal)
        return lvl.name(lang) if lvl else f"Level {ordinal}"

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

    def unit_at(self, x: float, y: float, level: int | None = None) -> Place | None:
        """The smallest unit containing a point (rooms inside halls win over the hall)."""
        from shapely import Point

        index = self._unit_index()
        hits = [self.places[uid] for uid, poly in index if poly.covers(Point(x, y))
                and (level is None or self.places[uid].level == level)]
        if not hits:
            return None
        return min(hits, key=lambda p: _area(p.polygon))

    def _unit_index(self):
        cache = self.__dict__.get("_unit_cache")
        if cache is None:
            from shapely import Polygon, prepare

            cache = []
            for place in self.places.values():
                if place.feature_type == "unit" and place.polygon and len(place.polygon) >= 4:
                    poly = Polygon(place.polygon)
                    if not poly.is_valid:
                        continue
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


def read_features(archive) -> dict[str, list[dict]]:
    """Every IMDF feature file of an archive (folder or zip) by feature type."""
    by_type: dict[str, list[dict]] = {}
    for ftype in FEATURE_FILES:
        name = f"{ftype}.geojson"
        if not archive.exists(name):
            if ftype in ("venue", "level", "unit"):
                raise KioskError(f"{archive} is not an IMDF archive: {name} is missing")
            by_type[ftype] = []
            continue
        try:
            items = archive.read_geojson(name)["features"]
        except KioskError as exc:
            raise KioskError(f"{archive}: {exc}") from None
        by_type[ftype] = [f for f in items if isinstance(f, dict) and f.get("id")]
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
        if c == "parking":
            return "parking", ("parking",)
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


_DERIVED_CACHE: dict[tuple, object] = {}


def load_venue(venue: str | os.PathLike, maps: str | os.PathLike | None = None) -> Venue:
    """Load a venue: by name under the maps root, or a folder or zipped IMDF archive path."""
    from shapely import LineString, Point, Polygon, prepare

    from kiosk.wayfinding.archive import EXTENSION_DIR, Archive

    archive = Archive(venue_dir(str(venue), maps))
    try:
        manifest = archive.read_json("manifest.json") if archive.exists("manifest.json") else None
    except KioskError as exc:
        raise KioskError(f"{archive}: {exc}") from None
    if not isinstance(manifest, dict):
        raise KioskError(f"{archive}: manifest.json is missing or not a JSON object")
    by_type = read_features(archive)
    venues = by_type.get("venue") or []
    if not venues:
        raise KioskError(f"{archive}: venue.geojson holds no venue feature")
    vprops = venues[0].get("properties") or {}
    origin = _point(vprops.get("display_point"))
    if origin is None:
        geom = venues[0].get("geometry") or {}
        try:
            ring = geom["coordinates"][0] if geom.get("type") == "Polygon" else \
                geom["coordinates"][0][0]
            origin = _centroid([tuple(c[:2]) for c in ring])
        except (KeyError, IndexError, TypeError):
            raise KioskError(f"{archive}: the venue has neither display_point nor geometry") \
                from None
    lang = str(manifest.get("language") or "en")
    proj = Projection(*origin)
    v = Venue(key=archive.key, path=archive.path,
              names=vprops.get("name") or {"en": archive.key},
              projection=proj, by_type=by_type, manifest=manifest)
    for ftype, items in by_type.items():
        for f in items:
            v.features[f["id"]] = f
    for f in by_type.get("footprint", []):
        geom = f.get("geometry") or {}
        if (f.get("properties") or {}).get("category") not in (None, "ground"):
            continue
        if geom.get("type") == "Polygon":
            v.footprint.append(proj.ring(geom["coordinates"][0]))
        elif geom.get("type") == "MultiPolygon":
            v.footprint += [proj.ring(poly[0]) for poly in geom["coordinates"]]
    for f in by_type.get("level", []):
        props = f.get("properties") or {}
        try:
            ordinal = int(props.get("ordinal") or 0)
        except (TypeError, ValueError):
            ordinal = 0
        geom = f.get("geometry") or {}
        ring = None
        if geom.get("type") == "Polygon":
            ring = proj.ring(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            ring = proj.ring(max(geom["coordinates"], key=lambda p: len(p[0]))[0])
        v.levels[f["id"]] = Level(f["id"], ordinal, _localised(props.get("name"), lang),
                                  _localised(props.get("short_name"), lang), ring)

    def display(props, fallback):
        p = _point(props.get("display_point"))
        return proj.to_local(*p) if p else fallback

    unit_level = {f["id"]: (f.get("properties") or {}).get("level_id")
                  for f in by_type.get("unit", [])}
    anchor_unit = {f["id"]: (f.get("properties") or {}).get("unit_id")
                   for f in by_type.get("anchor", [])}
    for ftype in ("unit", "section", "amenity", "opening", "kiosk"):
        for f in by_type.get(ftype, []):
            props = f.get("properties") or {}
            geom = f.get("geometry") or {}
            category = str(props.get("category") or "")
            kind, groups = classify(ftype, category)
            polygon = line = None
            try:
                if geom.get("type") == "Polygon":
                    polygon = proj.ring(geom["coordinates"][0])
                    point = display(props, _centroid(polygon))
                elif geom.get("type") == "MultiPolygon":
                    polygon = proj.ring(max(geom["coordinates"], key=lambda p: len(p[0]))[0])
                    point = display(props, _centroid(polygon))
                elif geom.get("type") == "LineString":
                    line = proj.ring(geom["coordinates"])
                    point = display(props, _centroid(line))
                elif geom.get("type") == "Point":
                    point = proj.to_local(*geom["coordinates"][:2])
                else:
                    continue
            except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError):
                continue  # `maps check` reports broken geometry; the kiosk skips it
            code = ""
            if ftype == "section" and kind == "booth":
                code = label_text(props.get("alt_name"), "en") or label_text(props.get("name"), "en")
            names = _localised(props.get("name"), lang) or ({"en": code} if code else {})
            level_id = props.get("level_id")
            if not level_id and ftype == "amenity":
                level_id = next((unit_level.get(u) for u in props.get("unit_ids") or []
                                 if unit_level.get(u)), None)
            if not level_id and ftype == "kiosk":
                level_id = unit_level.get(anchor_unit.get(props.get("anchor_id")))
            level = v.levels.get(level_id)
            v.places[f["id"]] = Place(
                id=f["id"], feature_type=ftype, category=category, names=names, point=point,
                kind=kind, groups=groups, code=code, polygon=polygon, line=line,
                short_names=_localised(props.get("alt_name"), lang)
                if ftype in ("opening", "kiosk") else None,
                level_id=level_id, level=level.ordinal if level else 0)
    # Exhibition halls: rooms that hold booths. Everything else finds its hall by position.
    booth_points = [p for p in v.places.values() if p.kind == "booth"]
    rooms = [(p, Polygon(p.polygon)) for p in v.places.values()
             if p.feature_type == "unit" and p.polygon and len(p.polygon) >= 4
             and p.kind == "room"]
    for place, poly in rooms:
        if not poly.is_valid:
            continue
        prepare(poly)
        if any(b.level == place.level and poly.covers(Point(b.point)) for b in booth_points):
            place.kind = "hall"
            place.groups = ("hall",)
    halls = [(p, Polygon(p.polygon)) for p in v.places.values() if p.kind == "hall"]
    for place in v.places.values():
        if place.kind == "hall":
            continue
        for hall, poly in halls:
            if hall.level == place.level and poly.covers(Point(place.point)):
                place.hall_id = hall.id
                break
    # Exits: openings in the building's outline that people use (not emergency-only doors).
    outline = [LineString(ring) for ring in v.footprint if len(ring) >= 2]
    ground = min(v.ordinals, key=abs)
    for place in v.places.values():
        if place.feature_type != "opening" or place.level != ground:
            continue
        on_outline = any(line.distance(Point(place.point)) < 1.0 for line in outline)
        if on_outline and place.category in ("pedestrian", "pedestrian.principal",
                                             "pedestrian.transit"):
            place.kind = "exit"
            place.groups = ("exit",)
        elif on_outline and place.category == "emergencyexit":
            place.kind = "emergency_exit"
    nav_name = f"{EXTENSION_DIR}/nav.geojson"
    if archive.exists(nav_name):
        _load_nav(v, archive.read_geojson(nav_name))
    elif archive.exists("nav.geojson"):  # where older kiosk maps kept it
        _load_nav(v, archive.read_geojson("nav.geojson"))
    else:
        _derive_nav(v, archive)
    return v


def _localised(names, default_lang: str) -> dict | None:
    """IMDF labels keyed so that label_text finds them; a bare string counts as the default."""
    if isinstance(names, str):
        return {default_lang: names}
    if not isinstance(names, dict):
        return None
    return {str(k): str(t) for k, t in names.items() if isinstance(t, str) and t}


def _derive_nav(v: Venue, archive) -> None:
    from kiosk.wayfinding.network import derive

    key = archive.signature()
    derived = _DERIVED_CACHE.get(key)
    if derived is None:
        derived = derive(v)
        if len(_DERIVED_CACHE) > 8:
            _DERIVED_CACHE.clear()
        _DERIVED_CACHE[key] = derived
    v.derived = True
    v.notes = list(derived.notes)
    for nid, (x, y, level) in derived.nodes.items():
        v.nodes[nid] = NavNode(nid, x, y, [], level=level)
    for i, (a, b, kind, length, opening, directed, cost) in enumerate(derived.edges):
        v.edges.append(NavEdge(f"e{i}", a, b, kind, length, opening, directed, cost))
    for fid, nodes in derived.place_nodes.items():
        place = v.places.get(fid)
        if place is None:
            continue
        for nid in nodes:
            place.nodes.append(nid)
            v.nodes[nid].features.append(fid)
    # Amenities inside a unit without a node of their own are reached through the unit.
    for place in v.places.values():
        if place.feature_type == "amenity" and not place.nodes:
            units = (v.features.get(place.id, {}).get("properties") or {}).get("unit_ids") or []
            for uid in units:
                unit = v.places.get(uid)
                if unit is not None and unit.nodes:
                    place.nodes = list(unit.nodes)
                    break


def _load_nav(v: Venue, data: dict) -> None:
    proj = v.projection
    ordinal_of = {lid: lvl.ordinal for lid, lvl in v.levels.items()}
    edges_raw = []
    for f in data["features"]:
        if not isinstance(f, dict):
            continue
        geom = f.get("geometry") or {}
        props = f.get("properties") or {}
        if geom.get("type") == "Point":
            node_id = str(props.get("node") or f.get("id"))
            x, y = proj.to_local(*geom["coordinates"][:2])
            facing = props.get("bearing")
            v.nodes[node_id] = NavNode(node_id, x, y, list(props.get("features") or []),
                                       float(facing) if facing is not None else None,
                                       bool(props.get("step_free", True)),
                                       ordinal_of.get(props.get("level_id"), 0))
        elif geom.get("type") == "LineString":
            edges_raw.append((f, props, geom))
    for f, props, geom in edges_raw:
        a, b = str(props.get("from")), str(props.get("to"))
        coords = proj.ring(geom["coordinates"])
        length = sum(math.dist(p, q) for p, q in zip(coords, coords[1:]))
        cost = props.get("cost")
        v.edges.append(NavEdge(str(f.get("id") or f"{a}-{b}"), a, b,
                               str(props.get("kind") or "walk"), length,
                               props.get("opening_id"), bool(props.get("directed", False)),
                               float(cost) if cost is not None else None))
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
