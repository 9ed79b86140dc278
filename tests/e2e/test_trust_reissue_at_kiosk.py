"""A lost badge reissued by staff at a kiosk: signed with the kiosk's own key (only the organiser
holds the event's), accepted by every kiosk that knows that kiosk's key, and the old badge
refused as superseded here at once and at the other kiosks after the hub has carried it."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.cli import main
from kiosk.core.errors import KioskError
from kiosk.core.outcomes import Outcome
from kiosk.core.tokens import BadgeClaims, key_id_for, parse_token, sign_token
from kiosk.organiser.badges import write_badges
from kiosk.services.staff import StaffService
from kiosk.storage.roster import kiosk_keys
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

pytestmark = pytest.mark.postgres


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fair(tmp_path, hub_url, capsys):
    event = make_event(tmp_path)
    tokens = {b.attendee.id: b.token for b in write_badges(event, tmp_path / "badges")}
    one = make_kiosk(tmp_path, event, name="kiosk-1", gate="Gate 1")
    two = make_kiosk(tmp_path, event, name="kiosk-2", gate="Gate 5")
    assert cli(capsys, "hub", "init", hub_url)[0] == 0
    code, _, err = cli(capsys, "hub", "publish", hub_url, "--event", event.path)
    assert code == 0, err
    return event, tokens, one, two


def reissue_at(kiosk, who: str) -> str:
    desk, store = open_desk(kiosk)
    try:
        staff = StaffService(kiosk.model.kiosk_id, kiosk_dir=kiosk.path,
                             kiosk_key=kiosk.signing_key)
        return staff.reissue(store, desk, who).token
    finally:
        store.close()


def test_the_old_badge_is_refused_at_the_other_kiosk_after_push_and_pull(fair, hub_url, capsys):
    event, tokens, one, two = fair
    old = tokens["V-001"]
    with one.open_store(readonly=True) as store:
        assert {k for k, _ in kiosk_keys(store.conn)} == {"kiosk-1"}  # provisioned first
    new = reissue_at(one, "V-001")
    claims = parse_token(new)[0]
    assert (claims.attendee_id, claims.issue, claims.category) == ("V-001", 1, "visitor")

    # At the kiosk that reissued it, at once.
    desk, store = open_desk(one)
    refused = desk.check_in(old, at=local(DAYS[0], 11))
    assert (refused.outcome, refused.reason) == (Outcome.REVOKED, "superseded")
    assert desk.check_in(new, at=local(DAYS[0], 11, 1)).outcome is Outcome.ACCEPTED
    # The holder is not "blocked" on the staff card, and an unblock leaves the old badge dead.
    staff = StaffService("kiosk-1")
    assert not staff.standing(store, desk, "V-001").blocked
    staff.set_blocked(store, desk, "V-001", True, "asked to leave")
    staff.set_blocked(store, desk, "V-001", False, "sorted out")
    assert desk.check_in(old, at=local(DAYS[0], 11, 10)).reason == "superseded"
    audit = store.conn.execute("SELECT action, subject, detail FROM audit_log").fetchall()
    assert ("badge_reissue", "V-001", "issue 1; lost") in audit
    assert store.conn.execute("SELECT attendee_id, issue FROM kiosk_reissues").fetchall() == \
        [("V-001", 1)]
    store.close()

    # Before the hub carries it, the other kiosk still takes the old badge: it cannot know.
    desk2, store2 = open_desk(two)
    assert desk2.check_in(old, at=local(DAYS[0], 10)).outcome is Outcome.ACCEPTED
    store2.close()

    assert cli(capsys, "push", "--kiosk", one.path, "--hub", hub_url)[0] == 0
    assert cli(capsys, "push", "--kiosk", two.path, "--hub", hub_url)[0] == 0  # pushes and pulls
    desk2, store2 = open_desk(two)
    refused = desk2.check_in(old, at=local(DAYS[1], 11))
    assert (refused.outcome, refused.reason) == (Outcome.REVOKED, "superseded")
    later = desk2.check_in(new, at=local(DAYS[1], 11, 5))
    assert later.outcome is Outcome.ACCEPTED and later.attendee.id == "V-001"
    # The holder is not blocked: their registration number is refused only as it was before
    # (a badged attendee's plain number), not as revoked.
    assert desk2.check_in("V-001", at=local(DAYS[1], 11, 30)).reason == "badge_required"
    store2.close()

    # Publishing the organiser's list again keeps the kiosk's supersession.
    assert cli(capsys, "hub", "publish", hub_url, "--event", event.path)[0] == 0
    assert cli(capsys, "push", "--kiosk", two.path, "--hub", hub_url)[0] == 0
    desk2, store2 = open_desk(two)
    assert desk2.check_in(old, at=local(DAYS[1], 15)).reason == "superseded"
    store2.close()
    with psycopg.connect(hub_url) as conn:
        reason, source = conn.execute(
            "SELECT reason, source FROM revocations WHERE label = 'V-001' AND kind = 'token'").fetchone()
    assert reason.startswith("superseded by issue 1") and source == "kiosk kiosk-1"

    # A second loss, now at the other kiosk: the next issue number, and issue 1 dies too.
    newer = reissue_at(two, "V-001")
    assert parse_token(newer)[0].issue == 2
    assert cli(capsys, "push", "--kiosk", two.path, "--hub", hub_url)[0] == 0
    assert cli(capsys, "push", "--kiosk", one.path, "--hub", hub_url)[0] == 0
    desk, store = open_desk(one)
    assert desk.check_in(new, at=local(DAYS[2], 11)).reason == "superseded"
    # kiosk-1 was provisioned before kiosk-2 existed: it knows kiosk-2's key from the hub.
    assert desk.check_in(newer, at=local(DAYS[2], 11, 5)).outcome is Outcome.ACCEPTED
    store.close()


def test_a_kiosk_key_signs_nothing_but_a_fair_reissue(fair, tmp_path):
    event, tokens, one, two = fair
    key = one.signing_key()
    desk, store = open_desk(two)

    def signed(**claims) -> str:
        base = dict(attendee_id="V-001", category="visitor", issue=1, key_id=key_id_for(key.public_key()))
        return sign_token(BadgeClaims(**{**base, **claims}), key, event.model.id)

    at = local(DAYS[0], 12)
    for forged in (signed(category="vip"),                  # more than the roster gives
                   signed(attendee_id="NOBODY-9"),            # someone not on the roster
                   signed(issue=0),                           # not a reissue
                   signed(attendee_id="V-003", day_mask=0)):  # a one-day visitor on every day
        result = desk.check_in(forged, at=at)
        assert (result.outcome, result.reason) == (Outcome.INVALID, "kiosk_signature_not_reissue")
    # A key the event never knew (a kiosk folder copied elsewhere, a forger's own).
    stranger = Ed25519PrivateKey.generate()
    rogue = sign_token(BadgeClaims("V-001", "visitor", issue=1,
                                   key_id=key_id_for(stranger.public_key())), stranger,
                       event.model.id)
    assert desk.check_in(rogue, at=at).outcome is Outcome.INVALID
    assert desk.check_in(signed(), at=at + timedelta(minutes=1)).outcome is Outcome.ACCEPTED
    store.close()


def test_reissue_needs_the_kiosks_key_and_a_badge_to_replace(fair, tmp_path):
    event, tokens, one, _ = fair
    desk, store = open_desk(one)
    try:
        with pytest.raises(KioskError, match="no key of its own"):
            StaffService("kiosk-1", kiosk_key=lambda: None).reissue(store, desk, "V-001")
        store.conn.execute("DELETE FROM issued_badges WHERE attendee_id = 'V-002'")
        with pytest.raises(KioskError, match="never issued a signed badge"):
            StaffService("kiosk-1", kiosk_key=one.signing_key).reissue(store, desk, "V-002")
        assert store.conn.execute("SELECT COUNT(*) FROM kiosk_reissues").fetchone()[0] == 0
    finally:
        store.close()
