"""The live hub: one PostgreSQL database that every kiosk on the network pushes to (psycopg 3).

Schema (``HUB_MIGRATIONS``, applied by ``kiosk hub init URL`` under an advisory lock, so two
kiosks starting together cannot race):

- ``hub_meta``: ``hub_id`` (made once, so a kiosk notices a hub rebuilt at the same address),
  ``schema_version``, ``event_id`` and ``event_toml`` (bound by the first publish or push);
- ``scans``: every kiosk's scan log, keyed by scan id, so pushing is idempotent;
- ``attendees`` and ``revocations``: the roster and block list going back out to the kiosks;
- ``kiosks``: who pushed what and when, for the organiser's overview;
- ``walk_ins``: visitors registered at a kiosk, keyed by the kiosk's own number
  (``WI-<KIOSK>-NNNN``, checked against the kiosk that pushes it), so pushing is idempotent;
  every other kiosk pulls them with the roster changes, so the walk-in's plain-id QR works at
  every gate.

Rows that kiosks pull carry ``txid``, the id of the transaction that wrote them. A reader notes
``pg_snapshot_xmin`` (every transaction below it has finished) and next time asks for
``txid >= that``: no committed row is ever skipped, whatever order transactions commit in, and
a few rows may come twice (applying them again changes nothing). Statement triggers send
``NOTIFY kiosk_hub`` so listening kiosks pull within moments.

Every method does its network I/O with short timeouts and raises HubError (one line, the URL's
password hidden) when the hub cannot be reached; callers decide whether to retry.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

import psycopg
from psycopg import sql

from kiosk.config import KioskModel
from kiosk.core.errors import KioskError
from kiosk.storage.outbox import PendingBatch, PulledChanges
from kiosk.core.pgurl import (  # noqa: F401  (re-exported for the commands)
    has_password,
    passfile_line,
    split_password,
    with_passfile,
    without_passfile,
)
from kiosk.storage.roster import KIOSK_SOURCE, merge_revocation_where
from kiosk.storage.schema import ROSTER_COLUMNS, SCAN_COLUMNS
from kiosk.storage.walk_ins import COLUMNS as WALK_IN_COLUMNS, walk_in_prefix

CHANNEL = "kiosk_hub"
_UTC_TEXT = """to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""

HUB_MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE scans (
    scan_id text PRIMARY KEY,
    kiosk_id text NOT NULL,
    gate text NOT NULL DEFAULT '',
    venue text NOT NULL DEFAULT '',
    direction text NOT NULL CHECK (direction IN ('in', 'out')),
    at timestamptz NOT NULL,
    day date NOT NULL,
    code text NOT NULL,
    attendee_id text,
    category text,
    outcome text NOT NULL,
    reason text NOT NULL DEFAULT '',
    method text NOT NULL DEFAULT '',
    note text NOT NULL DEFAULT '',
    kiosk_seq bigint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX scans_day_at ON scans (day, at);
CREATE INDEX scans_txid ON scans (txid);

CREATE TABLE kiosks (
    kiosk_id text PRIMARY KEY,
    venue text NOT NULL DEFAULT '',
    gate text NOT NULL DEFAULT '',
    role text NOT NULL DEFAULT '',
    pushed_seq bigint NOT NULL DEFAULT 0,
    scans bigint NOT NULL DEFAULT 0,
    first_push_at timestamptz NOT NULL DEFAULT now(),
    last_push_at timestamptz NOT NULL DEFAULT now(),
    last_scan_at timestamptz
);

CREATE TABLE attendees (
    id text PRIMARY KEY,
    name text NOT NULL,
    category text NOT NULL,
    company text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    days text,
    venues text,
    name_ur text NOT NULL DEFAULT '',
    name_zh text NOT NULL DEFAULT '',
    updated_at text NOT NULL DEFAULT '',
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX attendees_txid ON attendees (txid);

CREATE TABLE revocations (
    key text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('id', 'token')),
    label text NOT NULL DEFAULT '',
    reason text NOT NULL DEFAULT '',
    active integer NOT NULL DEFAULT 1,
    updated_at text NOT NULL,
    source text NOT NULL DEFAULT '',
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX revocations_txid ON revocations (txid);

CREATE FUNCTION kiosk_hub_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kiosk_hub', TG_ARGV[0]);
    RETURN NULL;
END $$;
CREATE TRIGGER scans_notify AFTER INSERT ON scans
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_hub_notify('scans');
CREATE TRIGGER attendees_notify AFTER INSERT OR UPDATE ON attendees
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_hub_notify('roster');
CREATE TRIGGER revocations_notify AFTER INSERT OR UPDATE ON revocations
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_hub_notify('roster');
"""),
    # The event's kiosks and their public keys (`kiosk hub publish`): once the organiser has
    # published them, the hub itself refuses scans from any other kiosk id.
    (2, """
CREATE TABLE kiosk_keys (
    kiosk_id text NOT NULL,
    public_key text NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kiosk_id, public_key)
);
CREATE FUNCTION kiosk_hub_known_kiosk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM kiosk_keys)
       AND NOT EXISTS (SELECT 1 FROM kiosk_keys WHERE kiosk_id = NEW.kiosk_id) THEN
        RAISE EXCEPTION 'kiosk % is not one of this event''s kiosks', NEW.kiosk_id
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'provision it with kiosk init, then kiosk hub publish';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER scans_known_kiosk BEFORE INSERT ON scans
    FOR EACH ROW EXECUTE FUNCTION kiosk_hub_known_kiosk();
