"""The staff pages as staff see them after a change of language: the look-up keyboard whole and
tappable, the health page (printer, stuck jobs) on one screen. A key, a button is checked as a
finger meets it: the widget under its centre in the window is the key itself, and it is wholly
inside the window and inside every widget it sits in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.metrics import TOUCH_TARGET_MM, mm_to_px

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
WAIT = 15_000


def seen_rect(widget, window) -> QRect:
    """The part of ``widget`` that can be seen in the window (clipped by all it sits in)."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        if parent is window:
            break
        parent = parent.parentWidget()
    return rect


def cut_or_hidden(widget, window) -> str:
    """Why a finger cannot tap all of this control, or "" when it can."""
    whole = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not widget.isVisible():
        return "hidden"
    if seen_rect(widget, window) != whole:
        return f"cut: {whole} shows only {seen_rect(widget, window)}"
    floor = mm_to_px(TOUCH_TARGET_MM, window) - 1
    if widget.width() < floor or widget.height() < floor:
        return f"{widget.width()}x{widget.height()} px, under {TOUCH_TARGET_MM} mm"
    hit = window.childAt(whole.center())
    if hit is not widget and not widget.isAncestorOf(hit):
        return f"its centre is under {hit.objectName() or type(hit).__name__}"
    return ""


def open_lookup(qtbot, window):
    window.unlocked = True
    window.staff.show_tool("lookup")
    window.session.staff_unlocked()
    qtbot.waitUntil(lambda: window.current_page() == "staff")
    return window.staff.tools["lookup"]


# Screens of other densities: a 24" panel (96 dpi, the offscreen default), an 18.5" one (120)
# and a 14" one in landscape (160; in portrait ten keys of 20 mm do not fit its 171 mm).
SCREENS = [("landscape", 96.0), ("portrait", 96.0), ("landscape", 120.0), ("portrait", 120.0),
           ("landscape", 160.0)]


@pytest.mark.parametrize("orientation,dpi", SCREENS)
@pytest.mark.parametrize("first,then", [("en", "ur"), ("en", "zh"), ("ur", "zh"), ("zh", "en")])
def test_the_lookup_keyboard_is_whole_and_tappable_after_a_language_switch(
        qtbot, make_window, monkeypatch, orientation, dpi, first, then):
    import kiosk.ui.metrics as metrics

    monkeypatch.setattr(metrics, "FALLBACK_DPI", dpi)  # offscreen, the screen's size is unknown
    window = make_window(size=SIZES[orientation])
    window.set_language(first)
    lookup = open_lookup(qtbot, window)
    qtbot.waitUntil(lambda: lookup.keyboard.isVisible())
    window.set_language(then)
    QApplication.processEvents()  # the layouts settle, as the event loop does before painting
    QApplication.processEvents()
    keys = lookup.keyboard.keys
    assert len(keys) == 43  # 40 letters, digits and signs; Clear, Space, Delete
    problems = {k: cut_or_hidden(b, window) for k, b in keys.items()}
    assert {k: p for k, p in problems.items() if p} == {}
    # Every key types what it says when tapped where a finger would tap it.
    lookup.search.clear()
    for key_id in ("1", "q", "a", "@", "z", "+", "space", "backspace", "clear"):
        b = keys[key_id]
        before = lookup.search.text()
        centre = b.mapTo(window, b.rect().center())
        qtbot.mouseClick(window.childAt(centre), Qt.MouseButton.LeftButton,
                         pos=window.childAt(centre).mapFrom(window, centre))
        after = lookup.search.text()
        expected = {"space": before + " ", "backspace": before[:-1], "clear": ""}.get(
            key_id, before + key_id)
        assert after == expected, (key_id, before, after)
    with qtbot.waitSignal(lookup.searched, timeout=WAIT):
        pass  # the search the typing started ends before the window does

