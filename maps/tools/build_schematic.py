#!/usr/bin/env python3
"""Generate the schematic IMDF maps of Expo Centre Lahore and Expo Centre Karachi.

No floor plan of either Expo Centre is published, so these maps are schematic: the right halls,
gates and facilities in a plausible arrangement, with booths on a realistic stand grid. A venue
folder drawn from the organiser's stand plan replaces them without code changes.

    python maps/tools/build_schematic.py            # rewrite maps/lahore and maps/karachi

Geometry is laid out in local metres (x east, y north) and written as WGS84 around the real
sites, as IMDF requires. Feature ids are UUIDs derived from stable names, so regenerating gives
identical files. The walking network is the kiosk's own data, outside the IMDF namespace in
`x-itcn-kiosk/nav.geojson` (declared in the manifest's extensions): nodes tied to IMDF features
and typed edges (walk, door, ramp, stairs, escalator, elevator).
"""

from __future__ import annotations

import json
import math
import random
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

MAPS = Path(__file__).resolve().parent.parent
NAMESPACE = uuid.UUID("6f2c8a52-3b1e-4f0a-9d57-1c0e4b7a9e10")
METRES_PER_DEG_LAT = 110_574.0
METRES_PER_DEG_LON_EQUATOR = 111_320.0
GENERATOR = "ITCN kiosk build_schematic.py 2"
EXTENSION = "imdf:extension:itcn-kiosk:wayfinding#1.0.0"
EXTENSION_DIR = "x-itcn-kiosk"

# Names in the three kiosk languages.
T = {
    "concourse": ("Concourse", "راہداری", "大厅走廊"),
    "lobby": ("Entrance Lobby", "داخلی لابی", "入口大厅"),
    "main_lobby": ("Main Lobby", "مرکزی لابی", "主大厅"),
    "foyer": ("Foyer", "فوئر", "前厅"),
    "corridor": ("Corridor", "گزرگاہ", "走廊"),
    "wc_m": ("Washroom (Men)", "بیت الخلاء (مرد)", "男洗手间"),
    "wc_f": ("Washroom (Women)", "بیت الخلاء (خواتین)", "女洗手间"),
    "wc_a": ("Accessible Washroom", "وہیل چیئر بیت الخلاء", "无障碍洗手间"),
    "pray_m": ("Prayer Room (Men)", "نماز گاہ (مرد)", "男祈祷室"),
    "pray_f": ("Prayer Room (Women)", "نماز گاہ (خواتین)", "女祈祷室"),
    "first_aid": ("First Aid", "ابتدائی طبی امداد", "急救站"),
    "info": ("Information Desk", "معلومات ڈیسک", "问讯处"),
    "registration": ("Registration Desk", "رجسٹریشن ڈیسک", "登记处"),
    "atm": ("ATM", "اے ٹی ایم", "自动取款机"),
    "food_court": ("Food Court", "فوڈ کورٹ", "美食广场"),
    "cafe": ("Café", "کیفے", "咖啡厅"),
    "media": ("Media Centre", "میڈیا سینٹر", "媒体中心"),
    "parking": ("Parking", "پارکنگ", "停车场"),
    "emergency": ("Emergency Exit", "ہنگامی راستہ", "紧急出口"),
}


def label(key: str, *fmt) -> dict:
    en, ur, zh = T[key]
    return {"en": en.format(*fmt), "ur": ur.format(*fmt), "zh-Hans": zh.format(*fmt)}


def hall_label(n: int) -> dict:
    return {"en": f"Hall {n}", "ur": f"ہال {n}", "zh-Hans": f"{n}号馆"}


def gate_label(n: int) -> dict:
    return {"en": f"Gate {n}", "ur": f"گیٹ {n}", "zh-Hans": f"{n}号门"}


def door_label(hall: int, letter: str) -> dict:
    return {"en": f"Hall {hall} Door {letter}", "ur": f"ہال {hall} دروازہ {letter}",
            "zh-Hans": f"{hall}号馆{letter}门"}


def seminar_label(name_en: str, name_ur: str, name_zh: str) -> dict:
    return {"en": name_en, "ur": name_ur, "zh-Hans": name_zh}


def kiosk_label(where: dict) -> dict:
    return {"en": f"Kiosk, {where['en']}", "ur": f"کیوسک، {where['ur']}",
            "zh-Hans": f"信息亭（{where['zh-Hans']}）"}


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


