"""The second pass's image steps, each against what it claims to do."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.scanning import enhance
from kiosk.scanning.decoder import DecoderChain
from tests.helpers.synthetic_frames import CONDITIONS, badge_tokens, qr_modules


def code_patch(text: str, module_px: int = 4) -> np.ndarray:
    modules = qr_modules(text)
    return np.kron(np.where(modules, 0, 255).astype(np.uint8), np.ones((module_px, module_px), np.uint8))


def streak(image: np.ndarray, length: float, angle: float) -> np.ndarray:
    return cv2.filter2D(image, -1, enhance.motion_kernel(length, angle), borderType=cv2.BORDER_REFLECT)


def angle_difference(a: float, b: float) -> float:
    d = abs(a - b) % 180  # a streak has no direction: 10 and 190 degrees are the same
    return min(d, 180 - d)


@pytest.mark.parametrize("length, angle", [(6, 0), (9, 30), (12, 90), (8, 135), (10, -60)])
def test_estimate_motion_finds_the_streak_that_was_applied(length, angle):
    patch = code_patch(badge_tokens(1)[0])
    blurred = streak(patch, length, angle)
    motion = enhance.estimate_motion(enhance.square(blurred, 160))
    scale = 160 / patch.shape[0]
    assert motion.length == pytest.approx(length * scale, abs=1.6)
    assert angle_difference(motion.angle, angle) <= 12


def test_deblur_makes_a_streaked_code_readable_again():
    token = badge_tokens(2)[1]
    patch = code_patch(token)
    blurred = streak(patch, 11, 20)
    blurred = np.clip(blurred + np.random.default_rng(1).normal(0, 2, blurred.shape), 0, 255).astype(np.uint8)
    raw = DecoderChain(steps=())
    assert raw.decode(blurred) == []
    motion = enhance.estimate_motion(blurred)
    restored = enhance.deblur(blurred, motion)
    assert [d.code for d in raw.decode(restored)] == [token]


def test_coherence_is_low_for_a_sharp_code_and_high_for_a_streaked_one():
    patch = code_patch(badge_tokens(1)[0])
    assert enhance.coherence(patch) < 0.15
    assert enhance.coherence(streak(patch, 10, 0)) > 0.4
    assert enhance.coherence(np.full((50, 50), 128, np.uint8)) == 0.0


def test_motion_kernel_is_a_normalised_line():
    kernel = enhance.motion_kernel(7, 0)
    assert kernel.shape == (7, 7) and kernel.sum() == pytest.approx(1.0)
    assert np.count_nonzero(kernel[3]) == 7 and np.count_nonzero(kernel) == 7


def test_textured_regions_find_the_code_in_nearly_every_webcam_frame(webcam_set):
    hits = total = 0
    for frame in webcam_set:
        if frame.quad is None:
            continue
        gray = cv2.cvtColor(frame.image, cv2.COLOR_BGR2GRAY)
        (region,) = enhance.textured_regions(gray, limit=1)
        cx, cy = frame.quad.mean(axis=0)
        total += 1
        hits += region.x <= cx < region.x + region.w and region.y <= cy < region.y + region.h
    assert hits >= 0.9 * total
    assert total == 10 * len(CONDITIONS)


def test_textured_regions_ignore_flat_frames_and_stripes():
    assert enhance.textured_regions(np.full((720, 1280), 90, np.uint8)) == []
    stripes = np.zeros((720, 1280), np.uint8)
    stripes[:, ::8] = 255  # a one-dimensional pattern: changes in one direction only
    stripes[:, 1::8] = 255
    assert enhance.textured_regions(stripes) == []


def test_regions_grow_and_overlap_within_the_frame():
    region = enhance.Region(10, 10, 100, 50, "texture").grown(0.5, 120, 200)
    assert (region.x, region.y, region.w, region.h) == (0, 0, 120, 85)
    assert region.overlaps(enhance.Region(20, 20, 30, 30, "detection"))
    assert not region.overlaps(enhance.Region(200, 200, 30, 30, "detection"))
