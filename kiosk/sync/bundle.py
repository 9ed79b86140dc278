"""Bundles: one self-checking SQLite file per kiosk, carried to the organiser without a network.

A bundle is an ordinary SQLite database (open it with sqlite-utils or Datasette) holding

- ``bundle``: one row of columns: ``format``, ``kiosk_schema`` (the kiosk database's version),
  ``event_id``, ``event_toml``, ``kiosk_id``, ``venue``, ``gate``, ``role``, ``exported_at``,
  ``scan_count``, ``first_seq``, ``last_seq``, ``walk_in_count``, ``walk_ins_sha256``,
  ``content_sha256``, ``signature`` and ``signing_key``;
- ``bundle_counts``: scans per outcome (``outcome``, ``scans``);
- ``scans``: the kiosk's scan log, ``seq`` (the kiosk's own order) and the log's columns;
- ``walk_ins``: the visitors registered at this kiosk (its own ``WI-<KIOSK>-NNNN`` numbers
  only), with their name, category, company, e-mail and phone.

A kiosk that reissued lost badges (kiosk/services/staff.py) lists them in ``reissues`` (canonical
JSON of ``[attendee_id, issue, token, replaced, at_utc]`` rows, inside the digest and so under
the signature; empty when there are none); `kiosk merge --event` checks each one and carries the
newest issues on.

``walk_ins_sha256`` is the digest of the walk-in rows (computed as for the scans); being
metadata, it is covered by ``content_sha256``, the digest of every other metadata value, the
counts and every scan row (see digest.py), so a bundle that was cut short, edited or damaged is refused before anything is
merged. Anyone can recompute a digest, so ``signature`` is the kiosk's Ed25519 signature over
it (with the kiosk and event ids), by the key `kiosk init` gave that kiosk alone; the event
folder keeps the public halves (``kiosks/KIOSK_ID.pub``), and `kiosk merge --event` refuses a
bundle that is unsigned, badly signed or from a kiosk the event does not know. Bundles are
written to a temporary name and renamed into place, so a half-written file never looks finished.
Format 2 bundles (no walk-ins) and format 1 bundles (metadata as key/value rows, unsigned) are
still read.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Iterable

from kiosk.config import KioskModel
from kiosk.core.errors import KioskError
from kiosk.core.timeutil import to_utc_text, utcnow
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.merged import DerivedDelta
from kiosk.storage.schema import SCAN_COLUMNS
from kiosk.storage.walk_ins import CATEGORY as WALK_IN_CATEGORY, COLUMNS as WALK_IN_COLUMNS, walk_in_prefix
from kiosk.sync.digest import ContentHasher

BUNDLE_FORMAT = 3  # 3: walk-ins (and reissued badges, when there are any)
ROW_COLUMNS = ("seq",) + SCAN_COLUMNS
WALK_IN_ROW = ("seq",) + WALK_IN_COLUMNS
# Format 3 on: the walk-ins the bundle carries (part of the digested metadata).
WALK_IN_META = ("walk_in_count", "walk_ins_sha256")
REQUIRED_META = ("format", "kiosk_schema", "event_id", "event_toml", "kiosk_id", "venue", "gate",
                 "role", "exported_at", "scan_count", "first_seq", "last_seq", "counts",
                 "content_sha256")
# Not part of the digest: the signature over it, and which key made it.
SIGNATURE_FIELDS = ("signature", "signing_key")
INTEGER_META = ("format", "kiosk_schema", "scan_count", "first_seq", "last_seq", "walk_in_count")
BUNDLE_COLUMNS = tuple(k for k in REQUIRED_META if k != "counts") + WALK_IN_META + SIGNATURE_FIELDS
# In the digest when present (older bundles have no such column).
OPTIONAL_META = ("reissues",)
BLOCK_ROWS = 10_000
SIGNATURE_DOMAIN = b"itcn-kiosk-bundle-v2\x00"

BUNDLE_DDL = """
CREATE TABLE bundle (
""" + ",\n".join(f"    {c} {'INTEGER' if c in INTEGER_META else 'TEXT'} NOT NULL"
                  + (" DEFAULT ''" if c in SIGNATURE_FIELDS else "")
                  for c in BUNDLE_COLUMNS) + "".join(f",\n    {c} TEXT NOT NULL DEFAULT ''"
                                                     for c in OPTIONAL_META) + """
);
CREATE TABLE bundle_counts (outcome TEXT PRIMARY KEY, scans INTEGER NOT NULL);
CREATE TABLE scans (
    seq INTEGER PRIMARY KEY,
    scan_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    gate TEXT NOT NULL,
    venue TEXT NOT NULL,
    direction TEXT NOT NULL,
    at_utc TEXT NOT NULL,
    day TEXT NOT NULL,
    code TEXT NOT NULL,
    attendee_id TEXT,
    category TEXT,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    method TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE TABLE walk_ins (
    seq INTEGER PRIMARY KEY,
    attendee_id TEXT NOT NULL UNIQUE,
    kiosk_id TEXT NOT NULL,
    at_utc TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    company TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL
);
"""
assert all(f"    {c} " in BUNDLE_DDL for c in ROW_COLUMNS + WALK_IN_ROW)


class BundleError(KioskError):
    """Why a bundle is refused; ``code`` is a stable word for JSON output."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code

    def __reduce__(self):  # survives the trip back from a checking process
        return (type(self), (self.code, str(self)))


@dataclass
class BundleHeader:
    path: Path
    meta: dict[str, str]
    size: int

    @property
    def event_id(self) -> str:
        return self.meta["event_id"]

    @property
    def kiosk_id(self) -> str:
        return self.meta["kiosk_id"]

    @property
    def scan_count(self) -> int:
        return int(self.meta["scan_count"])

    @property
    def walk_in_count(self) -> int:
        return int(self.meta.get("walk_in_count", "0"))

    @property
    def content_sha256(self) -> str:
        return self.meta["content_sha256"]

    def digest_meta(self) -> dict[str, str]:
        return {k: v for k, v in self.meta.items()
                if k != "content_sha256" and k not in SIGNATURE_FIELDS}


# -- signatures ------------------------------------------------------------------------------
def signed_message(event_id: str, kiosk_id: str, content_sha256: str) -> bytes:
    return (SIGNATURE_DOMAIN + event_id.encode("utf-8") + b"\x00" + kiosk_id.encode("utf-8")
            + b"\x00" + bytes.fromhex(content_sha256))


def key_fingerprint(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


def check_signature(header: BundleHeader, known: dict[str, list[bytes]]) -> None:
    """Raise BundleError unless the bundle is signed by a key the event lists for its kiosk.

    ``known`` maps kiosk ids to their raw Ed25519 public keys (the event folder's kiosks/).
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    path, kiosk_id = header.path, header.kiosk_id
    signature = header.meta.get("signature", "")
    if not signature:
        raise BundleError("unsigned", f"{path} is not signed (written by an older kiosk program, "
                          "or made by hand); its scans cannot be trusted")
    keys = known.get(kiosk_id)
    if not keys:
        raise BundleError("unknown_kiosk", f"{path} says it comes from kiosk {kiosk_id}, which "
                          "this event never provisioned")
    try:
        raw_signature = bytes.fromhex(signature)
        message = signed_message(header.event_id, kiosk_id, header.content_sha256)
    except ValueError:
        raise BundleError("bad_signature", f"{path} has an unreadable signature") from None
    for raw in keys:
        try:
            Ed25519PublicKey.from_public_bytes(raw).verify(raw_signature, message)
            return
        except InvalidSignature:
            continue
    raise BundleError("bad_signature", f"{path} is not signed by kiosk {kiosk_id}'s key: it was "
                      "forged or changed after export")


# -- export --------------------------------------------------------------------------------------
KIOSK_KEY_FILE = "kiosk-key.pem"  # beside kiosk.db (kiosk/organiser/kioskdir.py makes it)


def _own_key(store: KioskStore):
    """The kiosk's key from its folder, if it has one (None: an unsigned bundle)."""
    from cryptography.hazmat.primitives import serialization

    path = Path(store.path).parent / KIOSK_KEY_FILE if store.path else None
    if path is None or not path.exists():
        return None
    try:
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    except ValueError as exc:
        raise KioskError(f"the kiosk's key {path} is damaged: {exc}") from exc


def export_bundle(store: KioskStore, kiosk: KioskModel, out: Path | str,
                  signing_key="own") -> dict:
    """Write the kiosk's whole scan log to ``out`` (a file, or a folder to put one in), signed
    with ``signing_key`` (an Ed25519PrivateKey; by default the kiosk's own, from its folder)."""
    if signing_key == "own":
        signing_key = _own_key(store)
    out = Path(out)
    event_toml = store.get_meta("event_toml")
    event_id = store.get_meta("event_id")
    if not event_toml or not event_id:
        raise KioskError(f"{store.path} holds no event; provision the kiosk with `kiosk init`")
    if event_id != kiosk.event_id:
        raise KioskError(f"kiosk.toml names event {kiosk.event_id} but kiosk.db holds {event_id}")
    exported_at = to_utc_text(utcnow())
    if out.is_dir():
        stamp = exported_at[:19].replace(":", "").replace("-", "")
        out = out / f"{kiosk.kiosk_id}-{stamp}Z.bundle"
    src = store.conn
    src.execute("BEGIN")  # one snapshot of a log that may be growing under a running kiosk
    try:
        schema = src.execute("PRAGMA user_version").fetchone()[0]
        cur = src.execute(f"SELECT {', '.join(ROW_COLUMNS)} FROM scans ORDER BY seq")
        # Only this kiosk's own walk-ins: those pulled from the hub are other kiosks' to vouch for.
        walk_ins = src.execute(
            f"SELECT {', '.join(WALK_IN_ROW)} FROM walk_ins WHERE kiosk_id = ? ORDER BY seq",
            (kiosk.kiosk_id,)).fetchall()
        cur = src.execute(f"SELECT {', '.join(ROW_COLUMNS)} FROM scans ORDER BY seq")
        meta = {"kiosk_schema": str(schema), "event_id": event_id, "event_toml": event_toml,
                "kiosk_id": kiosk.kiosk_id, "venue": kiosk.venue, "gate": kiosk.gate,
                "role": kiosk.role, "exported_at": exported_at}
        if src.execute("SELECT 1 FROM sqlite_master WHERE name = 'kiosk_reissues'").fetchone():
            reissues = [list(r) for r in src.execute(
                "SELECT attendee_id, issue, token, replaced, at_utc FROM kiosk_reissues "
                "ORDER BY seq")]
            if reissues:
                from kiosk.sync.digest import canonical_json

                meta["reissues"] = canonical_json({"rows": reissues})
        return write_bundle(out, meta, iter(lambda: cur.fetchmany(BLOCK_ROWS), []),
                            signing_key=signing_key, walk_ins=walk_ins)
    finally:
        src.execute("COMMIT")


def walk_ins_digest(rows: list[tuple]) -> str:
    hasher = ContentHasher(len(WALK_IN_ROW))
    hasher.update(rows)
    return hasher.hexdigest({"table": "walk_ins", "rows": hasher.rows})


def write_bundle(out: Path, meta: dict[str, str], blocks: Iterable[list[tuple]],
                 signing_key=None, walk_ins: list[tuple] = ()) -> dict:
    """Write rows (``ROW_COLUMNS``, in seq order), walk-ins (``WALK_IN_ROW``) and ``meta`` to a
    new bundle file at ``out``.

    ``meta`` holds the kiosk and event fields; the counts, the digests and (with
    ``signing_key``, the kiosk's Ed25519PrivateKey) the signature are added here.
    """
    walk_ins = [tuple(r) for r in walk_ins]
    out = Path(out)
    if not out.parent.is_dir():
        raise KioskError(f"no folder {out.parent} to write the bundle into")
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a fresh file: the rename is the commit
        conn.execute("PRAGMA synchronous = OFF")
        for statement in BUNDLE_DDL.strip().split(";"):
            if statement.strip():
                conn.execute(statement)
        hasher = ContentHasher(len(ROW_COLUMNS))
        counts: Counter = Counter()
        first_seq = last_seq = None
        insert = (f"INSERT INTO scans ({', '.join(ROW_COLUMNS)}) "
                  f"VALUES ({', '.join('?' * len(ROW_COLUMNS))})")
        outcome = itemgetter(ROW_COLUMNS.index("outcome"))
        conn.execute("BEGIN")
        for rows in blocks:
            if not rows:
                continue
            hasher.update(rows)
            conn.executemany(insert, rows)
            if first_seq is None:
                first_seq = rows[0][0]
            last_seq = rows[-1][0]
            counts.update(map(outcome, rows))
        conn.executemany(f"INSERT INTO walk_ins ({', '.join(WALK_IN_ROW)}) "
                         f"VALUES ({', '.join('?' * len(WALK_IN_ROW))})", walk_ins)
        meta = {
            **meta,
            "format": str(BUNDLE_FORMAT),
            "scan_count": str(hasher.rows),
            "first_seq": str(first_seq or 0),
            "last_seq": str(last_seq or 0),
            "counts": json.dumps(dict(sorted(counts.items())), separators=(",", ":")),
            "walk_in_count": str(len(walk_ins)),
            "walk_ins_sha256": walk_ins_digest(walk_ins),
        }
        missing = [k for k in REQUIRED_META if k not in meta and k != "content_sha256"]
        if missing:
            raise ValueError(f"bundle metadata lacks {', '.join(missing)}")
        meta["content_sha256"] = hasher.hexdigest(meta)
        if signing_key is not None:
            from kiosk.core.tokens import public_raw

            meta["signature"] = signing_key.sign(signed_message(
                meta["event_id"], meta["kiosk_id"], meta["content_sha256"])).hex()
            meta["signing_key"] = key_fingerprint(public_raw(signing_key.public_key()))
        row = {c: (int(meta[c]) if c in INTEGER_META else meta.get(c, ""))
               for c in BUNDLE_COLUMNS + OPTIONAL_META}
        conn.execute(f"INSERT INTO bundle ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                     list(row.values()))
        conn.executemany("INSERT INTO bundle_counts (outcome, scans) VALUES (?, ?)",
                         sorted(counts.items()))
        conn.execute("COMMIT")
        conn.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    return {"bundle": str(out), "kiosk_id": meta["kiosk_id"], "event_id": meta["event_id"],
            "scans": hasher.rows, "counts": dict(sorted(counts.items())),
            "walk_ins": len(walk_ins),
            "content_sha256": meta["content_sha256"], "signed": bool(meta.get("signature")),
            "bytes": out.stat().st_size}


# -- reading ---------------------------------------------------------------------------------
def _uri(path: Path) -> str:
    # immutable: nothing writes a finished bundle; no locks or -wal files next to it (read-only
    # media such as a USB stick work too).
    return f"file:{path.resolve()}?mode=ro&immutable=1"


def open_bundle(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(_uri(path), uri=True, check_same_thread=False)


def attach_uri(path: Path) -> str:
    return _uri(path)


def _check_size(path: Path) -> int:
    """Compare the file's length with the page count in its SQLite header."""
    if path.is_dir():
        raise BundleError("unreadable", f"{path} is a folder, not a bundle")
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise BundleError("missing", f"no bundle at {path}") from None
    except OSError as exc:
        raise BundleError("unreadable", f"cannot read {path}: {exc}") from None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        if size == 0:
            raise BundleError("truncated", f"{path} is empty")
        raise BundleError("not_a_bundle", f"{path} is not a kiosk bundle (not an SQLite file)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    change_counter = int.from_bytes(header[24:28], "big")
    if pages and valid_for == change_counter:
        expected = pages * page_size
        if size < expected:
            raise BundleError("truncated", f"{path} is truncated: {size} bytes of {expected}")
        if size > expected:
            raise BundleError("damaged", f"{path} has {size - expected} bytes after its end")
    elif size % page_size:
        raise BundleError("truncated", f"{path} is truncated (not a whole number of pages)")
    return size


def read_header(path: Path | str, max_bytes: int | None = None) -> BundleHeader:
    """Quick checks (length, metadata) that need not read the scans; a file over ``max_bytes``
    is refused before anything of it is read."""
    path = Path(path)
    if max_bytes is not None:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        if size > max_bytes:
            raise BundleError("too_large", f"{path} is {size:,} bytes, over the limit of "
                              f"{max_bytes:,} (raise it with --max-size if it is genuine)")
    size = _check_size(path)
    try:
        conn = open_bundle(path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"bundle", "scans"} <= tables:
                raise BundleError("not_a_bundle", f"{path} is an SQLite file but not a kiosk bundle")
            meta = _read_meta(conn, path, tables)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BundleError("damaged", f"{path} is damaged ({exc})") from None
    missing = [k for k in REQUIRED_META if k not in meta]
    if missing:
        raise BundleError("tampered", f"{path} lacks bundle fields: {', '.join(missing)}")
    try:
        fmt = int(meta["format"])
        int(meta["scan_count"])
    except ValueError:
        raise BundleError("tampered", f"{path} has unreadable bundle fields") from None
    if fmt > BUNDLE_FORMAT:
        raise BundleError("newer_format", f"{path} was written by a newer kiosk program "
                          f"(bundle format {fmt}); upgrade this one")
    has_walk_ins = [k in meta for k in WALK_IN_META]
    if fmt >= 3 and not all(has_walk_ins):
        raise BundleError("tampered", f"{path} lacks bundle fields: "
                          + ", ".join(k for k in WALK_IN_META if k not in meta))
    if fmt < 3 and any(has_walk_ins):
        raise BundleError("tampered", f"{path} says format {fmt} but carries walk-ins")
    return BundleHeader(path=path, meta=meta, size=size)


def _read_meta(conn: sqlite3.Connection, path: Path, tables: set[str]) -> dict[str, str]:
    """The metadata as text values (what the digest covers), from either format."""
    columns = [r[1] for r in conn.execute("PRAGMA table_info(bundle)")]
    if columns == ["key", "value"]:  # format 1
        return dict(conn.execute("SELECT key, value FROM bundle"))
    missing = [c for c in BUNDLE_COLUMNS if c not in columns and c not in WALK_IN_META]
    if missing or "bundle_counts" not in tables:
        raise BundleError("tampered", f"{path} lacks bundle fields: "
                          f"{', '.join(missing) or 'bundle_counts'}")
    present = [c for c in BUNDLE_COLUMNS if c in columns]  # format 2 has no walk-in fields
    rows = conn.execute(f"SELECT {', '.join(present)} FROM bundle").fetchall()
    if len(rows) != 1:
        raise BundleError("tampered", f"{path} holds {len(rows)} bundle rows instead of one")
    meta = {}
    for column, value in zip(present, rows[0]):
        if value is None:
            raise BundleError("tampered", f"{path} has no {column}")
        if column in INTEGER_META and type(value) is not int:
            raise BundleError("tampered", f"{path} has an unreadable {column}")
        meta[column] = str(value)
    for column in OPTIONAL_META:
        if column in columns:
            value = conn.execute(f"SELECT {column} FROM bundle").fetchone()[0]
            if type(value) is not str:
                raise BundleError("tampered", f"{path} has an unreadable {column}")
            if value:
                meta[column] = value
    counts = {}
    for outcome, n in conn.execute("SELECT outcome, scans FROM bundle_counts ORDER BY outcome"):
        if type(outcome) is not str or type(n) is not int:
            raise BundleError("tampered", f"{path} has unreadable counts")
        counts[outcome] = n
    meta["counts"] = json.dumps(counts, separators=(",", ":"))
    return meta


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)  # hashlib lets other threads run while it digests large blocks
    return digest.hexdigest()


def verify(header: BundleHeader, delta: DerivedDelta | None = None) -> None:
    """Read every row, recompute the digest and the count; raise BundleError when they differ.

    With ``delta``, also adds up what the rows would bring to the derived tables, so that a merge
    of new rows need not read them a second time.
    """
    path = header.path
    hasher = ContentHasher(len(ROW_COLUMNS))
    try:
        conn = open_bundle(path)
        try:
            cur = conn.execute(f"SELECT {', '.join(ROW_COLUMNS)} FROM scans ORDER BY seq")
            while rows := cur.fetchmany(BLOCK_ROWS):
                hasher.update(rows)
                if delta is not None:
                    delta.add(rows)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BundleError("damaged", f"{path} is damaged ({exc})") from None
    except ValueError as exc:
        raise BundleError("tampered", f"{path} holds values a kiosk never writes ({exc})") from None
    if hasher.rows != header.scan_count:
        raise BundleError("tampered", f"{path} holds {hasher.rows} scans but says "
                          f"{header.scan_count}: rows were added or removed")
    if hasher.hexdigest(header.digest_meta()) != header.content_sha256:
        raise BundleError("tampered", f"{path} does not match its SHA-256: it was changed after "
                          "export")
    if "walk_ins_sha256" in header.meta:
        check_walk_ins(header, read_walk_ins(header))


def read_walk_ins(header: BundleHeader) -> list[tuple]:
    """The bundle's walk-in rows (``WALK_IN_ROW``), unchecked; none before format 3."""
    if "walk_ins_sha256" not in header.meta:
        return []
    try:
        conn = open_bundle(header.path)
        try:
            return conn.execute(
                f"SELECT {', '.join(WALK_IN_ROW)} FROM walk_ins ORDER BY seq").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BundleError("damaged", f"{header.path} is damaged ({exc})") from None


def check_walk_ins(header: BundleHeader, rows: list[tuple]) -> None:
    """The walk-ins must be those the kiosk signed for, and numbers it may issue."""
    path = header.path
    if len(rows) != header.walk_in_count:
        raise BundleError("tampered", f"{path} holds {len(rows)} walk-ins but says "
                          f"{header.walk_in_count}: rows were added or removed")
    try:
        digest = walk_ins_digest(rows)
    except ValueError as exc:
        raise BundleError("tampered", f"{path} holds values a kiosk never writes ({exc})") from None
    if digest != header.meta["walk_ins_sha256"]:
        raise BundleError("tampered", f"{path}'s walk-ins do not match their SHA-256: they were "
                          "changed after export")
    prefix = walk_in_prefix(header.kiosk_id)
    kiosk_at, id_at = WALK_IN_ROW.index("kiosk_id"), WALK_IN_ROW.index("attendee_id")
    category_at = WALK_IN_ROW.index("category")
    for row in rows:
        if row[kiosk_at] != header.kiosk_id or not str(row[id_at]).upper().startswith(prefix):
            raise BundleError("tampered", f"{path} carries walk-in {row[id_at]!r}, which kiosk "
                              f"{header.kiosk_id} cannot have issued")
        if row[category_at] != WALK_IN_CATEGORY:  # a kiosk registers visitors, nothing more
            raise BundleError("tampered", f"{path} carries walk-in {row[id_at]!r} as "
                              f"{row[category_at]!r}; a kiosk registers only visitors")


def bundle_reissues(header: BundleHeader) -> list[dict]:
    """The badges the bundle's kiosk reissued: dicts of attendee_id, issue, token, replaced,
    at_utc (empty for a bundle without any)."""
    text = header.meta.get("reissues")
    if not text:
        return []
    try:
        rows = json.loads(text)["rows"]
        return [dict(zip(("attendee_id", "issue", "token", "replaced", "at_utc"), r, strict=True))
                for r in rows]
    except (ValueError, KeyError, TypeError):
        raise BundleError("tampered", f"{header.path} has an unreadable list of reissued "
                          "badges") from None
