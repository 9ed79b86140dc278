"""End to end: the real `kiosk run` process, an image-folder camera holding real badge PNGs, and
the accepted scans found in kiosk.db. Waits on the kiosk's JSON log lines, never on sleeps."""

from __future__ import annotations

import csv
import json
import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

KIOSK = [sys.executable, "-m", "kiosk"]


def lines_of(proc) -> "queue.Queue[dict]":
    out: "queue.Queue[dict]" = queue.Queue()

    def pump():
        for line in proc.stderr:
            line = line.strip()
            if line.startswith("{"):
                try:
                    out.put(json.loads(line))
                except ValueError:
                    pass
        out.put({"event": "eof"})

    threading.Thread(target=pump, daemon=True).start()
    return out


def wait_for(events, predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        try:
            event = events.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        seen.append(event)
        if event.get("event") == "eof":
            break
        if predicate(event):
            return event, seen
    raise AssertionError(f"the kiosk never logged what was expected; it logged {seen}")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("run")
    subprocess.run([*KIOSK, "demo", base / "d", "--attendees", "40"], check=True,
                   capture_output=True)
    return base / "d"


def test_kiosk_run_checks_in_badges_shown_to_an_image_folder_camera(tmp_path, demo_dir):
    with (demo_dir / "event" / "badges" / "badges.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[:3]
    camera = tmp_path / "camera"
    camera.mkdir()
    for row in rows:
        shutil.copy(demo_dir / "event" / "badges" / f"{row['id']}.png", camera)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([*KIOSK, "run", "--kiosk", str(demo_dir / "kiosk-1"), "--camera",
                             str(camera), "--log-json"], stderr=subprocess.PIPE, text=True, env=env)
    try:
        events = lines_of(proc)
        wait_for(events, lambda e: e.get("event") == "ready")
        accepted = set()
        while len(accepted) < len(rows):
            event, _ = wait_for(events, lambda e: e.get("event") == "checked_in")
            if event.get("outcome") == "accepted":
                accepted.add(event["attendee"]["id"])
        assert accepted == {row["id"] for row in rows}
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
    assert code == 0
    conn = sqlite3.connect(demo_dir / "kiosk-1" / "kiosk.db")
    stored = {r[0] for r in conn.execute(
        "SELECT attendee_id FROM scans WHERE outcome = 'accepted' AND method = 'camera'")}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert stored >= {row["id"] for row in rows}


def test_kiosk_run_refuses_a_missing_camera_folder_with_one_line(demo_dir, tmp_path):
    proc = subprocess.run([*KIOSK, "run", "--kiosk", str(demo_dir / "kiosk-1"), "--camera",
                           str(tmp_path / "nowhere"), "--log-json"], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "nowhere" in proc.stderr


def test_kiosk_run_without_a_kiosk_folder_says_how_to_make_one(tmp_path):
    proc = subprocess.run([*KIOSK, "run", "--kiosk", str(tmp_path / "none")], capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert proc.returncode == 1
    assert "kiosk init" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.postgres
def test_kiosk_run_pushes_its_scans_to_the_hub_as_it_goes(tmp_path, demo_dir, hub_url):
    import psycopg

    kiosk = tmp_path / "k-hub"
    subprocess.run([*KIOSK, "init", kiosk, "--event", demo_dir / "event", "--kiosk-id", "hub-1",
                    "--venue", "lahore", "--gate", "Gate 2"], check=True, capture_output=True)
    for args in (["hub", "init", hub_url], ["hub", "publish", hub_url, "--event", demo_dir / "event"],
                 ["hub", "attach", hub_url, "--kiosk", kiosk]):
        subprocess.run([*KIOSK, *map(str, args)], check=True, capture_output=True)
    with (demo_dir / "event" / "badges" / "badges.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[10:12]
    camera = tmp_path / "camera"
    camera.mkdir()
    for row in rows:
        shutil.copy(demo_dir / "event" / "badges" / f"{row['id']}.png", camera)
    proc = subprocess.Popen([*KIOSK, "run", "--kiosk", str(kiosk), "--camera", str(camera),
                             "--log-json"], stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        events = lines_of(proc)
        accepted = set()
        while len(accepted) < len(rows):
            event, _ = wait_for(events, lambda e: e.get("event") == "checked_in")
            if event.get("outcome") == "accepted":
                accepted.add(event["attendee"]["id"])
        wait_for(events, lambda e: e.get("event") == "sync" and e.get("online")
                 and e.get("pending") == 0 and e.get("pushed_total", 0) >= len(rows))
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    with psycopg.connect(hub_url) as conn:
        on_hub = {r[0] for r in conn.execute(
            "SELECT attendee_id FROM scans WHERE kiosk_id = 'hub-1' AND outcome = 'accepted'")}
    assert on_hub == {row["id"] for row in rows}
