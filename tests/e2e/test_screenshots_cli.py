"""`kiosk screenshots`: a real process that makes a demo, renders states offscreen and checks them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


def run(*args, timeout=300):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    env.pop("DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "kiosk", "screenshots", *args], env=env,
                          capture_output=True, text=True, timeout=timeout, cwd=REPO)


def test_every_state_asked_for_is_written_and_passes_the_checks(tmp_path):
    out = tmp_path / "shots"
    states = "attract,scan-no-camera,result-wrong-venue,wayfinding-keyboard,directory"
    done = run(str(out), "--lang", "ur,zh", "--size", "1080x1920", "--state", states, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert {(r["state"], r["lang"]) for r in rows} == {
        (s, lang) for s in states.split(",") for lang in ("ur", "zh")}
    for row in rows:
        assert row["problems"] == [], row
        image = QImage(row["png"])
        assert (image.width(), image.height()) == (1080, 1920), row["png"]
    assert (out / "wayfinding-keyboard-ur-1080x1920.png").is_file()


def test_bad_arguments_get_one_line_and_a_non_zero_exit(tmp_path):
    for args in (["--size", "big"], ["--lang", "fr"], ["--state", "nowhere"]):
        done = run(str(tmp_path / "x"), *args, timeout=60)
        assert done.returncode != 0, args
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "error" in lines[0], (args, done.stderr)


def test_the_staff_states_pass_the_checks_in_urdu_and_chinese_both_ways_round(tmp_path):
    """The health page with a printer and stuck jobs, the look-up keyboard after a change of
    language: written at both sizes, and every check passes on each."""
    out = tmp_path / "shots"
    done = run(str(out), "--lang", "ur,zh", "--state", "staff-health-printer,staff-lookup-keyboard",
               "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == 2 * 2 * 2
    for row in rows:
        assert row["problems"] == [], row
        image = QImage(row["png"])
        assert (image.width(), image.height()) in ((1920, 1080), (1080, 1920)), row["png"]
