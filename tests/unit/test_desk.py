"""The check-in desk: every outcome, from real event and kiosk folders and a real kiosk.db."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.errors import KioskError
from kiosk.core.outcomes import Outcome
from kiosk.core.tokens import canonical, token_hash
from kiosk.organiser.badges import issue_tokens
from kiosk.storage.roster import revocation_key, set_revocation
from tests.helpers.factories import DAYS, local, make_kiosk, open_desk

DAY1, DAY2, DAY3 = DAYS
NOON = local(DAY1, 12)


@pytest.fixture
def tokens(event):
    return {a.id: t for a, t in issue_tokens(event)}


def scan(desk, code, at=NOON, **kw):
    return desk.check_in(code, at=at, **kw)


def rows(desk):
    return list(desk.store.scans())


def test_first_scan_is_accepted_with_name_and_stored(desk, tokens):
    result = scan(desk, tokens["V-001"])
    assert result.outcome is Outcome.ACCEPTED
    assert result.attendee.name == "Ahmed Khan"
    stored = rows(desk)
    assert [r["scan_id"] for r in stored] == [result.scan_id]
    assert stored[0]["outcome"] == "accepted" and stored[0]["attendee_id"] == "V-001"


def test_same_badge_within_window_is_duplicate_then_reentry_after(desk, tokens):
    assert scan(desk, tokens["V-001"]).outcome is Outcome.ACCEPTED
    assert scan(desk, tokens["V-001"], NOON + timedelta(seconds=119)).outcome is Outcome.DUPLICATE
    assert scan(desk, tokens["V-001"], NOON + timedelta(seconds=121)).outcome is Outcome.REENTRY


def test_exit_then_entry_within_window_is_a_reentry(desk, tokens):
    scan(desk, tokens["V-001"])
    out = scan(desk, tokens["V-001"], NOON + timedelta(seconds=30), direction="out")
    assert out.outcome is Outcome.EXITED and out.reason == "exit"
    back = scan(desk, tokens["V-001"], NOON + timedelta(seconds=60))
    assert back.outcome is Outcome.REENTRY


def test_category_without_reentry_gets_amber_not_green(desk, tokens):
    scan(desk, tokens["P-001"])  # vip: reentry = false in the test event
    scan(desk, tokens["P-001"], NOON + timedelta(minutes=5), direction="out")
    again = scan(desk, tokens["P-001"], NOON + timedelta(minutes=10))
    assert again.outcome is Outcome.DUPLICATE and again.reason == "reentry_not_allowed"
    assert again.tone == "amber"


def test_plain_registration_number_is_looked_up_in_the_roster(desk):
    result = scan(desk, "  v-002 ")
    assert result.outcome is Outcome.ACCEPTED and result.attendee.id == "V-002"


def test_unknown_registration_number(desk):
    result = scan(desk, "ITCN-99999")
    assert result.outcome is Outcome.UNKNOWN and result.attendee is None


@pytest.mark.parametrize("code,reason", [
    ("", "empty"),
    ("   \r\n", "empty"),
    ("x" * 10_000, "too_long"),
    (b"\xff\xfe\x00binary", "not_text"),
    ("abc\x00def", "not_text"),
    ("\udcff\udcfe", "not_text"),
])
def test_garbage_is_invalid_and_still_logged(desk, code, reason):
    result = scan(desk, code)
    assert (result.outcome, result.reason) == (Outcome.INVALID, reason)
    stored = rows(desk)
    assert len(stored) == 1 and stored[0]["outcome"] == "invalid"
    # A code that is not a known token is kept as a hash, never as 10 kB of text.
    assert len(stored[0]["code"]) <= 80


@pytest.mark.parametrize("code", ["'; DROP TABLE scans; --", "1 OR 1=1", "V-001' --"])
def test_sql_looking_codes_are_just_unknown(desk, code):
    assert scan(desk, code).outcome is Outcome.UNKNOWN
    assert scan(desk, "V-001").outcome is Outcome.ACCEPTED  # the tables are intact


def test_one_changed_character_is_invalid(desk, tokens):
    token = tokens["V-001"]
    i = len(token) - 20
    bad = token[:i] + ("Q" if token[i] != "Q" else "R") + token[i + 1:]
    result = scan(desk, bad)
    assert result.outcome is Outcome.INVALID and result.attendee is None


def test_revoked_by_id_and_by_token(desk, tokens):
    set_revocation(desk.store.conn, revocation_key("id", "v-001"), "id", reason="lost")
    result = scan(desk, tokens["V-001"])
    assert result.outcome is Outcome.REVOKED and result.detail == "lost"
    assert scan(desk, "V-001").outcome is Outcome.REVOKED  # the plain number too
    fingerprint = token_hash(canonical(tokens["V-002"]))
    set_revocation(desk.store.conn, revocation_key("token", fingerprint), "token")
    assert scan(desk, tokens["V-002"]).outcome is Outcome.REVOKED
    assert scan(desk, "V-002").outcome is Outcome.ACCEPTED  # only that badge was blocked


def test_unblocking_lets_the_badge_in_again(desk, tokens):
    key = revocation_key("id", "V-001")
    set_revocation(desk.store.conn, key, "id", reason="lost")
    assert scan(desk, tokens["V-001"]).outcome is Outcome.REVOKED
    set_revocation(desk.store.conn, key, "id", active=False)
    assert scan(desk, tokens["V-001"]).outcome is Outcome.ACCEPTED


def test_days_from_event_and_badge(desk, tokens):
    assert scan(desk, tokens["V-001"], local(DAY3 + timedelta(days=1), 12)).outcome is Outcome.WRONG_DAY
    result = scan(desk, tokens["V-003"], local(DAY1, 12))  # a day-two pass
    assert (result.outcome, result.reason) == (Outcome.WRONG_DAY, "not_valid_today")
    assert scan(desk, tokens["V-003"], local(DAY2, 12)).outcome is Outcome.ACCEPTED


def test_wrong_venue(desk, tokens):
    assert scan(desk, tokens["V-004"]).outcome is Outcome.WRONG_VENUE  # karachi-only at lahore


def test_opening_hours_in_karachi_time_and_early_entry_for_exhibitors(desk, tokens):
    early = local(DAY1, 8, 30)
    assert scan(desk, tokens["V-001"], early).reason == "before_opening"
    assert scan(desk, tokens["E-001"], early).outcome is Outcome.ACCEPTED  # 120 min early entry
    late = local(DAY1, 18, 0)
    assert scan(desk, tokens["V-002"], late).reason == "after_closing"
    assert scan(desk, tokens["V-002"], local(DAY1, 17, 59)).outcome is Outcome.ACCEPTED


def test_midnight_belongs_to_the_local_day(desk, tokens):
    # 00:30 in Karachi is 19:30 UTC of the previous day: the scan belongs to the local day.
    after_midnight = local(DAY2, 0, 30)
    result = scan(desk, tokens["V-001"], after_midnight)
    assert result.reason == "before_opening"  # day two, before opening; not "not today"
    assert rows(desk)[-1]["day"] == DAY2.isoformat()
    assert rows(desk)[-1]["at_utc"].startswith(DAY1.isoformat() + "T19:30")
    past_the_end = scan(desk, tokens["V-001"], local(DAY3 + timedelta(days=1), 0, 30))
    assert past_the_end.reason == "event_not_today"


def test_late_registration_is_accepted_on_its_signature_without_a_name(desk, event):
    from kiosk.core.event import Attendee

    late = Attendee("LATE-001", "Late Person", "visitor")
    (_, token), = issue_tokens(event, [late])
    result = scan(desk, token)
    assert result.outcome is Outcome.ACCEPTED and result.reason == "late_registration"
    assert result.attendee is None
    assert result.to_json()["attendee"] == {"id": "LATE-001", "name": None, "category": "visitor"}


def test_exit_kiosk_records_exits(tmp_path, event, tokens):
    entry = make_kiosk(tmp_path, event, name="gate-in")
    exit_ = make_kiosk(tmp_path, event, name="gate-out", role="exit")
    desk_in, s1 = open_desk(entry)
    desk_out, s2 = open_desk(exit_)
    try:
        assert desk_in.check_in(tokens["V-001"], at=NOON).outcome is Outcome.ACCEPTED
        result = desk_out.check_in(tokens["V-001"], at=NOON + timedelta(hours=1))
        assert result.outcome is Outcome.EXITED and result.direction == "out"
    finally:
        s1.close()
        s2.close()


def test_manual_check_in_needs_a_reason_and_is_marked(desk):
    with pytest.raises(KioskError):
        desk.manual_check_in("V-001", note="  ")
    result = desk.manual_check_in("V-001", note="phone battery dead", staff="gate lead", at=NOON)
    assert result.outcome is Outcome.ACCEPTED and result.reason == "staff_override"
    stored = rows(desk)[-1]
    assert stored["method"] == "manual" and "phone battery dead" in stored["note"]


def test_cross_kiosk_attendance_hook_makes_a_duplicate(kiosk, tokens):
    from kiosk.core.rules import Attendance

    remote = {("2026-12-01", "V-001"): Attendance(first_in_at=NOON, last_in_at=NOON, entries=1)}
    desk, store = open_desk(kiosk, remote_attendance=lambda day, who: remote.get((day, who)))
    try:
        assert desk.check_in(tokens["V-001"], at=NOON + timedelta(seconds=5)).outcome is Outcome.DUPLICATE
    finally:
        store.close()


def test_a_failing_hub_never_blocks_the_gate(kiosk, tokens):
    def broken(day, who):
        raise ConnectionError("hub down")

    desk, store = open_desk(kiosk, remote_attendance=broken)
    try:
        assert desk.check_in(tokens["V-001"], at=NOON).outcome is Outcome.ACCEPTED
    finally:
        store.close()


codes = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=200),
    st.sampled_from(["V-001", "v-002", "E-001", "ITC1:", "ITC1:AAAA", "ITC1:" + "A" * 150]),
)


@given(code=codes, minutes=st.integers(-3 * 24 * 60, 6 * 24 * 60), direction=st.sampled_from(["in", "out"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_input_gets_one_defined_outcome_and_one_row(desk, code, minutes, direction):
    before = desk.store.scan_count()
    result = desk.check_in(code, at=NOON + timedelta(minutes=minutes), direction=direction)
    assert isinstance(result.outcome, Outcome)
    assert desk.store.scan_count() == before + 1
    stored = list(desk.store.scans(after_seq=before))
    assert stored[0]["scan_id"] == result.scan_id and stored[0]["outcome"] == result.outcome.value
