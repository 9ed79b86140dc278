"""Low reach (ADA 308): a tap on the attract screen brings every control of every attendee screen
within 380-1220 mm of the floor, for this person only; every state is rendered in both
orientations and all three languages and each button, text field and list is checked to lie
wholly in the reachable rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.core.reach import Mounting
from kiosk.ui.checks import out_of_reach
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
    return wayfinder_with_exhibitors(tmp_path_factory.mktemp("reach"), "lahore", 120)


@pytest.fixture
def map_window(make_window, finder):
    def make(**overrides):
        def build(parent):
            return WayfindingScreen(finder.venue, finder.index, finder.router, "", language="en",
                                    parent=parent)
        return make_window(wayfinding=build, **overrides)
    return make


def settle(qtbot):
    qtbot.wait(0)
    QApplication.processEvents()


def test_the_checker_fails_the_usual_layout_of_a_tall_portrait_screen(qtbot, map_window):
    """On a 55-inch portrait kiosk the usual Start button and the map's Back are too high."""
    window = map_window(size=(1080, 1920))
    settle(qtbot)
    rows = window.reach_rows()
    assert rows == (1159, 1919)
    problems = out_of_reach(window.attract, rows, window)
    assert any("scan_button" in p for p in problems), problems
    window.show_page("wayfinding")
    settle(qtbot)
    problems = out_of_reach(window.wayfinding, rows, window)
    assert any(p.startswith("back") for p in problems), problems


def test_a_tap_lowers_every_page_for_this_person_only(qtbot, map_window):
    window = map_window(size=(1080, 1920))
    settle(qtbot)
    button = window.attract.reach_button
    assert "\u267F" in button.text()  # the wheelchair symbol and words, not colour alone
    before = button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.low_reach and button.isChecked() and button.text() != before
    settle(qtbot)
    rows = window.reach_rows()
    assert out_of_reach(window.attract, rows, window) == []
    window.set_language("ur")  # a language change keeps it
    settle(qtbot)
    assert window.low_reach and out_of_reach(window.attract, rows, window) == []
    window.show_page("scan")
    settle(qtbot)
    assert window.scan.reach_rows == rows and out_of_reach(window.scan, rows, window) == []
    window.open_pin_pad()  # staff stand: their pages keep the whole screen
    settle(qtbot)
    assert window.current_page() == "pin"
    window.session.leave_staff("idle")  # the next person
    settle(qtbot)
    assert not window.low_reach and not button.isChecked()
    assert window.attract.reach_rows is None
    assert out_of_reach(window.attract, rows, window)  # the usual layout again


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_map_screen_lowered_and_back_as_it_was(qtbot, map_window, size):
    window = map_window(size=size)
    screen = window.wayfinding
    window.show_page("wayfinding")
    settle(qtbot)
    controls = [screen.back_button, screen.zoom_in_button, screen.zoom_out_button,
                screen.reset_button, screen.search_box, screen.step_free_button,
                *screen.map.level_buttons.values()]
    before = [c.mapTo(window, c.rect().topLeft()) for c in controls]
    window.set_low_reach(True)
    settle(qtbot)
    rows = window.reach_rows()
    assert out_of_reach(screen, rows, window) == []
    top = min(c.mapTo(window, c.rect().topLeft()).y() for c in controls)
    assert top >= rows[0]
    screen.show_keyboard()
    settle(qtbot)
    assert out_of_reach(screen, rows, window) == []  # keys, box and list too
    screen.hide_keyboard()
    window.set_low_reach(False)
    settle(qtbot)
    assert [c.mapTo(window, c.rect().topLeft()) for c in controls] == before


def test_a_screen_mounted_low_keeps_controls_off_the_floor(qtbot, map_window):
    """kiosk.toml [display]: a tall screen reaching down to 100 mm: nothing below 380 mm."""
    window = map_window(size=(1080, 1920), display=Mounting(bottom_mm=100, height_mm=1500))
    window.attract.reach_button.click()
    settle(qtbot)
    top, bottom = window.reach_rows()
    # 1600 mm top, 1500 mm over 1920 rows: 1220 mm is row 486.4, 380 mm ends row 1561.6.
    assert (top, bottom) == (487, 1560)
    assert out_of_reach(window.attract, (top, bottom), window) == []
    lowest = max(b.mapTo(window, b.rect().bottomLeft()).y()
                 for b in window.attract.findChildren(type(window.attract.scan_button))
                 if b.isVisible())
    assert 1400 < lowest <= bottom


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from kiosk.organiser.demo import make_demo

    folder = tmp_path_factory.mktemp("reach-demo") / "demo"
    make_demo(folder, attendees=60, venue="lahore", with_pdf=False)
    return folder


