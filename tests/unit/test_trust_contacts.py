"""A stolen kiosk carries no e-mail address or phone number of the roster: only keyed hashes,
enough for "No badge?" and staff's exact look-up; `kiosk init --full-roster` opts in to the copy."""

from __future__ import annotations

import json
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.services.no_badge import NoBadge, NoBadgeRefused
from kiosk.storage.attendee_search import search_attendees
from kiosk.storage.outbox import Outbox, PulledChanges
from tests.helpers.contacts import CONTACTS, add_contacts
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

LATE = {"id": "LATE-1", "name": "Late Registrant", "category": "visitor", "company": "",
        "email": "late.person@example.org", "phone": "0333 555 0000", "days": None,
        "venues": None, "name_ur": "", "name_zh": "", "updated_at": "2026-12-01T05:00:00.000000Z"}


def secrets_of(rows) -> tuple[set[str], set[str]]:
    """Every e-mail address (as written and lower-cased) and every phone number's digits."""
    emails, phones = set(), set()
    for email, phone in rows:
        if email:
            emails |= {email, email.lower(), email.strip().lower()}
        if phone:
            digits = re.sub(r"\D", "", phone)
            phones |= {phone, digits, digits[-10:], digits[-7:]}
    return emails, phones


ROSTER_SECRETS = secrets_of([(r[4], r[5]) for r in CONTACTS] + [(LATE["email"], LATE["phone"])])


def thief_finds(folder: Path) -> list[str]:
    """What someone holding the kiosk folder finds: every cell of every table, read with
    sqlite3, and the raw bytes of every file (kiosk.db, its WAL and shared memory, bundles,
    backups), the contact key file aside (it is a key, and holds no contact)."""
    emails, phones = ROSTER_SECRETS
    found = []
    conn = sqlite3.connect(f"file:{folder / 'kiosk.db'}?mode=ro", uri=True)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN "
                                         "('table', 'view')")]
    assert "attendees" in tables and "attendee_contacts" in tables
    for table in tables:
        for row in conn.execute(f"SELECT * FROM [{table}]"):
            for value in row:
                text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
                low = text.lower()
                found += [f"{table}: {e}" for e in emails if e.lower() in low]
                digits = re.sub(r"\D", "", text)
                found += [f"{table}: {p}" for p in phones
                          if len(re.sub(r"\D", "", p)) >= 10 and re.sub(r"\D", "", p) in digits
                          and not re.fullmatch(r"[0-9a-f]{64}", text)]
    conn.close()
    for path in folder.rglob("*"):
        if not path.is_file() or path.name == "contacts.hmac":
            continue
        raw = path.read_bytes().lower()
        for secret in emails | phones:
            if len(secret) >= 7 and secret.lower().encode() in raw:
                found.append(f"{path.name}: {secret}")
    return found


