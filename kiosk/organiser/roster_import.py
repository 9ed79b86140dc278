"""Roster import from the registration system's CSV or XLSX export.

Good rows are upserted by registration id; each bad row is reported with its line number and
reason. A file that is not a roster at all is refused with one error and nothing changes.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from kiosk.core.errors import KioskError
from kiosk.core.event import CATEGORIES, EventRules, normalise_id
from kiosk.core.tokens import MAX_ID_BYTES
from kiosk.storage.event_store import EventStore
from kiosk.storage.schema import ROSTER_COLUMNS

# Header names seen in registration exports, normalised (lower case, single spaces).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "registration no", "registration number", "registration id", "reg no",
           "reg number", "reg id", "ticket id", "ticket no", "ticket number", "badge id",
           "badge no", "attendee id", "barcode", "order code", "registration code"),
    "name": ("name", "full name", "attendee name", "visitor name", "participant name"),
    "first_name": ("first name", "given name", "firstname"),
    "last_name": ("last name", "surname", "family name", "lastname"),
    "category": ("category", "type", "attendee type", "ticket type", "badge type",
                 "registration type", "visitor type", "attendee category"),
    "company": ("company", "company name", "organisation", "organization", "organisation name",
                "organization name", "employer"),
    "email": ("email", "e mail", "email address", "e mail address"),
    "phone": ("phone", "phone number", "mobile", "mobile number", "cell", "contact number",
              "telephone", "whatsapp"),
    "days": ("days", "valid days", "dates", "valid dates"),
    "venues": ("venues", "venue", "city", "cities"),
    "name_ur": ("name ur", "urdu name", "name urdu", "name in urdu"),
    "name_zh": ("name zh", "chinese name", "name chinese", "name in chinese", "name zh hans"),
}

CATEGORY_ALIASES = {
    "organizer": "organiser", "organisers": "organiser", "organizers": "organiser",
    "press": "media", "journalist": "media", "visitors": "visitor", "trade visitor": "visitor",
    "delegate": "visitor", "exhibitors": "exhibitor", "speakers": "speaker",
    "volunteer": "staff", "guest": "vip", "very important person": "vip",
}

MAX_FIELD = 500


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"imported": self.imported, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": self.rejected}


def _norm_header(text: str) -> str:
    return re.sub(r"[^0-9a-z\u0080-\uffff]+", " ", str(text or "").lower().lstrip("\ufeff")).strip()


def map_header(header: list[str]) -> dict[str, int]:
    lookup = {alias: key for key, aliases in ALIASES.items() for alias in aliases}
    mapping: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = lookup.get(_norm_header(raw))
        if key and key not in mapping:
            mapping[key] = index
    if "name" not in mapping and "first_name" in mapping:
        mapping["name"] = -1  # composed from first and last name
    missing = [k for k in ("id", "name", "category") if k not in mapping]
    if missing:
        shown = ", ".join(repr(h) for h in header[:6]) or "nothing"
        hint = ""
        if len(header) == 1 and any(ch in header[0] for ch in ";\t|,"):
            hint = " — the columns are not separated by commas or semicolons as expected"
        raise KioskError(
            f"not a roster: the first row must name the columns id, name and category "
            f"(missing {', '.join(missing)}; found {shown}){hint}")
    return mapping


# -- reading files ------------------------------------------------------------------------
def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise KioskError(f"{path} is not a roster: it is a binary file, not CSV or XLSX")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KioskError(
            f"{path} is not UTF-8 text (byte {exc.start}); save it from the spreadsheet as "
            "'CSV UTF-8' and import again") from None


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    raw = path.read_bytes()
    if not raw.strip():
        raise KioskError(f"{path} is empty")
    text = _decode(raw, path)
    first_line = text.splitlines()[0] if text.splitlines() else ""
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"',
                        skipinitialspace=False, strict=False)
    # Read everything first: a quote left open swallows the rows after it into one cell, and
    # the file is refused whole (naming the line where the quote opened) before anything is
    # imported.
    records, line, columns = [], 1, 0
    try:
        for record in reader:
            end = reader.line_num
            columns = columns or len(record)
            if end > line:
                _check_quoted(path, record, line, end, delimiter, columns)
            records.append((line, record))
            line = end + 1
    except csv.Error as exc:
        raise KioskError(f"{path}: line {line}: {exc}") from exc
    yield from records


def _check_quoted(path: Path, record: list[str], start: int, end: int, delimiter: str,
                  columns: int) -> None:
    """A record that spans lines is fine (an address in quotes) unless its multi-line cell holds
    whole rows: then a quote was left open on line ``start``."""
    for cell in record:
        if "\n" not in cell and "\r" not in cell:
            continue
        inner = cell.splitlines()[1:]
        if columns >= 3 and any(part.count(delimiter) >= columns - 1 for part in inner):
            raise KioskError(
                f"{path}: line {start}: a quote opened here is not closed until line {end}, so "
                f"{len(inner)} rows after it would be read as one cell; close the quote (or "
                "double it, \"\") and import again; nothing was imported")


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    import zipfile

    from openpyxl import load_workbook

    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # From an open file, so that a workbook saved (or renamed) as .csv is read by content.
        book = load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as exc:
        raise KioskError(f"{path} is not a readable XLSX workbook: {exc}") from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else _cell_text(v) for v in row]
    finally:
        book.close()


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # registration numbers typed as numbers
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    path = Path(path)
    if not path.is_file():
        raise KioskError(f"no roster file at {path}")
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic.startswith(b"PK\x03\x04"):
        return _xlsx_rows(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise KioskError(f"{path} is named .xlsx but is not an Excel workbook")
    if path.suffix.lower() == ".xls":
        raise KioskError(f"{path} is an old Excel .xls file; save it as .xlsx or CSV UTF-8")
    return _csv_rows(path)


# -- validating rows ----------------------------------------------------------------------
def _clean(text: str) -> str:
    text = str(text).replace("\u00a0", " ")
    cleaned = " ".join(text.split())
    # A leading tab that protects a formula-looking value (=, +, -, @) in a spreadsheet export
    # is kept, as a leading apostrophe is: the value stays text wherever it goes next.
    if text.startswith("\t") and cleaned.startswith(("=", "+", "-", "@")):
        return "\t" + cleaned
    return cleaned


def _parse_days(text: str, event: EventRules) -> tuple[date, ...] | None:
    if not text.strip() or text.strip().lower() == "all":
        return None
    days = []
    for part in re.split(r"[;,|]", text):
        part = part.strip()
        if not part:
            continue
        try:
            day = date.fromisoformat(part)
        except ValueError:
            raise ValueError(f"day {part!r} is not a date like 2026-11-28") from None
        if day not in event.days:
            raise ValueError(f"day {day} is not a day of the event")
        days.append(day)
    return tuple(sorted(set(days))) or None


def _parse_venues(text: str, event: EventRules) -> tuple[str, ...] | None:
    if not text.strip() or text.strip().lower() == "all":
        return None
    venues = []
    for part in re.split(r"[;,|]", text):
        part = part.strip().lower()
        if not part:
            continue
        if part not in event.venues:
            raise ValueError(f"venue {part!r} is not a venue of the event ({', '.join(event.venues)})")
        venues.append(part)
    return tuple(dict.fromkeys(venues)) or None


def _row(record: list[str], mapping: dict[str, int], event: EventRules) -> dict:
    def get(key: str) -> str:
        index = mapping.get(key)
        if index is None or index < 0 or index >= len(record):
            return ""
        value = _clean(record[index])
        if len(value) > MAX_FIELD:
            raise ValueError(f"{key} is longer than {MAX_FIELD} characters")
        return value

    attendee_id = get("id")
    if not attendee_id:
        raise ValueError("registration id is empty")
    if len(attendee_id.encode("utf-8")) > MAX_ID_BYTES:
        raise ValueError(f"registration id is longer than {MAX_ID_BYTES} bytes")
    if any(ord(ch) < 32 for ch in attendee_id):
        raise ValueError("registration id contains control characters")
    name = get("name") if mapping.get("name", -1) >= 0 else " ".join(
        p for p in (get("first_name"), get("last_name")) if p)
    if not name:
        raise ValueError("name is empty")
    raw_category = get("category").lower()
    category = CATEGORY_ALIASES.get(raw_category, raw_category)
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {get('category')!r} (expected one of {', '.join(CATEGORIES)})")
    email = get("email")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ValueError(f"e-mail {email!r} is not an address")
    days = _parse_days(get("days"), event)
    venues = _parse_venues(get("venues"), event)
    return {
        "id": attendee_id,
        "name": name,
        "category": category,
        "company": get("company"),
        "email": email,
        "phone": get("phone"),
        "days": ";".join(d.isoformat() for d in days) if days else None,
        "venues": ";".join(venues) if venues else None,
        "name_ur": get("name_ur"),
        "name_zh": get("name_zh"),
    }


def import_roster(path: Path, store: EventStore, event: EventRules) -> ImportReport:
    rows = read_rows(path)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise KioskError(f"{path} is empty") from None
    mapping = map_header(header)
    report = ImportReport()
    good: dict[str, dict] = {}
    seen_line: dict[str, int] = {}
    for line, record in rows:
        if not any(str(cell).strip() for cell in record):
            continue  # blank lines and trailing empty rows
        try:
            row = _row(record, mapping, event)
        except ValueError as exc:
            report.rejected.append({"line": line, "reason": str(exc)})
            continue
        key = normalise_id(row["id"])
        if key in seen_line:
            report.rejected.append(
                {"line": line, "reason": f"duplicate registration id {row['id']!r} (first on line {seen_line[key]})"})
            continue
        seen_line[key] = line
        good[key] = row
    if not good and not report.rejected:
        raise KioskError(f"{path} has a header but no attendees")

    existing = {
        normalise_id(r[0]): tuple(r)
        for r in store.conn.execute("SELECT " + ", ".join(ROSTER_COLUMNS) + " FROM attendees")
    }
    changed = []
    for key, row in good.items():
        before = existing.get(key)
        if before is None:
            report.imported += 1
            changed.append(row)
        else:
            row = dict(row, id=before[0])  # keep the first spelling of the id
            if tuple(row.get(c) for c in ROSTER_COLUMNS) == before:
                report.unchanged += 1
            else:
                report.updated += 1
                changed.append(row)
    if changed:
        store.upsert(changed)
    return report
