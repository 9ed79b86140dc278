"""Camera sources behind one interface: a webcam, a video file, or a folder of images.

Every source has ``open()``, ``read() -> BGR frame | None``, ``close()``, a ``name`` for messages
and ``is_live`` (False for files and folders). ``read()`` returns None when no frame came (a live
camera's failed read, or the end of a file that does not loop: then ``finished`` is True) and
raises ``CameraError`` only when the source cannot be used at all. ``ResilientCamera`` (in
``resilient.py``) turns a source that disappears into a status and reopens it.

Files and folders stand in for a webcam in tests, demos and ``kiosk run --camera PATH``: with
``realtime=True`` they deliver frames at their own pace, waiting like a camera when asked early
and skipping frames when asked late, so the loop above sees what it would see live.
"""

from __future__ import annotations

import os
import re
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Protocol, runtime_checkable

import cv2
import numpy as np

from kiosk.core.errors import KioskError

VIDEO_SUFFIXES = {".mp4", ".m4v", ".avi", ".mkv", ".mov", ".webm", ".mjpg", ".mjpeg", ".mpg", ".mpeg", ".ogv"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".pgm", ".ppm"}


class CameraError(KioskError):
    """A camera, video file or image folder that cannot be opened or read."""


@runtime_checkable
class CameraSource(Protocol):
    name: str
    is_live: bool

    def open(self) -> None: ...

    def read(self) -> np.ndarray | None: ...

    def close(self) -> None: ...


def _platform_backend() -> int:
    """OpenCV's capture API for this system: V4L2 on Linux, Media Foundation on Windows."""
    if sys.platform.startswith("linux"):
        return cv2.CAP_V4L2
    if sys.platform == "win32":
        return cv2.CAP_MSMF
    if sys.platform == "darwin":
        return cv2.CAP_AVFOUNDATION
    return cv2.CAP_ANY


def _fallback_backends() -> list[int]:
    # Some Windows webcams only work through DirectShow; anything else gets OpenCV's own choice.
    if sys.platform == "win32":
        return [cv2.CAP_DSHOW, cv2.CAP_ANY]
    return [cv2.CAP_ANY]


@contextmanager
def _quiet_opencv():
    try:
        from cv2.utils import logging as cv_logging
        level = cv_logging.getLogLevel()
        cv_logging.setLogLevel(cv_logging.LOG_LEVEL_ERROR)
    except Exception:  # an OpenCV without its logging module: nothing to quieten
        yield
        return
    try:
        yield
    finally:
        cv_logging.setLogLevel(level)


