"""IMDF archives as other tools write them: several floors, no walking network, zipped."""

from __future__ import annotations

import json

import pytest

from kiosk.cli import main
from kiosk.wayfinding.routing import NoRoute, Router
from kiosk.wayfinding.validate import check_venue
from kiosk.wayfinding.venue import load_venue, maps_root
from tests.helpers.imdf import uid, write_two_floor_venue, zip_archive


@pytest.fixture
def two_floors(tmp_path):
    return write_two_floor_venue(tmp_path / "two-floors")


def _route(capsys, *args) -> dict:
    assert main(["route", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_two_floors_without_a_network_route_shortest_and_step_free(two_floors, capsys):
    shortest = _route(capsys, "--venue", str(two_floors), "--to", "Seminar Room 1")
    assert shortest["levels"] == [0, 1]
    assert "stairs" in shortest["uses"] and "elevator" not in shortest["uses"]
    assert "Take the stairs up to Level 1." in shortest["steps"]
    step_free = _route(capsys, "--venue", str(two_floors), "--to", "Seminar Room 1",
                       "--accessible")
    assert step_free["levels"] == [0, 1]
    assert "elevator" in step_free["uses"] and not {"stairs", "escalator"} & set(
        step_free["uses"])
    assert "Take the lift up to Level 1." in step_free["steps"]
    assert step_free["to_level"] == 1 and step_free["from_level"] == 0
    # The route ends inside the room, not at its wall: the last point is in its rectangle.
    x, y = step_free["path"][-1]
    assert 0 < x < 12 and 24 < y < 34


def test_directions_in_urdu_and_chinese_name_the_floor(two_floors, capsys):
    ur = _route(capsys, "--venue", str(two_floors), "--to", "Seminar Room 1", "--accessible",
                "--lang", "ur")
    assert any("لفٹ" in s and "پہلی منزل" in s for s in ur["steps"])
    zh = _route(capsys, "--venue", str(two_floors), "--to", "Seminar Room 1", "--lang", "zh")
    assert "走楼梯上到二层。" in zh["steps"]


def test_category_and_feature_id_as_queries(two_floors, capsys):
    wc = _route(capsys, "--venue", str(two_floors), "--to", "restroom.wheelchair")
    assert wc["to"] == "Accessible Washroom" and wc["levels"] == [0, 1]
    women = _route(capsys, "--venue", str(two_floors), "--to", "restroom.female")
    assert women["to"] == "Washroom (Women)" and women["levels"] == [0]
    by_id = _route(capsys, "--venue", str(two_floors), "--from", uid(109), "--to", uid(101))
    assert (by_id["from"], by_id["to"], by_id["levels"]) == ("Seminar Room 1", "Registration",
                                                             [1, 0])
    assert "down" in " ".join(by_id["steps"])


def test_zipped_archive_works_wherever_a_folder_does(two_floors, tmp_path, capsys):
    archive = zip_archive(two_floors, tmp_path / "two-floors.imdf", inside="export")
    assert main(["maps", "check", str(archive)]) == 0
    assert "2 level(s)" in capsys.readouterr().out
    zipped = _route(capsys, "--venue", str(archive), "--to", "Seminar Room 1", "--accessible")
    folder = _route(capsys, "--venue", str(two_floors), "--to", "Seminar Room 1", "--accessible")
    assert zipped["steps"] == folder["steps"] and zipped["venue"] == "two-floors"
    # By name under the maps folder, as NAME.zip.
    maps = tmp_path / "maps"
    maps.mkdir()
    zip_archive(two_floors, maps / "station.zip")
    by_name = _route(capsys, "--venue", "station", "--maps", str(maps), "--to", "restroom")
    assert by_name["venue"] == "station"


@pytest.mark.parametrize("venue", ["lahore", "karachi"])
def test_shipped_venues_zipped_pass_the_check(venue, tmp_path):
    archive = zip_archive(maps_root() / venue, tmp_path / f"{venue}.zip")
    report = check_venue(archive)
    assert report.ok, report.errors[:5]
    assert report.warnings == []


def test_archives_that_are_not_archives_are_one_line(tmp_path, capsys):
    junk = tmp_path / "venue.imdf"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["maps", "check", str(junk)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: error:") and err.count("\n") == 1
    import zipfile

    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("readme.txt", "hello")
    assert main(["route", "--venue", str(empty), "--to", "x"]) == 1
    assert "no manifest.json" in capsys.readouterr().err


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_what_other_tools_write_is_a_warning_not_an_error(two_floors):
    """As a Russian university's Unity exporter writes it: labels only in "ru", null names,
    a MultiPolygon level, no kiosk.geojson (so no "you are here")."""
    def russian(data):
        for f in data["features"]:
            name = f["properties"].get("name")
            if name:
                f["properties"]["name"] = {"ru": name["en"] + " (ru)"}

    def multi(data):
        g = data["features"][1]["geometry"]
        data["features"][1]["geometry"] = {"type": "MultiPolygon",
                                           "coordinates": [g["coordinates"]]}
    _edit(two_floors / "unit.geojson", russian)
    _edit(two_floors / "level.geojson", multi)
    (two_floors / "kiosk.geojson").unlink()
    (two_floors / "anchor.geojson").unlink()
    report = check_venue(two_floors)
    assert report.ok, report.errors
    joined = " ".join(report.warnings)
    assert "kiosk.geojson is missing" in joined
    assert "without the manifest's language en" in joined
    assert "without a name" in joined
    venue = load_venue(two_floors)
    seminar = venue.places[uid(109)]
    assert seminar.name("en") == "Seminar Room 1 (ru)"  # falls back to what there is
    assert seminar.level == 1


def test_what_breaks_the_standard_or_routing_is_an_error(two_floors):
    def dangle(data):
        data["features"][0]["properties"]["anchor_id"] = uid(999)
    _edit(two_floors / "kiosk.geojson", dangle)

    def bow_tie(data):
        f = data["features"][1]
        ring = f["geometry"]["coordinates"][0]
        ring[1], ring[2] = ring[2], ring[1]

    def no_level(data):
        del data["features"][2]["properties"]["level_id"]
        data["features"][3]["id"] = "stairs-0"
    _edit(two_floors / "unit.geojson", bow_tie)
    _edit(two_floors / "unit.geojson", no_level)
    report = check_venue(two_floors)
    assert not report.ok
    text = "\n".join(report.errors)
    assert f"anchor_id {uid(999)} does not exist" in text
    assert "crosses itself" in text
    assert "no level_id" in text
    assert "'stairs-0' is not a UUID" in text


def test_relationships_replace_inferred_floors_and_keep_their_direction(two_floors, capsys):
    """An up-only escalator from the ground corridor to the upper one: nothing comes down."""
    (two_floors / "relationship.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "features": [{
            "id": uid(400), "type": "Feature", "feature_type": "relationship", "geometry": None,
            "properties": {"category": "escalator", "direction": "directed", "hours": None,
                           "origin": {"id": uid(100), "feature_type": "unit"},
                           "intermediary": None,
                           "destination": {"id": uid(105), "feature_type": "unit"}}}]}))
    assert check_venue(two_floors).ok
    up = _route(capsys, "--venue", str(two_floors), "--to", "Seminar Room 1")
    assert "escalator" in up["uses"] and "stairs" not in up["uses"]
    assert "Take the escalator up to Level 1." in up["steps"]
    venue = load_venue(two_floors)
    router = Router(venue)
    with pytest.raises(NoRoute):
        router.route(venue.places[uid(109)], venue.places[uid(101)])
    with pytest.raises(NoRoute) as caught:
        router.route(venue.kiosk_place(), venue.places[uid(109)], accessible=True)
    assert caught.value.reason == "not_step_free"


