"""Image steps for the decoder's second pass: find where a code may be, and clean that region up.

Everything here works on 8-bit grey images with OpenCV and numpy and costs well under a
millisecond on a kiosk's regions (a few hundred pixels a side), so the chain can afford it on the
frames where the first pass read nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np


@dataclass(frozen=True)
class Region:
    """An axis-aligned part of the frame that may hold a code, in frame pixels."""

    x: int
    y: int
    w: int
    h: int
    source: str  # "detection" (a code found but not decoded), "texture" (a guess) or "photo" (all of a small image)

    def overlaps(self, other: "Region", slack: float = 0.5) -> bool:
        """True when the two share more than ``slack`` of the smaller one's area."""
        ix = max(0, min(self.x + self.w, other.x + other.w) - max(self.x, other.x))
        iy = max(0, min(self.y + self.h, other.y + other.h) - max(self.y, other.y))
        smaller = min(self.w * self.h, other.w * other.h) or 1
        return ix * iy > slack * smaller

    def grown(self, margin: float, width: int, height: int) -> "Region":
        """The region with ``margin`` of its size added on each side, clipped to the frame."""
        dx, dy = int(self.w * margin), int(self.h * margin)
        x0, y0 = max(0, self.x - dx), max(0, self.y - dy)
        x1, y1 = min(width, self.x + self.w + dx), min(height, self.y + self.h + dy)
        return Region(x0, y0, max(0, x1 - x0), max(0, y1 - y0), self.source)


def region_of(points, source: str) -> Region:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, y0 = int(min(xs)), int(min(ys))
    return Region(x0, y0, int(max(xs)) - x0 + 1, int(max(ys)) - y0 + 1, source)


SEED_SHARE = 0.6   # of the frame's peak texture energy: where a candidate starts
GROW_SHARE = 0.3   # ... and the surroundings taken with it