CREATE TRIGGER kiosks_known_kiosk BEFORE INSERT OR UPDATE ON kiosks
    FOR EACH ROW EXECUTE FUNCTION kiosk_hub_known_kiosk();
"""),
    # Walk-ins registered at the kiosks (kiosk/storage/walk_ins.py), going out to the others.
    (3, """
CREATE TABLE walk_ins (
    attendee_id text PRIMARY KEY,
    kiosk_id text NOT NULL,
    at_utc text NOT NULL,
    name text NOT NULL,
    category text NOT NULL,
    company text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    kiosk_seq bigint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT walk_ins_number_of_its_kiosk
        CHECK (starts_with(upper(attendee_id), 'WI-' || upper(kiosk_id) || '-')),
    CONSTRAINT walk_ins_are_visitors CHECK (category = 'visitor')
);
CREATE INDEX walk_ins_txid ON walk_ins (txid);
CREATE TRIGGER walk_ins_known_kiosk BEFORE INSERT OR UPDATE ON walk_ins
    FOR EACH ROW EXECUTE FUNCTION kiosk_hub_known_kiosk();
CREATE TRIGGER walk_ins_notify AFTER INSERT ON walk_ins
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_hub_notify('roster');
"""),
    # Each kiosk's health as it last reported it (`HubClient.report_health`): scans still in its
    # outbox, its camera and its badge printer, and when it last spoke to the hub; a kiosk that
    # has reported but never pushed a scan has no last push. A change of camera or printer state
    # is announced at once, so the web dashboard shows it within moments.
    (4, """
ALTER TABLE kiosks ALTER COLUMN last_push_at DROP NOT NULL;
ALTER TABLE kiosks ADD COLUMN pending bigint;
ALTER TABLE kiosks ADD COLUMN camera text;
ALTER TABLE kiosks ADD COLUMN printer text;
ALTER TABLE kiosks ADD COLUMN last_contact_at timestamptz;
ALTER TABLE kiosks ADD COLUMN health_at timestamptz;
CREATE TRIGGER kiosks_health_notify AFTER UPDATE ON kiosks FOR EACH ROW
    WHEN (OLD.camera IS DISTINCT FROM NEW.camera OR OLD.printer IS DISTINCT FROM NEW.printer)
    EXECUTE FUNCTION kiosk_hub_notify('kiosks');
CREATE TRIGGER kiosks_new_notify AFTER INSERT ON kiosks
    FOR EACH STATEMENT EXECUTE FUNCTION kiosk_hub_notify('kiosks');
