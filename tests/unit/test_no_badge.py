""""No badge?": an exact e-mail or phone match and a second fact, rate-limited and audited."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.organiser.kioskdir import init_kiosk
from kiosk.services.no_badge import NoBadge, NoBadgeRefused
from kiosk.storage.contact_lookup import normal_phone
from tests.helpers.contacts import add_contacts
from tests.helpers.factories import DAYS, local


@pytest.fixture
def store(tmp_path, event, kiosk):
    add_contacts(event, tmp_path)
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    with kiosk.open_store() as store:
        yield store


@pytest.fixture
def clock():
    return {"now": local(DAYS[0], 11)}


@pytest.fixture
def service(clock):
    return NoBadge("kiosk-1", clock=lambda: clock["now"])


def audit(store):
    return [tuple(r) for r in store.conn.execute(
        "SELECT action, subject, detail FROM audit_log ORDER BY seq")]


@pytest.mark.parametrize("typed", ["ayesha.s@example.pk", "  AYESHA.S@EXAMPLE.PK ",
                                   "03001234567", "+92 300 1234567", "923001234567",
                                   "0300-123-4567"])
def test_an_exact_contact_then_the_name_checks_in(store, service, typed):
    pending = service.lookup(store, typed)
    assert (pending.attendee_id, pending.ask) == ("C-001", "name")
    assert service.confirm(store, pending, "AYE") == "C-001"  # never issued: the number
    assert [a for a, _, _ in audit(store)] == ["no_badge_lookup", "no_badge_confirmed"]


@pytest.mark.parametrize("typed, reason", [
    ("ayesha", "not_contact"),              # a name is not a contact: no search here
    ("ayesha.s@example", "not_contact"),
    ("12345", "not_contact"),
    ("ayesha@example.pk", "not_found"),      # nearly: exact only
    ("0300123456", "not_found"),
    ("shared@example.com", "not_found"),     # two registrations: never a list to pick from
])
def test_anything_but_one_exact_match_names_no_one(store, service, typed, reason):
    with pytest.raises(NoBadgeRefused) as info:
        service.lookup(store, typed)
    assert info.value.reason == reason
    assert "Ayesha" not in str(info.value) and "Bilal" not in str(info.value)
    assert audit(store) == [("no_badge_failed", "", reason)]


def test_a_wrong_second_fact_is_refused_and_counted(store, service):
    pending = service.lookup(store, "ayesha.s@example.pk")
    for answer in ("ays", "", "bil"):
        with pytest.raises(NoBadgeRefused, match="mismatch"):
            service.confirm(store, pending, answer)
    # Three wrong answers for one person: that registration goes to the help desk today.
    with pytest.raises(NoBadgeRefused, match="person_limited"):
        service.lookup(store, "ayesha.s@example.pk")


def test_a_name_without_latin_letters_confirms_with_the_phone(store, service):
    pending = service.lookup(store, "wang@example.cn")
    assert pending.ask == "phone"
    with pytest.raises(NoBadgeRefused, match="mismatch"):
        service.confirm(store, pending, "8001")
    assert service.confirm(store, service.lookup(store, "wang@example.cn"), "8000") == "C-004"


def test_five_failures_close_the_kiosk_for_ten_minutes(store, service, clock):
    for i in range(5):
        with pytest.raises(NoBadgeRefused):
            service.lookup(store, f"nobody{i}@example.com")
    with pytest.raises(NoBadgeRefused, match="limited"):
        service.lookup(store, "ayesha.s@example.pk")  # even the right one
    clock["now"] += timedelta(minutes=11)
    assert service.lookup(store, "ayesha.s@example.pk").attendee_id == "C-001"


def test_an_event_can_turn_it_off(store, clock):
    off = NoBadge("kiosk-1", enabled=False, clock=lambda: clock["now"])
    with pytest.raises(NoBadgeRefused, match="disabled"):
        off.lookup(store, "ayesha.s@example.pk")


def test_phone_numbers_compare_on_their_last_ten_digits():
    assert normal_phone("0300-1234567") == normal_phone("+92 (300) 123 4567") == "3001234567"
    assert normal_phone("300123456") is None and normal_phone("0300 12345x7") is None
