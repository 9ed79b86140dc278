"""The clock: doctor's warnings, anti-passback over midnight, exits of blocked attendees."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.commands.doctor import clock_check, hub_offset
from kiosk.core.outcomes import Outcome
from kiosk.organiser.kioskdir import load_rules
from kiosk.storage.roster import revocation_key, set_revocation
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk


@pytest.fixture
def late_desk(tmp_path):
    event = make_event(tmp_path, hours="00:00-24:00")
    desk, store = open_desk(make_kiosk(tmp_path, event))
    yield desk
    store.close()


def test_a_badge_scanned_twice_across_midnight_is_a_duplicate(late_desk):
    before = local(DAYS[0], 23, 59, 50)
    assert late_desk.check_in("V-001", at=before).outcome is Outcome.ACCEPTED
    again = late_desk.check_in("V-001", at=before + timedelta(seconds=20))
    assert (again.outcome, again.reason) == (Outcome.DUPLICATE, "within_window")
    # Outside the window it is the new day's first entry, as before.
    later = late_desk.check_in("V-002", at=before)
    assert later.outcome is Outcome.ACCEPTED
    assert late_desk.check_in("V-002", at=before + timedelta(minutes=5)).outcome is \
        Outcome.ACCEPTED


def test_a_blocked_attendee_leaving_is_recorded_as_an_exit(late_desk):
    desk = late_desk
    noon = local(DAYS[0], 12)
    assert desk.check_in("V-001", at=noon).outcome is Outcome.ACCEPTED
    set_revocation(desk.store.conn, revocation_key("id", "V-001"), "id", reason="asked to leave",
                   source="kiosk kiosk-1")
    out = desk.check_in("V-001", at=noon + timedelta(minutes=5), direction="out")
    assert (out.outcome, out.reason) == (Outcome.EXITED, "exit")
    assert desk.store.headcount(noon + timedelta(minutes=6), "Asia/Karachi").inside_now == 0
    assert desk.check_in("V-001", at=noon + timedelta(minutes=9)).outcome is Outcome.REVOKED


def test_doctor_warns_about_a_clock_outside_the_event_or_off_the_hub(kiosk):
    with kiosk.open_store(readonly=True) as store:
        rules = load_rules(store)
    fine = clock_check(rules, 2.0, now=local(DAYS[1], 12))
    assert fine["status"] == "ok" and "2.0 s" in fine["detail"]
    outside = clock_check(rules, None, now=local(DAYS[-1], 12) + timedelta(days=30))
    assert outside["status"] == "warn" and "not a day of the event" in outside["detail"]
    off = clock_check(rules, -75.0, now=local(DAYS[0], 12))
    assert off["status"] == "warn" and "75 s off the hub" in off["detail"]


@pytest.mark.postgres
def test_the_hubs_clock_is_read_for_the_comparison(hub_url):
    offset = hub_offset(hub_url)
    assert isinstance(offset, float) and abs(offset) < 5  # the same machine
    assert isinstance(hub_offset("postgresql://nobody@127.0.0.1:1/none"), str)
