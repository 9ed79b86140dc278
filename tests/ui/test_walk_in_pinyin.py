"""A Chinese visitor registers at the kiosk with the name in characters, typed as pinyin on the
on-screen keyboard and picked from the candidate bar, by taps only; the badge CUPS receives
draws the name in characters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.organiser.kioskdir import init_kiosk
from kiosk.services.pinyin_input import PinyinIndex, choose, composing
from kiosk.services.printing import BadgePrinting, PrinterSettings
from tests.helpers.factories import DAYS, local
from tests.helpers.printed import pdf_qr_codes, pdf_text
from tests.ui.test_kiosk_printing import name_ink

WAIT = 15_000


def test_pinyin_gives_the_characters_people_write_their_names_with():
    index = PinyinIndex.load()
    # Common surnames come first under their pinyin (as any pinyin keyboard offers them) ...
    for pinyin, surname in [("wang", "王"), ("li", "李"), ("zhang", "张"), ("liu", "刘"),
                            ("chen", "陈"), ("zhou", "周"), ("lv", "吕")]:
        assert surname in index.candidates(pinyin, limit=16), pinyin
    # ... given names within the first pages, and a whole name's pinyin finds the word
    assert "伟" in index.candidates("wei", limit=24) and "芳" in index.candidates("fang", 16)
    assert "王维" in index.candidates("wangwei")
    assert index.candidates("zh")[:3] and index.candidates("ZHANG") == index.candidates("zhang")
    assert index.candidates("xyzzy") == [] and index.candidates("wang1") == []
    assert composing("王wei") == "wei" and choose("王wei", "伟") == "王伟"
    assert composing("Zara 2") == "" and choose("abc", "中") == "中"


@pytest.fixture
def printing(kiosk_setup, cups_queue):
    event, kiosk, _ = kiosk_setup
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    return BadgePrinting(PrinterSettings(queue=cups_queue.name, media="4x3in", dpi=203),
                         event.rules, kiosk_id="kiosk-1")


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_keys(keyboard, keys: str):
    for key in keys:
        keyboard.keys["space" if key == " " else key].click()


def pick(qtbot, bar, word: str) -> None:
    """Tap the candidate, turning the bar's pages as a person would."""
    qtbot.waitUntil(lambda: bar.isVisible() and bool(bar.candidates()), timeout=WAIT)
    for _ in range(6):
        if word in bar.candidates():
            button = next(b for b in bar.buttons if b.isVisible() and b.text() == word)
            click(qtbot, button)
            return
        assert bar.more.isVisible(), f"{word} not offered: {bar.found}"
        click(qtbot, bar.more)
    raise AssertionError(f"{word} not within six pages")


def test_a_chinese_name_typed_in_pinyin_is_registered_and_printed(qtbot, make_window, kiosk_setup,
                                                                  printing, cups_queue, tmp_path):
    from kiosk.services.walk_in import WalkIns

    window = make_window(printing=printing, at=local(DAYS[0], 11), walk_ins=WalkIns("kiosk-1"))
    window.set_language("zh")
    window.attract.scan_button.click()
    window.scan.walk_in_button.click()
    screen = window.pages["walk_in"]
    board, bar = screen.keyboard, screen.pinyin
    assert board.layout_name == "latin"  # pinyin is typed on the Latin keys
    with qtbot.waitSignal(bar.ready, timeout=WAIT):
        type_keys(board, "wang")
    qtbot.waitUntil(lambda: bar.candidates()[:1] == ["王"], timeout=WAIT)
    assert bar.typed.text() == "wang"
    window.grab().save(str(tmp_path / "walk-in-pinyin.png"))
    pick(qtbot, bar, "王")
    type_keys(board, "wei")
    pick(qtbot, bar, "伟")
    assert screen.fields["name"].text() == "王伟" and not bar.isVisible()
    click(qtbot, screen.fields["phone"])
    assert not bar.isVisible()  # digits: nothing to offer
    type_keys(board, "03335550002")
    with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as printed:
        with qtbot.waitSignal(window.result_shown, timeout=WAIT) as shown:
            screen.go_button.click()
    result = shown.args[0]
    assert result.tone == "green" and result.attendee.name == "王伟"
    document = cups_queue.job_files(printed.args[0].job_id)[0].read_bytes()
    # Drawn, shaped in the CJK face, as an image (as the Urdu names are): no '?' in its place
    assert "?" not in pdf_text(document) and name_ink(document, dpi=203) > 0.015
    assert pdf_qr_codes(document, dpi=203) == [result.attendee.id]


def test_the_bar_stays_away_in_other_languages(qtbot, make_window, kiosk_setup, printing):
    from kiosk.services.walk_in import WalkIns

    window = make_window(printing=printing, at=local(DAYS[0], 11), walk_ins=WalkIns("kiosk-1"))
    window.attract.scan_button.click()
    window.scan.walk_in_button.click()
    screen = window.pages["walk_in"]
    type_keys(screen.keyboard, "wang")
    assert screen.fields["name"].text() == "wang" and not screen.pinyin.isVisible()


def test_the_bar_fits_the_reachable_rows_in_low_reach(qtbot, make_window, kiosk_setup, printing):
    """A wheelchair user writing a Chinese name: the open candidate bar and everything under
    it stay within 380-1220 mm and pass the screenshot checks, in both orientations."""
    from kiosk.services.walk_in import WalkIns
    from kiosk.ui.checks import check_page, out_of_reach
    from kiosk.ui.i18n import install_translators
    from PySide6.QtWidgets import QApplication

    for size in ((1080, 1920), (1920, 1080)):
        window = make_window(size=size, printing=printing, at=local(DAYS[0], 11),
                             walk_ins=WalkIns("kiosk-1"))
        window.set_language("zh")
        window.set_low_reach(True)
        window.attract.scan_button.click()
        window.scan.walk_in_button.click()
        screen = window.pages["walk_in"]
        with qtbot.waitSignal(screen.pinyin.ready, timeout=WAIT):
            type_keys(screen.keyboard, "wang")
        qtbot.waitUntil(lambda: screen.pinyin.isVisible(), timeout=WAIT)
        QApplication.processEvents()
        assert out_of_reach(screen, window.reach_rows(), window) == [], size
        assert check_page(screen) == [], size
        window.session.leave_staff("back")
    install_translators(QApplication.instance(), "en")
    QApplication.instance().setLayoutDirection(Qt.LayoutDirection.LeftToRight)
