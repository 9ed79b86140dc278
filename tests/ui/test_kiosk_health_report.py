"""What the running kiosk tells the hub of its own health: the camera thread's status and the
badge printer's state, asked of a real cupsd off the GUI thread."""

from __future__ import annotations

from kiosk.commands.app import kiosk_health
from kiosk.services.printing import BadgePrinting, PrinterSettings

WAIT = 15_000


def test_the_printer_state_follows_cups_and_the_camera_its_thread(qtbot, make_window, kiosk_setup,
                                                                  cups_queue):
    event, _, _ = kiosk_setup
    printing = BadgePrinting(PrinterSettings(queue=cups_queue.name, media="4x3in", dpi=203),
                             event.rules, kiosk_id="kiosk-1")
    window = make_window(printing=printing)
    health = kiosk_health(window, every_ms=50)
    qtbot.waitUntil(lambda: health() == ("none", "ok"), timeout=WAIT)  # no camera in this test

    cups_queue.disable("media-empty-error")
    qtbot.waitUntil(lambda: health()[1] == "media-empty,stopped", timeout=WAIT)
    window._camera_status("lost")  # as the camera thread reports an unplugged camera
    assert health() == ("lost", "media-empty,stopped")
    cups_queue.enable()
    qtbot.waitUntil(lambda: health()[1] == "ok", timeout=WAIT)


def test_a_kiosk_without_a_printer_says_so(qtbot, make_window):
    window = make_window()
    assert kiosk_health(window)()[1] == "none"
