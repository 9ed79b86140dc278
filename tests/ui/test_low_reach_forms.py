"""Low reach (ADA 308) on the attendee's other pages: "No badge?", the walk-in form with its
keyboard and sign keys, the page a kiosk without maps shows, the print notice's "Print my badge"
and the badge desk's answer. Their usual layout puts controls above 1220 mm on a tall portrait
kiosk (the checker says so); lowered, every control is within 380-1220 mm; and a person in a
wheelchair checks in without a badge, and registers, by taps alone, in Urdu, in portrait."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.organiser.kioskdir import init_kiosk
from kiosk.ui.checks import out_of_reach
from tests.helpers.factories import DAYS, local

WAIT = 15_000
PORTRAIT = (1080, 1920)


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Translators and the layout direction are application-wide: English again after."""
    yield
    from kiosk.ui.i18n import install_translators

    install_translators(qapp, "en")
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def settle(qtbot):
    qtbot.wait(0)
    QApplication.processEvents()


@pytest.fixture
def entry_window(make_window):
    from kiosk.services.no_badge import NoBadge
    from kiosk.services.walk_in import WalkIns

    def make(moment=local(DAYS[0], 11)):
        return make_window(size=PORTRAIT, at=moment, no_badge=NoBadge("kiosk-1", clock=lambda: moment),
                           walk_ins=WalkIns("kiosk-1"))
    return make


def pages(window, qtbot):
    """Each page with its controls up: (name, page) after putting the window there."""
    from kiosk.ui.printing import PrintNotice

    notice = PrintNotice(window.result)  # as on a kiosk with a badge printer (print_on = ask)
    window.show_page("scan")
    window.scan.no_badge_button.click()
    settle(qtbot)
    yield "no_badge", window.pages["no_badge"]
    window.show_page("scan")
    window.scan.walk_in_button.click()
    window.pages["walk_in"].select("email")  # the sign keys (@ . _ +) as well
    settle(qtbot)
    yield "walk_in", window.pages["walk_in"]
    window.show_page("wayfinding")  # this kiosk has no maps installed
    settle(qtbot)
    yield "maps missing", window.wayfinding
    window.show_page("scan")
    with qtbot.waitSignal(window.result_shown, timeout=WAIT):
        window.on_code("V-001", 0.0)
    notice.apply_theme(window.theme)
    notice.offer(window.language, lambda: None)
    window.result.refit()
    settle(qtbot)
    yield "print my badge", window.result


def test_the_checker_fails_their_usual_layout_and_passes_them_lowered(qtbot, entry_window):
    window = entry_window()
    settle(qtbot)
    rows = window.reach_rows()
    assert rows == (1159, 1919)  # a 55-inch portrait kiosk: 1220 mm is row 1159
    usual = {name: out_of_reach(page, rows, window) for name, page in pages(window, qtbot)}
    # The usual layouts: the field at the top of "No badge?" and of the form, Back in the
    # middle of the no-maps page, the languages at the top of a result.
    assert any("no_badge_field" in p for p in usual["no_badge"]), usual
    assert any("walk_in_name" in p for p in usual["walk_in"]), usual
    assert any("wayfinding_back" in p for p in usual["maps missing"]), usual
    assert any("result_language" in p for p in usual["print my badge"]), usual
    window.session.leave_staff("back")
    window.set_low_reach(True)
    lowered = {name: out_of_reach(page, rows, window) for name, page in pages(window, qtbot)}
    assert lowered == {name: [] for name in usual}
    assert window.result.findChild(type(window.result.way_button), "result_print_button").isVisible()


def tap_in_reach(qtbot, window, widget):
    from tests.ui.test_touch_journeys import tap

    top, bottom = window.reach_rows()
    y0 = widget.mapTo(window, widget.rect().topLeft()).y()
    y1 = widget.mapTo(window, widget.rect().bottomLeft()).y()
    assert top <= y0 and y1 <= bottom, (widget.objectName(), y0, y1, (top, bottom))
    tap(qtbot, window, widget)
    settle(qtbot)


def lowered_in_urdu(qtbot, window):
    """A new person: Urdu, then the wheelchair button, on the attract screen."""
    from tests.ui.test_touch_journeys import tap

    assert window.current_page() == "attract" and not window.low_reach
    tap(qtbot, window, window.attract.language_buttons["ur"])
    tap(qtbot, window, window.attract.reach_button)
    settle(qtbot)
    assert window.low_reach and window.language == "ur"
    tap_in_reach(qtbot, window, window.attract.scan_button)
    assert window.current_page() == "scan"


