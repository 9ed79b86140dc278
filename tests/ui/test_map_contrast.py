"""High contrast reaches the map screen: its panel, its buttons and the map drawing itself
(route, labels, the destination) turn white and yellow on black, every text at least 7:1."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui.checks import contrast, drawn_colours, low_contrast
from kiosk.ui.wayfinding import WayfindingScreen
from tests.helpers.wayfinding import wayfinder_with_exhibitors


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Translators and the layout direction are application-wide: English again after."""
    yield
    from PySide6.QtCore import Qt as _Qt

    from kiosk.ui.i18n import install_translators

    install_translators(qapp, "en")
    qapp.setLayoutDirection(_Qt.LayoutDirection.LeftToRight)


@pytest.fixture(scope="module")
def finder(tmp_path_factory):
    return wayfinder_with_exhibitors(tmp_path_factory.mktemp("contrast"), "lahore", 120)


@pytest.fixture
def map_window(make_window, finder):
    def build(parent):
        return WayfindingScreen(finder.venue, finder.index, finder.router, "", language="en",
                                parent=parent)
    return make_window(wayfinding=build)


def settle(qtbot):
    qtbot.wait(0)
    QApplication.processEvents()


def route_to_a_seminar_hall(qtbot, window):
    window.show_page("wayfinding")
    screen = window.wayfinding
    screen.search("seminar")
    screen.choose(0)
    settle(qtbot)
    assert screen.route is not None and screen.map.highlight is not None
    return screen


@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_map_screen_turns_white_and_yellow_on_black(qtbot, map_window, language):
    window = map_window
    window.set_language(language)
    screen = route_to_a_seminar_hall(qtbot, window)
    before = window.grab().toImage()
    normal_problems = low_contrast(screen)
    window.attract.contrast_button.click()  # as the attract screen's toggle does
    settle(qtbot)
    assert screen.high_contrast and screen.map.colours.background == "#000000"
    after = window.grab().toImage()
    # The map's paper is black now, and the panel with it.
    panel = screen.panel
    p = panel.mapTo(window, panel.rect().topRight())  # in the panel's margin
    assert after.pixelColor(p.x() - 6, p.y() + 6).lightness() < 30
    assert before.pixelColor(p.x() - 6, p.y() + 6).lightness() > 200
    # The route is still there, redrawn in yellow, and so is the destination's highlight.
    view = screen.map
    assert view.route_items and view.highlight is not None
    assert view.highlight.pen().color().name().upper() == "#FFD500"
    assert view.route_label.colour.name().upper() == "#000000"
    assert view.route_label.pill.name().upper() == "#FFD500"
    # Every text on the screen, as drawn, and every map label: 7:1 or better.
    assert low_contrast(screen) == []
    # Redrawn in the person's language, not the map's first one.
    halls = [lb.text for lb in view.labels if lb.priority == 0 and lb.isVisible()]
    assert halls and all(("ہال" in t) == (language == "ur") for t in halls), halls
    # The check is not blind: the usual colours have text under 7:1 (the pink route summary).
    assert normal_problems, "the normal map screen should not pass the AAA check"
    window.session.leave_staff("idle")  # the next person gets the usual colours
    settle(qtbot)
    assert not screen.high_contrast and screen.map.colours.background != "#000000"


def test_high_contrast_before_the_map_is_opened_reaches_it(qtbot, map_window):
    window = map_window
    window.attract.contrast_button.click()
    screen = route_to_a_seminar_hall(qtbot, window)
    assert screen.high_contrast
    assert screen.map.backgroundBrush().color().name() == "#000000"
    labels = screen.map.text_colours()
    assert labels and all(contrast(ink, pill) >= 7 for _, ink, pill in labels if pill)
    assert low_contrast(screen) == []
    # Searching: the empty box's hint (its placeholder) and the keyboard's keys too.
    window.set_language("ur")
    screen.show_search()
    screen.search("")
    screen.show_keyboard()
    settle(qtbot)
    assert screen.keyboard.isVisible() and screen.search_box.placeholderText()
    problems = low_contrast(screen)
    window.set_language("en")  # translators and the layout direction are application-wide
    assert problems == []


def test_drawn_colours_finds_the_ink_not_its_antialiased_edge(qtbot):
    """The measurement itself, on a picture drawn here: dark grey text on white is 10:1."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    import numpy as np

    image = QImage(300, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(40)
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    painter.drawText(QRect(0, 0, 300, 80), Qt.AlignmentFlag.AlignCenter, "Hall 2")
    painter.end()
    data = np.frombuffer(image.constBits(), dtype=np.uint32,
                         count=image.bytesPerLine() // 4 * 80).reshape(80, -1)
    background, ink = drawn_colours(data, QRect(0, 0, 300, 80))
    assert background == "#FFFFFF" and ink == "#444444"
    assert 9.5 < contrast(ink, background) < 10
