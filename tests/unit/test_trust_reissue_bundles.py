"""Badges reissued at a kiosk travel in its signed bundle: `kiosk merge --event` checks each one
against the event's kiosk keys and roster, and carries the newest issue into the event, so the
next `kiosk init` takes it to every kiosk; a forged or altered reissue refuses the bundle."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kiosk.cli import main
from kiosk.core.outcomes import Outcome
from kiosk.core.tokens import BadgeClaims, key_id_for, parse_token, sign_token
from kiosk.organiser.badges import write_badges
from kiosk.organiser.kioskdir import init_kiosk
from kiosk.services.staff import StaffService
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fair(tmp_path):
    event = make_event(tmp_path)
    tokens = {b.attendee.id: b.token for b in write_badges(event, tmp_path / "badges")}
    one = make_kiosk(tmp_path, event, name="kiosk-1", gate="Gate 1")
    two = make_kiosk(tmp_path, event, name="kiosk-2", gate="Gate 5")
    return event, tokens, one, two


def reissue_at(kiosk, who: str) -> str:
    desk, store = open_desk(kiosk)
    try:
        return StaffService(kiosk.model.kiosk_id, kiosk_dir=kiosk.path,
                            kiosk_key=kiosk.signing_key).reissue(store, desk, who).token
    finally:
        store.close()


def export(kiosk, out, capsys):
    code, _, err = cli(capsys, "export", "--kiosk", kiosk.path, "--out", out)
    assert code == 0, err
    return out


def test_merge_carries_a_kiosk_reissue_to_the_event_and_the_other_kiosks(fair, tmp_path, capsys):
    event, tokens, one, two = fair
    new = reissue_at(one, "V-001")
    # Provisioning kiosk-1 again before the merge keeps its own newer badge.
    init_kiosk(one.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    desk, store = open_desk(one)
    assert desk.check_in(tokens["V-001"], at=local(DAYS[0], 11)).reason == "superseded"
    store.close()

    bundle = export(one, tmp_path / "k1.bundle", capsys)
    code, out, err = cli(capsys, "merge", bundle, "--into", tmp_path / "merged.db",
                         "--event", event.path, "--json")
    assert code == 0 and json.loads(out)["rejected"] == [], err
    with event.store() as estore:
        held = estore.conn.execute("SELECT token FROM issued_badges WHERE attendee_id = 'V-001'"
                                   ).fetchone()[0]
    assert held == new
    merged = sqlite3.connect(tmp_path / "merged.db")
    assert merged.execute("SELECT token FROM issued_badges WHERE attendee_id = 'V-001'"
                          ).fetchone()[0] == new
    merged.close()

    # No hub: kiosk-2 hears of it when provisioned again from the event.
    init_kiosk(two.path, event, kiosk_id="kiosk-2", venue="lahore", gate="Gate 5")
    desk, store = open_desk(two)
    refused = desk.check_in(tokens["V-001"], at=local(DAYS[0], 12))
    assert (refused.outcome, refused.reason) == (Outcome.REVOKED, "superseded")
    assert desk.check_in(new, at=local(DAYS[0], 12, 5)).outcome is Outcome.ACCEPTED
    store.close()

    # The organiser's next reissue goes on above the kiosk's.
    code, _, err = cli(capsys, "badges", "--event", event.path, "--out", tmp_path / "again",
                       "--reissue", "V-001")
    assert code == 0, err
    with event.store() as estore:
        token = estore.conn.execute("SELECT token FROM issued_badges WHERE attendee_id = 'V-001'"
                                    ).fetchone()[0]
    assert parse_token(token)[0].issue == 2


def test_a_bundle_with_a_reissue_that_claims_too_much_is_refused_whole(fair, tmp_path, capsys):
    event, tokens, one, _ = fair
    key = one.signing_key()
    vip = sign_token(BadgeClaims("V-002", "vip", issue=1, key_id=key_id_for(key.public_key())),
                     key, event.model.id)
    with one.open_store() as store:  # as a tampered kiosk program would write it
        store.conn.execute("INSERT INTO kiosk_reissues (attendee_id, issue, token, at_utc) "
                           "VALUES ('V-002', 1, ?, '2026-12-01T06:00:00.000000Z')", (vip,))
    bundle = export(one, tmp_path / "k1.bundle", capsys)
    merged = tmp_path / "merged.db"
    code, out, err = cli(capsys, "merge", bundle, "--into", merged, "--event", event.path, "--json")
    rejected = json.loads(out)["rejected"]
    assert [r["reason"] for r in rejected] == ["bad_reissue"], err
    assert not merged.exists()
    with event.store() as estore:
        assert parse_token(estore.conn.execute(
            "SELECT token FROM issued_badges WHERE attendee_id = 'V-002'").fetchone()[0])[0].issue == 0


def test_a_reissue_list_edited_after_export_breaks_the_bundle(fair, tmp_path, capsys):
    event, tokens, one, two = fair
    reissue_at(one, "V-001")
    bundle = export(one, tmp_path / "k1.bundle", capsys)
    conn = sqlite3.connect(bundle)
    text = conn.execute("SELECT reissues FROM bundle").fetchone()[0]
    conn.close()
    rows = json.loads(text)["rows"]
    assert rows[0][:2] == ["V-001", 1]
    other = reissue_at(two, "V-002")  # another kiosk's genuine reissue of someone else

    def edited(new_rows, name):
        import shutil

        copy = shutil.copy(bundle, tmp_path / name)
        conn = sqlite3.connect(copy)
        conn.execute("UPDATE bundle SET reissues = ?", (json.dumps({"rows": new_rows}),))
        conn.commit()
        conn.close()
        code, out, _ = cli(capsys, "merge", copy, "--into", tmp_path / f"{name}.db", "--event",
                           event.path, "--json")
        return [r["reason"] for r in json.loads(out)["rejected"]]

    pasted = rows + [["V-002", 1, other, "", "2026-12-01T07:00:00.000000Z"]]
    assert edited(pasted, "pasted.bundle") == ["bad_reissue"]  # not kiosk-1's key
    assert not (tmp_path / "pasted.bundle.db").exists()
    redated = [rows[0][:4] + ["2026-11-01T00:00:00.000000Z"]]
    assert edited(redated, "redated.bundle") == ["tampered"]  # the digest covers every field
