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
from kiosk.storage.schema import ROSTER_COLUMNS, ROSTER_TICKET_COLUMNS

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
    # Not "city": in most exports that is where the attendee lives, not where they may enter.
    "venues": ("venues", "venue"),
    "name_ur": ("name ur", "urdu name", "name urdu", "name in urdu"),
    "name_zh": ("name zh", "chinese name", "name chinese", "name in chinese", "name zh hans"),
    "code": ("code", "ticket code", "ticket barcode", "ticket secret", "secret", "qr code"),
    "attention": ("attention", "check in text", "check in note", "checkin text"),
}

CATEGORY_ALIASES = {
    "organizer": "organiser", "organisers": "organiser", "organizers": "organiser",
    "press": "media", "journalist": "media", "visitors": "visitor", "trade visitor": "visitor",
    "delegate": "visitor", "exhibitors": "exhibitor", "speakers": "speaker",
    "volunteer": "staff", "guest": "vip", "very important person": "vip",
}

MAX_FIELD = 500
MAX_CODE_CHARS = 400  # a pretix_sig1 secret is about 130 characters

# Fields a --map file may name in [columns] (ours = the export's header).
MAP_FIELDS = ("id", "name", "first_name", "last_name", "category", "company", "email", "phone",
              "days", "venues", "name_ur", "name_zh", "code", "attention")

# -- the exports of registration systems, as they come ------------------------------------
# Each is recognised by the headers it always has; its columns are then read by their exact
# (English) names. The header lists are pretix's own (pretix/plugins/checkinlists/exporters.py,
# CSVCheckinList; pretix/base/exporters/orderlist.py, OrderListExporter.iterate_positions) and
# Eventbrite's attendee summary report.
PRETIX_CHECKINLIST = "pretix-checkinlist"
PRETIX_POSITIONS = "pretix-orderpositions"
EVENTBRITE = "eventbrite-attendees"
OWN_ROSTER = "roster"


@dataclass(frozen=True)
class ExportFormat:
    name: str
    system: str
    signature: tuple[str, ...]  # headers that identify it
    columns: dict[str, tuple[str, ...]]  # our field -> its headers, first present wins


EXPORTS = (
    ExportFormat(PRETIX_POSITIONS, "pretix",
                 ("event slug", "order code", "position id", "product", "attendee name"), {
                     "order": ("order code",), "position": ("position id",),
                     "status": ("status",), "name": ("attendee name",),
                     "first_name": ("attendee name: given name",),
                     "last_name": ("attendee name: family name",),
                     "category": ("product",), "variation": ("variation",),
                     "email": ("attendee email",), "order_email": ("email",),
                     "phone": ("phone number",),
                     "company": ("company",), "code": ("ticket secret",),
                     "blocked": ("blocked",), "attention_flag": ("requires special attention",),
                     "attention": ("check-in text",),
                 }),
    ExportFormat(PRETIX_CHECKINLIST, "pretix",
                 ("order code", "attendee name", "product", "checked in"), {
                     "order": ("order code",), "position": ("position id",),
                     "name": ("attendee name",),
                     "first_name": ("attendee name: given name",),
                     "last_name": ("attendee name: family name",),
                     "category": ("product",), "email": ("e-mail",),
                     "phone": ("phone number",), "company": ("company",), "code": ("secret",),
                     "blocked": ("blocked",), "attention_flag": ("requires special attention",),
                     "attention": ("check-in text",),
                 }),
    ExportFormat(EVENTBRITE, "Eventbrite", ("order #", "attendee #", "ticket type"), {
        "id": ("attendee #",), "order": ("order #",), "first_name": ("first name",),
        "last_name": ("last name",), "email": ("email",), "category": ("ticket type",),
        "code": ("barcode #",), "company": ("company",),
        "phone": ("cell phone", "work phone", "home phone"), "status": ("attendee status",),
    }),
)

# Statuses of tickets that must not get in.
# (pretix's "pending" is an order not paid yet; its check-in list export leaves those out unless
# the list admits them, and then has no Status column.)
_DEAD_STATUSES = {"canceled", "cancelled", "expired", "pending", "refunded", "deleted",
                  "not attending", "transferred"}
