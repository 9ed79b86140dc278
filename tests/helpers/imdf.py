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
    (folder / "manifest.json").write_text(json.dumps(
        {"version": "1.0.0", "created": "2026-11-01T00:00:00Z", "generated_by": "tests",
         "language": "en", "extensions": ["imdf:extension:itcn-kiosk:wayfinding#1.0.0"]}))
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
    (folder / "x-itcn-kiosk").mkdir(exist_ok=True)
    (folder / "x-itcn-kiosk" / "nav.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": nav}))
    return folder


# -- a venue on two floors, with no walking network at all --------------------------------
def uid(n: int) -> str:
    return "00000000-0000-4000-8000-%012d" % n


def write_two_floor_venue(folder: Path) -> Path:
    """Two levels joined by a staircase and a lift; no nav file, no relationships.

    Ground (ordinal 0): an L-shaped corridor (y 0-6 from x 0 to 40, then x 34-40 north to
    y 30), the kiosk at its west end facing east, a women's washroom and a registration room
    off it, a staircase east of the corridor's corner (x 40-46, y 0-6, no door: open to it),
    a lift off the corridor's north arm (x 28-34, y 24-30, door on x 34).
    Level 1 (ordinal 1): a corridor y 18-24 from x 0 to 46, a landing (x 40-46, y 6-18) from
    the staircase to it, the lift (same shaft, door on y 24), a seminar room and a wheelchair
    washroom north of the corridor.
    """
    folder.mkdir(parents=True, exist_ok=True)
    building, l0, l1 = uid(2), uid(10), uid(11)
    u = {k: uid(100 + i) for i, k in enumerate(
        ["corridor", "registration", "wc_f", "stairs0", "lift0", "corridor1", "landing",
         "stairs1", "lift1", "seminar", "wc_a", "store"])}
    o = {k: uid(200 + i) for i, k in enumerate(
        ["registration", "wc_f", "lift0", "lift1", "seminar", "wc_a", "entrance"])}

    def unit(key, level, rect, category, name):
        return feature(u[key], "unit", polygon(*rect), category=category, name=name,
                       level_id=level, restriction=None, accessibility=None, alt_name=None,
                       display_point=None)

    def opening(key, level, a, b, name=None):
        return feature(o[key], "opening", line(a, b), category="pedestrian", name=name,
                       level_id=level, accessibility=None, access_control=None, door=None,
                       alt_name=None, display_point=None)

    def level(fid, ordinal, en, ur, zh, short):
        return feature(fid, "level", polygon(-5, -5, 50, 40), category="unspecified",
                       restriction=None, ordinal=ordinal, outdoor=False,
                       name=names(en, ur, zh), short_name={"en": short, "ur": short,
                                                           "zh-Hans": short},
                       display_point=None, address_id=None, building_ids=[building])

    files = {
        "address": [feature(uid(1), "address", None, address="1 Test Road", unit=None,
                            locality="Lahore", province="PK-PB", country="PK",
                            postal_code=None, postal_code_ext=None, postal_code_vanity=None)],
        "venue": [feature(uid(3), "venue", polygon(-10, -10, 55, 45), category="conventioncenter",
                          restriction=None, name=names("Two Floors", "دو منزلیں", "两层馆"),
                          alt_name=None, hours=None, phone=None, website=None,
                          display_point=point(0, 0), address_id=uid(1))],
        "building": [feature(building, "building", None, category="unspecified", restriction=None,
                             name=names("Two Floors", "دو منزلیں", "两层馆"), alt_name=None,
                             display_point=None, address_id=uid(1))],
        "footprint": [feature(uid(4), "footprint", polygon(-5, -5, 50, 40), category="ground",
                              name=None, building_ids=[building])],
        "level": [level(l0, 0, "Ground floor", "گراؤنڈ فلور", "一层", "G"),
                  level(l1, 1, "Level 1", "پہلی منزل", "二层", "1")],
        "unit": [
            feature(u["corridor"], "unit", {"type": "Polygon", "coordinates": [[
                lonlat(x, y) for x, y in [(0, 0), (40, 0), (40, 30), (34, 30), (34, 6), (0, 6),
                                          (0, 0)]]]},
                    category="walkway", name=names("Corridor", "گزرگاہ", "走廊"), level_id=l0,
                    restriction=None, accessibility=None, alt_name=None, display_point=None),
            unit("registration", l0, (0, 6, 10, 16), "room",
                 names("Registration", "رجسٹریشن", "登记处")),
            unit("wc_f", l0, (10, 6, 16, 12), "restroom.female",
                 names("Washroom (Women)", "بیت الخلاء (خواتین)", "女洗手间")),
            unit("stairs0", l0, (40, 0, 46, 6), "stairs", None),
            unit("lift0", l0, (28, 24, 34, 30), "elevator", None),
            unit("store", l0, (16, 6, 30, 12), "storage", None),
            unit("corridor1", l1, (0, 18, 46, 24), "walkway",
                 names("Upper Corridor", "بالائی گزرگاہ", "二层走廊")),
            unit("landing", l1, (40, 6, 46, 18), "walkway", names("Landing", "لینڈنگ", "楼梯平台")),
            unit("stairs1", l1, (40, 0, 46, 6), "stairs", None),
            unit("lift1", l1, (28, 24, 34, 30), "elevator", None),
            unit("seminar", l1, (0, 24, 12, 34), "conferenceroom",
                 names("Seminar Room 1", "سیمینار روم 1", "1号研讨室")),
            unit("wc_a", l1, (14, 24, 20, 30), "restroom.wheelchair",
                 names("Accessible Washroom", "وہیل چیئر بیت الخلاء", "无障碍洗手间")),
        ],
        "opening": [
            opening("registration", l0, (4, 6), (6, 6)),
            opening("wc_f", l0, (12, 6), (14, 6)),
            opening("lift0", l0, (34, 26), (34, 28)),
            opening("entrance", l0, (0, 2), (0, 4), names("Entrance", "داخلہ", "入口")),
            opening("lift1", l1, (30, 24), (32, 24)),
            opening("seminar", l1, (5, 24), (7, 24)),
            opening("wc_a", l1, (16, 24), (18, 24)),
        ],
        "anchor": [feature(uid(300), "anchor", point(2, 3), unit_id=u["corridor"],
                           address_id=None),
                   feature(uid(302), "anchor", point(10, 21), unit_id=u["corridor1"],
                           address_id=None)],
        "kiosk": [feature(uid(301), "kiosk", polygon(1.5, 2.5, 2.5, 3.5),
                          name=names("Kiosk, Entrance", "کیوسک، داخلہ", "信息亭（入口）"),
                          alt_name={"en": "Entrance", "ur": "داخلہ", "zh-Hans": "入口"},
                          anchor_id=uid(300), level_id=l0, display_point=point(2, 3)),
                  feature(uid(303), "kiosk", polygon(9.5, 20.5, 10.5, 21.5),
                          name=names("Kiosk, Upper Corridor", "کیوسک، بالائی گزرگاہ",
                                     "信息亭（二层走廊）"),
                          alt_name={"en": "Upstairs", "ur": "اوپر", "zh-Hans": "楼上"},
                          anchor_id=uid(302), level_id=l1, display_point=point(10, 21))],
    }
    for ftype, items in files.items():
        (folder / f"{ftype}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "features": items}, ensure_ascii=False), encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps(
        {"version": "1.0.0", "created": "2026-11-01T00:00:00Z", "generated_by": "tests",
         "language": "en", "extensions": None}))
    return folder


def zip_archive(folder: Path, target: Path, *, inside: str = "") -> Path:
    """Zip a venue folder as zip tools do (files at the top, or inside one folder)."""
    import zipfile

    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, f"{inside}/{path.relative_to(folder)}" if inside
                        else str(path.relative_to(folder)))
    return target
