"""Who gets in: plain registration numbers, blocks of a badge, reissued badges, who lifts a
block, and two processes deciding on one kiosk.db at once. Real event and kiosk folders."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from kiosk.cli import main
from kiosk.core.errors import KioskError
from kiosk.core.outcomes import Outcome
from kiosk.core.tokens import canonical, parse_token, token_hash
from kiosk.organiser.badges import write_badges
from kiosk.organiser.kioskdir import KioskFolder, build_desk, init_kiosk
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.roster import revocation_key, set_revocation
from kiosk.storage.staff_store import set_blocked
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

NOON = local(DAYS[0], 12)


def badges_of(event, tmp_path, **kw) -> dict[str, str]:
    return {b.attendee.id: b.token for b in write_badges(event, tmp_path / "badges", **kw)}


def scan(desk, code, at=NOON, **kw):
    return desk.check_in(code, at=at, **kw)


# -- 1. plain registration numbers ------------------------------------------------------------
def test_plain_id_of_a_badged_attendee_is_refused_by_default(tmp_path):
    event = make_event(tmp_path)
    tokens = badges_of(event, tmp_path)
    desk, store = open_desk(make_kiosk(tmp_path, event))
    plain = scan(desk, "V-001")
    assert (plain.outcome, plain.reason) == (Outcome.INVALID, "badge_required")
    assert scan(desk, tokens["V-001"]).outcome is Outcome.ACCEPTED
    store.close()


def test_plain_id_of_an_attendee_never_badged_still_works(tmp_path):
    event = make_event(tmp_path)  # no badges issued: e.g. tickets from another system
    desk, store = open_desk(make_kiosk(tmp_path, event))
    assert scan(desk, "V-002").outcome is Outcome.ACCEPTED
    store.close()


@pytest.mark.parametrize("policy, badged, expected", [
    ("never", False, Outcome.INVALID), ("always", True, Outcome.ACCEPTED),
    ("unbadged", True, Outcome.INVALID), ("unbadged", False, Outcome.ACCEPTED)])
def test_plain_ids_policy_in_event_toml(tmp_path, policy, badged, expected):
    event = make_event(tmp_path, plain_ids=policy)
    if badged:
        badges_of(event, tmp_path)
    desk, store = open_desk(make_kiosk(tmp_path, event))
    assert scan(desk, "E-001").outcome is expected
    store.close()


def test_a_bad_plain_ids_policy_is_refused(tmp_path):
    with pytest.raises(KioskError, match="plain_ids"):
        make_event(tmp_path, plain_ids="sometimes")


# -- 2. a block on a badge blocks its holder ---------------------------------------------------
@pytest.mark.parametrize("where", ["event", "kiosk"])
def test_blocking_a_badge_blocks_its_holders_plain_id_too(tmp_path, capsys, where):
    event = make_event(tmp_path, plain_ids="always")
    tokens = badges_of(event, tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    target = ["--event", str(event.path)] if where == "event" else ["--kiosk", str(kiosk.path)]
    assert main(["revoke", tokens["V-001"], *target, "--reason", "stolen"]) == 0
    if where == "event":
        make_kiosk(tmp_path, event)  # provisioned again: the block reaches the kiosk
    desk, store = open_desk(kiosk)
    assert scan(desk, tokens["V-001"]).outcome is Outcome.REVOKED
    plain = scan(desk, "V-001", NOON + timedelta(minutes=1))
    assert plain.outcome is Outcome.REVOKED, "the holder's number must not get round the block"
    assert scan(desk, tokens["V-002"]).outcome is Outcome.ACCEPTED  # nobody else
    store.close()


# -- 3. reissue ----------------------------------------------------------------------------------
def test_reissued_badge_supersedes_the_old_one(tmp_path, capsys):
    event = make_event(tmp_path)
    old = badges_of(event, tmp_path)["V-001"]
    assert parse_token(old)[0].issue == 0
    assert main(["badges", "--event", str(event.path), "--out", str(tmp_path / "badges"),
                 "--reissue", "v-001", "--json"]) == 0
    new = badges_of_csv(tmp_path / "badges")["V-001"]
    assert new != old and parse_token(new)[0].issue == 1
    desk, store = open_desk(make_kiosk(tmp_path, event))
    refused = scan(desk, old)
    assert (refused.outcome, refused.reason) == (Outcome.REVOKED, "superseded")
    assert scan(desk, new, NOON + timedelta(minutes=1)).outcome is Outcome.ACCEPTED
    store.close()
    # A later full run of `kiosk badges` keeps the new issue number (the old badge stays dead).
    again = badges_of(event, tmp_path)
    assert parse_token(again["V-001"])[0].issue == 1 and parse_token(again["V-002"])[0].issue == 0


def badges_of_csv(folder) -> dict[str, str]:
    import csv

    with (folder / "badges.csv").open(encoding="utf-8") as fh:
        return {row["id"]: row["token"] for row in csv.DictReader(fh)}


def test_reissue_lifts_the_block_of_the_lost_badge_for_its_holder(tmp_path, capsys):
    event = make_event(tmp_path)
    old = badges_of(event, tmp_path)["V-001"]
    assert main(["revoke", old, "--event", str(event.path), "--reason", "lost"]) == 0
    assert main(["badges", "--event", str(event.path), "--out", str(tmp_path / "badges"),
                 "--reissue", "V-001"]) == 0
    new = badges_of_csv(tmp_path / "badges")["V-001"]
    desk, store = open_desk(make_kiosk(tmp_path, event))
    assert scan(desk, old).outcome is Outcome.REVOKED
    assert scan(desk, new, NOON + timedelta(minutes=1)).outcome is Outcome.ACCEPTED
    store.close()


def test_reissue_of_an_unknown_attendee_is_one_line(tmp_path, capsys):
    event = make_event(tmp_path)
    assert main(["badges", "--event", str(event.path), "--out", str(tmp_path / "b"),
                 "--reissue", "NOBODY"]) == 1
    assert "no attendee" in capsys.readouterr().err


# -- 4. organiser blocks outrank kiosk unblocks --------------------------------------------------
def test_a_kiosk_cannot_lift_an_organiser_block(tmp_path, capsys):
    event = make_event(tmp_path)
    assert main(["revoke", "V-001", "--event", str(event.path)]) == 0
    kiosk = make_kiosk(tmp_path, event)
    capsys.readouterr()
    assert main(["revoke", "V-001", "--kiosk", str(kiosk.path), "--undo"]) == 1
    assert "organiser" in capsys.readouterr().err
    with kiosk.open_store() as store:
        with pytest.raises(KioskError, match="organiser"):
            set_blocked(store.conn, "V-001", False, reason="let in", source="kiosk kiosk-1")
    desk, store = open_desk(kiosk)
    assert scan(desk, "V-001").outcome is Outcome.REVOKED
    store.close()


def test_a_kiosk_lifts_its_own_staff_block_only(tmp_path, capsys):
    event = make_event(tmp_path)
    one = make_kiosk(tmp_path, event, name="k1")
    assert main(["revoke", "V-002", "--kiosk", str(one.path)]) == 0
    with one.open_store() as store:
        set_blocked(store.conn, "V-003", True, reason="rude", source="kiosk k2")  # came via the hub
        with pytest.raises(KioskError, match="kiosk k2"):
            set_blocked(store.conn, "V-003", False, reason="sorry", source="kiosk k1")
    assert main(["revoke", "V-002", "--kiosk", str(one.path), "--undo"]) == 0
    desk, store = open_desk(one)
    assert scan(desk, "V-002").outcome is Outcome.ACCEPTED
    store.close()


def test_provisioning_again_reasserts_the_organisers_blocks(tmp_path):
    event = make_event(tmp_path)
    with event.store() as estore:
        estore.revoke(revocation_key("id", "V-001"), "id", reason="banned", label="V-001")
    kiosk = make_kiosk(tmp_path, event)
    with kiosk.open_store() as store:  # an older kiosk program lifted it, later than the block
        set_revocation(store.conn, revocation_key("id", "V-001"), "id", reason="",
                       label="V-001", active=False, source="kiosk kiosk-1",
                       at="2099-01-01T00:00:00.000000Z")
    make_kiosk(tmp_path, event)
    desk, store = open_desk(kiosk)
    assert scan(desk, "V-001").outcome is Outcome.REVOKED
    store.close()


def test_revoke_unknown_id_at_a_kiosk_is_refused(tmp_path, capsys):
    event = make_event(tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    assert main(["revoke", "NOBODY-9", "--kiosk", str(kiosk.path)]) == 1
    assert "no attendee" in capsys.readouterr().err


# -- 5. two processes on one kiosk.db ------------------------------------------------------------
class SlowLookups(KioskStore):
    """A real kiosk.db whose attendance look-up waits for the other desk to get as far (or for
    a second, if the other one cannot: it is waiting for the write lock)."""

    arrived: list[threading.Event]

    def attendance(self, day, attendee_id):
        result = super().attendance(day, attendee_id)
        me, other = self.arrived
        me.set()
        other.wait(1.0)
        return result


def test_two_desks_on_one_kiosk_db_admit_a_person_once(tmp_path):
    event = make_event(tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    flags = [threading.Event(), threading.Event()]
    stores, desks = [], []
    for i in range(2):
        store = SlowLookups.open(kiosk.db_path)
        store.arrived = [flags[i], flags[1 - i]]
        stores.append(store)
        desks.append(build_desk(kiosk, store))
    results = [None, None]

    def run(i):
        results[i] = desks[i].check_in("V-001", at=NOON + timedelta(seconds=i))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    outcomes = sorted(r.outcome.value for r in results)
    assert outcomes == ["accepted", "duplicate"], outcomes
    for store in stores:
        store.close()


# -- 12. roster refresh in short transactions ------------------------------------------------------
def test_a_refresh_in_batches_brings_the_kiosk_exactly_to_the_events_roster(tmp_path, monkeypatch):
    from kiosk.storage.roster import upsert_attendees

    event = make_event(tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    with event.store() as store:
        blank = {"company": "", "email": "", "phone": "", "name_ur": "", "name_zh": ""}
        upsert_attendees(store.conn, [{"id": f"B-{i:04d}", "name": f"Bulk {i}",
                                       "category": "visitor", **blank} for i in range(2500)])
        upsert_attendees(store.conn, [{"id": "V-001", "name": "Ahmed Khan Jr",
                                       "category": "visitor", **blank}])
        store.conn.execute("DELETE FROM attendees WHERE id = 'V-002'")
    monkeypatch.setattr(KioskStore, "COPY_FIRST_BATCH", 300)  # many transactions
    batches = []
    real = KioskStore._pause
    monkeypatch.setattr(KioskStore, "_pause",
                        lambda self, batch, seconds: batches.append(batch) or real(self, batch, 0))
    make_kiosk(tmp_path, event)
    assert len(batches) > 3
    with event.store() as estore, kiosk.open_store() as kstore:
        want = sorted((a.id, a.name) for a in estore.attendees())
        got = sorted((a.id, a.name) for a in roster_of(kstore))
    assert got == want and ("V-001", "Ahmed Khan Jr") in got and not any(i == "V-002" for i, _ in got)
    desk, store = open_desk(kiosk)
    assert scan(desk, "V-002").outcome is Outcome.UNKNOWN
    assert store.conn.execute("SELECT COUNT(*) FROM attendee_search WHERE attendee_search "
                              "MATCH 'Bulk 2499'").fetchone()[0] == 1  # the look-up index too
    store.close()


def roster_of(store):
    from kiosk.storage.roster import all_attendees

    return list(all_attendees(store.conn))
