"""This edition's exhibitors: a CSV from the organiser, kept as IMDF occupants in the event folder.

    EVENT/exhibitors/<venue>/occupant.geojson   one occupant per exhibitor (no geometry)
    EVENT/exhibitors/<venue>/anchor.geojson     one anchor per occupant, at its booth
    EVENT/exhibitors/<venue>/x-itcn-kiosk/occupants.json
                                                the kiosk's own data per occupant: its trade-fair
                                                sector and description (outside IMDF)

Exhibitors change every edition, so they live with the event (and are copied to kiosks with the
roster by `kiosk init`); `maps/` holds only the venue. An occupant is tied to its booth the IMDF
way: its anchor is a point inside the booth's section, in the hall's unit.

IMDF's occupant categories are retail ones and IMDF has no description, so the occupant's
`category` is "unspecified" and the trade-fair sector (software, telecom, fintech, ...) and the
description (a label object like `name`) live in the kiosk's extension file beside it.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.errors import KioskError
from kiosk.wayfinding.venue import METRES_PER_DEG_LAT, Place, Venue, label_text, read_geojson
from kiosk.config.words import in_every_language
from kiosk.core.words import QT_TRANSLATE_NOOP


def _in_all(source: str) -> dict[str, str]:
    """A word of this module (context "Sectors" in the translators' files) in every language."""
    return in_every_language("Sectors", source)

NAMESPACE = uuid.UUID("0d1d8f5e-7a53-4b7e-9a8e-52f0c1a3e6b4")
EXTRA_FILE = "x-itcn-kiosk/occupants.json"
MAX_FIELD = 300

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "exhibitor", "exhibitor name", "company", "company name", "name en",
             "organisation", "organization"),
    "booth": ("booth", "booth no", "booth number", "stand", "stand no", "stand number", "stall",
              "stall no", "booth id"),
    "hall": ("hall", "hall no", "hall number"),
    "category": ("category", "sector", "industry", "type"),
    "description": ("description", "about", "profile", "products"),
    "name_ur": ("name ur", "urdu name", "name urdu", "name in urdu"),
    "name_zh": ("name zh", "chinese name", "name chinese", "name in chinese", "name zh hans"),
}

# Sectors at ITCN Asia, with what a visitor may type in each language.
SECTORS: dict[str, dict[str, str]] = {
    "software": _in_all(QT_TRANSLATE_NOOP("Sectors", "Software")),
    "telecom": _in_all(QT_TRANSLATE_NOOP("Sectors", "Telecom")),
    "fintech": _in_all(QT_TRANSLATE_NOOP("Sectors", "Fintech")),
    "e-commerce": _in_all(QT_TRANSLATE_NOOP("Sectors", "E-commerce")),
    "cloud": _in_all(QT_TRANSLATE_NOOP("Sectors", "Cloud")),
    "cybersecurity": _in_all(QT_TRANSLATE_NOOP("Sectors", "Cybersecurity")),
    "ai": _in_all(QT_TRANSLATE_NOOP("Sectors", "AI & Data")),
    "hardware": _in_all(QT_TRANSLATE_NOOP("Sectors", "Hardware")),
    "iot": _in_all(QT_TRANSLATE_NOOP("Sectors", "IoT")),
    "edtech": _in_all(QT_TRANSLATE_NOOP("Sectors", "EdTech")),
    "gaming": _in_all(QT_TRANSLATE_NOOP("Sectors", "Gaming")),
    "networking": _in_all(QT_TRANSLATE_NOOP("Sectors", "Networking")),
    "solar": _in_all(QT_TRANSLATE_NOOP("Sectors", "Solar & Energy")),
    "startups": _in_all(QT_TRANSLATE_NOOP("Sectors", "Startups")),
}
SECTOR_ALIASES = {"ecommerce": "e-commerce", "e commerce": "e-commerce", "telecoms": "telecom",
                  "telecommunications": "telecom", "cyber security": "cybersecurity",
                  "security": "cybersecurity", "artificial intelligence": "ai", "data": "ai",
                  "ai data": "ai", "internet of things": "iot", "education": "edtech",
                  "games": "gaming", "network": "networking", "energy": "solar",
                  "startup": "startups", "financial technology": "fintech"}


