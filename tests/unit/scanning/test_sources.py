"""Camera sources: the video file, the image folder, OpenCV's capture path, and open_source."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.core.errors import KioskError
from kiosk.scanning.decoder import DecoderChain, available_backends
from kiosk.scanning.sources import (CameraError, CameraSource, FolderCamera, OpenCVCamera,
                                    VideoFileCamera, open_source)
from tests.helpers.stubs import FakeClock

MOVIE = "boofcv-data/qrcode/movie.mp4"


@pytest.fixture
def movie(qr_samples):
    return qr_samples / MOVIE


def write_video(path, frames: int = 12, fps: float = 10.0, size=(320, 240)) -> None:
    """A short video whose frame i is filled with grey level 10 * i (so a frame shows its number)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    assert writer.isOpened()
    for i in range(frames):
        writer.write(np.full((size[1], size[0], 3), 10 * i, np.uint8))
    writer.release()


def frame_number(frame) -> int:
    return int(round(float(frame.mean()) / 10))


# --- the video file ------------------------------------------------------------------------------

@pytest.mark.samples
@pytest.mark.slow
def test_the_handheld_movie_plays_through_and_its_codes_are_read(movie, qr_samples):
    camera = VideoFileCamera(movie, loop=False, realtime=False)
    assert isinstance(camera, CameraSource) and not camera.is_live
    camera.open()
    chain = DecoderChain()
    frames = with_codes = 0
    seen: dict[str, int] = {}
    while (frame := camera.read()) is not None:
        assert frame.shape == (720, 1280, 3)
        frames += 1
        found = chain.decode(frame)
        with_codes += bool(found)
        for item in found:
            seen[item.text] = seen.get(item.text, 0) + 1
    camera.close()
    assert camera.finished and frames == 859  # the samples' README: 859 frames of 1280x720
    assert with_codes >= 0.95 * frames
    # The same codes printed on the still photos of that set, as zbar (a different decoder) reads
    # them, are read again and again in the film.
    if "pyzbar" not in available_backends():
        pytest.skip("libzbar0 is not installed here: no second decoder to check against")
    from pyzbar import pyzbar

    stills = {s.data.decode() for p in sorted((qr_samples / "boofcv-data/qrcode").glob("*.jpg"))
              for s in pyzbar.decode(cv2.imread(str(p), cv2.IMREAD_GRAYSCALE))}
    assert len(stills) >= 3
    for text in stills:
        assert seen.get(text, 0) >= 50, text


@pytest.mark.samples
def test_the_movie_loops_when_asked(movie):
    camera = VideoFileCamera(movie, loop=True, realtime=False)
    camera.open()
    for _ in range(860):
        assert camera.read() is not None
    assert camera.loops == 1 and camera.position == 1 and not camera.finished
    camera.close()


def test_realtime_video_waits_when_early_and_skips_stale_frames_when_late(tmp_path):
    write_video(tmp_path / "ten-fps.avi", frames=24, fps=10)
    clock = FakeClock()
    camera = VideoFileCamera(tmp_path / "ten-fps.avi", loop=False, clock=clock, sleep=clock.sleep)
    camera.open()
    assert camera.fps == pytest.approx(10)
    assert frame_number(camera.read()) == 0
    # Asked again at once: like a camera, it waits for the next frame's time (0.1 s at 10 fps).
    assert frame_number(camera.read()) == 1
    assert clock.sleeps[-1] == pytest.approx(0.1)
    # The caller was busy for half a second: at 0.6 s a camera shows frame 6; 2 to 5 are stale.
    clock.advance(0.5)
    assert frame_number(camera.read()) == 6
    assert camera.frames_skipped == 4
    # Without real time every frame comes, in order.
    fast = VideoFileCamera(tmp_path / "ten-fps.avi", loop=False, realtime=False)
    fast.open()
    assert [frame_number(fast.read()) for _ in range(4)] == [0, 1, 2, 3]


def test_video_file_that_ends_reports_finished(tmp_path):
    write_video(tmp_path / "short.avi", frames=3)
    camera = VideoFileCamera(tmp_path / "short.avi", loop=False, realtime=False)
    camera.open()
    assert [frame_number(camera.read()) for _ in range(3)] == [0, 1, 2]
    assert camera.read() is None and camera.finished


def test_a_file_that_is_not_a_video_is_a_camera_error(tmp_path):
    (tmp_path / "notes.mp4").write_text("not a video")
    with pytest.raises(CameraError, match="not a video"):
        VideoFileCamera(tmp_path / "notes.mp4").open()
    with pytest.raises(CameraError, match="no video file"):
        VideoFileCamera(tmp_path / "missing.mp4").open()


# --- the image folder ----------------------------------------------------------------------------

def make_folder(path, values=(10, 20, 30)):
    path.mkdir()
    for i, value in enumerate(values):
        cv2.imwrite(str(path / f"badge-{i + 1}.png"), np.full((60, 80, 3), value, np.uint8))
    return path


