"""Databases as the SQLite ecosystem reads them (sqlite-utils here; Datasette in tests/e2e), and
paths as people type them for export and merge."""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils

from kiosk.cli import main
from kiosk.organiser.kioskdir import init_kiosk
from kiosk.organiser.roster_import import import_roster
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk


def test_sqlite_utils_finds_and_uses_the_roster_search_table(tmp_path):
    event = make_event(tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    db = sqlite_utils.Database(kiosk.db_path)
    assert db["attendees"].detect_fts() == "attendees_fts"
    assert [r["id"] for r in db["attendees"].search("Khan")] == ["V-001"]
    db.conn.close()
    # A roster change reaches the search table: the triggers keep it in step.
    changed = tmp_path / "more.csv"
    changed.write_text("id,name,category\nV-001,Ahmed Qureshi,visitor\nV-900,Late Khan,visitor\n",
                       encoding="utf-8")
    with event.store() as store:
        import_roster(changed, store, event.rules)
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    db = sqlite_utils.Database(kiosk.db_path)
    assert [r["id"] for r in db["attendees"].search("Khan")] == ["V-900"]
    assert sorted(r["id"] for r in db["attendees"].search("Qureshi")) == ["P-001", "V-001"]
    # the FTS index agrees with its content table (FTS5's own check)
    db.conn.execute("INSERT INTO attendees_fts (attendees_fts) VALUES ('integrity-check')")
    db.conn.close()


def test_the_staff_lookup_still_finds_people(tmp_path):
    from kiosk.storage.attendee_search import search_attendees

    kiosk = make_kiosk(tmp_path, make_event(tmp_path))
    with kiosk.open_store() as store:
        assert search_attendees(store.conn, "Ahme")[0].attendee.id == "V-001"


def test_views_show_names_and_local_times_in_a_kiosk_db(tmp_path):
    kiosk = make_kiosk(tmp_path, make_event(tmp_path))
    desk, store = open_desk(kiosk)
    try:
        desk.check_in("V-001", at=local(DAYS[0], 9, 58))  # before opening: refused
        desk.check_in("V-001", at=local(DAYS[0], 10, 30))
    finally:
        store.close()
    conn = sqlite3.connect(kiosk.db_path)
    rows = conn.execute("SELECT local_time, attendee_name, outcome FROM scans_readable "
                        "ORDER BY seq").fetchall()
    assert rows == [("2026-12-01 09:58:00", "Ahmed Khan", "outside_hours"),
                    ("2026-12-01 10:30:00", "Ahmed Khan", "accepted")]
    assert conn.execute("SELECT attendee_id, inside_since FROM inside_now").fetchall() == [
        ("V-001", "2026-12-01 10:30:00")]
    conn.close()


def test_export_into_a_new_folder_and_merge_into_new_folders(tmp_path, monkeypatch):
    kiosk = make_kiosk(tmp_path, make_event(tmp_path))
    desk, store = open_desk(kiosk)
    try:
        desk.check_in("V-001", at=local(DAYS[0], 10, 30))
    finally:
        store.close()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    # "bundles/" names a folder that does not exist yet: it is made, and the file goes inside.
    assert main(["export", "--kiosk", str(kiosk.path), "--out", "bundles/"]) == 0
    (bundle,) = (tmp_path / "bundles").glob("kiosk-1-*.bundle")
    meta = json.loads((tmp_path / "bundles" / "metadata.json").read_text(encoding="utf-8"))
    assert bundle.stem in meta["databases"]
    # "~" is the home folder, also when the shell did not expand it (quoted, or after "=").
    assert main(["export", "--kiosk", str(kiosk.path), "--out=~/usb/kiosk-1.bundle"]) == 0
    assert (home / "usb" / "kiosk-1.bundle").is_file()
    assert main(["merge", str(bundle), "--into", "~/merged/2026/FAIR.db"]) == 0
    merged = home / "merged" / "2026" / "FAIR.db"
    assert merged.is_file() and (merged.parent / "metadata.json").is_file()
    conn = sqlite3.connect(merged)
    assert conn.execute("SELECT COUNT(*) FROM scans_readable").fetchone()[0] == 1
    fks = conn.execute("PRAGMA foreign_key_list(merge_conflicts)").fetchall()
    assert [(f[2], f[3], f[4]) for f in fks] == [("merged_bundles", "bundle_sha256",
                                                  "content_sha256")]
    conn.close()


def test_a_refused_merge_leaves_no_new_folders(tmp_path, capsys):
    junk = tmp_path / "junk.bundle"
    junk.write_bytes(b"not a database at all")
    assert main(["merge", str(junk), "--into", str(tmp_path / "new" / "dir" / "M.db")]) == 1
    assert not (tmp_path / "new").exists()


def test_export_refuses_a_file_where_the_folder_should_be(tmp_path, capsys):
    kiosk = make_kiosk(tmp_path, make_event(tmp_path))
    (tmp_path / "taken").write_text("x")
    assert main(["export", "--kiosk", str(kiosk.path), "--out", str(tmp_path / "taken") + "/"]) == 1
    assert "a file stands where a folder is needed" in capsys.readouterr().err


def test_a_database_without_the_zone_gets_it_when_opened(tmp_path):
    # As a kiosk.db whose zone was never set is: event.toml in meta, no offsets.
    kiosk = make_kiosk(tmp_path, make_event(tmp_path))
    conn = sqlite3.connect(kiosk.db_path)
    conn.execute("DELETE FROM utc_offsets")
    conn.commit()
    conn.close()
    with kiosk.open_store() as store:
        rows = list(store.conn.execute("SELECT minutes FROM utc_offsets"))
        assert rows == [(300,)]  # Asia/Karachi, UTC+5
