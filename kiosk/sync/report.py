"""`kiosk report`: the organiser's tables, charts and one self-contained HTML page.

The source is a merged database or the hub (copied first into a temporary database of the same
layout, so both give the same numbers from the same queries). Words used throughout:

- an attendee *checked in* on a day when they have an entry (accepted or re-entry) that day; their
  *first check-in* that day is the earliest, and it tells the day's category, venue, gate, kiosk
  and hour (as ``kiosk headcount`` counts them);
- *inside* at a moment: their latest entry or exit so far that day was an entry;
- a *no-show* is on the roster with no entry on any day (needs a roster: ``kiosk merge
  --event DIR`` or ``kiosk hub publish``);
- *admitted twice* (offline double use): a badge admitted at a kiosk that should have refused it
  because of another kiosk's earlier entry it did not know of (kiosk/core/double_use.py: still
  inside within the anti-passback window, or a category without re-entry). From the hub, each is
  told apart by which kiosk was offline: one whose scan reached the hub more than
  ``OFFLINE_LAG_S`` after it was made. Kiosk bundles carry no arrival time, so a merged database
  lists them without saying which.

Files written to the output folder:

    attendance_by_day.csv       day, checked_in, accepted_scans, refused_scans, exit_scans,
                                peak_inside, peak_inside_at
    attendance_by_category.csv  day, category, checked_in
    attendance_by_gate.csv      day, venue, gate, checked_in
    attendance_by_hour.csv      day, hour, arrivals, entry_scans, exit_scans, refused_scans
    refusals.csv                day, outcome, reason, scans
    first_checkins.csv          attendee_id, name, category, company, first_day, first_at,
                                venue, gate, kiosk, days_attended
    no_shows.csv                id, name, category, company, email, phone
    walk_ins.csv                id, name, category, company, email, phone, registered_at,
                                kiosk: visitors registered at a kiosk, in the form `kiosk
                                roster import` reads, so that they can be issued signed badges
                                (`kiosk badges`) for the next day
    double_use.csv              day, attendee_id, name, category, reason, first_at,
                                first_kiosk, first_gate, second_at, second_kiosk, second_gate,
                                seconds_apart, offline
    arrivals.png                arrivals (first check-ins) per 15 minutes, per day and venue
    inside_now.png              the inside-now curve of each day
    index.html                  all of the above on one page, charts embedded
"""

from __future__ import annotations

import base64
import csv
import html
import io
import sqlite3
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kiosk.config import parse_event
from kiosk.core.double_use import DoubleUse, find_double_uses
from kiosk.core.errors import KioskError
from kiosk.core.event import DEFAULT_TIMEZONE
from kiosk.core.timeutil import from_utc_text, to_utc_text, utcnow, zone
from kiosk.core.words import LOCALES, QT_TRANSLATE_NOOP
from kiosk.storage.db import _statements, connect
from kiosk.storage.schema import ROSTER_DDL, SCAN_COLUMNS, SCAN_LOG_DDL
from kiosk.storage.walk_ins import COLUMNS as WALK_IN_COLUMNS, add_to_roster
from kiosk.sync.hub import HubClient, redact

_ENTRY = "('accepted', 'reentry')"
BIN_MINUTES = 15
OFFLINE_LAG_S = 10  # a scan that reached the hub later than this was made offline


@dataclass
class ReportData:
    event_name: str
    event_id: str
    timezone: str
    source: str
    days: list[str] = field(default_factory=list)
    by_day: dict[str, dict] = field(default_factory=dict)
    by_category: dict[tuple[str, str], int] = field(default_factory=dict)
    by_gate: dict[tuple[str, str, str], int] = field(default_factory=dict)
    by_hour: dict[tuple[str, str], dict] = field(default_factory=dict)
    refusals: dict[tuple[str, str, str], int] = field(default_factory=dict)
    firsts: list[dict] = field(default_factory=list)
    no_shows: list[dict] | None = None
    arrivals: dict[tuple[str, str], Counter] = field(default_factory=dict)  # (day, venue) -> bin
    inside: dict[str, list[tuple[datetime, int]]] = field(default_factory=dict)
    scans: int = 0
    roster_size: int | None = None
    double_uses: list[dict] = field(default_factory=list)
    knows_offline: bool = False  # the source tells when each scan reached the hub
    judged: bool = False  # the event's rules were there to judge double use by
    walk_ins: list[dict] = field(default_factory=list)


