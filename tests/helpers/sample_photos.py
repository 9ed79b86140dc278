"""The public QR photographs (../shared/qr-samples) as decoder test sets, and how to score them.

Rules from the samples' README: ``NAME.txt`` beside ``NAME.png|jpg|webp`` is the expected text,
compared after turning ``\\r\\n`` into ``\\n`` on both sides; ``*.metadata.txt`` and
``*.result.txt`` are not texts; ``zxing-cpp/qrcode-7`` is one structured-append message over four
images (not single codes: left out); ``zxing/multi-qrcode-1`` has its texts in ``expected.json``.

One photograph holds two genuine codes: ``qrcode-2/16`` is a "double QR" (a small code printed
inside a large one). zxing's expected file names the outer code, zxing-cpp's the inner one. Reading
the other one is not a misread, so each project's file counts as an also-correct text for the
other's copy of the photo.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import cv2

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
SETS = ("zxing", "zxing-cpp")
SKIPPED_FOLDERS = {"qrcode-7"}  # structured append: one message over four images
TWIN_PHOTOS = {"qrcode-2/16"}   # the double QR, in both sets


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n")


@dataclass(frozen=True)
class Photo:
    path: Path
    expected: tuple[str, ...]          # texts that must be read (one, or four for multi-qrcode-1)
    also_correct: tuple[str, ...] = ()  # genuine codes in the photo that are not its expected text

    @property
    def key(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    def image(self):
        return cv2.imread(str(self.path), cv2.IMREAD_COLOR)


def _text(path: Path) -> str:
    return normalise(path.read_bytes().decode("utf-8"))


def photo_set(root: Path, name: str) -> list[Photo]:
    """The single-code photos of ``zxing`` or ``zxing-cpp`` (179 and 137)."""
    photos = []
    for folder in sorted((root / name).glob("qrcode-*")):
        if folder.name in SKIPPED_FOLDERS:
            continue
        for image in sorted(folder.iterdir()):
            if image.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            expected = _text(image.with_suffix(".txt"))
            also = ()
            key = f"{folder.name}/{image.stem}"
            if key in TWIN_PHOTOS:
                other = "zxing-cpp" if name == "zxing" else "zxing"
                twin = root / other / folder.name / f"{image.stem}.txt"
                if twin.exists() and _text(twin) != expected:
                    also = (_text(twin),)
            photos.append(Photo(image, (expected,), also))
    return photos


def multi_code_photos(root: Path) -> list[Photo]:
    folder = root / "zxing" / "multi-qrcode-1"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return [Photo(folder / name, tuple(normalise(t) for t in texts))
            for name, texts in expected.items() if not name.startswith("_")]


@dataclass
class Tally:
    """Reads, misreads and times of one decoder over one set."""

    total: int = 0
    read: int = 0          # photos whose expected texts were all read
    misread: int = 0       # photos where something else was read (a wrong text)
    times_ms: list[float] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def median_ms(self) -> float:
        return percentile(self.times_ms, 50)

    def p95_ms(self) -> float:
        return percentile(self.times_ms, 95)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q / 100 * (len(ordered) - 1)))))
    return ordered[index]


def score(decode: Callable, photos: list[Photo]) -> Tally:
    """Run ``decode(image) -> list of texts`` over ``photos``; None texts (binary) count as wrong."""
    tally = Tally()
    for photo in photos:
        image = photo.image()
        started = time.perf_counter()
        texts = decode(image)
        tally.times_ms.append((time.perf_counter() - started) * 1000)
        texts = [normalise(t) if isinstance(t, str) else t for t in texts]
        tally.total += 1
        if all(e in texts for e in photo.expected):
            tally.read += 1
        else:
            tally.missed.append(photo.key)
        if any(t not in photo.expected and t not in photo.also_correct for t in texts):
            tally.misread += 1
            tally.wrong.append(photo.key)
    return tally
