"""`kiosk exhibitors import`: this edition's exhibitors onto booths, bad rows reported by line."""

from __future__ import annotations

import json

import pytest

from kiosk.cli import main
from kiosk.core.errors import KioskError
from kiosk.organiser.kioskdir import KioskFolder, init_kiosk
from kiosk.wayfinding import Wayfinder
from kiosk.wayfinding.exhibitors import import_exhibitors, load_exhibitors

GOOD_AND_BAD = """\
Exhibitor Name,Stand No,Hall,Sector,Description,Urdu Name,Chinese Name
Ravi Data Labs,B14,2,Software,ERP for textile mills,راوی ڈیٹا لیبز,
Silk Road Electronics,H3-B7,,hardware,Phones and parts,,丝路电子
Nowhere Ltd,B999,2,telecom,,,
,B15,2,fintech,,,
Wrong Hall Co,H3-B8,1,cloud,,,
No Hall Co,B16,,cloud,,,
Ravi Data Labs,B14,2,Software,again,,
Thar Solar Tech,b 20,Hall 1,Energy,Panels and inverters,,
"""


def _write(tmp_path, text, name="exhibitors.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_good_rows_imported_bad_rows_reported_by_line(tmp_path, lahore):
    result = import_exhibitors(_write(tmp_path, GOOD_AND_BAD), lahore, tmp_path / "ex")
    assert result.imported == 3
    reasons = {r["line"]: r["reason"] for r in result.rejected}
    assert set(reasons) == {4, 5, 6, 7, 8}
    assert "H2-B999 is not on the map" in reasons[4]
    assert "no exhibitor name" in reasons[5]
    assert "Hall 3, not Hall 1" in reasons[6]
    assert "needs a hall" in reasons[7]
    assert "already on line 2" in reasons[8]
    loaded = {e.name("en"): e for e in load_exhibitors(tmp_path / "ex", lahore)}
    assert set(loaded) == {"Ravi Data Labs", "Silk Road Electronics", "Thar Solar Tech"}
    assert loaded["Ravi Data Labs"].booth.code == "H2-B14"
    assert loaded["Ravi Data Labs"].name("ur") == "راوی ڈیٹا لیبز"
    assert loaded["Silk Road Electronics"].name("zh") == "丝路电子"
    assert loaded["Thar Solar Tech"].booth.code == "H1-B20"
    assert loaded["Thar Solar Tech"].category == "solar"


def test_stored_as_imdf_occupants_anchored_in_the_booth(tmp_path, lahore):
    import_exhibitors(_write(tmp_path, GOOD_AND_BAD), lahore, tmp_path / "ex")
    occupants = json.loads((tmp_path / "ex/lahore/occupant.geojson").read_text())["features"]
    anchors = {a["id"]: a for a in
               json.loads((tmp_path / "ex/lahore/anchor.geojson").read_text())["features"]}
    hall2 = next(h for h in lahore.halls if h.name("en") == "Hall 2")
    ravi = next(o for o in occupants if o["properties"]["name"]["en"] == "Ravi Data Labs")
    assert ravi["feature_type"] == "occupant" and ravi["geometry"] is None
    anchor = anchors[ravi["properties"]["anchor_id"]]
    assert anchor["properties"]["unit_id"] == hall2.id


def test_utf16_semicolon_file_from_a_spreadsheet(tmp_path, lahore):
    text = "name;booth;hall;category\nChenab AI;B3;1;ai\n"
    path = _write(tmp_path, text, encoding="utf-16")
    assert import_exhibitors(path, lahore, tmp_path / "ex").imported == 1


@pytest.mark.parametrize("content,message", [
    ("", "is empty"),
    ("name,booth\n,B1\nX,B99999\n", "no exhibitor could be imported"),
    ("company,city\nA,Lahore\n", "no booth column"),
])
def test_file_with_nothing_usable_changes_nothing(tmp_path, lahore, content, message):
    import_exhibitors(_write(tmp_path, GOOD_AND_BAD, "first.csv"), lahore, tmp_path / "ex")
    before = (tmp_path / "ex/lahore/occupant.geojson").read_bytes()
    with pytest.raises(KioskError, match=message):
        import_exhibitors(_write(tmp_path, content), lahore, tmp_path / "ex")
    assert (tmp_path / "ex/lahore/occupant.geojson").read_bytes() == before


def test_binary_file_is_refused(tmp_path, lahore):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(KioskError, match="binary"):
        import_exhibitors(path, lahore, tmp_path / "ex")


def test_command_imports_into_event_and_kiosk_gets_them(tmp_path, event, capsys):
    path = _write(tmp_path, GOOD_AND_BAD)
    assert main(["exhibitors", "import", str(path), "--event", str(event.path),
                 "--venue", "lahore", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == 3 and [r["line"] for r in out["rejected"]] == [4, 5, 6, 7, 8]
    occupant = json.loads((event.path / "exhibitors/lahore/occupant.geojson").read_text())
    validity = occupant["features"][0]["properties"]["validity"]
    assert validity == {"start": "2026-12-01", "end": "2026-12-03"}
    init_kiosk(tmp_path / "k", event, kiosk_id="k1", venue="lahore")
    kiosk = KioskFolder.open(tmp_path / "k")
    finder = Wayfinder.open("lahore", exhibitors_dir=kiosk.path / "exhibitors")
    assert finder.find("ravi data").exhibitor.booth.code == "H2-B14"


def test_command_refuses_a_venue_the_event_does_not_have(tmp_path, capsys):
    from tests.helpers.factories import make_event

    event = make_event(tmp_path, venues=("karachi",))
    path = _write(tmp_path, GOOD_AND_BAD)
    assert main(["exhibitors", "import", str(path), "--event", str(event.path),
                 "--venue", "lahore"]) == 1
    assert "lahore is not a venue" in capsys.readouterr().err
