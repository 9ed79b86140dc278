"""A merged database as Datasette serves it: the real `datasette` on 127.0.0.1, started here
with the metadata.json that `kiosk merge` writes beside the file."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from kiosk.cli import main
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

import datasette  # noqa: E402,F401  (a test dependency: missing, the run fails rather than skips)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    base = tmp_path_factory.mktemp("datasette")
    event = make_event(base)
    kiosk = make_kiosk(base, event)
    desk, store = open_desk(kiosk)
    try:
        desk.check_in("V-001", at=local(DAYS[0], 10, 5))
        desk.check_in("E-001", at=local(DAYS[0], 10, 7))
        desk.check_in("NOT-ON-ROSTER", at=local(DAYS[0], 10, 9))
        desk.check_in("V-002", at=local(DAYS[1], 11, 0))
    finally:
        store.close()
    assert main(["export", "--kiosk", str(kiosk.path), "--out", str(base / "bundles") + "/"]) == 0
    bundles = sorted((base / "bundles").glob("*.bundle"))
    merged = base / "out" / "merged" / "FAIR.db"
    assert main(["merge", *map(str, bundles), "--into", str(merged),
                 "--event", str(event.path)]) == 0
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(merged), "-m",
         str(merged.parent / "metadata.json"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:  # a bounded wait for the server to listen
        try:
            urllib.request.urlopen(f"{url}/-/versions.json", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"datasette did not start: {proc.stdout.read()}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def get(url: str, path: str, **params) -> dict | list:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{url}{path}?{query}", timeout=30) as response:
        return json.loads(response.read())


def test_search_finds_attendees_by_any_of_their_names(served):
    found = get(served, "/FAIR/attendees.json", _search="khan", _shape="array")
    assert [r["id"] for r in found] == ["V-001"]
    assert [r["id"] for r in get(served, "/FAIR/attendees.json", _search="王伟",
                                 _shape="array")] == ["E-001"]
    assert [r["id"] for r in get(served, "/FAIR/attendees.json", _search="خان",
                                 _shape="array")] == ["V-001"]
    assert [r["id"] for r in get(served, "/FAIR/attendees.json", _search="Margalla",
                                 _shape="array")] == ["P-001"]


def test_the_readable_views(served):
    rows = get(served, "/FAIR/scans_readable.json", _shape="array", _sort="seq")
    people = [(r["local_time"], r["attendee_name"], r["outcome"]) for r in rows]
    # Karachi is UTC+5: the views show the times the kiosk's clock showed.
    assert people == [("2026-12-01 10:05:00", "Ahmed Khan", "accepted"),
                      ("2026-12-01 10:07:00", "Wang Wei", "accepted"),
                      ("2026-12-01 10:09:00", None, "unknown"),
                      ("2026-12-02 11:00:00", "Ayesha Malik", "accepted")]
    days = get(served, "/FAIR/attendance_by_day.json", _shape="array", _sort="day")
    assert [(d["day"], d["checked_in"], d["entry_scans"], d["refused_scans"]) for d in days] == [
        ("2026-12-01", 2, 2, 1), ("2026-12-02", 1, 1, 0)]
    inside = get(served, "/FAIR/inside_now.json", _shape="array", day="2026-12-02")
    assert [(r["attendee_name"], r["inside_since"]) for r in inside] == [
        ("Ayesha Malik", "2026-12-02 11:00:00")]


def test_the_metadata_describes_the_database(served):
    meta = get(served, "/-/metadata.json")
    tables = meta["databases"]["FAIR"]["tables"]
    assert meta["title"].startswith("ITCN Asia Test")
    assert tables["attendees"]["fts_table"] == "attendees_fts"
    assert "local time" in tables["scans_readable"]["description"]
    page = urllib.request.urlopen(f"{served}/FAIR/scans_readable", timeout=30).read().decode()
    assert "Scans, readable" in page and "when, in the event&#39;s time zone" in page