@dataclass
class Venue:
    key: str
    lat0: float
    lon0: float
    features: dict[str, list] = field(default_factory=dict)
    nodes: dict[tuple, dict] = field(default_factory=dict)
    edges: list[dict] = field(default_factory=list)
    level_id: str = ""
    building_id: str = ""
    unit_polys: list = field(default_factory=list)
    floor: int = 0  # the ordinal nodes are added on (0: ground)
    levels: dict = field(default_factory=dict)  # ordinal -> level id
    upper_levels: list = field(default_factory=list)  # level features above the ground

    # -- ids and coordinates -----------------------------------------------------------
    def fid(self, name: str) -> str:
        return str(uuid.uuid5(NAMESPACE, f"{self.key}:{name}"))

    def lonlat(self, x: float, y: float) -> list[float]:
        lon = self.lon0 + x / (METRES_PER_DEG_LON_EQUATOR * math.cos(math.radians(self.lat0)))
        lat = self.lat0 + y / METRES_PER_DEG_LAT
        return [round(lon, 7), round(lat, 7)]

    def point(self, x, y):
        return {"type": "Point", "coordinates": self.lonlat(x, y)}

    def polygon(self, ring):
        return {"type": "Polygon", "coordinates": [[self.lonlat(x, y) for x, y in ring]]}

    def line(self, pts):
        return {"type": "LineString", "coordinates": [self.lonlat(x, y) for x, y in pts]}

    def add(self, ftype: str, name: str, geometry, properties: dict) -> str:
        feature_id = self.fid(f"{ftype}:{name}")
        self.features.setdefault(ftype, []).append({
            "id": feature_id, "type": "Feature", "feature_type": ftype,
            "geometry": geometry, "properties": properties})
        return feature_id

    # -- IMDF features ---------------------------------------------------------------------
    def unit(self, key, category, ring, name, *, accessibility=None) -> str:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        self.unit_polys.append(ring)
        return self.add("unit", key, self.polygon(ring), {
            "category": category, "restriction": None, "accessibility": accessibility,
            "name": name, "alt_name": None, "level_id": self.level_id,
            "display_point": self.point(cx, cy)})

    def opening(self, key, category, a, b, name=None, door=None, alt_name=None) -> str:
        return self.add("opening", key, self.line([a, b]), {
            "category": category, "accessibility": None, "access_control": None,
            "door": door, "name": name, "alt_name": alt_name, "level_id": self.level_id,
            "display_point": self.point((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)})

    def amenity(self, key, category, xy, unit_ids, name) -> str:
        return self.add("amenity", key, self.point(*xy), {
            "category": category, "accessibility": None, "name": name, "alt_name": None,
            "hours": None, "phone": None, "website": None, "unit_ids": unit_ids,
            "address_id": None, "correlation_id": None})

    def section(self, key, ring, code, hall_no) -> str:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        return self.add("section", key, self.polygon(ring), {
            "category": "exhibit", "restriction": None, "accessibility": None,
            "name": {"en": f"Booth {code}", "ur": f"اسٹال {code}", "zh-Hans": f"展位 {code}"},
            "alt_name": {"en": code}, "display_point": self.point(cx, cy),
            "level_id": self.level_id, "address_id": None, "correlation_id": None,
            "parents": None})

    def kiosk(self, key, xy, where: dict) -> str:
        x, y = xy
        anchor = self.add("anchor", f"kiosk:{key}", self.point(x, y),
                          {"address_id": None, "unit_id": self.unit_at(x, y)})
        return self.add("kiosk", key, self.polygon(rect(x - 0.6, y - 0.4, x + 0.6, y + 0.4)), {
            "name": kiosk_label(where), "alt_name": {"en": where["en"]}, "anchor_id": anchor,
            "level_id": self.level_id, "display_point": self.point(x, y)})

    def parking(self, key, xy, joins) -> str:
        """A car park: a parking unit outside the building and the amenity inside it."""
        x, y = xy
        uid = self.unit(f"{key}:lot", "parking", rect(x - 20, y - 12, x + 20, y + 12),
                        label("parking"))
        aid = self.amenity(key, "parking", xy, [uid], label("parking"))
        self.edge(joins, self.node(x, y, aid, uid))
        return aid

    def unit_at(self, x, y) -> str | None:
        for feature, ring in zip(self.features.get("unit", []), self.unit_polys):
            if feature["properties"]["level_id"] != self.level_id:
                continue
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys):
                return feature["id"]
        return None

    # -- the walking network ------------------------------------------------------------------
    def node(self, x, y, *features, bearing=None, step_free=None) -> tuple:
        key = (round(x, 2), round(y, 2)) + ((self.floor,) if self.floor else ())
        node = self.nodes.setdefault(key, {"features": []})
        for f in features:
            if f and f not in node["features"]:
                node["features"].append(f)
        if bearing is not None:
            node["bearing"] = bearing
        if step_free is not None:
            node["step_free"] = step_free
        return key

    def edge(self, a, b, kind="walk", opening=None, cost=None):
        if a == b:
            return
        self.edges.append({"a": a, "b": b, "kind": kind, "opening": opening, "cost": cost})

    def chain(self, keys, kind="walk"):
        keys = sorted(set(keys))
        for a, b in zip(keys, keys[1:]):
            self.edge(a, b, kind)

    def door(self, opening_id, inside, outside, inside_feature=None, outside_feature=None):
        """A door edge across an opening; returns the two nodes (inside, outside)."""
        a = self.node(*inside, inside_feature)
        b = self.node(*outside, outside_feature)
        self.edge(a, b, "door", opening_id)
        return a, b


# -- building blocks shared by both venues ------------------------------------------------
def booth_plan(rng: random.Random):
    """Split a double row of 6 modules (3 m) into booths: 9, 18 or 36 m²."""
    plan = []  # (col0, row0, cols, rows) in modules, rows 0 (front) and 1 (back)
    runs, col = [], 0
    while col < 6:
        if col <= 4 and rng.random() < 0.12:
            plan.append((col, 0, 2, 2))  # a 6 x 6 m stand facing both aisles
            col += 2
            continue
        end = col
        while end < 6 and not (end > col and end <= 4 and rng.random() < 0.12):
            end += 1
        runs.append((col, end))
        col = end
    for start, end in runs:
        for row in (0, 1):
            c = start
            while c < end:
                width = 2 if c + 2 <= end and rng.random() < 0.3 else 1
                plan.append((c, row, width, 1))
                c += width
    return plan