"""),
]
HUB_SCHEMA = max(v for v, _ in HUB_MIGRATIONS)

_PUSH_COLUMNS = SCAN_COLUMNS + ("kiosk_seq",)
_SCAN_SELECT = ", ".join(
    _UTC_TEXT.format("at") + " AS at_utc" if c == "at_utc" else
    "day::text AS day" if c == "day" else c for c in SCAN_COLUMNS)
_REVOCATION_COLUMNS = ("key", "kind", "label", "reason", "active", "updated_at", "source")


class HubError(KioskError):
    """The hub cannot be reached or refused the request; the message is one line."""


def check_url(url: str) -> str:
    url = (url or "").strip()
    if not re.match(r"^postgres(ql)?://", url):
        raise KioskError(f"a hub URL looks like postgresql://user@host:5432/dbname, not {url!r}")
    return url


def redact(url: str) -> str:
    """The URL with any password hidden, for messages and status screens."""
    return without_passfile(re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url))


def _roster_value(row: dict, column: str):
    value = row.get(column)
    if value is None and column not in ("days", "venues"):  # NULL there means "all"
        return ""
    return value


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


@dataclass
class HubInfo:
    hub_id: str
    schema_version: int
    event_id: str
    event_toml: str


@dataclass
class KioskInfo:
    """What the hub records about the kiosk pushing."""

    kiosk_id: str
    event_id: str
    event_toml: str = ""
    venue: str = ""
    gate: str = ""
    role: str = ""

    @classmethod
    def from_model(cls, model: KioskModel, event_toml: str) -> "KioskInfo":
        """From kiosk.toml and the event copy in kiosk.db (``meta.event_toml``)."""
        return cls(kiosk_id=model.kiosk_id, event_id=model.event_id, event_toml=event_toml,
                   venue=model.venue, gate=model.gate, role=model.role)


@dataclass
class EntryRow:
    """One attendee's entries and exits on one day at other kiosks, for anti-passback."""

    day: str
    attendee_id: str
    first_in_at: datetime | None
    last_in_at: datetime | None
    last_out_at: datetime | None
    entries: int


@dataclass
class PushResult:
    sent: int = 0
    inserted: int = 0
    walk_ins_sent: int = 0
    walk_ins_inserted: int = 0


@dataclass
class PublishResult:
    attendees_changed: int = 0
    revocations_changed: int = 0
    kiosks: int = 0
    event_id: str = ""


@dataclass
class KioskStatus:
    kiosk_id: str
    venue: str
    gate: str
    role: str
    pushed_seq: int
    scans: int
    last_push_at: str | None
    last_scan_at: str | None
    pending: int | None = None        # scans in its outbox when it last reported
    camera: str | None = None         # kiosk.core.health codes; None: never reported
    printer: str | None = None
    last_contact_at: str | None = None
    health_at: str | None = None      # when camera and printer were last reported


