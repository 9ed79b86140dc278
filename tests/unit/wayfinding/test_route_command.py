"""`kiosk route`, the contract in DESIGN.md §4, and the likely destination after check-in."""

from __future__ import annotations

import json

from kiosk.cli import main
from kiosk.core.event import Attendee
from kiosk.wayfinding import likely_destination


def test_route_json_has_the_contract_keys(capsys):
    assert main(["route", "--venue", "lahore", "--to", "hall 3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"from", "to", "metres", "minutes", "steps", "path"} <= set(data)
    assert data["from"] == "Kiosk, Gate 1" and data["to"] == "Hall 3"
    assert data["metres"] > 50 and data["minutes"] >= 1
    assert all(len(p) == 2 for p in data["path"]) and len(data["path"]) >= 2
    assert "Hall 3" in data["steps"][-1]


def test_route_accessible_and_other_language(capsys):
    assert main(["route", "--venue", "lahore", "--to", "seminar hall a", "--json"]) == 0
    quick = json.loads(capsys.readouterr().out)
    assert main(["route", "--venue", "lahore", "--to", "seminar hall a", "--accessible",
                 "--lang", "ur", "--json"]) == 0
    level = json.loads(capsys.readouterr().out)
    assert "stairs" in quick["uses"] and "stairs" not in level["uses"]
    assert level["metres"] > quick["metres"]
    assert any("ریمپ" in step for step in level["steps"])


def test_route_from_elsewhere(capsys):
    assert main(["route", "--venue", "karachi", "--from", "gate 2", "--to", "food",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["from"] == "Kiosk, Gate 2" and data["metres"] < 80


def test_unreachable_is_one_line_and_non_zero(capsys):
    assert main(["route", "--venue", "lahore", "--to", "media centre", "--accessible"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: error:") and "no step-free route" in err
    assert err.count("\n") == 1
    assert main(["route", "--venue", "lahore", "--to", "qqqzzzxxx"]) == 1
    assert "nothing at Expo Centre Lahore matches" in capsys.readouterr().err


def test_route_uses_the_kiosks_anchor_and_exhibitors(tmp_path, capsys):
    from kiosk.organiser.demo import make_demo

    make_demo(tmp_path / "demo", attendees=20, venue="karachi", with_pdf=False)
    kiosk = tmp_path / "demo/kiosk-1"
    assert main(["route", "--kiosk", str(kiosk), "--to", "h4-b10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["venue"] == "karachi" and data["from"] == "Kiosk, Gate 1"
    csv_text = (tmp_path / "demo/event/exhibitors-karachi.csv").read_text(encoding="utf-8")
    name = csv_text.splitlines()[1].split(",")[0]
    assert main(["route", "--kiosk", str(kiosk), "--to", name, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["to"].startswith(name)


def test_likely_destination_after_check_in(karachi_finder):
    ex = karachi_finder.exhibitors[5]
    venue = karachi_finder.venue
    exhibitor = Attendee("E-1", "Wang Wei", "exhibitor", company=ex.name("en").upper())
    found = likely_destination(exhibitor, karachi_finder.exhibitors, venue)
    assert found is not None and found.place is ex.booth
    stranger = Attendee("E-2", "X", "exhibitor", company="Entirely Unknown Widgets")
    assert likely_destination(stranger, karachi_finder.exhibitors, venue) is None
    speaker = Attendee("S-1", "Speaker", "speaker")
    assert likely_destination(speaker, [], venue).group == "seminar"
    booked = likely_destination(speaker, [], venue, {"S-1": "Conference Hall"})
    assert booked.title() == "Conference Hall"
    assert likely_destination(Attendee("V-1", "V", "visitor"), [], venue) is None


def test_demo_exhibitors_work_for_demo_exhibitors_and_are_shown_the_way(tmp_path):
    """Every demo exhibitor's company is on the demo venue's exhibitor list, so the demo shows
    "Show me the way to your booth" after an exhibitor checks in."""
    from kiosk.organiser.demo import make_demo
    from kiosk.organiser.kioskdir import EXHIBITORS, KioskFolder
    from kiosk.wayfinding import Wayfinder

    make_demo(tmp_path / "demo", attendees=40, venue="lahore", with_pdf=False)
    folder = KioskFolder.open(tmp_path / "demo/kiosk-1")
    finder = Wayfinder.open("lahore", exhibitors_dir=folder.path / EXHIBITORS)
    with folder.open_store() as store:
        rows = store.conn.execute("SELECT id FROM attendees WHERE category = 'exhibitor'").fetchall()
        people = [store.find_attendee(r[0]) for r in rows]
    assert people
    for person in people:
        found = likely_destination(person, finder.exhibitors, finder.venue)
        assert found is not None and found.exhibitor is not None, person.company
