"""Signed badge tokens: round trips, tampering, truncation, re-encoding, unknown keys, size."""

from __future__ import annotations

import base64
import string

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.event import CATEGORIES
from kiosk.core.tokens import (
    PREFIX,
    BadgeClaims,
    TokenError,
    TokenVerifier,
    key_id_for,
    parse_token,
    sign_token,
)

QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")
EVENT = "itcn-asia-2026-20261201"
KEY = Ed25519PrivateKey.generate()
KID = key_id_for(KEY.public_key())
VERIFIER = TokenVerifier(EVENT, {KID: KEY.public_key()})


def token_for(attendee_id="ITCN-00042", category="visitor", **kw) -> str:
    return sign_token(BadgeClaims(attendee_id, category, key_id=KID, **kw), KEY, EVENT)


def test_round_trip_keeps_every_claim():
    token = token_for("V-123", "exhibitor", day_mask=0b101, venue_mask=0b10, issue=3)
    claims = VERIFIER.verify(token)
    assert claims == BadgeClaims("V-123", "exhibitor", day_mask=0b101, venue_mask=0b10, issue=3,
                                 key_id=KID)


def test_token_uses_only_qr_alphanumeric_characters():
    token = token_for("ITCN-2026-000123")
    assert token.startswith(PREFIX)
    assert set(token) <= QR_ALPHANUMERIC


def test_badge_fits_qr_version_7_at_ecc_m():
    qrcode = pytest.importorskip("qrcode")
    for attendee_id in ("V1", "ITCN-00001", "ITCN-2026-LHR-000123", "X" * 24):
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(token_for(attendee_id))
        code.make(fit=True)
        assert code.version <= 7, (attendee_id, code.version)


def test_scanners_that_change_case_or_add_whitespace_still_verify():
    token = token_for()
    assert VERIFIER.verify("  " + token.lower() + "\r\n").attendee_id == "ITCN-00042"


@pytest.mark.parametrize("position", [len(PREFIX), 20, 60, -40, -1])
def test_one_changed_character_is_refused(position):
    token = token_for()
    i = position % len(token)
    replacement = "B" if token[i] != "B" else "C"
    with pytest.raises(TokenError) as info:
        VERIFIER.verify(token[:i] + replacement + token[i + 1:])
    assert info.value.reason in {"malformed", "bad_signature", "unknown_key"}


@pytest.mark.parametrize("keep", [len(PREFIX), len(PREFIX) + 8, 60, -1])
def test_truncated_token_is_refused(keep):
    token = token_for()
    with pytest.raises(TokenError) as info:
        VERIFIER.verify(token[:keep])
    assert info.value.reason in {"malformed", "not_a_token"}


def test_re_encoded_token_is_refused():
    token = token_for()
    raw = base64.b32decode(token[len(PREFIX):] + "=" * (-len(token[len(PREFIX):]) % 8))
    for other in (base64.b64encode(raw).decode(), raw.hex().upper(),
                  base64.b32encode(raw).decode()):  # the last keeps its '=' padding
        with pytest.raises(TokenError):
            VERIFIER.verify(PREFIX + other)


def test_signed_by_an_unknown_key_is_refused():
    stranger = Ed25519PrivateKey.generate()
    token = sign_token(BadgeClaims("V-1", "visitor", key_id=key_id_for(stranger.public_key())),
                       stranger, EVENT)
    with pytest.raises(TokenError) as info:
        VERIFIER.verify(token)
    assert info.value.reason == "unknown_key"


def test_a_forged_key_id_does_not_help():
    stranger = Ed25519PrivateKey.generate()
    token = sign_token(BadgeClaims("V-1", "vip", key_id=KID), stranger, EVENT)
    with pytest.raises(TokenError) as info:
        VERIFIER.verify(token)
    assert info.value.reason == "bad_signature"


def test_badge_of_another_event_is_refused():
    token = sign_token(BadgeClaims("V-1", "visitor", key_id=KID), KEY, "another-event-2025")
    with pytest.raises(TokenError) as info:
        VERIFIER.verify(token)
    assert info.value.reason == "bad_signature"


def test_rotated_keys_both_verify():
    new = Ed25519PrivateKey.generate()
    new_kid = key_id_for(new.public_key())
    verifier = TokenVerifier(EVENT, {KID: KEY.public_key(), new_kid: new.public_key()})
    old_token = token_for()
    new_token = sign_token(BadgeClaims("V-2", "media", key_id=new_kid), new, EVENT)
    assert verifier.verify(old_token).attendee_id == "ITCN-00042"
    assert verifier.verify(new_token).category == "media"


claims_strategy = st.builds(
    BadgeClaims,
    attendee_id=st.text(min_size=1, max_size=20).filter(lambda s: 0 < len(s.encode()) <= 64),
    category=st.sampled_from(CATEGORIES),
    day_mask=st.integers(0, 0xFFFF),
    venue_mask=st.integers(0, 0xFF),
    issue=st.integers(0, 255),
    key_id=st.just(KID),
)


@given(claims_strategy)
@settings(max_examples=200, deadline=None)
def test_sign_then_verify_always_round_trips(claims):
    assert VERIFIER.verify(sign_token(claims, KEY, EVENT)) == claims


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_text_is_a_token_error_or_a_token_never_another_exception(text):
    try:
        VERIFIER.verify(PREFIX + text)
    except TokenError as exc:
        assert exc.reason in {"malformed", "unknown_key", "bad_signature", "not_a_token"}


@given(st.binary(min_size=0, max_size=200))
@settings(max_examples=300, deadline=None)
def test_random_payloads_in_a_valid_envelope_never_verify(raw):
    body = base64.b32encode(raw).decode().rstrip("=")
    with pytest.raises(TokenError):
        VERIFIER.verify(PREFIX + body)


def test_parse_reports_truncation_before_signature_check():
    token = token_for()
    claims, payload, signature = parse_token(token)
    assert len(signature) == 64 and payload.endswith(b"ITCN-00042")
