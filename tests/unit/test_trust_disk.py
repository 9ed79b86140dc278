"""Nothing lost, and the right message: kiosk.db deleted, replaced or overwritten under a running
desk; a full disk and a read-only file system named as such (not "damaged")."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta

import pytest

from kiosk.commands.doctor import DISK_FAIL_BYTES, disk_check
from kiosk.core.errors import KioskError, StorageError
from kiosk.storage.kiosk_store import KioskStore
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

NOON = local(DAYS[0], 12)


@pytest.fixture
def two(tmp_path):
    event = make_event(tmp_path)
    return make_kiosk(tmp_path, event, name="kiosk-1"), make_kiosk(tmp_path, event, name="kiosk-2")


def deleted(kiosk, other):
    for suffix in ("", "-wal", "-shm"):
        path = kiosk.db_path.with_name("kiosk.db" + suffix)
        if path.exists():
            path.unlink()


def renamed_over(kiosk, other):
    shutil.copyfile(other.db_path, kiosk.path / "incoming.db")
    os.replace(kiosk.path / "incoming.db", kiosk.db_path)


def overwritten(kiosk, other):
    with open(other.db_path, "rb") as src, open(kiosk.db_path, "r+b") as dst:  # same inode
        dst.write(src.read())


def zeroed(kiosk, other):
    with open(kiosk.db_path, "r+b") as dst:
        dst.write(b"\0" * 4096)


@pytest.mark.parametrize("fault, words", [
    (deleted, "deleted"), (renamed_over, "replaced"), (overwritten, "overwritten"),
    (zeroed, "overwritten")])
def test_a_database_file_changed_under_the_desk_refuses_loudly(two, fault, words):
    kiosk, other = two
    desk, store = open_desk(kiosk)
    assert desk.check_in("V-001", at=NOON).outcome.value == "accepted"
    fault(kiosk, other)
    with pytest.raises(StorageError, match=words):
        desk.check_in("V-002", at=NOON + timedelta(seconds=5))
    with pytest.raises(StorageError):  # and every later scan too, never a green
        desk.check_in("E-001", at=NOON + timedelta(seconds=9))
    store.close()


def test_a_full_disk_is_called_full_not_damaged(two):
    kiosk, _ = two
    desk, store = open_desk(kiosk)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL
    with pytest.raises(StorageError) as caught:
        for i in range(2000):
            desk.check_in(f"NOBODY-{i:05d}" + "x" * 300, at=NOON + timedelta(seconds=i))
    message = str(caught.value)
    assert "the disk is full: free space on " in message and "damaged" not in message
    store.close()


def test_a_read_only_file_system_is_named(two):
    kiosk, _ = two
    desk, store = open_desk(kiosk)
    store.conn.execute("PRAGMA query_only = ON")  # every write refused as SQLITE_READONLY
    with pytest.raises(StorageError, match="read-only"):
        desk.check_in("V-001", at=NOON)
    store.close()


def test_opening_on_a_read_only_folder_is_named(two, tmp_path):
    from kiosk.storage.db import disk_problem
    import sqlite3

    # The words for an error SQLite gives when the medium is mounted read-only.
    exc = sqlite3.OperationalError("attempt to write a readonly database")
    assert "read-only" in disk_problem(exc, tmp_path / "kiosk.db")
    exc = sqlite3.OperationalError("database or disk is full")
    assert disk_problem(exc, tmp_path / "kiosk.db").startswith("the disk is full: free space on")


def test_doctor_fails_a_full_disk_and_says_how_many_scans_fit():
    full = disk_check(DISK_FAIL_BYTES - 1, 700.0, "/srv")
    assert full["status"] == "fail" and "/srv" in full["detail"] and "0.7 kB" in full["detail"]
    assert disk_check(10 << 30, 700.0, "/")["status"] == "ok"
    assert "estimated" in disk_check(2 << 30, None, "/")["detail"]


def test_doctor_measures_the_bytes_a_scan_takes(two):
    from kiosk.commands.doctor import scan_bytes

    kiosk, _ = two
    desk, store = open_desk(kiosk)
    for i in range(400):
        desk.check_in("V-001" if i % 2 else f"UNKNOWN-{i}", at=NOON + timedelta(minutes=i))
    size = scan_bytes(store.conn)
    store.close()
    assert size is not None and 100 < size < 4000


def test_a_store_of_another_kiosk_refuses_to_open(two):
    kiosk, other = two
    shutil.copyfile(other.db_path, kiosk.db_path)
    for suffix in ("-wal", "-shm"):
        kiosk.db_path.with_name("kiosk.db" + suffix).unlink(missing_ok=True)
    with pytest.raises(KioskError, match="kiosk-2"):
        open_desk(kiosk)
