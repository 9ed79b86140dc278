"""Issuing signed badges: one QR PNG per attendee, badges.csv for mail merge, a printable PDF."""

from __future__ import annotations

import csv
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path


from kiosk.core.csvsafe import safe_row
from kiosk.core.errors import KioskError
from kiosk.core.event import Attendee, EventRules
from kiosk.core.tokens import BadgeClaims, mask_of, sign_token
from kiosk.organiser.eventdir import EventFolder
from kiosk.organiser.qr import qr_code  # noqa: F401 (also the badges' public name for it)


@dataclass(frozen=True)
class IssuedBadge:
    attendee: Attendee
    token: str
    png: Path | None = None


def claims_for(attendee: Attendee, event: EventRules, key_id: int, issue: int = 0) -> BadgeClaims:
    try:
        return BadgeClaims(
            attendee_id=attendee.id,
            category=attendee.category,
            day_mask=mask_of(attendee.days, event.days),
            venue_mask=mask_of(attendee.venues, event.venues),
            issue=issue,
            key_id=key_id,
        )
    except ValueError as exc:
        raise KioskError(f"attendee {attendee.id}: {exc}") from exc


MAX_ISSUE = 255  # one byte of the token


def current_issues(folder: EventFolder) -> dict[str, int]:
    """The issue number of each attendee's newest badge (attendees never issued one: absent)."""
    from kiosk.core.event import normalise_id
    from kiosk.core.tokens import TokenError, parse_token

    issues = {}
    with folder.store() as store:
        for who, token in store.conn.execute("SELECT attendee_id, token FROM issued_badges"):
            try:
                issues[normalise_id(who)] = parse_token(token)[0].issue
            except TokenError:
                continue
    return issues


def issue_tokens(folder: EventFolder, attendees=None,
                 issues: dict[str, int] | None = None) -> list[tuple[Attendee, str]]:
    """Sign a badge for each attendee, keeping each one's current issue number (a run of
    `kiosk badges` never brings a superseded badge back to life)."""
    from kiosk.core.event import normalise_id

    kid, private = folder.signing_key()
    rules = folder.rules
    if attendees is None:
        with folder.store() as store:
            attendees = list(store.attendees())
    if issues is None:
        issues = current_issues(folder)
    return [(a, sign_token(claims_for(a, rules, kid, issues.get(normalise_id(a.id), 0)),
                           private, rules.event_id)) for a in attendees]


def safe_filename(attendee_id: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", attendee_id, flags=re.UNICODE).strip("._")
    return name[:80] or "badge"


def _write_png(job: tuple[str, str]) -> None:
    token, path = job
    qr_code(token).make_image(fill_color="black", back_color="white").save(path)


def reissue_token(folder: EventFolder, attendee_id: str) -> tuple[Attendee, str]:
    """A new badge for one attendee (a lost or stolen one) with the next issue number: every
    kiosk provisioned afterwards refuses the older badges as superseded."""
    from kiosk.core.event import normalise_id

    with folder.store() as store:
        attendee = store.find_attendee(normalise_id(attendee_id))
    if attendee is None:
        raise KioskError(f"no attendee with registration number {attendee_id!r} in the roster")
    current = current_issues(folder).get(normalise_id(attendee.id))
    issue = 0 if current is None else current + 1
    if issue > MAX_ISSUE:
        raise KioskError(f"attendee {attendee.id} has had {MAX_ISSUE} badges reissued already")
    return issue_tokens(folder, [attendee], {normalise_id(attendee.id): issue})[0]


def write_badges(folder: EventFolder, out: Path, *, pdf: Path | None = None,
                 workers: int | None = None, reissue: str | None = None) -> list[IssuedBadge]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    issued = [reissue_token(folder, reissue)] if reissue else issue_tokens(folder)
    if not issued:
        raise KioskError("the roster is empty; import attendees with `kiosk roster import` first")
    jobs, badges, used = [], [], set()
    for attendee, token in issued:
        stem = safe_filename(attendee.id)
        if stem.lower() in used:  # two ids that differ only in characters a file name can't hold
            stem = f"{stem}-{len(used)}"
        used.add(stem.lower())
        path = out / f"{stem}.png"
        jobs.append((token, str(path)))
        badges.append(IssuedBadge(attendee, token, path))
    if len(jobs) > 200 and (workers or 2) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_write_png, jobs, chunksize=64))
    else:
        for job in jobs:
            _write_png(job)
    with folder.store() as store:  # kiosks copy these (`kiosk init`) to reprint badges
        store.record_issued((badge.attendee.id, badge.token) for badge in badges)
    # Every cell neutralised (OWASP): a name like =HYPERLINK(...) stays text in a spreadsheet.
    rows = [safe_row([b.attendee.id, b.attendee.name, b.attendee.category, b.token])
            for b in badges]
    csv_path = out / "badges.csv"
    if reissue and csv_path.exists():  # the new token replaces the old one's line
        with csv_path.open(encoding="utf-8", newline="") as fh:
            kept = [r for r in list(csv.reader(fh))[1:] if r and r[0] != rows[0][0]]
        rows = kept + rows
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name", "category", "token"])
        writer.writerows(rows)
    if pdf is not None:
        from kiosk.organiser.badge_pdf import write_pdf  # fpdf only when a PDF is asked for

        write_pdf(folder.rules, badges, Path(pdf))
    return badges
