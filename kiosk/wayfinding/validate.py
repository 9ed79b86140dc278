"""`kiosk maps check DIR`: prove that a venue folder is fit for the kiosks.

- every file parses, every feature has a unique id and the feature_type of its file;
- every reference resolves (levels, buildings, addresses, units, anchors, nav features, openings);
- names carry English (Urdu and Chinese are reported when missing);
- every public unit, booth, amenity and kiosk is on the walking network and reachable from every
  kiosk; every place with a step-free entrance (nav nodes not marked "step_free": false) is
  reachable from every kiosk without stairs or escalators.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kiosk.core.errors import KioskError
from kiosk.wayfinding.venue import (EDGE_KINDS, FEATURE_FILES, NON_PUBLIC_UNITS, NOT_STEP_FREE,
                                    read_geojson)

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
}
NAMED = ("venue", "unit", "amenity", "kiosk", "section", "level")
LANGS = ("en", "ur", "zh-Hans")


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
    report = CheckReport(str(folder))
    if not folder.is_dir():
        raise KioskError(f"no venue folder at {folder}")
    err, warn = report.errors.append, report.warnings.append
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or "version" not in manifest:
            err("manifest.json: no IMDF version")
    except FileNotFoundError:
        err("manifest.json is missing")
    except (OSError, json.JSONDecodeError) as exc:
        err(f"manifest.json is not readable JSON: {exc}")

    features: dict[str, dict] = {}
    by_type: dict[str, list[dict]] = {}
    for ftype in FEATURE_FILES:
        path = folder / f"{ftype}.geojson"
        if not path.exists():
            if ftype in ("venue", "level", "unit", "kiosk", "footprint", "building"):
                err(f"{path.name} is missing")
            continue
        try:
            items = read_geojson(path)["features"]
        except KioskError as exc:
            err(str(exc).replace(str(folder) + "/", ""))
            continue
        by_type[ftype] = []
        for n, f in enumerate(items, start=1):
            fid = f.get("id") if isinstance(f, dict) else None
            if not fid:
                err(f"{path.name}: feature {n} has no id")
                continue
            if f.get("feature_type") not in (None, ftype):
                err(f"{path.name}: {fid} is a {f.get('feature_type')}, not a {ftype}")
            if fid in features:
                err(f"id {fid} is used twice ({features[fid]['_file']} and {path.name})")
                continue
            f = dict(f, _file=path.name)
            features[fid] = f
            by_type[ftype].append(f)
    if len(by_type.get("venue", [])) != 1 and "venue" in by_type:
        err(f"venue.geojson must hold exactly one venue, not {len(by_type['venue'])}")

    # References between features.
    for ftype, refs in REFERENCES.items():
        for f in by_type.get(ftype, []):
            props = f.get("properties") or {}
            for prop, targets in refs.items():
                value = props.get(prop)
                for ref in (value if isinstance(value, list) else [value] if value else []):
                    target = features.get(ref)
                    if target is None:
                        err(f"{ftype} {_name(f)}: {prop} {ref} does not exist")
                    elif target["_file"][:-8] not in targets:
                        err(f"{ftype} {_name(f)}: {prop} {ref} is a {target['_file'][:-8]}, "
                            f"not a {'/'.join(targets)}")
            if ftype in ("unit", "opening", "section", "kiosk") and not props.get("level_id"):
                err(f"{ftype} {_name(f)} has no level_id")
    # Names in the three languages.
    for ftype in NAMED:
        for f in by_type.get(ftype, []):
            name = (f.get("properties") or {}).get("name")
            if ftype == "unit" and (f.get("properties") or {}).get("category") in NON_PUBLIC_UNITS:
                continue
            if not name:
                if ftype in ("unit", "amenity", "kiosk", "venue"):
                    err(f"{ftype} {f['id']} has no name")
                continue
            if not isinstance(name, dict) or not name.get("en"):
                err(f"{ftype} {f['id']}: name has no English label")
                continue
            missing = [lang for lang in LANGS if not name.get(lang)]
            if missing:
                warn(f"{ftype} {name['en']}: no {' or '.join(missing)} name")

    # The walking network.
    nav_path = folder / "nav.geojson"
    try:
        nav = read_geojson(nav_path)["features"]
    except KioskError as exc:
        err(str(exc).replace(str(folder) + "/", ""))
        nav = []
    graph = nx.Graph()
    nodes: dict[str, dict] = {}
    node_features: dict[str, list[str]] = {}
    step_free_flag: dict[str, bool] = {}
    edges = []
    for n, f in enumerate(nav, start=1):
        geom = (f or {}).get("geometry") or {}
        props = (f or {}).get("properties") or {}
        if geom.get("type") == "Point":
            nid = str(props.get("node") or f.get("id") or "")
            if not nid:
                err(f"nav.geojson: node {n} has no id")
                continue
            if nid in nodes:
                err(f"nav.geojson: node id {nid} is used twice")
                continue
            nodes[nid] = f
            graph.add_node(nid)
            step_free_flag[nid] = bool(props.get("step_free", True))
            for ref in props.get("features") or []:
                if ref not in features:
                    err(f"nav.geojson: node {nid} refers to {ref}, which does not exist")
                node_features.setdefault(ref, []).append(nid)
        elif geom.get("type") == "LineString":
            edges.append((n, f, props))
        else:
            err(f"nav.geojson: feature {n} is neither a node (Point) nor an edge (LineString)")
    for n, f, props in edges:
        a, b, kind = str(props.get("from")), str(props.get("to")), props.get("kind")
        where = f"nav.geojson: edge {f.get('id') or n}"
        if a not in nodes or b not in nodes:
            err(f"{where} joins {a} and {b}, but {a if a not in nodes else b} is not a node")
            continue
        if kind not in EDGE_KINDS:
            err(f"{where} has kind {kind!r} (known: {', '.join(EDGE_KINDS)})")
            continue
        opening = props.get("opening_id")
        if opening and (features.get(opening) or {}).get("_file") != "opening.geojson":
            err(f"{where}: opening_id {opening} is not an opening")
        graph.add_edge(a, b, kind=kind)

    # Every place on the network, and reachable from every kiosk.
    places: list[tuple[str, dict]] = []
    for ftype in ("unit", "section", "amenity", "kiosk"):
        for f in by_type.get(ftype, []):
            category = (f.get("properties") or {}).get("category")
            if ftype == "unit" and category in NON_PUBLIC_UNITS:
                continue
            if ftype == "amenity" and not node_features.get(f["id"]) and \
                    (f.get("properties") or {}).get("unit_ids"):
                # An amenity inside a unit is reached through the unit when it has no node.
                units = (f.get("properties") or {}).get("unit_ids") or []
                if any(node_features.get(u) for u in units):
                    continue
            places.append((ftype, f))
            if not node_features.get(f["id"]):
                err(f"{ftype} {_name(f)} is not on the walking network (no nav node names it)")
    kiosks = [f for f in by_type.get("kiosk", [])]
    if not kiosks and "kiosk" in by_type:
        err("kiosk.geojson holds no kiosk: there is no 'you are here'")
    step_free = nx.Graph()
    step_free.add_nodes_from(graph.nodes)
    step_free.add_edges_from((a, b) for a, b, d in graph.edges(data=True)
                             if d["kind"] not in NOT_STEP_FREE)
    unreachable = step_less = 0
    for kiosk in kiosks:
        starts = node_features.get(kiosk["id"]) or []
        if not starts:
            continue
        reach = nx.node_connected_component(graph, starts[0])
        reach_sf = nx.node_connected_component(step_free, starts[0])
        for ftype, f in places:
            place_nodes = node_features.get(f["id"]) or []
            if not place_nodes:
                continue
            if not any(n in reach for n in place_nodes):
                unreachable += 1
                if unreachable <= 50:
                    err(f"{ftype} {_name(f)} cannot be reached from {_name(kiosk)}")
                continue
            has_step_free_entrance = all(step_free_flag.get(n, True) for n in place_nodes)
            if has_step_free_entrance and not any(n in reach_sf for n in place_nodes):
                step_less += 1
                if step_less <= 50:
                    err(f"{ftype} {_name(f)} has a step-free entrance but no step-free route "
                        f"from {_name(kiosk)} (mark its node \"step_free\": false if it has none)")
    if unreachable > 50:
        err(f"... and {unreachable - 50} more places that cannot be reached")
    if step_less > 50:
        err(f"... and {step_less - 50} more places without a step-free route")
    # Booths lie inside a unit; openings lie on a unit's wall.
    _check_geometry(by_type, err)
    report.counts = {ftype: len(items) for ftype, items in by_type.items()}
    report.counts.update({"nav_nodes": len(nodes), "nav_edges": graph.number_of_edges(),
                          "places": len(places), "kiosks": len(kiosks)})
    return report


def _check_geometry(by_type, err) -> None:
    from shapely import LineString, Polygon, STRtree, make_valid

    units = []
    for f in by_type.get("unit", []):
        geom = f.get("geometry") or {}
        if geom.get("type") != "Polygon":
            if geom.get("type") != "MultiPolygon":
                err(f"unit {_name(f)} has no polygon")
            continue
        poly = Polygon(geom["coordinates"][0])
        if not poly.is_valid:
            err(f"unit {_name(f)}: its polygon crosses itself")
            poly = make_valid(poly)
        units.append(poly)
    if not units:
        return
    tree = STRtree(units)
    tolerance = 2e-5  # about 2 m in degrees: a wall is where two units meet
    for f in by_type.get("section", []):
        geom = f.get("geometry") or {}
        if geom.get("type") != "Polygon":
            err(f"section {_name(f)} has no polygon")
            continue
        centre = Polygon(geom["coordinates"][0]).representative_point()
        if not len(tree.query(centre, predicate="intersects")):
            err(f"section {_name(f)} lies outside every unit")
    for f in by_type.get("opening", []):
        geom = f.get("geometry") or {}
        if geom.get("type") != "LineString":
            err(f"opening {_name(f)} is not a line")
            continue
        mid = LineString(geom["coordinates"]).interpolate(0.5, normalized=True)
        near = tree.query(mid.buffer(tolerance))
        if not any(units[i].exterior.distance(mid) < tolerance for i in near):
            err(f"opening {_name(f)} is not on the wall of any unit")
    for f in by_type.get("amenity", []) + by_type.get("kiosk", []):
        if not (f.get("geometry") or {}).get("type"):
            err(f"{f['_file'][:-8]} {_name(f)} has no geometry")


def _name(f: dict) -> str:
    props = f.get("properties") or {}
    name = props.get("name")
    text = ""
    if isinstance(name, dict):
        text = name.get("en") or next(iter(name.values()), "")
    alt = props.get("alt_name")
    if not text and isinstance(alt, dict):
        text = alt.get("en", "")
    return f"{text} ({f['id']})" if text else str(f.get("id"))
