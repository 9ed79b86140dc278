"""`kiosk doctor`: every check with a name, a status and a fix; broken parts fail the exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

KIOSK = [sys.executable, "-m", "kiosk"]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def doctor(*args):
    proc = subprocess.run([*KIOSK, "doctor", *map(str, args), "--json"], capture_output=True,
                          text=True, env=ENV, timeout=120)
    return proc.returncode, json.loads(proc.stdout)


def test_a_healthy_kiosk(tmp_path):
    subprocess.run([*KIOSK, "demo", tmp_path / "d", "--attendees", "20"], check=True,
                   capture_output=True, env=ENV)
    kiosk = tmp_path / "d" / "kiosk-1"
    subprocess.run([*KIOSK, "staff", "set-pin", "--kiosk", kiosk], input="482913\n", text=True,
                   check=True, capture_output=True)
    code, report = doctor("--kiosk", kiosk)
    checks = {c["name"]: c for c in report["checks"]}
    assert code == 0 and report["ok"] is True
    for name in ("Qt platform", "decoder zxing", "decoder self-test", "font Urdu (Noto Nastaliq Urdu)",
                 "font Chinese (Noto Sans CJK SC)", "database", "disk", "staff PIN", "camera"):
        assert name in checks, name
    assert checks["database"]["status"] == "ok" and "20 attendees" in checks["database"]["detail"]
    assert checks["staff PIN"]["status"] == "ok"
    assert checks["camera"]["status"] == "warn" and checks["camera"]["fix"]  # no webcam here


def test_a_damaged_database_fails_with_its_fix(tmp_path):
    subprocess.run([*KIOSK, "demo", tmp_path / "d", "--attendees", "20"], check=True,
                   capture_output=True, env=ENV)
    db = tmp_path / "d" / "kiosk-1" / "kiosk.db"
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(b"not sqlite" * 500)
    code, report = doctor("--kiosk", tmp_path / "d" / "kiosk-1")
    database = next(c for c in report["checks"] if c["name"] == "database")
    assert code == 1 and report["ok"] is False
    assert database["status"] == "fail" and "kiosk init" in database["fix"]
