"""The map on several floors: one level at a time, a level switcher, the route's leg per level
and a "next floor" button, in English, Urdu and Chinese (screenshots for people to look at)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from kiosk.ui.wayfinding import WayfindingScreen
from kiosk.ui.wayfinding.map_view import ROUTE_COLOUR
from kiosk.wayfinding import Wayfinder
from tests.helpers.imdf import write_two_floor_venue


@pytest.fixture(scope="module")
def finder(tmp_path_factory):
    return Wayfinder.open(write_two_floor_venue(tmp_path_factory.mktemp("levels") / "two"))


@pytest.fixture(scope="module")
def shots_dir(tmp_path_factory) -> Path:
    configured = os.environ.get("KIOSK_SCREENSHOTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _rect(widget, screen) -> QRect:
    return QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())


def _route_pixels(image) -> int:
    target = ROUTE_COLOUR.rgb()
    return sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
               if image.pixel(x, y) == target)


@pytest.mark.parametrize("lang", ["en", "ur", "zh"])
def test_route_over_two_floors(qtbot, finder, shots_dir, lang):
    screen = WayfindingScreen(finder.venue, finder.index, finder.router, "", language=lang)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    qtbot.waitExposed(screen)
    view = screen.map
    assert view.level_bar.isVisible() and sorted(view.level_buttons) == [0, 1]
    assert view.level == 0 and view.level_buttons[0].isChecked()
    assert not view.next_floor_button.isVisible()
    before = {o: _rect(b, screen) for o, b in view.level_buttons.items()}
    next_at = _rect(view.next_floor_button, screen)
    screen.search("Seminar Room 1")
    assert screen.results.count() > 0
    with qtbot.waitSignal(screen.route_shown, timeout=3000) as shown:
        screen.choose(0)
    assert shown.args[0]["levels"] == [0, 1]
    qtbot.waitUntil(view.next_floor_button.isVisible)
    # The route starts on the ground floor, where "you are here" is.
    assert view.level == 0 and view.here_marker.isVisible()
    legs = {lvl for item, lvl in view._level_items if item in view.route_items}
    assert legs == {0, 1}
    assert all(item.isVisible() == (lvl == 0) for item, lvl in view._level_items
               if item in view.route_items)
    # Controls stay where they were, and clear of the zoom buttons and of each other.
    assert {o: _rect(b, screen) for o, b in view.level_buttons.items()} == before
    assert _rect(view.next_floor_button, screen) == next_at
    others = [screen.zoom_in_button, screen.zoom_out_button, screen.reset_button, screen.note]
    for control in [*view.level_buttons.values(), view.next_floor_button]:
        for other in others:
            assert not _rect(control, screen).intersects(_rect(other, screen))
    ground = screen.grab().toImage()
    assert _route_pixels(ground) > 50
    assert ground.save(str(shots_dir / f"wayfinding-levels-{lang}-ground.png"))
    qtbot.mouseClick(view.next_floor_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.level == 1)
    assert view.level_buttons[1].isChecked() and not view.level_buttons[0].isChecked()
    assert not view.here_marker.isVisible()  # you are downstairs
    assert view.route_label.isVisible()  # the destination's pin and name are up here
    upper = screen.grab().toImage()
    assert _route_pixels(upper) > 50
    assert upper.save(str(shots_dir / f"wayfinding-levels-{lang}-upper.png"))
    # The switcher takes you back down; so does the next-floor button on the last floor.
    qtbot.mouseClick(view.level_buttons[0], Qt.MouseButton.LeftButton)
    assert view.level == 0 and view.here_marker.isVisible()


def test_one_level_venue_has_no_switcher(qtbot, tmp_path):
    from tests.helpers.imdf import write_tiny_venue

    tiny = Wayfinder.open(write_tiny_venue(tmp_path / "tiny"))
    screen = WayfindingScreen(tiny.venue, tiny.index, tiny.router, "", language="en")
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    assert not screen.map.level_bar.isVisible()
    assert not screen.map.next_floor_button.isVisible()


def _visible_label_rects(view):
    return [(view._screen_rect(lb), lb.group, lb.full_text) for lb in view.labels
            if lb.isVisible()]


@pytest.fixture(scope="module")
def lahore_finder(tmp_path_factory):
    from tests.helpers.wayfinding import wayfinder_with_exhibitors

    return wayfinder_with_exhibitors(tmp_path_factory.mktemp("lahore-levels"), "lahore", 150)


@pytest.mark.parametrize("lang,size", [("en", (1920, 1080)), ("ur", (1920, 1080)),
                                       ("zh", (1080, 1920))])
def test_labels_never_overlap_and_you_are_here_is_never_under_a_control(qtbot, lahore_finder,
                                                                        lang, size):
    f = lahore_finder
    screen = WayfindingScreen(f.venue, f.index, f.router, "", language=lang)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    view = screen.map

    def check():
        rects = _visible_label_rects(view)
        for i, (a, ga, ta) in enumerate(rects):
            for b, gb, tb in rects[i + 1:]:
                assert ga is not None and ga == gb or not a.intersects(b), (ta, tb)
        def here_clear():
            here = view._screen_rect(view.here_marker).toRect()
            return not view.here_marker.isVisible() or not any(
                here.intersects(r) for r in view._control_rects())
        qtbot.waitUntil(here_clear, timeout=3000)

    check()
    for factor in (1.5, 2.0, 3.0):
        view.zoom_by(factor)
        check()
    screen.search("Prayer Room (Women)")
    with qtbot.waitSignal(screen.route_shown, timeout=3000):
        screen.choose(0)
    check()
    # The destination is lit up, and its own label gives way to the route's name on the pin.
    assert view.highlight is not None and view.highlight.isVisible()
    dest = f.venue.places[screen.route.destination.id]
    assert all(not lb.isVisible() for lb in view.place_labels.get(dest.id, []))
    assert view.route_label.isVisible()
    screen.search("Seminar Room 2")
    with qtbot.waitSignal(screen.route_shown, timeout=3000):
        screen.choose(0)
    check()
    view.next_floor()
    check()
    assert view.level == 1 and view.highlight.isVisible()


@pytest.mark.parametrize("kiosk,lang,route", [("Gate 3", "en", False), ("Gate 2", "ur", False),
                                              ("Gate 1", "en", True)])
def test_you_are_here_clears_the_zoom_buttons_on_a_small_screen(qtbot, lahore_finder, kiosk,
                                                                lang, route):
    """At 1280x800 the gate kiosks fall under "+" or "−" unless the map makes room."""
    f = lahore_finder
    anchor = f.venue.kiosk_place(kiosk)
    screen = WayfindingScreen(f.venue, f.index, f.router, anchor.id, language=lang)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    if route:
        with qtbot.waitSignal(screen.route_shown, timeout=3000):
            screen.show_nearest("washroom_men")
    view = screen.map

    def clear():
        here = view._screen_rect(view.here_marker).united(view._screen_rect(view.here_label))
        return QRect(view.viewport().rect()).contains(here.toRect()) and not any(
            r.intersects(here.toRect()) for r in view._control_rects())
    qtbot.waitUntil(clear, timeout=3000)


def test_a_kiosk_upstairs_starts_on_its_own_floor(qtbot, finder):
    upstairs = finder.venue.kiosk_place("Upstairs")
    screen = WayfindingScreen(finder.venue, finder.index, finder.router, upstairs.id,
                              language="en")
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.map.level == 1 and screen.map.level_buttons[1].isChecked()
    assert screen.map.here_marker.isVisible()
    screen.search("Registration")
    with qtbot.waitSignal(screen.route_shown, timeout=3000) as shown:
        screen.choose(0)
    assert shown.args[0]["levels"] == [1, 0]
    assert "Next: Ground floor" == screen.map.next_floor_button.text()