@pytest.fixture
def provisioned(tmp_path):
    event = make_event(tmp_path)
    add_contacts(event, tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    return event, kiosk


def use_the_kiosk(kiosk, tmp_path) -> None:
    """A day's use: check-ins, a No badge? check-in, staff look-ups, a late registration pulled
    from the hub, a bundle exported into the folder."""
    desk, store = open_desk(kiosk)
    try:
        desk.check_in("V-001", at=local(DAYS[0], 11))
        service = NoBadge("kiosk-1", clock=lambda: local(DAYS[0], 11, 5))
        pending = service.lookup(store, "+92 300 1234567")
        desk.check_in(service.confirm(store, pending, "ayesha"), at=local(DAYS[0], 11, 6))
        search_attendees(store.conn, "wang@example.cn", contact_key=store.contact_key)
        Outbox(store).apply("hub-1", PulledChanges(attendees=[LATE], xmin="1"))
    finally:
        store.close()
    assert main(["export", "--kiosk", str(kiosk.path), "--out", str(kiosk.path / "day1.bundle")]) == 0


def test_a_thief_finds_no_email_or_phone_on_a_provisioned_kiosk(provisioned, tmp_path):
    event, kiosk = provisioned
    use_the_kiosk(kiosk, tmp_path)
    assert (kiosk.path / "kiosk.db-wal").exists()  # the WAL is searched too
    assert thief_finds(kiosk.path) == []
    # The names are there (the screens show them), and so are the hashes.
    with kiosk.open_store(readonly=True) as store:
        assert store.find_attendee("C-001").name == "Ayesha Siddiqui"
        assert store.find_attendee("C-001").email == "" and store.find_attendee("LATE-1").phone == ""
        hashes = store.conn.execute("SELECT COUNT(*) FROM attendee_contacts WHERE "
                                    "email_hash != '' AND phone_hash != ''").fetchone()[0]
        assert hashes == 4  # C-001, C-002, C-004 and the late registration
    key = kiosk.path / "contacts.hmac"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_text() == (event.path / "keys" / "contacts.hmac").read_text()
    assert key.read_text().strip().encode() not in (kiosk.path / "kiosk.db").read_bytes()


def test_the_thief_test_sees_a_full_copy(tmp_path):
    """The same search on a kiosk provisioned with --full-roster finds every contact."""
    event = make_event(tmp_path)
    add_contacts(event, tmp_path)
    kiosk = make_kiosk(tmp_path, event, full_roster=True)
    found = thief_finds(kiosk.path)
    assert any("ayesha.s@example.pk" in f.lower() for f in found)
    assert any("3217654321" in f for f in found)


def test_no_badge_and_staff_find_people_by_exactly_what_they_typed(provisioned):
    _, kiosk = provisioned
    with kiosk.open_store() as store:
        service = NoBadge("kiosk-1", clock=lambda: local(DAYS[0], 11))
        for typed in ("  AYESHA.S@EXAMPLE.PK", "0300 1234567", "923001234567"):
            pending = service.lookup(store, typed)
            assert pending.attendee_id == "C-001"
        # A name without Latin letters, found by e-mail: the phone's last four digits, hashed.
        pending = service.lookup(store, "wang@example.cn")
        assert (pending.attendee_id, pending.ask) == ("C-004", "phone")
        with pytest.raises(NoBadgeRefused) as wrong:
            service.confirm(store, pending, "8001")
        assert wrong.value.reason == "mismatch"
        assert service.confirm(store, pending, "8000") == "C-004"

        def staff(query):
            return [h.attendee.id for h in search_attendees(store.conn, query,
                                                            contact_key=store.contact_key)]

        assert staff("Ayesha.S@example.pk") == ["C-001"]
        assert staff("+92-321-765-4321") == ["C-002"]
        assert staff("+86 138 0013 8000") == ["C-004"]
        assert sorted(staff("shared@example.com")) == ["C-002", "C-003"]  # staff see both
        assert staff("1234567") == []  # part of a number: nothing to match a hash against
        assert staff("siddiqui") == ["C-001"]  # names as before


def test_a_kiosk_once_provisioned_in_full_keeps_no_trace_after_hashing(tmp_path, capsys):
    event = make_event(tmp_path)
    add_contacts(event, tmp_path)
    kiosk = make_kiosk(tmp_path, event, full_roster=True)
    assert thief_finds(kiosk.path)
    code = main(["init", str(kiosk.path), "--event", str(event.path), "--kiosk-id", "kiosk-1",
                 "--venue", "lahore", "--gate", "Gate 1", "--json"])
    out = capsys.readouterr().out
    assert code == 0 and json.loads(out)["contacts"] == "hashed"
    assert thief_finds(kiosk.path) == []
    with kiosk.open_store() as store:
        assert NoBadge("kiosk-1", clock=lambda: local(DAYS[0], 11)).lookup(
            store, "0321 7654321").attendee_id == "C-002"


def test_full_roster_keeps_the_clear_copy_and_says_so(tmp_path, capsys):
    event = make_event(tmp_path)
    add_contacts(event, tmp_path)
    code = main(["init", str(tmp_path / "k"), "--event", str(event.path), "--kiosk-id", "k1",
                 "--venue", "lahore", "--full-roster"])
    out = capsys.readouterr().out
    assert code == 0 and "in clear" in out
    conn = sqlite3.connect(tmp_path / "k" / "kiosk.db")
    assert conn.execute("SELECT email, phone FROM attendees WHERE id = 'C-001'").fetchone() == \
        ("Ayesha.S@Example.PK", "0300-1234567")
    assert conn.execute("SELECT COUNT(*) FROM attendee_contacts").fetchone()[0] == 0
    conn.close()


def test_a_contact_key_others_can_read_is_refused(provisioned):
    _, kiosk = provisioned
    (kiosk.path / "contacts.hmac").chmod(0o644)
    code = main(["headcount", "--kiosk", str(kiosk.path)])
    assert code != 0


def test_a_hub_pull_into_a_store_opened_without_the_key_keeps_no_contact(provisioned):
    from kiosk.storage.kiosk_store import KioskStore

    _, kiosk = provisioned
    with KioskStore.open(kiosk.db_path) as store:  # not through the folder: no contact key
        assert store.contact_key is None
        Outbox(store).apply("hub-1", PulledChanges(attendees=[LATE], xmin="1"))
        assert store.conn.execute("SELECT email, phone FROM attendees WHERE id = 'LATE-1'"
                                  ).fetchone() == ("", "")
    assert thief_finds(kiosk.path) == []