def sector_key(text: str) -> str:
    key = re.sub(r"[^a-z0-9-]+", " ", text.strip().lower()).strip()
    key = SECTOR_ALIASES.get(key, key)
    return key if key in SECTORS else (key or "other")


def sector_label(key: str, lang: str = "en") -> str:
    names = SECTORS.get(key)
    if names:
        return names.get(lang) or names["en"]
    return key.replace("-", " ").title()


@dataclass
class Exhibitor:
    id: str
    names: dict  # en, ur, zh-Hans
    category: str
    booth: Place
    description: dict = field(default_factory=dict)
    line: int = 0

    def name(self, lang: str = "en") -> str:
        return label_text(self.names, lang)

    @property
    def booth_code(self) -> str:
        return self.booth.code


@dataclass
class ImportResult:
    venue: str
    imported: int = 0
    rejected: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    folder: str = ""

    def to_json(self) -> dict:
        return {"venue": self.venue, "imported": self.imported, "rejected": self.rejected,
                "warnings": self.warnings, "folder": self.folder}


# -- reading the organiser's CSV ---------------------------------------------------------------
def _norm_header(text: str) -> str:
    return re.sub(r"[^0-9a-z\u0080-\uffff]+", " ", str(text or "").lower().lstrip("\ufeff")).strip()