class OpenCVCamera:
    """A webcam through OpenCV: a device index (``0``) or a device path (``/dev/video2``).

    Asks for ``width`` x ``height`` in MJPG (the format in which USB webcams deliver 720p at 30 fps)
    and a one-frame driver buffer. A frame that waited in the driver while the caller was busy
    is stale: ``read()`` drops what queued up since the last call and returns the newest frame.
    """

    is_live = True

    def __init__(self, index_or_device: int | str = 0, width: int = 1280, height: int = 720,
                 fps: float = 30.0, *, api: int | None = None, clock: Callable[[], float] = time.monotonic):
        self.device = index_or_device
        self.width, self.height, self.fps = width, height, fps
        self.api = api
        self.clock = clock
        self.name = f"camera {index_or_device}"
        self._capture = None
        self._last_read: float | None = None
        self.size: tuple[int, int] | None = None  # what the camera actually delivers
        self.finished = False

    def open(self) -> None:
        self.close()
        target = self.device
        if isinstance(target, str) and target.isdigit():
            target = int(target)
        apis = [self.api] if self.api is not None else [_platform_backend(), *_fallback_backends()]
        with _quiet_opencv():  # a missing camera is our one-line message, not OpenCV's warnings
            for api in apis:
                capture = cv2.VideoCapture(target, api)
                if capture.isOpened():
                    break
                capture.release()
            else:
                capture = None
        if capture is None:
            raise CameraError(f"{self.name} could not be opened (is it plugged in, and not in use "
                              "by another program?)")
        capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        capture.set(cv2.CAP_PROP_FPS, self.fps)
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        self.size = (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._capture = capture
        self._last_read = None

    def read(self) -> np.ndarray | None:
        if self._capture is None:
            raise CameraError(f"{self.name} is not open")
        now = self.clock()
        if self._last_read is not None:
            # Frames that arrived while we were busy are stale: skip all but the newest.
            waiting = int((now - self._last_read) * self.fps + 1e-6) - 1
            for _ in range(min(max(waiting, 0), 4)):
                if not self._capture.grab():
                    break
        self._last_read = now
        ok, frame = self._capture.read()
        return frame if ok and frame is not None else None

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def __repr__(self) -> str:
        return f"OpenCVCamera({self.device!r})"


class VideoFileCamera:
    """A video file played as if it were a camera (tests, demos, replaying a real webcam).

    With ``realtime`` it keeps the file's frame rate: asked early it waits for the next frame,
    asked late it skips the frames whose time has passed (a live camera does not queue either).
    Without, every frame comes in order as fast as it is asked for. ``loop`` starts again at the end.
    """

    is_live = False
    MAX_SKIP_S = 2.0  # after a longer stall, carry on from where we are rather than race ahead

    def __init__(self, path: str | os.PathLike, loop: bool = True, realtime: bool = True, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.path = Path(path)
        self.loop, self.realtime = loop, realtime
        self.clock, self.sleep = clock, sleep
        self.name = f"video {self.path.name}"
        self._capture = None
        self.fps = 30.0
        self.frame_count = 0
        self.position = 0          # index in the file of the next frame
        self.frames_read = 0       # frames handed out since open
        self.frames_skipped = 0    # frames dropped to keep real time
        self.loops = 0
        self.finished = False
        self._start: float | None = None
        self._timeline = 0         # frames played or skipped since open, across loops

    def open(self) -> None:
        self.close()
        if not self.path.is_file():
            raise CameraError(f"no video file at {self.path}")
        capture = cv2.VideoCapture(str(self.path), cv2.CAP_FFMPEG)
        if not capture.isOpened():
            capture.release()
            raise CameraError(f"{self.path} is not a video OpenCV can play")
        fps = capture.get(cv2.CAP_PROP_FPS)
        self.fps = fps if fps and 1 <= fps <= 240 else 30.0
        self.frame_count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        self._capture = capture
        self.position = self._timeline = self.frames_read = self.frames_skipped = self.loops = 0
        self.finished = False
        self._start = None

    def _advance(self, decode: bool) -> np.ndarray | None:
        """Take the next frame from the file (decoded, or only grabbed), looping at the end."""
        for attempt in range(2):
            if decode:
                ok, frame = self._capture.read()
                ok = ok and frame is not None
            else:
                ok, frame = self._capture.grab(), None
            if ok:
                self.position += 1
                self._timeline += 1
                return frame
            if self.position == 0:
                raise CameraError(f"{self.path} holds no frames OpenCV can decode")
            if not self.loop:
                self.finished = True
                return None
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            self.position = 0
            self.loops += 1
        raise CameraError(f"{self.path} could not be read again from the start")

    def read(self) -> np.ndarray | None:
        if self._capture is None:
            raise CameraError(f"{self.name} is not open")
        if self.finished:
            return None
        if self.realtime:
            now = self.clock()
            if self._start is None:
                self._start = now
            due = int((now - self._start) * self.fps + 1e-6)  # the frame a camera would show now
            if due < self._timeline:  # early: wait for the next frame's time, as a camera would
                self.sleep(max(0.0, self._start + self._timeline / self.fps - now))
            elif due > self._timeline:  # late: the frames in between are stale
                if due - self._timeline > self.MAX_SKIP_S * self.fps:
                    self._start = now - self._timeline / self.fps
                else:
                    while self._timeline < due:
                        self._advance(decode=False)
                        if self.finished:
                            return None
                        self.frames_skipped += 1
        frame = self._advance(decode=True)
        if frame is not None:
            self.frames_read += 1
        return frame

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def __repr__(self) -> str:
        return f"VideoFileCamera({str(self.path)!r})"


def _natural_key(path: Path):
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def read_image(path: str | os.PathLike) -> np.ndarray | None:
    """An image file as a BGR array, or None when it is not an image OpenCV can read.

    Reads the bytes first so that file names in any script work on every system.
    """
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError:
        return None
    if data.size == 0:
        return None
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


class FolderCamera:
    """The images of a folder shown one after another, each for ``hold_s`` seconds, like a
    camera pointed at one badge after another; ``fps`` paces ``read()`` as a camera would.

    Images come in natural order (2.png before 10.png). Files that cannot be decoded are
    dropped when their turn comes (listed in ``skipped``).
    """

    is_live = False

    def __init__(self, path: str | os.PathLike, hold_s: float = 2.0, loop: bool = True, fps: float = 15.0,
                 *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        if hold_s <= 0 or fps <= 0:
            raise KioskError("hold time and frame rate must be positive")
        self.path = Path(path)
        self.hold_s, self.loop, self.fps = hold_s, loop, fps
        self.clock, self.sleep = clock, sleep
        self.name = f"image folder {self.path.name}"
        self.files: list[Path] = []
        self.skipped: list[Path] = []
        self.finished = False
        self.current: Path | None = None   # the image showing
        self.loops = 0
        self._start: float | None = None
        self._last: float | None = None
        self._slot = -1
        self._frame: np.ndarray | None = None
        self._opened = False

    def open(self) -> None:
        if not self.path.is_dir():
            raise CameraError(f"no image folder at {self.path}")
        self.files = sorted((p for p in self.path.iterdir()
                             if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES), key=_natural_key)
        self.skipped = []
        if not self.files:
            raise CameraError(f"{self.path} holds no images ({', '.join(sorted(IMAGE_SUFFIXES))})")
        self.finished = False
        self.current = None
        self.loops = 0
        self._start = self._last = None
        self._slot = -1
        self._frame = None
        self._opened = True

    def _load(self, slot: int) -> np.ndarray:
        while self.files:
            path = self.files[slot % len(self.files)]
            image = read_image(path)
            if image is not None:
                self.current = path
                image.flags.writeable = False  # shared between reads: nobody may draw on it
                return image
            self.skipped.append(path)
            self.files.remove(path)
        raise CameraError(f"none of the images in {self.path} can be read")

    def read(self) -> np.ndarray | None:
        if not self._opened:
            raise CameraError(f"{self.name} is not open")
        if self.finished:
            return None
        now = self.clock()
        if self._last is not None:  # pace reads like a camera
            wait = self._last + 1.0 / self.fps - now
            if wait > 0:
                self.sleep(wait)
                now = self.clock()
        self._last = now
        if self._start is None:
            self._start = now
        slot = int((now - self._start) / self.hold_s + 1e-6)  # which image a camera would see now
        if slot != self._slot or self._frame is None:
            if slot >= len(self.files) and not self.loop:
                self.finished = True
                return None
            self._frame = self._load(slot)
            self._slot = slot
            self.loops = slot // max(1, len(self.files))
        return self._frame

    def close(self) -> None:
        self._opened = False
        self._frame = None

    def __repr__(self) -> str:
        return f"FolderCamera({str(self.path)!r})"


def open_source(spec: str, **options) -> CameraSource:
    """The source a ``--camera`` value names: "0", "/dev/video2", a video file or an image folder.

    Returns it unopened; raises ``KioskError`` with a one-line reason for anything else.
    """
    text = str(spec).strip()
    if not text:
        raise KioskError("no camera given: use a device number (0), a device (/dev/video0), "
                         "a video file or a folder of images")
    if text.isdigit():
        return OpenCVCamera(int(text), **options)
    path = Path(text).expanduser()
    if text.startswith("/dev/"):
        if not path.exists():
            raise KioskError(f"no camera device {text} (connected cameras: "
                             f"{', '.join(video_devices()) or 'none found'})")
        return OpenCVCamera(text, **options)
    if path.is_dir():
        return FolderCamera(path, **options)
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in VIDEO_SUFFIXES:
            return VideoFileCamera(path, **options)
        if suffix in IMAGE_SUFFIXES:
            raise KioskError(f"{text} is a single image: put it in a folder to use it as a camera, "
                             "or read it with `kiosk decode`")
        raise KioskError(f"{text} is neither a video ({', '.join(sorted(VIDEO_SUFFIXES))}) nor an image folder")
    raise KioskError(f"no camera, video file or image folder at {text}")


def video_devices() -> list[str]:
    """The video capture devices this system lists (Linux: /dev/video*), in order."""
    return sorted((str(p) for p in Path("/dev").glob("video*")), key=lambda s: _natural_key(Path(s)))
