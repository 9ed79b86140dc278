"""The organiser's report: the numbers in its tables, its charts and its one HTML page."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from datetime import timedelta

import pytest

from kiosk.cli import main
from tests.helpers.oracles import headcount_from_scans
from kiosk.sync.bundle import export_bundle
from kiosk.sync.merge import merge_bundles
from tests.helpers.factories import DAYS, local, make_kiosk, open_desk

TZ = "Asia/Karachi"
D1, D2 = DAYS[0].isoformat(), DAYS[1].isoformat()


@pytest.fixture
def merged(tmp_path, event):
    """A known two-day log from two kiosks, merged with the event's roster."""
    a = make_kiosk(tmp_path, event, name="kiosk-a", gate="Gate 1")
    b = make_kiosk(tmp_path, event, name="kiosk-b", gate="Gate 5", venue="karachi")
    desk_a, store_a = open_desk(a)
    desk_b, store_b = open_desk(b)
    desk_b.check_in("E-001", at=local(DAYS[0], 8, 30))  # exhibitors may come early
    desk_a.check_in("V-001", at=local(DAYS[0], 10, 5))
    desk_a.check_in("V-001", at=local(DAYS[0], 10, 6))  # duplicate
    desk_a.check_in("V-002", at=local(DAYS[0], 10, 20))
    desk_a.check_in("nobody", at=local(DAYS[0], 10, 30))  # unknown
    desk_a.check_in("V-001", at=local(DAYS[0], 12, 0), direction="out")
    desk_b.check_in("V-001", at=local(DAYS[0], 13, 0))
    desk_b.check_in("P-001", at=local(DAYS[1], 11, 0))
    desk_a.check_in("V-001", at=local(DAYS[1], 11, 10))
    bundles = [export_bundle(store_a, a.model, tmp_path / "a.bundle")["bundle"],
               export_bundle(store_b, b.model, tmp_path / "b.bundle")["bundle"]]
    scans = list(store_a.scans()) + list(store_b.scans())
    store_a.close()
    store_b.close()
    path = tmp_path / "merged.db"
    result = merge_bundles(bundles, path, event_id=event.model.id,
                           event_toml=(event.path / "event.toml").read_text(),
                           event_db=event.path / "event.db")
    assert result.added == 9
    return path, scans


