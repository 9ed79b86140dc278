"""The hub's side of trust, on a real PostgreSQL server: only the event's kiosks may push once
the organiser has published them, and no kiosk lifts an organiser's block for the others."""

from __future__ import annotations

import json

import psycopg
import pytest

from kiosk.cli import main
from kiosk.storage.roster import revocation_key, set_revocation
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

pytestmark = pytest.mark.postgres


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hub(hub_url, capsys):
    assert cli(capsys, "hub", "init", hub_url)[0] == 0
    return hub_url


def checked_in(kiosk, *codes):
    desk, store = open_desk(kiosk)
    for i, code in enumerate(codes):
        desk.check_in(code, at=local(DAYS[0], 11, i))
    store.close()


def test_after_publish_the_hub_refuses_a_kiosk_the_event_does_not_know(hub, tmp_path, capsys):
    event = make_event(tmp_path)
    known = make_kiosk(tmp_path, event, name="kiosk-1")
    code, out, err = cli(capsys, "hub", "publish", hub, "--event", event.path, "--json")
    assert code == 0 and json.loads(out)["kiosks"] == 1, err
    checked_in(known, "V-001")
    assert cli(capsys, "push", "--kiosk", known.path, "--hub", hub)[0] == 0

    # A kiosk folder made from a copy of the event folder: the real event never heard of it.
    import shutil

    rogue_event = tmp_path / "copy"
    shutil.copytree(event.path, rogue_event / "event")
    from kiosk.organiser.eventdir import EventFolder

    rogue = make_kiosk(rogue_event, EventFolder.open(rogue_event / "event"), name="kiosk-ghost")
    checked_in(rogue, "V-002", "E-001")
    code, _, err = cli(capsys, "push", "--kiosk", rogue.path, "--hub", hub)
    assert code == 1 and "kiosk-ghost is not one of this event's kiosks" in err
    assert len(err.strip().splitlines()) == 1
    with psycopg.connect(hub) as conn:
        kiosks = {r[0] for r in conn.execute("SELECT DISTINCT kiosk_id FROM scans")}
    assert kiosks == {"kiosk-1"}


def test_a_kiosk_unblock_never_lifts_an_organiser_block_on_the_hub(hub, tmp_path, capsys):
    event = make_event(tmp_path)
    one = make_kiosk(tmp_path, event, name="kiosk-1")
    two = make_kiosk(tmp_path, event, name="kiosk-2")
    with event.store() as store:
        store.revoke(revocation_key("id", "V-001"), "id", reason="banned", label="V-001")
    code, _, err = cli(capsys, "hub", "publish", hub, "--event", event.path)
    assert code == 0, err
    # kiosk-1 lifts it locally, as an older program (or an edited kiosk.db) would, and pushes.
    with one.open_store() as store:
        set_revocation(store.conn, revocation_key("id", "V-001"), "id", reason="let in",
                       label="V-001", active=False, source="kiosk kiosk-1",
                       at="2099-01-01T00:00:00.000000Z")
    checked_in(one, "V-002")
    assert cli(capsys, "push", "--kiosk", one.path, "--hub", hub)[0] == 0
    with psycopg.connect(hub) as conn:
        active, source = conn.execute(
            "SELECT active, source FROM revocations WHERE key = 'id:V-001'").fetchone()
    assert (active, source) == (1, "organiser")
    # kiosk-2 pulls: still blocked there.
    checked_in(two, "E-001")
    assert cli(capsys, "push", "--kiosk", two.path, "--hub", hub)[0] == 0
    desk, store = open_desk(two)
    assert desk.check_in("V-001", at=local(DAYS[0], 12)).outcome.value == "revoked"
    store.close()
