"""Checks for ``kiosk doctor`` and the staff screen: decoder libraries and cameras.

Plain functions that never raise; each answers in words a person at the gate can act on.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from importlib import metadata

AVAILABLE = "available"


def decoder_backends() -> dict[str, str]:
    """Each decoder backend with ``"available"`` or the reason it cannot run here."""
    from kiosk.scanning.decoder import backend_problems

    return {name: problem or AVAILABLE for name, problem in backend_problems().items()}


def library_versions() -> dict[str, str]:
    """Versions of the libraries the scanner relies on ("missing" when not installed)."""
    versions = {}
    for dist in ("zxing-cpp", "pyzbar", "opencv-python-headless", "numpy"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "missing"
    versions["zbar"] = _zbar_version()
    return versions


def _zbar_version() -> str:
    try:
        zbar = importlib.import_module("pyzbar.pyzbar")
    except Exception:
        return "missing"
    try:
        import ctypes

        major, minor, patch = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        zbar.EXTERNAL_DEPENDENCIES[0].zbar_version(ctypes.byref(major), ctypes.byref(minor),
                                                   ctypes.byref(patch))
        return f"{major.value}.{minor.value}.{patch.value}"
    except Exception:  # an older libzbar without the three-part version call
        return "present"


@dataclass(frozen=True)
class SelfTest:
    ok: bool
    detail: str
    ms: float = 0.0


def decoder_self_test(backend: str = "zxing") -> SelfTest:
    """Draw a badge-sized QR code and read it back through the decoder chain."""
    try:
        import numpy as np
        import qrcode

        from kiosk.scanning.decoder import DecoderChain

        text = "ITC1:SELFTEST" + "A" * 40
        code = qrcode.QRCode(border=4, box_size=6)
        code.add_data(text)
        modules = np.array(code.get_matrix(), dtype=bool)
        image = np.kron(np.where(modules, 0, 255).astype(np.uint8), np.ones((6, 6), np.uint8))
        frame = np.full((720, 1280), 200, np.uint8)
        frame[100:100 + image.shape[0], 200:200 + image.shape[1]] = image
        chain = DecoderChain(backend)
        started = time.perf_counter()
        found = chain.decode(frame)
        ms = (time.perf_counter() - started) * 1000
    except Exception as exc:
        return SelfTest(False, f"{backend}: {type(exc).__name__}: {exc}")
    if any(d.code == text for d in found):
        return SelfTest(True, f"{backend} read a test code in {ms:.1f} ms", ms)
    return SelfTest(False, f"{backend} could not read a clean test code", ms)


@dataclass(frozen=True)
class CameraProbe:
    ok: bool
    detail: str                      # one line for a person: what works or what to do
    width: int | None = None
    height: int | None = None
    ms_to_first_frame: float | None = None


def probe_camera(spec: str, timeout_s: float = 3.0) -> CameraProbe:
    """Open the camera ``spec`` names, wait up to ``timeout_s`` for a frame, close it again."""
    from kiosk.scanning.sources import open_source

    try:
        source = open_source(spec)
        started = time.monotonic()
        source.open()
    except Exception as exc:
        return CameraProbe(False, str(exc) or type(exc).__name__)
    try:
        while True:
            try:
                frame = source.read()
            except Exception as exc:
                return CameraProbe(False, f"{source.name}: {exc}")
            elapsed = time.monotonic() - started
            if frame is not None:
                h, w = frame.shape[:2]
                return CameraProbe(True, f"{source.name}: {w}x{h}, first frame after {elapsed * 1000:.0f} ms",
                                   w, h, elapsed * 1000)
            if elapsed >= timeout_s or getattr(source, "finished", False):
                return CameraProbe(False, f"{source.name} opened but gave no picture in {timeout_s:.0f} s")
            time.sleep(0.02)
    finally:
        try:
            source.close()
        except Exception:
            pass


def cameras() -> list[str]:
    """The video devices this system lists (for a doctor report or a settings list)."""
    from kiosk.scanning.sources import video_devices

    return video_devices()
