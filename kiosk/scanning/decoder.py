"""The decoder chain: QR codes out of camera frames, more of them than the raw library reads.

First pass: the backend over the whole grey frame (zxing-cpp by default: its local-average
binariser, inverted copies for light-on-dark screens, downscaled copies for close-ups). That
reads an ordinary frame in about a millisecond.

Second pass, only on frames where the first read nothing: at most ``max_regions`` regions where a
code may be. First the places where zxing-cpp found a code but could not decode it; then, if it
saw none, the frame's most code-like patch (``enhance.textured_regions``); a small photo is taken
whole. Each region is cut out, enlarged when small, and tried with these steps in turn until one
reads:

    sharpen    unsharp mask, then enlarge: defocus, distance, a thumb over part of the code
    deblur     a motion streak estimated (direction from the gradients, length from where the
               derivative's autocorrelation dips) and undone by Wiener deconvolution, only in
               regions whose edges all run one way: a badge moving while the shutter is open
    histogram  a global threshold instead of the local one, on the enlarged region: glare,
               printed codes with ragged modules
    denoise    a 3x3 median, then enlarge: codes printed on textured surfaces

Histogram and denoise run only on failed detections and small photos, never on a blind guess, so
an empty frame (the common case at a kiosk) costs one extra guess at most. Each step was kept
because it reads more in ``tests/perf/test_decoder_bench.py`` (``test_what_each_step_pays``);
a contrast-equalising (CLAHE) step read nothing more and was dropped.

Only QR codes are read. ``Decoded.code`` is ``str`` when the payload is UTF-8 (so every badge token
and registration number) and the raw ``bytes`` otherwise, never an exception; ``Decoded.text``
adds the reading the QR standard allows for other payloads (a declared character set, Kanji mode,
Shift_JIS, ISO-8859-1), or None for binary data.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

import cv2
import numpy as np

from kiosk.core.errors import KioskError
from kiosk.scanning import enhance
from kiosk.scanning.enhance import Region

BACKENDS = ("zxing", "pyzbar")
STEPS = ("sharpen", "deblur", "histogram", "denoise")
DEFAULT_STEPS = STEPS
UPSCALE_SIDE = 480   # regions are enlarged towards this size (at most 3x) before decoding
SHARPEN_SIGMA = 2.5  # unsharp-mask radius in enlarged pixels
SMALL_IMAGE = 800    # a photo this small is searched whole in the second pass
DEBLUR_SIDE = 160    # regions are resampled to this square for the motion estimate and deconvolution
MIN_COHERENCE = 0.4  # how streaked a region must look before the deblur step tries it
MIN_STREAK = 4.5     # shortest motion streak (pixels in that square) worth undoing
DEBLUR_TRIES = ((0, 0), (1, 0), (-1, 0), (0, 10), (0, -10))  # (pixels, degrees) around the estimate
# An ECI designator in the symbology identifier means the code names its character set.
_ECI_IDENTIFIERS = ("]Q2", "]Q4", "]Q6")

Point = tuple[float, float]


@dataclass(frozen=True)
class Decoded:
    """One code read from a frame."""

    code: str | bytes          # str for UTF-8 payloads, else the raw bytes
    text: str | None = None    # the payload as text, also for other character sets; None if binary
    # Corners in frame pixels, clockwise from the code's top-left (zxing-cpp knows the code's
    # orientation; for zbar it is the corner nearest the frame's top-left).
    position: tuple[Point, ...] = ()
    step: str = "frame"        # which step of the chain read it

    @property
    def is_text(self) -> bool:
        return isinstance(self.code, str)

    @property
    def centre(self) -> Point | None:
        if not self.position:
            return None
        return (sum(p[0] for p in self.position) / len(self.position),
                sum(p[1] for p in self.position) / len(self.position))


class DecoderUnavailable(KioskError):
    """A backend that cannot run here (its library is missing); the message says why."""


def payload(raw: bytes, charset_text: str | None = None, declared: bool = False) -> tuple[str | bytes, str | None]:
    """(code, text) for a payload: ``str`` when it is UTF-8, else the bytes.

    ``charset_text`` is the backend's reading in another character set; it becomes ``text`` when
    it is clean (no replacement characters), and wins over UTF-8 when the code ``declared`` it.
    """
    clean = charset_text if charset_text and "\ufffd" not in charset_text else None
    try:
        code = raw.decode("utf-8")
    except UnicodeDecodeError:
        return bytes(raw), clean
    return code, clean if declared and clean is not None else code


# --- backends ------------------------------------------------------------------------------------

class _ZxingBackend:
    name = "zxing"

    def __init__(self):
        try:
            self._zx = importlib.import_module("zxingcpp")
        except ImportError as exc:
            raise DecoderUnavailable(f"zxing-cpp is not installed ({exc})") from None
        self._format = self._zx.BarcodeFormat.QRCode
        self._plain = self._zx.TextMode.Plain
        self._binary = self._zx.ContentType.Binary
        self._global = self._zx.Binarizer.GlobalHistogram
        self._local = self._zx.Binarizer.LocalAverage

    def read(self, gray: np.ndarray, *, binarizer: str = "local", invert: bool = True,
             errors: bool = False):
        """Decoded codes, plus (with ``errors``) the corners of codes found but not decoded.

        zxing-cpp always tries the inverted image too (dark-mode screens), at little cost.
        """
        results = self._zx.read_barcodes(
            gray, formats=self._format, text_mode=self._plain, try_invert=True,
            binarizer=self._global if binarizer == "global" else self._local, return_errors=errors)
        decoded, failed = [], []
        for result in results:
            p = result.position
            corners = tuple((float(q.x), float(q.y)) for q in
                            (p.top_left, p.top_right, p.bottom_right, p.bottom_left))
            if not result.valid:
                failed.append(corners)
                continue
            binary = result.content_type == self._binary
            code, text = payload(bytes(result.bytes), None if binary else result.text,
                                 declared=result.symbology_identifier in _ECI_IDENTIFIERS)
            decoded.append(Decoded(code, text, corners))
        return decoded, failed


class _PyzbarBackend:
    name = "pyzbar"

    def __init__(self):
        reason = pyzbar_problem()
        if reason:
            raise DecoderUnavailable(f"the pyzbar backend is unavailable: {reason}")
        self._zbar = importlib.import_module("pyzbar.pyzbar")
        self._symbols = [self._zbar.ZBarSymbol.QRCODE]

    def read(self, gray: np.ndarray, *, binarizer: str = "local", invert: bool = False,
             errors: bool = False):
        """Decoded codes (zbar reports no failed detections). zbar reads dark-on-light only, so
        ``invert`` adds a pass over the inverted image: its only way to see a dark-mode screen."""
        decoded = []
        for image in ((gray, cv2.bitwise_not(gray)) if invert else (gray,)):
            for symbol in self._zbar.decode(image, symbols=self._symbols):
                corners = _clockwise([(float(x), float(y)) for x, y in symbol.polygon])
                code, text = payload(bytes(symbol.data))
                decoded.append(Decoded(code, text, corners))
            if decoded:
                break
        return decoded, []


def pyzbar_problem() -> str | None:
    """Why pyzbar cannot run here, or None when it can (it needs the libzbar0 system library)."""
    try:
        importlib.import_module("pyzbar.pyzbar")
    except ImportError as exc:  # pyzbar raises ImportError when libzbar.so cannot be found
        text = str(exc)
        if "zbar" in text.lower() and "pyzbar" not in text.lower():
            return f"the zbar library is missing (install libzbar0): {text}"
        return f"pyzbar cannot be imported: {text}"
    except OSError as exc:
        return f"the zbar library cannot be loaded (install libzbar0): {exc}"
    return None


def backend_problems() -> dict[str, str | None]:
    """Each backend's name with None when it works here, or the reason it does not."""
    problems: dict[str, str | None] = {}
    try:
        importlib.import_module("zxingcpp")
        problems["zxing"] = None
    except ImportError as exc:
        problems["zxing"] = f"zxing-cpp is not installed ({exc})"
    problems["pyzbar"] = pyzbar_problem()
    return problems


