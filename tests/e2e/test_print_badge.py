"""`kiosk print-badge` and `kiosk doctor` against a real CUPS daemon: what CUPS received holds the
attendee's name, and its QR (read by zxing-cpp) is the badge the organiser issued, which checks in.

The expected names and tokens come from the organiser's badges.csv (`kiosk demo` issues it), not
from the printing code."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.organiser.kioskdir import KioskFolder
from tests.helpers.printed import is_pdf, pdf_page_mm, pdf_qr_codes, pdf_text

KIOSK = [sys.executable, "-m", "kiosk"]


def kiosk(*args, check=True):
    proc = subprocess.run([*KIOSK, *map(str, args)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if check and proc.returncode != 0:
        raise AssertionError(f"kiosk {' '.join(map(str, args))} failed: {proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    base = tmp_path_factory.mktemp("print")
    kiosk("demo", base / "d", "--attendees", "30")
    with (base / "d" / "event" / "badges" / "badges.csv").open(encoding="utf-8") as fh:
        badges = {row["id"]: row for row in csv.DictReader(fh)}
    return base / "d", badges


@pytest.fixture
def printer_kiosk(demo, cups_queue):
    folder = KioskFolder.open(demo[0] / "kiosk-1")
    folder.update(printer={"queue": cups_queue.name, "media": "4x3in", "dpi": 203})
    yield folder.path, cups_queue
    KioskFolder.open(folder.path).update(printer=None)


def test_a_printed_badge_holds_the_name_and_a_qr_that_checks_in(demo, printer_kiosk):
    _, badges = demo
    path, queue = printer_kiosk
    row = badges["ITCN-00003"]
    out = json.loads(kiosk("print-badge", "ITCN-00003", "--kiosk", path, "--json").stdout)
    assert set(out) == {"job_id", "queue", "attendee_id", "pages"}
    assert out["queue"] == queue.name and out["attendee_id"] == "ITCN-00003" and out["pages"] == 1
    received = queue.job_files(out["job_id"])
    assert len(received) == 1 and is_pdf(received[0])
    document = received[0].read_bytes()
    assert row["name"] in pdf_text(document)
    width, height = pdf_page_mm(document)
    assert (round(width, 1), round(height, 1)) == (101.6, 76.2)  # the 4x3in label
    assert pdf_qr_codes(document, dpi=203) == [row["token"]]
    # The QR that came out of CUPS checks the person in.
    checked = json.loads(kiosk("checkin", row["token"], "--kiosk", path, "--at",
                               "2026-12-01T10:30", "--json").stdout)
    assert checked["outcome"] == "accepted" and checked["attendee"]["id"] == "ITCN-00003"
    # Printing is not a check-in, and it is recorded and audited.
    with sqlite3.connect(path / "kiosk.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM scans WHERE attendee_id = 'ITCN-00003'"
                            ).fetchone()[0] == 1
        prints = conn.execute("SELECT reason, state, job_id FROM badge_prints "
                              "WHERE attendee_id = 'ITCN-00003'").fetchall()
        assert prints == [("cli", "sent", out["job_id"])]
        audit = conn.execute("SELECT detail FROM audit_log WHERE action = 'badge_print' "
                             "AND subject = 'ITCN-00003'").fetchall()
        assert audit and f"{queue.name}-{out['job_id']}" in audit[-1][0]


def test_the_qr_text_names_the_badge_too(demo, printer_kiosk, tmp_path):
    _, badges = demo
    path, queue = printer_kiosk
    row = badges["ITCN-00004"]
    preview = tmp_path / "preview.png"
    out = json.loads(kiosk("print-badge", row["token"].lower(), "--kiosk", path, "--preview",
                           preview, "--json").stdout)
    assert out["attendee_id"] == "ITCN-00004"
    assert pdf_qr_codes(queue.job_files(out["job_id"])[0].read_bytes()) == [row["token"]]
    import numpy as np
    import zxingcpp
    from PIL import Image

    assert [r.text for r in zxingcpp.read_barcodes(np.asarray(Image.open(preview).convert("L")))
            ] == [row["token"]]


def test_copies_are_pages_of_one_job(demo, cups_queue):
    path = demo[0] / "kiosk-1"
    KioskFolder.open(path).update(printer={"queue": cups_queue.name, "copies": 2})
    try:
        out = json.loads(kiosk("print-badge", "ITCN-00005", "--kiosk", path, "--json").stdout)
    finally:
        KioskFolder.open(path).update(printer=None)
    assert out["pages"] == 2
    assert len(cups_queue.job_files(out["job_id"])) == 1  # one document, CUPS makes the copies


def test_a_printer_out_of_paper_is_an_error_and_recorded(demo, printer_kiosk):
    path, queue = printer_kiosk
    queue.disable("media-empty-error")
    proc = kiosk("print-badge", "ITCN-00006", "--kiosk", path, "--json", check=False)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "out of paper" in proc.stderr
    with sqlite3.connect(path / "kiosk.db") as conn:
        state, detail = conn.execute("SELECT state, detail FROM badge_prints WHERE attendee_id = "
                                     "'ITCN-00006'").fetchone()
    assert state == "failed" and "out of paper" in detail
    doctor = json.loads(kiosk("doctor", "--kiosk", path, "--json", check=False).stdout)
    check = next(c for c in doctor["checks"] if c["name"] == "badge printer")
    assert check["status"] == "fail" and "out of paper" in check["detail"]
    assert f"cupsenable {queue.name}" in check["fix"]
    queue.enable()
    doctor = json.loads(kiosk("doctor", "--kiosk", path, "--json", check=False).stdout)
    check = next(c for c in doctor["checks"] if c["name"] == "badge printer")
    assert check["status"] == "ok", check


@pytest.mark.parametrize("who, words", [
    ("NOBODY-1", "no attendee"),
    ("ITC1:AAAA", "not valid"),
    ("  ", "registration number"),
])
def test_bad_names_are_one_line_errors(demo, printer_kiosk, who, words):
    path, queue = printer_kiosk
    proc = kiosk("print-badge", who, "--kiosk", path, check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and words in proc.stderr
    listed = queue.server.lp("lpstat", "-W", "all", "-o", queue.name).stdout
    assert listed.strip() == ""


def test_a_missing_queue_and_no_printer_at_all(demo, cups_server, monkeypatch, tmp_path):
    monkeypatch.setenv("CUPS_SERVER", str(cups_server.socket))
    path = demo[0] / "kiosk-1"
    proc = kiosk("print-badge", "ITCN-00007", "--kiosk", path, check=False)
    assert proc.returncode == 1 and "[printer]" in proc.stderr  # none configured
    preview = tmp_path / "only.png"
    out = json.loads(kiosk("print-badge", "ITCN-00007", "--kiosk", path, "--preview", preview,
                           "--json").stdout)
    assert out == {"job_id": None, "queue": None, "attendee_id": "ITCN-00007", "pages": 0}
    assert preview.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    KioskFolder.open(path).update(printer={"queue": "no-such-queue"})
    try:
        proc = kiosk("print-badge", "ITCN-00007", "--kiosk", path, check=False)
        assert proc.returncode == 1 and "no CUPS queue 'no-such-queue'" in proc.stderr
        doctor = json.loads(kiosk("doctor", "--kiosk", path, "--json", check=False).stdout)
        check = next(c for c in doctor["checks"] if c["name"] == "badge printer")
        assert check["status"] == "fail" and "lpadmin" in check["fix"]
    finally:
        KioskFolder.open(path).update(printer=None)


def test_no_cups_at_all_is_a_clear_error(demo, tmp_path, monkeypatch):
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cups.sock"))
    path = demo[0] / "kiosk-1"
    KioskFolder.open(path).update(printer={"queue": "badges"})
    try:
        proc = kiosk("print-badge", "ITCN-00008", "--kiosk", path, check=False)
    finally:
        KioskFolder.open(path).update(printer=None)
    assert proc.returncode == 1 and "cannot reach CUPS" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_walk_ins_go_to_the_organiser_and_get_signed_badges(tmp_path):
    """A walk-in registered at a kiosk, exported, imported by the organiser, issued a signed
    badge that checks them in the next day."""
    from kiosk.services.walk_in import WalkIns
    from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

    event = make_event(tmp_path)
    folder = make_kiosk(tmp_path, event)
    desk, store = open_desk(folder, clock=lambda: local(DAYS[0], 11))
    try:
        walk_in = WalkIns("kiosk-1").register(store, desk, name="zara haider",
                                              company="Lahore Looms", phone="0333 5550001")
    finally:
        store.close()
    out = tmp_path / "walk-ins.csv"
    written = json.loads(kiosk("walk-ins", "--kiosk", folder.path, "--out", out, "--json").stdout)
    assert written == {"walk_ins": 1, "out": str(out)}
    imported = json.loads(kiosk("roster", "import", out, "--event", event.path, "--json").stdout)
    assert imported["imported"] == 1 and imported["rejected"] == []
    kiosk("badges", "--event", event.path, "--out", tmp_path / "badges")
    with (tmp_path / "badges" / "badges.csv").open(encoding="utf-8") as fh:
        tokens = {row["id"]: row for row in csv.DictReader(fh)}
    assert tokens[walk_in.id]["name"] == "Zara Haider"
    kiosk("init", tmp_path / "kiosk-2", "--event", event.path, "--kiosk-id", "kiosk-2",
          "--venue", "lahore")
    checked = json.loads(kiosk("checkin", tokens[walk_in.id]["token"], "--kiosk",
                               tmp_path / "kiosk-2", "--at", "2026-12-02T10:30", "--json").stdout)
    assert checked["outcome"] == "accepted" and checked["attendee"]["id"] == walk_in.id
    proc = kiosk("walk-ins", "--kiosk", folder.path, "--out", tmp_path, check=False)
    assert proc.returncode == 1 and "is a folder" in proc.stderr
