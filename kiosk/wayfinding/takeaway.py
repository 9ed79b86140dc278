"""The directions to take away: a short text in a small QR code, read offline by any phone.

Only what a person glances at on the way: the destination and its hall, the distance and time,
and the key turns as arrows with distances ("← 7 m · → 15 m · stairs · ↑ 20 m"). The text stays
within a version 10 QR code at error correction M (213 bytes of UTF-8) in every language, so
that a phone reads it from the screen at arm's length; long routes keep their first turns.
"""

from __future__ import annotations

from kiosk.wayfinding.directions import _legs, round_distance, turn_between

MAX_BYTES = 213  # QR version 10, error correction M, byte mode
ARROWS = {"straight": "↑", "slight_left": "↖", "slight_right": "↗", "left": "←", "right": "→",
          "around": "↓"}
WORDS = {
    "en": {"to": "To", "m": "{d} m", "summary": "{m} m, {min} min", "step_free": "step-free",
           "stairs": "stairs", "ramp": "ramp", "elevator": "lift", "escalator": "escalator"},
    "ur": {"to": "منزل", "m": "{d} میٹر", "summary": "{m} میٹر، {min} منٹ",
           "step_free": "سیڑھیوں کے بغیر", "stairs": "سیڑھیاں", "ramp": "ریمپ",
           "elevator": "لفٹ", "escalator": "برقی زینہ"},
    "zh": {"to": "目的地", "m": "{d}米", "summary": "{m}米，{min}分钟", "step_free": "无台阶",
           "stairs": "楼梯", "ramp": "坡道", "elevator": "电梯", "escalator": "扶梯"},
}


def turns(route, lang: str) -> list[str]:
    """The route as arrows and distances, one item per leg."""
    w = WORDS.get(lang, WORDS["en"])
    items, heading = [], route.facing
    for leg in _legs(route):
        if leg.kind != "walk":
            items.append(w.get(leg.kind, leg.kind))
        else:
            turn = turn_between(heading, leg.heading) if heading is not None else "straight"
            items.append(f"{ARROWS[turn]} {w['m'].format(d=round_distance(leg.length))}")
        heading = leg.heading
    return items


def take_away_text(route, lang: str = "en", event_name: str = "ITCN Asia") -> str:
    w = WORDS.get(lang, WORDS["en"])
    venue = route.venue
    where = route.title(lang)
    hall = venue.hall_of(route.destination)
    if hall and hall.name(lang) not in where:
        where += f" · {hall.name(lang)}"
    summary = w["summary"].format(m=round(route.metres), min=route.minutes)
    if route.accessible:
        summary += f" · {w['step_free']}"
    head = [f"{event_name} · {venue.name(lang)}", f"{w['to']}: {where}", summary]
    steps = turns(route, lang)

    def text(header, shown):
        line = " · ".join(shown) + (" …" if len(shown) < len(steps) else "")
        return "\n".join(header + ([line] if shown else []))

    for header in (head, head[1:]):  # the event's name goes first when room is short
        for n in range(len(steps), -1, -1):
            candidate = text(header, steps[:n])
            if len(candidate.encode("utf-8")) <= MAX_BYTES:
                return candidate
    short = f"{w['to']}: {where}"
    return short.encode("utf-8")[:MAX_BYTES].decode("utf-8", "ignore")
