"""`kiosk demo DIR`: a ready event and kiosk, dated from today and open around the clock."""

from __future__ import annotations

import csv
import random
import shlex
import shutil
from datetime import date, timedelta
from pathlib import Path

from kiosk.core.errors import KioskError
from kiosk.core.event import CATEGORIES, VENUES
from kiosk.organiser.badges import write_badges
from kiosk.organiser.eventdir import EventFolder
from kiosk.organiser.kioskdir import init_kiosk
from kiosk.organiser.roster_import import import_roster
from kiosk.storage.roster import revocation_key

FIRST = [("Ahmed", "احمد"), ("Ali", "علی"), ("Ayesha", "عائشہ"), ("Fatima", "فاطمہ"),
         ("Hassan", "حسن"), ("Usman", "عثمان"), ("Zainab", "زینب"), ("Bilal", "بلال"),
         ("Hira", "حرا"), ("Imran", "عمران"), ("Sana", "ثنا"), ("Kamran", "کامران"),
         ("Saad", "سعد"), ("Mariam", "مریم"), ("Omar", "عمر"), ("Nida", "ندا"),
         ("Faisal", "فیصل"), ("Rabia", "رابعہ"), ("Hamza", "حمزہ"), ("Amna", "آمنہ"),
         ("Waqas", "وقاص"), ("Iqra", "اقرا"), ("Tariq", "طارق"), ("Mehwish", "مہوش")]
LAST = [("Khan", "خان"), ("Malik", "ملک"), ("Qureshi", "قریشی"), ("Butt", "بٹ"),
        ("Chaudhry", "چودھری"), ("Sheikh", "شیخ"), ("Raza", "رضا"), ("Siddiqui", "صدیقی"),
        ("Iqbal", "اقبال"), ("Hussain", "حسین"), ("Javed", "جاوید"), ("Abbasi", "عباسی")]
CHINESE = [("Wang Wei", "王伟"), ("Li Na", "李娜"), ("Zhang Min", "张敏"), ("Liu Yang", "刘洋"),
           ("Chen Jing", "陈静"), ("Yang Lei", "杨磊"), ("Zhao Qiang", "赵强"), ("Huang Li", "黄丽"),
           ("Zhou Jie", "周杰"), ("Wu Fang", "吴芳")]
# Invented companies: the demo must not suggest that real firms exhibit.
COMPANIES = ["Indus Cloud Systems", "Ravi Data Labs", "Margalla Networks", "Shalimar Fintech",
             "Karakoram Telecom", "Clifton Software House", "Thar Solar Tech", "Chenab AI",
             "Silk Road Electronics", "Gwadar Logistics IT", "Hunza Cyber Security",
             "Pearl Continental Payments", "Lyari Robotics", "Mall Road Media", "Jhelum Devices"]
SHARES = {"visitor": 0.55, "exhibitor": 0.15, "vip": 0.05, "media": 0.05, "speaker": 0.05,
          "staff": 0.10, "organiser": 0.05}


def demo_roster(n: int, seed: int = 2026, exhibitor_companies: list[str] | None = None) -> list[dict]:
    """The demo's attendees; exhibitors work for companies of ``exhibitor_companies`` (the demo
    venue's exhibitor list), so that "Show me the way to your booth" appears after a check-in."""
    rng = random.Random(seed)
    counts = {c: max(1, round(n * SHARES[c])) for c in CATEGORIES}
    counts["visitor"] = max(1, n - sum(v for c, v in counts.items() if c != "visitor"))
    rows = []
    number = 0
    for category in CATEGORIES:
        for _ in range(counts[category]):
            number += 1
            row = {"Registration No": f"ITCN-{number:05d}", "Category": category.title(),
                   "Name (Urdu)": "", "Name (Chinese)": ""}
            if category == "exhibitor" and rng.random() < 0.3:
                en, zh = rng.choice(CHINESE)
                row.update({"Full Name": en, "Name (Chinese)": zh})
            else:
                (f_en, f_ur), (l_en, l_ur) = rng.choice(FIRST), rng.choice(LAST)
                row.update({"Full Name": f"{f_en} {l_en}", "Name (Urdu)": f"{f_ur} {l_ur}"})
            company = rng.choice(COMPANIES) if category != "visitor" or rng.random() < 0.6 else ""
            if category == "exhibitor" and exhibitor_companies:
                company = exhibitor_companies[(number - 1) % len(exhibitor_companies)]
            row["Company"] = company
            slug = row["Full Name"].lower().replace(" ", ".")
            row["Email"] = f"{slug}{number}@example.com"
            row["Phone"] = f"+92 3{rng.randint(0, 4)}{rng.randint(0, 9)} {rng.randint(1000000, 9999999)}"
            rows.append(row)
    return rows


