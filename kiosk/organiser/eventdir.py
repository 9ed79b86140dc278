"""The organiser's event folder: event.toml, event.db (roster, revocations), signing keys.

    EVENT/event.toml        name, dates, venues, hours, category rules, current signing key
    EVENT/event.db          roster and revocation list (SQLite)
    EVENT/keys/KID.pub      public keys (hex), all of them kept for verification after rotation
    EVENT/keys/KID.key      private keys (PEM, mode 0600); they never leave this folder
    EVENT/kiosks/ID.pub     each provisioned kiosk's public key(s) (hex, one a line): a bundle
                            or push is believed only when signed by one of them
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.config import EventModel, dump, event_from_dict, load_event, write_atomic
from kiosk.core.errors import KioskError
from kiosk.core.event import EventRules
from kiosk.core.tokens import TokenVerifier, key_id_for, public_from_raw, public_raw
from kiosk.storage.event_store import EventStore

EVENT_TOML = "event.toml"
EVENT_DB = "event.db"
KEYS = "keys"
KIOSKS = "kiosks"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "event"


@dataclass
class EventFolder:
    path: Path
    model: EventModel

    # -- creating and opening ------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, *, name: str, days: list[date], venues: list[str],
               hours: str = "10:00-18:00", **extra) -> "EventFolder":
        path = Path(path)
        if (path / EVENT_TOML).exists():
            raise KioskError(f"{path} already holds an event; choose another folder")
        # A random part: two events with the same name and first day (a rehearsal and the
        # real one) never accept each other's badges, bundles or kiosks.
        import secrets

        event_id = f"{slug(name)}-{days[0]:%Y%m%d}-{secrets.token_hex(3)}"
        model = event_from_dict({
            "id": event_id, "name": name, "days": days, "venues": venues,
            "hours": {"default": hours}, **extra,
        }, "new event")
        path.mkdir(parents=True, exist_ok=True)
        (path / KEYS).mkdir(exist_ok=True)
        folder = cls(path, model)
        kid = folder._new_key()
        folder.model = model.model_copy(update={"signing_key": kid})
        folder.save()
        EventStore.open(path / EVENT_DB, create=True).close()
        return folder

    @classmethod
    def open(cls, path: Path | str) -> "EventFolder":
        path = Path(path)
        if not path.is_dir():
            raise KioskError(f"no event folder at {path}")
        return cls(path, load_event(path / EVENT_TOML))

    def save(self) -> None:
        write_atomic(self.path / EVENT_TOML, dump(self.model))

    @property
    def rules(self) -> EventRules:
        return self.model.rules()

    def store(self) -> EventStore:
        return EventStore.open(self.path / EVENT_DB, create=True)

    # -- keys -----------------------------------------------------------------------------
    def _new_key(self) -> str:
        keys_dir = self.path / KEYS
        keys_dir.mkdir(exist_ok=True)
        existing = set(self.public_keys())
        while True:
            private = Ed25519PrivateKey.generate()
            kid = key_id_for(private.public_key())
            if kid not in existing:
                break
        name = f"{kid:04x}"
        pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())
        key_path = keys_dir / f"{name}.key"
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        os.chmod(key_path, 0o600)
        write_atomic(keys_dir / f"{name}.pub", public_raw(private.public_key()).hex() + "\n")
        return name

    def rotate_key(self) -> str:
        """A new signing key; the old public keys stay valid so printed badges keep working."""
        kid = self._new_key()
        self.model = self.model.model_copy(update={"signing_key": kid})
        self.save()
        return kid

    def public_keys(self) -> dict[int, Ed25519PublicKey]:
        keys = {}
        for pub in sorted((self.path / KEYS).glob("*.pub")):
            try:
                raw = bytes.fromhex(pub.read_text().strip())
                key = public_from_raw(raw)
            except ValueError as exc:
                raise KioskError(f"public key {pub} is damaged: {exc}") from exc
            keys[key_id_for(key)] = key
        return keys

    def public_keys_raw(self) -> dict[int, bytes]:
        return {kid: public_raw(key) for kid, key in self.public_keys().items()}

    def contact_key(self):
        """The key (HMAC-SHA256) kiosks hash e-mails and phone numbers with: made once, here
        (keys/contacts.hmac, mode 0600), and copied to each kiosk by `kiosk init`."""
        import secrets

        path = self.path / KEYS / "contacts.hmac"
        if not path.exists():
            path.parent.mkdir(exist_ok=True)
            write_atomic(path, secrets.token_hex(32) + "\n", mode=0o600)
        return read_contact_key(path)

    # -- kiosks' keys --------------------------------------------------------------------------
    def record_kiosk_key(self, kiosk_id: str, raw: bytes) -> None:
        """Remember a kiosk's public key (kept alongside any earlier key of the same kiosk id,
        so bundles from an earlier provisioning still verify)."""
        folder = self.path / KIOSKS
        folder.mkdir(exist_ok=True)
        path = folder / f"{kiosk_id}.pub"
        lines = path.read_text().split() if path.exists() else []
        if raw.hex() not in lines:
            write_atomic(path, "\n".join([*lines, raw.hex()]) + "\n")

    def kiosk_keys(self) -> dict[str, list[bytes]]:
        """Kiosk id -> raw Ed25519 public keys of every kiosk this event provisioned."""
        keys: dict[str, list[bytes]] = {}
        for path in sorted((self.path / KIOSKS).glob("*.pub")):
            try:
                keys[path.stem] = [bytes.fromhex(line) for line in path.read_text().split()]
                for raw in keys[path.stem]:
                    public_from_raw(raw)
            except ValueError as exc:
                raise KioskError(f"kiosk key {path} is damaged: {exc}") from exc
        return keys

    def verifier(self) -> TokenVerifier:
        """The organiser's keys, and the event's kiosks' for badges reissued at a kiosk."""
        return TokenVerifier(self.model.id, self.public_keys(),
                             kiosk_keys=[(k, public_from_raw(raw))
                                         for k, raws in self.kiosk_keys().items() for raw in raws])

    def signing_key(self) -> tuple[int, Ed25519PrivateKey]:
        name = self.model.signing_key
        key_path = self.path / KEYS / f"{name}.key"
        if not name or not key_path.exists():
            raise KioskError(f"the event's signing key {name or '(none)'} is missing from "
                             f"{self.path / KEYS}; badges cannot be issued from this copy")
        mode = stat.S_IMODE(key_path.stat().st_mode)
        if mode & 0o077:
            raise KioskError(f"{key_path} can be read by others (mode {mode:o}); "
                             f"run: chmod 600 {key_path}")
        private = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        if not isinstance(private, Ed25519PrivateKey):
            raise KioskError(f"{key_path} is not an Ed25519 key")
        return key_id_for(private.public_key()), private


def read_contact_key(path: Path):
    from kiosk.storage.contact_lookup import ContactKey

    if not path.exists():
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise KioskError(f"{path} can be read by others (mode {mode:o}); run: chmod 600 {path}")
    try:
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (ValueError, UnicodeDecodeError):
        secret = b""
    if len(secret) < 32:
        raise KioskError(f"the contact key {path} is damaged; run `kiosk init` again")
    return ContactKey(secret)
