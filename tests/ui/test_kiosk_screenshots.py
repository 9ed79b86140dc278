"""Screenshots of every kiosk screen in every language, landscape and portrait, for people to look
at (saved to $KIOSK_SCREENSHOTS, else a temporary folder); and the size rules checked on each."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.ui.metrics import BODY_CAP_HEIGHT_MM, TOUCH_TARGET_MM, cap_height_mm, mm_to_px
from kiosk.ui.shaping import ShapedButton
from tests.helpers.factories import DAYS, local

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("KIOSK_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def badge_frame(kiosk_setup) -> QImage:
    from kiosk.organiser.badges import qr_code

    _, _, tokens = kiosk_setup
    image = qr_code(tokens["V-001"], box_size=6).make_image().convert("RGB")
    canvas = QImage(1280, 720, QImage.Format.Format_RGB888)
    canvas.fill(0x8A8F98)
    from PySide6.QtGui import QPainter

    qt_badge = QImage(image.tobytes(), image.width, image.height, image.width * 3,
                      QImage.Format.Format_RGB888)
    painter = QPainter(canvas)
    painter.drawImage((1280 - image.width) // 2, (720 - image.height) // 2, qt_badge)
    painter.end()
    return canvas


def check_sizes(window, page):
    """Nothing clips; buttons are touch-sized; body text is readable from a metre away."""
    assert page.fits(), f"{page.objectName() or type(page).__name__} does not fit"
    floor = mm_to_px(TOUCH_TARGET_MM, window) - 1
    for b in page.findChildren(ShapedButton):
        if b.isVisible():
            assert b.height() >= floor and b.width() >= floor, (b.objectName(), b.size())
    body = getattr(page, "instruction", None) or getattr(page, "reason", None)
    if body is not None and window.language != "ur":  # Nastaliq has no capitals to measure
        assert cap_height_mm(body.font(), window) >= BODY_CAP_HEIGHT_MM - 0.05


@pytest.mark.parametrize("orientation", list(SIZES))
@pytest.mark.parametrize("language", ["en", "ur", "zh"])
def test_every_screen(qtbot, make_window, kiosk_setup, shots, language, orientation):
    from kiosk.core.pin import hash_pin
    from kiosk.ui.staff_lock import PinService

    _, _, tokens = kiosk_setup
    window = make_window(size=SIZES[orientation], idle_seconds=600, pin_hash=hash_pin("2468"))
    window.pin_service = PinService(window.desk, window.settings.pin_hash)
    window.set_language(language)

    def snap(name, page):
        qtbot.waitUntil(lambda: window.stack.currentWidget() is page or page is window.overlay)
        QApplication.processEvents()  # let the layouts settle, as the event loop would first
        QApplication.processEvents()
        check_sizes(window, page)
        assert window.grab().save(str(shots / f"kiosk-{name}-{language}-{orientation}.png"))

    window.show_page("attract")
    snap("attract", window.attract)
    window.show_page("scan")
    window.scan.set_camera_status("ok")
    window.scan.view.show_frame(badge_frame(kiosk_setup))
    snap("scan", window.scan)
    window.scan.set_camera_status("lost")
    snap("scan-camera-lost", window.scan)
    for name, code in (("accepted", tokens["E-001"]), ("duplicate", tokens["E-001"]),
                       ("unknown", "ITCN-99999"), ("wrong-venue", tokens["V-004"])):
        with qtbot.waitSignal(window.result_shown, timeout=10_000):
            window.on_code(code, 0.0)
        snap(f"result-{name}", window.result)
    window.show_page("scan")
    window.overlay.setGeometry(window.rect())
    window.overlay.set_theme(window.theme)
    window.overlay.start(7, 100_000)
    snap("still-there", window.overlay)
    window.overlay.stop()
    window.open_pin_pad()
    snap("pin", window.pin)
    window.show_page("staff")
    snap("staff", window.staff)
