"""ScanLoop: the real camera pipeline (folder camera -> decoder chain -> steady reader) per step."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.scanning.decoder import DecoderChain
from kiosk.scanning.loop import ScanLoop
from kiosk.scanning.resilient import ResilientCamera
from kiosk.scanning.sources import FolderCamera, VideoFileCamera
from kiosk.scanning.steady import SteadyReader
from tests.helpers.stubs import FakeClock, FakeWebcam, USBPort
from tests.helpers.synthetic_frames import make_frame, payloads


@pytest.fixture
def badge_folder(tmp_path):
    """Three badges as the camera sees them, then a frame without one."""
    texts = payloads(3, seed=7)
    folder = tmp_path / "camera"
    folder.mkdir()
    for i, (condition, text) in enumerate(zip(("near", "dark_mode", "tilted"), texts)):
        cv2.imwrite(str(folder / f"{i + 1}.png"), make_frame(condition, i, text, seed=7).image)
    cv2.imwrite(str(folder / "4.png"), make_frame("empty", 0, None, seed=7).image)
    return folder, texts


def test_each_badge_shown_is_one_scan_however_long_it_is_held(badge_folder):
    folder, texts = badge_folder
    clock = FakeClock()
    camera = FolderCamera(folder, hold_s=2.0, loop=False, fps=10, clock=clock, sleep=clock.sleep)
    loop = ScanLoop(camera, DecoderChain(), SteadyReader(hold_off_s=3.0, clock=clock),
                    clock=clock, sleep=clock.sleep)
    scans, statuses, frames = [], set(), 0
    while True:
        frame, new_codes, status = loop.step()
        statuses.add(status)
        if status == "ended":
            break
        frames += frame is not None
        scans.extend(new_codes)
    assert scans == texts  # 20 frames of each badge, one scan each, in the order shown
    assert frames == 80 and statuses == {"ok", "ended"}
    assert loop.decode_errors == 0


def test_a_badge_shown_again_after_the_hold_off_is_scanned_again(badge_folder, tmp_path):
    folder, texts = badge_folder
    only_first = tmp_path / "one"
    only_first.mkdir()
    (only_first / "1.png").write_bytes((folder / "1.png").read_bytes())
    (only_first / "2.png").write_bytes((folder / "4.png").read_bytes())
    clock = FakeClock()
    camera = FolderCamera(only_first, hold_s=4.0, loop=True, fps=5, clock=clock, sleep=clock.sleep)
    loop = ScanLoop(camera, DecoderChain(), SteadyReader(hold_off_s=3.0, clock=clock),
                    clock=clock, sleep=clock.sleep)
    scans = []
    for _ in range(5 * 20):  # twenty seconds: badge, nobody, badge, nobody, badge
        scans.extend(loop.step().new_codes)
    assert scans == [texts[0]] * 3


def test_while_the_camera_is_lost_the_loop_waits_instead_of_spinning_and_then_carries_on():
    clock = FakeClock()
    port = USBPort()
    camera = ResilientCamera(lambda: FakeWebcam(port, clock=clock), clock=clock, backoff=(1.0, 1.0))
    loop = ScanLoop(camera, DecoderChain(), clock=clock, sleep=clock.sleep, idle_s=0.05)
    assert loop.step().status == "ok"
    port.plugged = False
    steps = [loop.step() for _ in range(200)]
    assert {s.status for s in steps} >= {"lost"}
    assert all(s.frame is None and s.new_codes == [] for s in steps)
    assert clock.sleeps and max(clock.sleeps) <= 0.05 + 1e-9  # never blocks longer than idle_s
    port.plugged = True
    for _ in range(100):
        if loop.step().status == "ok":
            break
    assert loop.status == "ok" and camera.reconnects == 1


def test_a_frame_the_decoder_chokes_on_is_skipped_not_fatal():
    class Broken(DecoderChain):
        def decode(self, frame):
            raise RuntimeError("decoder bug")

    clock = FakeClock()
    loop = ScanLoop(FakeWebcam(USBPort(), clock=clock), Broken(), clock=clock, sleep=clock.sleep)
    frame, codes, status = loop.step()
    assert frame is not None and codes == [] and status == "ok"
    assert loop.decode_errors == 1


@pytest.mark.samples
def test_the_movie_through_the_loop_in_real_time_drops_frames_rather_than_queueing(qr_samples):
    clock = FakeClock()
    camera = VideoFileCamera(qr_samples / "boofcv-data/qrcode/movie.mp4", loop=False,
                             clock=clock, sleep=clock.sleep)

    class SlowChain(DecoderChain):  # a decoder that needs 100 ms a frame, three frame times
        def decode(self, frame):
            clock.advance(0.1)
            return super().decode(frame)

    loop = ScanLoop(camera, SlowChain(), clock=clock, sleep=clock.sleep)
    codes = set()
    while (step := loop.step()).status != "ended":
        codes.update(step.new_codes)
    assert camera.frames_read + camera.frames_skipped == 859
    assert 250 <= camera.frames_read <= 300  # about one frame in three was decoded
    assert len(codes) >= 5
    assert np.isfinite(loop.last_decode_ms)
