"""The kiosk used by taps only, as a visitor does: every button reacts where its centre is (the
staff corner never covers one, in any language or orientation), and each journey — search with
the on-screen keyboard, route, Back, the next person — is walked by tapping."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.core.pin import hash_pin
from kiosk.ui.wayfinding import WayfindingScreen
from tests.helpers.wayfinding import wayfinder_with_exhibitors

SIZES = [(1920, 1080), (1080, 1920)]


@pytest.fixture(scope="module")
def finder(tmp_path_factory):
    return wayfinder_with_exhibitors(tmp_path_factory.mktemp("touch"), "lahore", 120)


@pytest.fixture
def map_window(make_window, finder):
    def make(**overrides):
        def build(parent):
            return WayfindingScreen(finder.venue, finder.index, finder.router, "",
                                    language="en", parent=parent)
        return make_window(wayfinding=build, **overrides)
    return make


def settle(qtbot, window):
    qtbot.wait(0)  # no sleep: lets queued layout and the corner's placement run once
    QApplication.processEvents()
    window.place_corner()


def hit(window, widget):
    """What a finger on the widget's centre lands on."""
    centre = widget.mapTo(window, widget.rect().center())
    return window.childAt(centre), centre


def tap(qtbot, window, widget):
    target, centre = hit(window, widget)
    assert target is widget or widget.isAncestorOf(target), \
        f"{widget.objectName() or widget.text()!r} is covered by {target!r}"
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, centre))


def visible_buttons(window):
    # "Still there?" is modal: only its own button is there to be tapped.
    page = window.overlay if window.overlay.isVisible() else window.stack.currentWidget()
    return [b for b in page.findChildren(QAbstractButton) if b.isVisible()]


def assert_every_button_reachable(window, state):
    buttons = visible_buttons(window)
    assert buttons, state
    for b in buttons:
        target, _ = hit(window, b)
        assert target is b or b.isAncestorOf(target), \
            (state, b.objectName(), b.text(), target.objectName() if target else None)


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "ur", "zh"])
def test_the_staff_corner_never_covers_a_button(qtbot, map_window, kiosk_setup, language, size):
    _, _, tokens = kiosk_setup
    window = map_window(size=size, pin_hash=hash_pin("1234"))
    window.set_language(language)
    states = []

    def look(state):
        settle(qtbot, window)
        assert_every_button_reachable(window, state)
        if window.corner.isVisible():
            corner = window.corner.geometry()
            for b in visible_buttons(window):
                rect = b.rect().translated(b.mapTo(window, QPoint(0, 0)))
                assert not corner.intersects(rect), (state, b.objectName())
        states.append(state)

    look("attract")
    window.show_page("scan")
    look("scan")
    with qtbot.waitSignal(window.result_shown, timeout=10_000):
        window.on_code("NOT-ON-LIST", 0.0)
    look("result-unknown")
    window.show_page("wayfinding")
    look("wayfinding")
    window.wayfinding.show_keyboard()
    look("wayfinding-keyboard")
    window.wayfinding.search("hall 2")
    window.wayfinding.choose(0)
    look("wayfinding-route")
    window.open_pin_pad()
    look("pin")
    window.leave_staff("back")
    window.show_page("scan")
    window.overlay.show_count(5)
    look("still-there")
    window.overlay.stop()
    assert len(states) == 8


def test_back_on_the_map_works_in_its_middle_and_holding_it_opens_no_pin_pad(qtbot, map_window):
    window = map_window(pin_hash=hash_pin("1234"))
    for language in ("en", "ur"):
        window.set_language(language)
        window.show_page("wayfinding")
        settle(qtbot, window)
        target, centre = hit(window, window.wayfinding.back_button)
        assert target is window.wayfinding.back_button or \
            window.wayfinding.back_button.isAncestorOf(target)
        qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, centre))
        qtbot.wait(window.settings.long_press_ms * 2)  # held well past the staff gesture
        assert window.current_page() == "wayfinding"
        qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, centre))
        assert window.current_page() == "attract"


