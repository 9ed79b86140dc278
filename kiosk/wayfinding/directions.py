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
from kiosk.config.words import in_every_language, table_in_every_language
from kiosk.core.words import QT_TRANSLATE_NOOP


def _in_all(source: str) -> dict[str, str]:
    """A word of this module (context "Directions" in the translators' files) in every language."""
    return in_every_language("Directions", source)

TURN_WORDS = {
    "straight": _in_all(QT_TRANSLATE_NOOP("Directions", "Go straight ahead")),
    "slight_left": _in_all(QT_TRANSLATE_NOOP("Directions", "Bear left")),
    "slight_right": _in_all(QT_TRANSLATE_NOOP("Directions", "Bear right")),
    "left": _in_all(QT_TRANSLATE_NOOP("Directions", "Turn left")),
    "right": _in_all(QT_TRANSLATE_NOOP("Directions", "Turn right")),
    "around": _in_all(QT_TRANSLATE_NOOP("Directions", "Turn around")),
}

TEMPLATES = table_in_every_language("Directions", {
    "start": QT_TRANSLATE_NOOP("Directions", "Facing the screen, {turn_lc} and walk {d} m{extra}."),
    "walk": QT_TRANSLATE_NOOP("Directions", "{turn} and walk {d} m{extra}."),
    "first": QT_TRANSLATE_NOOP("Directions", "Walk {d} m{extra}."),
    "start_straight": QT_TRANSLATE_NOOP("Directions", "Facing the screen, walk {d} m straight ahead{extra}."),
    "continue": QT_TRANSLATE_NOOP("Directions", "Continue straight for {d} m{extra}."),
    "enter": QT_TRANSLATE_NOOP("Directions", ", entering {unit} through {door}"),
    "leave": QT_TRANSLATE_NOOP("Directions", ", leaving {unit} through {door}"),
    "through": QT_TRANSLATE_NOOP("Directions", ", through {door}"),
    "stairs": QT_TRANSLATE_NOOP("Directions", "Take the stairs."),
    "ramp": QT_TRANSLATE_NOOP("Directions", "Take the ramp."),
    "elevator": QT_TRANSLATE_NOOP("Directions", "Take the lift."),
    "escalator": QT_TRANSLATE_NOOP("Directions", "Take the escalator."),
    "stairs_up": QT_TRANSLATE_NOOP("Directions", "Take the stairs up to {level}."),
    "stairs_down": QT_TRANSLATE_NOOP("Directions", "Take the stairs down to {level}."),
    "elevator_up": QT_TRANSLATE_NOOP("Directions", "Take the lift up to {level}."),
    "elevator_down": QT_TRANSLATE_NOOP("Directions", "Take the lift down to {level}."),
    "escalator_up": QT_TRANSLATE_NOOP("Directions", "Take the escalator up to {level}."),
    "escalator_down": QT_TRANSLATE_NOOP("Directions", "Take the escalator down to {level}."),
    "ramp_up": QT_TRANSLATE_NOOP("Directions", "Take the ramp up to {level}."),
    "ramp_down": QT_TRANSLATE_NOOP("Directions", "Take the ramp down to {level}."),
    "arrive": QT_TRANSLATE_NOOP("Directions", "{turn}: {dest} is {d} m ahead{extra}{side}."),
    "arrive_start": QT_TRANSLATE_NOOP("Directions", "Facing the screen, {turn_lc}: {dest} is {d} m ahead{extra}{side}."),
    "arrive_straight": QT_TRANSLATE_NOOP("Directions", "{dest} is {d} m ahead{extra}{side}."),
    "left_side": QT_TRANSLATE_NOOP("Directions", " on your left"),
    "right_side": QT_TRANSLATE_NOOP("Directions", " on your right"),
    "here": QT_TRANSLATE_NOOP("Directions", "You are at {dest}."),
})
# The door into the destination itself: the same English as "through", worded otherwise in Urdu
# and Chinese, so it has a context of its own.
for _lang, _text in in_every_language(
        "DirectionsArriving", QT_TRANSLATE_NOOP("DirectionsArriving", ", through {door}")).items():
    TEMPLATES[_lang]["via"] = _text

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


TAKE_AWAY = table_in_every_language("Directions", {
    "to": QT_TRANSLATE_NOOP("Directions", "To"),
    "from": QT_TRANSLATE_NOOP("Directions", "From"),
    "about": QT_TRANSLATE_NOOP("Directions", "{m} m, about {min} min"),
    "step_free": QT_TRANSLATE_NOOP("Directions", "step-free"),
    "schematic": QT_TRANSLATE_NOOP("Directions", "schematic map"),
})


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
