"""Signed badge tokens: Ed25519 over a compact payload, written in QR alphanumeric mode.

Layout of the signed payload (big-endian):

    version(1) key_id(2) category(1) issue(1) day_mask(2) venue_mask(1) id_len(1) id(utf-8)

followed by a 64-byte signature over ``DOMAIN + event_id + 0x00 + payload``; binding the event id into
the signature keeps a badge of another event (or another edition) from verifying here without
spending any bytes on it. The whole is upper-case base32 without padding behind ``PREFIX``; every
character of that alphabet is in the QR alphanumeric set, so ~90 bytes fit a version 6-7 code at ECC M.

A mask of 0 means "every day" / "every venue"; bit i stands for the event's i-th day or venue.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.core.event import CATEGORIES

PREFIX = "ITC1:"
VERSION = 1
DOMAIN = b"itcn-kiosk-badge-v1\x00"
SIGNATURE_BYTES = 64
MAX_ID_BYTES = 64
MAX_TOKEN_CHARS = 400  # far above any real token; longer input is refused before decoding
_HEADER = struct.Struct(">BHBBHBB")


class TokenError(ValueError):
    """Why a text is not a valid badge token; ``reason`` is a stable code."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class BadgeClaims:
    attendee_id: str
    category: str
    day_mask: int = 0
    venue_mask: int = 0
    issue: int = 0
    key_id: int = 0
    # Not in the payload: the kiosk whose own key signed it (a badge reissued at a kiosk), as
    # the verifier found; "" for the organiser's keys.
    signed_by: str = ""

    def payload(self) -> bytes:
        raw_id = self.attendee_id.encode("utf-8")
        if not raw_id or len(raw_id) > MAX_ID_BYTES:
            raise ValueError(f"attendee id must be 1-{MAX_ID_BYTES} bytes")
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        return _HEADER.pack(
            VERSION,
            self.key_id,
            CATEGORIES.index(self.category),
            self.issue,
            self.day_mask,
            self.venue_mask,
            len(raw_id),
        ) + raw_id


def key_id_for(public_key: Ed25519PublicKey) -> int:
    raw = public_raw(public_key)
    return int.from_bytes(hashlib.sha256(raw).digest()[:2], "big")