def read_csv(path: Path) -> list[tuple[int, list[str]]]:
    """Rows with their line numbers: UTF-8 (with or without BOM) or UTF-16, any common separator."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KioskError(f"no exhibitor file at {path}") from None
    except OSError as exc:
        raise KioskError(f"cannot read {path}: {exc}") from None
    if not raw.strip():
        raise KioskError(f"{path} is empty")
    if raw.startswith(b"PK\x03\x04"):
        raise KioskError(f"{path} is a spreadsheet workbook; save it as 'CSV UTF-8' and import that")
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        text = raw.decode("utf-16")
    elif b"\x00" in raw[:4096]:
        raise KioskError(f"{path} is a binary file, not a CSV list of exhibitors")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise KioskError(f"{path} is not UTF-8 text (byte {exc.start}); save it as "
                             "'CSV UTF-8' and import again") from None
    first = text.splitlines()[0] if text.splitlines() else ""
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows, line = [], 1
    try:
        for record in reader:
            rows.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise KioskError(f"{path}: line {line}: {exc}") from None
    return rows


def map_header(header: list[str], path: Path) -> dict[str, int]:
    lookup = {alias: key for key, aliases in HEADER_ALIASES.items() for alias in aliases}
    mapping: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = lookup.get(_norm_header(raw))
        if key and key not in mapping:
            mapping[key] = index
    missing = [k for k in ("name", "booth") if k not in mapping]
    if missing:
        raise KioskError(f"{path} is not an exhibitor list: no {' or '.join(missing)} column "
                         "(expected name, booth, hall, category, description, name_ur, name_zh)")
    return mapping


BOOTH_RE = re.compile(r"^\s*(?:H(?:ALL)?\s*-?\s*(\d+)\s*[-/ ]?\s*)?(?:B(?:OOTH)?|STAND|STALL)?"
                      r"\s*-?\s*(\d+)\s*$", re.IGNORECASE)
HALL_RE = re.compile(r"^\s*(?:H(?:ALL)?)?\s*-?\s*(\d+)\s*$", re.IGNORECASE)


def resolve_booth(venue: Venue, booth_text: str, hall_text: str) -> tuple[Place | None, str]:
    """The booth a row names (with the hall column when the booth number lacks one)."""
    booth_text = booth_text.strip()
    if not booth_text:
        return None, "no booth given"
    direct = venue.booth(booth_text)
    m = BOOTH_RE.match(booth_text)
    hall_no = None
    if hall_text.strip():
        hm = HALL_RE.match(hall_text)
        if not hm:
            return None, f"hall {hall_text.strip()!r} is not a hall number"
        hall_no = int(hm.group(1))
    if direct is not None:
        code_hall = BOOTH_RE.match(direct.code)
        if hall_no is not None and code_hall and code_hall.group(1) \
                and int(code_hall.group(1)) != hall_no:
            return None, f"booth {direct.code} is in Hall {code_hall.group(1)}, not Hall {hall_no}"
        return direct, ""
    if not m:
        return None, f"booth {booth_text!r} is not a booth number such as H2-B14 or B14"
    if m.group(1) and hall_no is not None and int(m.group(1)) != hall_no:
        return None, f"booth {booth_text} is in Hall {m.group(1)}, not Hall {hall_no}"
    hall_no = int(m.group(1)) if m.group(1) else hall_no
    if hall_no is None:
        return None, f"booth {booth_text} needs a hall (a hall column, or write it as H2-B14)"
    code = f"H{hall_no}-B{int(m.group(2))}"
    place = venue.booth(code)
    if place is None:
        halls = [h.name("en") for h in venue.halls]
        if not any(h == f"Hall {hall_no}" for h in halls):
            return None, f"there is no Hall {hall_no} at {venue.name()} ({', '.join(halls)})"
        return None, f"booth {code} is not on the map of {venue.name()}"
    return place, ""


def _clean(text: str) -> str:
    return " ".join(str(text).replace("\u00a0", " ").split())


def parse_rows(rows: list[tuple[int, list[str]]], venue: Venue, path: Path
               ) -> tuple[list[Exhibitor], list[dict], list[dict]]:
    if not rows:
        raise KioskError(f"{path} is empty")
    header_line, header = rows[0]
    mapping = map_header(header, path)
    exhibitors: list[Exhibitor] = []
    rejected: list[dict] = []
    warnings: list[dict] = []
    seen: dict[tuple[str, str], int] = {}
    for line, record in rows[1:]:
        if not any(cell.strip() for cell in record):
            continue

        def get(key: str) -> str:
            index = mapping.get(key)
            return _clean(record[index]) if index is not None and index < len(record) else ""

        name = get("name")
        if not name:
            rejected.append({"line": line, "reason": "no exhibitor name"})
            continue
        too_long = [k for k in HEADER_ALIASES if len(get(k)) > MAX_FIELD]
        if too_long:
            rejected.append({"line": line, "reason": f"{too_long[0]} is longer than "
                             f"{MAX_FIELD} characters"})
            continue
        booth, reason = resolve_booth(venue, get("booth"), get("hall"))
        if booth is None:
            rejected.append({"line": line, "reason": reason})
            continue
        key = (name.lower(), booth.code)
        if key in seen:
            rejected.append({"line": line, "reason": f"{name} at {booth.code} is already on "
                             f"line {seen[key]}"})
            continue
        seen[key] = line
        sharing = [e for e in exhibitors if e.booth.id == booth.id]
        if sharing:
            warnings.append({"line": line, "reason": f"shares booth {booth.code} with "
                             f"{sharing[0].name()}"})
        names = {"en": name}
        if get("name_ur"):
            names["ur"] = get("name_ur")
        if get("name_zh"):
            names["zh-Hans"] = get("name_zh")
        description = {"en": get("description")} if get("description") else {}
        exhibitors.append(Exhibitor(
            id=str(uuid.uuid5(NAMESPACE, f"{venue.key}:{booth.code}:{name.lower()}")),
            names=names, category=sector_key(get("category")), booth=booth,
            description=description, line=line))
    return exhibitors, rejected, warnings


# -- the IMDF files ----------------------------------------------------------------------------
def to_imdf(exhibitors: list[Exhibitor], venue: Venue, validity: dict | None = None
            ) -> tuple[dict, dict]:
    inverse = venue.projection
    occupants, anchors = [], []
    extra: dict = {}
    for e in exhibitors:
        x, y = e.booth.point
        lon = inverse.lon0 + x / inverse.kx
        lat = inverse.lat0 + y / METRES_PER_DEG_LAT
        anchor_id = str(uuid.uuid5(NAMESPACE, f"anchor:{e.id}"))
        anchors.append({"id": anchor_id, "type": "Feature", "feature_type": "anchor",
                        "geometry": {"type": "Point", "coordinates": [round(lon, 7), round(lat, 7)]},
                        "properties": {"address_id": None, "unit_id": e.booth.hall_id}})
        occupants.append({"id": e.id, "type": "Feature", "feature_type": "occupant",
                          "geometry": None, "properties": {
                              "category": "unspecified", "name": e.names,
                              "anchor_id": anchor_id, "hours": None, "phone": None,
                              "website": None, "validity": validity,
                              "correlation_id": e.booth.code}})
        extra[e.id] = {"sector": e.category, "description": e.description or None}
    return ({"type": "FeatureCollection", "name": "occupant", "features": occupants},
            {"type": "FeatureCollection", "name": "anchor", "features": anchors})


def kiosk_extra(exhibitors: list[Exhibitor]) -> dict:
    """The kiosk's own data per occupant id (sector, description), outside IMDF."""
    return {e.id: {"sector": e.category, "description": e.description or None}
            for e in exhibitors}


