"""`kiosk decode IMAGE... [--json]`, run as a user runs it (a separate process)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import cv2
import numpy as np
import pytest
import qrcode
from qrcode.util import MODE_8BIT_BYTE, QRData

from kiosk.organiser.badges import write_badges
from tests.helpers.synthetic_frames import make_frame


def kiosk(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kiosk", *map(str, args)], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


@pytest.fixture
def badges(tmp_path, event):
    out = tmp_path / "badges"
    write_badges(event, out)
    with (out / "badges.csv").open(encoding="utf-8") as fh:
        tokens = {row["id"]: row["token"] for row in csv.DictReader(fh)}
    return out, tokens


def test_decode_reads_the_token_printed_on_an_issued_badge(badges):
    out, tokens = badges
    result = kiosk("decode", "--json", out / "V-001.png", out / "E-001.png")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["codes"] for line in lines] == [[tokens["V-001"]], [tokens["E-001"]]]
    for line in lines:
        assert set(line) == {"file", "codes", "binary", "ms"}
        assert line["binary"] == [] and isinstance(line["ms"], float) and line["ms"] > 0
    assert lines[0]["file"] == str(out / "V-001.png")


def test_decode_reads_a_badge_in_a_webcam_frame_and_says_so_for_an_empty_one(tmp_path, badges):
    out, tokens = badges
    frame = make_frame("tilted", 1, tokens["P-001"]).image
    cv2.imwrite(str(tmp_path / "webcam.jpg"), frame)
    cv2.imwrite(str(tmp_path / "nobody.jpg"), make_frame("empty", 1, None).image)
    result = kiosk("decode", tmp_path / "webcam.jpg", tmp_path / "nobody.jpg")
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first.startswith(f"{tmp_path / 'webcam.jpg'}: {tokens['P-001']} (") and first.endswith(" ms)")
    assert second.startswith(f"{tmp_path / 'nobody.jpg'}: no code (")


def test_a_payload_that_is_not_text_is_listed_as_binary(tmp_path):
    code = qrcode.QRCode(border=4, box_size=8)
    code.add_data(QRData(b"\x00\xfe\xff\x10binary", mode=MODE_8BIT_BYTE))
    code.make_image().save(str(tmp_path / "binary.png"))
    result = kiosk("decode", "--json", tmp_path / "binary.png")
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    assert line["codes"] == [] and line["binary"] == [b"\x00\xfe\xff\x10binary".hex()]
    shown = kiosk("decode", tmp_path / "binary.png").stdout
    assert "not text" in shown


def test_a_missing_file_is_one_line_and_non_zero(tmp_path):
    result = kiosk("decode", tmp_path / "nowhere.png")
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"kiosk: error: {tmp_path / 'nowhere.png'}: no such file"]


def test_a_file_that_is_not_an_image_is_one_clear_line(tmp_path):
    (tmp_path / "roster.csv").write_text("id,name,category\nV-1,A,visitor\n")
    (tmp_path / "fake.png").write_bytes(b"\x89PNG not really")
    for name in ("roster.csv", "fake.png"):
        result = kiosk("decode", tmp_path / name)
        assert result.returncode != 0
        assert result.stderr.splitlines() == [f"kiosk: error: {tmp_path / name}: not an image this kiosk can read"]
        assert "Traceback" not in result.stderr


def test_good_images_are_still_read_when_another_is_bad(tmp_path, badges):
    out, tokens = badges
    (tmp_path / "folder").mkdir()
    result = kiosk("decode", "--json", tmp_path / "folder", out / "V-002.png")
    assert result.returncode == 1
    assert json.loads(result.stdout)["codes"] == [tokens["V-002"]]
    assert result.stderr.splitlines() == [f"kiosk: error: {tmp_path / 'folder'}: is a folder, not an image"]


def test_decode_with_the_pyzbar_backend_and_raw(badges):
    out, tokens = badges
    result = kiosk("decode", "--json", "--backend", "pyzbar", out / "S-001.png")
    if result.returncode != 0 and "libzbar0" in result.stderr:
        pytest.skip("libzbar0 is not installed here")
    assert json.loads(result.stdout)["codes"] == [tokens["S-001"]]
    raw = kiosk("decode", "--json", "--raw", out / "S-001.png")
    assert json.loads(raw.stdout)["codes"] == [tokens["S-001"]]


def test_no_image_given_is_a_usage_error():
    result = kiosk("decode")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "IMAGE" in result.stderr


def test_decode_is_listed_in_the_help():
    result = kiosk("--help")
    assert "Scanning:   decode" in result.stdout
    help_text = kiosk("decode", "--help").stdout
    for option in ("--json", "--backend", "--raw"):
        assert option in help_text


def test_a_huge_blank_image_is_fine(tmp_path):
    cv2.imwrite(str(tmp_path / "blank.png"), np.full((3000, 4000, 3), 255, np.uint8))
    result = kiosk("decode", "--json", tmp_path / "blank.png")
    assert result.returncode == 0 and json.loads(result.stdout)["codes"] == []