_YES = {"yes", "y", "true", "1", "x", "ja", "✔"}
ATTENTION_DEFAULT = "Requires special attention"


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)
    format: str = OWN_ROSTER

    def to_json(self) -> dict:
        return {"imported": self.imported, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": self.rejected, "format": self.format}


def _norm_header(text: str) -> str:
    return re.sub(r"[^0-9a-z\u0080-\uffff]+", " ", str(text or "").lower().lstrip("\ufeff")).strip()


def _exact_header(text: str) -> str:
    return " ".join(str(text or "").lstrip("\ufeff").lower().split())


def detect_format(header: list[str]) -> ExportFormat | None:
    present = {_exact_header(h) for h in header}
    for export in EXPORTS:
        if set(export.signature) <= present:
            return export
    return None


def _first_index(header: list[str], names) -> int | None:
    wanted = list(names)
    normal = [_exact_header(h) for h in header]
    for name in wanted:
        if name in normal:
            return normal.index(name)
    return None


# -- the mapping file ---------------------------------------------------------------------
@dataclass(frozen=True)
class ProductRule:
    category: str
    venues: tuple[str, ...] | None = None
    days: tuple[date, ...] | None = None
    attention: str = ""


@dataclass
class RosterMap:
    """``--map MAP.toml``: which header is which of our fields, and what each product means."""

    columns: dict[str, str] = field(default_factory=dict)
    products: dict[str, ProductRule] = field(default_factory=dict)  # by _product_key

    def product(self, name: str) -> ProductRule | None:
        return self.products.get(_product_key(name))


def _product_key(text: str) -> str:
    text = re.sub(r"[\u2010-\u2015\u2212-]", "-", str(text))
    return " ".join(text.casefold().split())


def load_map(path: Path, event: EventRules) -> RosterMap:
    import tomllib

    path = Path(path)
    if not path.is_file():
        raise KioskError(f"no mapping file at {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KioskError(f"{path} is not a readable TOML mapping file: {exc}") from None
    unknown = sorted(set(data) - {"columns", "products"})
    if unknown:
        raise KioskError(f"{path}: unknown table(s) {', '.join(unknown)}; a mapping file has "
                         "[columns] and [products]")
    result = RosterMap()
    columns = data.get("columns", {})
    if not isinstance(columns, dict):
        raise KioskError(f"{path}: [columns] must be a table of field = \"header\"")
    for ours, theirs in columns.items():
        if ours not in MAP_FIELDS:
            raise KioskError(f"{path}: [columns] names {ours!r}, which is not one of our fields "
                             f"({', '.join(MAP_FIELDS)})")
        if not isinstance(theirs, str) or not theirs.strip():
            raise KioskError(f"{path}: [columns] {ours} must be the export's header, as text")
        result.columns[ours] = theirs
    products = data.get("products", {})
    if not isinstance(products, dict):
        raise KioskError(f"{path}: [products] must be a table of \"product\" = \"category\"")
    for name, rule in products.items():
        where = f"{path}: product {name!r}"
        if isinstance(rule, str):
            rule = {"category": rule}
        if not isinstance(rule, dict):
            raise KioskError(f"{where} must map to a category or a table")
        extra = sorted(set(rule) - {"category", "venues", "days", "attention"})
        if extra:
            raise KioskError(f"{where}: unknown key(s) {', '.join(extra)} (category, venues, "
                             "days, attention)")
        category = CATEGORY_ALIASES.get(str(rule.get("category", "")).lower(),
                                        str(rule.get("category", "")).lower())
        if category not in CATEGORIES:
            raise KioskError(f"{where}: category {rule.get('category')!r} is not one of "
                             f"{', '.join(CATEGORIES)}")
        try:
            venues = _parse_venues(_listed(rule.get("venues")), event)
            days = _parse_days(_listed(rule.get("days")), event)
        except ValueError as exc:
            raise KioskError(f"{where}: {exc}") from None
        attention = rule.get("attention", "")
        if not isinstance(attention, str):
            raise KioskError(f"{where}: attention must be text")
        result.products[_product_key(name)] = ProductRule(category, venues, days,
                                                          _clean(attention))
    return result


def _listed(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(v.isoformat() if isinstance(v, date) else str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def map_header(header: list[str], roster_map: RosterMap | None = None,
               export: ExportFormat | None = None) -> dict[str, int]:
    mapping: dict[str, int] = {}
    if export is not None:
        for key, names in export.columns.items():
            index = _first_index(header, names)
            if index is not None:
                mapping[key] = index
    else:
        lookup = {alias: key for key, aliases in ALIASES.items() for alias in aliases}
        for index, raw in enumerate(header):
            key = lookup.get(_norm_header(raw))
            if key and key not in mapping:
                mapping[key] = index
            elif key == "id" and _norm_header(raw) == "barcode" and "code" not in mapping:
                mapping["code"] = index  # a barcode beside the registration number: the ticket
    for ours, theirs in (roster_map.columns.items() if roster_map else ()):
        index = _first_index(header, [_exact_header(theirs)])
        if index is None:
            shown = ", ".join(repr(h) for h in header[:12])
            raise KioskError(f"the mapping file names {theirs!r} as {ours}, but the file has no "
                             f"such column (found {shown})")
        mapping[ours] = index
    if "id" not in mapping and "order" in mapping:
        mapping["id"] = -1  # composed from the order code and the position
    if "name" not in mapping and "first_name" in mapping:
        mapping["name"] = -1  # composed from first and last name
    missing = [k for k in ("id", "name", "category") if k not in mapping]
    if missing:
        shown = ", ".join(repr(h) for h in header[:6]) or "nothing"
        hint = ""
        if len(header) == 1 and any(ch in header[0] for ch in ";\t|,"):
            hint = " — the columns are not separated by commas or semicolons as expected"
        elif export is None:
            hint = " (or name them in a --map file's [columns])"
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
        sheet = _roster_sheet(book)
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else _cell_text(v) for v in row]
    finally:
        book.close()


def _roster_sheet(book):
    """The first sheet, or the one holding tickets: pretix's order data workbook puts orders
    first, then order positions (one row per ticket), then fees."""
    sheets = book.worksheets
    if len(sheets) > 1:
        for sheet in sheets:
            first = next(sheet.iter_rows(max_row=1, values_only=True), ())
            if detect_format(["" if v is None else str(v) for v in first]) is not None:
                return sheet
    return sheets[0]


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


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u1100-\u11ff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _east_asian(text: str) -> bool:
    """Chinese, Japanese or Korean, with no Latin letters."""
    return bool(_HAN.search(text) or _KANA_HANGUL.search(text)) and not _LATIN.search(text)


def compose_name(given: str, family: str, full: str = "") -> str:
    """A name as its holder writes it: Chinese, Japanese and Korean family first, no space."""
    if given and family and _east_asian(given + family):
        return family + given
    if full:
        return full
    return " ".join(p for p in (given, family) if p)


def _row(record: list[str], mapping: dict[str, int], event: EventRules,
         roster_map: RosterMap | None = None, export: ExportFormat | None = None,
         ordinal: int = 1) -> dict:
    def get(key: str) -> str:
        index = mapping.get(key)
        if index is None or index < 0 or index >= len(record):
            return ""
        value = _clean(record[index])
        if len(value) > MAX_FIELD:
            raise ValueError(f"{key} is longer than {MAX_FIELD} characters")
        return value

    system = export.system if export else ""
    status = get("status").lower()
    if status in _DEAD_STATUSES:
        raise ValueError(f"the ticket is {status} in {system or 'the export'}")
    if get("blocked").lower() in _YES:
        raise ValueError(f"the ticket is blocked in {system or 'the export'}")

    if mapping.get("id", -1) >= 0:
        attendee_id = get("id")
    else:  # one row per ticket: pretix's order code and position
        order = get("order")
        if not order:
            raise ValueError("order code is empty")
        attendee_id = f"{order}-{get('position') or ordinal}"
    if not attendee_id:
        raise ValueError("registration id is empty")
    if len(attendee_id.encode("utf-8")) > MAX_ID_BYTES:
        raise ValueError(f"registration id is longer than {MAX_ID_BYTES} bytes")
    if any(ord(ch) < 32 for ch in attendee_id):
        raise ValueError("registration id contains control characters")

    given, family = get("first_name"), get("last_name")
    full = get("name") if mapping.get("name", -1) >= 0 else ""
    name = compose_name(given, family, full)
    if not name:
        raise ValueError("name is empty")

    raw_product = get("category")
    variation = get("variation")
    candidates = [f"{raw_product} – {variation}", raw_product] if variation else [raw_product]
    rule = None
    if roster_map is not None:
        rule = next((r for r in map(roster_map.product, candidates) if r is not None), None)
    if rule is None:
        category = CATEGORY_ALIASES.get(raw_product.lower(), raw_product.lower())
        if category in CATEGORIES:
            rule = ProductRule(category)
    if rule is None:
        shown = candidates[0]
        if not raw_product:
            raise ValueError("category is empty")
        if export is not None or (roster_map is not None and roster_map.products):
            raise ValueError(f"unmapped product {shown!r} (add the line "
                             f"\"{shown}\" = \"visitor\" under [products] in the --map file, "
                             f"with the right category)")
        raise ValueError(f"unknown category {raw_product!r} (expected one of {', '.join(CATEGORIES)}"
                         f", or map it in a --map file's [products])")

    email = get("email") or get("order_email")  # pretix: the attendee's, else the buyer's
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ValueError(f"e-mail {email!r} is not an address")
    days = _parse_days(get("days"), event) or rule.days
    venues = _parse_venues(get("venues"), event) or rule.venues

    code = get("code")
    if len(code) > MAX_CODE_CHARS:
        raise ValueError(f"ticket code is longer than {MAX_CODE_CHARS} characters")
    if any(ord(ch) < 32 for ch in code):
        raise ValueError("ticket code contains control characters")

    notes = [t for t in (get("attention"), rule.attention) if t]
    attention = "; ".join(dict.fromkeys(notes))
    if not attention and get("attention_flag").lower() in _YES:
        attention = ATTENTION_DEFAULT

    name_ur, name_zh = get("name_ur"), get("name_zh")
    if not name_ur and "name_ur" not in mapping and _ARABIC.search(name):
        name_ur = name  # written in Urdu (Arabic script)
    if (not name_zh and "name_zh" not in mapping and _HAN.search(name)
            and not _KANA_HANGUL.search(name) and not _LATIN.search(name)):
        name_zh = name  # written in Chinese characters (not Japanese kana or Korean)
    return {
        "id": attendee_id,
        "name": name,
        "category": rule.category,
        "company": get("company"),
        "email": email,
        "phone": get("phone"),
        "days": ";".join(d.isoformat() for d in days) if days else None,
        "venues": ";".join(venues) if venues else None,
        "name_ur": name_ur,
        "name_zh": name_zh,
        "code": code,
        "attention": attention,
    }


def import_roster(path: Path, store: EventStore, event: EventRules,
                  roster_map: RosterMap | Path | None = None) -> ImportReport:
    if roster_map is not None and not isinstance(roster_map, RosterMap):
        roster_map = load_map(roster_map, event)
    rows = read_rows(path)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise KioskError(f"{path} is empty") from None
    export = detect_format(header)
    mapping = map_header(header, roster_map, export)
    report = ImportReport(format=export.name if export else OWN_ROSTER)
    good: dict[str, dict] = {}
    seen_line: dict[str, int] = {}
    seen_code: dict[str, tuple[int, str]] = {}
    per_order: dict[str, int] = {}
    order_index = mapping.get("order")
    for line, record in rows:
        if not any(str(cell).strip() for cell in record):
            continue  # blank lines and trailing empty rows
        ordinal = 1
        if order_index is not None and order_index < len(record):
            order = _clean(record[order_index])
            ordinal = per_order[order] = per_order.get(order, 0) + 1
        try:
            row = _row(record, mapping, event, roster_map, export, ordinal)
        except ValueError as exc:
            report.rejected.append({"line": line, "reason": str(exc)})
            continue
        key = normalise_id(row["id"])
        if key in seen_line:
            report.rejected.append(
                {"line": line, "reason": f"duplicate registration id {row['id']!r} (first on line {seen_line[key]})"})
            continue
        code_key = row["code"].casefold()
        if code_key and code_key in seen_code:
            first_line, first_id = seen_code[code_key]
            report.rejected.append(
                {"line": line, "reason": f"duplicate ticket code (first on line {first_line}, {first_id})"})
            continue
        seen_line[key] = line
        if code_key:
            seen_code[code_key] = (line, row["id"])
        good[key] = row
    if not good and not report.rejected:
        raise KioskError(f"{path} has a header but no attendees")

    columns = ROSTER_COLUMNS + ROSTER_TICKET_COLUMNS
    existing = {
        normalise_id(r[0]): tuple(r)
        for r in store.conn.execute("SELECT " + ", ".join(columns) + " FROM attendees")
    }
    owner_of_code = {r[columns.index("code")].casefold(): normalise_id(r[0])
                     for r in existing.values() if r[columns.index("code")]}
    stored_code_owner = dict(owner_of_code)
    for key, row in good.items():
        if row["code"]:
            owner_of_code.setdefault(row["code"].casefold(), key)
    all_ids = set(existing) | set(good)
    changed = []
    for key, row in good.items():
        owner = owner_of_code.get(row["code"].casefold()) if row["code"] else None
        if owner is not None and owner != key:
            who = existing[owner][0] if owner in existing else good[owner]["id"]
            report.rejected.append({"line": seen_line[key], "reason":
                                    f"ticket code already belongs to {who!r}"})
            continue
        # A scanned code is looked up as a registration id first: neither may hide the other.
        if row["code"] and normalise_id(row["code"]) in all_ids - {key}:
            report.rejected.append({"line": seen_line[key], "reason":
                                    "ticket code is another attendee's registration id"})
            continue
        other_code = stored_code_owner.get(key.casefold())  # (in this file: the check above)
        if other_code is not None and other_code != key:
            report.rejected.append({"line": seen_line[key], "reason":
                                    "registration id is another attendee's ticket code"})
            continue
        before = existing.get(key)
        if before is None:
            report.imported += 1
            changed.append(row)
        else:
            row = dict(row, id=before[0])  # keep the first spelling of the id
            if tuple(row.get(c) for c in columns) == before:
                report.unchanged += 1
            else:
                report.updated += 1
                changed.append(row)
    report.rejected.sort(key=lambda r: r["line"])
    if changed:
        store.upsert(changed)
    return report
