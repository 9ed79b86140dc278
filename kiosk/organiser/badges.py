"""Issuing signed badges: one QR PNG per attendee, badges.csv for mail merge, a printable PDF."""

from __future__ import annotations

import csv
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

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


def issue_tokens(folder: EventFolder, attendees=None) -> list[tuple[Attendee, str]]:
    kid, private = folder.signing_key()
    rules = folder.rules
    if attendees is None:
        with folder.store() as store:
            attendees = list(store.attendees())
    return [(a, sign_token(claims_for(a, rules, kid), private, rules.event_id)) for a in attendees]


def safe_filename(attendee_id: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", attendee_id, flags=re.UNICODE).strip("._")
    return name[:80] or "badge"


def _write_png(job: tuple[str, str]) -> None:
    token, path = job
    qr_code(token).make_image(fill_color="black", back_color="white").save(path)


def write_badges(folder: EventFolder, out: Path, *, pdf: Path | None = None,
                 workers: int | None = None) -> list[IssuedBadge]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    issued = issue_tokens(folder)
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
    with (out / "badges.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name", "category", "token"])
        for badge in badges:
            writer.writerow([badge.attendee.id, badge.attendee.name, badge.attendee.category, badge.token])
    if pdf is not None:
        from kiosk.organiser.badge_pdf import write_pdf  # fpdf only when a PDF is asked for

        write_pdf(folder.rules, badges, Path(pdf))
    return badges