class HubClient:
    """One connection to the hub; used by one thread at a time."""

    def __init__(self, conn: psycopg.Connection, url: str):
        self.conn = conn
        self.url = url
        self._staging = False

    @classmethod
    def connect(cls, url: str, *, timeout: float = 5.0, statement_timeout: float = 60.0,
                application: str = "kiosk") -> "HubClient":
        url = check_url(url)
        try:
            conn = psycopg.connect(
                url, autocommit=True, connect_timeout=max(1, int(timeout)),
                application_name=application[:60],
                # A hub that vanishes mid-push is noticed in seconds rather than minutes.
                keepalives=1, keepalives_idle=10, keepalives_interval=3, keepalives_count=3,
                tcp_user_timeout=int(timeout * 2000),
                options=f"-c statement_timeout={int(statement_timeout * 1000)}")
        except psycopg.Error as exc:
            raise HubError(f"cannot reach the hub at {redact(url)}: {_first_line(exc)}") from None
        return cls(conn, url)

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # closing a connection the network already dropped
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def closed(self) -> bool:
        return self.conn.closed

    def fileno(self) -> int:
        try:
            return self.conn.fileno()
        except psycopg.Error as exc:
            raise self._fail(exc, "waiting") from None

    def _fail(self, exc: BaseException, doing: str) -> HubError:
        return HubError(f"hub {redact(self.url)}: {doing} failed: {_first_line(exc)}")

    # -- schema ------------------------------------------------------------------------------
    def init_schema(self) -> dict:
        """Create or migrate the hub's tables; safe to run again and from several places."""
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(hashtext('kiosk-hub-schema'))")
                self.conn.execute("CREATE TABLE IF NOT EXISTS hub_meta "
                                  "(key text PRIMARY KEY, value text NOT NULL)")
                meta = dict(self.conn.execute("SELECT key, value FROM hub_meta").fetchall())
                current = int(meta.get("schema_version", "0"))
                if current > HUB_SCHEMA:
                    raise HubError(f"the hub has schema version {current}, newer than this "
                                   f"program knows ({HUB_SCHEMA}); upgrade the kiosk software")
                applied = []
                for version, script in HUB_MIGRATIONS:
                    if version > current:
                        self.conn.execute(script)
                        applied.append(version)
                hub_id = meta.get("hub_id") or str(uuid.uuid4())
                self._set_meta({"schema_version": str(HUB_SCHEMA), "hub_id": hub_id})
        except HubError:
            raise
        except psycopg.Error as exc:
            raise self._fail(exc, "creating the schema") from None
        return {"hub": redact(self.url), "hub_id": hub_id, "schema_version": HUB_SCHEMA,
                "migrations_applied": applied}

    def _set_meta(self, values: dict[str, str]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO hub_meta (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(values.items()))

    def info(self) -> HubInfo:
        try:
            exists = self.conn.execute("SELECT to_regclass('hub_meta') IS NOT NULL").fetchone()[0]
            meta = dict(self.conn.execute("SELECT key, value FROM hub_meta").fetchall()) if exists else {}
        except psycopg.Error as exc:
            raise self._fail(exc, "reading its settings") from None
        if "hub_id" not in meta:
            raise HubError(f"{redact(self.url)} is not a kiosk hub yet; run: kiosk hub init URL")
        version = int(meta.get("schema_version", "0"))
        if version > HUB_SCHEMA:
            raise HubError(f"the hub has schema version {version}, newer than this program knows "
                           f"({HUB_SCHEMA}); upgrade the kiosk software")
        if version < HUB_SCHEMA:
            raise HubError(f"the hub has an older schema ({version}); run: kiosk hub init URL")
        return HubInfo(hub_id=meta["hub_id"], schema_version=version,
                       event_id=meta.get("event_id", ""), event_toml=meta.get("event_toml", ""))

    def bind_event(self, event_id: str, event_toml: str, *, replace_toml: bool = False) -> HubInfo:
        """Tie the hub to one event (first come), or refuse another event's kiosk or roster."""
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(hashtext('kiosk-hub-event'))")
                info = self.info()
                if info.event_id and info.event_id != event_id:
                    raise HubError(f"the hub at {redact(self.url)} belongs to event "
                                   f"{info.event_id}, not {event_id}")
                values = {}
                if not info.event_id:
                    values["event_id"] = event_id
                if event_toml and (replace_toml or not info.event_toml):
                    values["event_toml"] = event_toml
                if values:
                    self._set_meta(values)
                    info = self.info()
                return info
        except HubError:
            raise
        except psycopg.Error as exc:
            raise self._fail(exc, "binding the event") from None

    # -- pushing -----------------------------------------------------------------------------
    def push(self, kiosk: KioskInfo, batch: PendingBatch) -> PushResult:
        """Send a batch of scans (and changed revocations) in one transaction; idempotent."""
        result = PushResult(sent=len(batch.scans))
        try:
            with self.conn.transaction():
                if batch.scans:
                    result.inserted = self._copy_scans(batch.scans)
                    last_at = max(row[SCAN_COLUMNS.index("at_utc") + 1] for row in batch.scans)
                    self.conn.execute(
                        "INSERT INTO kiosks (kiosk_id, venue, gate, role, pushed_seq, scans, "
                        "last_scan_at) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                        "ON CONFLICT (kiosk_id) DO UPDATE SET venue = excluded.venue, "
                        "gate = excluded.gate, role = excluded.role, "
                        "pushed_seq = greatest(kiosks.pushed_seq, excluded.pushed_seq), "
                        "scans = kiosks.scans + excluded.scans, last_push_at = now(), "
                        "last_scan_at = greatest(kiosks.last_scan_at, excluded.last_scan_at)",
                        (kiosk.kiosk_id, kiosk.venue, kiosk.gate, kiosk.role, batch.last_seq,
                         result.inserted, last_at))
                # A kiosk speaks only for its own staff's blocks (its copies of the organiser's
                # rows are not its to change), and never lifts an organiser's block.
                own = [r for r in batch.revocations
                       if r.get("source") == KIOSK_SOURCE.format(kiosk.kiosk_id)]
                if own:
                    self._upsert_revocations(own)
                # Its own walk-ins only (those it pulled are other kiosks' to vouch for).
                walk_ins = [w for w in batch.walk_ins if w["kiosk_id"] == kiosk.kiosk_id]
                if walk_ins:
                    result.walk_ins_sent = len(walk_ins)
                    result.walk_ins_inserted = self._insert_walk_ins(kiosk.kiosk_id, walk_ins)
        except psycopg.errors.CheckViolation as exc:
            raise HubError(f"hub {redact(self.url)} refused a walk-in: {_first_line(exc)}") from None
        except psycopg.Error as exc:
            raise self._fail(exc, "pushing scans") from None
        return result

    def _insert_walk_ins(self, kiosk_id: str, rows: list[dict]) -> int:
        prefix = walk_in_prefix(kiosk_id)
        stray = [w["attendee_id"] for w in rows if not w["attendee_id"].upper().startswith(prefix)]
        if stray:  # the hub's CHECK says the same; this names the number
            raise HubError(f"kiosk {kiosk_id} cannot push walk-in {stray[0]!r}: its numbers "
                           f"begin {prefix}")
        cols = WALK_IN_COLUMNS + ("kiosk_seq",)
        with self.conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO walk_ins ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))}) "
                "ON CONFLICT (attendee_id) DO NOTHING",
                [tuple(w[c] for c in WALK_IN_COLUMNS) + (w["seq"],) for w in rows])
            return cur.rowcount

    def _copy_scans(self, rows: Sequence[tuple]) -> int:
        """COPY into a session-local staging table, then insert what is new by scan id."""
        if not self._staging:
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS incoming_scans "
                "(LIKE scans INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
            self._staging = True
        columns = sql.SQL(", ").join(sql.Identifier("at" if c == "at_utc" else c)
                                     for c in _PUSH_COLUMNS)
        with self.conn.cursor() as cur:
            with cur.copy(sql.SQL("COPY incoming_scans ({}) FROM STDIN").format(columns)) as copy:
                for row in rows:
                    # Rows come as (seq, *SCAN_COLUMNS); the hub keeps seq as kiosk_seq.
                    copy.write_row((*row[1:], row[0]))
            cur.execute("INSERT INTO scans SELECT * FROM incoming_scans "
                        "ON CONFLICT (scan_id) DO NOTHING")
            return cur.rowcount

    def _upsert_revocations(self, rows: Iterable[dict]) -> int:
        columns = ", ".join(_REVOCATION_COLUMNS)
        with self.conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO revocations ({columns}) VALUES "
                f"({', '.join(['%s'] * len(_REVOCATION_COLUMNS))}) "
                "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, label = excluded.label, "
                "reason = excluded.reason, active = excluded.active, "
                "updated_at = excluded.updated_at, source = excluded.source, "
                "txid = pg_current_xact_id() "
                "WHERE " + merge_revocation_where("revocations", percent="%%"),
                [tuple(int(r[c]) if c == "active" else r[c] for c in _REVOCATION_COLUMNS)
                 for r in rows])
            return cur.rowcount

    def publish(self, event_id: str, event_toml: str, attendees: Iterable[dict],
                revocations: Iterable[dict],
                kiosk_keys: dict[str, list[bytes]] | None = None) -> PublishResult:
        """The organiser's roster and block list, for kiosks to pull; only changes go out.
        With ``kiosk_keys``, the event's kiosks: from then on the hub takes scans only from
        them."""
        self.bind_event(event_id, event_toml, replace_toml=True)
        result = PublishResult(event_id=event_id)
        cols = ROSTER_COLUMNS + ("updated_at",)
        changed = " OR ".join(f"attendees.{c} IS DISTINCT FROM excluded.{c}" for c in cols)
        try:
            with self.conn.transaction():
                self.conn.execute(
                    "CREATE TEMP TABLE incoming_attendees (LIKE attendees INCLUDING DEFAULTS) "
                    "ON COMMIT DROP")
                with self.conn.cursor() as cur:
                    with cur.copy(f"COPY incoming_attendees ({', '.join(cols)}) FROM STDIN") as copy:
                        for row in attendees:
                            copy.write_row(tuple(_roster_value(row, c) for c in cols))
                    cur.execute(
                        f"INSERT INTO attendees ({', '.join(cols)}) "
                        f"SELECT {', '.join(cols)} FROM incoming_attendees "
                        "ON CONFLICT (id) DO UPDATE SET "
                        + ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
                        + f", txid = pg_current_xact_id() WHERE {changed}")
                    result.attendees_changed = cur.rowcount
                result.revocations_changed = self._upsert_revocations(revocations)
                if kiosk_keys:
                    with self.conn.cursor() as cur:
                        cur.executemany(
                            "INSERT INTO kiosk_keys (kiosk_id, public_key) VALUES (%s, %s) "
                            "ON CONFLICT DO NOTHING",
                            [(k, raw.hex()) for k, keys in kiosk_keys.items() for raw in keys])
                        result.kiosks = len(kiosk_keys)
        except psycopg.Error as exc:
            raise self._fail(exc, "publishing the roster") from None
        return result

    # -- pulling -----------------------------------------------------------------------------
    def pull_changes(self, xmin: str | None, roster_after: str | None,
                     exclude_kiosk: str = "") -> PulledChanges:
        """Roster rows, revocations and walk-ins (other than ``exclude_kiosk``'s) written since
        ``xmin`` (a previous pull's mark).

        The first pull (no mark) asks only for roster rows updated after ``roster_after`` (the
        newest the kiosk was provisioned with), every revocation and every walk-in.
        """
        cols = ROSTER_COLUMNS + ("updated_at",)
        try:
            with self.conn.transaction():
                self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                mark = self.conn.execute(
                    "SELECT pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()[0]
                with self.conn.cursor() as cur:
                    if xmin:
                        cur.execute(f"SELECT {', '.join(cols)} FROM attendees "
                                    "WHERE txid >= %s::xid8 ORDER BY id", (xmin,))
                    else:
                        cur.execute(f"SELECT {', '.join(cols)} FROM attendees "
                                    "WHERE updated_at > %s ORDER BY id", (roster_after or "",))
                    attendees = [dict(zip(cols, r)) for r in cur.fetchall()]
                    where = "WHERE txid >= %s::xid8" if xmin else ""
                    cur.execute(f"SELECT {', '.join(_REVOCATION_COLUMNS)} FROM revocations "
                                f"{where} ORDER BY key", (xmin,) if xmin else ())
                    revocations = [dict(zip(_REVOCATION_COLUMNS, r)) for r in cur.fetchall()]
                    since = "AND txid >= %(xmin)s::xid8" if xmin else ""
                    cur.execute(f"SELECT {', '.join(WALK_IN_COLUMNS)} FROM walk_ins "
                                f"WHERE kiosk_id <> %(me)s {since} ORDER BY received_at, "
                                "attendee_id", {"me": exclude_kiosk, "xmin": xmin})
                    walk_ins = [dict(zip(WALK_IN_COLUMNS, r)) for r in cur.fetchall()]
                    cur.execute("SELECT kiosk_id, public_key FROM kiosk_keys "
                                "ORDER BY kiosk_id, public_key")
                    keys = [(k, h) for k, h in cur.fetchall()]
        except psycopg.Error as exc:
            raise self._fail(exc, "pulling the roster") from None
        return PulledChanges(attendees=attendees, revocations=revocations, xmin=mark,
                             walk_ins=walk_ins, kiosk_keys=keys or None)

    def walk_ins(self) -> list[dict]:
        """Every kiosk's walk-ins, in the order the hub received them."""
        try:
            rows = self.conn.execute(f"SELECT {', '.join(WALK_IN_COLUMNS)} FROM walk_ins "
                                     "ORDER BY received_at, attendee_id").fetchall()
        except psycopg.Error as exc:
            raise self._fail(exc, "reading walk-ins") from None
        return [dict(zip(WALK_IN_COLUMNS, r)) for r in rows]

    def pull_entries(self, min_day: str, xmin: str | None,
                     exclude_kiosk: str) -> tuple[list[EntryRow], str]:
        """Other kiosks' entries and exits from ``min_day`` on, written since ``xmin``."""
        try:
            with self.conn.transaction():
                self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                mark = self.conn.execute(
                    "SELECT pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()[0]
                since = "AND txid >= %(xmin)s::xid8" if xmin else ""
                rows = self.conn.execute(
                    f"""SELECT day::text, attendee_id,
                               min(at) FILTER (WHERE outcome IN ('accepted', 'reentry')),
                               max(at) FILTER (WHERE outcome IN ('accepted', 'reentry')),
                               max(at) FILTER (WHERE outcome = 'exited'),
                               count(*) FILTER (WHERE outcome IN ('accepted', 'reentry'))
                        FROM scans
                        WHERE day >= %(day)s::date AND attendee_id IS NOT NULL
                          AND outcome IN ('accepted', 'reentry', 'exited')
                          AND kiosk_id <> %(me)s {since}
                        GROUP BY day, attendee_id""",
                    {"day": min_day, "me": exclude_kiosk, "xmin": xmin}).fetchall()
        except psycopg.Error as exc:
            raise self._fail(exc, "pulling other kiosks' entries") from None
        return [EntryRow(*r) for r in rows], mark

    def listen(self) -> None:
        try:
            self.conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            raise self._fail(exc, "listening for changes") from None

    def drain_notifications(self) -> int:
        """Consume notifications already received; how many there were."""
        try:
            return sum(1 for _ in self.conn.notifies(timeout=0))
        except psycopg.Error as exc:
            raise self._fail(exc, "reading notifications") from None

    # -- the kiosks, the log and the roster as they are -------------------------------------
    def report_health(self, kiosk: KioskInfo, pending: int | None, camera: str | None = None,
                      printer: str | None = None) -> None:
        """Record what the kiosk says of itself (its outbox, camera and printer). ``None`` for
        camera and printer (`kiosk push`, which runs beside the screen) keeps what the running
        kiosk last said, with the time it said it."""
        health = camera is not None or printer is not None
        try:
            with self.conn.transaction():
                self.conn.execute(
                    "INSERT INTO kiosks (kiosk_id, venue, gate, role, last_push_at, pending, "
                    "camera, printer, last_contact_at, health_at) VALUES (%s, %s, %s, %s, NULL, "
                    "%s, %s, %s, now(), CASE WHEN %s THEN now() END) "
                    "ON CONFLICT (kiosk_id) DO UPDATE SET pending = excluded.pending, "
                    "last_contact_at = now(), "
                    "camera = CASE WHEN %s THEN excluded.camera ELSE kiosks.camera END, "
                    "printer = CASE WHEN %s THEN excluded.printer ELSE kiosks.printer END, "
                    "health_at = CASE WHEN %s THEN now() ELSE kiosks.health_at END",
                    (kiosk.kiosk_id, kiosk.venue, kiosk.gate, kiosk.role, pending, camera,
                     printer, health, health, health, health))
        except psycopg.Error as exc:
            raise self._fail(exc, "reporting the kiosk's health") from None

    def kiosks(self) -> list[KioskStatus]:
        def utc(column: str) -> str:
            return f"CASE WHEN {column} IS NULL THEN NULL ELSE {_UTC_TEXT.format(column)} END"

        try:
            rows = self.conn.execute(
                "SELECT kiosk_id, venue, gate, role, pushed_seq, scans, "
                f"{utc('last_push_at')}, {utc('last_scan_at')}, pending, camera, printer, "
                f"{utc('last_contact_at')}, {utc('health_at')} "
                "FROM kiosks ORDER BY kiosk_id").fetchall()
        except psycopg.Error as exc:
            raise self._fail(exc, "listing kiosks") from None
        return [KioskStatus(*r) for r in rows]

    def scan_count(self) -> int:
        try:
            return self.conn.execute("SELECT count(*) FROM scans").fetchone()[0]
        except psycopg.Error as exc:
            raise self._fail(exc, "counting scans") from None

    def stream_scans(self, block: int = 20_000) -> Iterable[list[tuple]]:
        """Every scan (SCAN_COLUMNS order, times as the kiosks wrote them), in blocks."""
        try:
            with self.conn.transaction():
                with self.conn.cursor(name="all_scans") as cur:
                    cur.itersize = block
                    cur.execute(f"SELECT {_SCAN_SELECT} FROM scans ORDER BY at, scan_id")
                    while rows := cur.fetchmany(block):
                        yield rows
        except psycopg.Error as exc:
            raise self._fail(exc, "reading scans") from None

    def roster(self) -> list[dict]:
        cols = ROSTER_COLUMNS + ("updated_at",)
        try:
            rows = self.conn.execute(f"SELECT {', '.join(cols)} FROM attendees ORDER BY id").fetchall()
        except psycopg.Error as exc:
            raise self._fail(exc, "reading the roster") from None
        return [dict(zip(cols, r)) for r in rows]