def test_search_route_back_and_the_next_person_by_taps_only(qtbot, map_window, kiosk_setup):
    _, _, tokens = kiosk_setup
    window = map_window()
    screen = window.wayfinding
    settle(qtbot, window)
    tap(qtbot, window, window.attract.language_buttons["ur"])
    assert window.language == "ur"
    tap(qtbot, window, window.attract.way_button)
    assert window.current_page() == "wayfinding"
    settle(qtbot, window)
    tap(qtbot, window, screen.search_box)
    assert screen.keyboard.isVisible()
    settle(qtbot, window)
    tap(qtbot, window, screen.keyboard.keys["layout_latin"])
    for key in "hall 2":
        settle(qtbot, window)
        tap(qtbot, window, screen.keyboard.keys["space" if key == " " else key])
    assert screen.search_box.text() == "hall 2"
    assert screen.results.count() > 0
    # the first result, tapped where it is drawn
    rect = screen.results.visualItemRect(screen.results.item(0))
    with qtbot.waitSignal(screen.route_shown, timeout=3000) as shown:
        qtbot.mouseClick(screen.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.route.title("en") == "Hall 2" and shown.args[0]["lang"] == "ur"
    assert not screen.keyboard.isVisible()
    settle(qtbot, window)
    tap(qtbot, window, screen.back_button)
    assert window.current_page() == "attract"
    assert window.language == "ur"  # Back: the same person
    assert screen.search_box.text() == "" and screen.route is None
    # the same person checks in; the next one finds everything fresh
    tap(qtbot, window, window.attract.scan_button)
    with qtbot.waitSignal(window.result_shown, timeout=10_000):
        window.on_code(tokens["V-001"], 0.0)
    assert window.current_page() == "result"
    qtbot.mouseClick(window.result, Qt.MouseButton.LeftButton, pos=QPoint(window.width() // 2,
                                                                          window.height() // 2))
    assert window.current_page() == "scan"
    assert window.language == "en"


def test_after_a_result_and_after_staff_mode_the_search_and_route_are_gone(qtbot, map_window,
                                                                          kiosk_setup):
    _, _, tokens = kiosk_setup
    window = map_window(pin_hash=hash_pin("1234"))
    screen = window.wayfinding
    window.set_language("zh")
    window.show_page("wayfinding")
    screen.search("hall 3")
    screen.choose(0)
    assert screen.route is not None
    window.show_page("scan")
    with qtbot.waitSignal(window.result_shown, timeout=10_000):
        window.on_code(tokens["S-001"], 0.0)
    window.session.result_done()
    assert screen.route is None and screen.search_box.text() == "" and window.language == "en"
    screen.search("hall 1")
    screen.choose(0)
    window.open_pin_pad()
    window.leave_staff("back")
    assert screen.route is None and screen.search_box.text() == ""


@pytest.mark.parametrize("language,karachi,day", [("en", "Expo Centre Karachi", "2 December"),
                                                  ("ur", "ایکسپو سینٹر کراچی", "دسمبر"),
                                                  ("zh", "卡拉奇", "12月")])
def test_refusals_name_the_city_and_the_days_and_lead_to_the_registration_desk(
        qtbot, map_window, kiosk_setup, language, karachi, day):
    _, _, tokens = kiosk_setup
    window = map_window(result_seconds=3, refusal_seconds=10)
    window.set_language(language)
    window.show_page("scan")
    with qtbot.waitSignal(window.result_shown, timeout=10_000):
        window.on_code(tokens["V-004"], 0.0)
    assert karachi in window.result.reason.text()
    assert window.session.result_seconds("red") == 10
    window.session.result_done()
    assert window.language == "en"  # the next person
    window.set_language(language)
    with qtbot.waitSignal(window.result_shown, timeout=10_000):
        window.on_code(tokens["V-003"], 0.0)
    assert day in window.result.reason.text() and "2" in window.result.reason.text()
    settle(qtbot, window)
    assert window.result.way_button.isVisible()
    with qtbot.waitSignal(window.wayfinding.route_shown, timeout=3000) as shown:
        tap(qtbot, window, window.result.way_button)
    assert window.current_page() == "wayfinding"
    assert window.wayfinding.route.title("en") == "Registration Desk"
    assert shown.args[0]["lang"] == language  # the same person, still in their language


def test_a_duplicate_says_what_it_is_and_not_go_in(qtbot, map_window, kiosk_setup):
    _, _, tokens = kiosk_setup
    window = map_window(result_seconds=3)
    for _ in range(2):
        with qtbot.waitSignal(window.result_shown, timeout=10_000) as shown:
            window.on_code(tokens["V-001"], 0.0)
    assert shown.args[0].outcome.value == "duplicate"
    text = window.result.reason.text() + " " + window.result.title.text()
    assert "go in" not in text.lower() and "already" in text.lower()
    assert window.session.result_seconds("amber") == 10


def test_language_buttons_on_the_scan_and_result_screens(qtbot, map_window, kiosk_setup):
    _, _, tokens = kiosk_setup
    window = map_window()
    window.show_page("scan")
    settle(qtbot, window)
    tap(qtbot, window, window.scan.language_buttons["zh"])
    assert window.language == "zh" and window.current_page() == "scan"
    with qtbot.waitSignal(window.result_shown, timeout=10_000):
        window.on_code(tokens["V-004"], 0.0)
    assert "卡拉奇" in window.result.reason.text()
    settle(qtbot, window)
    tap(qtbot, window, window.result.language_buttons["ur"])
    assert window.current_page() == "result"  # a language tap is not a "tap to continue"
    assert "کراچی" in window.result.reason.text()
    assert "رجسٹریشن" in window.result.way_button.text()


class RecordingSpeaker:
    def __init__(self):
        self.said = []

    def say(self, text, lang="en"):
        self.said.append((lang, text))
        return True

    def stop(self):
        pass


def test_read_aloud_speaks_the_result_and_the_route_for_this_person_only(qtbot, make_window,
                                                                       finder, kiosk_setup):
    _, _, tokens = kiosk_setup
    speaker = RecordingSpeaker()

    def build(parent):
        return WayfindingScreen(finder.venue, finder.index, finder.router, "", parent=parent)
    window = make_window(wayfinding=build, speaker=speaker)
    settle(qtbot, window)
    tap(qtbot, window, window.attract.language_buttons["ur"])
    tap(qtbot, window, window.attract.speech_button)
    assert window.speech_on
    window.show_page("scan")
    with qtbot.waitSignal(window.result_shown, timeout=10_000):
        window.on_code(tokens["V-004"], 0.0)
    lang, text = speaker.said[-1]
    assert lang == "ur" and "کراچی" in text
    window.open_wayfinding(window.result.destination)
    assert speaker.said[-1][0] == "ur" and len(speaker.said) == 2  # the way to the desk
    window.session.back()
    window.session.leave_staff("idle")  # the next person
    assert not window.speech_on and not window.attract.speech_button.isChecked()


def test_high_contrast_by_a_tap_and_off_for_the_next_person(qtbot, map_window):
    window = map_window()
    settle(qtbot, window)
    tap(qtbot, window, window.attract.contrast_button)
    assert window.theme.high_contrast and "background: black" in window.styleSheet()
    image = window.grab().toImage()
    corner = image.pixelColor(window.width() // 2, 5)
    assert corner.lightness() < 40  # black paper, not the usual light grey
    window.set_language("ur")  # a language change keeps it
    assert window.theme.high_contrast
    window.session.leave_staff("idle")
    assert not window.theme.high_contrast and not window.attract.contrast_button.isChecked()


def test_step_free_stays_where_it_is_when_a_route_comes_and_goes(qtbot, map_window):
    window = map_window()
    screen = window.wayfinding
    window.show_page("wayfinding")
    settle(qtbot, window)
    before = screen.step_free_button.geometry()
    screen.search("hall 2")
    screen.choose(0)
    settle(qtbot, window)
    assert screen.new_search_button.isEnabled()
    assert screen.step_free_button.geometry() == before
    tap(qtbot, window, screen.new_search_button)
    settle(qtbot, window)
    assert screen.step_free_button.geometry() == before