DEMO_EXHIBITORS = {"lahore": 150, "karachi": 250}


def demo_exhibitors(event: EventFolder) -> dict[str, str]:
    """A sample exhibitor list for each venue, imported onto its booths; returns each venue's
    main-gate kiosk (the demo kiosk's "you are here")."""
    from kiosk.organiser.kioskdir import EXHIBITORS
    from kiosk.wayfinding.exhibitors import import_exhibitors
    from kiosk.wayfinding.sample import write_sample_csv
    from kiosk.wayfinding.venue import load_venue

    rules = event.rules
    validity = {"start": rules.days[0].isoformat(), "end": rules.days[-1].isoformat()}
    anchors = {}
    for name in rules.venues:
        venue = load_venue(name)
        csv_path = write_sample_csv(event.path / f"exhibitors-{name}.csv", venue,
                                    DEMO_EXHIBITORS.get(name, 100))
        import_exhibitors(csv_path, venue, event.path / EXHIBITORS, validity=validity)
        anchors[name] = venue.kiosk_place().id
    return anchors


DEMO_PARTS = ("event", "kiosk-1", "samples", "TRY-ME.txt")


def make_demo(directory: Path, *, attendees: int = 300, days: list[date] | None = None,
              venue: str = "lahore", with_pdf: bool = True, run_command: str = "kiosk") -> dict:
    """Make the demo in DIRECTORY; a failure part-way removes what it made, so a retry works.
    `run_command` is how the printed hints spell the kiosk command (a path when not on PATH)."""
    directory = Path(directory).expanduser()
    if venue not in VENUES:
        raise KioskError(f"venue must be one of {', '.join(VENUES)}")
    if not 7 <= attendees <= 100_000:
        raise KioskError("--attendees must be between 7 and 100000 (one of each category at least)")
    if any((directory / part).exists() for part in DEMO_PARTS):
        raise KioskError(f"{directory} already holds a demo; remove it or choose another folder")
    existed = directory.exists()
    try:
        return _make_demo(directory, attendees, days, venue, with_pdf, run_command)
    except BaseException:
        for part in DEMO_PARTS:
            target = directory / part
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            elif target.exists():
                target.unlink()
        if not existed:
            shutil.rmtree(directory, ignore_errors=True)
        raise


