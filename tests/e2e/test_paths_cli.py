"""Paths as people type them, through the real command: `~` and folders that do not exist yet."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.cli import main
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk


def test_dashboard_screenshot_into_a_new_folder_under_home(tmp_path):
    kiosk = make_kiosk(tmp_path, make_event(tmp_path))
    desk, store = open_desk(kiosk)
    try:
        desk.check_in("V-001", at=local(DAYS[0], 10, 30))
    finally:
        store.close()
    merged = tmp_path / "merged" / "M.db"
    assert main(["export", "--kiosk", str(kiosk.path), "--out", str(tmp_path / "b") + "/"]) == 0
    assert main(["merge", *map(str, (tmp_path / "b").glob("*.bundle")), "--into", str(merged)]) == 0
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "kiosk", "dashboard", "--db", str(merged),
                           "--at", "2026-12-01T11:00", "--screenshot", "~/shots/day1/now.png"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    shot = home / "shots" / "day1" / "now.png"
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
