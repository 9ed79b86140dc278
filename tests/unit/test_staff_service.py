"""The staff service without Qt: each staff action and its audit row are one transaction, the
attendee card reads a day at a time, and the health facts come from kiosk.db."""

from __future__ import annotations

import sqlite3
from datetime import timezone

import pytest

from kiosk.core.errors import KioskError
from kiosk.services.staff import StaffService
from kiosk.storage.db import Transaction
from kiosk.storage.staff_store import audit_entries
from tests.helpers.factories import DAYS, local, open_desk


def _scans(store) -> int:
    return store.conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0]


def _break_audit(store) -> None:
    """An audit log that refuses every new row, as a full or damaged table would."""
    store.conn.execute("CREATE TRIGGER audit_refuses BEFORE INSERT ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, 'the audit log is full'); END")


def test_manual_check_in_and_its_audit_commit_together(kiosk):
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[0], 11))
    staff = StaffService("kiosk-1")
    with store:
        result, standing = staff.check_in_by_hand(store, desk, "V-001", "Phone battery dead")
        assert result.outcome.value == "accepted" and standing.entries == 1
        assert _scans(store) == 1
        entry = audit_entries(store.conn, 1)[0]
        assert (entry["action"], entry["subject"]) == ("manual_checkin", "V-001")
        assert result.scan_id in entry["detail"]


def test_a_failed_audit_keeps_no_scan(kiosk):
    """Before, the scan was committed and then the audit failed: staff read "Not checked in"
    about a scan the kiosk had kept. Now both are undone."""
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[0], 11))
    staff = StaffService("kiosk-1")
    with store:
        _break_audit(store)
        with pytest.raises(Exception, match="audit log is full"):
            staff.check_in_by_hand(store, desk, "V-001", "Phone battery dead")
        assert _scans(store) == 0
        assert store.attendance(DAYS[0].isoformat(), "V-001") is None
        assert not store.conn.in_transaction
        # and the kiosk goes on checking people in
        assert desk.check_in("V-002").outcome.value == "accepted" and _scans(store) == 1


def test_a_failed_audit_keeps_no_block(kiosk):
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[0], 11))
    staff = StaffService("kiosk-1")
    with store:
        _break_audit(store)
        with pytest.raises(Exception, match="audit log is full"):
            staff.set_blocked(store, desk, "V-001", True, "Badge reported lost")
        assert staff.standing(store, desk, "V-001").blocks == []
        assert desk.check_in("V-001").outcome.value == "accepted"


def test_block_and_unblock_are_audited(kiosk):
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[0], 11))
    staff = StaffService("kiosk-1")
    with store:
        keys, standing = staff.set_blocked(store, desk, "V-001", True, "Badge reported lost")
        assert keys and standing.blocked
        assert desk.check_in("V-001").outcome.value == "revoked"
        keys, standing = staff.set_blocked(store, desk, "V-001", False, "Found it")
        assert not standing.blocked
        assert [e["action"] for e in audit_entries(store.conn, 2)] == ["unblock", "block"]


def test_unknown_attendee_is_a_sentence(kiosk):
    desk, store = open_desk(kiosk)
    with store:
        with pytest.raises(KioskError, match="no attendee"):
            StaffService("kiosk-1").open_card(store, desk, "NOBODY-1")


def test_the_card_lists_scans_of_earlier_days_a_day_at_a_time(kiosk):
    moments = [local(DAYS[0], 10), local(DAYS[1], 10, 30)]
    now = {"at": moments[0]}
    desk, store = open_desk(kiosk, clock=lambda: now["at"])
    staff = StaffService("kiosk-1")
    with store:
        desk.check_in("V-001")
        now["at"] = moments[1]
        desk.check_in("V-001")
        card = staff.open_card(store, desk, "V-001")
        # newest first, today's and then the first day's, though only today counts as entries
        assert [s["at_utc"] for s in card.standing.scans] == [
            m.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ") for m in moments[::-1]]
        assert card.standing.entries == 1
        # every read of the card goes through the (day, attendee) index
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT at_utc FROM scans WHERE day = ? AND attendee_id = ? "
            "ORDER BY at_utc DESC LIMIT 5", (DAYS[0].isoformat(), "V-001")).fetchall()
        assert any("scans_day_attendee" in row[-1] for row in plan), plan


def test_nested_transactions_roll_back_the_inner_part_only(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    conn.execute("CREATE TABLE t (x INTEGER)")
    with Transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError):
            with Transaction(conn):
                conn.execute("INSERT INTO t VALUES (2)")
                raise ValueError("inner")
        conn.execute("INSERT INTO t VALUES (3)")
    assert [r[0] for r in conn.execute("SELECT x FROM t ORDER BY x")] == [1, 3]
    with pytest.raises(ValueError):
        with Transaction(conn):
            conn.execute("INSERT INTO t VALUES (4)")
            with Transaction(conn):
                conn.execute("INSERT INTO t VALUES (5)")
            raise ValueError("outer")
    assert [r[0] for r in conn.execute("SELECT x FROM t ORDER BY x")] == [1, 3]


def test_health_facts(kiosk):
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[0], 11))

    class Usage:
        free = 12345

    with store:
        desk.check_in("V-001")
        facts = StaffService("kiosk-1", kiosk_dir=kiosk.path,
                             disk_usage=lambda _p: Usage).health(store, desk, hub_configured=True)
        assert facts.scans == 1 and facts.last_scan["outcome"] == "accepted"
        assert facts.unsynced == 1 and facts.free_bytes == 12345 and facts.db_bytes > 0