def test_derivation_is_done_once_per_archive(two_floors, monkeypatch):
    import kiosk.wayfinding.network as network

    calls = []
    real = network.derive
    monkeypatch.setattr(network, "derive", lambda v: calls.append(1) or real(v))
    first = load_venue(two_floors)
    second = load_venue(two_floors)
    assert len(first.nodes) == len(second.nodes) and len(calls) == 1
    _edit(two_floors / "opening.geojson", lambda d: d["features"].pop(0))  # the map changed
    load_venue(two_floors)
    assert len(calls) == 2


def test_shipped_maps_hold_no_kiosk_data_in_the_imdf_namespace():
    for venue in ("lahore", "karachi"):
        folder = maps_root() / venue
        manifest = json.loads((folder / "manifest.json").read_text())
        assert isinstance(manifest["generated_by"], str)
        assert "imdf:extension:itcn-kiosk:wayfinding#1.0.0" in manifest["extensions"]
        assert not (folder / "nav.geojson").exists()
        for path in folder.glob("*.geojson"):
            for f in json.loads(path.read_text())["features"]:
                assert f["feature_type"] == path.stem, path
        amenities = json.loads((folder / "amenity.geojson").read_text())["features"]
        assert all(a["properties"]["unit_ids"] for a in amenities)


@pytest.mark.parametrize("venue", ["lahore", "karachi"])
def test_shipped_venues_have_an_upper_floor_by_stairs_escalator_and_lift(request, venue,
                                                                          capsys):
    v = request.getfixturevalue(venue)
    assert v.ordinals == [0, 1]
    upstairs = {p.name("en") for p in v.places.values() if p.level == 1 and p.names}
    assert {"Seminar Room 1", "Seminar Room 2", "Prayer Room", "Washroom (Men)",
            "Washroom (Women)", "Accessible Washroom"} <= upstairs
    kinds = {e.kind for e in v.edges if v.nodes[e.a].level != v.nodes[e.b].level}
    assert kinds == {"stairs", "escalator", "elevator"}
    shortest = _route(capsys, "--venue", venue, "--to", "Seminar Room 1")
    assert shortest["levels"] == [0, 1] and {"stairs", "escalator"} & set(shortest["uses"])
    step_free = _route(capsys, "--venue", venue, "--to", "Seminar Room 1", "--accessible")
    assert step_free["levels"] == [0, 1] and "elevator" in step_free["uses"]
    assert not {"stairs", "escalator"} & set(step_free["uses"])
    assert any("lift up to Level 1" in s for s in step_free["steps"])
    down = _route(capsys, "--venue", venue, "--from", "Seminar Room 2", "--to", "Hall 1",
                  "--accessible")
    assert down["levels"] == [1, 0] and any("lift down to Ground floor" in s
                                            for s in down["steps"])


