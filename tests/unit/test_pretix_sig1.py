"""pretix's signed tickets (pretix_sig1), made exactly as pretix makes them, checked in offline.

The payload is built with pretix's own generated protobuf module: ``PRETIX_SIG1_DESCRIPTOR`` is
the serialized file descriptor in pretix's ``src/pretix/base/secretgenerators/pretix_sig1_pb2.py``
(from ``pretix_sig1.proto``: message Ticket { string seed = 1; int64 item = 2; int64 variation = 3;
int64 subevent = 4; }). ``pretix_secret`` follows ``Sig1TicketSecretGenerator`` in
``src/pretix/base/secrets.py``: version byte 0x01, payload and signature lengths (">H" each), the
payload, the Ed25519 signature over it, base64, reversed. pretix keeps its public key as the
base64 of a PEM (``ticket_secrets_pretix_sig1_pubkey``).
"""

from __future__ import annotations

import base64
import json
import struct
import subprocess
import sys

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from google.protobuf import descriptor_pool, message_factory

from kiosk.organiser.roster_import import import_roster
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

PRETIX_SIG1_DESCRIPTOR = (
    b'\n\x11pretix_sig1.proto"I\n\x06Ticket\x12\x0c\n\x04seed\x18\x01 \x01(\t\x12\x0c\n\x04item'
    b'\x18\x02 \x01(\x03\x12\x11\n\tvariation\x18\x03 \x01(\x03\x12\x10\n\x08subevent\x18\x04 '
    b'\x01(\x03\x42\x33\n#eu.pretix.libpretixsync.crypto.sig1B\x0cTicketProtosb\x06proto3')


def _pretix_ticket_class():
    pool = descriptor_pool.DescriptorPool()
    pool.AddSerializedFile(PRETIX_SIG1_DESCRIPTOR)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("Ticket"))


PretixTicket = _pretix_ticket_class()


def pretix_secret(private_key: Ed25519PrivateKey, seed: str, item: int, variation: int = 0,
                  subevent: int = 0) -> str:
    t = PretixTicket()
    t.seed = seed
    t.item = item
    t.variation = variation
    t.subevent = subevent
    payload = t.SerializeToString()
    signature = private_key.sign(payload)
    signed = (bytes([0x01]) + struct.pack(">H", len(payload)) + struct.pack(">H", len(signature))
              + payload + signature)
    return base64.b64encode(signed).decode()[::-1]


