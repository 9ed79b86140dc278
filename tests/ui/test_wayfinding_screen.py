"""The map screen under pytest-qt: search, route drawn and animated, QR shown, languages, touch."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.core.event import Attendee
from kiosk.ui.metrics import BODY_CAP_HEIGHT_MM, TOUCH_TARGET_MM, cap_height_mm, mm_to_px
from kiosk.ui.wayfinding import WayfindingScreen
from tests.helpers.wayfinding import wayfinder_with_exhibitors

I18N = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "i18n"
SCREEN_SOURCE = Path(__file__).resolve().parents[2] / "kiosk/ui/wayfinding/screen.py"


@pytest.fixture(scope="module")
def lahore_finder(tmp_path_factory):
    return wayfinder_with_exhibitors(tmp_path_factory.mktemp("lahore"), "lahore", 150)


@pytest.fixture
def screen(qtbot, lahore_finder):
    f = lahore_finder
    widget = WayfindingScreen(f.venue, f.index, f.router, "", language="en")
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_language("en")  # translators are application-wide


def _decode_qr(pixmap) -> list[str]:
    import numpy as np
    import zxingcpp

    image = pixmap.toImage().convertToFormat(pixmap.toImage().Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8,
                         count=image.bytesPerLine() * height).reshape(height, -1)[:, :width]
    padded = np.pad(data, 40, constant_values=255)
    return [r.text for r in zxingcpp.read_barcodes(padded)]


def test_search_then_route_drawn_then_qr_shown(qtbot, screen):
    screen.search("h2-b14")
    assert screen.results.count() >= 1
    assert "H2-B14" in screen.results.item(0).text()
    item_rect = screen.results.visualItemRect(screen.results.item(0))
    with qtbot.waitSignal(screen.route_shown, timeout=3000) as shown:
        qtbot.mouseClick(screen.results.viewport(), Qt.MouseButton.LeftButton,
                         pos=item_rect.center())
    route = shown.args[0]
    assert "H2-B14" in route["to"] and route["metres"] > 20 and route["steps"]
    assert screen.pages.currentIndex() == 1
    assert screen.map.route_items and screen.map.animating
    first = screen.map.dash_offset()
    qtbot.waitUntil(lambda: screen.map.dash_offset() != first, timeout=3000)
    # The QR holds the directions themselves, readable without any server.
    pixmap = screen.qr_label.pixmap()
    assert not pixmap.isNull() and screen.qr_label.isVisible()
    texts = _decode_qr(pixmap)
    assert texts == [screen.qr_text]
    assert "H2-B14" in texts[0] and "Expo Centre Lahore" in texts[0]
    assert "http" not in texts[0]
    # Short, for a glance on the way: the key turns as arrows, within a version 10 QR code.
    assert len(texts[0].encode("utf-8")) <= 213
    assert texts[0].splitlines()[-1].count(" m") == len(route["steps"])


def test_one_tap_nearest_prayer_room_for_women(qtbot, screen):
    button = screen.quick_buttons["prayer_women"]
    with qtbot.waitSignal(screen.route_shown, timeout=3000) as shown:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown.args[0]["to"] == "Prayer Room (Women)"
    assert set(screen.quick_buttons) == {"washroom_men", "washroom_women", "washroom_wheelchair",
                                         "prayer_men", "prayer_women", "food",
                                         "exit", "information"}


def test_step_free_toggle_reroutes_and_explains_when_impossible(qtbot, screen):
    screen.search("seminar hall a")
    with qtbot.waitSignal(screen.route_shown) as quick:
        screen.choose(0)
    assert "stairs" in quick.args[0]["uses"]
    with qtbot.waitSignal(screen.route_shown) as level:
        qtbot.mouseClick(screen.step_free_button, Qt.MouseButton.LeftButton)
    assert "stairs" not in level.args[0]["uses"] and level.args[0]["accessible"]
    screen.search("media centre")
    with qtbot.assertNotEmitted(screen.route_shown):
        screen.choose(0)
    assert "steward" in screen.steps_label.text()
    assert not screen.qr_label.isVisible() and not screen.map.route_items


def test_urdu_mirrors_the_panels_but_never_the_map(qtbot, screen):
    hall1 = next(h for h in screen.venue.halls if h.name() == "Hall 1")
    hall3 = next(h for h in screen.venue.halls if h.name() == "Hall 3")
    screen.set_language("ur")
    qtbot.waitUntil(lambda: screen.back_button.text() == "واپس")
    assert screen.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert screen.map.layoutDirection() == Qt.LayoutDirection.LeftToRight
    screen.map.reset_view()
    x1 = screen.map.mapFromScene(hall1.point[0], -hall1.point[1]).x()
    x3 = screen.map.mapFromScene(hall3.point[0], -hall3.point[1]).x()
    assert x1 < x3  # west stays on the left
    def panel_on_the_left():
        return screen.panel.mapTo(screen, QPoint(0, 0)).x() < screen.map.mapTo(
            screen, QPoint(0, 0)).x()
    qtbot.waitUntil(panel_on_the_left)  # the layout re-flows on the next event loop turn
    with qtbot.waitSignal(screen.route_shown) as shown:
        screen.show_nearest("food")
    assert shown.args[0]["lang"] == "ur"
    assert re.search("[\u0600-\u06FF]", screen.steps_label.text())
    assert re.search("[\u0600-\u06FF]", screen.qr_text)
    screen.set_language("zh")
    assert screen.back_button.text() == "返回"
    assert screen.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert "步行" in screen.steps_label.text()  # the shown route is retold in Chinese


def test_zoom_pan_and_reset(qtbot, screen):
    view = screen.map
    view.reset_view()
    fit = view.pixels_per_metre()
    booth_labels = [lab for lab in view.labels if lab.full_text == "H2-B14"]
    assert booth_labels and not booth_labels[0].isVisible()  # too small to read at first
    view.zoom_by(2.0)
    assert view.pixels_per_metre() == pytest.approx(2 * fit, rel=0.01)
    view.zoom_by(100.0)
    assert view.pixels_per_metre() <= max(fit * 2, 40.0) + 1e-6  # a sane limit
    assert booth_labels[0].isVisible()
    before = view.centre_scene()
    view.pan_by(120, 0)
    after = view.centre_scene()
    assert after.x() < before.x()  # dragging right shows what lies to the west
    with qtbot.waitSignal(screen.activity):
        qtbot.mouseClick(screen.reset_button, Qt.MouseButton.LeftButton)
    assert view.pixels_per_metre() == pytest.approx(fit, rel=0.01)


def test_you_are_here_faces_the_way_the_reader_faces(screen):
    marker = screen.map.here_marker
    assert marker is not None and marker.rotation() == screen.here.facing
    assert marker.pos().x() == pytest.approx(screen.here.point[0])


def test_touch_targets_and_text_are_big_enough(screen):
    target = mm_to_px(TOUCH_TARGET_MM, screen)
    buttons = [b for b in screen.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) >= 9
    for button in buttons:
        assert button.height() >= target and button.width() >= target, button.text()
    assert screen.search_box.height() >= target
    assert cap_height_mm(screen.steps_label.font(), screen) >= BODY_CAP_HEIGHT_MM


def test_activity_and_closed(qtbot, screen):
    with qtbot.waitSignal(screen.activity):
        qtbot.mouseClick(screen.map.viewport(), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.activity):
        qtbot.keyClicks(screen.search_box, "h")
    with qtbot.waitSignal(screen.closed):
        qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)


def test_after_check_in_offers_the_exhibitors_booth(qtbot, screen, lahore_finder):
    ex = lahore_finder.exhibitors[3]
    attendee = Attendee("E-9", "Someone", "exhibitor", company=ex.name("en"))
    with qtbot.waitSignal(screen.route_shown) as shown:
        assert screen.show_destination_for(attendee)
    assert shown.args[0]["booth"] == ex.booth.code
    assert not screen.show_destination_for(Attendee("V-9", "Visitor", "visitor"))


def test_reset_returns_to_the_first_state(qtbot, screen):
    screen.search("food")
    screen.choose(0)
    screen.set_accessible(True)
    screen.reset()
    assert screen.search_box.text() == "" and screen.pages.currentIndex() == 0
    assert not screen.accessible and not screen.map.route_items


def _sources() -> list[tuple[str, str]]:
    """(context, source) of every marked string of the map screen and of the Qt-free wayfinding
    layer (directions, search labels, sectors), read from the code itself."""
    def marked(node) -> bool:  # QT_TRANSLATE_NOOP(ctx, "…") or QCoreApplication.translate(ctx, "…")
        func = node.func
        name = getattr(func, "id", "") or getattr(func, "attr", "")
        return name in ("QT_TRANSLATE_NOOP", "translate")

    found = []
    for path in [*sorted(SCREEN_SOURCE.parent.glob("*.py")),
                 *sorted((SCREEN_SOURCE.parents[2] / "wayfinding").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and marked(node) and len(node.args) > 1 \
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                            for a in node.args[:2]):
                found.append((node.args[0].value, node.args[1].value))
    return found


@pytest.mark.parametrize("lang", ["ur", "zh"])
def test_every_visible_string_is_translated(lang):
    import xml.etree.ElementTree as ET

    root = ET.parse(I18N / f"wayfinding_{lang}.ts").getroot()
    translated = {(c.findtext("name"), m.findtext("source")): m.findtext("translation")
                  for c in root.iter("context") for m in c.iter("message")}
    sources = _sources()
    assert len(set(sources)) > 100  # the screen's, the map's and the directions' words
    # Urdu and Chinese have no lower case: where English says {turn_lc} they say {turn}.
    same = {"{turn_lc}": "{turn}"}
    for key in sources:
        assert translated.get(key), f"{key!r} has no {lang} translation"
        wanted = {same.get(p, p) for p in re.findall(r"\{\w+\}", key[1])}
        assert wanted == set(re.findall(r"\{\w+\}", translated[key])), key


@pytest.mark.parametrize("lang", ["ur", "zh"])
def test_lupdate_finds_every_map_screen_string(tmp_path, lang):
    """Qt's own extraction sees the map screen's strings (before, a home-made _tr() hid all of
    them from lupdate, which then called every one of them vanished)."""
    import importlib.util
    import shutil

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("i18n_tool", root / "scripts" / "i18n.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    copy = tmp_path / f"wayfinding_{lang}.ts"
    shutil.copy(I18N / copy.name, copy)
    out = subprocess.run([tool.tool("lupdate"), "-extensions", "py", "-no-obsolete", "-locations",
                          "none", *tool.wayfinding_sources(), "-ts", str(copy)], cwd=root,
                         capture_output=True, text=True, check=True).stdout
    found = re.search(r"Found (\d+) source text\(s\) \((\d+) new and (\d+) already", out)
    assert found and int(found.group(1)) == len(set(_sources())) and found.group(2) == "0", out


@pytest.mark.parametrize("lang", ["ur", "zh"])
def test_committed_qm_matches_its_source(tmp_path, lang):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    out = tmp_path / f"wayfinding_{lang}.qm"
    subprocess.run([str(lrelease), "-silent", str(I18N / f"wayfinding_{lang}.ts"), "-qm", str(out)],
                   check=True, timeout=60)
    assert out.read_bytes() == (I18N / f"wayfinding_{lang}.qm").read_bytes(), \
        "run pyside6-lrelease kiosk/ui/i18n/*.ts and commit the .qm files"


def test_qt_binding_keeps_none_alive(qapp):
    """PySide6 6.12.0 on Python 3.11 lost a reference to None on every void call: a crash."""
    button = QPushButton()
    before = sys.getrefcount(None)
    for _ in range(2000):
        button.setText("x")
    assert sys.getrefcount(None) >= before - 50
