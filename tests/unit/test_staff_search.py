"""Staff look-up over a real kiosk.db: partial names, companies, phone numbers however typed,
e-mail, registration numbers, near misses, short Chinese names, and an index that follows the
roster as it changes (re-provisioning, hub pulls). Parts of e-mails and phone numbers are found
on a kiosk provisioned with --full-roster; one that keeps only their hashes finds them typed
whole (tests/unit/test_trust_contacts.py)."""

from __future__ import annotations

import pytest

from kiosk.storage.attendee_search import phone_digits, search_attendees
from kiosk.storage.outbox import Outbox, PulledChanges
from tests.helpers.factories import make_event, make_kiosk

ROSTER = [
    # id, name, category, company, days, venues, name_ur, name_zh
    ("ITCN-000123", "Ahmed Khan", "visitor", "Ravi Data Labs", "", "", "احمد خان", ""),
    ("ITCN-000124", "Ayesha Malik", "visitor", "Margalla Networks", "", "", "عائشہ ملک", ""),
    ("ITCN-000200", "Khanum Iqbal", "exhibitor", "Indus Cloud", "", "", "", ""),
    ("E-7", "Wang Wei", "exhibitor", "Silk Road Electronics", "", "", "", "王伟"),
    ("P-1", "Sana Qureshi", "vip", "Lahore Soft", "", "", "ثنا قریشی", ""),
]
CONTACTS = {"ITCN-000123": ("ahmed.khan@ravidata.pk", "+92 300 1234567"),
            "ITCN-000124": ("ayesha@margalla.net", "0321-7654321"),
            "ITCN-000200": ("khanum@induscloud.com", "042 35 123 987"),
            "E-7": ("wang.wei@silkroad.cn", "+86 138 0013 8000"),
            "P-1": ("sana@lahoresoft.pk", "")}


@pytest.fixture
def store(tmp_path):
    event = make_event(tmp_path, roster=ROSTER)
    with event.store() as estore:
        for who, (email, phone) in CONTACTS.items():
            estore.conn.execute("UPDATE attendees SET email = ?, phone = ? WHERE id = ?",
                                (email, phone, who))
    kiosk = make_kiosk(tmp_path, event, full_roster=True)
    with kiosk.open_store() as s:
        yield s


def ids(store, query):
    return [hit.attendee.id for hit in search_attendees(store.conn, query)]


@pytest.mark.parametrize("query,first", [
    ("ahmed", "ITCN-000123"),             # start of a name
    ("med kh", "ITCN-000123"),            # any part of it, across the space
    ("QURESHI", "P-1"),                   # any case
    ("silk road", "E-7"),                 # company
    ("margalla", "ITCN-000124"),          # company
    ("ravidata.pk", "ITCN-000123"),       # e-mail
    ("ayesha@", "ITCN-000124"),           # part of an e-mail
    ("ITCN-000124", "ITCN-000124"),       # registration number
    ("itcn-000124", "ITCN-000124"),
    ("000200", "ITCN-000200"),            # part of one
    ("1234567", "ITCN-000123"),           # the end of a phone number
    ("0300 1234567", "ITCN-000123"),      # phone as written locally
    ("+92-300-123-4567", "ITCN-000123"),  # with the country code and dashes
    ("03217654321", "ITCN-000124"),
    ("王伟", "E-7"),                       # a Chinese name of two characters
    ("王", "E-7"),
    ("احمد", "ITCN-000123"),              # an Urdu name
    ("Ahmad Khan", "ITCN-000123"),        # a near miss
    ("Aysha Malik", "ITCN-000124"),
])
def test_finds_people_from_partial_input(store, query, first):
    found = ids(store, query)
    assert found and found[0] == first, (query, found)


def test_exact_matches_rank_above_partial_ones(store):
    assert ids(store, "khan")[:2] == ["ITCN-000123", "ITCN-000200"]  # "Khan" before "Khanum"
    hits = search_attendees(store.conn, "Ahmad Khan")
    assert not hits[0].exact and hits[0].field == "name"


def test_nonsense_and_blank_find_nobody(store):
    assert ids(store, "zzqqxx") == []
    assert ids(store, "   ") == []
    assert ids(store, '"') == [] and ids(store, "a*b OR c") == []  # FTS syntax is just text


def test_phone_digits_drop_country_code_and_trunk_zero():
    assert phone_digits("+92 300 1234567") == "3001234567"
    assert phone_digits("0300-1234567") == "3001234567"
    assert phone_digits("0092 300 1234567") == "3001234567"
    assert phone_digits("4567") == "4567"


def test_the_index_follows_roster_changes(tmp_path, store):
    outbox = Outbox(store)
    outbox.apply("hub-1", PulledChanges(attendees=[{
        "id": "LATE-1", "name": "Late Registrant", "category": "visitor", "company": "Zeta",
        "email": "", "phone": "0333 5550000", "days": None, "venues": None, "name_ur": "",
        "name_zh": "", "updated_at": "2026-12-01T05:00:00.000000Z"}], xmin="1"))
    assert ids(store, "registrant") == ["LATE-1"]
    assert ids(store, "5550000") == ["LATE-1"]
    outbox.apply("hub-1", PulledChanges(attendees=[{
        "id": "ITCN-000123", "name": "Ahmed Raza", "category": "visitor", "company": "Ravi Data Labs",
        "email": "", "phone": "", "days": None, "venues": None, "name_ur": "", "name_zh": "",
        "updated_at": "2026-12-01T06:00:00.000000Z"}], xmin="2"))
    assert ids(store, "ahmed raza") == ["ITCN-000123"]
    assert "ITCN-000123" not in ids(store, "1234567")  # the old phone number is gone