def public_raw(public_key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_from_raw(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def mask_of(items, universe) -> int:
    """Bit mask of ``items`` within ``universe``; 0 (meaning all) when items is None or complete."""
    if items is None:
        return 0
    chosen = set(items)
    if set(universe) <= chosen:
        return 0
    mask = 0
    for i, item in enumerate(universe):
        if item in chosen:
            if i >= 16:
                raise ValueError("at most 16 days or venues can be named on a badge")
            mask |= 1 << i
    if mask == 0:
        raise ValueError("none of the badge's days or venues belongs to the event")
    return mask


def _message(event_id: str, payload: bytes) -> bytes:
    return DOMAIN + event_id.encode("utf-8") + b"\x00" + payload


def sign_token(claims: BadgeClaims, private_key: Ed25519PrivateKey, event_id: str) -> str:
    payload = claims.payload()
    signature = private_key.sign(_message(event_id, payload))
    return PREFIX + base64.b32encode(payload + signature).decode("ascii").rstrip("=")


def token_hash(text: str) -> str:
    """Stable short fingerprint of a token or code (for revocation lists and the scan log)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def looks_like_token(text: str) -> bool:
    return text[: len(PREFIX)].upper() == PREFIX


def canonical(text: str) -> str:
    """Scanners and keyboard wedges may change case or add whitespace; signatures are over bytes."""
    return text.strip().upper()


def parse_token(text: str) -> tuple[BadgeClaims, bytes, bytes]:
    """Split a token into its claims, signed payload and signature; raises TokenError."""
    token = canonical(text)
    if not token.startswith(PREFIX):
        raise TokenError("not_a_token", "not a badge token")
    body = token[len(PREFIX):]
    if len(token) > MAX_TOKEN_CHARS:
        raise TokenError("malformed", "badge code is too long")
    padded = body + "=" * (-len(body) % 8)
    try:
        raw = base64.b32decode(padded, casefold=False)
    except (binascii.Error, ValueError):
        raise TokenError("malformed", "badge code is damaged (not base32)") from None
    # Only one spelling of each token is valid: a re-encoded or bit-flipped tail is refused.
    if base64.b32encode(raw).decode("ascii").rstrip("=") != body:
        raise TokenError("malformed", "badge code is damaged (not canonical)")
    if len(raw) < _HEADER.size + 1 + SIGNATURE_BYTES:
        raise TokenError("malformed", "badge code is truncated")
    version, key_id, cat_index, issue, day_mask, venue_mask, id_len = _HEADER.unpack_from(raw)
    if version != VERSION:
        raise TokenError("malformed", f"badge format version {version} is not supported")
    if len(raw) != _HEADER.size + id_len + SIGNATURE_BYTES or id_len == 0:
        raise TokenError("malformed", "badge code is truncated or has extra bytes")
    if cat_index >= len(CATEGORIES):
        raise TokenError("malformed", "badge names an unknown category")
    payload = raw[: _HEADER.size + id_len]
    signature = raw[_HEADER.size + id_len:]
    try:
        attendee_id = payload[_HEADER.size:].decode("utf-8")
    except UnicodeDecodeError:
        raise TokenError("malformed", "badge holder id is not text") from None
    claims = BadgeClaims(
        attendee_id=attendee_id,
        category=CATEGORIES[cat_index],
        day_mask=day_mask,
        venue_mask=venue_mask,
        issue=issue,
        key_id=key_id,
    )
    return claims, payload, signature


class TokenVerifier:
    """Verifies tokens offline with public keys only; several keys allow rotation.

    ``kiosk_keys`` ((kiosk id, public key) pairs) are the event's kiosks' own keys: a badge one of them
    signed (a lost badge reissued by staff there) verifies too, and says so in
    ``BadgeClaims.signed_by``; what such a badge may claim is the check-in rules' business."""

    def __init__(self, event_id: str, public_keys: dict[int, Ed25519PublicKey],
                 kiosk_keys=()):
        self.event_id = event_id
        self.public_keys = dict(public_keys)
        # A callable is asked again each time (a kiosk's store, which the hub keeps current).
        self._kiosk_keys = kiosk_keys if callable(kiosk_keys) else (lambda pairs=list(kiosk_keys): pairs)

    @property
    def kiosk_keys(self) -> dict[int, list[tuple[str, Ed25519PublicKey]]]:
        found: dict[int, list[tuple[str, Ed25519PublicKey]]] = {}
        for kiosk_id, key in self._kiosk_keys():
            found.setdefault(key_id_for(key), []).append((kiosk_id, key))
        return found

    def verify(self, text: str) -> BadgeClaims:
        claims, payload, signature = parse_token(text)
        message = _message(self.event_id, payload)
        key = self.public_keys.get(claims.key_id)
        # The kiosks' keys only when the organiser's do not verify it (most badges).
        kiosks = self.kiosk_keys.get(claims.key_id, []) if key is None else []
        if key is None and not kiosks:
            raise TokenError("unknown_key", f"badge is signed by an unknown key ({claims.key_id:04x})")
        if key is not None:
            try:
                key.verify(signature, message)
                return claims
            except InvalidSignature:
                # Two-byte key ids can collide with a kiosk's: try those before refusing.
                kiosks = self.kiosk_keys.get(claims.key_id, [])
        for kiosk_id, kiosk_key in kiosks:
            try:
                kiosk_key.verify(signature, message)
            except InvalidSignature:
                continue
            return BadgeClaims(claims.attendee_id, claims.category, claims.day_mask,
                               claims.venue_mask, claims.issue, claims.key_id, signed_by=kiosk_id)
        raise TokenError("bad_signature", "badge signature does not match")


SUPERSEDED = "superseded by issue {issue} (badge reissued at {kiosk})"


def superseded_reason(issue: int, kiosk_id: str) -> str:
    """The block reason on a badge replaced by a kiosk's reissue (read back by superseded_issue)."""
    return SUPERSEDED.format(issue=issue, kiosk=kiosk_id)


def superseded_issue(reason: str | None) -> int | None:
    """The issue number that replaced a badge blocked with superseded_reason, else None."""
    import re

    found = re.match(r"superseded by issue (\d{1,3}) \(", reason or "")
    return int(found.group(1)) if found else None
