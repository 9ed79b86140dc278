"""Synthetic scan logs for sync tests and benchmarks: real kiosk.db files, written in bulk.

Checking in through the desk costs a durable commit per scan; a benchmark needs millions of rows,
so these rows are made directly, shaped like a fair's traffic (most scans accepted, some
re-entries, duplicates, exits and unknown codes), and appended with the log's own triggers on.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.config import KioskModel
from kiosk.core.timeutil import to_utc_text, zone
from kiosk.storage.db import Transaction
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.schema import SCAN_COLUMNS

CATEGORY_WEIGHTS = (("visitor", 70), ("exhibitor", 15), ("vip", 3), ("media", 3), ("speaker", 2),
                    ("staff", 5), ("organiser", 2))
_INSERT = (f"INSERT INTO scans ({', '.join(SCAN_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(SCAN_COLUMNS))})")


def synthetic_rows(kiosk_id: str, venue: str, gate: str, days: list[date], n: int, *,
                   attendees: int = 60_000, seed: int = 0, role: str = "entry",
                   tz: str = "Asia/Karachi") -> list[tuple]:
    """``n`` scan rows (SCAN_COLUMNS order) of one kiosk, in time order."""
    rng = random.Random(f"{kiosk_id}-{seed}")
    cats = [c for c, w in CATEGORY_WEIGHTS for _ in range(w)]
    rows = []
    per_day = max(1, n // len(days))
    for d_index, day in enumerate(days):
        count = per_day if d_index < len(days) - 1 else n - per_day * (len(days) - 1)
        opens = datetime(day.year, day.month, day.day, 10, tzinfo=zone(tz))
        offsets = sorted(rng.random() * 8 * 3600 for _ in range(count))
        for offset in offsets:
            at = opens + timedelta(seconds=offset)
            who_n = rng.randrange(attendees)
            who = f"ITCN-{who_n:06d}"
            category = cats[who_n % len(cats)]
            roll = rng.random()
            if role == "exit":
                outcome, reason, direction = "exited", "exit", "out"
            elif roll < 0.75:
                outcome, reason, direction = "accepted", "first_entry", "in"
            elif roll < 0.87:
                outcome, reason, direction = "reentry", "reentry", "in"
            elif roll < 0.95:
                outcome, reason, direction = "duplicate", "within_window", "in"
            else:
                outcome, reason, direction = "unknown", "not_in_roster", "in"
            code = f"ITC1:{rng.getrandbits(400):0100X}"[:105]
            if outcome == "unknown":
                who = category = None
                code = "sha256:" + f"{rng.getrandbits(256):064x}"
            rows.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), kiosk_id, gate,
                         venue, direction, to_utc_text(at), day.isoformat(), code, who, category,
                         outcome, reason, "camera", ""))
    return rows


def write_kiosk_db(folder: Path, event_toml: str, event_id: str, kiosk_id: str, venue: str,
                   gate: str, rows: list[tuple], role: str = "entry") -> tuple[KioskStore, KioskModel]:
    """A kiosk.db holding ``rows`` (appended in one transaction, triggers on)."""
    folder.mkdir(parents=True, exist_ok=True)
    store = KioskStore.open(folder / "kiosk.db", create=True)
    store.set_meta({"event_toml": event_toml, "event_id": event_id, "kiosk_id": kiosk_id,
                    "venue": venue})
    with Transaction(store.conn):
        store.conn.executemany(_INSERT, rows)
    model = KioskModel(kiosk_id=kiosk_id, event_id=event_id, venue=venue, gate=gate, role=role)
    return store, model


def append_rows(store: KioskStore, rows: list[tuple]) -> None:
    with Transaction(store.conn):
        store.conn.executemany(_INSERT, rows)


def write_synthetic_bundle(out: Path, *, event_toml: str, event_id: str, kiosk_id: str,
                           venue: str, gate: str, rows: list[tuple], role: str = "entry",
                           signing_key=None) -> dict:
    """A bundle file as `kiosk export` writes it, straight from rows (SCAN_COLUMNS order)."""
    from kiosk.sync.bundle import BLOCK_ROWS, write_bundle

    numbered = [(i + 1, *row) for i, row in enumerate(rows)]
    blocks = (numbered[i:i + BLOCK_ROWS] for i in range(0, len(numbered), BLOCK_ROWS))
    meta = {"kiosk_schema": "2", "event_id": event_id, "event_toml": event_toml,
            "kiosk_id": kiosk_id, "venue": venue, "gate": gate, "role": role,
            "exported_at": to_utc_text(datetime.now(zone("UTC")))}
    return write_bundle(out, meta, blocks, signing_key=signing_key)
