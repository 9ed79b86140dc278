"""ResilientCamera: a camera that disappears is reported and reopened with back-off."""

from __future__ import annotations

import pytest

from kiosk.scanning.resilient import ResilientCamera
from kiosk.scanning.sources import FolderCamera
from tests.helpers.stubs import FakeClock, FakeWebcam, ListCamera, USBPort, blank_frame


def webcam(clock, **kwargs):
    port = USBPort(**kwargs)
    statuses = []
    camera = ResilientCamera(lambda: FakeWebcam(port, clock=clock), clock=clock, backoff=(0.5, 4.0),
                             stall_s=1.0, on_status=lambda status, error: statuses.append((status, error)))
    return camera, port, statuses


def read_for(camera, clock, seconds, step=0.1):
    """Read as a loop would for ``seconds``; the frames (or None) in order."""
    out = []
    end = clock() + seconds
    while clock() < end:
        out.append(camera.read())
        clock.advance(step)
    return out


def test_unplugged_camera_is_reported_lost_and_comes_back_by_itself():
    clock = FakeClock()
    camera, port, statuses = webcam(clock)
    assert camera.read() is not None and camera.status == "ok"

    port.plugged = False  # pulled out: OpenCV just returns empty reads
    frames = read_for(camera, clock, 1.5)
    assert camera.status == "lost" and "no picture" in camera.error
    assert frames[-1] is None

    port.plugged = True
    frames = read_for(camera, clock, 2.0)
    assert camera.status == "ok" and frames[-1] is not None
    assert camera.reconnects == 1
    assert [s for s, _ in statuses] == ["ok", "lost", "reconnecting", "ok"]
    assert statuses[1][1] == camera.error


def test_read_never_raises_even_when_the_driver_does():
    clock = FakeClock()
    port = USBPort()
    cam = FakeWebcam(port, clock=clock, raise_on_read=True)
    camera = ResilientCamera(lambda: cam, clock=clock, backoff=(0.5, 4.0))
    assert camera.read() is not None
    port.plugged = False
    assert camera.read() is None
    assert camera.status == "lost" and "No such device" in camera.error
    assert cam.closed == 1  # the broken capture was released, not leaked


def test_reopening_backs_off_doubling_up_to_the_limit_and_resets_after_a_frame():
    clock = FakeClock()
    camera, port, _ = webcam(clock, plugged=False)
    attempts = []
    for _ in range(320):  # 40 s of a loop asking eight times a second (exact binary steps)
        before = port.failed_opens
        camera.read()
        if port.failed_opens > before:
            attempts.append(clock())
        clock.advance(0.125)
    gaps = [b - a for a, b in zip(attempts, attempts[1:])]
    assert gaps[:4] == [0.5, 1.0, 2.0, 4.0]
    assert set(gaps[4:]) == {4.0}  # never longer than the limit
    assert camera.status == "lost" and "could not be opened" in camera.error
    assert 0 < camera.wait_s() <= 4.0

    port.plugged = True
    read_for(camera, clock, 5.0)
    assert camera.status == "ok" and camera.attempts == 0
    port.plugged = False
    read_for(camera, clock, 1.2)  # lost again: the back-off starts from the first delay
    assert camera.status == "lost"
    assert camera.next_attempt - clock() <= 0.5


def test_a_camera_held_by_another_program_is_retried_not_fatal():
    clock = FakeClock()
    camera, port, _ = webcam(clock, busy=True)
    assert camera.read() is None and camera.status == "lost"
    port.busy = False
    read_for(camera, clock, 1.0)
    assert camera.status == "ok"


def test_many_failed_reads_in_a_row_count_as_lost_before_the_stall_time():
    clock = FakeClock()
    port = USBPort()
    camera = ResilientCamera(lambda: FakeWebcam(port), clock=clock, stall_s=60, max_failed_reads=5)
    camera.read()
    port.plugged = False
    for _ in range(4):
        camera.read()
    assert camera.status == "ok"
    camera.read()
    assert camera.status == "lost" and "5 failed reads" in camera.error


def test_file_sources_end_instead_of_being_lost():
    clock = FakeClock()
    source = ListCamera([blank_frame(), blank_frame()])
    camera = ResilientCamera(lambda: source, clock=clock)
    assert camera.read() is not None and camera.read() is not None
    clock.advance(10)  # a file has no stall: nothing is lost while it is read slowly
    assert camera.read() is None
    assert camera.status == "ended" and camera.read() is None


def test_a_missing_folder_is_reported_with_its_reason(tmp_path):
    clock = FakeClock()
    camera = ResilientCamera(lambda: FolderCamera(tmp_path / "nowhere"), clock=clock)
    assert camera.read() is None
    assert camera.status == "lost" and "no image folder" in camera.error


def test_a_listener_that_fails_does_not_take_the_camera_down():
    clock = FakeClock()

    def broken(status, error):
        raise RuntimeError("listener bug")

    camera = ResilientCamera(lambda: FakeWebcam(USBPort()), clock=clock, on_status=broken)
    assert camera.read() is not None and camera.status == "ok"


def test_backoff_must_make_sense():
    with pytest.raises(ValueError):
        ResilientCamera(lambda: None, backoff=(0, 1))
    with pytest.raises(ValueError):
        ResilientCamera(lambda: None, backoff=(5, 1))
