"""Step-by-step directions for a route, in English, Urdu and Simplified Chinese.

The path is cut into legs where it turns (more than 30 degrees), takes stairs, a ramp or a lift;
short legs fold into the next one. Doors on the way are named when they lead into or out of a
hall or room ("leaving Hall 2 through Door A"). The first step is told from where a person
reading the kiosk's screen stands and faces; the last says on which side the place is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from kiosk.wayfinding.venue import Place

TURN_WORDS = {
    "straight": {"en": "Go straight ahead", "ur": "سیدھا چلیں", "zh": "直行"},
    "slight_left": {"en": "Bear left", "ur": "ہلکا سا بائیں مڑیں", "zh": "稍向左转"},
    "slight_right": {"en": "Bear right", "ur": "ہلکا سا دائیں مڑیں", "zh": "稍向右转"},
    "left": {"en": "Turn left", "ur": "بائیں مڑیں", "zh": "左转"},
    "right": {"en": "Turn right", "ur": "دائیں مڑیں", "zh": "右转"},
    "around": {"en": "Turn around", "ur": "پیچھے مڑیں", "zh": "掉头"},
}

TEMPLATES = {
    "en": {
        "start": "Facing the screen, {turn_lc} and walk {d} m{extra}.",
        "walk": "{turn} and walk {d} m{extra}.",
        "first": "Walk {d} m{extra}.",
        "start_straight": "Facing the screen, walk {d} m straight ahead{extra}.",
        "continue": "Continue straight for {d} m{extra}.",
        "enter": ", entering {unit} through {door}",
        "leave": ", leaving {unit} through {door}",
        "through": ", through {door}",
        "via": ", through {door}",
        "stairs": "Take the stairs.", "ramp": "Take the ramp.", "elevator": "Take the lift.",
        "escalator": "Take the escalator.",
        "stairs_up": "Take the stairs up to {level}.", "stairs_down": "Take the stairs down to {level}.",
        "elevator_up": "Take the lift up to {level}.",
        "elevator_down": "Take the lift down to {level}.",
        "escalator_up": "Take the escalator up to {level}.",
        "escalator_down": "Take the escalator down to {level}.",
        "ramp_up": "Take the ramp up to {level}.", "ramp_down": "Take the ramp down to {level}.",
        "arrive": "{turn}: {dest} is {d} m ahead{extra}{side}.",
        "arrive_start": "Facing the screen, {turn_lc}: {dest} is {d} m ahead{extra}{side}.",
        "arrive_straight": "{dest} is {d} m ahead{extra}{side}.",
        "left_side": " on your left", "right_side": " on your right",
        "here": "You are at {dest}.",
    },
    "ur": {
        "start": "اسکرین کی طرف منہ کر کے {turn} اور {d} میٹر چلیں{extra}۔",
        "walk": "{turn} اور {d} میٹر چلیں{extra}۔",
        "first": "{d} میٹر چلیں{extra}۔",
        "start_straight": "اسکرین کی طرف منہ کر کے {d} میٹر سیدھا چلیں{extra}۔",
        "continue": "{d} میٹر سیدھا چلتے رہیں{extra}۔",
        "enter": "، {door} سے {unit} میں داخل ہوں",
        "leave": "، {door} سے {unit} سے باہر نکلیں",
        "through": "، {door} سے گزریں",
        "via": "، {door} سے",
        "stairs": "سیڑھیاں استعمال کریں۔", "ramp": "ریمپ استعمال کریں۔",
        "elevator": "لفٹ استعمال کریں۔", "escalator": "برقی زینہ استعمال کریں۔",
        "stairs_up": "سیڑھیوں سے اوپر {level} پر جائیں۔",
        "stairs_down": "سیڑھیوں سے نیچے {level} پر جائیں۔",
        "elevator_up": "لفٹ سے اوپر {level} پر جائیں۔",
        "elevator_down": "لفٹ سے نیچے {level} پر جائیں۔",
        "escalator_up": "برقی زینے سے اوپر {level} پر جائیں۔",
        "escalator_down": "برقی زینے سے نیچے {level} پر جائیں۔",
        "ramp_up": "ریمپ سے اوپر {level} پر جائیں۔", "ramp_down": "ریمپ سے نیچے {level} پر جائیں۔",
        "arrive": "{turn}؛ {dest} {d} میٹر آگے{side} ہے{extra}۔",
        "arrive_start": "اسکرین کی طرف منہ کر کے {turn}؛ {dest} {d} میٹر آگے{side} ہے{extra}۔",
        "arrive_straight": "{dest} {d} میٹر آگے{side} ہے{extra}۔",
        "left_side": " آپ کے بائیں جانب", "right_side": " آپ کے دائیں جانب",
        "here": "آپ {dest} پر ہیں۔",
    },
    "zh": {
        "start": "面向屏幕，{turn}，步行{d}米{extra}。",
        "walk": "{turn}，步行{d}米{extra}。",
        "first": "步行{d}米{extra}。",
        "start_straight": "面向屏幕，直行{d}米{extra}。",
        "continue": "继续直行{d}米{extra}。",
        "enter": "，从{door}进入{unit}",
        "leave": "，从{door}离开{unit}",
        "through": "，穿过{door}",
        "via": "，经{door}",
        "stairs": "走楼梯。", "ramp": "走坡道。", "elevator": "乘电梯。", "escalator": "乘自动扶梯。",
        "stairs_up": "走楼梯上到{level}。", "stairs_down": "走楼梯下到{level}。",
        "elevator_up": "乘电梯上到{level}。", "elevator_down": "乘电梯下到{level}。",
        "escalator_up": "乘自动扶梯上到{level}。", "escalator_down": "乘自动扶梯下到{level}。",
        "ramp_up": "走坡道上到{level}。", "ramp_down": "走坡道下到{level}。",
        "arrive": "{turn}，{dest}在前方{d}米处{side}{extra}。",
        "arrive_start": "面向屏幕，{turn}，{dest}在前方{d}米处{side}{extra}。",
        "arrive_straight": "{dest}在前方{d}米处{side}{extra}。",
        "left_side": "，在您的左侧", "right_side": "，在您的右侧",
        "here": "您已在{dest}。",
    },
}

LEVEL_CHANGES = ("stairs", "ramp", "elevator", "escalator")
# Rooms worth naming when a door leads into or out of them (not the concourse or a lobby).
NAMED_ROOMS = ("hall", "seminar", "room", "washroom", "food", "firstaid")
MIN_LEG = 4.0  # metres: shorter legs fold into the next one


def bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Compass bearing from a to b in degrees (0 north, 90 east)."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1])) % 360


def turn_between(heading: float, new: float) -> str:
    delta = (new - heading + 180) % 360 - 180  # positive: clockwise, to the right
    size = abs(delta)
    if size <= 30:
        return "straight"
    side = "right" if delta > 0 else "left"
    if size <= 60:
        return f"slight_{side}"
    if size <= 140:
        return side
    return "around"


def round_distance(metres: float) -> int:
    if metres < 10:
        return max(1, round(metres))
    if metres < 100:
        return int(5 * round(metres / 5))
    return int(10 * round(metres / 10))


@dataclass
class Leg:
    kind: str  # walk or a level change
    heading: float
    length: float = 0.0
    doors: list[tuple[str, Place | None, Place | None, Place | None]] = field(default_factory=list)
    end: tuple[float, float] = (0.0, 0.0)
    from_level: int = 0
    to_level: int = 0


def _legs(route) -> list[Leg]:
    venue = route.venue
    nodes = venue.nodes
    legs: list[Leg] = []
    for edge_index, (a, b) in enumerate(zip(route.nodes, route.nodes[1:])):
        edge = route.edges[edge_index]
        pa, pb = (nodes[a].x, nodes[a].y), (nodes[b].x, nodes[b].y)
        la, lb = nodes[a].level, nodes[b].level
        length = math.dist(pa, pb)
        heading = bearing(pa, pb) if length > 0.01 else (legs[-1].heading if legs else 0.0)
        if edge.kind in LEVEL_CHANGES:
            current = legs[-1] if legs else None
            # One flight, lift ride or escalator is one step, however many edges it takes.
            if current is not None and current.kind == edge.kind:
                current.length += length
                current.end = pb
                current.to_level = lb
                continue
            if current is not None and current.kind in LEVEL_CHANGES and la == lb \
                    and current.to_level != current.from_level:
                current.length += length  # stepping off at the top: part of the ride
                current.end = pb
                continue
            legs.append(Leg(edge.kind, heading, length, end=pb, from_level=la, to_level=lb))
            continue
        current = legs[-1] if legs else None
        if current is None or current.kind != "walk" or \
                abs((heading - current.heading + 180) % 360 - 180) > 30:
            current = Leg("walk", heading)
            legs.append(current)
        current.length += length
        current.end = pb
        if edge.kind == "door" and edge.opening_id:
            door = venue.places.get(edge.opening_id)
            current.doors.append(("door", door, venue.unit_at(*pa, la), venue.unit_at(*pb, lb)))
    # Fold short walking legs (a step off the concourse line, a door's threshold) forward.
    merged: list[Leg] = []
    for leg in legs:
        if merged and merged[-1].kind == "walk" and merged[-1].length < MIN_LEG \
                and leg.kind == "walk":
            short = merged.pop()
            leg.length += short.length
            leg.doors = short.doors + leg.doors
        elif len(merged) > 1 and merged[-1].kind == "walk" and merged[-1].length < MIN_LEG \
                and merged[-2].kind == "walk":  # a step before the stairs: part of the walk
            short = merged.pop()
            merged[-1].length += short.length
            merged[-1].doors += short.doors
        merged.append(leg)
    if len(merged) > 1 and merged[-1].kind == "walk" and merged[-1].length < MIN_LEG \
            and merged[-2].kind == "walk":
        last = merged.pop()
        merged[-1].length += last.length
        merged[-1].doors += last.doors
        merged[-1].end = last.end
    return merged


def _door_phrase(doors, lang: str, destination: Place) -> str:
    t = TEMPLATES[lang]
    for _kind, door, before, after in reversed(doors):
        if door is None:
            continue
        door_name = door.short(lang) if door.names or door.short_names else ""
        if after is not None and after.id == destination.id:
            return t["via"].format(door=door_name) if door_name else ""
        if after is not None and after.kind in NAMED_ROOMS and after.id != destination.id \
                and door_name:
            return t["enter"].format(unit=after.name(lang), door=door_name)
        if before is not None and before.kind in NAMED_ROOMS and door_name:
            return t["leave"].format(unit=before.name(lang), door=door_name)
        if door_name and door.kind in ("exit", "door"):
            return t["through"].format(door=door_name)
    return ""


def destination_label(destination: Place, lang: str, venue) -> str:
    name = destination.name(lang)
    if destination.kind == "booth":
        hall = venue.hall_of(destination)
        return f"{name} ({hall.name(lang)})" if hall and hall.name(lang) not in name else name
    return name


def route_steps(route, lang: str = "en") -> list[str]:
    if lang not in TEMPLATES:
        lang = "en"
    t = TEMPLATES[lang]
    words = {k: v[lang] for k, v in TURN_WORDS.items()}
    dest = route.destination
    dest_name = route.title(lang)
    legs = _legs(route)
    if not legs or route.metres < 1:
        return [t["here"].format(dest=dest_name)]
    steps: list[str] = []
    heading = route.facing
    for i, leg in enumerate(legs):
        first = i == 0
        last = i == len(legs) - 1
        if leg.kind != "walk":
            if leg.to_level != leg.from_level:
                way = "up" if leg.to_level > leg.from_level else "down"
                steps.append(t[f"{leg.kind}_{way}"].format(
                    level=route.venue.level_name(leg.to_level, lang)))
                heading = None  # out of a lift or off the stairs, facing who knows where
            else:
                steps.append(t[leg.kind])
                heading = leg.heading
            continue
        turn = turn_between(heading, leg.heading) if heading is not None else "straight"
        turn_text = words[turn]
        turn_lc = turn_text[0].lower() + turn_text[1:] if lang == "en" else turn_text
        d = round_distance(leg.length)
        if last:
            extra = _door_phrase(leg.doors, lang, dest)
            side = _side(leg, dest)
            side_text = t[f"{side}_side"] if side else ""
            if first and heading is not None:
                key = "arrive_start"
            elif turn == "straight":
                key = "arrive_straight"
            else:
                key = "arrive"
            steps.append(t[key].format(turn=turn_text, turn_lc=turn_lc, dest=dest_name, d=d,
                                       side=side_text, extra=extra))
        else:
            extra = _door_phrase(leg.doors, lang, dest)
            if first and heading is not None and turn == "straight":
                steps.append(t["start_straight"].format(d=d, extra=extra))
            elif first and heading is not None:
                steps.append(t["start"].format(turn=turn_text, turn_lc=turn_lc, d=d, extra=extra))
            elif first or heading is None:  # or just off the stairs or out of the lift
                steps.append(t["first"].format(d=d, extra=extra))
            elif turn == "straight":
                steps.append(t["continue"].format(d=d, extra=extra))
            else:
                steps.append(t["walk"].format(turn=turn_text, d=d, extra=extra))
        heading = leg.heading
    return steps


def _side(leg: Leg, dest: Place) -> str | None:
    """Whether the place lies left or right of the last leg's line, if clearly to one side."""
    if dest.feature_type == "unit" or math.dist(leg.end, dest.point) > 15:
        return None  # a room or hall: it is where the walk ends, not beside it
    hx = math.sin(math.radians(leg.heading))
    hy = math.cos(math.radians(leg.heading))
    dx, dy = dest.point[0] - leg.end[0], dest.point[1] - leg.end[1]
    cross = hx * dy - hy * dx  # positive: to the left of the heading
    if abs(cross) < 1.0:
        return None
    return "left" if cross > 0 else "right"


