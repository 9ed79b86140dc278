"""The command line as organisers and scripts use it: a real process, real folders, JSON out."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

KIOSK = [sys.executable, "-m", "kiosk"]


def kiosk(*args, input=None, check=True):
    proc = subprocess.run([*KIOSK, *map(str, args)], input=input, capture_output=True, text=True,
                          timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"kiosk {' '.join(map(str, args))} failed: {proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    base = tmp_path_factory.mktemp("demo")
    out = json.loads(kiosk("demo", base / "d", "--attendees", "120", "--json").stdout)
    return base / "d", out


def tokens_of(demo_dir: Path) -> dict[str, str]:
    with (demo_dir / "event" / "badges" / "badges.csv").open(encoding="utf-8") as fh:
        return {row["id"]: row["token"] for row in csv.DictReader(fh)}


def test_demo_every_badge_is_accepted_then_duplicate_and_headcount_agrees(demo):
    demo_dir, summary = demo
    assert summary["attendees"] == 120
    tokens = tokens_of(demo_dir)
    assert len(tokens) == 120
    stream = "\n".join(tokens.values()) + "\n"
    first = [json.loads(line) for line in
             kiosk("checkin", "-", "--kiosk", demo_dir / "kiosk-1", "--json", input=stream).stdout.splitlines()]
    assert len(first) == 120
    assert {r["outcome"] for r in first} == {"accepted"}
    assert {r["attendee"]["id"] for r in first} == set(tokens)
    categories = {r["attendee"]["category"] for r in first}
    assert categories == {"visitor", "exhibitor", "vip", "media", "speaker", "staff", "organiser"}
    again = json.loads(kiosk("checkin", tokens["ITCN-00001"], "--kiosk", demo_dir / "kiosk-1",
                             "--json", check=False).stdout)
    assert again["outcome"] == "duplicate"
    count = json.loads(kiosk("headcount", "--kiosk", demo_dir / "kiosk-1", "--json").stdout)
    assert count["unique_checked_in"] == 120 and count["inside_now"] == 120
    assert count["accepted_scans"] == 120 and count["refused_scans"] == 1
    assert sum(count["by_category"].values()) == 120
    assert count["by_kiosk"] == {"kiosk-1": 120} and count["by_gate"] == {"Gate 1": 120}


def test_demo_refusals(demo):
    demo_dir, summary = demo
    k = demo_dir / "kiosk-1"
    token = tokens_of(demo_dir)["ITCN-00010"]
    i = len(token) // 2
    changed = token[:i] + ("Z" if token[i] != "Z" else "Y") + token[i + 1:]

    def outcome(*args):
        proc = kiosk("checkin", *args, "--kiosk", k, "--json", check=False)
        assert proc.returncode in (0, 3), proc.stderr
        return json.loads(proc.stdout)["outcome"]

    assert outcome(changed) == "invalid"
    assert outcome("ITCN-99999") == "unknown"
    after = (date.fromisoformat(summary["days"][-1]) + timedelta(days=1)).isoformat()
    assert outcome(token, "--at", f"{after}T12:00") == "wrong_day"
    kiosk("revoke", "ITCN-00011", "--kiosk", k, "--reason", "reported stolen")
    assert outcome(tokens_of(demo_dir)["ITCN-00011"]) == "revoked"
    samples = summary["samples"]
    assert set(samples) >= {"wrong_day", "wrong_venue", "revoked", "invalid"}


def test_single_code_exit_status_says_pass_or_refused(tmp_path, demo):
    demo_dir, _ = demo
    k = tmp_path / "k"
    kiosk("init", k, "--event", demo_dir / "event", "--kiosk-id", "k2", "--venue", "lahore")
    assert kiosk("checkin", tokens_of(demo_dir)["ITCN-00020"], "--kiosk", k,
                 check=False).returncode == 0
    # The demo's attendees all have signed badges: their plain numbers are refused.
    plain = kiosk("checkin", "ITCN-00021", "--kiosk", k, check=False)
    assert plain.returncode == 3 and plain.stdout.startswith("invalid:")
    refused = kiosk("checkin", "NOT-A-PERSON", "--kiosk", k, check=False)
    assert refused.returncode == 3 and refused.stdout.startswith("unknown:")


def test_killed_mid_stream_loses_no_printed_scan(tmp_path, demo):
    """SIGKILL at random moments: every code whose JSON line was printed is in the log."""
    demo_dir, _ = demo
    base = tmp_path / "kill"
    kiosk("init", base, "--event", demo_dir / "event", "--kiosk-id", "kill-1", "--venue", "lahore")
    tokens = list(tokens_of(demo_dir).values())
    rng = random.Random(7)
    printed: list[dict] = []
    for round_ in range(6):
        proc = subprocess.Popen([*KIOSK, "checkin", "-", "--kiosk", str(base), "--json"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        wanted = rng.randint(1, 25)
        for i in range(wanted):
            proc.stdin.write(rng.choice(tokens + ["garbage-" + str(i)]) + "\n")
        proc.stdin.flush()
        got = 0
        while got < wanted:
            line = proc.stdout.readline()
            if not line:
                break
            printed.append(json.loads(line))
            got += 1
            if rng.random() < 0.2:
                break  # kill before all answers arrived
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    conn = sqlite3.connect(base / "kiosk.db")
    stored = {row[0]: row[1] for row in conn.execute("SELECT scan_id, outcome FROM scans")}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert printed
    for line in printed:
        assert stored.get(line["scan_id"]) == line["outcome"]


@pytest.mark.parametrize("args,needle", [
    (["checkin", "X", "--kiosk", "/nonexistent/kiosk"], "no kiosk folder"),
    (["headcount", "--kiosk", "/nonexistent/kiosk"], "no kiosk folder"),
    (["headcount", "--db", "/nonexistent/merged.db"], "no database"),
    (["roster", "import", "/nonexistent.csv", "--event", "/nonexistent"], "no event folder"),
    (["event", "create", "{tmp}/e", "--name", "X", "--dates", "2026-13-01:2026-13-03"], "YYYY-MM-DD"),
    (["event", "create", "{tmp}/e", "--name", "X", "--dates", "2026-12-03:2026-12-01"], "before"),
    (["event", "create", "{tmp}/e", "--name", "X", "--dates", "2026-12-01:2026-12-02",
      "--venues", "islamabad"], "unknown venue"),
    (["demo", "{tmp}/d", "--attendees", "2"], "--attendees"),
    (["badges", "--event", "/nonexistent", "--out", "{tmp}/b"], "no event folder"),
    (["checkin"], "required"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_input_exits_non_zero_with_one_readable_line(tmp_path, args, needle):
    proc = kiosk(*[a.replace("{tmp}", str(tmp_path)) for a in args], check=False)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 or lines[-1].startswith("kiosk"), proc.stderr
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr


def test_corrupt_kiosk_db_is_one_line(tmp_path, demo):
    demo_dir, _ = demo
    k = tmp_path / "k"
    kiosk("init", k, "--event", demo_dir / "event", "--kiosk-id", "k9", "--venue", "lahore")
    for suffix in ("-wal", "-shm"):
        Path(str(k / "kiosk.db") + suffix).unlink(missing_ok=True)
    (k / "kiosk.db").write_bytes(b"garbage" * 1000)
    proc = kiosk("checkin", "ITCN-00001", "--kiosk", k, check=False)
    assert proc.returncode == 1
    assert "damaged" in proc.stderr and "Traceback" not in proc.stderr


def test_roster_import_json_contract(tmp_path):
    event_dir = tmp_path / "ev"
    kiosk("event", "create", event_dir, "--name", "ITCN Asia 2026", "--dates", "2026-12-01:2026-12-03",
          "--venues", "lahore,karachi")
    roster = tmp_path / "r.csv"
    roster.write_text("id,name,category\nA-1,One,visitor\nA-2,,visitor\n", encoding="utf-8")
    out = json.loads(kiosk("roster", "import", roster, "--event", event_dir, "--json").stdout)
    assert out["imported"] == 1 and out["updated"] == 0
    assert out["rejected"] == [{"line": 3, "reason": "name is empty"}]
