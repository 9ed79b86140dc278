"""Double use: two kiosks without a hub (each offline to the other) admit the same badges; the
check finds exactly the admissions the event's rules would have refused had both known."""

from __future__ import annotations

from kiosk.core.double_use import find_double_uses
from tests.helpers.factories import DAYS, local, make_kiosk, open_desk

D1 = DAYS[0]


def two_kiosks(tmp_path, event):
    a, store_a = open_desk(make_kiosk(tmp_path, event, name="kiosk-a", gate="Gate 1"))
    b, store_b = open_desk(make_kiosk(tmp_path, event, name="kiosk-b", gate="Gate 2"))
    return a, b, (store_a, store_b)


def scans(stores):
    rows = []
    for store in stores:
        rows += list(store.scans())
        store.close()
    return rows


def test_only_admissions_that_knowing_would_have_refused_are_found(tmp_path, event):
    a, b, stores = two_kiosks(tmp_path, event)
    # V-001 at Gate 1, then Gate 2 a minute later: inside, within the 120 s window.
    assert a.check_in("V-001", at=local(D1, 10, 0)).outcome.value == "accepted"
    assert b.check_in("V-001", at=local(D1, 10, 1)).outcome.value == "accepted"
    # V-002: Gate 2 half an hour later; the window had passed, so a re-entry was due anyway.
    a.check_in("V-002", at=local(D1, 10, 0))
    b.check_in("V-002", at=local(D1, 10, 30))
    # A VIP may not re-enter at all (the test event says so): Gate 2 hours later is double use.
    a.check_in("P-001", at=local(D1, 10, 0))
    b.check_in("P-001", at=local(D1, 14, 0))
    # E-001 left through kiosk A before coming in at Gate 2: not inside, so no double use.
    a.check_in("E-001", at=local(D1, 10, 0))
    a.check_in("E-001", at=local(D1, 10, 0, 30), direction="out")
    b.check_in("E-001", at=local(D1, 10, 1))
    # A staff override is deliberate.
    a.check_in("M-001", at=local(D1, 10, 0))
    b.manual_check_in("M-001", note="lost wristband", at=local(D1, 10, 1))
    # The same badge twice at one kiosk is refused there and never reaches the list.
    assert a.check_in("S-001", at=local(D1, 10, 0)).outcome.value == "accepted"
    assert a.check_in("S-001", at=local(D1, 10, 0, 20)).outcome.value == "duplicate"

    found = find_double_uses(scans(stores), event.rules)
    assert [(d.attendee_id, d.reason, d.first["kiosk_id"], d.second["kiosk_id"]) for d in found] == [
        ("V-001", "within_window", "kiosk-a", "kiosk-b"),
        ("P-001", "reentry_not_allowed", "kiosk-a", "kiosk-b"),
    ]
    assert found[0].seconds_apart == 60
    assert found[0].first["gate"] == "Gate 1" and found[0].second["gate"] == "Gate 2"


def test_a_badge_bouncing_between_kiosks_is_found_each_time(tmp_path, event):
    a, b, stores = two_kiosks(tmp_path, event)
    a.check_in("V-001", at=local(D1, 11, 0))
    b.check_in("V-001", at=local(D1, 11, 0, 40))
    # 130 s after its own entry kiosk A lets V-001 in again; B's entry 90 s before it knew not.
    assert a.check_in("V-001", at=local(D1, 11, 2, 10)).outcome.value == "reentry"
    found = find_double_uses(scans(stores), event.rules)
    assert [(d.first["kiosk_id"], d.second["kiosk_id"], d.seconds_apart) for d in found] == [
        ("kiosk-a", "kiosk-b", 40), ("kiosk-b", "kiosk-a", 90)]


def test_other_days_and_refusals_do_not_count(tmp_path, event):
    a, b, stores = two_kiosks(tmp_path, event)
    a.check_in("V-001", at=local(D1, 17, 59))
    b.check_in("V-001", at=local(DAYS[1], 10, 0))  # the next day: a new day's first entry
    b.check_in("V-003", at=local(D1, 10, 0))  # day two only: refused, never admitted
    a.check_in("V-003", at=local(D1, 10, 1))
    assert find_double_uses(scans(stores), event.rules) == []