def read_csv(path):
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_report_tables_hold_the_right_numbers(tmp_path, merged, capsys):
    path, scans = merged
    out = tmp_path / "report"
    assert main(["report", "--db", str(path), "--out", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["attendees_checked_in"] == 4 and summary["no_shows"] == 6

    by_day = {r["day"]: r for r in read_csv(out / "attendance_by_day.csv")}
    assert by_day[D1] == {"day": D1, "checked_in": "3", "accepted_scans": "4",
                          "refused_scans": "2", "exit_scans": "1", "peak_inside": "3",
                          "peak_inside_at": "10:20"}
    assert by_day[D2] == {"day": D2, "checked_in": "2", "accepted_scans": "2",
                          "refused_scans": "0", "exit_scans": "0", "peak_inside": "2",
                          "peak_inside_at": "11:10"}
    # The day's totals are the headcount at the end of the day, by its reference definition.
    for day, row in by_day.items():
        end = local(DAYS[0] if day == D1 else DAYS[1], 23, 59, 59)
        reference = headcount_from_scans(scans, end, TZ)
        assert int(row["checked_in"]) == reference.unique_checked_in
        assert int(row["accepted_scans"]) == reference.accepted_scans
        assert int(row["refused_scans"]) == reference.refused_scans

    assert read_csv(out / "attendance_by_category.csv") == [
        {"day": D1, "category": "exhibitor", "checked_in": "1"},
        {"day": D1, "category": "visitor", "checked_in": "2"},
        {"day": D2, "category": "vip", "checked_in": "1"},
        {"day": D2, "category": "visitor", "checked_in": "1"}]
    assert read_csv(out / "attendance_by_gate.csv") == [
        {"day": D1, "venue": "karachi", "gate": "Gate 5", "checked_in": "1"},
        {"day": D1, "venue": "lahore", "gate": "Gate 1", "checked_in": "2"},
        {"day": D2, "venue": "karachi", "gate": "Gate 5", "checked_in": "1"},
        {"day": D2, "venue": "lahore", "gate": "Gate 1", "checked_in": "1"}]
    hours = {(r["day"], r["hour"]): r for r in read_csv(out / "attendance_by_hour.csv")}
    assert hours[(D1, "08:00")]["arrivals"] == "1"
    assert (hours[(D1, "10:00")]["arrivals"], hours[(D1, "10:00")]["entry_scans"],
            hours[(D1, "10:00")]["refused_scans"]) == ("2", "2", "2")
    assert (hours[(D1, "12:00")]["exit_scans"], hours[(D1, "13:00")]["entry_scans"],
            hours[(D1, "13:00")]["arrivals"]) == ("1", "1", "0")
    assert sum(int(r["arrivals"]) for r in hours.values()) == 5

    firsts = {r["attendee_id"]: r for r in read_csv(out / "first_checkins.csv")}
    assert set(firsts) == {"V-001", "V-002", "E-001", "P-001"}
    assert firsts["V-001"]["first_at"] == "2026-12-01T10:05:00+05:00"
    assert (firsts["V-001"]["days_attended"], firsts["V-001"]["kiosk"],
            firsts["V-001"]["name"]) == ("2", "kiosk-a", "Ahmed Khan")
    assert firsts["P-001"]["first_day"] == D2 and firsts["P-001"]["venue"] == "karachi"
    assert sorted(r["id"] for r in read_csv(out / "no_shows.csv")) == \
        ["M-001", "O-001", "S-001", "T-001", "V-003", "V-004"]
    refusals = read_csv(out / "refusals.csv")
    assert {(r["outcome"], r["reason"], r["scans"]) for r in refusals} == {
        ("duplicate", "within_window", "1"), ("unknown", "not_in_roster", "1")}


def test_the_inside_curve_agrees_with_the_headcount_at_each_step(tmp_path, merged):
    from kiosk.sync.report import gather

    path, scans = merged
    conn = sqlite3.connect(path)
    data = gather(conn, "test")
    conn.close()
    assert [n for _, n in data.inside[D1]] == [1, 2, 3, 2, 3]
    for moment, inside in data.inside[D1] + data.inside[D2]:
        end_of_minute = moment + timedelta(seconds=59)
        assert headcount_from_scans(scans, end_of_minute, TZ).inside_now == inside


def test_the_page_is_self_contained_with_its_charts(tmp_path, merged):
    path, _ = merged
    out = tmp_path / "report"
    assert main(["report", "--db", str(path), "--out", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "ITCN Asia Test" in page
    images = re.findall(r'<img[^>]+src="([^"]+)"', page)
    assert len(images) == 2 and all(src.startswith("data:image/png;base64,") for src in images)
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing fetched from elsewhere
    assert re.search(r'class="big">4</div><div>attendees checked in', page)
    assert re.search(r'class="big">6</div><div>no-shows', page)
    for name in ("arrivals.png", "inside_now.png"):
        raw = (out / name).read_bytes()
        assert raw.startswith(b"\x89PNG\r\n\x1a\n") and len(raw) > 10_000


def test_a_report_without_a_roster_says_why_there_are_no_no_shows(tmp_path, event):
    kiosk = make_kiosk(tmp_path, event)
    desk, store = open_desk(kiosk)
    desk.check_in("V-001", at=local(DAYS[0], 11))
    bundle = export_bundle(store, kiosk.model, tmp_path / "k.bundle")["bundle"]
    store.close()
    merge_bundles([bundle], tmp_path / "m.db")
    out = tmp_path / "report"
    assert main(["report", "--db", str(tmp_path / "m.db"), "--out", str(out)]) == 0
    assert "no-shows are not listed" in (out / "index.html").read_text(encoding="utf-8")
    assert read_csv(out / "no_shows.csv") == []


def test_an_empty_log_still_gives_every_file(tmp_path, event):
    kiosk = make_kiosk(tmp_path, event)
    _, store = open_desk(kiosk)
    bundle = export_bundle(store, kiosk.model, tmp_path / "k.bundle")["bundle"]
    store.close()
    merge_bundles([bundle], tmp_path / "m.db", event_id=event.model.id,
                  event_toml=(event.path / "event.toml").read_text(),
                  event_db=event.path / "event.db")
    out = tmp_path / "report"
    assert main(["report", "--db", str(tmp_path / "m.db"), "--out", str(out)]) == 0
    assert (out / "index.html").exists() and (out / "arrivals.png").exists()
    assert len(read_csv(out / "no_shows.csv")) == 10


def test_report_bad_input_is_one_line(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: error:") and len(err.strip().splitlines()) == 1
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"definitely not sqlite" * 100)
    assert main(["report", "--db", str(junk), "--out", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: error:") and "Traceback" not in err



def test_badges_admitted_twice_offline_are_listed_with_times_and_gates(tmp_path, event, capsys):
    # Two kiosks without a hub: neither knows the other's entries.
    a = make_kiosk(tmp_path, event, name="kiosk-a", gate="Gate 1")
    b = make_kiosk(tmp_path, event, name="kiosk-b", gate="Gate 2")
    desk_a, store_a = open_desk(a)
    desk_b, store_b = open_desk(b)
    desk_a.check_in("V-001", at=local(DAYS[0], 10, 0))
    desk_b.check_in("V-001", at=local(DAYS[0], 10, 1, 30))  # 90 s later, still inside
    desk_a.check_in("V-002", at=local(DAYS[0], 10, 0))
    desk_b.check_in("V-002", at=local(DAYS[0], 11, 0))  # an hour later: a re-entry was due
    desk_a.check_in("P-001", at=local(DAYS[1], 11, 0))
    desk_b.check_in("P-001", at=local(DAYS[1], 15, 0))  # a VIP may not come in twice
    bundles = [export_bundle(store_a, a.model, tmp_path / "a.bundle")["bundle"],
               export_bundle(store_b, b.model, tmp_path / "b.bundle")["bundle"]]
    store_a.close()
    store_b.close()
    path = tmp_path / "merged.db"
    merge_bundles(bundles, path, event_id=event.model.id,
                  event_toml=(event.path / "event.toml").read_text(), event_db=event.path / "event.db")
    out = tmp_path / "report"
    assert main(["report", "--db", str(path), "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["double_uses"] == 2
    rows = read_csv(out / "double_use.csv")
    assert [(r["attendee_id"], r["name"], r["reason"], r["first_at"], r["first_kiosk"],
             r["first_gate"], r["second_at"], r["second_kiosk"], r["second_gate"],
             r["seconds_apart"], r["offline"]) for r in rows] == [
        ("V-001", "Ahmed Khan", "within_window", "2026-12-01T10:00:00+05:00", "kiosk-a", "Gate 1",
         "2026-12-01T10:01:30+05:00", "kiosk-b", "Gate 2", "90", ""),
        ("P-001", "Sana Qureshi", "reentry_not_allowed", "2026-12-02T11:00:00+05:00", "kiosk-a",
         "Gate 1", "2026-12-02T15:00:00+05:00", "kiosk-b", "Gate 2", "14400", "")]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Admitted twice (offline double use)" in page
    assert re.search(r'class="big">2</div><div>admitted twice', page)
    section = page.split("Admitted twice (offline double use)")[1].split("<h2>")[0]
    assert "Ahmed Khan" in section and "Sana Qureshi" in section and "Ayesha" not in section
    assert "kiosk-b (Gate 2)" in section and "10:01:30" in section


@pytest.mark.parametrize("language", ["ur", "zh"])
def test_the_page_speaks_the_organisers_language_from_the_catalogue(tmp_path, merged, language):
    import html as html_lib

    from kiosk.config.words import load_catalogue
    from kiosk.sync.report import _WORDS

    path, _ = merged
    out = tmp_path / f"report-{language}"
    assert main(["report", "--db", str(path), "--out", str(out), "--lang", language]) == 0
    page = html_lib.unescape((out / "index.html").read_text(encoding="utf-8"))
    assert f'<html lang="{language}" dir="{"rtl" if language == "ur" else "ltr"}">' in page
    words = load_catalogue(language)  # the translators' file, read on its own
    for heading in ("By day", "Refusals", "Walk-ins", "Admitted twice (offline double use)",
                    "attendees checked in", "no-shows"):
        translated = words.translate("Report", heading)
        assert translated != heading and translated in page, (language, heading)
    # no English word of the page is left, apart from names, codes and commands
    text = re.sub(r"<(style|code|a|title)[^>]*>.*?</\1>|<[^>]+>", " ", page, flags=re.S)
    for english in _WORDS:
        if len(english) > 6 and "{" not in english:
            assert english not in text, (language, english)
    # the CSV files are data for other programs: the same in every language
    english_out = tmp_path / "report-en"
    assert main(["report", "--db", str(path), "--out", str(english_out)]) == 0
    for name in ("attendance_by_day.csv", "first_checkins.csv", "no_shows.csv"):
        assert (out / name).read_bytes() == (english_out / name).read_bytes()


def test_an_unknown_report_language_is_refused_in_one_line(tmp_path, merged, capsys):
    path, _ = merged
    with pytest.raises(SystemExit) as stop:
        main(["report", "--db", str(path), "--out", str(tmp_path / "r"), "--lang", "fr"])
    assert stop.value.code == 2 and "invalid choice: 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_tie_for_the_first_check_in_is_broken_as_the_derived_tables_break_it(
        tmp_path, event, capsys, order):
    """Two kiosks without a hub let one badge in at the same second at two gates: the report
    names the gate the merged file's daily_attendance names (the earlier row), and so does
    `kiosk headcount --db`."""
    kiosks = {"a": make_kiosk(tmp_path, event, name="kiosk-a", gate="Gate 1"),
              "b": make_kiosk(tmp_path, event, name="kiosk-b", gate="Gate 2")}
    bundles = []
    for name in order:
        desk, store = open_desk(kiosks[name])
        desk.check_in("V-002", at=local(DAYS[0], 10, 0))  # someone else first, at each kiosk
        desk.check_in("V-001", at=local(DAYS[0], 10, 30))
        bundles.append(export_bundle(store, kiosks[name].model, tmp_path / f"{name}.bundle")
                       ["bundle"])
        store.close()
    path = tmp_path / "merged.db"
    merge_bundles(bundles, path, event_id=event.model.id,
                  event_toml=(event.path / "event.toml").read_text(), event_db=event.path / "event.db")
    with sqlite3.connect(path) as conn:
        engine = dict(conn.execute("SELECT attendee_id, first_gate FROM daily_attendance"))
    out = tmp_path / "report"
    assert main(["report", "--db", str(path), "--out", str(out)]) == 0
    firsts = {r["attendee_id"]: r["gate"] for r in read_csv(out / "first_checkins.csv")}
    assert firsts == engine and len(engine) == 2
    gates = {r["gate"]: int(r["checked_in"]) for r in read_csv(out / "attendance_by_gate.csv")}
    capsys.readouterr()
    assert main(["headcount", "--db", str(path), "--at", f"{DAYS[0]}T18:00", "--json"]) == 0
    assert gates == json.loads(capsys.readouterr().out)["by_gate"]
