"""A kiosk folder: kiosk.toml and kiosk.db (roster copy, public keys, scan log).

    KIOSK/kiosk.toml     kiosk id, venue, gate, role, map anchor, camera, languages, PIN hash, hub
    KIOSK/kiosk.db       SQLite (WAL): event rules, roster, public keys, revocations, scan log
    KIOSK/exhibitors/    this edition's exhibitors, copied from the event with the roster
    KIOSK/kiosk-key.pem  this kiosk's own Ed25519 key (mode 0600), which signs its bundles; the
                         public half is in the event folder (kiosks/ID.pub)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import KioskModel, dump, kiosk_from_dict, load_kiosk, parse_event, write_atomic
from kiosk.core.desk import CheckInDesk
from kiosk.core.errors import KioskError
from kiosk.core.event import EventRules
from kiosk.core.tokens import TokenVerifier, public_from_raw
from kiosk.organiser.eventdir import EVENT_DB, EVENT_TOML, EventFolder, read_contact_key
from kiosk.storage.kiosk_store import KioskStore

KIOSK_TOML = "kiosk.toml"
KIOSK_DB = "kiosk.db"
KIOSK_KEY = "kiosk-key.pem"
HUB_PASSFILE = "hub.pgpass"  # the hub password, libpq's password-file format, mode 0600
EXHIBITORS = "exhibitors"
CONTACT_KEY = "contacts.hmac"  # the event's contact key (mode 0600): e-mails and phones as hashes


@dataclass
class KioskFolder:
    path: Path
    model: KioskModel

    @classmethod
    def open(cls, path: Path | str) -> "KioskFolder":
        path = Path(path)
        if not path.is_dir():
            raise KioskError(f"no kiosk folder at {path}; provision one with `kiosk init`")
        model = load_kiosk(path / KIOSK_TOML)
        passfile = path / HUB_PASSFILE
        if model.hub_url and passfile.exists():
            from kiosk.core.pgurl import with_passfile

            # The password stays in its own file; libpq reads it from there when connecting.
            model = model.model_copy(update={"hub_url": with_passfile(model.hub_url,
                                                                      passfile.resolve())})
        return cls(path, model)

    @property
    def db_path(self) -> Path:
        return self.path / KIOSK_DB

    def open_store(self, readonly: bool = False, one_owner: bool = False) -> KioskStore:
        store = KioskStore.open(self.db_path, readonly=readonly, one_owner=one_owner)
        try:
            store.contact_key = self.contact_key()
        except BaseException:
            store.close()
            raise
        return store

    def contact_key(self):
        """The event's contact key copied here by `kiosk init` (None: a folder from before)."""
        return read_contact_key(self.path / CONTACT_KEY)

    def save(self) -> None:
        from kiosk.core.pgurl import without_passfile

        stored = self.model.model_copy(update={"hub_url": without_passfile(self.model.hub_url)})
        write_atomic(self.path / KIOSK_TOML, dump(stored), mode=0o600)

    def save_hub_password(self, url: str, password: str | None) -> None:
        """Keep the hub password out of kiosk.toml: in hub.pgpass (mode 0600), or nowhere."""
        from kiosk.core.pgurl import passfile_line

        path = self.path / HUB_PASSFILE
        if password is None:
            path.unlink(missing_ok=True)
            return
        write_atomic(path, passfile_line(url, password), mode=0o600)

    def signing_key(self):
        """The kiosk's own Ed25519 private key, or None for a folder provisioned before kiosks
        had one (`kiosk init` again gives it one)."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        path = self.path / KIOSK_KEY
        if not path.exists():
            return None
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise KioskError(f"{path} can be read by others (mode {mode:o}); run: chmod 600 {path}")
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except ValueError as exc:
            raise KioskError(f"the kiosk's key {path} is damaged: {exc}") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise KioskError(f"{path} is not an Ed25519 key")
        return key

    def update(self, **changes) -> None:
        self.model = kiosk_from_dict({**self.model.model_dump(), **changes}, str(self.path))
        self.save()


def load_event_model(store: KioskStore):
    text = store.get_meta("event_toml")
    if not text:
        raise KioskError(f"{store.path} holds no event; provision the kiosk with `kiosk init`")
    return parse_event(text, f"the event copy in {store.path}")


def load_rules(store: KioskStore) -> EventRules:
    return load_event_model(store).rules()


def load_verifier(store: KioskStore, rules: EventRules) -> TokenVerifier:
    from kiosk.storage.roster import kiosk_keys

    return TokenVerifier(rules.event_id, {kid: public_from_raw(raw)
                                          for kid, raw in store.public_keys().items()},
                         # read when a badge needs them: the hub brings kiosks provisioned later
                         kiosk_keys=lambda: [(k, public_from_raw(raw))
                                             for k, raw in kiosk_keys(store.conn)])


def build_desk(folder: KioskFolder, store: KioskStore, **kwargs) -> CheckInDesk:
    rules = load_rules(store)
    if rules.event_id != folder.model.event_id:
        raise KioskError(f"{folder.path}: kiosk.toml names event {folder.model.event_id} but "
                         f"kiosk.db holds {rules.event_id}; provision the kiosk again")
    for field in ("kiosk_id", "venue"):
        held = store.get_meta(field)
        if held and held != getattr(folder.model, field):
            raise KioskError(f"{folder.path}: kiosk.toml says {field} {getattr(folder.model, field)}"
                             f" but kiosk.db belongs to {field} {held}; put back the right "
                             "kiosk.toml or provision the kiosk again")
    try:
        store.set_zone(rules.timezone, rules.days)  # a kiosk provisioned before schema 4
    except sqlite3.OperationalError:  # read-only: its counters stay as they are
        pass
    from kiosk.tickets.pretix import META_KEY, PretixSig1

    kwargs.setdefault("tickets", PretixSig1.from_config(store.get_meta(META_KEY)))
    return CheckInDesk(event=rules, kiosk=folder.model.identity(), store=store,
                       verifier=load_verifier(store, rules), **kwargs)


def ensure_kiosk_key(path: Path):
    """The kiosk's key: made once, private half only here (mode 0600)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key_path = path / KIOSK_KEY
    if key_path.exists():
        return KioskFolder(path, None).signing_key()  # type: ignore[arg-type]
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    tmp = key_path.with_name(key_path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, key_path)
    return key


