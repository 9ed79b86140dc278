"""Bundles and merge: round trip, idempotence, refusals, conflicts, derived tables."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from kiosk.cli import main
from tests.helpers.oracles import headcount_from_scans
from kiosk.storage.db import _statements
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.schema import SCAN_COLUMNS, SCAN_INDEXES
from tests.helpers.oracles import REBUILD_DERIVED
from kiosk.sync.bundle import read_header, verify
from kiosk.sync.merge import merge_bundles
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk
from tests.helpers.scanlog import synthetic_rows, write_kiosk_db, write_synthetic_bundle

TZ = "Asia/Karachi"


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scans_of(path: Path) -> list[dict]:
    conn = sqlite3.connect(path)
    cur = conn.execute(f"SELECT {', '.join(SCAN_COLUMNS)} FROM scans ORDER BY scan_id")
    rows = [dict(zip(SCAN_COLUMNS, r)) for r in cur]
    conn.close()
    return rows


def derived_of(path: Path) -> tuple[list, list]:
    conn = sqlite3.connect(path)
    attendance = conn.execute("SELECT * FROM daily_attendance ORDER BY day, attendee_id").fetchall()
    counts = conn.execute("SELECT * FROM scan_counts ORDER BY day, outcome").fetchall()
    conn.close()
    return attendance, counts


def rebuilt_derived_of(path: Path) -> tuple[list, list]:
    """The derived tables recomputed from the log alone, in a copy."""
    copy = path.with_name(path.name + ".rebuilt")
    shutil.copy(path, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("BEGIN")
    for statement in _statements(REBUILD_DERIVED):
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.close()
    try:
        return derived_of(copy)
    finally:
        copy.unlink()


def cli(*args: str, capsys) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_kiosks(tmp_path, event):
    """Two kiosks at different gates with a few real check-ins each, over two days."""
    a = make_kiosk(tmp_path, event, name="kiosk-a", gate="Gate 1")
    b = make_kiosk(tmp_path, event, name="kiosk-b", gate="Gate 5", venue="karachi")
    desk_a, store_a = open_desk(a)
    desk_b, store_b = open_desk(b)
    desk_a.check_in("V-001", at=local(DAYS[0], 10, 5))
    desk_a.check_in("V-002", at=local(DAYS[0], 10, 20))
    desk_a.check_in("V-001", at=local(DAYS[0], 10, 6))  # duplicate within the window
    desk_a.check_in("nobody", at=local(DAYS[0], 10, 30))  # unknown
    desk_a.check_in("V-002", at=local(DAYS[0], 13, 0), direction="out")
    desk_b.check_in("E-001", at=local(DAYS[0], 8, 30))  # exhibitors may enter early
    desk_b.check_in("V-001", at=local(DAYS[0], 12, 0))
    desk_b.check_in("P-001", at=local(DAYS[1], 11, 0))
    store_a.close()
    store_b.close()
    return a, b


def export(kiosk, out: Path, capsys) -> Path:
    code, _, err = cli("export", "--kiosk", str(kiosk.path), "--out", str(out), capsys=capsys)
    assert code == 0, err
    return out


# -- round trip and idempotence --------------------------------------------------------------------
def test_export_then_merge_holds_every_scan_and_the_same_headcounts(tmp_path, two_kiosks, capsys):
    a, b = two_kiosks
    bundle_a = export(a, tmp_path / "a.bundle", capsys)
    bundle_b = export(b, tmp_path / "b.bundle", capsys)
    merged = tmp_path / "merged.db"

    code, out, err = cli("merge", str(bundle_a), str(bundle_b), "--into", str(merged), "--json",
                         capsys=capsys)
    assert code == 0, err
    result = json.loads(out)
    assert result["added"] == 8 and result["already_present"] == 0 and result["rejected"] == []

    expected = scans_of(a.path / "kiosk.db") + scans_of(b.path / "kiosk.db")
    assert sorted(scans_of(merged), key=lambda s: s["scan_id"]) == \
        sorted(expected, key=lambda s: s["scan_id"])
    # The kiosks' own headcounts only see their own scans; the merged one sees both.
    for moment in (local(DAYS[0], 10, 25), local(DAYS[0], 12, 30), local(DAYS[0], 14),
                   local(DAYS[1], 12)):
        code, out, _ = cli("headcount", "--db", str(merged), "--at", moment.isoformat(), "--json",
                           capsys=capsys)
        assert code == 0
        reference = headcount_from_scans(expected, moment, TZ).to_json()
        got = json.loads(out)
        assert {k: v for k, v in got.items() if k != "source"} == \
            {k: v for k, v in reference.items() if k != "source"}
    at_two = json.loads(cli("headcount", "--db", str(merged), "--at", local(DAYS[0], 14).isoformat(),
                            "--json", capsys=capsys)[1])
    assert at_two["unique_checked_in"] == 3  # V-001, V-002, E-001
    assert at_two["inside_now"] == 2  # V-002 went out
    assert at_two["by_kiosk"] == {"kiosk-a": 2, "kiosk-b": 1}


def test_merging_the_same_bundles_again_adds_nothing_and_leaves_the_file_as_it_was(
        tmp_path, two_kiosks, capsys):
    a, b = two_kiosks
    bundles = [export(a, tmp_path / "a.bundle", capsys), export(b, tmp_path / "b.bundle", capsys)]
    merged = tmp_path / "merged.db"
    first = merge_bundles(bundles, merged)
    before = file_digest(merged)

    again = merge_bundles(bundles + bundles[:1], merged)
    assert again.added == 0
    assert again.already_present == first.added + 5  # a.bundle (5 scans) was named twice
    assert again.rejected == []
    assert file_digest(merged) == before


def test_a_newer_export_of_the_same_kiosk_adds_only_the_new_scans(tmp_path, event, capsys):
    kiosk = make_kiosk(tmp_path, event)
    desk, store = open_desk(kiosk)
    desk.check_in("V-001", at=local(DAYS[0], 11))
    desk.check_in("V-002", at=local(DAYS[0], 11, 5))
    first = export(kiosk, tmp_path / "first.bundle", capsys)
    desk.check_in("V-001", at=local(DAYS[0], 15), direction="out")
    desk.check_in("V-001", at=local(DAYS[0], 16))
    store.close()
    second = export(kiosk, tmp_path / "second.bundle", capsys)
    merged = tmp_path / "merged.db"

    assert merge_bundles([first], merged).added == 2
    result = merge_bundles([second], merged)
    assert (result.added, result.already_present, result.conflict_count) == (2, 2, 0)
    assert derived_of(merged) == derived_of(kiosk.path / "kiosk.db")


def test_the_folder_form_of_out_names_the_bundle_after_the_kiosk(tmp_path, two_kiosks, capsys):
    a, _ = two_kiosks
    folder = tmp_path / "usb"
    folder.mkdir()
    code, out, _ = cli("export", "--kiosk", str(a.path), "--out", str(folder), "--json",
                       capsys=capsys)
    assert code == 0
    written = Path(json.loads(out)["bundle"])
    assert written.parent == folder and written.name.startswith("kiosk-a-")
    assert read_header(written).kiosk_id == "kiosk-a"


def test_a_bundle_is_a_plain_sqlite_file_with_its_kiosk_and_counts(tmp_path, two_kiosks, capsys):
    a, _ = two_kiosks
    bundle = export(a, tmp_path / "a.bundle", capsys)
    # One row of typed columns, and the counts as a table: what sqlite-utils and Datasette show.
    db = sqlite_utils.Database(bundle)
    [meta] = list(db["bundle"].rows)
    assert db["scans"].count == 5
    counts = {r["outcome"]: r["scans"] for r in db["bundle_counts"].rows}
    db.close()
    assert meta["kiosk_id"] == "kiosk-a" and meta["venue"] == "lahore" and meta["gate"] == "Gate 1"
    assert meta["event_id"] == a.model.event_id and meta["scan_count"] == 5
    assert counts == {"accepted": 2, "duplicate": 1, "exited": 1, "unknown": 1}
    assert meta["kiosk_schema"] >= 1 and len(meta["content_sha256"]) == 64
    assert len(bytes.fromhex(meta["signature"])) == 64


# -- refusals ----------------------------------------------------------------------------------
def tamper(bundle: Path, sql: str) -> Path:
    conn = sqlite3.connect(bundle, isolation_level=None)
    conn.execute(sql)
    conn.close()
    return bundle


@pytest.mark.parametrize("change, reason", [
    ("UPDATE scans SET outcome = 'accepted' WHERE outcome = 'unknown'", "tampered"),
    ("UPDATE scans SET at_utc = '2026-12-01T04:00:00.000000Z' WHERE seq = 1", "tampered"),
    ("DELETE FROM scans WHERE seq = 2", "tampered"),
    ("INSERT INTO scans SELECT 99, 'forged-id', kiosk_id, gate, venue, direction, at_utc, day, "
     "code, attendee_id, category, outcome, reason, method, note FROM scans WHERE seq = 1",
     "tampered"),
    ("UPDATE bundle SET kiosk_id = 'kiosk-z'", "tampered"),
    ("UPDATE bundle SET content_sha256 = ''", "tampered"),
    ("UPDATE bundle_counts SET scans = scans + 1 WHERE outcome = 'accepted'", "tampered"),
    ("INSERT INTO bundle SELECT * FROM bundle", "tampered"),
    ("ALTER TABLE bundle DROP COLUMN gate", "tampered"),
    ("DROP TABLE scans", "not_a_bundle"),
])
def test_a_changed_bundle_is_refused_and_the_merged_file_stays_as_it_was(
        tmp_path, two_kiosks, capsys, change, reason):
    a, b = two_kiosks
    merged = tmp_path / "merged.db"
    merge_bundles([export(b, tmp_path / "b.bundle", capsys)], merged)
    before = file_digest(merged)
    bundle = tamper(export(a, tmp_path / "a.bundle", capsys), change)

    code, out, err = cli("merge", str(bundle), "--into", str(merged), "--json", capsys=capsys)
    assert code == 1
    result = json.loads(out)
    assert result["added"] == 0
    assert [(r["bundle"], r["reason"]) for r in result["rejected"]] == [(str(bundle), reason)]
    assert file_digest(merged) == before


def test_a_truncated_bundle_is_refused_with_the_reason(tmp_path, two_kiosks, capsys):
    a, _ = two_kiosks
    bundle = export(a, tmp_path / "a.bundle", capsys)
    raw = bundle.read_bytes()
    bundle.write_bytes(raw[: len(raw) // 2])
    merged = tmp_path / "merged.db"

    code, out, err = cli("merge", str(bundle), "--into", str(merged), capsys=capsys)
    assert code == 1
    assert "truncated" in out and str(bundle) in out
    assert "Traceback" not in out + err
    assert not merged.exists()  # nothing good to merge: no file is made


@pytest.mark.parametrize("content", [b"", b"not a database at all\n" * 10,
                                     b"SQLite format 3\x00" + b"\x00" * 50])
def test_files_that_are_not_bundles_are_refused(tmp_path, content, capsys):
    bogus = tmp_path / "bogus.bundle"
    bogus.write_bytes(content)
    code, out, err = cli("merge", str(bogus), str(tmp_path / "missing.bundle"),
                         "--into", str(tmp_path / "m.db"), "--json", capsys=capsys)
    assert code == 1
    reasons = {r["bundle"]: r["reason"] for r in json.loads(out)["rejected"]}
    assert reasons[str(tmp_path / "missing.bundle")] == "missing"
    assert reasons[str(bogus)] in ("truncated", "not_a_bundle", "damaged")


def test_a_bundle_of_another_event_is_refused(tmp_path, two_kiosks, capsys):
    a, _ = two_kiosks
    other_event = make_event(tmp_path / "other", roster=None, days=[date(2027, 1, 5)])
    other = make_kiosk(tmp_path / "other", other_event, name="kiosk-x")
    merged = tmp_path / "merged.db"
    merge_bundles([export(a, tmp_path / "a.bundle", capsys)], merged)
    before = file_digest(merged)

    result = merge_bundles([export(other, tmp_path / "x.bundle", capsys)], merged)
    assert [r["reason"] for r in result.rejected] == ["other_event"]
    assert file_digest(merged) == before


def test_good_bundles_still_merge_next_to_a_refused_one(tmp_path, two_kiosks, capsys):
    a, b = two_kiosks
    good = export(b, tmp_path / "b.bundle", capsys)
    bad = tamper(export(a, tmp_path / "a.bundle", capsys), "UPDATE scans SET note = 'x'")
    result = merge_bundles([bad, good], tmp_path / "merged.db")
    assert result.added == 3
    assert [r["bundle"] for r in result.rejected] == [str(bad)]


# -- conflicts ---------------------------------------------------------------------------------------
def test_a_scan_id_seen_with_different_content_is_a_conflict_and_the_first_version_stays(
        tmp_path, event, capsys):
    rows = synthetic_rows("kiosk-a", "lahore", "Gate 1", [DAYS[0]], 20, attendees=15, seed=1)
    toml = (event.path / "event.toml").read_text()
    first = write_synthetic_bundle(tmp_path / "first.bundle", event_toml=toml,
                                   event_id=event.model.id, kiosk_id="kiosk-a", venue="lahore",
                                   gate="Gate 1", rows=rows)
    changed = list(rows)
    victim = changed[7]
    changed[7] = victim[:SCAN_COLUMNS.index("outcome")] + ("revoked",) + \
        victim[SCAN_COLUMNS.index("outcome") + 1:]
    write_synthetic_bundle(tmp_path / "second.bundle", event_toml=toml, event_id=event.model.id,
                           kiosk_id="kiosk-a", venue="lahore", gate="Gate 1", rows=changed)
    merged = tmp_path / "merged.db"
    merge_bundles([Path(first["bundle"])], merged)

    code, out, err = cli("merge", str(tmp_path / "second.bundle"), "--into", str(merged),
                         "--json", capsys=capsys)
    assert code == 0
    result = json.loads(out)
    assert result["added"] == 0 and result["already_present"] == 19
    assert result["conflict_count"] == 1
    assert result["conflicts"][0]["scan_id"] == victim[0]
    assert result["conflicts"][0]["columns"] == ["outcome"]
    conn = sqlite3.connect(merged)
    kept = conn.execute("SELECT outcome FROM scans WHERE scan_id = ?", (victim[0],)).fetchone()[0]
    stored = conn.execute("SELECT scan_id, columns FROM merge_conflicts").fetchall()
    conn.close()
    assert kept == victim[SCAN_COLUMNS.index("outcome")]
    assert stored == [(victim[0], "outcome")]


# -- derived tables ----------------------------------------------------------------------------------
def test_derived_tables_after_a_merge_match_the_scan_triggers(tmp_path, event):
    """Merging (triggers off, sums folded in) must leave what the per-row triggers would."""
    toml = (event.path / "event.toml").read_text()
    bundles, all_rows = [], []
    for n, (kiosk, role) in enumerate([("kiosk-a", "entry"), ("kiosk-b", "entry"),
                                       ("kiosk-c", "exit")]):
        rows = synthetic_rows(kiosk, "lahore", f"Gate {n}", list(DAYS), 900, attendees=150,
                              seed=n, role=role)
        if n == 1:  # identical times at two kiosks: ties keep the row merged first
            rows[:50] = [r[:5] + (all_rows[i][5],) + r[6:] for i, r in enumerate(rows[:50])]
        all_rows += rows
        bundles.append(Path(write_synthetic_bundle(
            tmp_path / f"{kiosk}.bundle", event_toml=toml, event_id=event.model.id,
            kiosk_id=kiosk, venue="lahore", gate=f"Gate {n}", rows=rows, role=role)["bundle"]))
    merged = tmp_path / "merged.db"
    assert merge_bundles(bundles, merged).added == len(all_rows)
    # The reference: the same rows appended one by one, in the same order, triggers on.
    store, _ = write_kiosk_db(tmp_path / "reference", toml, event.model.id, "ref", "lahore", "",
                              all_rows)
    store.close()
    assert derived_of(merged) == derived_of(tmp_path / "reference" / "kiosk.db")
    assert rebuilt_derived_of(merged)[1] == derived_of(merged)[1]


def test_a_large_merge_checks_bundles_in_another_process_with_the_same_result(
        tmp_path, event, monkeypatch):
    import kiosk.sync.merge as merge_module

    toml = (event.path / "event.toml").read_text()
    bundles = []
    for n in range(12):  # more than one group of attached bundles
        rows = synthetic_rows(f"k{n}", "lahore", "Gate 1", list(DAYS), 300, attendees=200, seed=n)
        bundles.append(Path(write_synthetic_bundle(
            tmp_path / f"k{n}.bundle", event_toml=toml, event_id=event.model.id,
            kiosk_id=f"k{n}", venue="lahore", gate="Gate 1", rows=rows)["bundle"]))
    tamper(bundles[4], "UPDATE scans SET gate = 'Gate 9' WHERE seq = 3")
    inline = merge_bundles(bundles, tmp_path / "inline.db", workers=0)
    monkeypatch.setattr(merge_module, "PROCESS_THRESHOLD", 1)
    monkeypatch.setattr(merge_module, "BULK_THRESHOLD", 1)
    pooled = merge_bundles(bundles, tmp_path / "pooled.db", workers=1)

    assert pooled.added == inline.added == 11 * 300
    assert [r["bundle"] for r in pooled.rejected] == [str(bundles[4])]
    assert derived_of(tmp_path / "pooled.db") == derived_of(tmp_path / "inline.db")
    conn = sqlite3.connect(tmp_path / "pooled.db")
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert set(SCAN_INDEXES) <= indexes


def test_verify_accepts_what_export_wrote(tmp_path, two_kiosks, capsys):
    a, _ = two_kiosks
    header = read_header(export(a, tmp_path / "a.bundle", capsys))
    verify(header)  # raises if the digest did not match


# -- bad input -----------------------------------------------------------------------------------
def test_merge_into_a_folder_or_for_another_event_says_so_in_one_line(tmp_path, two_kiosks,
                                                                       capsys):
    a, _ = two_kiosks
    bundle = export(a, tmp_path / "a.bundle", capsys)
    code, _, err = cli("merge", str(bundle), "--into", str(tmp_path), capsys=capsys)
    assert code == 1 and "folder" in err and len(err.strip().splitlines()) == 1

    other = make_event(tmp_path / "other", roster=None, days=[date(2027, 1, 5)])
    merged = tmp_path / "merged.db"
    merge_bundles([bundle], merged)
    code, _, err = cli("merge", str(bundle), "--into", str(merged), "--event", str(other.path),
                       capsys=capsys)
    assert code == 1 and "holds event" in err and len(err.strip().splitlines()) == 1


def test_export_of_a_missing_kiosk_folder_is_a_one_line_error(tmp_path, capsys):
    code, _, err = cli("export", "--kiosk", str(tmp_path / "nope"), "--out",
                       str(tmp_path / "x.bundle"), capsys=capsys)
    assert code == 1 and err.startswith("kiosk: error:") and "nope" in err
    assert not (tmp_path / "x.bundle").exists()


def test_merge_with_event_copies_the_roster_for_no_shows(tmp_path, two_kiosks, event, capsys):
    a, _ = two_kiosks
    merged = tmp_path / "merged.db"
    code, _, err = cli("merge", str(export(a, tmp_path / "a.bundle", capsys)), "--into",
                       str(merged), "--event", str(event.path), capsys=capsys)
    assert code == 0, err
    with KioskStore.open(merged, readonly=True) as store:
        assert store.find_attendee("V-003").name == "Day Two Only"
        assert store.get_meta("event_id") == event.model.id
