"""What a report may be believed: kiosks' own keys, signed bundles, and merges that refuse
bundles the event cannot vouch for (a forged kiosk's 5,000 `accepted` scans among them)."""

from __future__ import annotations

import hashlib
import json
import stat
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.cli import main
from kiosk.organiser.kioskdir import KIOSK_KEY
from kiosk.sync.bundle import read_header
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk
from tests.helpers.scanlog import synthetic_rows, write_synthetic_bundle


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args) -> tuple[int, dict | str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except ValueError:
        return code, out, err


@pytest.fixture
def fair(tmp_path, capsys):
    event = make_event(tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    desk, store = open_desk(kiosk)
    for i, code in enumerate(["V-001", "V-002", "E-001"]):
        desk.check_in(code, at=local(DAYS[0], 11) + timedelta(minutes=i))
    store.close()
    code, _, err = run(capsys, "export", "--kiosk", kiosk.path, "--out", tmp_path / "k1.bundle")
    assert code == 0, err
    merged = tmp_path / "merged.db"
    code, _, err = run(capsys, "merge", tmp_path / "k1.bundle", "--into", merged,
                       "--event", event.path)
    assert code == 0, err
    return event, kiosk, merged


def test_each_kiosk_gets_a_key_of_its_own_private_half_only_on_the_kiosk(fair, tmp_path):
    event, kiosk, _ = fair
    key = kiosk.path / KIOSK_KEY
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE((kiosk.path / "kiosk.toml").stat().st_mode) == 0o600
    assert (event.path / "kiosks" / "kiosk-1.pub").exists()
    assert not list(event.path.rglob(KIOSK_KEY))
    before = key.read_bytes()
    make_kiosk(tmp_path, event)  # provisioning again keeps the kiosk's key
    assert key.read_bytes() == before
    two = make_kiosk(tmp_path, event, name="kiosk-2")
    assert (two.path / KIOSK_KEY).read_bytes() != before


def forged(tmp_path, event, kiosk_id="kiosk-ghost", key=None, n=5000):
    rows = [(*r[:10], "accepted", "first_entry", *r[12:])
            for r in synthetic_rows(kiosk_id, "lahore", "Gate 9", [DAYS[0]], n)]
    out = tmp_path / f"{kiosk_id}-forged.bundle"
    write_synthetic_bundle(out, event_toml=(event.path / "event.toml").read_text(),
                           event_id=event.model.id, kiosk_id=kiosk_id, venue="lahore",
                           gate="Gate 9", rows=rows, signing_key=key)
    return out


@pytest.mark.parametrize("case, reason", [
    ("unsigned", "unsigned"),
    ("stranger", "unknown_kiosk"),
    ("impostor", "bad_signature"),
])
def test_merge_with_the_event_refuses_bundles_it_cannot_vouch_for(fair, tmp_path, capsys,
                                                                  case, reason):
    event, kiosk, merged = fair
    if case == "unsigned":
        bundle = forged(tmp_path, event)
    elif case == "stranger":
        bundle = forged(tmp_path, event, key=Ed25519PrivateKey.generate())
    else:  # claims to be kiosk-1, signed by another key
        bundle = forged(tmp_path, event, kiosk_id="kiosk-1", key=Ed25519PrivateKey.generate())
    assert read_header(bundle).scan_count == 5000
    before = digest(merged)
    code, result, _ = run(capsys, "merge", bundle, "--into", merged, "--event", event.path,
                          "--json")
    assert code == 1
    assert [(r["bundle"], r["reason"]) for r in result["rejected"]] == [(str(bundle), reason)]
    assert result["added"] == 0 and digest(merged) == before


def test_a_signature_lifted_from_a_real_bundle_does_not_fit_a_forged_one(fair, tmp_path, capsys):
    import sqlite3

    event, kiosk, merged = fair
    bundle = forged(tmp_path, event, kiosk_id="kiosk-1")
    real = sqlite3.connect(tmp_path / "k1.bundle")
    signature, fingerprint = real.execute("SELECT signature, signing_key FROM bundle").fetchone()
    real.close()
    conn = sqlite3.connect(bundle)
    conn.execute("UPDATE bundle SET signature = ?, signing_key = ?", (signature, fingerprint))
    conn.commit()
    conn.close()
    code, result, _ = run(capsys, "merge", bundle, "--into", merged, "--event", event.path,
                          "--json")
    assert code == 1 and result["rejected"][0]["reason"] == "bad_signature"


def test_a_signed_bundle_of_a_known_kiosk_merges(fair, tmp_path, capsys):
    event, kiosk, merged = fair
    desk, store = open_desk(kiosk)
    desk.check_in("M-001", at=local(DAYS[0], 12))
    store.close()
    code, out, err = run(capsys, "export", "--kiosk", kiosk.path, "--out", tmp_path / "k1b.bundle",
                         "--json")
    assert code == 0 and out["signed"] is True
    code, result, _ = run(capsys, "merge", tmp_path / "k1b.bundle", "--into", merged,
                          "--event", event.path, "--json")
    assert code == 0 and result["added"] == 1 and not result["rejected"]
