"""The staff PIN under attack: lock-outs escalate (5, 15, 60 minutes, then the PIN is void),
deleting rows or moving the wall clock lifts nothing, and trivial PINs are refused."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.cli import main
from kiosk.ui.staff_lock import VOID, PinService
from tests.ui.test_staff_lock import WAIT, Clock, set_pin


def attempt(qtbot, service, pin: str) -> tuple[bool, int]:
    box = {}
    service.check(pin, lambda ok, left: box.update(result=(ok, left)))
    qtbot.waitUntil(lambda: "result" in box, timeout=WAIT)
    return box["result"]


def five_wrong(qtbot, service) -> int:
    results = [attempt(qtbot, service, "1357") for _ in range(5)]
    assert all(not ok for ok, _ in results)
    return results[-1][1]


def test_lockouts_escalate_then_the_pin_is_void_until_set_again(qtbot, make_window, kiosk_setup,
                                                                 monkeypatch, capsys):
    _, kiosk, _ = kiosk_setup
    pin_hash = set_pin(kiosk, "2468", monkeypatch, capsys)
    clock = Clock(1000.0)
    window = make_window(pin_hash=pin_hash, kiosk_mode=True)
    service = PinService(window.desk, pin_hash, clock=clock, boot=lambda: "boot-1")
    locks = []
    for _ in range(3):
        locks.append(five_wrong(qtbot, service))
        clock.now += locks[-1]  # wait the lock-out out
    assert locks == [5 * 60, 15 * 60, 60 * 60]
    assert five_wrong(qtbot, service) == VOID
    clock.now += 24 * 3600
    assert attempt(qtbot, service, "2468") == (False, VOID)  # even the right PIN, days later
    window.shutdown()
    set_pin(kiosk, "2468", monkeypatch, capsys)  # set again (by the organiser)
    again = make_window(pin_hash=pin_hash, kiosk_mode=True)
    service = PinService(again.desk, pin_hash, clock=clock, boot=lambda: "boot-1")
    assert attempt(qtbot, service, "2468") == (True, 0)


def test_moving_the_wall_clock_or_restarting_does_not_lift_a_lockout(qtbot, make_window,
                                                                      kiosk_setup, monkeypatch,
                                                                      capsys):
    import time

    _, kiosk, _ = kiosk_setup
    pin_hash = set_pin(kiosk, "2468", monkeypatch, capsys)
    window = make_window(pin_hash=pin_hash, kiosk_mode=True)
    service = PinService(window.desk, pin_hash)  # the machine's own boot clock
    assert five_wrong(qtbot, service) == 300
    real = time.time()
    monkeypatch.setattr(time, "time", lambda: real + 86_400)  # the clock set a day ahead
    ok, left = attempt(qtbot, service, "2468")
    assert not ok and 290 <= left <= 300
    # After a reboot the boot clock starts again: the whole lock-out counts again from then.
    rebooted = PinService(window.desk, pin_hash, clock=lambda: 5.0, boot=lambda: "other-boot")
    assert attempt(qtbot, rebooted, "2468") == (False, 300)


@pytest.mark.parametrize("attack", [
    "DELETE FROM meta WHERE key = 'staff_lockout'",
    "DROP TRIGGER pin_events_append_only_delete",
])
def test_tampering_with_the_pin_log_voids_the_pin(qtbot, make_window, kiosk_setup, monkeypatch,
                                                  capsys, attack):
    _, kiosk, _ = kiosk_setup
    pin_hash = set_pin(kiosk, "2468", monkeypatch, capsys)
    clock = Clock(1000.0)
    window = make_window(pin_hash=pin_hash, kiosk_mode=True)
    service = PinService(window.desk, pin_hash, clock=clock, boot=lambda: "b")
    assert five_wrong(qtbot, service) == 300
    conn = sqlite3.connect(kiosk.db_path)
    conn.execute(attack)
    if "TRIGGER" in attack:
        conn.execute("DELETE FROM pin_events WHERE kind IN ('wrong', 'locked')")
    conn.commit()
    conn.close()
    ok, left = attempt(qtbot, service, "2468")
    if "TRIGGER" in attack:
        assert (ok, left) == (False, VOID)  # the deletion shows: only a new PIN opens it
    else:
        assert (ok, left) == (False, 300)  # the old meta row means nothing now


@pytest.mark.parametrize("pin", ["0000", "7777", "1234", "9876", "0123456", "87654321"])
def test_trivial_pins_are_refused(kiosk, monkeypatch, capsys, pin):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    assert main(["staff", "set-pin", "--kiosk", str(kiosk.path)]) == 1
    assert "guessed first" in capsys.readouterr().err
