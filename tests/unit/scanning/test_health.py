"""The plain checks `kiosk doctor` will call: decoder libraries and cameras."""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.scanning import health


def test_decoder_backends_names_both_and_zxing_is_available():
    backends = health.decoder_backends()
    assert set(backends) == {"zxing", "pyzbar"}
    assert backends["zxing"] == health.AVAILABLE


def test_library_versions_are_reported():
    versions = health.library_versions()
    assert versions["zxing-cpp"][0].isdigit()
    assert versions["opencv-python-headless"][0].isdigit()
    assert set(versions) >= {"zxing-cpp", "pyzbar", "zbar", "opencv-python-headless", "numpy"}


def test_decoder_self_test_reads_its_own_code():
    result = health.decoder_self_test()
    assert result.ok and "read a test code" in result.detail and result.ms > 0


def test_decoder_self_test_with_an_unknown_backend_says_why():
    result = health.decoder_self_test("tesseract")
    assert not result.ok and "unknown decoder backend" in result.detail


def test_camera_probe_reports_a_working_source_with_its_size(tmp_path):
    folder = tmp_path / "frames"
    folder.mkdir()
    cv2.imwrite(str(folder / "1.png"), np.zeros((720, 1280, 3), np.uint8))
    probe = health.probe_camera(str(folder))
    assert probe.ok and (probe.width, probe.height) == (1280, 720)
    assert "1280x720" in probe.detail


def test_camera_probe_of_a_missing_camera_explains_without_raising(tmp_path):
    assert not health.probe_camera("/dev/video97").ok
    probe = health.probe_camera("63", timeout_s=0.5)
    assert not probe.ok and "could not be opened" in probe.detail
    empty = tmp_path / "empty"
    empty.mkdir()
    probe = health.probe_camera(str(empty))
    assert not probe.ok and "holds no images" in probe.detail


def test_cameras_lists_devices_as_paths():
    assert all(path.startswith("/dev/video") for path in health.cameras())