def _make_demo(directory: Path, attendees: int, days: list[date] | None, venue: str,
               with_pdf: bool, run_command: str) -> dict:
    days = days or [date.today() + timedelta(days=i) for i in range(3)]
    event = EventFolder.create(
        directory / "event", name=f"ITCN Asia {days[0].year} (demo)", days=days,
        venues=list(VENUES), hours="00:00-24:00",
        help_point="the registration desk at Gate 1",
        help_point_ur="گیٹ 1 پر رجسٹریشن ڈیسک", help_point_zh="1号门登记处",
        categories={"exhibitor": {"early_entry_minutes": 120},
                    "staff": {"early_entry_minutes": 180},
                    "organiser": {"early_entry_minutes": 180}},
        capacity={"Hall 1": 4000, "Hall 2": 4000, "Hall 3": 3000},
        hall_gates={"Hall 1": ["Gate 1"], "Hall 2": ["Gate 2"], "Hall 3": ["Gate 3"]},
    )
    from kiosk.wayfinding.sample import sample_rows
    from kiosk.wayfinding.venue import load_venue

    exhibitors = sample_rows(load_venue(venue), DEMO_EXHIBITORS.get(venue, 100))  # as imported below
    rows = demo_roster(attendees, exhibitor_companies=[r["name"] for r in exhibitors[:40]])
    roster_csv = directory / "event" / "roster.csv"
    with roster_csv.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with event.store() as store:
        report = import_roster(roster_csv, store, event.rules)
    badges_dir = directory / "event" / "badges"
    badges = write_badges(event, badges_dir)
    pdf = badges_dir / "badges.pdf" if with_pdf else None
    if pdf is not None:
        from kiosk.organiser.badge_pdf import write_pdf

        write_pdf(event.rules, badges[:24], pdf)  # a few sheets to print and try
    samples = refusal_samples(event, directory / "samples", venue)
    anchor = demo_exhibitors(event)[venue]
    kiosk = init_kiosk(directory / "kiosk-1", event, kiosk_id="kiosk-1", venue=venue,
                       gate="Gate 1", role="entry", anchor=anchor)
    lines = [f"Demo event: {event.model.name}, {days[0]} to {days[-1]}, open around the clock.",
             f"Kiosk: {directory / 'kiosk-1'} at {venue.title()}, Gate 1.", "",
             f"Every badge in {badges_dir}/ checks in (badges.csv holds their tokens);",
             "show a PNG to the camera, or type its token (a badged attendee's plain registration",
             "number is refused: anyone could print a QR of it):",
             f"  {run_command} checkin {badges[0].token} --kiosk " + shlex.quote(str(directory / "kiosk-1")),
             "", f"Badges in {directory / 'samples'}/ show the refusals:"]
    lines += [f"  {name}: {path}" for name, path in samples.items()]
    (directory / "TRY-ME.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"event": str(event.path), "kiosk": kiosk["kiosk"], "attendees": report.imported,
            "badges": str(badges_dir), "first_token": badges[0].token, "pdf": str(pdf) if pdf else None,
            "days": [d.isoformat() for d in days], "venue": venue,
            "samples": {k: str(v) for k, v in samples.items()}}


def refusal_samples(event: EventFolder, out: Path, venue: str) -> dict[str, Path]:
    """Signed badges of people not on the roster (late registrations) that the kiosk refuses."""
    from kiosk.core.event import Attendee
    from kiosk.core.tokens import canonical, sign_token, token_hash
    from kiosk.organiser.badges import claims_for, qr_code

    rules = event.rules
    kid, private = event.signing_key()
    other_venue = next(v for v in rules.venues if v != venue) if len(rules.venues) > 1 else None
    people = {}
    if len(rules.days) > 1:
        people["wrong_day"] = Attendee("DEMO-LAST-DAY", "Last Day Pass", "visitor",
                                       days=(rules.days[-1],))
    if other_venue:
        people["wrong_venue"] = Attendee("DEMO-OTHER-VENUE", "Other Venue Pass", "visitor",
                                         venues=(other_venue,))
    people["revoked"] = Attendee("DEMO-LOST-BADGE", "Lost Badge", "visitor")
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for outcome, person in people.items():
        token = sign_token(claims_for(person, rules, kid), private, rules.event_id)
        if outcome == "revoked":
            with event.store() as store:
                store.revoke(revocation_key("token", token_hash(canonical(token))), "token",
                             reason="reported lost", label=person.id)
        paths[outcome] = out / f"{outcome}.png"
        qr_code(token).make_image().save(paths[outcome])
    # One character changed: the signature no longer matches.
    good = sign_token(claims_for(Attendee("DEMO-TAMPERED", "Tampered", "visitor"), rules, kid),
                      private, rules.event_id)
    i = len(good) - 10
    tampered = good[:i] + ("A" if good[i] != "A" else "B") + good[i + 1:]
    paths["invalid"] = out / "invalid.png"
    qr_code(tampered).make_image().save(paths["invalid"])
    return paths
