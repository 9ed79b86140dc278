"""The kiosk window: every screen and transition, every outcome, the idle reset, the staff lock,
a lost camera, a failing disk. Real widgets, real kiosk.db; no sleeps (waitSignal/waitUntil)."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt

from kiosk.core.errors import StorageError
from kiosk.core.pin import hash_pin
from kiosk.organiser.badges import issue_tokens
from kiosk.organiser.kioskdir import build_desk
from kiosk.storage.roster import revocation_key, set_revocation
from tests.helpers.factories import DAYS, local
from tests.helpers.ui_stubs import RecordingSounds, ScriptedCamera


def scripts(text: str) -> set[str]:
    names = set()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            names.add("arabic" if "ARABIC" in name else "cjk" if "CJK" in name else "latin"
                      if "LATIN" in name else "other")
    return names


def check_in(qtbot, window, code):
    with qtbot.waitSignal(window.result_shown, timeout=10_000) as blocker:
        window.on_code(code, 0.0)
    return blocker.args[0]


def test_starts_on_the_attract_screen(make_window):
    window = make_window()
    assert window.current_page() == "attract"
    assert window.attract.headline.text() == "Scan your badge"
    assert "ITCN Asia Test" in window.attract.title.text()
    assert "Expo Centre Lahore" in window.attract.subtitle.text()


def test_start_back_and_find_your_way(qtbot, make_window):
    window = make_window()
    window.attract.scan_button.click()
    assert window.current_page() == "scan"
    window.scan.back_button.click()
    assert window.current_page() == "attract"
    window.attract.way_button.click()
    assert window.current_page() == "wayfinding"


@pytest.mark.parametrize("language,script", [("ur", "arabic"), ("zh", "cjk")])
def test_language_buttons_translate_every_screen(make_window, language, script):
    window = make_window()
    window.attract.language_buttons[language].click()
    assert window.language == language
    texts = [window.attract.headline.text(), window.attract.instruction.text(),
             window.attract.way_button.text(), window.scan.instruction.text(),
             window.scan.back_button.text(), window.pin.title.text(), window.staff.title.text()]
    for text in texts:
        assert script in scripts(text), text
        assert "latin" not in scripts(text.replace("PIN", "")), text
    expected_direction = Qt.LayoutDirection.RightToLeft if language == "ur" else Qt.LayoutDirection.LeftToRight
    assert window.layoutDirection() == expected_direction
    window.attract.language_buttons["en"].click()
    assert window.attract.headline.text() == "Scan your badge"
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_accepted_scan_is_stored_before_the_green_screen(qtbot, make_window, kiosk_setup):
    _, kiosk, tokens = kiosk_setup
    sounds = RecordingSounds()
    window = make_window(sounds=sounds)
    seen_in_db = []

    def look(result):  # runs when the result screen is about to show
        conn = sqlite3.connect(kiosk.db_path)
        row = conn.execute("SELECT outcome FROM scans WHERE scan_id = ?", (result.scan_id,)).fetchone()
        conn.close()
        seen_in_db.append(row)

    window.result_shown.connect(look)
    result = check_in(qtbot, window, tokens["V-001"])
    assert seen_in_db == [("accepted",)]
    assert window.current_page() == "result"
    assert window.result.tone == "green" and window.result.icon.shape == "tick"
    assert window.result.name.text() == "Ahmed Khan"
    assert window.result.title.text() == "Welcome"
    assert window.result.category.text() == "Visitor"
    assert sounds.played == ["accept"]
    assert result.outcome.value == "accepted"


CASES = {
    # outcome: (code key, moment, tone, icon)
    "accepted": ("S-001", None, "green", "tick"),
    "duplicate": ("V-001", None, "amber", "bang"),
    "unknown": ("NOT-ON-LIST", None, "red", "cross"),
    "invalid": ("ITC1:AAAA", None, "red", "cross"),
    "revoked": ("V-002", None, "red", "cross"),
    "wrong_day": ("V-003", None, "red", "cross"),
    "wrong_venue": ("V-004", None, "red", "cross"),
    "outside_hours": ("V-002x", local(DAYS[0], 20), "red", "cross"),
}


@pytest.mark.parametrize("language", ["en", "ur", "zh"])
@pytest.mark.parametrize("outcome", list(CASES))
def test_each_outcome_says_why_and_what_next_in_each_language(qtbot, make_window, kiosk_setup,
                                                               outcome, language):
    _, kiosk, tokens = kiosk_setup
    key, moment, tone, icon = CASES[outcome]
    if outcome == "revoked":
        with kiosk.open_store() as store:
            set_revocation(store.conn, revocation_key("id", "V-002"), "id", reason="lost")
    sounds = RecordingSounds()
    window = make_window(at=moment, sounds=sounds)
    window.set_language(language)
    code = tokens.get(key.rstrip("x"), key) if key != "ITC1:AAAA" else key
    if outcome == "duplicate":
        check_in(qtbot, window, code)
    result = check_in(qtbot, window, code)
    assert result.outcome.value == outcome
    screen = window.result
    assert (screen.tone, screen.icon.shape) == (tone, icon)
    assert sounds.played[-1] == {"green": "accept", "amber": "duplicate"}.get(tone, "refuse")
    words = screen.title.text() + screen.reason.text() + screen.next_step.text()
    if outcome == "accepted":
        assert screen.name.text() == "Speaker One" and screen.category.text()
        assert "latin" not in scripts(screen.title.text()) or language == "en"
        assert screen.fits()
        return
    assert screen.reason.text() and screen.next_step.text()
    if language == "en":
        assert "Gate 1" in screen.next_step.text() or "hours" in screen.next_step.text() \
            or "staff" in screen.next_step.text()
    else:
        assert ("arabic" if language == "ur" else "cjk") in scripts(words)
        assert "latin" not in scripts(screen.title.text() + screen.reason.text())
    assert screen.fits()


def test_result_returns_to_scanning_after_its_time_or_a_tap(qtbot, make_window, kiosk_setup):
    _, _, tokens = kiosk_setup
    window = make_window(result_seconds=0.2)
    check_in(qtbot, window, tokens["V-001"])
    assert window.current_page() == "result"
    qtbot.waitUntil(lambda: window.current_page() == "scan", timeout=5_000)
    window.result_seconds = 30
    window.settings.result_seconds = 30
    check_in(qtbot, window, tokens["V-002"])
    qtbot.mouseClick(window.result, Qt.MouseButton.LeftButton)
    assert window.current_page() == "scan"


def test_idle_countdown_then_back_to_attract_in_the_default_language(qtbot, make_window):
    window = make_window(idle_seconds=0.2, countdown_seconds=3)
    window.set_language("ur")
    window.show_page("scan")
    qtbot.waitUntil(window.overlay.isVisible, timeout=5_000)
    assert "arabic" in scripts(window.overlay.title.text())
    with qtbot.waitSignal(window.went_idle, timeout=5_000):
        pass
    assert window.current_page() == "attract"
    assert window.language == "en"
    assert not window.overlay.isVisible()


def test_a_touch_during_the_countdown_keeps_the_session(qtbot, make_window):
    window = make_window(idle_seconds=0.2, countdown_seconds=50)
    window.show_page("scan")
    qtbot.waitUntil(window.overlay.isVisible, timeout=5_000)
    window.overlay.button.click()
    assert not window.overlay.isVisible()
    assert window.current_page() == "scan"


def open_pin_pad(qtbot, window):
    qtbot.mousePress(window.corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: window.current_page() == "pin", timeout=5_000)
    qtbot.mouseRelease(window.corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def enter_pin(qtbot, window, pin):
    for digit in pin:
        window.pin.keys[digit].click()
    window.pin.keys["ok"].click()


def test_staff_lock_needs_the_pin_and_locks_out_after_five_wrong(qtbot, make_window, kiosk_setup):
    from kiosk.ui.staff_lock import PinService

    _, kiosk, _ = kiosk_setup
    pin_hash = hash_pin("2468")
    window = make_window(pin_hash=pin_hash, kiosk_mode=True)
    window.pin_service = PinService(window.desk, pin_hash)
    assert window.close() is False and window.isVisible()  # no way out without the PIN
    open_pin_pad(qtbot, window)
    for attempt in range(5):
        enter_pin(qtbot, window, "1111")
        qtbot.waitUntil(lambda: window.pin.notice != "", timeout=10_000)
        if attempt < 4:
            assert "Wrong PIN" in window.pin.message.text()
            window.pin.notice = ""
    assert "minute" in window.pin.message.text()
    assert not window.pin.keys["1"].isEnabled()
    window.pin.cancel_button.click()
    window.unlocked = True
    window.shutdown()
    # The lockout is in kiosk.db: a restarted kiosk is still locked, even for the right PIN.
    again = make_window(pin_hash=pin_hash)
    again.pin_service = PinService(again.desk, pin_hash)
    open_pin_pad(qtbot, again)
    qtbot.waitUntil(lambda: not again.pin.keys["1"].isEnabled(), timeout=10_000)
    assert "minute" in again.pin.message.text()


def test_right_pin_opens_staff_mode_and_exit(qtbot, make_window):
    from kiosk.ui.staff_lock import PinService

    pin_hash = hash_pin("2468")
    window = make_window(pin_hash=pin_hash, kiosk_mode=True)
    window.pin_service = PinService(window.desk, pin_hash)
    open_pin_pad(qtbot, window)
    with qtbot.waitSignal(window.staff_unlocked, timeout=10_000):
        enter_pin(qtbot, window, "2468")
    assert window.current_page() == "staff"
    window.staff.back_button.click()
    assert window.current_page() == "attract" and not window.unlocked


def test_no_pin_set_says_how_to_set_one(qtbot, make_window):
    window = make_window(pin_hash="")
    open_pin_pad(qtbot, window)
    assert "kiosk staff set-pin" in window.pin.message.text()
    assert not window.pin.keys["ok"].isEnabled()


def test_lost_camera_is_shown_and_recovers_by_itself(qtbot, make_window, kiosk_setup):
    _, _, tokens = kiosk_setup
    camera = ScriptedCamera()
    window = make_window(camera=lambda: camera)
    window.show_page("scan")
    qtbot.waitUntil(lambda: window.scan.camera_status == "ok", timeout=5_000)
    camera.set_status("lost")
    qtbot.waitUntil(lambda: "Camera unavailable" in window.scan.view.message, timeout=5_000)
    camera.set_status("ok")
    qtbot.waitUntil(lambda: window.scan.camera_status == "ok", timeout=5_000)
    assert "Camera unavailable" not in window.scan.view.message
    with qtbot.waitSignal(window.result_shown, timeout=10_000) as blocker:
        camera.show(tokens["V-001"])
    assert blocker.args[0].outcome.value == "accepted"


def test_a_disk_that_fails_never_shows_green(qtbot, make_window, kiosk_setup):
    _, kiosk, tokens = kiosk_setup

    def read_only():
        store = kiosk.open_store(readonly=True)  # every write fails, as on a full or dead disk
        return store, build_desk(kiosk, store, clock=lambda: local(DAYS[0], 12))

    sounds = RecordingSounds()
    window = make_window(opener=read_only, sounds=sounds)
    result = check_in(qtbot, window, tokens["V-001"])
    assert result is None
    assert window.result.tone == "red"
    assert window.result.title.text().startswith("Sorry")
    assert "registration desk" in window.result.next_step.text()
    assert sounds.played == ["refuse"]


def test_every_visible_string_has_urdu_and_chinese_translations():
    from xml.etree import ElementTree

    from kiosk.ui.i18n import FOLDER

    for ts in sorted(FOLDER.glob("*.ts")):
        tree = ElementTree.parse(ts)
        unfinished = [m.findtext("source") for m in tree.iter("message")
                      if m.find("translation").get("type") in ("unfinished", "obsolete")
                      or not "".join(m.find("translation").itertext()).strip()]
        assert unfinished == [], (ts.name, unfinished)


def test_translation_sources_cover_the_code_and_qm_files_are_current(tmp_path):
    """lupdate finds no string in the code that the .ts files lack; lrelease gives the .qm."""
    import importlib.util
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("i18n_tool", root / "scripts" / "i18n.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for sources, name in tool.families():  # the screens, the map, the report, the web
        for lang in ("ur", "zh"):
            ts = root / "kiosk" / "ui" / "i18n" / f"{name}_{lang}.ts"
            copy = tmp_path / ts.name
            shutil.copy(ts, copy)
            out = subprocess.run([tool.tool("lupdate"), "-extensions", "py", "-no-obsolete",
                                  "-locations", "none", *sources, "-ts", str(copy)],
                                 cwd=root, capture_output=True, text=True, check=True).stdout
            assert "0 new" in out, (ts.name, out)
    for ts in sorted((root / "kiosk" / "ui" / "i18n").glob("*.ts")):
        qm = tmp_path / (ts.stem + ".qm")
        subprocess.run([tool.tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        assert qm.read_bytes() == (ts.with_suffix(".qm")).read_bytes(), ts.name


def test_context_strings_are_translated_at_run_time(make_window):
    make_window().set_language("zh")
    assert QCoreApplication.translate("Outcome", "Welcome") == "欢迎"


def test_a_usb_badge_scanner_works_on_any_screen(qtbot, make_window, kiosk_setup):
    from kiosk.scanning.wedge import WedgeScanner

    window = make_window()
    window.wedge = WedgeScanner()
    window.show_page("attract")
    window.setFocus()
    with qtbot.waitSignal(window.result_shown, timeout=10_000) as blocker:
        qtbot.keyClicks(window, "V-001")
        qtbot.keyClick(window, Qt.Key.Key_Return)
    assert blocker.args[0].outcome.value == "accepted"
    assert blocker.args[0].to_json()["attendee"]["id"] == "V-001"
    with kiosk_setup[1].open_store() as store:
        assert [s["method"] for s in store.scans()] == ["wedge"]


def test_a_person_typing_is_not_a_scanner(qtbot, make_window):
    from kiosk.scanning.wedge import WedgeScanner

    window = make_window()
    window.wedge = WedgeScanner()
    shown = []
    window.result_shown.connect(shown.append)
    for i, ch in enumerate("V-001\n"):  # a key every 200 ms, as fingers type
        window.watcher.key_typed.emit(ch, 100.0 + 0.2 * i)
    assert shown == [] and window.current_page() == "attract"


def test_a_database_replaced_under_the_running_kiosk_never_shows_green(qtbot, make_window,
                                                                       kiosk_setup, tmp_path):
    import os
    import shutil

    _, kiosk, tokens = kiosk_setup
    window = make_window()
    assert check_in(qtbot, window, tokens["V-001"]).outcome.value == "accepted"
    shutil.copyfile(kiosk.db_path, tmp_path / "copy.db")  # restored from somewhere, say
    os.replace(tmp_path / "copy.db", kiosk.db_path)
    assert check_in(qtbot, window, tokens["V-002"]) is None
    assert window.result.tone == "red" and window.result.title.text().startswith("Sorry")
    assert "was replaced by another file" in window.failure_message
    assert window.result.staff_note.isVisible()  # what staff are shown, on the kiosk itself
    assert "replaced" in window.result.staff_note.text()