TAKE_AWAY = {
    "en": {"to": "To", "from": "From", "about": "{m} m, about {min} min", "step_free": "step-free",
           "schematic": "schematic map"},
    "ur": {"to": "منزل", "from": "روانگی", "about": "{m} میٹر، تقریباً {min} منٹ",
           "step_free": "سیڑھیوں کے بغیر", "schematic": "خاکہ نقشہ"},
    "zh": {"to": "目的地", "from": "出发地", "about": "{m}米，约{min}分钟", "step_free": "无台阶",
           "schematic": "示意图"},
}


def take_away_text(route, lang: str = "en", event_name: str = "ITCN Asia") -> str:
    """The directions as plain text for a QR code: readable offline on any phone, no link."""
    if lang not in TAKE_AWAY:
        lang = "en"
    t = TAKE_AWAY[lang]
    venue = route.venue
    dest = route.destination
    hall = venue.hall_of(dest)
    where = route.title(lang)
    if hall and hall.name(lang) not in where:
        where += f", {hall.name(lang)}"
    summary = t["about"].format(m=round(route.metres), min=route.minutes)
    if route.accessible:
        summary += f" ({t['step_free']})"
    lines = [f"{event_name} · {venue.name(lang)} ({t['schematic']})",
             f"{t['to']}: {where}",
             f"{t['from']}: {route.origin.name(lang)}",
             summary]
    lines += [f"{n}. {step}" for n, step in enumerate(route_steps(route, lang), start=1)]
    return "\n".join(lines)