def import_exhibitors(path: Path, venue: Venue, exhibitors_dir: Path, *,
                      validity: dict | None = None) -> ImportResult:
    """Read the CSV, keep the good rows as this venue's occupants, report bad rows by line.

    The venue's list is replaced as a whole (it is this edition's list). A file with no good row
    changes nothing.
    """
    path = Path(path)
    exhibitors, rejected, warnings = parse_rows(read_csv(path), venue, path)
    result = ImportResult(venue=venue.key, rejected=rejected, warnings=warnings)
    if not exhibitors:
        reason = rejected[0]["reason"] if rejected else "no rows"
        raise KioskError(f"{path}: no exhibitor could be imported (line "
                         f"{rejected[0]['line'] if rejected else 1}: {reason}); nothing changed")
    occupant, anchor = to_imdf(exhibitors, venue, validity)
    folder = Path(exhibitors_dir) / venue.key
    folder.mkdir(parents=True, exist_ok=True)
    (folder / EXTRA_FILE).parent.mkdir(exist_ok=True)
    for name, data in ((EXTRA_FILE, kiosk_extra(exhibitors)), ("anchor.geojson", anchor),
                       ("occupant.geojson", occupant)):
        tmp = folder / (name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(folder / name)
    result.imported = len(exhibitors)
    result.folder = str(folder)
    return result


def load_exhibitors(exhibitors_dir: Path | None, venue: Venue) -> list[Exhibitor]:
    """The occupants kept for this venue (none if the folder or files are absent)."""
    if exhibitors_dir is None:
        return []
    folder = Path(exhibitors_dir) / venue.key
    if not (folder / "occupant.geojson").exists():
        return []
    occupants = read_geojson(folder / "occupant.geojson")["features"]
    anchors = {f.get("id"): f for f in read_geojson(folder / "anchor.geojson")["features"]}
    extra = {}
    if (folder / EXTRA_FILE).exists():
        try:
            extra = json.loads((folder / EXTRA_FILE).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise KioskError(f"{folder / EXTRA_FILE} is not readable JSON: {exc}") from None
    booth_at = _booth_locator(venue)
    result = []
    for f in occupants:
        props = f.get("properties") or {}
        anchor = anchors.get(props.get("anchor_id"))
        if not anchor or (anchor.get("geometry") or {}).get("type") != "Point":
            continue
        x, y = venue.projection.to_local(*anchor["geometry"]["coordinates"][:2])
        booth = booth_at(x, y)
        if booth is None:
            continue
        mine = extra.get(f.get("id")) or {}
        # Older exhibitor folders kept the sector in category and a description member.
        sector = mine.get("sector") or (props.get("category") if props.get("category")
                                         not in (None, "unspecified") else None) or "other"
        result.append(Exhibitor(id=f.get("id", ""), names=props.get("name") or {},
                                category=sector, booth=booth,
                                description=mine.get("description") or
                                props.get("description") or {}))
    return result


def _booth_locator(venue: Venue):
    from shapely import Point, Polygon, STRtree

    booths = [b for b in venue.booths if b.polygon]
    tree = STRtree([Polygon(b.polygon) for b in booths])

    def booth_at(x: float, y: float) -> Place | None:
        hits = tree.query(Point(x, y), predicate="intersects")
        return booths[int(hits[0])] if len(hits) else None

    return booth_at