def build_hall(v: Venue, n: int, x0: float, wall_y: float, sy: int, doors: dict, rng,
               emergency: bool = True) -> dict:
    """A 90 x 64 m exhibition hall whose door wall is at wall_y; the hall extends by sy."""
    W, D = 90.0, 64.0
    y_far = wall_y + sy * D
    ring = rect(x0, min(wall_y, y_far), x0 + W, max(wall_y, y_far))
    hall_id = v.unit(f"hall{n}", "room", ring, hall_label(n))

    def P(lx, ly):
        return (x0 + lx, wall_y + sy * ly)

    aisle_ys = [8.0] + [18.0 + 10 * r for r in range(5)]
    aisle_xs = [21.6 * k + 1.8 for k in range(5)]
    on_aisle: dict[float, list] = {y: [] for y in aisle_ys}
    for ly in aisle_ys:
        for lx in aisle_xs:
            on_aisle[ly].append(v.node(*P(lx, ly)))
    for lx in aisle_xs:
        v.chain([v.node(*P(lx, ly)) for ly in aisle_ys])
    # Booths: 4 x 5 blocks of 2 x 6 modules, numbered row by row from the doors.
    number = 0
    booths = []
    for r in range(5):
        for c in range(4):
            bx = 3.6 + 21.6 * c
            by = 10.0 + 10 * r
            for col, row, cols, rows in sorted(booth_plan(rng), key=lambda p: (p[1], p[0])):
                number += 1
                code = f"H{n}-B{number}"
                lx0, lx1 = bx + 3 * col, bx + 3 * (col + cols)
                ly0, ly1 = by + 3 * row, by + 3 * (row + rows)
                (wx0, wy0), (wx1, wy1) = P(lx0, ly0), P(lx1, ly1)
                sid = v.section(f"hall{n}:{code}", rect(min(wx0, wx1), min(wy0, wy1),
                                                        max(wx0, wx1), max(wy0, wy1)), code, n)
                cx = (lx0 + lx1) / 2
                front = by - 2 if row == 0 else by + 8  # the aisle the booth opens onto
                on_aisle[front].append(v.node(*P(cx, front), sid))
                booths.append(code)
    # Doors on the concourse wall; an emergency exit in the far wall.
    outside = []
    for letter, lx in doors.items():
        a, b = P(lx - 2.5, 0), P(lx + 2.5, 0)
        oid = v.opening(f"hall{n}:door{letter}", "pedestrian.principal", a, b,
                        door_label(n, letter), door={"type": "open", "automatic": False,
                                                     "material": "glass"},
                        alt_name={"en": f"Door {letter}", "ur": f"دروازہ {letter}",
                                  "zh-Hans": f"{letter}门"})
        inside_key, out_key = v.door(oid, P(lx, 1), P(lx, -1), hall_id, oid)
        aisle_key = v.node(*P(lx, 8))
        on_aisle[8.0].append(aisle_key)
        v.edge(inside_key, aisle_key)
        outside.append((P(lx, -1), out_key))
    for keys in on_aisle.values():
        v.chain(keys)
    if emergency:
        a, b = P(45 - 1.5, D), P(45 + 1.5, D)
        oid = v.opening(f"hall{n}:emergency", "emergencyexit", a, b, label("emergency"))
        inside_key, _ = v.door(oid, P(45, D - 1), P(45, D + 1), oid, None)
        v.edge(inside_key, v.node(*P(45, 58)))
    return {"id": hall_id, "outside": outside, "booths": booths}


def room_on_wall(v: Venue, key, category, ring, name, door_x, wall_y, sy, amenity=None):
    """A room with one door in the wall at wall_y; the room lies on the sy side of it."""
    uid = v.unit(key, category, ring, name)
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    a, b = (door_x - 1, wall_y), (door_x + 1, wall_y)
    oid = v.opening(f"{key}:door", "pedestrian", a, b, None,
                    door={"type": "hinged", "automatic": False, "material": "wood"})
    inside, outside = v.door(oid, (door_x, wall_y + sy), (door_x, wall_y - sy))
    features = [uid]
    if amenity:
        features.append(v.amenity(key, amenity, centre, [uid], name))
    c = v.node(*centre, *features)
    v.edge(inside, c)
    return uid, outside


def raised_room(v: Venue, key, category, ring, name, door_x, wall_y, sy, *, ramp: bool,
                ramp_side: float = -7.0):
    """A hall on a raised podium behind a foyer: steps straight up, and a ramp when ramp=True."""
    uid = v.unit(key, category, ring, name)
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    a, b = (door_x - 2, wall_y), (door_x + 2, wall_y)
    oid = v.opening(f"{key}:door", "pedestrian.principal", a, b, None,
                    door={"type": "hinged", "automatic": True, "material": "glass"})
    inside, outside = v.door(oid, (door_x, wall_y + sy), (door_x, wall_y - sy), uid)
    c = v.node(*centre, uid)
    v.edge(inside, c)
    # `outside` is on the podium; steps (and a ramp round the side) lead down 8 m away.
    foot = v.node(door_x, wall_y - sy * 9)
    v.edge(foot, outside, "stairs")
    if ramp:
        r0 = v.node(door_x + ramp_side, wall_y - sy * 9)
        r1 = v.node(door_x + ramp_side, wall_y - sy)
        v.edge(foot, r0)
        v.edge(r0, r1, "ramp")
        v.edge(r1, outside)
    return uid, foot


