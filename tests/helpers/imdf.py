"""A tiny venue in IMDF, written by hand so tests know its geometry exactly.

    Room A (north-east)        Room B (north-west, behind a step)
          |                          |
    (30,20)------(0,20)------(-30,20)
                   |
                   |  20 m corridor north
                   |
                 (0,0)  kiosk: a reader faces north

Coordinates are metres, written as WGS84 around a point near Lahore. Room B's only way in is
two steps up (stairs), marked "step_free": false.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

LAT0, LON0 = 31.5, 74.3
KX = 111_320.0 * math.cos(math.radians(LAT0))
KY = 110_574.0


def lonlat(x, y):
    return [round(LON0 + x / KX, 8), round(LAT0 + y / KY, 8)]


def point(x, y):
    return {"type": "Point", "coordinates": lonlat(x, y)}


def polygon(x0, y0, x1, y1):
    ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    return {"type": "Polygon", "coordinates": [[lonlat(x, y) for x, y in ring]]}


def line(*pts):
    return {"type": "LineString", "coordinates": [lonlat(x, y) for x, y in pts]}


def names(en, ur, zh):
    return {"en": en, "ur": ur, "zh-Hans": zh}


def feature(fid, ftype, geometry, **props):
    return {"id": fid, "type": "Feature", "feature_type": ftype, "geometry": geometry,
            "properties": props}


def write_tiny_venue(folder: Path, *, room_b_step_free: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    level = "00000000-0000-4000-8000-000000000001"
    building = "00000000-0000-4000-8000-000000000002"
    corridor, room_a, room_b, hall = ("00000000-0000-4000-8000-0000000000%02d" % i
                                      for i in (10, 11, 12, 13))
    door_a, door_b = "00000000-0000-4000-8000-000000000020", "00000000-0000-4000-8000-000000000021"
    anchor, kiosk = "00000000-0000-4000-8000-000000000030", "00000000-0000-4000-8000-000000000031"
    booth = "00000000-0000-4000-8000-000000000040"
    wc = "00000000-0000-4000-8000-000000000050"
    files = {
        "venue": [feature("00000000-0000-4000-8000-000000000003", "venue", polygon(-60, -10, 60, 60),
                          category="conventioncenter", name=names("Tiny Hall", "چھوٹا ہال", "小馆"),
                          display_point=point(0, 0), address_id=None)],
        "building": [feature(building, "building", None, category="unspecified",
                             name=names("Tiny", "چھوٹا", "小"), address_id=None)],
        "footprint": [feature("00000000-0000-4000-8000-000000000004", "footprint",
                              polygon(-40, -5, 40, 50), category="ground", name=None,
                              building_ids=[building])],
        "level": [feature(level, "level", polygon(-40, -5, 40, 50), category="unspecified",
                          ordinal=0, outdoor=False, name=names("Ground", "گراؤنڈ", "一层"),
                          short_name={"en": "G"}, building_ids=[building])],
        "unit": [
            feature(corridor, "unit", polygon(-40, -5, 40, 22), category="walkway",
                    name=names("Corridor", "گزرگاہ", "走廊"), level_id=level),
            feature(room_a, "unit", polygon(25, 22, 40, 35), category="room",
                    name=names("Room A", "کمرہ اے", "A室"), level_id=level),
            feature(room_b, "unit", polygon(-40, 22, -25, 35), category="room",
                    name=names("Room B", "کمرہ بی", "B室"), level_id=level),
            feature(hall, "unit", polygon(-20, 22, 20, 50), category="room",
                    name=names("Hall 9", "ہال 9", "9号馆"), level_id=level),
            feature(wc, "unit", polygon(5, -5, 15, 0), category="restroom.female",
                    name=names("Washroom (Women)", "بیت الخلاء (خواتین)", "女洗手间"),
                    level_id=level),
        ],
        "opening": [
            feature(door_a, "opening", line((29, 22), (31, 22)), category="pedestrian",
                    name=names("Door A", "دروازہ اے", "A门"), level_id=level),
            feature(door_b, "opening", line((-31, 22), (-29, 22)), category="pedestrian",
                    name=None, level_id=level),
        ],
        "section": [feature(booth, "section", polygon(-3, 30, 3, 36), category="exhibit",
                            name=names("Booth H9-B1", "اسٹال H9-B1", "展位 H9-B1"),
                            alt_name={"en": "H9-B1"}, level_id=level)],
        "amenity": [],
        "anchor": [feature(anchor, "anchor", point(0, 0), unit_id=corridor, address_id=None)],
        "kiosk": [feature(kiosk, "kiosk", polygon(-0.5, -0.5, 0.5, 0.5),
                          name=names("Kiosk, Entrance", "کیوسک، داخلہ", "信息亭（入口）"),
                          alt_name={"en": "Entrance"}, anchor_id=anchor, level_id=level,
                          display_point=point(0, 0))],
        "address": [],
    }
    for ftype, items in files.items():
        (folder / f"{ftype}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "features": items}, ensure_ascii=False), encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"version": "1.0.0", "language": "en"}))
    nodes = {
        "k": ((0, 0), [kiosk], {"bearing": 0}),
        "wc": ((10, -1), [wc], {}),
        "c0": ((0, 10), [corridor], {}),
        "c": ((0, 20), [], {}),
        "e": ((30, 20), [], {}),
        "w": ((-30, 20), [], {}),
        "a_out": ((30, 21), [], {}),
        "a_in": ((30, 23), [], {}),
        "a": ((32, 28), [room_a], {}),
        "b_foot": ((-30, 21), [], {}),
        "b_in": ((-30, 23), [], {}),
        "b": ((-32, 28), [room_b], {} if room_b_step_free else {"step_free": False}),
        "h": ((0, 23), [hall], {}),
        "booth": ((0, 29), [booth], {}),
    }
    edges = [("k", "c0", "walk"), ("c0", "c", "walk"), ("c", "e", "walk"), ("c", "w", "walk"),
             ("e", "a_out", "walk"), ("a_out", "a_in", "door", door_a), ("a_in", "a", "walk"),
             ("w", "b_foot", "walk"), ("b_foot", "b_in", "stairs", door_b), ("b_in", "b", "walk"),
             ("c", "h", "walk"), ("h", "booth", "walk"), ("k", "wc", "walk")]
    nav = []
    for nid, ((x, y), feats, extra) in nodes.items():
        nav.append({"type": "Feature", "id": nid, "geometry": point(x, y),
                    "properties": {"node": nid, "features": feats, **extra}})
    for i, (a, b, kind, *opening) in enumerate(edges):
        props = {"from": a, "to": b, "kind": kind}
        if opening:
            props["opening_id"] = opening[0]
        nav.append({"type": "Feature", "id": f"e{i}",
                    "geometry": line(nodes[a][0], nodes[b][0]), "properties": props})
    (folder / "nav.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": nav}))
    return folder
