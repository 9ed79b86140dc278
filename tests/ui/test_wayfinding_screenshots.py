"""Screenshots of both venues with a route, in English, Urdu and Chinese, for people to look at.

Written to $KIOSK_SCREENSHOTS when set (e.g. KIOSK_SCREENSHOTS=screenshots), else to a
temporary folder. The checks here are the ones a person would make first: the route is drawn,
Urdu puts the panel on the left without mirroring the map, and the picture is the full screen.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from kiosk.ui.wayfinding import WayfindingScreen
from kiosk.ui.wayfinding.map_view import ROUTE_COLOUR
from tests.helpers.wayfinding import wayfinder_with_exhibitors

CASES = [
    ("lahore", "en", "exhibitor:0"), ("lahore", "ur", "نماز"), ("lahore", "zh", "3号馆"),
    ("karachi", "en", "h5-b30"), ("karachi", "ur", "exhibitor:ur"), ("karachi", "zh", "会议"),
]


@pytest.fixture(scope="module")
def finders(tmp_path_factory):
    base = tmp_path_factory.mktemp("shots")
    return {"lahore": wayfinder_with_exhibitors(base / "l", "lahore", 150),
            "karachi": wayfinder_with_exhibitors(base / "k", "karachi", 250)}


@pytest.fixture(scope="module")
def shots_dir(tmp_path_factory) -> Path:
    configured = os.environ.get("KIOSK_SCREENSHOTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _query(finder, spec: str) -> str:
    if spec == "exhibitor:0":
        return finder.exhibitors[0].name("en")
    if spec == "exhibitor:ur":
        return next(e for e in finder.exhibitors if e.names.get("ur")).names["ur"]
    return spec


def _route_pixels(image, left: int, right: int) -> int:
    target = ROUTE_COLOUR.rgb()
    count = 0
    for y in range(0, image.height(), 3):
        for x in range(left, right, 3):
            if image.pixel(x, y) == target:
                count += 1
    return count


@pytest.mark.parametrize("venue,lang,spec", CASES)
def test_screenshot_with_route(qtbot, finders, shots_dir, venue, lang, spec):
    finder = finders[venue]
    screen = WayfindingScreen(finder.venue, finder.index, finder.router, "", language=lang)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    qtbot.waitExposed(screen)
    screen.search(_query(finder, spec))
    assert screen.results.count() > 0
    with qtbot.waitSignal(screen.route_shown, timeout=3000) as shown:
        screen.choose(0)
    assert shown.args[0]["lang"] == lang

    def settled():
        map_x = screen.map.mapTo(screen, QPoint(0, 0)).x()
        panel_x = screen.panel.mapTo(screen, QPoint(0, 0)).x()
        return (panel_x < map_x) == (lang == "ur")
    qtbot.waitUntil(settled)
    image = screen.grab().toImage()
    path = shots_dir / f"wayfinding-{venue}-{lang}.png"
    assert image.save(str(path))
    assert path.stat().st_size > 50_000
    assert (image.width(), image.height()) == (1920, 1080)
    map_left = screen.map.mapTo(screen, QPoint(0, 0)).x()
    assert _route_pixels(image, map_left, map_left + screen.map.width()) > 30
    screen.set_language("en")
