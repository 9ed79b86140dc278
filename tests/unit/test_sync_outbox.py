"""The kiosk's outbox: what waits to be pushed, and what comes back from the hub."""

from __future__ import annotations

from kiosk.storage.outbox import Outbox, PulledChanges
from kiosk.storage.roster import revocation_key, set_revocation
from tests.helpers.factories import DAYS, local, open_desk

HUB = "hub-1"


def test_scans_wait_until_marked_pushed_and_only_newer_ones_follow(kiosk):
    desk, store = open_desk(kiosk)
    outbox = Outbox(store)
    for minute in range(5):
        desk.check_in("V-001" if minute % 2 else "V-002", at=local(DAYS[0], 11, minute))
    assert outbox.pending_count(HUB) == 5

    batch = outbox.pending(HUB, limit=3)
    assert [row[0] for row in batch.scans] == [1, 2, 3] and batch.last_seq == 3
    assert outbox.pending_count(HUB) == 5  # reading is not sending
    outbox.mark_pushed(HUB, batch)
    assert outbox.pending_count(HUB) == 2
    assert [row[0] for row in outbox.pending(HUB, limit=10).scans] == [4, 5]
    # Another hub (say, rebuilt at the same address) has seen nothing yet.
    assert outbox.pending_count("hub-2") == 5
    store.close()


def test_a_mark_never_moves_back(kiosk):
    desk, store = open_desk(kiosk)
    outbox = Outbox(store)
    desk.check_in("V-001", at=local(DAYS[0], 11))
    desk.check_in("V-002", at=local(DAYS[0], 11, 1))
    late = outbox.pending(HUB, limit=1)
    outbox.mark_pushed(HUB, outbox.pending(HUB, limit=10))
    outbox.mark_pushed(HUB, late)  # a slow, older batch confirmed last
    assert outbox.state(HUB).pushed_seq == 2
    store.close()


def test_revocations_go_out_once_after_each_change(kiosk):
    _, store = open_desk(kiosk)
    outbox = Outbox(store)
    set_revocation(store.conn, revocation_key("id", "V-002"), "id", reason="lost badge")
    batch = outbox.pending(HUB, limit=10)
    assert [r["key"] for r in batch.revocations] == ["id:V-002"]
    outbox.mark_pushed(HUB, batch)
    assert outbox.pending(HUB, limit=10).revocations == []
    set_revocation(store.conn, revocation_key("id", "V-002"), "id", reason="found", active=False)
    assert [r["active"] for r in outbox.pending(HUB, limit=10).revocations] == [0]
    store.close()


def test_pulled_roster_rows_and_revocations_reach_the_desk(kiosk):
    desk, store = open_desk(kiosk)
    outbox = Outbox(store)
    assert desk.check_in("LATE-01", at=local(DAYS[0], 11)).outcome.value == "unknown"
    changes = PulledChanges(
        attendees=[{"id": "LATE-01", "name": "Late Comer", "category": "visitor",
                    "company": "", "email": "", "phone": "", "days": None, "venues": None,
                    "name_ur": "", "name_zh": "", "updated_at": "2026-12-01T05:00:00.000000Z"}],
        revocations=[{"key": "id:V-001", "kind": "id", "label": "V-001", "reason": "stolen",
                      "active": 1, "updated_at": "2026-12-01T05:00:00.000000Z",
                      "source": "organiser"}],
        xmin="1234")
    assert outbox.apply(HUB, changes) == 2
    assert outbox.state(HUB).pull_xmin == "1234"
    assert desk.check_in("LATE-01", at=local(DAYS[0], 11, 1)).outcome.value == "accepted"
    assert desk.check_in("V-001", at=local(DAYS[0], 11, 2)).outcome.value == "revoked"
    # The same changes again change nothing; an older revocation does not undo a newer one.
    assert outbox.apply(HUB, changes) == 0
    older = PulledChanges(revocations=[{**changes.revocations[0], "active": 0,
                                        "updated_at": "2026-11-30T00:00:00.000000Z"}], xmin="1300")
    assert outbox.apply(HUB, older) == 0
    assert desk.check_in("V-001", at=local(DAYS[0], 11, 3)).outcome.value == "revoked"
    store.close()


def test_the_roster_mark_is_the_newest_row_from_provisioning(kiosk):
    _, store = open_desk(kiosk)
    mark = Outbox(store).roster_mark()
    newest = store.conn.execute("SELECT MAX(updated_at) FROM attendees").fetchone()[0]
    assert mark == newest and mark.startswith("20")
    store.close()