# -- sources --------------------------------------------------------------------------------------
def snapshot_hub(hub: HubClient, path: Path) -> None:
    """Copy the hub's scans, roster and event into a SQLite file laid out like MERGED.db."""
    info = hub.info()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        for statement in _statements("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                                     + ROSTER_DDL + SCAN_LOG_DDL):
            conn.execute(statement)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("event_id", info.event_id), ("event_toml", info.event_toml),
            ("source", f"hub {redact(hub.url)}")])
        insert = (f"INSERT INTO scans ({', '.join(SCAN_COLUMNS)}) "
                  f"VALUES ({', '.join('?' * len(SCAN_COLUMNS))})")
        for block in hub.stream_scans():
            conn.executemany(insert, block)
        # When each scan reached the hub: what tells an offline kiosk's scans apart.
        conn.execute("CREATE TABLE hub_received (scan_id TEXT PRIMARY KEY, received_at TEXT)")
        with hub.conn.transaction(), hub.conn.cursor(name="received") as cur:
            cur.itersize = 20_000
            cur.execute("SELECT scan_id, to_char(received_at AT TIME ZONE 'UTC', "
                        "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM scans")
            while rows := cur.fetchmany(20_000):
                conn.executemany("INSERT INTO hub_received VALUES (?, ?)", rows)
        walk_ins = hub.walk_ins()
        conn.execute("CREATE TABLE walk_ins (seq INTEGER PRIMARY KEY, attendee_id TEXT UNIQUE, "
                     "kiosk_id TEXT, at_utc TEXT, name TEXT, category TEXT, company TEXT, "
                     "email TEXT, phone TEXT)")
        conn.executemany(f"INSERT INTO walk_ins ({', '.join(WALK_IN_COLUMNS)}) VALUES "
                         f"({', '.join('?' * len(WALK_IN_COLUMNS))})",
                         [tuple(w[c] for c in WALK_IN_COLUMNS) for w in walk_ins])
        roster = hub.roster()
        if roster:
            cols = list(roster[0])
            conn.executemany(f"INSERT INTO attendees ({', '.join(cols)}) VALUES "
                             f"({', '.join('?' * len(cols))})",
                             [tuple(r[c] for c in cols) for r in roster])
            add_to_roster(conn)  # walk-ins are on the roster too (not no-shows if they came)
        conn.execute("COMMIT")
    finally:
        conn.close()


def build_report_from_hub(hub: HubClient, out: Path, *, language: str = "en") -> dict:
    words = _Words(language)  # a bad language is refused before the hub is copied
    with tempfile.TemporaryDirectory(prefix="kiosk-report-") as tmp:
        path = Path(tmp) / "hub.db"
        snapshot_hub(hub, path)
        return build_report(path, out, source=f"hub {redact(hub.url)}", language=words.language)


