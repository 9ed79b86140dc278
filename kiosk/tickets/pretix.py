"""pretix's signed ticket secrets (the "pretix_sig1" scheme), verified offline.

As pretix writes them (pretix/base/secrets.py, Sig1TicketSecretGenerator): one version byte
(0x01), the payload's length and the signature's length (two bytes each, big-endian), the payload
(a protobuf ``Ticket``: seed, item, variation, subevent — secretgenerators/pretix_sig1.proto),
the Ed25519 signature over the payload; all of it base64, and the text reversed.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import struct
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.message import DecodeError

from kiosk.core.errors import KioskError
from kiosk.core.event import CATEGORIES
from kiosk.core.tickets import ExternalTicket
from kiosk.core.tokens import TokenError

META_KEY = "pretix_sig1"  # in event.db and kiosk.db: {"public_keys": [PEM], "items": {n: category}}
VERSION = 1
_HEADER = struct.Struct(">BHH")
_SIGNATURE_BYTES = 64
_BASE64_CHARS = re.compile(r"[A-Za-z0-9+/=]+")
# A shorter text cannot hold a header and an Ed25519 signature: pretix's random secrets (32
# characters) and other barcodes are left to the roster. A longer one in base64's alphabet is
# taken for a signed ticket, so a damaged one is "invalid" rather than "unknown".
_MIN_BYTES = _HEADER.size + _SIGNATURE_BYTES + 2
_MIN_CHARS = (_MIN_BYTES + 2) // 3 * 4


def _ticket_class():
    """The ``Ticket`` message of pretix_sig1.proto, built from its description at run time."""
    proto = descriptor_pb2.FileDescriptorProto(name="pretix_sig1.proto", syntax="proto3")
    message = proto.message_type.add(name="Ticket")
    kinds = descriptor_pb2.FieldDescriptorProto
    for number, (name, kind) in enumerate((("seed", kinds.TYPE_STRING), ("item", kinds.TYPE_INT64),
                                           ("variation", kinds.TYPE_INT64),
                                           ("subevent", kinds.TYPE_INT64)), start=1):
        message.field.add(name=name, number=number, type=kind, label=kinds.LABEL_OPTIONAL)
    pool = descriptor_pool.DescriptorPool()  # our own, so nothing else's "Ticket" can clash
    pool.Add(proto)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("Ticket"))


Ticket = _ticket_class()


def public_key_from_text(text: str | bytes, where: str = "the public key") -> tuple[str, Ed25519PublicKey]:
    """A PEM public key, or the base64 of one as pretix shows it; returns (PEM, key)."""
    raw = text.encode("ascii", "replace") if isinstance(text, str) else bytes(text)
    raw = raw.strip()
    if not raw.startswith(b"-----BEGIN"):
        try:
            raw = base64.b64decode(raw, validate=True).strip()
        except (binascii.Error, ValueError):
            raise KioskError(f"{where} is neither a PEM public key nor pretix's base64 of one") from None
    try:
        key = load_pem_public_key(raw)
    except ValueError as exc:
        raise KioskError(f"{where} is not a readable PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KioskError(f"{where} is not an Ed25519 key (pretix_sig1 signs with Ed25519)")
    return raw.decode("ascii"), key


@dataclass
class PretixSig1:
    """Reads pretix_sig1 secrets with the event's pretix public keys and item mapping."""

    public_keys: list[Ed25519PublicKey]
    items: dict[int, str] = field(default_factory=dict)  # pretix item id -> our category

    @classmethod
    def from_config(cls, text: str | None) -> "PretixSig1 | None":
        if not text:
            return None
        data = json.loads(text)
        keys = [public_key_from_text(pem)[1] for pem in data.get("public_keys", [])]
        if not keys:
            return None
        return cls(keys, {int(k): v for k, v in data.get("items", {}).items()})

    def read(self, text: str) -> ExternalTicket | None:
        text = text.strip()
        if len(text) < _MIN_CHARS or not _BASE64_CHARS.fullmatch(text):
            return None
        try:
            raw = base64.b64decode(text[::-1], validate=True)
        except (binascii.Error, ValueError):
            raise TokenError("malformed", "ticket secret is damaged (not base64)") from None
        if len(raw) < _MIN_BYTES:
            raise TokenError("malformed", "ticket secret is truncated")
        if base64.b64encode(raw).decode("ascii") != text[::-1]:
            raise TokenError("malformed", "ticket secret is damaged (not canonical base64)")
        version, payload_len, sig_len = _HEADER.unpack_from(raw)
        if version != VERSION:
            raise TokenError("malformed", f"pretix ticket format version {version} is not supported")
        if _HEADER.size + payload_len + sig_len != len(raw) or sig_len != _SIGNATURE_BYTES:
            raise TokenError("malformed", "ticket secret is truncated or has extra bytes")
        payload = raw[_HEADER.size:_HEADER.size + payload_len]
        signature = raw[_HEADER.size + payload_len:]
        for key in self.public_keys:
            try:
                key.verify(signature, payload)
                break
            except InvalidSignature:
                continue
        else:
            raise TokenError("bad_signature", "ticket signature does not match the event's pretix key")
        ticket = Ticket()
        try:
            ticket.ParseFromString(payload)
        except DecodeError:
            raise TokenError("malformed", "ticket payload is not a pretix ticket") from None
        if not ticket.seed:
            raise TokenError("malformed", "ticket has no seed")
        return ExternalTicket(system="pretix", holder=f"pretix:{ticket.seed}",
                              product=f"pretix item {ticket.item}",
                              category=self.items.get(ticket.item))


def parse_items(text: str) -> dict[int, str]:
    """``11=visitor,12=exhibitor`` as {11: "visitor", 12: "exhibitor"}."""
    items: dict[int, str] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        number, sep, category = part.partition("=")
        if not sep or not number.strip().isdigit():
            raise KioskError(f"--items wants ITEM=CATEGORY pairs like 11=visitor, not {part!r}")
        category = category.strip().lower()
        if category not in CATEGORIES:
            raise KioskError(f"--items: {category!r} is not a category ({', '.join(CATEGORIES)})")
        items[int(number)] = category
    if not items:
        raise KioskError("--items names no pretix item (like 11=visitor,12=exhibitor)")
    return items


def config_text(pems: list[str], items: dict[int, str]) -> str:
    return json.dumps({"public_keys": pems, "items": {str(k): v for k, v in sorted(items.items())}},
                      ensure_ascii=False)


def revoked_secrets(text: str) -> list[str]:
    """The secrets in pretix's revocation list: the JSON of its ``revokedsecrets`` API (a page,
    or a list of its results), or one secret a line."""
    stripped = text.strip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise KioskError(f"the revocation list is not valid JSON ({exc})") from None
        results = data.get("results", []) if isinstance(data, dict) else data
        secrets = []
        for entry in results:
            secret = entry.get("secret") if isinstance(entry, dict) else entry
            if not isinstance(secret, str) or not secret.strip():
                raise KioskError("the revocation list has an entry without a secret")
            secrets.append(secret.strip())
        return secrets
    return [line.strip() for line in stripped.splitlines() if line.strip() and not line.startswith("#")]