def init_kiosk(path: Path, event: EventFolder, *, kiosk_id: str, venue: str, gate: str = "",
               role: str = "entry", anchor: str = "", full_roster: bool = False) -> dict:
    """Provision a kiosk folder, or refresh an existing one's roster and keys (its log stays).

    The roster's e-mail addresses and phone numbers reach the kiosk only as keyed hashes (the
    event's contact key is copied alongside, mode 0600), unless ``full_roster``."""
    path = Path(path)
    rules = event.rules
    if venue not in rules.venues:
        raise KioskError(f"venue {venue!r} is not a venue of {rules.name} "
                         f"({', '.join(rules.venues)})")
    toml_path = path / KIOSK_TOML
    if toml_path.exists():
        current = load_kiosk(toml_path)
        if current.kiosk_id != kiosk_id or current.event_id != rules.event_id:
            raise KioskError(
                f"{path} is already kiosk {current.kiosk_id} of event {current.event_id}; "
                "use another folder (its scan log is kept)")
        data = current.model_dump()
    else:
        data = {}
    data.update(kiosk_id=kiosk_id, event_id=rules.event_id, venue=venue, role=role)
    if gate:
        data["gate"] = gate
    if anchor:
        data["anchor"] = anchor
    model = kiosk_from_dict(data, "kiosk settings")
    path.mkdir(parents=True, exist_ok=True)

    from kiosk.tickets.pretix import META_KEY as PRETIX_KEY

    with event.store() as estore:
        estore.checkpoint()
        pretix = estore.get_meta(PRETIX_KEY, "")  # the event's pretix public keys, if any
    with KioskStore.open(path / KIOSK_DB, create=True) as store:
        store.set_meta({
            "event_toml": (event.path / EVENT_TOML).read_text(encoding="utf-8"),
            "event_id": rules.event_id,
            "kiosk_id": model.kiosk_id,
            "venue": model.venue,
            PRETIX_KEY: pretix,
        })
        store.set_zone(rules.timezone, rules.days)
        store.replace_public_keys(event.public_keys_raw())
        contact_key = event.contact_key()
        write_atomic(path / CONTACT_KEY, contact_key.secret.hex() + "\n", mode=0o600)
        store.contact_key = contact_key
        attendees = store.copy_roster_from(event.path / EVENT_DB,
                                           contact_key=None if full_roster else contact_key)
        keys = len(store.public_keys())
    exhibitors = event.path / EXHIBITORS
    if exhibitors.is_dir():
        shutil.copytree(exhibitors, path / EXHIBITORS, dirs_exist_ok=True)
    from kiosk.core.tokens import public_raw

    event.record_kiosk_key(model.kiosk_id, public_raw(ensure_kiosk_key(path).public_key()))
    from kiosk.storage.roster import replace_kiosk_keys

    with KioskStore.open(path / KIOSK_DB) as store:  # every kiosk's key, this one's included
        replace_kiosk_keys(store.conn, [(k, raw) for k, raws in event.kiosk_keys().items()
                                        for raw in raws])
    write_atomic(toml_path, dump(model), mode=0o600)
    leaked = list(path.rglob("*.key"))
    if leaked:  # belt and braces: a private key must never reach a kiosk
        for item in leaked:
            item.unlink()
        raise KioskError("a private key was found in the kiosk folder and removed")
    return {"kiosk": str(path), "kiosk_id": model.kiosk_id, "event_id": rules.event_id,
            "venue": model.venue, "gate": model.gate, "role": model.role,
            "attendees": attendees, "public_keys": keys,
            "contacts": "full" if full_roster else "hashed"}