def kiosk_cli(*args):
    return subprocess.run([sys.executable, "-m", "kiosk", *map(str, args)], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def pretix_key():
    return Ed25519PrivateKey.generate()


@pytest.fixture
def pretix_event(tmp_path, pretix_key):
    event = make_event(tmp_path)
    pem = pretix_key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    # As pretix shows it in the event's settings: the base64 of the PEM.
    (tmp_path / "pretix.pub").write_bytes(base64.b64encode(pem))
    proc = kiosk_cli("event", "pretix-key", event.path, "--public-key", tmp_path / "pretix.pub",
                     "--items", "11=visitor,12=exhibitor", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"public_keys": 1, "items": {"11": "visitor",
                                                                   "12": "exhibitor"},
                                       "revoked": 0}
    return event


def test_a_signed_pretix_ticket_is_checked_in_offline_and_a_changed_one_is_invalid(
        tmp_path, pretix_event, pretix_key):
    secret = pretix_secret(pretix_key, "Xk29bQm7a", item=11)
    kiosk = make_kiosk(tmp_path, pretix_event)  # kiosk init copies the key; no roster has it
    desk, store = open_desk(kiosk)
    try:
        at = local(DAYS[0], 11)
        first = desk.check_in(secret, at=at)
        assert (first.outcome.value, first.attendee_id, first.category) == (
            "accepted", "pretix:Xk29bQm7a", "visitor")
        assert first.to_json()["attendee"] == {"id": "pretix:Xk29bQm7a", "name": None,
                                               "category": "visitor"}
        # The seed is the holder: the same ticket again at once is the same person.
        assert desk.check_in(secret, at=local(DAYS[0], 11, 0, 30)).outcome.value == "duplicate"

        middle = len(secret) // 2
        for index in (0, middle, len(secret) - 1):  # the signature, the payload, the version
            changed = secret[:index] + ("B" if secret[index] != "B" else "C") + secret[index + 1:]
            result = desk.check_in(changed, at=at)
            assert result.outcome.value == "invalid", (index, result.reason)
            assert result.attendee_id is None

        other_key = Ed25519PrivateKey.generate()
        forged = desk.check_in(pretix_secret(other_key, "Zz11Yy22x", item=11), at=at)
        assert (forged.outcome.value, forged.reason) == ("invalid", "bad_signature")

        unmapped = desk.check_in(pretix_secret(pretix_key, "Qq55Ww66e", item=13), at=at)
        assert (unmapped.outcome.value, unmapped.reason) == ("invalid", "unmapped_item")
        assert "pretix item 13" in unmapped.message

        exhibitor = desk.check_in(pretix_secret(pretix_key, "Ee77Rr88t", item=12, variation=3), at=at)
        assert (exhibitor.outcome.value, exhibitor.category) == ("accepted", "exhibitor")
        # What the scan log keeps: the holder, and a hash rather than the secret itself.
        logged = store.conn.execute("SELECT code, attendee_id FROM scans ORDER BY seq").fetchall()
        assert all(secret not in code for code, _ in logged)
    finally:
        store.close()


def test_the_roster_gives_the_name_and_the_revocation_list_blocks(tmp_path, pretix_event,
                                                                  pretix_key):
    secret = pretix_secret(pretix_key, "Nn12Mm34p", item=11)
    revoked = pretix_secret(pretix_key, "Rv98Ts76u", item=11)
    random_secret = "h7x2q9kc4mzw8rtpvd3nbf6yjs5ga2ek"  # a pretix random secret: the roster's
    roster = tmp_path / "positions.csv"
    roster.write_text("Event slug,Order code,Position ID,Status,Email,Product,Attendee name,"
                      "Ticket secret\n"
                      f"itcn26,Q7XKM,1,paid,a@example.com,Visitor pass,Ahmed Khan,{secret}\n"
                      f"itcn26,Q7XKM,2,paid,a@example.com,Visitor pass,Sana Qureshi,{random_secret}\n",
                      encoding="utf-8")
    (tmp_path / "map.toml").write_text('[products]\n"Visitor pass" = "visitor"\n', encoding="utf-8")
    with pretix_event.store() as estore:
        report = import_roster(roster, estore, pretix_event.rules, roster_map=tmp_path / "map.toml")
    assert (report.format, report.imported, report.rejected) == ("pretix-orderpositions", 2, [])
    revocations = tmp_path / "revoked.json"  # pretix's revokedsecrets API, one page
    revocations.write_text(json.dumps({"count": 1, "next": None, "previous": None, "results": [
        {"id": 1, "secret": revoked, "created": "2026-11-20T10:00:00Z"}]}), encoding="utf-8")
    proc = kiosk_cli("event", "pretix-key", pretix_event.path, "--public-key",
                     tmp_path / "pretix.pub", "--items", "11=visitor", "--revoked", revocations,
                     "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["revoked"] == 1

    kiosk = make_kiosk(tmp_path, pretix_event)
    desk, store = open_desk(kiosk)
    try:
        at = local(DAYS[0], 11)
        named = desk.check_in(secret, at=at)
        assert (named.outcome.value, named.attendee_id, named.attendee.name) == (
            "accepted", "Q7XKM-1", "Ahmed Khan")
        assert desk.check_in(random_secret, at=at).attendee_id == "Q7XKM-2"
        assert desk.check_in(revoked, at=at).outcome.value == "revoked"
    finally:
        store.close()


@pytest.mark.parametrize("args,message", [
    (["--items", "11=visitor"], "not a readable PEM"),
    (["--items", "eleven=visitor"], "ITEM=CATEGORY"),
    (["--items", "11=astronaut"], "astronaut"),
])
def test_pretix_key_refuses_bad_input_with_one_line(tmp_path, pretix_key, args, message):
    event = make_event(tmp_path, roster=None)
    good = pretix_key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    key = tmp_path / "key.pem"
    key.write_bytes(good if "PEM" not in message else b"-----BEGIN PUBLIC KEY-----\nnope\n")
    proc = kiosk_cli("event", "pretix-key", event.path, "--public-key", key, *args)
    assert proc.returncode != 0
    assert proc.stderr.count("\n") == 1 and message in proc.stderr


def test_a_long_code_the_roster_holds_is_not_mistaken_for_a_damaged_pretix_ticket(
        tmp_path, pretix_event, pretix_key):
    old_key = Ed25519PrivateKey.generate()  # a ticket of a key the kiosk was not given
    old_ticket = pretix_secret(old_key, "Ol12Dk34y", item=11)
    long_code = "Q" * 120  # another system's long barcode, all in base64's alphabet
    roster = tmp_path / "r.csv"
    roster.write_text(f"id,name,category,code\nL-1,Long Code,visitor,{long_code}\n"
                      f"L-2,Old Key,visitor,{old_ticket}\n", encoding="utf-8")
    with pretix_event.store() as estore:
        assert import_roster(roster, estore, pretix_event.rules).rejected == []
    kiosk = make_kiosk(tmp_path, pretix_event)
    desk, store = open_desk(kiosk)
    try:
        at = local(DAYS[0], 11)
        assert desk.check_in(long_code, at=at).attendee_id == "L-1"
        assert desk.check_in(old_ticket, at=at).attendee_id == "L-2"  # the organiser's list says so
        from kiosk.core.tokens import token_hash
        from kiosk.storage.roster import revocation_key, set_revocation

        set_revocation(store.conn, revocation_key("token", token_hash(old_ticket)), "token",
                       reason="revoked in pretix")
        assert desk.check_in(old_ticket, at=local(DAYS[0], 12)).outcome.value == "revoked"
        stranger = desk.check_in("R" * 120, at=at)
        assert (stranger.outcome.value, stranger.reason) == ("invalid", "malformed")
    finally:
        store.close()