def test_every_attendee_state_in_low_reach_passes_every_check(qapp, demo, tmp_path):
    """All low-reach states (scan, results, still-there, the map with keyboard, results, route,
    directory, "No badge?", the walk-in form, the print notice, the badge desk, no maps, and
    high contrast with low reach), three languages, both orientations: every control wholly in
    reach, and the other checks (glyphs, overflow, overlaps, sizes; contrast where high
    contrast is on) as on every screen."""
    from kiosk.commands.app import kiosk_settings, wayfinding_builder
    from kiosk.ui.screenshots import LOW_REACH, render

    states = tuple(f"{s}-low-reach" for s in LOW_REACH)
    assert {"attract-low-reach", "wayfinding-keyboard-low-reach", "directory-low-reach",
            "still-there-low-reach", "wayfinding-route-low-reach", "no-badge-low-reach",
            "walk-in-low-reach", "walk-in-email-low-reach", "maps-missing-low-reach",
            "result-print-ask-low-reach", "result-print-failed-low-reach",
            "badge-desk-low-reach", "wayfinding-keyboard-high-contrast-low-reach",
            "result-accepted-high-contrast-low-reach"} <= set(states)
    shots = render(demo, tmp_path / "shots", ["en", "ur", "zh"], [(1920, 1080), (1080, 1920)],
                   states, kiosk_settings=kiosk_settings, wayfinding_builder=wayfinding_builder)
    assert len(shots) == len(states) * 6
    bad = [(s.path.name, s.problems) for s in shots if s.problems]
    assert bad == []


def test_a_wheelchair_user_finds_the_way_by_taps_within_reach(qtbot, map_window):
    """Portrait, Urdu: low reach, Find your way, search on the keyboard, a result, Back; every
    tap lands on a control in the reachable rows, and the next person gets the usual layout."""
    from tests.ui.test_touch_journeys import tap

    window = map_window(size=(1080, 1920))
    screen = window.wayfinding
    settle(qtbot)
    tap(qtbot, window, window.attract.language_buttons["ur"])
    tap(qtbot, window, window.attract.reach_button)
    settle(qtbot)
    top, bottom = window.reach_rows()

    def tap_in_reach(widget):
        centre = widget.mapTo(window, widget.rect().center())
        assert top <= centre.y() <= bottom, (widget.objectName(), centre.y())
        tap(qtbot, window, widget)
        settle(qtbot)

    tap_in_reach(window.attract.way_button)
    assert window.current_page() == "wayfinding"
    tap_in_reach(screen.search_box)
    assert screen.keyboard.isVisible()
    tap_in_reach(screen.keyboard.keys["layout_latin"])
    for key in "hall 2":
        tap_in_reach(screen.keyboard.keys["space" if key == " " else key])
    assert screen.search_box.text() == "hall 2" and screen.results.count() > 0
    assert out_of_reach(screen, (top, bottom), window) == []
    rect = screen.results.visualItemRect(screen.results.item(0))
    assert top <= screen.results.viewport().mapTo(window, rect.center()).y() <= bottom
    with qtbot.waitSignal(screen.route_shown, timeout=3000):
        qtbot.mouseClick(screen.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)
    assert out_of_reach(screen, (top, bottom), window) == []
    tap_in_reach(screen.back_button)
    assert window.current_page() == "attract" and window.low_reach  # Back: the same person
    window.session.leave_staff("idle")
    settle(qtbot)
    assert not window.low_reach and window.language == "en"


def test_the_take_away_qr_counts_as_something_to_reach(qtbot, map_window):
    """A phone is held up to the take-away QR: the checker names it when it is out of reach (a
    label like any other is only seen, and is not named), and the lowered route keeps it in."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    page = QWidget()
    qtbot.addWidget(page)
    page.resize(400, 1000)
    box = QVBoxLayout(page)
    qr, words = QLabel("QR"), QLabel("words")
    qr.setObjectName("qr")
    qr.setProperty("in_reach", True)
    box.addWidget(qr)
    box.addWidget(words)
    box.addStretch(1)
    page.show()
    qtbot.waitExposed(page)
    problems = out_of_reach(page, (600, 999), page)
    assert len(problems) == 1 and problems[0].startswith("qr"), problems

    window = map_window(size=(1080, 1920))
    screen = window.wayfinding
    window.set_low_reach(True)
    window.show_page("wayfinding")
    settle(qtbot)
    with qtbot.waitSignal(screen.route_shown, timeout=3000):
        screen.search("seminar")
        screen.choose(0)
    settle(qtbot)
    rows = window.reach_rows()
    assert screen.qr_label.isVisible() and out_of_reach(screen, rows, window) == []
    top = screen.qr_label.mapTo(window, screen.qr_label.rect().topLeft()).y()
    assert rows[0] <= top and top + screen.qr_label.height() - 1 <= rows[1]