def test_imported_exhibitors_are_plain_imdf_occupants(tmp_path, lahore):
    from kiosk.wayfinding.exhibitors import import_exhibitors, load_exhibitors
    from kiosk.wayfinding.sample import write_sample_csv
    from kiosk.wayfinding.validate import CATEGORY, REQUIRED_PROPS

    csv_path = write_sample_csv(tmp_path / "exhibitors.csv", lahore, 30)
    import_exhibitors(csv_path, lahore, tmp_path / "exhibitors")
    folder = tmp_path / "exhibitors" / "lahore"
    occupants = json.loads((folder / "occupant.geojson").read_text())["features"]
    for f in occupants:
        props = f["properties"]
        assert f["feature_type"] == "occupant" and CATEGORY.match(props["category"])
        assert "description" not in props
        assert all(key in props for key in REQUIRED_PROPS["occupant"])
    loaded = load_exhibitors(tmp_path / "exhibitors", lahore)
    assert len(loaded) == 30 and all(e.category != "unspecified" for e in loaded)
    assert {e.category for e in loaded} - {"other"}  # the sectors came back from the extension


def test_hostile_archives_get_reasons_not_tracebacks(two_floors, capsys):
    def garbage(data):
        data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [[["a", "b"]]]}
        data["features"][1]["geometry"] = {"type": "Polygon", "coordinates": []}
    _edit(two_floors / "unit.geojson", garbage)
    (two_floors / "relationship.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "features": [{
            "id": uid(500), "type": "Feature", "feature_type": "relationship", "geometry": None,
            "properties": {"category": "elevator", "direction": "sideways",
                           "origin": "not a reference", "destination": {"id": uid(9999)}}}]}))
    report = check_venue(two_floors)
    text = "\n".join(report.errors)
    assert "geometry is not valid GeoJSON" in text and "has no coordinates" in text
    assert "direction must be directed or undirected" in text
    assert "origin is not a feature reference" in text
    assert f"refers to {uid(9999)}, which does not exist" in text
    # The kiosk still loads what it can, and says in one line why it cannot route.
    assert main(["route", "--venue", str(two_floors), "--to", "Seminar Room 1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk: error:") and err.count("\n") == 1
    (two_floors / "manifest.json").write_text('{"version": ')
    assert main(["route", "--venue", str(two_floors), "--to", "x"]) == 1
    err = capsys.readouterr().err
    assert str(two_floors) in err and "manifest.json is not readable JSON" in err


def test_relationships_on_one_floor_leave_the_stairs_and_lift_inferred(two_floors, capsys):
    """A traversal between two ground-floor units says nothing about floors."""
    (two_floors / "relationship.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "features": [{
            "id": uid(401), "type": "Feature", "feature_type": "relationship", "geometry": None,
            "properties": {"category": "traversal", "direction": "undirected", "hours": None,
                           "origin": {"id": uid(100), "feature_type": "unit"},
                           "intermediary": [{"id": uid(200), "feature_type": "opening"}],
                           "destination": {"id": uid(101), "feature_type": "unit"}}}]}))
    step_free = _route(capsys, "--venue", str(two_floors), "--to", "Seminar Room 1",
                       "--accessible")
    assert step_free["levels"] == [0, 1] and "elevator" in step_free["uses"]
