"""Databases that explain themselves in Datasette: the event's zone for the views' local times,
and the metadata.json written beside exported and merged files (`datasette MERGED.db -m metadata.json`).

Datasette's metadata format: https://docs.datasette.io/en/stable/metadata.html (title,
description, per-table descriptions, column descriptions, units, sort order, label column, and
``fts_table`` / ``fts_pk`` for the search box).
"""

from __future__ import annotations

import json
import os
import tomllib
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

def event_zone(event_toml: str | None) -> tuple[str, list[date]] | None:
    """(time zone, days) from an event.toml text; None when there is none or it cannot be read
    (the event's own checks say what is wrong with it)."""
    if not event_toml:
        return None
    try:
        event = tomllib.loads(event_toml)
        tz = str(event.get("timezone", "Asia/Karachi"))
        ZoneInfo(tz)
        days = [d if isinstance(d, date) else date.fromisoformat(str(d))
                for d in event.get("days") or []]
    except (tomllib.TOMLDecodeError, ZoneInfoNotFoundError, ValueError, TypeError):
        return None
    return (tz, days) if days else None


def ensure_zone(store) -> None:
    """Give the database the event's zone when it holds event.toml (a file from before schema 4,
    or one whose event changed zone): the triggers and the views then use local time. Nothing
    is written when it is already so."""
    found = event_zone(store.get_meta("event_toml"))
    if found is not None:
        store.set_zone(*found)


_SCAN_COLUMNS = {
    "seq": "order of the scan in its kiosk's log (merged: in this file)",
    "scan_id": "UUID of the scan, the same on every copy of it",
    "kiosk_id": "the kiosk that read the badge",
    "gate": "the gate the kiosk stands at",
    "venue": "lahore or karachi",
    "direction": "in (entry kiosk) or out (exit kiosk)",
    "at_utc": "when, in UTC (ISO 8601)",
    "local_time": "when, in the event's time zone",
    "day": "the event-local day of the scan",
    "code": "what was read: the badge token, or a hash of an unknown code",
    "attendee_id": "registration number, when the code named one",
    "attendee_name": "the attendee's name from the roster (empty when not on the roster)",
    "category": "visitor, exhibitor, vip, media, speaker, staff or organiser",
    "outcome": "accepted, reentry, duplicate, exited, unknown, invalid, revoked, wrong_day, "
               "wrong_venue or outside_hours",
    "reason": "why, in words",
    "method": "camera, wedge (a USB badge scanner), manual (staff) or cli (`kiosk checkin`)",
    "note": "staff note",
}


def _scan_table(title: str, description: str, columns) -> dict:
    return {"title": title, "description": description, "sort_desc": "seq",
            "columns": {c: _SCAN_COLUMNS[c] for c in columns if c in _SCAN_COLUMNS}}


def merged_metadata(name: str, *, event_name: str = "", merged: bool = True) -> dict:
    """Datasette metadata for a kiosk.db or MERGED.db called ``name`` (its file name stem)."""
    what = "every kiosk's scan log, merged" if merged else "one kiosk's database"
    title = f"{event_name}: {what}" if event_name else f"ITCN Asia kiosk: {what}"
    scan_columns = ("local_time", "outcome", "attendee_name", "method")
    tables = {
        "scans_readable": {
            **_scan_table("Scans, readable", "Every scan with the attendee's name and the "
                          "local time; refused scans included.", scan_columns),
            "facets": ["outcome", "day", "gate", "category"],
        },
        "attendance_by_day": {
            "title": "Attendance by day",
            "description": "Per event day: attendees checked in, still inside at the end of the "
                           "log, and scans by kind.",
            "sort": "day",
            "columns": {"checked_in": "attendees with at least one entry that day",
                        "inside_at_close": "attendees whose last entry came after their last "
                                           "exit (inside now, for today)",
                        "entry_scans": "accepted and re-entry scans",
                        "exit_scans": "scans at exit kiosks",
                        "refused_scans": "duplicates and every refusal",
                        "all_scans": "every scan that day"},
        },
        "inside_now": {
            "title": "Inside now",
            "description": "Per day, the attendees whose last entry came after their last exit: "
                           "for today, who is inside now.",
            "facets": ["day", "gate", "category"],
            "columns": {"gate": "gate of the latest entry",
                        "inside_since": "local time of the latest entry",
                        "entries": "entries that day"},
        },
        "attendees": {
            "title": "Attendees",
            "description": "The roster. The search box looks in registration number, names "
                           "(English, Urdu, Chinese), company, e-mail and phone.",
            "fts_table": "attendees_fts", "fts_pk": "rowid", "label_column": "name",
            "sort": "id",
        },
        "scans": _scan_table("Scan log", "The append-only log: one row per scan, refused scans "
                             "included. scans_readable shows it with names and local times.",
                             _SCAN_COLUMNS),
        "daily_attendance": {
            "description": "One row per attendee and day: first entry (time, kiosk, gate), last "
                           "entry, last exit, number of entries (times in UTC).",
        },
        "scan_counts": {"description": "Scans per day and outcome."},
        "attendees_fts": {"hidden": True},
        "attendee_search": {"hidden": True},
    }
    if merged:
        tables["merged_bundles"] = {
            "title": "Merged bundles",
            "description": "One row per bundle file merged into this database.",
            "sort_desc": "merged_at",
            "columns": {"content_sha256": "SHA-256 over the bundle's content",
                        "file_sha256": "SHA-256 of the file's bytes",
                        "scans": "scans in the bundle", "added": "scans new to this database"},
        }
        tables["merge_conflicts"] = {
            "description": "Scan ids that arrived again with different content: the first "
                           "version stays in the log, the other is kept here.",
        }
    return {"title": title,
            "description": "Open the views first: scans_readable, attendance_by_day, inside_now. "
                           "Search attendees by name, company, phone or e-mail.",
            "databases": {name: {"title": title, "tables": tables,
                                 "description": "Start with the views: scans_readable, "
                                                "attendance_by_day and inside_now."}}}


def bundle_metadata(name: str, kiosk_id: str = "") -> dict:
    title = f"Bundle of kiosk {kiosk_id}" if kiosk_id else "Kiosk bundle"
    return {"title": title,
            "description": "One kiosk's scan log, exported for `kiosk merge`; the bundle table "
                           "describes it and holds the SHA-256 that proves it unchanged.",
            "databases": {name: {"title": title, "tables": {
                "scans": _scan_table("Scan log", "The kiosk's scans in its own order.",
                                     _SCAN_COLUMNS),
                "bundle": {"title": "About this bundle",
                           "description": "Kiosk, event, export time, counts and the content "
                                          "SHA-256 (kiosk/sync/digest.py says how it is made)."},
            }}}}


def write_metadata(database: Path, metadata: dict) -> Path:
    """Write (or extend) ``metadata.json`` in the database's folder: other databases described
    there keep their entries, so one file serves `datasette FOLDER/*.db -m FOLDER/metadata.json`."""
    target = Path(database).parent / "metadata.json"
    current: dict = {}
    if target.exists():
        try:
            current = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            current = {}
        if not isinstance(current, dict):
            current = {}
    databases = {**(current.get("databases") or {}), **metadata["databases"]}
    merged = {**current, **{k: v for k, v in metadata.items() if k != "databases"},
              "databases": databases}
    if len(databases) > 1:  # several files: the top title must fit them all
        merged["title"] = "ITCN Asia kiosk databases"
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(json.dumps(merged, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return target