def write_collection(path: Path, head: dict, features: list) -> None:
    """One feature per line: small files and readable diffs when the map is regenerated."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    head_text = json.dumps(head, ensure_ascii=False)[:-1]
    body = ",\n".join(lines)
    path.write_text(f'{head_text}, "features": [\n{body}\n]}}\n', encoding="utf-8")


def write(v: Venue, out: Path, *, name: dict, address: dict, footprint_ring, building_name):
    """Venue, building, footprint, level and address around the units; then every file."""
    out.mkdir(parents=True, exist_ok=True)
    xs = [p[0] for p in footprint_ring]
    ys = [p[1] for p in footprint_ring]
    site_ring = rect(min(xs) - 60, min(ys) - 60, max(xs) + 60, max(ys) + 60)
    address_id = v.add("address", "address", None, address)
    v.features.setdefault("venue", []).append({
        "id": v.fid("venue"), "type": "Feature", "feature_type": "venue",
        "geometry": v.polygon(site_ring), "properties": {
            "category": "conventioncenter", "restriction": None, "name": name,
            "alt_name": {"en": "schematic map"}, "hours": None, "phone": None, "website": None,
            "display_point": v.point(0, 0), "address_id": address_id}})
    footprint_id = v.fid("footprint")
    v.features.setdefault("footprint", []).append({
        "id": footprint_id, "type": "Feature", "feature_type": "footprint",
        "geometry": v.polygon(footprint_ring), "properties": {
            "category": "ground", "name": None, "building_ids": [v.building_id]}})
    v.features.setdefault("building", []).insert(0, {
        "id": v.building_id, "type": "Feature", "feature_type": "building", "geometry": None,
        "properties": {"category": "unspecified", "restriction": None, "name": building_name,
                       "alt_name": None, "display_point": v.point(0, 0),
                       "address_id": address_id}})
    v.features.setdefault("level", []).extend(v.upper_levels)
    v.features.setdefault("level", []).insert(0, {
        "id": v.levels.get(0, v.level_id), "type": "Feature", "feature_type": "level",
        "geometry": v.polygon(footprint_ring), "properties": {
            "category": "unspecified", "restriction": None, "outdoor": False, "ordinal": 0,
            "name": {"en": "Ground floor", "ur": "گراؤنڈ فلور", "zh-Hans": "一层"},
            "short_name": {"en": "G", "ur": "G", "zh-Hans": "1F"},
            "display_point": v.point(0, 0), "address_id": None,
            "building_ids": [v.building_id]}})
    order = ["address", "venue", "building", "footprint", "level", "unit", "opening", "section",
             "amenity", "anchor", "kiosk"]
    for ftype in order:
        write_collection(out / f"{ftype}.geojson", {"type": "FeatureCollection", "name": ftype},
                         v.features.get(ftype, []))
    ids = {}
    nav_features = []
    for i, (key, node) in enumerate(sorted(v.nodes.items())):
        node_id = f"n{i}"
        ids[key] = node_id
        props = {"node": node_id, "level_id": v.levels.get(key[2], v.level_id) if len(key) > 2
                 else v.levels.get(0, v.level_id), "features": node["features"]}
        for extra in ("bearing", "step_free"):
            if extra in node:
                props[extra] = node[extra]
        nav_features.append({"type": "Feature", "id": node_id, "geometry": v.point(*key[:2]),
                             "properties": props})
    seen = set()
    for i, e in enumerate(v.edges):
        pair = tuple(sorted((ids[e["a"]], ids[e["b"]]))) + (e["kind"],)
        if pair in seen:
            continue
        seen.add(pair)
        props = {"from": ids[e["a"]], "to": ids[e["b"]], "kind": e["kind"]}
        if e["opening"]:
            props["opening_id"] = e["opening"]
        if e.get("cost"):
            props["cost"] = e["cost"]
        nav_features.append({"type": "Feature", "id": f"e{i}",
                             "geometry": v.line([e["a"][:2], e["b"][:2]]),
                             "properties": props})
    nav = {"type": "FeatureCollection", "name": "nav",
           "properties": {"edge_kinds": ["walk", "door", "ramp", "stairs", "escalator",
                                         "elevator"]},
           "features": nav_features}
    (out / EXTENSION_DIR).mkdir(exist_ok=True)
    write_collection(out / EXTENSION_DIR / "nav.geojson",
                     {k: val for k, val in nav.items() if k != "features"}, nav_features)
    (out / "nav.geojson").unlink(missing_ok=True)  # where older versions put it, inside IMDF
    manifest = {"version": "1.0.0", "created": "2026-11-01T00:00:00Z",
                "generated_by": GENERATOR, "language": "en", "extensions": [EXTENSION]}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return {"features": sum(len(v) for v in v.features.values()), "nodes": len(v.nodes),
            "edges": len(seen)}


# -- an upper floor: seminar rooms, a prayer room and washrooms, by stairs, escalator and lift --
VERTICAL = {"elevator": ("lift", 25.0), "stairs": ("stairs", 12.0), "escalator": ("escalator", 10.0)}
T.update({
    "lift": ("Lift", "لفٹ", "电梯"), "stairs": ("Stairs", "سیڑھیاں", "楼梯"),
    "escalator": ("Escalator", "برقی زینہ", "自动扶梯"),
    "upper_corridor": ("Upper Gallery", "بالائی گیلری", "二层走廊"),
    "pray": ("Prayer Room", "نماز گاہ", "祈祷室"),
})


def upper_floor(v: Venue, *, corridor, connectors, rooms, join_ground, outline,
                seminars) -> None:
    """Level 1 above part of the ground floor.

    connectors: (category, rect, ground door (a, b) with the side the ground walkway is on,
    upper door (a, b) with the side the upper corridor is on); the same rect on both floors.
    rooms: (key, category, rect, door x, amenity category or None, label dict) on the upper
    corridor's wall at y = door y. join_ground(node) links a ground node to the walking network.
    """
    ground_id = v.level_id
    upper_id = v.fid("level:1")
    v.levels = {0: ground_id, 1: upper_id}
    v.upper_levels.append({
        "id": upper_id, "type": "Feature", "feature_type": "level",
        "geometry": v.polygon(outline), "properties": {
            "category": "unspecified", "restriction": None, "outdoor": False, "ordinal": 1,
            "name": {"en": "Level 1", "ur": "پہلی منزل", "zh-Hans": "二层"},
            "short_name": {"en": "1", "ur": "1", "zh-Hans": "2F"},
            "display_point": v.point(*_middle(outline)), "address_id": None,
            "building_ids": [v.building_id]}})
    tops = []
    for category, ring, (g_a, g_b, g_side), (u_a, u_b, u_side) in connectors:
        word, cost = VERTICAL[category]
        centre = _middle(ring)
        ends = []
        for floor, level_id, (a, b, side) in ((0, ground_id, (g_a, g_b, g_side)),
                                             (1, upper_id, (u_a, u_b, u_side))):
            v.floor, v.level_id = floor, level_id
            uid = v.unit(f"{category}:{floor}", category, ring, label(word))
            oid = v.opening(f"{category}:{floor}:door", "pedestrian", a, b, None,
                            door={"type": "sliding", "automatic": True, "material": "metal"}
                            if category == "elevator" else None)
            mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            dx, dy = side
            inside, outside = v.door(oid, (mid[0] - dx, mid[1] - dy), (mid[0] + dx, mid[1] + dy))
            c = v.node(*centre, uid)
            v.edge(inside, c, "walk" if category == "elevator" else category)
            ends.append((c, outside))
        (g_c, g_out), (u_c, u_out) = ends
        v.floor, v.level_id = 0, ground_id
        join_ground(g_out)
        v.edge(g_c, u_c, category, cost=cost)
        tops.append(u_out)
    v.floor, v.level_id = 1, upper_id
    x0, y0, x1, y1 = corridor
    cid = v.unit("upper_corridor", "walkway", rect(x0, y0, x1, y1), label("upper_corridor"))
    yc = (y0 + y1) / 2
    line = [v.node(x0 + 1, yc, cid), v.node(x1 - 1, yc)]
    for key in tops:
        point = v.node(key[0], yc)
        v.edge(key, point)
        line.append(point)
    for key, category, ring, door_x, amenity, name in rooms:
        door_y = y1 if min(p[1] for p in ring) >= y1 - 1e-6 else y0
        sy = 1 if door_y == y1 else -1
        uid, outside = room_on_wall(v, key, category, ring, name, door_x, door_y, sy, amenity)
        if category in ("conferenceroom", "auditorium"):
            seminars.append(uid)
        point = v.node(door_x, yc)
        v.edge(outside, point)
        line.append(point)
    v.chain(line)
    v.floor, v.level_id = 0, ground_id


def _middle(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


def upper_rooms(xs, y0, y1, names):
    """Seminar rooms, a prayer room and three washrooms side by side between x pairs."""
    kinds = [("seminar_1", "conferenceroom", None), ("seminar_2", "conferenceroom", None),
             ("pray_up", "room", "prayerroom.islam"), ("wc_m_up", "restroom.male", None),
             ("wc_f_up", "restroom.female", None), ("wc_a_up", "restroom.wheelchair", None)]
    out = []
    for (key, category, amenity), (a, b), name in zip(kinds, xs, names):
        out.append((key, category, rect(a, y0, b, y1), (a + b) / 2, amenity, name))
    return out


UPPER_NAMES = [seminar_label("Seminar Room 1", "سیمینار روم 1", "1号研讨室"),
               seminar_label("Seminar Room 2", "سیمینار روم 2", "2号研讨室")]


# -- Expo Centre Lahore: Halls 1-3 north of one long concourse ------------------------------
def build_lahore(out: Path) -> dict:
    v = Venue("lahore", lat0=31.4680, lon0=74.2680)
    v.level_id = v.fid("level:G")
    v.building_id = v.fid("building")
    rng = random.Random(31)
    cy = -1.0  # concourse centre line
    concourse = v.unit("concourse", "walkway", rect(-170, -8, 170, 6), label("concourse"))
    attach = []  # nodes to join to the concourse line: (x, node)

    for n, x0 in ((1, -159.0), (2, -45.0), (3, 69.0)):
        hall = build_hall(v, n, x0, 6.0, +1, {"A": 22.5, "B": 67.5}, rng)
        for (x, _y), key in hall["outside"]:
            attach.append((x, key))
    # Seminar halls on raised podiums between the halls.
    for key, x, lab, ramp_side in (
            ("seminar_a", -57.0, seminar_label("Seminar Hall A", "سیمینار ہال A", "A研讨厅"), -7),
            ("seminar_b", 57.0, seminar_label("Seminar Hall B", "سیمینار ہال B", "B研讨厅"), 7)):
        v.unit(f"{key}:foyer", "walkway", rect(x - 11, 6, x + 11, 24), label("foyer"))
        _uid, foot = raised_room(v, key, "auditorium", rect(x - 11, 24, x + 11, 68), lab,
                                 x, 24.0, +1, ramp=True, ramp_side=ramp_side)
        foyer = v.fid(f"unit:{key}:foyer")
        oid = v.opening(f"{key}:foyer", "pedestrian", (x - 3, 6), (x + 3, 6), None)
        inside, outside = v.door(oid, (x, 7), (x, 5), foyer)
        v.edge(inside, foot)
        attach.append((x, outside))
    # Rooms along the south side of the concourse.
    south = [
        ("wc_m_w", "restroom.male", -146, -134, "wc_m", None),
        ("wc_f_w", "restroom.female", -132, -120, "wc_f", None),
        ("wc_a_w", "restroom.wheelchair", -118, -112, "wc_a", None),
        ("pray_m", "room", -108, -92, "pray_m", "prayerroom.islam.male"),
        ("pray_f", "room", -88, -74, "pray_f", "prayerroom.islam.female"),
        ("first_aid", "firstaid", -70, -60, "first_aid", "firstaid"),
        ("wc_m_c", "restroom.male", -44, -34, "wc_m", None),
        ("wc_f_c", "restroom.female", -32, -22, "wc_f", None),
        ("wc_m_e", "restroom.male", 96, 108, "wc_m", None),
        ("wc_f_e", "restroom.female", 110, 122, "wc_f", None),
        ("wc_a_e", "restroom.wheelchair", 124, 130, "wc_a", None),
    ]
    for key, cat, x0, x1, lab, amenity in south:
        _uid, out_key = room_on_wall(v, key, cat, rect(x0, -22, x1, -8), label(lab),
                                     (x0 + x1) / 2, -8.0, -1, amenity)
        attach.append(((x0 + x1) / 2, out_key))
    # Food court: open to the concourse along its whole width.
    food = v.unit("food_court", "foodservice", rect(30, -22, 90, -8), label("food_court"))
    for i, fx in enumerate((40, 60, 80)):
        aid = v.amenity(f"food:{i}", "foodservice", (fx, -15), [food],
                        label("food_court") if i == 1 else label("cafe"))
        n_key = v.node(fx, -15, aid, food if i == 1 else None)
        mouth = v.node(fx, -8)
        v.edge(n_key, mouth)
        attach.append((fx, mouth))
    # Media centre on a raised gallery: steps only.
    media = v.unit("media", "room", rect(134, -22, 148, -8), label("media"))
    oid = v.opening("media:door", "pedestrian", (140, -8), (142, -8), None)
    top, bottom = v.door(oid, (141, -10), (141, -6))
    v.edge(top, v.node(141, -15, media, step_free=False))
    foot = v.node(141, -3)
    v.edge(bottom, foot, "stairs")
    attach.append((141, foot))
    # Entrance lobbies with the gates to the street.
    gates = {}
    for n, (x0, x1, key, lab) in {1: (-20, 20, "lobby_main", "main_lobby"),
                                  2: (-170, -150, "lobby_west", "lobby"),
                                  3: (150, 170, "lobby_east", "lobby")}.items():
        lobby = v.unit(key, "lobby", rect(x0, -22, x1, -8), label(lab))
        gx = (x0 + x1) / 2
        oid = v.opening(f"gate{n}", "pedestrian.principal", (gx - 3, -22), (gx + 3, -22),
                        gate_label(n), door={"type": "open", "automatic": False,
                                             "material": "metal"})
        inside, outside = v.door(oid, (gx, -21), (gx, -23), oid)
        mid = v.node(gx, -15, lobby)
        v.edge(inside, mid)
        mouth = v.node(gx, -8)
        v.edge(mid, mouth)
        attach.append((gx, mouth))
        gates[n] = (mid, outside)
    # Desks in the main lobby; an ATM by the east lobby.
    for key, cat, xy, lab in (("info", "information", (-12, -12), "info"),
                              ("registration", "ticketing", (12, -12), "registration"),
                              ("atm", "atm", (24, -5), "atm")):
        aid = v.amenity(key, cat, xy, [v.unit_at(*xy)], label(lab))
        n_key = v.node(*xy, aid)
        v.edge(n_key, v.node(xy[0], -15 if xy[1] < -8 else cy))
        if xy[1] >= -8:
            attach.append((xy[0], n_key))
    v.edge(v.node(-12, -15), v.node(0, -15))
    v.edge(v.node(12, -15), v.node(0, -15))
    # Parking outside the west and east gates.
    for key, gate_no, xy in (("parking_west", 2, (-160, -45)), ("parking_east", 3, (160, -45)),
                             ("parking_main", 1, (0, -50))):
        v.parking(key, xy, gates[gate_no][1])
    # Kiosks: at each gate, and one in the concourse by Hall 2. Bearing: the way a person
    # reading the screen faces (the screen is in front of them).
    kiosks = [("gate1", (6, -18), 0, gate_label(1), 1), ("gate2", (-154, -18), 0, gate_label(2), 2),
              ("gate3", (154, -18), 0, gate_label(3), 3), ("hall2", (0, 3), 0, hall_label(2), 0)]
    for key, xy, bearing, where, gate_no in kiosks:
        kid = v.kiosk(key, xy, where)
        k = v.node(*xy, kid, bearing=bearing)
        if gate_no:
            v.edge(k, gates[gate_no][0])
        else:
            attach.append((xy[0], k))
    # Level 1 over the west rooms: stairs, escalator and lift from the concourse.
    upper_floor(
        v, corridor=(-146, -18, -44, -14),
        connectors=[
            ("elevator", rect(-60, -14, -55, -8), ((-58.5, -8), (-56.5, -8), (0, 1)),
             ((-58.5, -14), (-56.5, -14), (0, -1))),
            ("stairs", rect(-55, -14, -50, -8), ((-53.5, -8), (-51.5, -8), (0, 1)),
             ((-53.5, -14), (-51.5, -14), (0, -1))),
            ("escalator", rect(-50, -14, -44, -8), ((-48, -8), (-46, -8), (0, 1)),
             ((-48, -14), (-46, -14), (0, -1)))],
        rooms=upper_rooms([(-146, -126), (-125, -105), (-104, -92), (-91, -83), (-82, -74),
                           (-73, -66)], -14, -8,
                          UPPER_NAMES + [label("pray"), label("wc_m"), label("wc_f"),
                                         label("wc_a")]),
        join_ground=lambda key: attach.append((key[0], key)),
        outline=rect(-146, -18, -44, -8), seminars=[])
    # The concourse line joins everything that opens onto it.
    line = [v.node(x, cy) for x in (-168, 168)]
    v.node(0, cy, concourse)
    for x, key in attach:
        c = v.node(x, cy)
        v.edge(key, c)
        line.append(c)
    v.chain(line)
    return write(v, out, name={"en": "Expo Centre Lahore", "ur": "ایکسپو سینٹر لاہور",
                               "zh-Hans": "拉合尔博览中心"},
                 address={"address": "Abdul Haque Road, Johar Town", "unit": None,
                          "locality": "Lahore", "province": "PK-PB", "country": "PK",
                          "postal_code": "54782", "postal_code_ext": None,
                          "postal_code_vanity": None},
                 footprint_ring=rect(-170, -22, 170, 70),
                 building_name={"en": "Expo Centre Lahore", "ur": "ایکسپو سینٹر لاہور",
                                "zh-Hans": "拉合尔博览中心"})


# -- Expo Centre Karachi: Halls 1-3 and 4-6 either side of a concourse -------------------------
def service_block(v: Venue, key, x_mid, wall_y, sy, rooms, attach):
    """Rooms on both sides of a 4 m corridor that opens onto the concourse at wall_y."""
    length = 12 * ((len(rooms) + 1) // 2) + 2
    corridor = v.unit(f"{key}:corridor", "walkway",
                      rect(x_mid - 2, min(wall_y, wall_y + sy * length), x_mid + 2,
                           max(wall_y, wall_y + sy * length)), label("corridor"))
    oid = v.opening(f"{key}:entry", "pedestrian", (x_mid - 2, wall_y), (x_mid + 2, wall_y), None)
    inside, outside = v.door(oid, (x_mid, wall_y + sy), (x_mid, wall_y - sy), corridor)
    attach.append((x_mid, outside))
    spine = [inside]
    for i, (rkey, cat, lab, amenity) in enumerate(rooms):
        side = -1 if i % 2 == 0 else 1
        slot = i // 2
        ly0, ly1 = 2 + 12 * slot, 12 + 12 * slot
        y0, y1 = wall_y + sy * ly0, wall_y + sy * ly1
        xa, xb = (x_mid + side * 2, x_mid + side * 11)
        ring = rect(min(xa, xb), min(y0, y1), max(xa, xb), max(y0, y1))
        door_y = (y0 + y1) / 2
        uid = v.unit(f"{key}:{rkey}", cat, ring, label(lab))
        oid = v.opening(f"{key}:{rkey}:door", "pedestrian", (x_mid + side * 2, door_y - 1),
                        (x_mid + side * 2, door_y + 1), None)
        r_in, r_side = v.door(oid, (x_mid + side * 3, door_y), (x_mid + side * 1, door_y))
        r_out = v.node(x_mid, door_y)
        v.edge(r_side, r_out)
        centre = ((xa + xb) / 2, door_y)
        features = [uid]
        if amenity:
            features.append(v.amenity(f"{key}:{rkey}", amenity, centre, [uid], label(lab)))
        v.edge(r_in, v.node(*centre, *features))
        spine.append(r_out)
    v.chain(spine)
    return corridor


def build_karachi(out: Path) -> dict:
    v = Venue("karachi", lat0=24.9250, lon0=67.0980)
    v.level_id = v.fid("level:G")
    v.building_id = v.fid("building")
    rng = random.Random(24)
    cy = 0.0
    concourse = v.unit("concourse", "walkway", rect(-159, -14, 159, 14), label("concourse"))
    v.node(0, cy, concourse)
    attach = []
    for n, x0 in ((1, -159.0), (2, -45.0), (3, 69.0)):
        hall = build_hall(v, n, x0, 14.0, +1, {"A": 22.5, "B": 67.5}, rng)
        attach += [(x, key) for (x, _y), key in hall["outside"]]
    for n, x0 in ((4, -159.0), (5, -45.0), (6, 69.0)):
        hall = build_hall(v, n, x0, -14.0, -1, {"A": 22.5, "B": 67.5}, rng)
        attach += [(x, key) for (x, _y), key in hall["outside"]]
    service_block(v, "north_w", -57.0, 14.0, +1, [
        ("wc_m", "restroom.male", "wc_m", None), ("wc_f", "restroom.female", "wc_f", None),
        ("pray_m", "room", "pray_m", "prayerroom.islam.male"),
        ("wc_a", "restroom.wheelchair", "wc_a", None)], attach)
    service_block(v, "south_w", -57.0, -14.0, -1, [
        ("pray_f", "room", "pray_f", "prayerroom.islam.female"),
        ("first_aid", "firstaid", "first_aid", "firstaid"),
        ("wc_m", "restroom.male", "wc_m", None), ("wc_f", "restroom.female", "wc_f", None)],
        attach)
    for key, sy, lab in (
            ("conference", +1, seminar_label("Conference Hall", "کانفرنس ہال", "会议厅")),
            ("seminar", -1, seminar_label("Seminar Hall", "سیمینار ہال", "研讨厅"))):
        wall = 14.0 * sy
        foyer = v.unit(f"{key}:foyer", "walkway", rect(46, min(wall, wall + sy * 18), 68,
                                                        max(wall, wall + sy * 18)), label("foyer"))
        door_y = wall + sy * 18
        _uid, foot = raised_room(v, key, "conferenceroom" if key == "conference" else "auditorium",
                                 rect(46, min(door_y, door_y + sy * 46), 68,
                                      max(door_y, door_y + sy * 46)), lab, 57.0, door_y, sy,
                                 ramp=True, ramp_side=7)
        oid = v.opening(f"{key}:foyer", "pedestrian", (54, wall), (60, wall), None)
        inside, outside = v.door(oid, (57, wall + sy), (57, wall - sy), foyer)
        v.edge(inside, foot)
        attach.append((57, outside))
    # West lobby: the main gate from University Road, desks, kiosks, the media centre.
    lobby = v.unit("lobby_west", "lobby", rect(-195, -30, -159, 30), label("main_lobby"))
    gates = {}
    oid = v.opening("gate1", "pedestrian.principal", (-195, -4), (-195, 4), gate_label(1),
                    door={"type": "open", "automatic": False, "material": "metal"})
    g_in, g_out = v.door(oid, (-194, 0), (-196, 0), oid)
    gates[1] = g_out
    lobby_mid = v.node(-177, 0, lobby)
    v.edge(g_in, lobby_mid)
    v.edge(lobby_mid, v.node(-159, cy))
    attach.append((-159, v.node(-159, cy)))
    for key, cat, xy, lab in (("info", "information", (-180, 10), "info"),
                              ("registration", "ticketing", (-180, -10), "registration"),
                              ("atm", "atm", (-165, 20), "atm")):
        aid = v.amenity(key, cat, xy, [lobby], label(lab))
        v.edge(v.node(*xy, aid), lobby_mid)
    media = v.unit("media", "room", rect(-195, 30, -175, 44), label("media"))
    oid = v.opening("media:door", "pedestrian", (-186, 30), (-184, 30), None)
    top, bottom = v.door(oid, (-185, 32), (-185, 28))
    v.edge(top, v.node(-185, 37, media, step_free=False))
    v.edge(bottom, v.node(-185, 20), "stairs")
    v.edge(v.node(-185, 20), lobby_mid)
    # East lobby with Gate 2, the food court north of it.
    east = v.unit("lobby_east", "lobby", rect(159, -14, 195, 14), label("lobby"))
    oid = v.opening("gate2", "pedestrian.principal", (195, -4), (195, 4), gate_label(2),
                    door={"type": "open", "automatic": False, "material": "metal"})
    g_in, g_out = v.door(oid, (194, 0), (196, 0), oid)
    gates[2] = g_out
    east_mid = v.node(177, 0, east)
    v.edge(g_in, east_mid)
    v.edge(east_mid, v.node(159, cy))
    attach.append((159, v.node(159, cy)))
    food = v.unit("food_court", "foodservice", rect(159, 14, 195, 50), label("food_court"))
    oid = v.opening("food:door", "pedestrian", (171, 14), (183, 14), None)
    f_in, f_out = v.door(oid, (177, 15), (177, 13))
    v.edge(f_out, east_mid)
    for i, fxy in enumerate(((167, 30), (177, 40), (187, 30))):
        aid = v.amenity(f"food:{i}", "foodservice", fxy, [food],
                        label("food_court") if i == 1 else label("cafe"))
        v.edge(f_in, v.node(*fxy, aid, food if i == 1 else None))
    for key, cat, x0, x1, lab in (("wc_m_e", "restroom.male", 161, 171, "wc_m"),
                                  ("wc_f_e", "restroom.female", 173, 183, "wc_f"),
                                  ("wc_a_e", "restroom.wheelchair", 185, 191, "wc_a")):
        _uid, out_key = room_on_wall(v, key, cat, rect(x0, -30, x1, -14), label(lab),
                                     (x0 + x1) / 2, -14.0, -1)
        v.edge(out_key, east_mid)
    aid = v.amenity("atm_east", "atm", (190, -10), [east], label("atm"))
    v.edge(v.node(190, -10, aid), east_mid)
    aid = v.amenity("info_east", "information", (170, -10), [east], label("info"))
    v.edge(v.node(170, -10, aid), east_mid)
    for key, gate_no, xy in (("parking_west", 1, (-235, 0)), ("parking_east", 2, (235, 0))):
        v.parking(key, xy, gates[gate_no])
    kiosks = [("gate1", (-189, 6), 90, gate_label(1)), ("gate2", (189, 6), 270, gate_label(2)),
              ("concourse", (0, 9), 0, label("concourse"))]
    for key, xy, bearing, where in kiosks:
        kid = v.kiosk(key, xy, where)
        k = v.node(*xy, kid, bearing=bearing)
        if key == "gate1":
            v.edge(k, lobby_mid)
        elif key == "gate2":
            v.edge(k, east_mid)
        else:
            attach.append((xy[0], k))
    # Level 1 north of the west lobby: lift, stairs and escalator on the lobby's north wall.
    upper_floor(
        v, corridor=(-195, 40, -120, 46),
        connectors=[
            ("elevator", rect(-175, 30, -170, 40), ((-173.5, 30), (-171.5, 30), (0, -1)),
             ((-173.5, 40), (-171.5, 40), (0, 1))),
            ("stairs", rect(-170, 30, -165, 40), ((-168.5, 30), (-166.5, 30), (0, -1)),
             ((-168.5, 40), (-166.5, 40), (0, 1))),
            ("escalator", rect(-165, 30, -159, 40), ((-163, 30), (-161, 30), (0, -1)),
             ((-163, 40), (-161, 40), (0, 1)))],
        rooms=upper_rooms([(-195, -178), (-177, -160), (-159, -148), (-147, -141),
                           (-140, -134), (-133, -127)], 46, 60,
                          UPPER_NAMES + [label("pray"), label("wc_m"), label("wc_f"),
                                         label("wc_a")]),
        join_ground=lambda key: v.edge(key, lobby_mid),
        outline=rect(-195, 30, -120, 60), seminars=[])
    line = []
    for x, key in attach:
        c = v.node(x, cy)
        v.edge(key, c)
        line.append(c)
    v.chain(line)
    return write(v, out, name={"en": "Expo Centre Karachi", "ur": "ایکسپو سینٹر کراچی",
                               "zh-Hans": "卡拉奇博览中心"},
                 address={"address": "University Road, Gulshan-e-Iqbal", "unit": None,
                          "locality": "Karachi", "province": "PK-SD", "country": "PK",
                          "postal_code": "75300", "postal_code_ext": None,
                          "postal_code_vanity": None},
                 footprint_ring=rect(-195, -78, 195, 78),
                 building_name={"en": "Expo Centre Karachi", "ur": "ایکسپو سینٹر کراچی",
                                "zh-Hans": "卡拉奇博览中心"})


def main(argv=None) -> int:
    for key, build in (("lahore", build_lahore), ("karachi", build_karachi)):
        counts = build(MAPS / key)
        print(f"maps/{key}: {counts['features']} features, {counts['nodes']} nav nodes, "
              f"{counts['edges']} nav edges")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