def available_backends() -> list[str]:
    """The backends that can run on this machine, the default first."""
    return [name for name, problem in backend_problems().items() if problem is None]


def _make_backend(name: str):
    if name == "zxing":
        return _ZxingBackend()
    if name == "pyzbar":
        return _PyzbarBackend()
    raise KioskError(f"unknown decoder backend {name!r}; choose one of {', '.join(BACKENDS)}")


# --- the chain -----------------------------------------------------------------------------------

@dataclass
class ChainStats:
    """What each step read, for the benchmark and the staff screen's health view."""

    frames: int = 0
    reads: dict[str, int] = field(default_factory=dict)

    def count(self, step: str) -> None:
        self.reads[step] = self.reads.get(step, 0) + 1


class DecoderChain:
    """Reads QR codes from BGR or grey frames: ``decode(frame) -> list[Decoded]``.

    ``steps`` names the second-pass steps to use, in order (``()`` leaves the raw backend);
    ``max_regions`` bounds how many candidate regions a frame gets (the time budget), and
    ``blind_search=False`` keeps the second pass to codes the backend detected.
    """

    def __init__(self, backend: str = "zxing", *, steps: tuple[str, ...] | None = None,
                 max_regions: int = 2, blind_search: bool = True):
        unknown = [s for s in (steps or ()) if s not in STEPS]
        if unknown:
            raise KioskError(f"unknown decoder step {unknown[0]!r}; steps are {', '.join(STEPS)}")
        self.backend_name = backend
        self._backend = _make_backend(backend)
        self.steps = tuple(DEFAULT_STEPS if steps is None else steps)
        self.max_regions = max_regions
        self.blind_search = blind_search
        self.stats = ChainStats()

    def decode(self, frame: np.ndarray) -> list[Decoded]:
        gray = to_gray(frame)
        self.stats.frames += 1
        found, failed = self._backend.read(gray, invert=False, errors=bool(self.steps))
        for item in found:
            self.stats.count("frame")
        if found or not self.steps:
            return _unique(found)
        for region in self._regions(gray, failed):
            hit = self._read_region(gray, region)
            if hit:
                return _unique(hit)
        return []

    # The candidate regions: failed detections first (the decoder saw finder patterns there),
    # then the frame's most code-like patch unless it is one of those; a small photo is taken whole.
    def _regions(self, gray: np.ndarray, failed) -> list[Region]:
        h, w = gray.shape[:2]
        if max(h, w) <= SMALL_IMAGE:  # a photo, not a webcam frame: all of it is cheap enough
            return [Region(0, 0, w, h, "photo")]
        regions: list[Region] = []
        for corners in failed:
            region = enhance.region_of(corners, "detection")
            # A failed detection may span only part of the code (one finder pattern, a quarter):
            # a small one is grown more, so that the whole code falls inside.
            region = region.grown(0.25 if min(region.w, region.h) >= 120 else 1.5, w, h)
            if region.w >= 16 and region.h >= 16 and not any(region.overlaps(r) for r in regions):
                regions.append(region)
        if self.blind_search and len(regions) < self.max_regions:
            for region in enhance.textured_regions(gray, limit=1):
                region = region.grown(0.2, w, h)
                if not any(region.overlaps(r) for r in regions):
                    regions.append(region)
        return regions[: self.max_regions]

    def _read_region(self, gray: np.ndarray, region: Region) -> list[Decoded]:
        patch = enhance.crop(gray, region)
        for step in self.steps:
            if region.source == "texture" and step in ("histogram", "denoise"):
                continue  # not worth their time on a blind guess (see the benchmark)
            for image in self._images(step, patch):
                binarizer = "global" if step == "histogram" else "local"
                found, _ = self._backend.read(image, binarizer=binarizer, invert=True)
                if found:
                    scale = (image.shape[1] / patch.shape[1], image.shape[0] / patch.shape[0])
                    for item in found:
                        self.stats.count(step)
                    return [_moved(item, region, scale, step) for item in found]
        return []

    @staticmethod
    def _images(step: str, patch: np.ndarray):
        """The versions of a region that ``step`` offers the decoder, best guess first."""
        if step == "sharpen":
            factor = enhance.upscale_factor(patch, UPSCALE_SIDE)
            # Sharpen before enlarging: the same edges for a fraction of the pixels.
            yield enhance.upscale(enhance.sharpen(patch, sigma=SHARPEN_SIGMA / factor), UPSCALE_SIDE)[0]
        elif step == "histogram":
            yield enhance.upscale(patch, UPSCALE_SIDE)[0]
        elif step == "denoise":
            yield enhance.upscale(cv2.medianBlur(patch, 3), UPSCALE_SIDE)[0]
        elif step == "deblur":
            small = enhance.square(patch, DEBLUR_SIDE)
            # Only a streaked region is worth the transforms: a short or undirected blur is the
            # sharpen step's job, and text or faces rarely look streaked.
            if enhance.coherence(small) < MIN_COHERENCE:
                return
            motion = enhance.estimate_motion(small)
            if motion is None or motion.length < MIN_STREAK:
                return
            # Deconvolution wants the streak to within a pixel or a few degrees: the estimate
            # first, then its neighbours.
            for dl, da in DEBLUR_TRIES:
                guess = enhance.Motion(motion.length + dl, motion.angle + da)
                yield enhance.upscale(enhance.deblur(small, guess), UPSCALE_SIDE)[0]


