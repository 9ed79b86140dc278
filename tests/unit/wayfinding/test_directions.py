"""Step-by-step directions, checked on a tiny venue whose turns are known by construction."""

from __future__ import annotations

from kiosk.wayfinding.directions import round_distance, turn_between
from kiosk.wayfinding.routing import Router


def _named(venue, name):
    return next(p for p in venue.places.values() if p.name("en") == name)


def test_turns_and_distances_in_english(tiny):
    route = Router(tiny).route(tiny.kiosk_place(), _named(tiny, "Room A"))
    steps = route.steps("en")
    assert steps == [
        "Facing the screen, walk 20 m straight ahead.",
        "Turn right and walk 30 m.",
        "Turn left: Room A is 8 m ahead, through Door A.",
    ]


def test_same_route_in_urdu_and_chinese(tiny):
    route = Router(tiny).route(tiny.kiosk_place(), _named(tiny, "Room A"))
    ur = route.steps("ur")
    assert "اسکرین" in ur[0] and "20 میٹر" in ur[0] and "سیدھا" in ur[0]
    assert ur[1].startswith("دائیں مڑیں") and "30 میٹر" in ur[1]
    assert ur[2].startswith("بائیں مڑیں") and "کمرہ اے" in ur[2] and "دروازہ اے" in ur[2]
    zh = route.steps("zh")
    assert zh[0] == "面向屏幕，直行20米。"
    assert zh[1] == "右转，步行30米。"
    assert zh[2].startswith("左转") and "A室" in zh[2] and "A门" in zh[2]


def test_first_step_is_told_from_the_way_the_reader_faces(tiny):
    washroom = _named(tiny, "Washroom (Women)")
    steps = Router(tiny).route(tiny.kiosk_place(), washroom).steps("en")
    assert steps == ["Facing the screen, turn right: Washroom (Women) is 10 m ahead."]


def test_stairs_are_announced(tiny):
    route = Router(tiny).route(tiny.kiosk_place(), _named(tiny, "Room B"))
    steps = route.steps("en")
    assert "Take the stairs." in steps
    assert steps[1].startswith("Turn left")
    assert "پیچھے" not in " ".join(route.steps("ur"))


def test_leaving_a_hall_names_its_door(lahore):
    router = Router(lahore)
    inside = lahore.booth("H2-B30")
    steps = router.route(inside, lahore.booth("H3-B30")).steps("en")
    text = " ".join(steps)
    assert "leaving Hall 2 through Door" in text
    assert "entering Hall 3 through Door" in text
    assert steps[-1].startswith(("Booth H3-B30", "Turn", "Bear")) and "H3-B30" in steps[-1]


def test_turn_words_and_rounding():
    assert turn_between(0, 10) == "straight"
    assert turn_between(0, 90) == "right"
    assert turn_between(0, 270) == "left"
    assert turn_between(350, 40) == "slight_right"
    assert turn_between(90, 265) == "around"
    assert [round_distance(m) for m in (0.2, 7.4, 23, 87, 143)] == [1, 7, 25, 85, 140]