def test_no_badge_then_a_walk_in_by_taps_alone_in_urdu_portrait(qtbot, entry_window, kiosk_setup,
                                                                tmp_path):
    from tests.helpers.contacts import add_contacts
    from tests.ui.test_touch_journeys import tap

    event, kiosk, _ = kiosk_setup
    add_contacts(event, tmp_path)
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    window = entry_window()
    settle(qtbot)
    rows = window.reach_rows()

    # Ayesha lost her badge: "No badge?", her e-mail and three letters of her name.
    lowered_in_urdu(qtbot, window)
    tap_in_reach(qtbot, window, window.scan.no_badge_button)
    screen = window.pages["no_badge"]
    assert window.current_page() == "no_badge" and out_of_reach(screen, rows, window) == []
    for ch in "ayesha.s@example.pk":
        tap_in_reach(qtbot, window, screen.keyboard.keys[ch])
    assert screen.field.text().lower() == "ayesha.s@example.pk"
    with qtbot.waitSignal(screen.answered, timeout=WAIT) as answer:
        tap_in_reach(qtbot, window, screen.go_button)
    assert answer.args[0] == "asked"
    assert out_of_reach(screen, rows, window) == []  # the second question too
    for ch in "aye":
        tap_in_reach(qtbot, window, screen.keyboard.keys[ch])
    with qtbot.waitSignal(window.result_shown, timeout=WAIT) as shown:
        tap_in_reach(qtbot, window, screen.go_button)
    assert shown.args[0].tone == "green" and shown.args[0].attendee.id == "C-001"
    settle(qtbot)
    assert window.current_page() == "result" and out_of_reach(window.result, rows, window) == []
    qtbot.mouseClick(window.result, Qt.MouseButton.LeftButton)  # tap anywhere: the next person
    qtbot.waitUntil(lambda: window.current_page() == "scan")
    assert not window.low_reach and window.language == "en"
    assert window.scan.reach_rows is None  # the usual layout again
    tap(qtbot, window, window.scan.back_button)  # to the attract screen's wheelchair button

    # Zara is not registered: the form, her name on the Urdu keys, her phone on the digits.
    lowered_in_urdu(qtbot, window)
    tap_in_reach(qtbot, window, window.scan.walk_in_button)
    form = window.pages["walk_in"]
    assert window.current_page() == "walk_in" and out_of_reach(form, rows, window) == []
    board = form.keyboard
    assert board.layout_name == "urdu"  # her own script first
    for key in "zara":
        tap_in_reach(qtbot, window, board.keys[key])
    assert form.fields["name"].text() == "زارا"
    assert form.preview.isVisible() and out_of_reach(form, rows, window) == []
    tap_in_reach(qtbot, window, form.fields["phone"])
    assert board.layout_name == "digits" and form.sign_keys["plus"].isVisible()
    tap_in_reach(qtbot, window, form.sign_keys["plus"])
    for key in "923335550001":
        tap_in_reach(qtbot, window, board.keys[key])
    assert form.fields["phone"].text() == "+923335550001"
    assert out_of_reach(form, rows, window) == []
    with qtbot.waitSignal(window.result_shown, timeout=WAIT) as shown:
        tap_in_reach(qtbot, window, form.go_button)
    result = shown.args[0]
    assert result.tone == "green" and result.attendee.id == "WI-KIOSK-1-0001"
    assert result.attendee.name == "زارا"
    settle(qtbot)
    assert out_of_reach(window.result, rows, window) == []


def test_after_a_lowered_page_the_next_person_in_urdu_reads_it_right_to_left(qtbot, entry_window):
    """Lowering a page moves its rows; raised again, they still follow Urdu's direction."""
    window = entry_window()
    window.set_low_reach(True)
    window.show_page("scan")
    window.scan.walk_in_button.click()
    window.show_page("result")  # (any page) then the next person, in Urdu
    window.session.leave_staff("idle")
    window.set_language("ur")
    settle(qtbot)
    assert not window.low_reach
    x = lambda w: w.mapTo(window, w.rect().topLeft()).x()  # noqa: E731
    attract = window.attract.language_buttons
    assert x(attract["en"]) > x(attract["zh"])  # the first language on the right
    window.show_page("scan")
    window.scan.walk_in_button.click()
    settle(qtbot)
    form = window.pages["walk_in"]
    assert form.reach_rows is None
    assert x(form.captions["name"]) > x(form.fields["name"]) > x(form.fields["company"])
    assert x(form.back_button) > x(form.go_button)
