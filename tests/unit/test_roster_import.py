"""Roster import: the files registration systems really export, and the ones that are not rosters."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from kiosk.core.errors import KioskError
from kiosk.organiser.roster_import import import_roster
from tests.helpers.factories import make_event


@pytest.fixture
def empty_event(tmp_path):
    return make_event(tmp_path, roster=None)


def run(path: Path, event):
    with event.store() as store:
        report = import_roster(path, store, event.rules)
        people = {a.id: a for a in store.attendees()}
    return report, people


def write(tmp_path, name, data: bytes | str, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def test_excel_style_csv_with_bom_crlf_quotes_and_three_scripts(tmp_path, empty_event):
    text = ("Registration No,Full Name,Category,Company,Name (Urdu),Name (Chinese)\r\n"
            'ITCN-1,"Khan, Ahmed",Visitor,"Ravi ""Data"" Labs",احمد خان,\r\n'
            "ITCN-2,Wang Wei,EXHIBITOR,Silk Road Electronics,,王伟\r\n"
            '"ITCN-3","Ayesha\r\nMalik",vip,,عائشہ ملک,\r\n')
    path = write(tmp_path, "roster.csv", "\ufeff" + text)
    report, people = run(path, empty_event)
    assert report.to_json() == {"imported": 3, "updated": 0, "unchanged": 0, "rejected": [],
                                "format": "roster"}
    assert people["ITCN-1"].name == "Khan, Ahmed"
    assert people["ITCN-1"].company == 'Ravi "Data" Labs'
    assert people["ITCN-1"].name_ur == "احمد خان"
    assert people["ITCN-2"].category == "exhibitor" and people["ITCN-2"].name_zh == "王伟"
    assert people["ITCN-3"].name == "Ayesha Malik"  # a line break inside quotes is one field


def test_bad_rows_are_reported_by_line_and_good_rows_still_import(tmp_path, empty_event):
    text = ("id,name,category,email,days,venues\n"
            "A-1,Good One,visitor,,,\n"          # line 2
            ",No Id,visitor,,,\n"                # line 3
            "A-2,,visitor,,,\n"                  # line 4
            "A-3,Bad Category,astronaut,,,\n"    # line 5
            "A-1,Again,visitor,,,\n"             # line 6: duplicate id
            "A-4,Bad Mail,visitor,not-an-email,,\n"  # line 7
            "A-5,Bad Day,visitor,,2030-01-01,\n"     # line 8
            "A-6,Bad Venue,visitor,,,islamabad\n"    # line 9
            "\n"
            "A-7,Good Two,media,a7@example.com,2026-12-02,karachi\n")  # line 11
    report, people = run(write(tmp_path, "r.csv", text), empty_event)
    assert report.imported == 2
    assert sorted(people) == ["A-1", "A-7"]
    lines = {r["line"]: r["reason"] for r in report.rejected}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8, 9]
    assert "empty" in lines[3] and "name" in lines[4] and "astronaut" in lines[5]
    assert "duplicate" in lines[6] and "line 2" in lines[6]
    assert "islamabad" in lines[9]
    assert people["A-7"].days and people["A-7"].venues == ("karachi",)


def test_upsert_by_registration_id(tmp_path, empty_event):
    run(write(tmp_path, "a.csv", "id,name,category\nA-1,Old Name,visitor\nA-2,Same,visitor\n"), empty_event)
    report, people = run(write(tmp_path, "b.csv",
                               "id,name,category\na-1,New Name,vip\nA-2,Same,visitor\nA-3,Third,staff\n"),
                         empty_event)
    assert (report.imported, report.updated, report.unchanged) == (1, 1, 1)
    assert people["A-1"].name == "New Name" and people["A-1"].category == "vip"
    assert len(people) == 3


def test_semicolon_and_tab_separated_files_are_understood(tmp_path, empty_event):
    report, _ = run(write(tmp_path, "s.csv", "id;name;category\nS-1;Semi Colon;visitor\n"), empty_event)
    assert report.imported == 1
    report, _ = run(write(tmp_path, "t.tsv", "id\tname\tcategory\nT-1\tTab Bed\tmedia\n"), empty_event)
    assert report.imported == 1


def test_first_and_last_name_columns_are_joined(tmp_path, empty_event):
    path = write(tmp_path, "f.csv", "Ticket ID,First Name,Last Name,Ticket Type\nF-1,Sana,Qureshi,Speaker\n")
    report, people = run(path, empty_event)
    assert people["F-1"].name == "Sana Qureshi" and people["F-1"].category == "speaker"


def test_xlsx_roster(tmp_path, empty_event):
    book = Workbook()
    sheet = book.active
    sheet.append(["Registration Number", "Name", "Category", "Phone"])
    sheet.append([1001, "Numeric Id", "Visitor", "+92 300 1234567"])
    sheet.append(["X-2", "زینب بٹ", "Organizer", None])
    sheet.append(["X-3", None, "Visitor", None])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    report, people = run(path, empty_event)
    assert report.imported == 2
    assert people["1001"].phone == "+92 300 1234567"
    assert people["X-2"].category == "organiser" and people["X-2"].name == "زینب بٹ"
    assert report.rejected == [{"line": 4, "reason": "name is empty"}]


@pytest.mark.parametrize("name,data,message", [
    ("empty.csv", b"", "empty"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ("latin1.csv", "id,name,category\n1,Jos\xe9,visitor\n".encode("latin-1"), "UTF-8"),
    ("columns.csv", b"registration,fullname,kind\n1,A,visitor\n", "missing id, name, category"),
    ("pipes.csv", b"id name category\n1 A visitor\n", "not a roster"),
    ("fake.xlsx", b"PK\x03\x04 this is not really a zip", "XLSX"),
    ("header-only.csv", b"id,name,category\n", "no attendees"),
])
def test_not_a_roster_is_refused_and_nothing_changes(tmp_path, event, name, data, message):
    with event.store() as store:
        before = sorted(a.id for a in store.attendees())
    with pytest.raises(KioskError, match=message):
        run(write(tmp_path, name, data), event)
    with event.store() as store:
        assert sorted(a.id for a in store.attendees()) == before


def test_utf16_unicode_text_export(tmp_path, empty_event):
    text = "id\tname\tcategory\r\nU-1\tعلی رضا\tvisitor\r\n"
    report, people = run(write(tmp_path, "u.txt", text.encode("utf-16")), empty_event)
    assert people["U-1"].name == "علی رضا"
