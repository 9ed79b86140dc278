"""`kiosk maps check DIR|ARCHIVE`: is an IMDF archive valid, and can the kiosks route on it?

Errors are what breaks IMDF (OGC 20-094) or breaks routing:
- a missing manifest or required file, a manifest member of the wrong type;
- a feature without a UUID id, with the wrong or no feature_type, an id used twice;
- a reference that does not resolve (level_id, unit_ids, anchor_id, relationship ends, ...);
- a missing required property, a category outside the IMDF pattern, geometry of the wrong type
  or crossing itself;
- with the kiosk's own walking network (extension `x-itcn-kiosk/nav.geojson`): a broken node or
  edge, a place no node names, a place no kiosk can reach (or not step-free, when it has a
  step-free entrance).

Warnings are kiosk wishes that IMDF does not make: no kiosk.geojson ("you are here"), units and
amenities without names (IMDF allows null), labels missing the manifest's language or one of the
kiosk's (English, Urdu, Chinese), a non-English manifest, files that are not IMDF feature types,
openings on no unit's wall; and, on a network derived from the geometry, places that no opening
or shared boundary joins to the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kiosk.core.errors import KioskError
from kiosk.wayfinding.archive import EXTENSION, EXTENSION_DIR, Archive
from kiosk.wayfinding.venue import EDGE_KINDS, FEATURE_FILES, NON_PUBLIC_UNITS, REQUIRED_FILES

REFERENCES = {  # feature type -> properties holding one id or a list of ids, and their type
    "venue": {"address_id": ("address",)},
    "building": {"address_id": ("address",)},
    "footprint": {"building_ids": ("building",)},
    "level": {"building_ids": ("building",), "address_id": ("address",)},
    "unit": {"level_id": ("level",), "address_id": ("address",)},
    "opening": {"level_id": ("level",)},
    "section": {"level_id": ("level",), "address_id": ("address",), "parents": ("section",)},
    "amenity": {"unit_ids": ("unit",), "address_id": ("address",)},
    "anchor": {"unit_id": ("unit",), "address_id": ("address",)},
    "kiosk": {"level_id": ("level",), "anchor_id": ("anchor",)},
    "occupant": {"anchor_id": ("anchor",)},
    "fixture": {"level_id": ("level",), "anchor_id": ("anchor",)},
    "detail": {"level_id": ("level",)},
    "geofence": {"level_ids": ("level",), "building_ids": ("building",),
                 "parents": ("geofence",)},
}
REQUIRED_PROPS = {
    "venue": ("category", "name", "display_point", "address_id"),
    "building": ("category",),
    "footprint": ("category", "building_ids"),
    "level": ("category", "ordinal", "outdoor", "building_ids"),
    "unit": ("category", "level_id"),
    "opening": ("category", "level_id"),
    "section": ("category", "level_id"),
    "amenity": ("category", "unit_ids"),
    "anchor": ("unit_id",),
    "kiosk": ("level_id",),
    "occupant": ("category", "name", "anchor_id"),
    "relationship": ("category", "direction"),
}
GEOMETRY = {  # allowed geometry types; None: must be null
    "address": (None,), "building": (None,), "occupant": (None,),
    "venue": ("Polygon", "MultiPolygon"), "footprint": ("Polygon", "MultiPolygon"),
    "level": ("Polygon", "MultiPolygon"), "unit": ("Polygon", "MultiPolygon"),
    "section": ("Polygon", "MultiPolygon"), "kiosk": ("Polygon", "MultiPolygon"),
    "opening": ("LineString",), "amenity": ("Point",), "anchor": ("Point",),
}
CATEGORY = re.compile(r"^[a-z0-9]+(?:[.\-][a-z0-9]+)*$")
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
NAMED = ("venue", "unit", "amenity", "kiosk", "section", "level", "occupant")
KIOSK_LANGS = ("en", "ur", "zh-Hans")
MAX_LISTED = 50


@dataclass
class CheckReport:
    folder: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict:
        return {"folder": self.folder, "ok": self.ok, "errors": self.errors,
                "warnings": self.warnings, "counts": self.counts}


def check_venue(folder: Path | str) -> CheckReport:
    folder = Path(folder)
    if not folder.exists():
        raise KioskError(f"no venue folder or IMDF archive at {folder}")
    archive = Archive(folder)
    report = CheckReport(str(folder))
    err, warn = report.errors.append, report.warnings.append
    manifest = _check_manifest(archive, err, warn)

    features: dict[str, dict] = {}
    by_type: dict[str, list[dict]] = {}
    for ftype in FEATURE_FILES:
        name = f"{ftype}.geojson"
        if not archive.exists(name):
            if ftype in REQUIRED_FILES:
                err(f"{name} is missing")
            elif ftype == "kiosk":
                warn("kiosk.geojson is missing: no kiosk has a 'you are here' on this map")
            continue
        try:
            items = archive.read_geojson(name)["features"]
        except KioskError as exc:
            err(str(exc))
            continue
        by_type[ftype] = []
        for n, f in enumerate(items, start=1):
            if not isinstance(f, dict):
                err(f"{name}: feature {n} is not a JSON object")
                continue
            fid = f.get("id")
            if not fid or not isinstance(fid, str):
                err(f"{name}: feature {n} has no id")
                continue
            if not UUID.match(fid):
                err(f"{name}: id {fid!r} is not a UUID (IMDF feature ids are UUIDs)")
            if f.get("feature_type") != ftype:
                err(f"{name}: {fid} has feature_type {f.get('feature_type')!r}, not {ftype!r}")
            if fid in features:
                err(f"id {fid} is used twice ({features[fid]['_file']} and {name})")
                continue
            f = dict(f, _file=name)
            features[fid] = f
            by_type[ftype].append(f)
    _check_stray_files(archive, warn)
    if "venue" in by_type and len(by_type["venue"]) != 1:
        err(f"venue.geojson must hold exactly one venue, not {len(by_type['venue'])}")
    _check_properties(by_type, features, err)
    _check_names(by_type, manifest, warn, err)
    _check_geometry(by_type, err, warn)
    report.counts = {ftype: len(items) for ftype, items in by_type.items()}
    report.counts["kiosks"] = len(by_type.get("kiosk", []))
    if report.errors and any(m.endswith("is missing") for m in report.errors):
        return report  # no venue to load
    _check_network(folder, archive, by_type, features, report, err, warn)
    return report


def _check_manifest(archive: Archive, err, warn) -> dict:
    if not archive.exists("manifest.json"):
        err("manifest.json is missing")
        return {}
    try:
        manifest = archive.read_json("manifest.json")
    except KioskError as exc:
        err(f"manifest.json: {exc}")
        return {}
    if not isinstance(manifest, dict):
        err("manifest.json is not a JSON object")
        return {}
    for key in ("version", "created", "language"):
        if not isinstance(manifest.get(key), str) or not manifest.get(key):
            err(f"manifest.json: {key} must be a string")
    if manifest.get("version") not in (None, "1.0.0") and isinstance(manifest.get("version"), str):
        warn(f"manifest.json: IMDF version {manifest['version']} (the kiosk knows 1.0.0)")
    if manifest.get("generated_by") is not None and not isinstance(manifest["generated_by"], str):
        err("manifest.json: generated_by must be a string or null")
    extensions = manifest.get("extensions")
    if extensions is not None and (not isinstance(extensions, list)
                                   or not all(isinstance(e, str) for e in extensions)):
        err("manifest.json: extensions must be a list of strings or null")
    lang = manifest.get("language")
    if isinstance(lang, str) and lang.split("-")[0].lower() != "en":
        warn(f"manifest.json: the archive's language is {lang}, not English; labels fall back "
             "from the kiosk's language to it")
    return manifest


def _check_stray_files(archive: Archive, warn) -> None:
    names = []
    if archive._zip is None:
        names = [p.name for p in archive.path.glob("*.geojson")]
    else:
        prefix = archive._prefix
        names = [n[len(prefix):] for n in archive._zip.namelist()
                 if n.startswith(prefix) and n.endswith(".geojson") and "/" not in n[len(prefix):]]
    known = {f"{t}.geojson" for t in FEATURE_FILES}
    for name in sorted(set(names) - known):
        warn(f"{name} is not an IMDF feature type; other IMDF tools will refuse it "
             f"(kiosk data belongs in {EXTENSION_DIR}/)")


def _refs(value) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if v]
    return [value] if value else []


def _check_properties(by_type, features, err) -> None:
    for ftype, items in by_type.items():
        required = REQUIRED_PROPS.get(ftype, ())
        for f in items:
            props = f.get("properties")
            if not isinstance(props, dict):
                err(f"{ftype} {f['id']} has no properties object")
                continue
            missing = [p for p in required if p not in props]
            if missing:
                err(f"{ftype} {_name(f)}: no {', '.join(missing)} (IMDF requires it)")
            category = props.get("category")
            if "category" in required and category is not None and \
                    (not isinstance(category, str) or not CATEGORY.match(category)):
                err(f"{ftype} {_name(f)}: category {category!r} is not an IMDF category")
            if ftype in ("unit", "opening", "section", "kiosk") and "level_id" in props \
                    and not props.get("level_id"):
                err(f"{ftype} {_name(f)} has no level_id")
            if ftype == "amenity" and "unit_ids" in props and not _refs(props.get("unit_ids")):
                err(f"amenity {_name(f)}: unit_ids is empty (an amenity lies in a unit)")
            for prop, targets in REFERENCES.get(ftype, {}).items():
                for ref in _refs(props.get(prop)):
                    target = features.get(ref) if isinstance(ref, str) else None
                    if target is None:
                        err(f"{ftype} {_name(f)}: {prop} {ref} does not exist")
                    elif target["_file"][:-8] not in targets:
                        err(f"{ftype} {_name(f)}: {prop} {ref} is a {target['_file'][:-8]}, "
                            f"not a {'/'.join(targets)}")
            if ftype == "relationship":
                if props.get("direction") not in ("directed", "undirected"):
                    err(f"relationship {f['id']}: direction must be directed or undirected")
                middle = props.get("intermediary") or []
                ends = [("origin", props.get("origin")), ("destination", props.get("destination"))]
                ends += [("intermediary", r) for r in (middle if isinstance(middle, list)
                                                       else [middle])]
                for role, ref in ends:
                    if ref is None:
                        continue
                    rid = ref.get("id") if isinstance(ref, dict) else None
                    if not isinstance(rid, str):
                        err(f"relationship {f['id']}: {role} is not a feature reference "
                            "({\"id\", \"feature_type\"})")
                    elif rid not in features:
                        err(f"relationship {f['id']}: refers to {rid}, which does not exist")
                    elif isinstance(ref, dict) and ref.get("feature_type") and \
                            features[rid]["_file"][:-8] != ref["feature_type"]:
                        err(f"relationship {f['id']}: {rid} is a {features[rid]['_file'][:-8]}, "
                            f"not a {ref['feature_type']}")


def _check_names(by_type, manifest, warn, err) -> None:
    lang = str(manifest.get("language") or "en")
    unnamed: dict[str, int] = {}
    other_lang = 0
    missing_kiosk_langs = []
    for ftype in NAMED:
        for f in by_type.get(ftype, []):
            props = f.get("properties") or {}
            name = props.get("name")
            if ftype == "unit" and props.get("category") in NON_PUBLIC_UNITS:
                continue
            if name is None:
                if ftype in ("unit", "amenity", "kiosk", "level"):
                    unnamed[ftype] = unnamed.get(ftype, 0) + 1
                continue
            if not isinstance(name, dict) or not all(isinstance(t, str) for t in name.values()):
                err(f"{ftype} {f['id']}: name must be an object of language tag -> text")
                continue
            if not name:
                continue
            tags = {t.lower() for t in name}
            if lang.lower() not in tags and lang.split("-")[0].lower() not in \
                    {t.split("-")[0] for t in tags}:
                other_lang += 1
            missing = [k for k in KIOSK_LANGS if not name.get(k)]
            if missing:
                missing_kiosk_langs.append(f"{ftype} {_name(f)}: no {' or '.join(missing)} name")
    for ftype, n in unnamed.items():
        warn(f"{n} {ftype}(s) without a name: the kiosk shows their category instead")
    if other_lang:
        warn(f"{other_lang} label(s) without the manifest's language {lang}: the kiosk falls "
             "back to its own language, then any")
    for line in missing_kiosk_langs[:MAX_LISTED]:
        warn(line)
    if len(missing_kiosk_langs) > MAX_LISTED:
        warn(f"... and {len(missing_kiosk_langs) - MAX_LISTED} more names not in all three "
             "kiosk languages")


def _check_geometry(by_type, err, warn) -> None:
    from shapely import LineString, STRtree, make_valid
    from shapely.geometry import shape

    units, unit_levels = [], []
    for ftype, items in by_type.items():
        allowed = GEOMETRY.get(ftype)
        for f in items:
            if "geometry" not in f:
                err(f"{ftype} {_name(f)} has no geometry member")
                continue
            geom = f.get("geometry")
            gtype = geom.get("type") if isinstance(geom, dict) else None
            if allowed is not None and gtype not in allowed:
                if allowed == (None,):
                    err(f"{ftype} {_name(f)}: geometry must be null, not {gtype}")
                else:
                    err(f"{ftype} {_name(f)}: geometry must be {' or '.join(allowed)}, "
                        f"not {gtype}")
                continue
            if gtype is None:
                continue
            try:
                g = shape(geom)
            except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
                err(f"{ftype} {_name(f)}: geometry is not valid GeoJSON ({exc})")
                continue
            if g.is_empty:
                err(f"{ftype} {_name(f)}: its geometry has no coordinates")
                continue
            if gtype in ("Polygon", "MultiPolygon") and not g.is_valid:
                err(f"{ftype} {_name(f)}: its polygon crosses itself")
                g = make_valid(g)
            if ftype == "unit":
                units.append(g)
                unit_levels.append((f.get("properties") or {}).get("level_id"))
    if not units:
        return
    tree = STRtree(units)
    tolerance = 1e-5  # about 1 m in degrees: a wall is where two units meet
    stray = []
    for f in by_type.get("opening", []):
        geom = f.get("geometry") or {}
        if geom.get("type") != "LineString":
            continue
        mid = LineString(geom["coordinates"]).interpolate(0.5, normalized=True)
        level = (f.get("properties") or {}).get("level_id")
        near = tree.query(mid.buffer(tolerance))
        if not any(unit_levels[i] == level and units[i].boundary.distance(mid) < tolerance
                   for i in near):
            stray.append(_name(f))
    for name in stray[:MAX_LISTED]:
        warn(f"opening {name} is not on the wall of any unit of its level: no one walks "
             "through it")
    if len(stray) > MAX_LISTED:
        warn(f"... and {len(stray) - MAX_LISTED} more openings on no unit's wall")


def _check_network(folder, archive, by_type, features, report, err, warn) -> None:
    from kiosk.wayfinding.routing import VenueGraph
    from kiosk.wayfinding.venue import load_venue

    nav_name = f"{EXTENSION_DIR}/nav.geojson"
    own_network = archive.exists(nav_name)
    if own_network:
        _check_nav_file(archive, nav_name, features, err)
        extensions = (archive.read_json("manifest.json") or {}).get("extensions") \
            if archive.exists("manifest.json") else None
        if not isinstance(extensions, list) or EXTENSION not in extensions:
            warn(f"{nav_name} is there but the manifest's extensions do not declare {EXTENSION}")
    try:
        venue = load_venue(str(folder))
    except KioskError as exc:
        err(f"the kiosk cannot load this archive: {exc}")
        return
    graph = VenueGraph(venue)
    report.counts.update({"nav_nodes": len(venue.nodes), "nav_edges": len(venue.edges),
                          "levels": len(venue.ordinals), "derived": venue.derived})
    # Network problems are errors in the kiosk's own network file, warnings on a derived one.
    problem = err if own_network else warn
    places = []
    for place in venue.places.values():
        if place.feature_type == "opening":
            continue
        if place.feature_type == "unit" and (place.category in NON_PUBLIC_UNITS or
                                              not _public(features.get(place.id))):
            continue
        places.append(place)
        if not place.nodes:
            problem(f"{place.feature_type} {_name(features.get(place.id, {'id': place.id}))} "
                    "is not on the walking network" + (" (no nav node names it)" if own_network
                                                       else " (it lies in no walkable unit)"))
    report.counts["places"] = len(places)
    starts = [k for k in venue.kiosks if k.nodes]
    full, sf = graph.full, graph.step_free
    if not starts and full.number_of_nodes():
        # No kiosk: judge from the largest part of the venue (where most places are).
        biggest = max(nx.weakly_connected_components(full), key=len)
        anchor = next((p for p in places if p.nodes and p.nodes[0] in biggest), None)
        starts = [anchor] if anchor else []
    unreachable = step_less = 0
    for start in starts:
        reach = nx.descendants(full, start.nodes[0]) | {start.nodes[0]}
        reach_sf = nx.descendants(sf, start.nodes[0]) | {start.nodes[0]}
        for place in places:
            if not place.nodes or place is start:
                continue
            label = f"{place.feature_type} {_name(features.get(place.id, {'id': place.id}))}"
            if not any(n in reach for n in place.nodes):
                unreachable += 1
                if unreachable <= MAX_LISTED:
                    problem(f"{label} cannot be reached from {start.name()}")
                continue
            step_free_entrance = all(venue.nodes[n].step_free for n in place.nodes)
            if step_free_entrance and not any(n in reach_sf for n in place.nodes):
                step_less += 1
                if step_less <= MAX_LISTED:
                    problem(f"{label} has a step-free entrance but no step-free route from "
                            f"{start.name()} (mark its node \"step_free\": false if it has none)")
    if unreachable > MAX_LISTED:
        problem(f"... and {unreachable - MAX_LISTED} more places that cannot be reached")
    if step_less > MAX_LISTED:
        problem(f"... and {step_less - MAX_LISTED} more places without a step-free route")


def _public(feature) -> bool:
    from kiosk.wayfinding.network import walkable

    if not feature:
        return True
    return walkable(feature.get("properties") or {})


def _check_nav_file(archive, nav_name, features, err) -> None:
    try:
        nav = archive.read_geojson(nav_name)["features"]
    except KioskError as exc:
        err(str(exc))
        return
    nodes: set[str] = set()
    edges = []
    for n, f in enumerate(nav, start=1):
        geom = (f or {}).get("geometry") or {}
        props = (f or {}).get("properties") or {}
        if geom.get("type") == "Point":
            nid = str(props.get("node") or f.get("id") or "")
            if not nid:
                err(f"{nav_name}: node {n} has no id")
                continue
            if nid in nodes:
                err(f"{nav_name}: node id {nid} is used twice")
                continue
            nodes.add(nid)
            for ref in props.get("features") or []:
                if ref not in features:
                    err(f"{nav_name}: node {nid} refers to {ref}, which does not exist")
            level = props.get("level_id")
            if level and (features.get(level) or {}).get("_file") != "level.geojson":
                err(f"{nav_name}: node {nid}: level_id {level} is not a level")
        elif geom.get("type") == "LineString":
            edges.append((n, f, props))
        else:
            err(f"{nav_name}: feature {n} is neither a node (Point) nor an edge (LineString)")
    for n, f, props in edges:
        a, b, kind = str(props.get("from")), str(props.get("to")), props.get("kind")
        where = f"{nav_name}: edge {f.get('id') or n}"
        if a not in nodes or b not in nodes:
            err(f"{where} joins {a} and {b}, but {a if a not in nodes else b} is not a node")
            continue
        if kind not in EDGE_KINDS:
            err(f"{where} has kind {kind!r} (known: {', '.join(EDGE_KINDS)})")
            continue
        opening = props.get("opening_id")
        if opening and (features.get(opening) or {}).get("_file") != "opening.geojson":
            err(f"{where}: opening_id {opening} is not an opening")


def _name(f: dict) -> str:
    props = f.get("properties") or {}
    name = props.get("name")
    text = ""
    if isinstance(name, dict):
        text = name.get("en") or next((t for t in name.values() if isinstance(t, str)), "")
    alt = props.get("alt_name")
    if not text and isinstance(alt, dict):
        text = alt.get("en") or next((t for t in alt.values() if isinstance(t, str)), "")
    return f"{text} ({f['id']})" if text else str(f.get("id"))
