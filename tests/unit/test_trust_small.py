"""Small faults that must end in one line and a non-zero exit, never `internal error`."""

from __future__ import annotations

import io
import json
import threading

import pytest

from kiosk.cli import main
from kiosk.commands.desk import MAX_LINE_BYTES, _lines
from kiosk.commands.doctor import kiosk_checks
from kiosk.organiser.eventdir import EventFolder
from tests.helpers.factories import DAYS, make_event, make_kiosk


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code, err):
    assert code == 1 and err.startswith("kiosk: error: ") and len(err.strip().splitlines()) == 1
    assert "internal error" not in err


def test_an_xlsx_renamed_csv_is_read_as_the_workbook_it_is(tmp_path, capsys):
    from openpyxl import Workbook

    event = make_event(tmp_path, roster=None)
    book = Workbook()
    book.active.append(["id", "name", "category"])
    book.active.append(["Z-1", "Zainab", "visitor"])
    book.save(tmp_path / "roster.csv")
    code, out, err = run(capsys, "roster", "import", tmp_path / "roster.csv", "--event",
                         event.path, "--json")
    assert code == 0, err
    assert json.loads(out)["imported"] == 1


def test_a_picture_renamed_csv_is_one_line(tmp_path, capsys):
    event = make_event(tmp_path, roster=None)
    (tmp_path / "roster.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    one_line_error(*run(capsys, "roster", "import", tmp_path / "roster.csv", "--event",
                        event.path)[::2])


@pytest.mark.parametrize("moment", ["0001-01-01", "9999-12-31T23:59:59", "0001-01-01T00:00Z"])
def test_out_of_range_moments_are_one_line(kiosk, capsys, moment):
    one_line_error(*run(capsys, "checkin", "V-001", "--kiosk", kiosk.path, "--at", moment)[::2])
    one_line_error(*run(capsys, "headcount", "--kiosk", kiosk.path, "--at", moment)[::2])


def test_a_broken_staff_pin_hash_fails_doctor(kiosk):
    lines = [line for line in (kiosk.path / "kiosk.toml").read_text().splitlines()
             if not line.startswith("staff_pin_hash")]
    (kiosk.path / "kiosk.toml").write_text("\n".join(lines + [
        'staff_pin_hash = "scrypt$16384$8$1$!!$??"']) + "\n")
    checks = {c["name"]: c for c in kiosk_checks(kiosk.path)}
    assert checks["staff PIN"]["status"] == "fail"
    assert "not valid" in checks["staff PIN"]["detail"]


@pytest.mark.parametrize("field, value", [("kiosk_id", "kiosk-9"), ("venue", "karachi")])
def test_kiosk_toml_edited_against_kiosk_db_is_refused_at_start(kiosk, capsys, field, value):
    toml = kiosk.path / "kiosk.toml"
    lines = [f'{field} = "{value}"' if line.startswith(f"{field} =") else line
             for line in toml.read_text().splitlines()]
    toml.write_text("\n".join(lines) + "\n")
    code, _, err = run(capsys, "checkin", "V-001", "--kiosk", kiosk.path)
    one_line_error(code, err)
    assert field in err and value in err


def test_two_events_of_the_same_name_and_day_have_different_ids(tmp_path, capsys):
    one = make_event(tmp_path / "a")
    two = make_event(tmp_path / "b")
    assert one.model.id != two.model.id and one.model.id.startswith("itcn-asia-test-20261201-")
    kiosk = make_kiosk(tmp_path / "a", one)
    assert run(capsys, "export", "--kiosk", kiosk.path, "--out", tmp_path / "a.bundle")[0] == 0
    code, out, _ = run(capsys, "merge", tmp_path / "a.bundle", "--into", tmp_path / "m.db",
                       "--event", two.path, "--json")
    assert code == 1 and json.loads(out)["rejected"][0]["reason"] == "other_event"
    with pytest.raises(Exception, match="already kiosk|another event|event"):
        from kiosk.organiser.kioskdir import init_kiosk

        init_kiosk(kiosk.path, EventFolder.open(two.path), kiosk_id="kiosk-1", venue="lahore")


def test_input_lines_are_never_held_whole_past_4_kb():
    huge = b"A" * (10 << 20)  # 10 MB without a line end, then a real code
    got = list(_lines(io.BytesIO(huge + b"\nV-001\r\n")))
    assert [len(x) for x in got] == [MAX_LINE_BYTES + 1, 5] and got[1] == b"V-001"


def test_an_overlong_line_is_refused_and_the_next_one_still_read(kiosk, capsys, monkeypatch):
    import sys

    class Stdin:
        buffer = io.BytesIO(b"B" * 100_000 + b"\nV-001\n")

    monkeypatch.setattr(sys, "stdin", Stdin)
    code, out, _ = run(capsys, "checkin", "-", "--kiosk", kiosk.path, "--json",
                       "--at", "2026-12-01T12:00")
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["reason"] for r in results] == ["too_long", "first_entry"]


def test_a_bundle_over_the_size_limit_is_refused_unread(tmp_path, capsys):
    big = tmp_path / "big.bundle"
    with open(big, "wb") as fh:
        fh.truncate(3 << 20)
    code, out, _ = run(capsys, "merge", big, "--into", tmp_path / "m.db", "--max-size", "2",
                       "--json")
    assert code == 1 and json.loads(out)["rejected"][0]["reason"] == "too_large"
    one_line_error(*run(capsys, "merge", big, "--into", tmp_path / "m.db", "--max-size",
                        "0")[::2])


def test_a_second_merge_into_the_same_file_waits_then_says_so(tmp_path, capsys):
    from kiosk.sync.merge import merge_bundles, merge_lock

    event = make_event(tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    assert run(capsys, "export", "--kiosk", kiosk.path, "--out", tmp_path / "k.bundle")[0] == 0
    into = tmp_path / "m.db"
    waiting = threading.Event()
    result = {}
    with merge_lock(into):  # a first merge is running
        worker = threading.Thread(target=lambda: result.update(report=merge_bundles(
            [tmp_path / "k.bundle"], into, on_wait=waiting.set)))
        worker.start()
        assert waiting.wait(30)
        assert "report" not in result  # it waits rather than fighting over the file
    worker.join(30)
    report = result["report"]
    assert report.waited_seconds > 0 and not report.rejected
