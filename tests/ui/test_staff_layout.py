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



@pytest.fixture
def issued(kiosk_setup, tmp_path):
    from kiosk.organiser.badges import write_badges
    from kiosk.organiser.kioskdir import init_kiosk

    event, kiosk, _ = kiosk_setup
    badges = {b.attendee.id: b for b in write_badges(event, tmp_path / "badges")}
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    return badges


@pytest.mark.parametrize("orientation", list(SIZES))
def test_the_health_page_with_stuck_jobs_fits_and_every_job_has_its_buttons(
        qtbot, make_window, kiosk_setup, issued, cups_server, cups_queue, tmp_path, orientation):
    """Five jobs stuck in a real cupsd (two badges this kiosk sent and three documents from
    elsewhere, all held, then the labels ran out): in English, Urdu and Chinese the health page
    fits its screen, passes the screenshot checks, and each job's Retry and Cancel can be
    scrolled to and tapped whole; a Cancel tapped so takes its job out of CUPS."""
    from kiosk.services.printing import BadgePrinting, PrinterSettings
    from kiosk.ui.checks import check_page
    from tests.helpers.factories import DAYS, local

    event, _, _ = kiosk_setup
    printing = BadgePrinting(PrinterSettings(queue=cups_queue.name, media="4x3in", dpi=203),
                             event.rules, kiosk_id="kiosk-1")
    held = cups_server.lp("lpadmin", "-p", cups_queue.name, "-o", "job-hold-until-default=indefinite")
    assert held.returncode == 0, held.stderr
    window = make_window(printing=printing, at=local(DAYS[0], 11), size=SIZES[orientation])
    for who in ("V-001", "V-002"):
        with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as printed:
            with qtbot.waitSignal(window.result_shown, timeout=WAIT):
                window.on_code(issued[who].token, 0.0)
        assert printed.args[0].ok
        window.result.countdown.stop()
    document = tmp_path / "other.txt"
    document.write_text("a job another program sent\n")
    for n in range(3):
        sent = cups_server.lp("lp", "-d", cups_queue.name, "-t", f"other {n}", str(document))
        assert sent.returncode == 0, sent.stderr
    cups_queue.disable("media-empty-error")

    window.unlocked = True
    window.staff.show_tool("health")
    window.session.staff_unlocked()
    health = window.staff.tools["health"]
    panel = health.printer
    for language in ("en", "ur", "zh"):
        window.set_language(language)
        qtbot.waitUntil(lambda: len(panel.job_rows) == 5 and panel.state is not None
                        and health.facts is not None, timeout=WAIT)
        QApplication.processEvents()
        QApplication.processEvents()
        window.grab().save(str(tmp_path / f"health-{language}-{orientation}.png"))
        assert window.staff.fits(), language
        assert check_page(window.staff) == [], language
        owners = [panel.job_texts[j] for j in sorted(panel.job_rows)]
        assert "V-001" in owners[0] and "V-002" in owners[1], owners
        for job_id, (_text, retry, cancel) in panel.job_rows.items():
            for b in (retry, cancel):
                panel.jobs.ensureWidgetVisible(b)
                QApplication.processEvents()
                assert cut_or_hidden(b, window) == "", (language, job_id, b.objectName())
    # The last job's Cancel, tapped where a finger would tap it once scrolled to.
    last = max(panel.job_rows)
    cancel = panel.job_rows[last][2]
    panel.jobs.ensureWidgetVisible(cancel)
    QApplication.processEvents()
    centre = cancel.mapTo(window, cancel.rect().center())
    with qtbot.waitSignal(panel.job_cancelled, timeout=WAIT):
        qtbot.mouseClick(window.childAt(centre), Qt.MouseButton.LeftButton,
                         pos=window.childAt(centre).mapFrom(window, centre))
    assert cups_queue.wait_done(last) == "done"
    qtbot.waitUntil(lambda: sorted(panel.job_rows) == sorted(panel.job_rows)[:4]
                    and last not in panel.job_rows, timeout=WAIT)