def textured_regions(gray: np.ndarray, limit: int = 1, scale: int = 4, min_side: int = 40,
                     max_aspect: float = 2.5) -> list[Region]:
    """The most code-like patches of a frame, best first.

    A QR code is a compact patch with strong grey-level changes in both directions at once; a
    single edge, a stripe pattern or a one-dimensional barcode changes in one direction only.
    The energy is the smaller of the horizontal and vertical changes, averaged over a window, on a
    quarter-size copy. Patches reaching 60 % of the frame's peak are the seeds; each is taken
    with the surroundings above 30 % that it belongs to (a code's quieter parts), when that is
    square enough and big enough to be a code. Even a motion-blurred code is usually the peak.
    """
    h, w = gray.shape[:2]
    if h < 4 * scale or w < 4 * scale:
        return []
    # Nearest-neighbour sampling is enough to see texture, and ten times cheaper than averaging.
    small = cv2.resize(gray, (w // scale, h // scale), interpolation=cv2.INTER_NEAREST)
    gx = cv2.absdiff(small[:, 1:], small[:, :-1])[:-1, :]
    gy = cv2.absdiff(small[1:, :], small[:-1, :])[:, :-1]
    energy = cv2.min(cv2.boxFilter(gx, -1, (9, 9)), cv2.boxFilter(gy, -1, (9, 9)))
    peak = int(energy.max())
    if peak < 6:  # a flat frame: nothing there
        return []
    _, strong = cv2.threshold(energy, int(peak * SEED_SHARE), 255, cv2.THRESH_BINARY)
    _, weak = cv2.threshold(energy, int(peak * GROW_SHARE), 255, cv2.THRESH_BINARY)
    # Outlines are far cheaper than labelled components at this size, and boxes are all we need.
    seeds = cv2.findContours(strong, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)[0]
    grown = [cv2.boundingRect(c) for c in cv2.findContours(weak, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)[0]]

    def fits(box) -> bool:
        _, _, bw, bh = box
        return (bw * scale >= min_side and bh * scale >= min_side
                and max(bw, bh) / max(1, min(bw, bh)) <= max_aspect)

    found: list[Region] = []
    used: set[int] = set()
    for seed in sorted(seeds, key=cv2.contourArea, reverse=True):
        x, y, bw, bh = cv2.boundingRect(seed)
        cx, cy = x + bw / 2, y + bh / 2
        parents = [i for i, (gx0, gy0, gw, gh) in enumerate(grown)
                   if gx0 <= cx < gx0 + gw and gy0 <= cy < gy0 + gh]
        parent = min(parents, key=lambda i: grown[i][2] * grown[i][3]) if parents else None
        if parent is not None and parent in used:
            continue
        box = grown[parent] if parent is not None else (x, y, bw, bh)
        if not fits(box):
            box = (x, y, bw, bh)
            if not fits(box):
                continue
        if parent is not None:
            used.add(parent)
        found.append(Region(box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale, "texture"))
        if len(found) >= limit:
            break
    return found


def crop(gray: np.ndarray, region: Region) -> np.ndarray:
    return gray[region.y:region.y + region.h, region.x:region.x + region.w]


def upscale_factor(image: np.ndarray, target_side: int = 360, max_factor: float = 3.0) -> float:
    factor = min(max_factor, target_side / max(1, max(image.shape[:2])))
    return factor if factor > 1.05 else 1.0


def upscale(image: np.ndarray, target_side: int = 360, max_factor: float = 3.0) -> tuple[np.ndarray, float]:
    """Enlarge a small region so that its modules span a few pixels; returns (image, factor)."""
    factor = upscale_factor(image, target_side, max_factor)
    if factor == 1.0:
        return image, 1.0
    return cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), factor


def square(image: np.ndarray, side: int) -> np.ndarray:
    """The region resampled to ``side`` x ``side`` (a fast transform size for the deblur step).

    A straight streak stays a straight streak under this stretch, so the blur can be estimated
    and undone in the square; the caller maps positions back with the two scale factors.
    """
    h, w = image.shape[:2]
    shrinking = side < h or side < w
    return cv2.resize(image, (side, side), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


def sharpen(image: np.ndarray, amount: float = 1.5, sigma: float = 2.5) -> np.ndarray:
    """Unsharp mask: restores module edges softened by defocus, distance or compression."""
    blurred = cv2.GaussianBlur(image, (0, 0), sigma)
    return cv2.addWeighted(image, 1 + amount, blurred, -amount, 0)


@dataclass(frozen=True)
class Motion:
    length: float   # pixels the image moved while the shutter was open
    angle: float    # degrees, image coordinates (x right, y down); 180 degrees apart is the same


@lru_cache(maxsize=32)
def _window(h: int, w: int) -> np.ndarray:
    return np.outer(np.hanning(h), np.hanning(w)).astype(np.float32)


def estimate_motion(image: np.ndarray, min_length: float = 3.0, max_length: float = 16.0) -> Motion | None:
    """Estimate a linear motion blur: its direction from the gradients, its length from the dip.

    Blur smooths the image along the motion, so the gradient energy is lowest in that direction
    (the structure tensor's weaker axis). Along it, the derivative of a streaked image is the
    difference of two copies a streak apart, so the derivative's autocorrelation dips at the
    streak's span (the method of Yitzhaky and Kopeika). Works best on regions whose
    ``coherence`` shows a streak: a sharp code's deepest dip is its module size instead.
    """
    h, w = image.shape[:2]
    if h < 48 or w < 48:
        return None
    data = image.astype(np.float32)
    gx = cv2.Sobel(data, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(data, cv2.CV_32F, 0, 1)
    a, b, c = (float(cv2.sumElems(p)[0]) for p in (gx * gx, gy * gy, gx * gy))
    theta = 0.5 * np.arctan2(2 * c, a - b) + np.pi / 2  # across the strongest gradients
    along = (np.cos(theta) * gx + np.sin(theta) * gy) * _window(h, w)
    spectrum = np.fft.rfft2(along)
    correlation = np.fft.fftshift(np.fft.irfft2(spectrum.real ** 2 + spectrum.imag ** 2, s=(h, w)))
    centre = float(correlation[h // 2, w // 2]) or 1.0
    lags = np.arange(1, int(max_length) + 2, dtype=np.float32)
    xs = (w // 2 + lags * np.cos(theta)).astype(np.float32).reshape(1, -1)
    ys = (h // 2 + lags * np.sin(theta)).astype(np.float32).reshape(1, -1)
    profile = cv2.remap(correlation.astype(np.float32), xs, ys, cv2.INTER_LINEAR)[0] / centre
    usable = (lags >= min_length) & (lags <= max_length)
    i = int(np.argmin(np.where(usable, profile, np.inf)))
    span = float(lags[i])
    if 0 < i < len(lags) - 1:  # the dip's bottom between samples (a parabola through three)
        left, mid, right = profile[i - 1], profile[i], profile[i + 1]
        curve = left - 2 * mid + right
        if curve > 0:
            span += float(0.5 * (left - right) / curve)
    # A streak of length L moves the picture L - 1 pixels from its first to its last exposure.
    return Motion(span + 1.0, float(np.degrees(theta)))


def motion_kernel(length: float, angle: float) -> np.ndarray:
    """A normalised line of ``length`` pixels at ``angle`` degrees, centred in an odd square."""
    size = max(3, int(np.ceil(length)) | 1)
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    half = (length - 1) / 2
    t = np.linspace(-half, half, max(2, int(length * 4)))
    xs = np.rint(c + t * np.cos(np.radians(angle))).astype(int)
    ys = np.rint(c + t * np.sin(np.radians(angle))).astype(int)
    np.add.at(kernel, (ys, xs), 1.0)
    return kernel / kernel.sum()


def deblur(image: np.ndarray, motion: Motion, noise: float = 0.01) -> np.ndarray:
    """Wiener deconvolution of a linear motion blur; edges are mirrored to keep ringing out."""
    kernel = motion_kernel(motion.length, motion.angle)
    k = kernel.shape[0]
    h, w = image.shape[:2]
    H, W = cv2.getOptimalDFTSize(h + 2 * k), cv2.getOptimalDFTSize(w + 2 * k)
    padded = cv2.copyMakeBorder(image, k, H - h - k, k, W - w - k, cv2.BORDER_REFLECT)
    psf = np.zeros((H, W), np.float32)
    psf[:k, :k] = kernel
    psf = np.roll(psf, (-(k // 2), -(k // 2)), axis=(0, 1))
    G = cv2.dft(padded.astype(np.float32), flags=cv2.DFT_COMPLEX_OUTPUT)
    K = cv2.dft(psf, flags=cv2.DFT_COMPLEX_OUTPUT)
    restored = cv2.mulSpectrums(G, K, 0, conjB=True)  # G * conj(K) ...
    restored /= (cv2.magnitude(K[..., 0], K[..., 1]) ** 2 + noise)[..., None]  # ... / (|K|^2 + noise)
    restored = cv2.dft(restored, flags=cv2.DFT_INVERSE | cv2.DFT_REAL_OUTPUT | cv2.DFT_SCALE)
    return np.clip(restored[k:k + h, k:k + w], 0, 255).astype(np.uint8)


def coherence(image: np.ndarray) -> float:
    """How much the grey-level changes follow one direction (0: all directions, 1: one).

    A code's modules change in two directions equally; a motion streak smooths the changes
    along the motion, so a blurred code scores high, and a sharp one or a face scores low.
    """
    data = image.astype(np.float32)
    gx = cv2.Sobel(data, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(data, cv2.CV_32F, 0, 1)
    a, b, c = float(cv2.sumElems(gx * gx)[0]), float(cv2.sumElems(gy * gy)[0]), float(cv2.sumElems(gx * gy)[0])
    trace = a + b
    if trace <= 0:
        return 0.0
    return float(np.sqrt((a - b) ** 2 + 4 * c * c) / trace)
