"""The shipped venue maps and the validator behind `kiosk maps check`."""

from __future__ import annotations

import json
import shutil

import pytest

from kiosk.cli import main
from kiosk.wayfinding.validate import check_venue
from kiosk.wayfinding.venue import maps_root


@pytest.mark.parametrize("venue,halls", [("lahore", 3), ("karachi", 6)])
def test_shipped_venue_passes_every_check(venue, halls):
    report = check_venue(maps_root() / venue)
    assert report.ok, report.errors[:10]
    assert report.warnings == []  # every name in English, Urdu and Chinese
    assert report.counts["kiosks"] >= 3


@pytest.mark.parametrize("venue,halls", [("lahore", 3), ("karachi", 6)])
def test_shipped_venue_has_what_visitors_look_for(request, venue, halls):
    v = request.getfixturevalue(venue)
    assert [h.name("en") for h in v.halls] == [f"Hall {n}" for n in range(1, halls + 1)]
    for group in ("washroom_men", "washroom_women", "washroom_wheelchair", "prayer_men",
                  "prayer_women", "food", "firstaid", "information", "registration", "atm",
                  "exit", "parking", "seminar"):
        assert v.group(group), f"{venue} has no {group}"
    areas = {round(_area(b.polygon)) for b in v.booths}
    assert areas <= {9, 18, 36} and {9, 18} <= areas
    for hall in v.halls:
        inside = [b for b in v.booths if b.hall_id == hall.id]
        assert len(inside) >= 100, hall.name()
        number = hall.name("en").split()[-1]
        assert all(b.code.startswith(f"H{number}-B") for b in inside)
    assert "schematic" in json.dumps(v.features[next(iter(
        f["id"] for f in v.by_type["venue"]))]["properties"]["alt_name"])


def _area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2


@pytest.fixture
def lahore_copy(tmp_path):
    return shutil.copytree(maps_root() / "lahore", tmp_path / "lahore")


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_duplicate_id_is_reported(lahore_copy):
    def dup(data):
        data["features"][1]["id"] = data["features"][0]["id"]
    _edit(lahore_copy / "section.geojson", dup)
    report = check_venue(lahore_copy)
    assert not report.ok
    assert any("used twice" in e for e in report.errors)


def test_dangling_reference_is_reported(lahore_copy):
    def dangle(data):
        data["features"][0]["properties"]["level_id"] = "no-such-level"
    _edit(lahore_copy / "unit.geojson", dangle)
    report = check_venue(lahore_copy)
    assert any("level_id no-such-level does not exist" in e for e in report.errors)


def test_booth_cut_off_from_the_network_is_reported(lahore_copy, lahore):
    booth = lahore.booth("H3-B40")
    node = booth.nodes[0]

    def cut(data):
        data["features"] = [f for f in data["features"]
                            if not (f["geometry"]["type"] == "LineString"
                                    and node in (f["properties"]["from"], f["properties"]["to"]))]
    _edit(lahore_copy / "x-itcn-kiosk" / "nav.geojson", cut)
    report = check_venue(lahore_copy)
    assert any("Booth H3-B40" in e and "cannot be reached" in e for e in report.errors)


def test_ramp_turned_into_stairs_breaks_step_free_route(lahore_copy):
    def no_ramps(data):
        for f in data["features"]:
            if f["properties"].get("kind") == "ramp":
                f["properties"]["kind"] = "stairs"
    _edit(lahore_copy / "x-itcn-kiosk" / "nav.geojson", no_ramps)
    report = check_venue(lahore_copy)
    assert any("Seminar Hall A" in e and "no step-free route" in e for e in report.errors)


def test_maps_check_command(lahore_copy, capsys):
    assert main(["maps", "check", str(maps_root() / "karachi")]) == 0
    assert "fit for the kiosks" in capsys.readouterr().out
    # IMDF needs neither a kiosk nor the kiosk's network (derived from the geometry instead).
    (lahore_copy / "kiosk.geojson").unlink()
    shutil.rmtree(lahore_copy / "x-itcn-kiosk")
    assert main(["maps", "check", str(lahore_copy), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True and any("kiosk.geojson" in w for w in out["warnings"])
    (lahore_copy / "unit.geojson").unlink()
    assert main(["maps", "check", str(lahore_copy), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and "unit.geojson is missing" in out["errors"]


def test_maps_check_of_a_missing_folder_is_one_line(tmp_path, capsys):
    assert main(["maps", "check", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: error:") and err.count("\n") == 1


def test_maps_folder_from_environment(monkeypatch, tmp_path, lahore_copy):
    monkeypatch.setenv("KIOSK_MAPS", str(tmp_path))
    assert maps_root() == tmp_path
    from kiosk.wayfinding.venue import load_venue

    assert load_venue("lahore").path == lahore_copy