# -- gathering ----------------------------------------------------------------------------------
def gather(conn: sqlite3.Connection, source: str) -> ReportData:
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    event_name, tz = meta.get("event_id", "event"), DEFAULT_TIMEZONE
    if meta.get("event_toml"):
        model = parse_event(meta["event_toml"], "the event in the database")
        event_name, tz = model.name, model.timezone
    rules = None
    data = ReportData(event_name=event_name, event_id=meta.get("event_id", ""), timezone=tz,
                      source=source)
    if meta.get("event_toml"):
        rules = model.rules()
    tzinfo = zone(tz)

    def local(text: str) -> datetime:
        return from_utc_text(text).astimezone(tzinfo)

    data.scans = conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0]
    data.days = [d for (d,) in conn.execute("SELECT DISTINCT day FROM scans ORDER BY day")]
    for day in data.days:
        data.by_day[day] = {"checked_in": 0, "accepted_scans": 0, "refused_scans": 0,
                            "exit_scans": 0, "peak_inside": 0, "peak_inside_at": ""}

    # Scans by day, outcome and reason: the day's totals and the refusals.
    for day, outcome, reason, n in conn.execute(
            "SELECT day, outcome, reason, COUNT(*) FROM scans GROUP BY 1, 2, 3"):
        row = data.by_day[day]
        if outcome in ("accepted", "reentry"):
            row["accepted_scans"] += n
        elif outcome == "exited":
            row["exit_scans"] += n
        else:
            row["refused_scans"] += n
            data.refusals[(day, outcome, reason)] = n

    # Scans per minute, turned into local hours here (exact for any whole-minute offset).
    for day, minute, outcome, n in conn.execute(
            "SELECT day, substr(at_utc, 1, 16), outcome, COUNT(*) FROM scans GROUP BY 1, 2, 3"):
        hour = local(minute + ":00.000000Z").strftime("%H:00")
        slot = data.by_hour.setdefault((day, hour), {"arrivals": 0, "entry_scans": 0,
                                                     "exit_scans": 0, "refused_scans": 0})
        if outcome in ("accepted", "reentry"):
            slot["entry_scans"] += n
        elif outcome == "exited":
            slot["exit_scans"] += n
        else:
            slot["refused_scans"] += n

    # Each attendee's first check-in per day, ties (the same moment) broken as the derived
    # tables break them (kiosk/storage/schema.py, merged.py): the earlier row in the log.
    firsts = conn.execute(
        f"""SELECT f.day, f.attendee_id, f.category, f.first_at, f.venue, f.gate, f.kiosk_id,
                   a.name, a.company
            FROM (SELECT day, attendee_id, category, at_utc AS first_at, venue, gate, kiosk_id,
                         ROW_NUMBER() OVER (PARTITION BY day, attendee_id
                                            ORDER BY at_utc, seq) AS n
                  FROM scans WHERE attendee_id IS NOT NULL AND outcome IN {_ENTRY}) f
            LEFT JOIN attendees a ON a.id = f.attendee_id
            WHERE f.n = 1
            ORDER BY f.first_at, f.attendee_id""").fetchall()
    per_attendee: dict[str, dict] = {}
    for day, who, category, first_at, venue, gate, kiosk, name, company in firsts:
        category = category or ""
        when = local(first_at)
        data.by_day[day]["checked_in"] += 1
        data.by_category[(day, category)] = data.by_category.get((day, category), 0) + 1
        data.by_gate[(day, venue, gate)] = data.by_gate.get((day, venue, gate), 0) + 1
        slot = data.by_hour.setdefault((day, when.strftime("%H:00")), {
            "arrivals": 0, "entry_scans": 0, "exit_scans": 0, "refused_scans": 0})
        slot["arrivals"] += 1
        minute = when.hour * 60 + when.minute
        data.arrivals.setdefault((day, venue), Counter())[minute // BIN_MINUTES] += 1
        person = per_attendee.get(who)
        if person is None:
            per_attendee[who] = {
                "attendee_id": who, "name": name or "", "category": category,
                "company": company or "", "first_day": day,
                "first_at": when.isoformat(timespec="seconds"), "venue": venue, "gate": gate,
                "kiosk": kiosk, "days_attended": 1}
        else:
            person["days_attended"] += 1
    data.firsts = list(per_attendee.values())

    # The inside-now curve: +1 when someone's latest scan turns into an entry, -1 into an exit.
    changes = conn.execute(
        """WITH ev AS (
                SELECT day, attendee_id, at_utc, seq,
                       CASE WHEN outcome = 'exited' THEN 0 ELSE 1 END AS inside
                FROM scans
                WHERE attendee_id IS NOT NULL AND outcome IN ('accepted', 'reentry', 'exited')),
            ch AS (
                SELECT day, at_utc, inside - COALESCE(LAG(inside) OVER (
                    PARTITION BY day, attendee_id ORDER BY at_utc, seq), 0) AS delta
                FROM ev)
            SELECT day, substr(at_utc, 1, 16) AS minute, SUM(delta)
            FROM ch WHERE delta <> 0 GROUP BY 1, 2 ORDER BY 1, 2""").fetchall()
    running: dict[str, int] = defaultdict(int)
    for day, minute, delta in changes:
        running[day] += delta
        at = local(minute + ":00.000000Z")
        data.inside.setdefault(day, []).append((at, running[day]))
        row = data.by_day[day]
        if running[day] > row["peak_inside"]:
            row["peak_inside"] = running[day]
            row["peak_inside_at"] = at.strftime("%H:%M")

    if rules is not None:
        data.knows_offline, data.double_uses = _double_uses(conn, rules, local)
        data.judged = True

    has_roster = conn.execute("SELECT COUNT(*) FROM attendees").fetchone()[0]
    if has_roster:
        data.roster_size = has_roster
        data.no_shows = [dict(zip(("id", "name", "category", "company", "email", "phone"), r))
                         for r in conn.execute(
            f"""SELECT id, name, category, company, email, phone FROM attendees a
                WHERE NOT EXISTS (SELECT 1 FROM scans s WHERE s.attendee_id = a.id
                                  AND s.outcome IN {_ENTRY})
                ORDER BY category, id""")]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "walk_ins" in tables:
        data.walk_ins = [dict(zip(WALK_IN_FIELDS, r)) for r in conn.execute(
            "SELECT attendee_id, name, category, company, email, phone, at_utc, kiosk_id "
            "FROM walk_ins ORDER BY at_utc, attendee_id")]
    return data


WALK_IN_FIELDS = ["id", "name", "category", "company", "email", "phone", "registered_at", "kiosk"]


def _double_uses(conn: sqlite3.Connection, rules, local) -> tuple[bool, list[dict]]:
    """Every badge admitted twice (see the module docstring), with who was offline if known."""
    cur = conn.execute(
        "SELECT scan_id, kiosk_id, gate, venue, at_utc, day, attendee_id, category, outcome, "
        "reason FROM scans WHERE attendee_id IS NOT NULL "
        "AND outcome IN ('accepted', 'reentry', 'exited')")
    names = [d[0] for d in cur.description]
    found: list[DoubleUse] = find_double_uses((dict(zip(names, r)) for r in cur), rules)
    knows = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                         "AND name = 'hub_received'").fetchone()[0] == 1
    received = {}
    if knows and found:
        ids = [x for d in found for x in (d.first["scan_id"], d.second["scan_id"])]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            received.update(conn.execute(
                f"SELECT scan_id, received_at FROM hub_received WHERE scan_id IN "
                f"({', '.join('?' * len(chunk))})", chunk).fetchall())
    names_by_id = {}
    people = sorted({d.attendee_id for d in found})
    for i in range(0, len(people), 500):
        chunk = people[i:i + 500]
        names_by_id.update(conn.execute(
            f"SELECT id, name FROM attendees WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk).fetchall())

    def late(scan) -> bool | None:
        at = received.get(scan["scan_id"])
        if not knows or at is None:
            return None
        return (from_utc_text(at) - from_utc_text(scan["at_utc"])).total_seconds() > OFFLINE_LAG_S

    rows = []
    for d in found:
        flags = [late(d.first), late(d.second)]
        if None in flags:
            offline = ""
        else:
            offline = {(True, True): "both", (True, False): "first", (False, True): "second",
                       (False, False): "neither"}[tuple(flags)]
        rows.append({
            "day": d.day, "attendee_id": d.attendee_id, "name": names_by_id.get(d.attendee_id, ""),
            "category": d.category, "reason": d.reason,
            "first_at": local(d.first["at_utc"]).isoformat(timespec="seconds"),
            "first_kiosk": d.first["kiosk_id"], "first_gate": d.first["gate"],
            "second_at": local(d.second["at_utc"]).isoformat(timespec="seconds"),
            "second_kiosk": d.second["kiosk_id"], "second_gate": d.second["gate"],
            "seconds_apart": round(d.seconds_apart), "offline": offline})
    return knows, rows


DOUBLE_USE_FIELDS = ["day", "attendee_id", "name", "category", "reason", "first_at", "first_kiosk",
                     "first_gate", "second_at", "second_kiosk", "second_gate", "seconds_apart",
                     "offline"]


# -- writing --------------------------------------------------------------------------------------
def _write_csv(path: Path, header: list[str], rows) -> None:
    from kiosk.core.csvsafe import write_rows

    with path.open("w", encoding="utf-8", newline="") as fh:
        write_rows(fh, header, rows)  # names, companies, e-mails: safe to open in a spreadsheet


def _tables(data: ReportData, out: Path) -> list[str]:
    files = []

    def write(name, header, rows):
        _write_csv(out / name, header, rows)
        files.append(name)

    write("attendance_by_day.csv",
          ["day", "checked_in", "accepted_scans", "refused_scans", "exit_scans", "peak_inside",
           "peak_inside_at"],
          ([d, *(data.by_day[d][k] for k in ("checked_in", "accepted_scans", "refused_scans",
                                              "exit_scans", "peak_inside", "peak_inside_at"))]
           for d in data.days))
    write("attendance_by_category.csv", ["day", "category", "checked_in"],
          ([d, c, n] for (d, c), n in sorted(data.by_category.items())))
    write("attendance_by_gate.csv", ["day", "venue", "gate", "checked_in"],
          ([d, v, g, n] for (d, v, g), n in sorted(data.by_gate.items())))
    write("attendance_by_hour.csv",
          ["day", "hour", "arrivals", "entry_scans", "exit_scans", "refused_scans"],
          ([d, h, s["arrivals"], s["entry_scans"], s["exit_scans"], s["refused_scans"]]
           for (d, h), s in sorted(data.by_hour.items())))
    write("refusals.csv", ["day", "outcome", "reason", "scans"],
          ([d, o, r, n] for (d, o, r), n in sorted(data.refusals.items())))
    fields = ["attendee_id", "name", "category", "company", "first_day", "first_at", "venue",
              "gate", "kiosk", "days_attended"]
    write("first_checkins.csv", fields, ([p[f] for f in fields] for p in data.firsts))
    write("no_shows.csv", ["id", "name", "category", "company", "email", "phone"],
          ([p[f] for f in ("id", "name", "category", "company", "email", "phone")]
           for p in (data.no_shows or [])))
    write("walk_ins.csv", WALK_IN_FIELDS, ([w[f] for f in WALK_IN_FIELDS] for w in data.walk_ins))
    write("double_use.csv", DOUBLE_USE_FIELDS,
          ([d[f] for f in DOUBLE_USE_FIELDS] for d in data.double_uses))
    return files


def _charts(data: ReportData, out: Path, language: str = "en") -> dict[str, bytes]:
    """The two charts. Their words are English only in an English report: matplotlib cannot
    shape Urdu, so in the other languages the charts carry numbers, times, dates and venue
    names alone, and the page's captions (in the catalogue) say what they show."""
    # The object API, not pyplot: no global figure state or backend switch in a process that
    # may also run Qt.
    english = language == "en"
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    pngs = {}
    days = data.days or ["(no scans)"]
    venues = sorted({v for (_, v) in data.arrivals})
    colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"]

    fig = Figure(figsize=(11, 2.6 * len(days) + 0.6))
    axes = fig.subplots(len(days), 1, squeeze=False, sharex=True)
    for ax, day in zip(axes[:, 0], days):
        bottom = [0] * (24 * 60 // BIN_MINUTES)
        for i, venue in enumerate(venues):
            counts = data.arrivals.get((day, venue), Counter())
            heights = [counts.get(b, 0) for b in range(len(bottom))]
            ax.bar([b * BIN_MINUTES / 60 for b in range(len(bottom))], heights,
                   width=BIN_MINUTES / 60, align="edge", bottom=bottom,
                   color=colours[i % len(colours)], label=venue.title())
            bottom = [a + b for a, b in zip(bottom, heights)]
        ax.set_title(f"{day}", loc="left", fontsize=10)
        if english:
            ax.set_ylabel("arrivals")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(axis="y", alpha=0.3)
        if english and not any(bottom):
            ax.text(0.5, 0.5, "no arrivals", transform=ax.transAxes, ha="center", color="grey")
    lo, hi = _hour_window(data)
    ticks = range(lo, hi + 1, 1 if hi - lo <= 12 else 2)
    ax = axes[-1, 0]
    ax.set_xlim(lo, hi)
    ax.set_xticks(list(ticks))
    ax.set_xticklabels([f"{h:02d}:00" for h in ticks])
    if english:
        ax.set_xlabel(f"local time ({data.timezone})")
    if venues:
        axes[0, 0].legend(loc="upper right", fontsize=8)
    if english:
        fig.suptitle(f"Arrivals per {BIN_MINUTES} minutes (first check-in of the day)")
    fig.tight_layout()
    pngs["arrivals.png"] = _save(fig, out / "arrivals.png")

    fig = Figure(figsize=(11, 4))
    ax = fig.subplots()
    for i, day in enumerate(data.days):
        points = data.inside.get(day, [])
        if not points:
            continue
        # From nobody at the left edge, carried on to the right edge after the last scan.
        xs = [lo] + [p.hour + p.minute / 60 for p, _ in points] + [hi]
        ys = [0] + [n for _, n in points] + [points[-1][1]]
        ax.step(xs, ys, where="post", label=day, color=colours[i % len(colours)])
    ax.set_xlim(lo, hi)
    ax.set_xticks(list(ticks))
    ax.set_xticklabels([f"{h:02d}:00" for h in ticks])
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(alpha=0.3)
    if data.inside:
        ax.legend(loc="upper right", fontsize=8)
    if english:
        ax.set_ylabel("people inside")
        ax.set_xlabel(f"local time ({data.timezone})")
        if not data.inside:
            ax.text(0.5, 0.5, "no entries", transform=ax.transAxes, ha="center", color="grey")
        ax.set_title("Inside now: people whose latest scan of the day was an entry")
    fig.tight_layout()
    pngs["inside_now.png"] = _save(fig, out / "inside_now.png")
    return pngs


def _hour_window(data: ReportData) -> tuple[int, int]:
    """The local hours worth showing: from an hour before the first arrival to an hour after
    the last scan (opening hours when there is nothing yet)."""
    hours = [b * BIN_MINUTES / 60 for counts in data.arrivals.values() for b in counts]
    hours += [p.hour + p.minute / 60 for points in data.inside.values() for p, _ in points]
    if not hours:
        return 8, 20
    return max(0, int(min(hours)) - 1), min(24, int(max(hours)) + 2)


def _save(fig, path: Path) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    raw = buffer.getvalue()
    path.write_bytes(raw)
    return raw


def _html_table(header: list[str], rows: list[list], numeric_from: int = 1,
                words: "_Words | None" = None) -> str:
    words = words or _Words("en")
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            numeric = i >= numeric_from and isinstance(value, int)
            cls = ' class="n"' if numeric else ""
            text = words.number(value) if numeric else str(value)
            cells.append(f"<td{cls}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    # cellpadding as well as CSS, for viewers that ignore style sheets (some mail clients).
    return (f'<table cellpadding="5"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def _pivot(keys_rows: dict, days: list[str], words: "_Words") -> tuple[list[str], list[list]]:
    """{(day, key): n} -> rows of key with one column per day and a total."""
    keys = sorted({k for (_, k) in keys_rows})
    rows = []
    for key in keys:
        counts = [keys_rows.get((d, key), 0) for d in days]
        rows.append([key or words["(none)"], *counts, sum(counts)])
    return ["", *(words.day(d) for d in days), words["total"]], rows


# -- words ----------------------------------------------------------------------------------------
# The page's words, in the one catalogue: lupdate extracts them into kiosk/ui/i18n/report_*.ts
# (scripts/i18n.py), read here without Qt by kiosk.config.words. CSV headers stay English keys:
# they are data for other programs.
_WORDS = {text: text for text in (
    QT_TRANSLATE_NOOP("Report", "attendance report"),
    QT_TRANSLATE_NOOP("Report", "times in {zone}"),
    QT_TRANSLATE_NOOP("Report", "attendees checked in"),
    QT_TRANSLATE_NOOP("Report", "scans"),
    QT_TRANSLATE_NOOP("Report", "no-shows"),
    QT_TRANSLATE_NOOP("Report", "on the roster"),
    QT_TRANSLATE_NOOP("Report", "walk-ins"),
    QT_TRANSLATE_NOOP("Report", "admitted twice"),
    QT_TRANSLATE_NOOP("Report", "No roster in this database, so no-shows are not listed: merge "
                      "with {option} or publish the roster to the hub."),
    QT_TRANSLATE_NOOP("Report", "By day"),
    QT_TRANSLATE_NOOP("Report", "day"),
    QT_TRANSLATE_NOOP("Report", "checked in"),
    QT_TRANSLATE_NOOP("Report", "accepted scans"),
    QT_TRANSLATE_NOOP("Report", "refused scans"),
    QT_TRANSLATE_NOOP("Report", "exits"),
    QT_TRANSLATE_NOOP("Report", "peak inside"),
    QT_TRANSLATE_NOOP("Report", "peak at"),
    QT_TRANSLATE_NOOP("Report", "Arrivals and people inside"),
    QT_TRANSLATE_NOOP("Report", "Arrivals per {minutes} minutes (first check-in of the day), "
                      "local time ({zone})"),
    QT_TRANSLATE_NOOP("Report", "Inside now: people whose latest scan of the day was an entry, "
                      "local time ({zone})"),
    QT_TRANSLATE_NOOP("Report", "By category (checked in)"),
    QT_TRANSLATE_NOOP("Report", "By venue and gate (first check-in of the day)"),
    QT_TRANSLATE_NOOP("Report", "By hour (first check-ins)"),
    QT_TRANSLATE_NOOP("Report", "total"),
    QT_TRANSLATE_NOOP("Report", "(none)"),
    QT_TRANSLATE_NOOP("Report", "Walk-ins"),
    QT_TRANSLATE_NOOP("Report", "No visitor registered at a kiosk."),
    QT_TRANSLATE_NOOP("Report", "Visitors registered at a kiosk, with the kiosk's own number (a "
                      "plain-id QR; a kiosk cannot sign). To give them signed badges for the "
                      "next day: {import_command}, then {badges_command}."),
    QT_TRANSLATE_NOOP("Report", "number"),
    QT_TRANSLATE_NOOP("Report", "name"),
    QT_TRANSLATE_NOOP("Report", "category"),
    QT_TRANSLATE_NOOP("Report", "company"),
    QT_TRANSLATE_NOOP("Report", "kiosk"),
    QT_TRANSLATE_NOOP("Report", "registered (UTC)"),
    QT_TRANSLATE_NOOP("Report", "Admitted twice (offline double use)"),
    QT_TRANSLATE_NOOP("Report", "No event rules in this database, so double use cannot be "
                      "judged."),
    QT_TRANSLATE_NOOP("Report", "Badges admitted at a kiosk that should have refused them: "
                      "another kiosk had let the same badge in shortly before (still inside, "
                      "within the anti-passback window) or its category allows no re-entry, and "
                      "the second kiosk did not know, because one of the two was cut off from "
                      "the hub or ran without one. This is what offline mode cost."),
    QT_TRANSLATE_NOOP("Report", "{offline} says whose scan reached the hub more than {seconds} s "
                      "after it was made; {neither} would mean both kiosks were online."),
    QT_TRANSLATE_NOOP("Report", "Kiosk bundles do not say when a kiosk was online, so {offline} "
                      "is left blank; a report from the hub ({option}) tells."),
    QT_TRANSLATE_NOOP("Report", "offline"),
    QT_TRANSLATE_NOOP("Report", "neither"),
    QT_TRANSLATE_NOOP("Report", "both"),
    QT_TRANSLATE_NOOP("Report", "No badge was admitted twice."),
    QT_TRANSLATE_NOOP("Report", "attendee"),
    QT_TRANSLATE_NOOP("Report", "should have said"),
    QT_TRANSLATE_NOOP("Report", "first"),
    QT_TRANSLATE_NOOP("Report", "at kiosk"),
    QT_TRANSLATE_NOOP("Report", "second"),
    QT_TRANSLATE_NOOP("Report", "seconds apart"),
    QT_TRANSLATE_NOOP("Report", "Refusals"),
    QT_TRANSLATE_NOOP("Report", "outcome"),
    QT_TRANSLATE_NOOP("Report", "reason"),
    QT_TRANSLATE_NOOP("Report", "No scan was refused."),
    QT_TRANSLATE_NOOP("Report", "Tables: {links}. Generated {moment} UTC by the ITCN Asia kiosk."),
)}
LANGUAGES = ("en", "ur", "zh")
_FONTS = {"en": '"Noto Sans", system-ui, sans-serif',
          "ur": '"Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans", serif',
          "zh": '"Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", sans-serif'}


class _Words:
    """The page's words, numbers and dates in one language."""

    def __init__(self, language: str):
        if language not in LANGUAGES:
            raise KioskError(f"no report in {language!r}; choose one of {', '.join(LANGUAGES)}")
        from kiosk.config.words import catalogue

        self.language = language
        self.catalogue = catalogue(language)
        self.locale = LOCALES[language]

    def __getitem__(self, text: str) -> str:
        assert text in _WORDS, text  # every word of the page is in the catalogue
        return self.catalogue.translate("Report", text)

    def number(self, n) -> str:
        from babel.numbers import format_decimal

        return format_decimal(n, locale=self.locale)

    def day(self, iso: str) -> str:
        from babel.dates import format_date

        try:
            return format_date(date.fromisoformat(iso), "medium", locale=self.locale)
        except ValueError:
            return iso

    @property
    def rtl(self) -> bool:
        return self.language == "ur"


def _page(data: ReportData, pngs: dict[str, bytes], files: list[str], w: _Words) -> str:
    esc = html.escape
    unique = len(data.firsts)
    headline = [(w["attendees checked in"], unique), (w["scans"], data.scans)]
    if data.no_shows is not None:
        headline.append((w["no-shows"], len(data.no_shows)))
        headline.append((w["on the roster"], data.roster_size))
    headline.append((w["walk-ins"], len(data.walk_ins)))
    headline.append((w["admitted twice"], len(data.double_uses)))
    cards = "".join(f'<div class="card"><div class="big">{esc(w.number(v))}</div>'
                    f"<div>{esc(k)}</div></div>" for k, v in headline)
    day_rows = [[w.day(d), *(data.by_day[d][k] for k in (
        "checked_in", "accepted_scans", "refused_scans", "exit_scans", "peak_inside",
        "peak_inside_at"))] for d in data.days]
    cat_head, cat_rows = _pivot(data.by_category, data.days, w)
    gate_rows = {(d, f"{v} / {g or '-'}"): n for (d, v, g), n in data.by_gate.items()}
    gate_head, gate_rows_list = _pivot(gate_rows, data.days, w)
    hour_arrivals = {(d, h): s["arrivals"] for (d, h), s in data.by_hour.items()}
    hour_head, hour_rows = _pivot(hour_arrivals, data.days, w)
    refusal_rows = [[w.day(d), o, r, n] for (d, o, r), n in sorted(data.refusals.items())]
    captions = {
        "arrivals.png": w["Arrivals per {minutes} minutes (first check-in of the day), local "
                          "time ({zone})"].format(minutes=w.number(BIN_MINUTES),
                                                  zone=data.timezone),
        "inside_now.png": w["Inside now: people whose latest scan of the day was an entry, "
                            "local time ({zone})"].format(zone=data.timezone),
    }
    images = "".join(
        f'<figure><img alt="{esc(captions.get(name, name))}" src="data:image/png;base64,'
        f'{base64.b64encode(raw).decode("ascii")}"><figcaption>{esc(captions.get(name, name))}'
        f"</figcaption></figure>" for name, raw in pngs.items())
    links = " · ".join(f'<a href="{esc(f)}" dir="ltr">{esc(f)}</a>' for f in files)
    no_show_note = ("" if data.no_shows is not None else
                    "<p class=note>" + esc(w["No roster in this database, so no-shows are not "
                                             "listed: merge with {option} or publish the roster "
                                             "to the hub."]).format(
                        option='<code dir="ltr">--event DIR</code>') + "</p>")
    generated = to_utc_text(utcnow())[:16].replace("T", " ")
    direction = "rtl" if w.rtl else "ltr"
    subtitle = " · ".join([w["attendance report"], data.source,
                           w["times in {zone}"].format(zone=data.timezone)])
    return f"""<!DOCTYPE html>
<html lang="{w.language}" dir="{direction}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(data.event_name)}: {esc(w["attendance report"])}</title>
<style>
body {{ font-family: {_FONTS[w.language]}; margin: 2rem auto; max-width: 70rem;
       padding: 0 1rem; color: #1b1b1b; line-height: {1.9 if w.rtl else 1.4}; }}
h1 {{ margin-bottom: 0.2rem; }} .sub {{ color: #555; margin-top: 0; }}
.cards {{ display: flex; gap: 1rem; flex-wrap: wrap; margin: 1.5rem 0; }}
.card {{ border: 1px solid #ccd; border-radius: 8px; padding: 0.8rem 1.2rem; min-width: 9rem; }}
.big {{ font-size: 28px; font-weight: 700; color: #0072B2; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }}
th, td {{ border-bottom: 1px solid #dde; padding: 4px 10px; text-align: start; }}
td.n {{ text-align: end; font-variant-numeric: tabular-nums; }}
th {{ background: #f3f5f9; }} img {{ max-width: 100%; }} figure {{ margin: 1rem 0; }}
figcaption {{ color: #444; }} code {{ unicode-bidi: isolate; }}
.note {{ color: #8a5300; }} footer {{ color: #666; font-size: 0.85rem; margin-top: 2rem; }}
</style></head><body>
<h1>{esc(data.event_name)}</h1>
<p class="sub">{esc(subtitle)}</p>
<div class="cards">{cards}</div>
{no_show_note}
<h2>{esc(w["By day"])}</h2>
{_html_table([w[h] for h in ("day", "checked in", "accepted scans", "refused scans", "exits",
                             "peak inside", "peak at")], day_rows, words=w)}
<h2>{esc(w["Arrivals and people inside"])}</h2>
{images}
<h2>{esc(w["By category (checked in)"])}</h2>
{_html_table(cat_head, cat_rows, words=w)}
<h2>{esc(w["By venue and gate (first check-in of the day)"])}</h2>
{_html_table(gate_head, gate_rows_list, words=w)}
<h2>{esc(w["By hour (first check-ins)"])}</h2>
{_html_table(hour_head, hour_rows, words=w)}
<h2>{esc(w["Walk-ins"])}</h2>
{_walk_in_section(data, w)}
<h2>{esc(w["Admitted twice (offline double use)"])}</h2>
{_double_use_section(data, w)}
<h2>{esc(w["Refusals"])}</h2>
{_html_table([w[h] for h in ("day", "outcome", "reason", "scans")], refusal_rows, numeric_from=3,
             words=w) if refusal_rows else "<p>" + esc(w["No scan was refused."]) + "</p>"}
<footer>{esc(w["Tables: {links}. Generated {moment} UTC by the ITCN Asia kiosk."]).format(
    links=links, moment=f'<span dir="ltr">{esc(generated)}</span>')}</footer>
</body></html>
"""


def _walk_in_section(data: ReportData, w: _Words) -> str:
    esc = html.escape
    if not data.walk_ins:
        return "<p>" + esc(w["No visitor registered at a kiosk."]) + "</p>"
    intro = "<p>" + esc(w["Visitors registered at a kiosk, with the kiosk's own number (a "
                          "plain-id QR; a kiosk cannot sign). To give them signed badges for the "
                          "next day: {import_command}, then {badges_command}."]).format(
        import_command='<code dir="ltr">kiosk roster import walk_ins.csv --event DIR</code>',
        badges_command='<code dir="ltr">kiosk badges</code>') + "</p>"
    rows = [[wi["id"], wi["name"], wi["category"], wi["company"],
             wi["kiosk"], wi["registered_at"][:16].replace("T", " ")] for wi in data.walk_ins]
    return intro + _html_table([w[h] for h in ("number", "name", "category", "company", "kiosk",
                                               "registered (UTC)")], rows, numeric_from=99,
                               words=w)


def _double_use_section(data: ReportData, w: _Words) -> str:
    esc = html.escape
    if not data.judged:
        return ("<p class=note>" + esc(w["No event rules in this database, so double use "
                                         "cannot be judged."]) + "</p>")
    intro = "<p>" + esc(w["Badges admitted at a kiosk that should have refused them: another "
                          "kiosk had let the same badge in shortly before (still inside, within "
                          "the anti-passback window) or its category allows no re-entry, and the "
                          "second kiosk did not know, because one of the two was cut off from the "
                          "hub or ran without one. This is what offline mode cost."]) + " "
    offline = f"<em>{esc(w['offline'])}</em>"
    if data.knows_offline:
        intro += esc(w["{offline} says whose scan reached the hub more than {seconds} s after "
                       "it was made; {neither} would mean both kiosks were online."]).format(
            offline=offline, seconds=w.number(OFFLINE_LAG_S),
            neither=f"<em>{esc(w['neither'])}</em>") + "</p>"
    else:
        intro += esc(w["Kiosk bundles do not say when a kiosk was online, so {offline} is left "
                       "blank; a report from the hub ({option}) tells."]).format(
            offline=offline, option='<code dir="ltr">--hub URL</code>') + "</p>"
    if not data.double_uses:
        return intro + "<p>" + esc(w["No badge was admitted twice."]) + "</p>"
    rows = [[w.day(d["day"]), d["attendee_id"], d["name"], d["category"],
             d["reason"].replace("_", " "), d["first_at"][11:19],
             f"{d['first_kiosk']} ({d['first_gate'] or '-'})", d["second_at"][11:19],
             f"{d['second_kiosk']} ({d['second_gate'] or '-'})", d["seconds_apart"],
             w[d["offline"]] if d["offline"] else "?"]
            for d in data.double_uses]
    return intro + _html_table([w[h] for h in (
        "day", "attendee", "name", "category", "should have said", "first", "at kiosk", "second",
        "at kiosk", "seconds apart", "offline")], rows, numeric_from=9, words=w)


def build_report(db_path: Path, out: Path, *, source: str | None = None,
                 language: str = "en") -> dict:
    """Write the report for the database at ``db_path`` (merged layout) into ``out``; the page
    in ``language`` (en, ur, zh), the CSV files the same in every language."""
    words = _Words(language)
    db_path, out = Path(db_path), Path(out)
    if out.exists() and not out.is_dir():
        raise KioskError(f"{out} is a file; give a folder for the report")
    conn = connect(db_path, readonly=True, what="merged database")
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"scans", "meta", "attendees"} <= tables:
            raise KioskError(f"{db_path} is not a merged database or kiosk database")
        conn.execute("BEGIN")  # one consistent reading, even while a merge adds to the file
        try:
            data = gather(conn, source or f"merged database {db_path.name}")
        finally:
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise KioskError(f"cannot read {db_path}: {exc}") from None
    finally:
        conn.close()
    out.mkdir(parents=True, exist_ok=True)
    files = _tables(data, out)
    pngs = _charts(data, out, words.language)
    page = _page(data, pngs, files, words)
    (out / "index.html").write_text(page, encoding="utf-8")
    return {
        "out": str(out),
        "files": files + list(pngs) + ["index.html"],
        "event_id": data.event_id,
        "scans": data.scans,
        "attendees_checked_in": len(data.firsts),
        "no_shows": None if data.no_shows is None else len(data.no_shows),
        "double_uses": len(data.double_uses),
        "walk_ins": len(data.walk_ins),
        "days": {d: data.by_day[d] for d in data.days},
    }
