"""Getting into staff mode and out of it: `kiosk staff set-pin` stores only a slow salted hash,
five wrong PINs lock the pad for five minutes (across restarts, then it opens again), staff mode
ends after its idle time, and every step is in the audit log."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QPoint, Qt

from kiosk.cli import main
from kiosk.config import load_kiosk
from kiosk.core.pin import verify_pin
from kiosk.ui.staff_lock import PinService

WAIT = 10_000


class Clock:
    """Wall-clock seconds that the test moves on (the lock-out is five real minutes)."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def audit(kiosk) -> list[tuple[str, str]]:
    conn = sqlite3.connect(kiosk.db_path)
    try:
        return conn.execute("SELECT action, detail FROM audit_log ORDER BY seq").fetchall()
    finally:
        conn.close()


def set_pin(kiosk, pin: str, monkeypatch, capsys) -> str:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    assert main(["staff", "set-pin", "--kiosk", str(kiosk.path)]) == 0
    capsys.readouterr()
    return load_kiosk(kiosk.path / "kiosk.toml").staff_pin_hash


def open_pad(qtbot, window):
    qtbot.mousePress(window.corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: window.current_page() == "pin", timeout=WAIT)
    qtbot.mouseRelease(window.corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def enter(qtbot, window, pin: str):
    window.pin.notice = ""
    for digit in pin:
        window.pin.keys[digit].click()
    window.pin.keys["ok"].click()


def test_set_pin_stores_only_a_salted_scrypt_hash(kiosk_setup, monkeypatch, capsys):
    _, kiosk, _ = kiosk_setup
    first = set_pin(kiosk, "482913", monkeypatch, capsys)
    assert first.startswith("scrypt$") and "482913" not in (kiosk.path / "kiosk.toml").read_text()
    assert verify_pin("482913", first) and not verify_pin("482914", first)
    assert set_pin(kiosk, "482913", monkeypatch, capsys) != first  # a new salt each time
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["staff", "set-pin", "--kiosk", str(kiosk.path)]) == 1
    assert "4 to 8 digits" in capsys.readouterr().err


def test_lockout_lasts_five_minutes_across_a_restart_and_is_audited(qtbot, make_window, kiosk_setup,
                                                                     monkeypatch, capsys):
    _, kiosk, _ = kiosk_setup
    pin_hash = set_pin(kiosk, "2468", monkeypatch, capsys)
    clock = Clock()
    window = make_window(pin_hash=pin_hash, kiosk_mode=True)
    window.pin_service = PinService(window.desk, pin_hash, clock=clock)
    open_pad(qtbot, window)
    for attempt in range(5):
        enter(qtbot, window, "1357")
        qtbot.waitUntil(lambda: window.pin.notice != "", timeout=WAIT)
    assert "5 minute" in window.pin.message.text() and not window.pin.keys["ok"].isEnabled()
    window.unlocked = True
    window.shutdown()
    actions = [a for a, _ in audit(kiosk)]
    assert actions == ["staff_wrong_pin"] * 4 + ["staff_locked_out"]
    assert audit(kiosk)[-1][1] == "5 wrong PINs: locked for 5 minutes"

    # A restart four minutes later: still locked, even for the right PIN.
    clock.now += 4 * 60
    again = make_window(pin_hash=pin_hash, kiosk_mode=True)
    again.pin_service = PinService(again.desk, pin_hash, clock=clock)
    open_pad(qtbot, again)
    qtbot.waitUntil(lambda: not again.pin.keys["1"].isEnabled(), timeout=WAIT)
    assert "1 minute" in again.pin.message.text()
    with qtbot.waitSignal(again.desk.answered, timeout=WAIT):
        again.pin_service.check("2468", lambda ok, left: None)
    assert audit(kiosk)[-1][0] == "staff_pin_while_locked"
    # Five minutes after the lock-out the pad opens, and the right PIN lets staff in.
    clock.now += 61
    again.pin.cancel_button.click()
    with qtbot.waitSignal(again.desk.answered, timeout=WAIT):  # the pad asked kiosk.db
        open_pad(qtbot, again)
    assert again.pin.keys["1"].isEnabled() and again.pin.message.text() == ""
    with qtbot.waitSignal(again.staff_unlocked, timeout=WAIT):
        enter(qtbot, again, "2468")
    assert again.current_page() == "staff" and again.staff.current_tool() == "dashboard"
    qtbot.waitUntil(lambda: audit(kiosk)[-1][0] == "staff_unlock", timeout=WAIT)


def test_staff_mode_ends_by_itself_when_left_alone(qtbot, make_window, kiosk_setup, monkeypatch,
                                                    capsys):
    _, kiosk, _ = kiosk_setup
    pin_hash = set_pin(kiosk, "2468", monkeypatch, capsys)
    window = make_window(pin_hash=pin_hash, kiosk_mode=True, staff_idle_seconds=0.5)
    window.pin_service = PinService(window.desk, pin_hash)
    open_pad(qtbot, window)
    with qtbot.waitSignal(window.staff_unlocked, timeout=WAIT):
        enter(qtbot, window, "2468")
    assert window.unlocked
    with qtbot.waitSignal(window.went_idle, timeout=WAIT):
        pass
    assert window.current_page() == "attract" and not window.unlocked
    assert window.close() is False  # locked again: no way out without the PIN
    qtbot.waitUntil(lambda: ("staff_leave", "idle") in audit(kiosk), timeout=WAIT)


def test_leaving_and_exiting_are_audited(qtbot, make_window, kiosk_setup):
    _, kiosk, _ = kiosk_setup
    window = make_window()
    window.unlocked = True
    window.show_page("staff")
    window.staff.back_button.click()
    assert window.current_page() == "attract" and not window.unlocked
    qtbot.waitUntil(lambda: ("staff_leave", "back") in audit(kiosk), timeout=WAIT)
    window.unlocked = True
    window.show_page("staff")
    window.staff.exit_button.click()  # one tap only asks again: nobody leaves by accident
    assert window.isVisible() and window.desk.thread.isRunning()
    assert window.staff.exit_button.text() != "Exit to desktop"
    window.staff.exit_button.click()
    assert not window.isVisible() and not window.desk.thread.isRunning()
    assert audit(kiosk)[-1] == ("exit_to_desktop", "")  # committed before the database closed
