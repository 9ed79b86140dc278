"""Real kiosk windows for pytest-qt: a real kiosk folder and kiosk.db, hardware faked at its edge."""

from __future__ import annotations

import weakref

import pytest
from PySide6.QtCore import QThread

from kiosk.organiser.badges import issue_tokens
from kiosk.organiser.kioskdir import build_desk
from kiosk.ui.app import KioskSettings, create_app
from tests.helpers.factories import DAYS, local, make_event, make_kiosk
from tests.helpers.ui_stubs import RecordingSounds


class SilentSpeaker:
    """The loudspeaker is hardware: faked at its interface, as the sounds are."""

    def say(self, text, lang="en"):
        return True

    def stop(self):
        pass


@pytest.fixture(autouse=True)
def no_thread_left_running(monkeypatch):
    """Like napari's: a test that leaves a worker thread running fails. Every QThread started
    during the test is remembered (QThread.start is wrapped for the test's length)."""
    started: "weakref.WeakSet[QThread]" = weakref.WeakSet()
    original = QThread.start

    def start(self, *args):
        started.add(self)
        return original(self, *args)

    monkeypatch.setattr(QThread, "start", start)
    yield
    running = [t.objectName() for t in list(started) if t.isRunning()]
    assert running == [], f"threads left running: {running}"


@pytest.fixture
def kiosk_setup(tmp_path):
    event = make_event(tmp_path, hours="10:00-18:00")
    kiosk = make_kiosk(tmp_path, event)
    tokens = {a.id: t for a, t in issue_tokens(event)}
    return event, kiosk, tokens


@pytest.fixture
def make_window(qtbot, kiosk_setup):
    event, kiosk, _ = kiosk_setup
    windows = []

    def make(*, at=None, camera=None, sounds=None, opener=None, size=(1920, 1080), printing=None,
             no_badge=None, walk_ins=None, wayfinding=None, speaker=None, **overrides):
        moment = at or local(DAYS[0], 12)

        def open_store():
            store = kiosk.open_store(one_owner=True)
            return store, build_desk(kiosk, store, clock=lambda: moment)

        values = dict(kiosk_id="kiosk-1", event_name="ITCN Asia Test", days=list(DAYS),
                      venue="lahore", help_points={"en": "the registration desk at Gate 1",
                                                   "ur": "گیٹ 1 پر رجسٹریشن ڈیسک",
                                                   "zh": "1号门登记处"},
                      kiosk_mode=False, result_seconds=30, idle_seconds=600, tick_ms=50,
                      long_press_ms=100)
        values.update(overrides)
        settings = KioskSettings(**values)
        window = create_app(settings, camera=camera, store=opener or open_store,
                            sounds=sounds or RecordingSounds(), printing=printing,
                            no_badge=no_badge, walk_ins=walk_ins, wayfinding=wayfinding,
                            speaker=speaker or SilentSpeaker())
        qtbot.addWidget(window)
        windows.append(window)
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.start()
        window.resize(*size)
        qtbot.waitExposed(window)
        return window

    yield make
    for window in windows:
        window.unlocked = True
        window.shutdown()
