"""kiosk.db: durable, append-only, loud when it cannot store; clear about missing or damaged files."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from kiosk.core.errors import KioskError, StorageError
from kiosk.core.outcomes import Outcome
from kiosk.organiser.badges import issue_tokens
from kiosk.storage.kiosk_store import KioskStore
from tests.helpers.oracles import REBUILD_DERIVED
from tests.helpers.factories import DAYS, local, open_desk

NOON = local(DAYS[0], 12)


def test_kiosk_db_is_wal_with_full_sync(desk):
    conn = desk.store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_scan_log_refuses_updates_and_deletes(desk):
    desk.check_in("V-001", at=NOON)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        desk.store.conn.execute("UPDATE scans SET outcome = 'accepted'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        desk.store.conn.execute("DELETE FROM scans")
    assert desk.store.scan_count() == 1


def test_full_disk_fails_loudly_and_reports_nothing_accepted(kiosk):
    desk, store = open_desk(kiosk)
    try:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        # The database may not grow: the same error path as a full disk (SQLITE_FULL).
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        accepted = 0
        with pytest.raises(StorageError, match="could not be saved"):
            for i in range(5000):
                result = desk.check_in("x" * 300 + str(i), at=NOON)
                accepted += 1
        count = store.scan_count()
        assert count == accepted  # every result returned is a stored row; the failed one is not
    finally:
        store.close()
    with KioskStore.open(kiosk.db_path) as reopened:
        assert reopened.scan_count() == count
        assert reopened.integrity() == "ok"


def test_read_only_database_refuses_to_check_in(kiosk):
    store = KioskStore.open(kiosk.db_path, readonly=True)
    from kiosk.organiser.kioskdir import build_desk

    desk = build_desk(kiosk, store)
    try:
        with pytest.raises(StorageError):
            desk.check_in("V-001", at=NOON)
    finally:
        store.close()
    with KioskStore.open(kiosk.db_path) as store:
        assert store.scan_count() == 0


def test_missing_kiosk_db_is_a_clear_error(tmp_path):
    with pytest.raises(KioskError, match="kiosk init"):
        KioskStore.open(tmp_path / "nowhere" / "kiosk.db")


def test_corrupt_kiosk_db_is_a_clear_error(tmp_path):
    path = tmp_path / "kiosk.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(KioskError, match="damaged or not a database"):
        KioskStore.open(path)


def test_newer_schema_is_refused(kiosk):
    with KioskStore.open(kiosk.db_path) as store:
        store.conn.execute("PRAGMA user_version = 999")
    with pytest.raises(KioskError, match="newer than this program"):
        KioskStore.open(kiosk.db_path)


def test_derived_tables_match_a_rebuild_from_the_log(desk, event):
    tokens = {a.id: t for a, t in issue_tokens(event)}
    t = NOON
    for step, (who, direction) in enumerate([
        ("V-001", "in"), ("V-002", "in"), ("V-001", "out"), ("V-001", "in"), ("E-001", "in"),
        ("V-002", "in"), ("V-003", "in"), ("nonsense", "in"), ("E-001", "out"),
    ]):
        desk.check_in(tokens.get(who, who), at=t + timedelta(minutes=5 * step), direction=direction)
    conn = desk.store.conn
    queries = ["SELECT * FROM daily_attendance ORDER BY 1, 2",
               "SELECT * FROM scan_counts ORDER BY 1, 2",
               "SELECT * FROM day_counts ORDER BY 1",
               "SELECT * FROM arrival_counts WHERE n > 0 ORDER BY 1, 2, 3"]
    live = [conn.execute(q).fetchall() for q in queries]
    conn.executescript("BEGIN;" + REBUILD_DERIVED + "COMMIT;")
    assert [conn.execute(q).fetchall() for q in queries] == live
    assert len(live[0]) == 3  # V-001, V-002, E-001 (V-003 was refused: wrong day)
    assert live[2] == [("2026-12-01", 3, 2)]  # three checked in, V-001 and V-002 inside


def test_every_scan_has_a_unique_uuid(desk):
    ids = {desk.check_in(code, at=NOON).scan_id for code in ["V-001", "V-001", "nope", ""]}
    assert len(ids) == 4
    assert all(len(i) == 36 for i in ids)


def test_provisioned_kiosk_has_roster_and_public_keys_but_no_private_key(kiosk, event):
    assert not list(kiosk.path.rglob("*.key"))
    with kiosk.open_store() as store:
        assert store.find_attendee("E-001").name_zh == "王伟"
        assert set(store.public_keys()) == set(event.public_keys())
        dump = "\n".join(store.conn.iterdump())
    private_pem = next((event.path / "keys").glob("*.key")).read_text()
    body = "".join(private_pem.splitlines()[1:-1])
    assert body not in dump and "PRIVATE KEY" not in dump


def test_reprovisioning_refreshes_roster_and_keeps_the_log(tmp_path, event, kiosk):
    desk, store = open_desk(kiosk)
    desk.check_in("V-001", at=NOON)
    store.close()
    from kiosk.organiser.kioskdir import init_kiosk
    from tests.helpers.factories import ROSTER, write_roster_csv
    from kiosk.organiser.roster_import import import_roster

    write_roster_csv(tmp_path / "more.csv", ROSTER + [("N-001", "New Person", "visitor", "", "", "", "", "")])
    with event.store() as estore:
        import_roster(tmp_path / "more.csv", estore, event.rules)
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore")
    with KioskStore.open(kiosk.db_path) as store:
        assert store.find_attendee("N-001") is not None
        assert store.scan_count() == 1
    with pytest.raises(KioskError, match="already kiosk"):
        init_kiosk(kiosk.path, event, kiosk_id="another", venue="lahore")


def test_result_outcome_matches_the_committed_row(desk):
    result = desk.check_in("V-001", at=NOON)
    row = desk.store.conn.execute("SELECT outcome FROM scans WHERE scan_id = ?",
                                  (result.scan_id,)).fetchone()
    assert row == (Outcome.ACCEPTED.value,)


def test_fast_presence_rebuild_equals_the_sql_and_the_triggers(desk, event):
    from kiosk.storage.presence import rebuild_presence
    from tests.helpers.oracles import REBUILD_PRESENCE

    tokens = {a.id: t for a, t in issue_tokens(event)}
    for step, (who, direction) in enumerate([("V-001", "in"), ("V-002", "in"), ("E-001", "in"),
                                             ("V-001", "out"), ("P-001", "in"), ("V-001", "in")]):
        desk.check_in(tokens[who], at=NOON + timedelta(minutes=17 * step), direction=direction)
    conn = desk.store.conn
    queries = ["SELECT * FROM day_counts ORDER BY 1",
               "SELECT * FROM arrival_counts WHERE n > 0 ORDER BY 1, 2, 3",
               "SELECT * FROM inside_counts WHERE n > 0 ORDER BY 1, 2"]
    by_triggers = [conn.execute(q).fetchall() for q in queries]
    conn.executescript("BEGIN;" + REBUILD_PRESENCE + "COMMIT;")
    by_sql = [conn.execute(q).fetchall() for q in queries]
    conn.execute("BEGIN")
    rebuild_presence(conn)
    conn.execute("COMMIT")
    by_python = [conn.execute(q).fetchall() for q in queries]
    assert by_triggers == by_sql == by_python
    assert by_python[0] == [("2026-12-01", 4, 4)]


def test_schema_check_names_what_kiosk_db_lacks(kiosk):
    """`kiosk doctor` reads the schema through sqlite-utils: a dropped trigger is named."""
    with kiosk.open_store() as store:
        assert store.schema_problems() == []
        store.conn.execute("DROP TRIGGER scans_append_only_delete")
        assert store.schema_problems() == ["trigger scans_append_only_delete"]
