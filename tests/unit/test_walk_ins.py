"""Walk-in registration on the kiosk: a kiosk-issued number, stored with the roster, refused where
the event does not allow it or the person is registered already."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.organiser.kioskdir import init_kiosk
from kiosk.services.walk_in import WalkInRefused, WalkIns
from kiosk.storage.walk_ins import walk_ins
from tests.helpers.contacts import add_contacts
from tests.helpers.factories import DAYS, local, open_desk


@pytest.fixture
def parts(tmp_path, event, kiosk):
    add_contacts(event, tmp_path)
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[0], 11))
    yield desk, store
    store.close()


def test_a_walk_in_gets_a_kiosk_number_and_checks_in_by_it(parts, kiosk, event):
    desk, store = parts
    service = WalkIns("kiosk-1")
    first = service.register(store, desk, name="  Zara   Haider ", company="Lahore Looms",
                             phone="0333 5550001")
    second = service.register(store, desk, name="Omar Farooq", email="Omar@Example.com")
    assert (first.id, second.id) == ("WI-KIOSK-1-0001", "WI-KIOSK-1-0002")
    assert first.name == "Zara Haider" and first.category == "visitor"
    assert second.email == "omar@example.com"
    result = desk.check_in(first.id, method="walk_in")
    assert result.tone == "green" and result.attendee.name == "Zara Haider"
    assert [w["attendee_id"] for w in walk_ins(store.conn)] == [first.id, second.id]
    audit = store.conn.execute("SELECT action, subject FROM audit_log").fetchall()
    assert audit == [("walk_in", first.id), ("walk_in", second.id)]
    # The register is append-only, and survives a refresh of the organiser's roster.
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM walk_ins")
    store.close()
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    with kiosk.open_store() as again:
        assert again.find_attendee(first.id).name == "Zara Haider"


@pytest.mark.parametrize("form, reason", [
    ({"name": "Z"}, "name"),
    ({"name": "Zara Haider"}, "contact"),
    ({"name": "Zara Haider", "email": "zara@"}, "email"),
    ({"name": "Zara Haider", "phone": "12345"}, "phone"),
    ({"name": "Ayesha S", "email": "ayesha.s@example.pk"}, "registered"),
    ({"name": "Ayesha S", "phone": "+92 300 1234567"}, "registered"),
])
def test_bad_or_duplicate_walk_ins_are_refused(parts, form, reason):
    desk, store = parts
    with pytest.raises(WalkInRefused) as info:
        WalkIns("kiosk-1").register(store, desk, **form)
    assert info.value.reason == reason
    assert walk_ins(store.conn) == []


def test_only_where_the_event_allows_it(parts):
    desk, store = parts
    with pytest.raises(WalkInRefused, match="disabled"):
        WalkIns("kiosk-1", enabled=False).register(store, desk, name="Zara Haider",
                                                   phone="0333 5550001")
