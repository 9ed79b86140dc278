"""Kiosk-side staff data: an append-only audit log, badge tokens carried from `kiosk badges` to
the kiosk for reprints, and one attendee's standing (entries, blocks) with blocking by id."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.core.tokens import canonical, token_hash
from kiosk.organiser.badges import issue_tokens, write_badges
from kiosk.organiser.kioskdir import init_kiosk
from kiosk.storage.attendee_search import search_attendees
from kiosk.storage.roster import revocation_key, set_revocation
from kiosk.storage.staff_store import (audit_entries, issued_token, record_audit, set_blocked,
                                       standing)
from tests.helpers.factories import DAYS, local, open_desk

DAY = DAYS[0].isoformat()


def test_audit_log_keeps_every_action_and_refuses_changes(kiosk):
    with kiosk.open_store() as store:
        record_audit(store.conn, kiosk_id="kiosk-1", action="staff_unlock")
        record_audit(store.conn, kiosk_id="kiosk-1", action="block", subject="V-001",
                     detail="Badge reported lost")
        entries = audit_entries(store.conn)
        assert [(e["action"], e["subject"]) for e in entries] == [("block", "V-001"),
                                                                  ("staff_unlock", "")]
        assert entries[0]["kiosk_id"] == "kiosk-1" and entries[0]["at_utc"].endswith("Z")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.conn.execute("UPDATE audit_log SET action = 'nothing'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.conn.execute("DELETE FROM audit_log")


def test_issued_tokens_reach_the_kiosk_for_reprints(tmp_path, event, kiosk):
    with kiosk.open_store() as store:
        assert issued_token(store.conn, "V-001") is None  # no badges issued yet
    badges = write_badges(event, tmp_path / "badges")
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore")
    issued = {b.attendee.id: b.token for b in badges}
    with kiosk.open_store() as store:
        assert issued_token(store.conn, "V-001") == issued["V-001"]
        assert issued_token(store.conn, "v-001") == issued["V-001"]
        assert not list(kiosk.path.rglob("*.key"))


def test_standing_shows_entries_and_blocks(kiosk, event):
    desk, store = open_desk(kiosk)
    desk.check_in("V-001", at=local(DAYS[0], 10))
    desk.check_in("V-001", at=local(DAYS[0], 11), direction="out")
    desk.check_in("V-001", at=local(DAYS[0], 12))
    now = standing(store.conn, "V-001", DAY)
    assert now.entries == 2 and now.inside and not now.blocked
    assert [s["outcome"] for s in now.scans] == ["reentry", "exited", "accepted"]
    assert not standing(store.conn, "V-002", DAY).inside

    # Blocking by id refuses every badge of theirs at once; lifting it lets them in again.
    assert set_blocked(store.conn, "v-002", True, reason="Badge reported lost", source="staff") \
        == ["id:V-002"]
    blocked = standing(store.conn, "V-002", DAY)
    assert blocked.blocked and blocked.blocks[0]["reason"] == "Badge reported lost"
    assert desk.check_in("V-002", at=local(DAYS[0], 12, 5)).outcome.value == "revoked"
    # A badge token blocked by the organiser also counts as a block on its holder...
    token = dict((a.id, t) for a, t in issue_tokens(event))["V-002"]
    set_revocation(store.conn, revocation_key("token", token_hash(canonical(token))), "token",
                   reason="misused", label="V-002")
    assert len(standing(store.conn, "V-002", DAY).blocks) == 2
    # ...and unblocking lifts both.
    assert len(set_blocked(store.conn, "V-002", False, reason="found", source="staff")) == 2
    assert not standing(store.conn, "V-002", DAY).blocked
    assert desk.check_in(token, at=local(DAYS[0], 12, 10)).outcome.value == "accepted"
    store.close()


def test_reprovisioning_keeps_the_search_index_whole(tmp_path, event, kiosk):
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore")
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore")
    with kiosk.open_store() as store:
        assert [h.attendee.id for h in search_attendees(store.conn, "Wang")] == ["E-001"]
        rows = store.conn.execute("SELECT COUNT(*) FROM attendee_search").fetchone()[0]
        assert rows == store.conn.execute("SELECT COUNT(*) FROM attendees").fetchone()[0]
