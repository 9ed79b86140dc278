"""Routes: shortest, step-free, nearest of a group, and places that cannot be reached."""

from __future__ import annotations

import math

import pytest

from kiosk.wayfinding.routing import NoRoute, Router


def _named(venue, name):
    return next(p for p in venue.places.values() if p.name("en") == name)


def test_route_to_booth_starts_at_kiosk_and_ends_at_booth(lahore):
    router = Router(lahore)
    kiosk = lahore.kiosk_place()
    booth = lahore.booth("H3-B120")
    route = router.route(kiosk, booth)
    assert route.nodes[0] in kiosk.nodes and route.nodes[-1] in booth.nodes
    walked = sum(math.dist((lahore.nodes[a].x, lahore.nodes[a].y),
                           (lahore.nodes[b].x, lahore.nodes[b].y))
                 for a, b in zip(route.nodes, route.nodes[1:]))
    assert route.metres == pytest.approx(walked, rel=1e-6)
    assert route.metres >= math.dist(kiosk.point, booth.point) - 5
    assert route.minutes == math.ceil(route.metres / 60)


def test_route_is_no_longer_than_going_through_the_other_hall_door(lahore):
    router = Router(lahore)
    kiosk = lahore.kiosk_place()
    booth = lahore.booth("H1-B5")
    doors = [p for p in lahore.places.values() if p.name("en").startswith("Hall 1 Door")]
    assert len(doors) == 2
    best = router.route(kiosk, booth).metres
    for door in doors:
        via = router.route(kiosk, door).metres + router.route(door, booth).metres
        assert best <= via + 1e-6


def test_step_free_route_avoids_stairs_and_is_longer(lahore):
    router = Router(lahore)
    kiosk = lahore.kiosk_place()
    seminar = _named(lahore, "Seminar Hall A")
    quick = router.route(kiosk, seminar)
    level = router.route(kiosk, seminar, accessible=True)
    assert "stairs" in quick.uses
    assert "stairs" not in level.uses and "ramp" in level.uses
    assert level.metres > quick.metres


def test_nearest_of_group_is_the_closest_member(karachi):
    router = Router(karachi)
    for kiosk in karachi.kiosks:
        for group in ("washroom", "prayer_women", "food", "exit", "information"):
            nearest = router.nearest(kiosk, group)
            for member in karachi.group(group):
                assert nearest.metres <= router.route(kiosk, member).metres + 1e-6
            assert group in nearest.destination.groups


def test_nearest_accessible_washroom_is_a_wheelchair_one(karachi):
    route = Router(karachi).nearest(karachi.kiosk_place(), "washroom", accessible=True)
    assert "washroom_wheelchair" in route.destination.groups


def test_place_reached_only_by_steps_gets_a_clear_answer(lahore):
    router = Router(lahore)
    media = _named(lahore, "Media Centre")
    assert "stairs" in router.route(lahore.kiosk_place(), media).uses
    with pytest.raises(NoRoute) as caught:
        router.route(lahore.kiosk_place(), media, accessible=True)
    assert caught.value.reason == "not_step_free"
    assert "no step-free route" in str(caught.value)


def test_place_off_the_network_is_unreachable(tiny):
    kiosk = tiny.kiosk_place()
    room_a = _named(tiny, "Room A")
    room_a.nodes = ["a_in"]  # pretend its node list points at a node we now detach
    tiny.edges = [e for e in tiny.edges if {e.a, e.b} != {"a_out", "a_in"}]
    router = Router(tiny)
    with pytest.raises(NoRoute) as caught:
        router.route(kiosk, room_a)
    assert caught.value.reason == "unreachable"
    assert "cannot be reached" in str(caught.value)


def test_kiosk_anchor_by_id_name_or_default(lahore):
    default = lahore.kiosk_place("")
    assert default.name("en") == "Kiosk, Gate 1"
    other = lahore.kiosks[1]
    assert lahore.kiosk_place(other.id) is other
    assert lahore.kiosk_place("gate 3").name("en") == "Kiosk, Gate 3"
    assert all(k.facing is not None for k in lahore.kiosks)