def test_folder_holds_each_image_and_loops(tmp_path):
    folder = make_folder(tmp_path / "badges")
    clock = FakeClock()
    camera = FolderCamera(folder, hold_s=1.0, fps=4, clock=clock, sleep=clock.sleep)
    camera.open()
    shown = []
    for _ in range(4 * 7):  # seven seconds at four frames a second
        frame = camera.read()
        shown.append(int(frame[0, 0, 0]))
    # One second each, in name order, then round again.
    assert shown == [10] * 4 + [20] * 4 + [30] * 4 + [10] * 4 + [20] * 4 + [30] * 4 + [10] * 4
    assert camera.loops == 2
    assert all(s == pytest.approx(0.25) for s in clock.sleeps)  # paced like a 4 fps camera


def test_folder_without_loop_ends_and_frames_cannot_be_drawn_on(tmp_path):
    folder = make_folder(tmp_path / "badges", values=(10, 20))
    clock = FakeClock()
    camera = FolderCamera(folder, hold_s=0.5, loop=False, fps=10, clock=clock, sleep=clock.sleep)
    camera.open()
    frame = camera.read()
    with pytest.raises(ValueError):
        frame[0, 0] = 0  # shared between reads: a consumer must copy before drawing
    clock.advance(1.0)
    assert camera.read() is None and camera.finished


def test_folder_in_natural_order_skips_unreadable_images(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, value in (("2.png", 20), ("10.png", 100), ("1.png", 10)):
        cv2.imwrite(str(folder / name), np.full((10, 10, 3), value, np.uint8))
    (folder / "3.jpg").write_bytes(b"broken")
    (folder / "readme.txt").write_text("ignored")
    clock = FakeClock()
    camera = FolderCamera(folder, hold_s=1.0, fps=1, clock=clock, sleep=clock.sleep)
    camera.open()
    assert [p.name for p in camera.files] == ["1.png", "2.png", "3.jpg", "10.png"]
    shown = [int(camera.read()[0, 0, 0]) for _ in range(4)]
    assert shown == [10, 20, 100, 10]
    assert [p.name for p in camera.skipped] == ["3.jpg"]


def test_empty_or_missing_folder_is_a_camera_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CameraError, match="holds no images"):
        FolderCamera(tmp_path / "empty").open()
    with pytest.raises(CameraError, match="no image folder"):
        FolderCamera(tmp_path / "nowhere").open()


# --- OpenCV's capture path, fed by a file ----------------------------------------------------------

def test_opencv_camera_drops_frames_that_queued_while_the_caller_was_busy(tmp_path):
    # OpenCV's FFmpeg backend opens a file like a device; the frames stand in for a driver's queue.
    write_video(tmp_path / "queue.avi", frames=20, fps=10)
    clock = FakeClock()
    camera = OpenCVCamera(str(tmp_path / "queue.avi"), fps=10, api=cv2.CAP_FFMPEG, clock=clock)
    assert camera.is_live
    camera.open()
    assert frame_number(camera.read()) == 0
    clock.advance(0.1)  # on time: the next frame
    assert frame_number(camera.read()) == 1
    clock.advance(0.4)  # busy for four frame times: three were stale
    assert frame_number(camera.read()) == 5
    camera.close()
    with pytest.raises(CameraError, match="not open"):
        camera.read()


def test_opencv_camera_that_is_not_there_is_a_camera_error():
    with pytest.raises(CameraError, match="could not be opened"):
        OpenCVCamera(63).open()


# --- choosing a source ---------------------------------------------------------------------------

def test_open_source_picks_the_source_a_spec_names(tmp_path):
    write_video(tmp_path / "clip.avi", frames=2)
    folder = make_folder(tmp_path / "badges")
    assert isinstance(open_source("0"), OpenCVCamera) and open_source("2").device == 2
    assert isinstance(open_source(str(tmp_path / "clip.avi")), VideoFileCamera)
    assert isinstance(open_source(str(folder)), FolderCamera)
    assert open_source(str(folder), hold_s=0.5).hold_s == 0.5


@pytest.mark.parametrize("spec, message", [
    ("", "no camera given"),
    ("/dev/video97", "no camera device /dev/video97"),
    ("nowhere/at/all", "no camera, video file or image folder"),
])
def test_open_source_says_what_is_wrong(spec, message):
    with pytest.raises(KioskError, match=message):
        open_source(spec)


def test_open_source_refuses_a_single_image_and_other_files(tmp_path):
    cv2.imwrite(str(tmp_path / "badge.png"), np.zeros((8, 8, 3), np.uint8))
    (tmp_path / "roster.csv").write_text("id,name\n")
    with pytest.raises(KioskError, match="single image.*kiosk decode"):
        open_source(str(tmp_path / "badge.png"))
    with pytest.raises(KioskError, match="neither a video"):
        open_source(str(tmp_path / "roster.csv"))