def to_gray(frame: np.ndarray) -> np.ndarray:
    """The frame as a contiguous 8-bit grey image (from BGR, BGRA, grey, 16-bit or float)."""
    if frame is None or not hasattr(frame, "ndim"):
        raise KioskError("not an image")
    if frame.size == 0:
        raise KioskError("not an image: it has no pixels")
    if frame.ndim == 2:
        gray = frame
    elif frame.ndim == 3 and frame.shape[2] == 3:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    elif frame.ndim == 3 and frame.shape[2] == 4:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    elif frame.ndim == 3 and frame.shape[2] == 1:
        gray = frame[..., 0]
    else:
        raise KioskError(f"not an image: an array of shape {frame.shape}")
    if gray.dtype != np.uint8:
        if gray.dtype == np.uint16:
            gray = (gray >> 8).astype(np.uint8)
        else:
            gray = np.clip(gray, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(gray)


def _clockwise(points: list[Point]) -> tuple[Point, ...]:
    """Four corners clockwise from the one nearest the image's top-left (zbar's order varies)."""
    if len(points) > 4:  # zbar gives the outline; its extreme points are the corners
        hull = cv2.convexHull(np.array(points, np.float32))
        approx = cv2.approxPolyDP(hull, 0.05 * cv2.arcLength(hull, True), True).reshape(-1, 2)
        points = [tuple(map(float, p)) for p in approx] if len(approx) == 4 else points[:4]
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    ordered = sorted(points, key=lambda p: np.arctan2(p[1] - cy, p[0] - cx))  # clockwise on screen
    start = min(range(len(ordered)), key=lambda i: ordered[i][0] + ordered[i][1])
    return tuple(ordered[start:] + ordered[:start])


def _moved(item: Decoded, region: Region, scale: tuple[float, float], step: str) -> Decoded:
    corners = tuple((region.x + x / scale[0], region.y + y / scale[1]) for x, y in item.position)
    return Decoded(item.code, item.text, corners, step)


def _unique(items: list[Decoded]) -> list[Decoded]:
    seen, out = set(), []
    for item in items:
        if item.code not in seen:
            seen.add(item.code)
            out.append(item)
    return out
