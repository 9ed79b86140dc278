"""Walk-ins reach the organiser: in the kiosk's signed bundle, in `kiosk merge` as roster
additions (once, by number, two kiosks never colliding), and in the report as a roster file that
`kiosk roster import` and `kiosk badges` take. Real kiosk folders, real bundles, real CLI."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3

import pytest

from kiosk.cli import main
from kiosk.services.walk_in import WalkIns
from kiosk.sync.bundle import read_header, verify
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk


def run(capsys, *args) -> tuple[int, dict | str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except ValueError:
        return code, out, err


def register(kiosk, kiosk_id, **person):
    """A walk-in registered and checked in at ``kiosk``, as the kiosk's screen does it."""
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[0], 11))
    try:
        attendee = WalkIns(kiosk_id).register(store, desk, **person)
        desk.check_in(attendee.id, at=local(DAYS[0], 11, 1), method="walk_in")
    finally:
        store.close()
    return attendee


@pytest.fixture
def fair(tmp_path):
    event = make_event(tmp_path, walk_ins=True)
    one = make_kiosk(tmp_path, event, name="kiosk-1")
    two = make_kiosk(tmp_path, event, name="kiosk-2", gate="Gate 5")
    return event, one, two


def export(capsys, kiosk, out):
    code, result, err = run(capsys, "export", "--kiosk", kiosk.path, "--out", out, "--json")
    assert code == 0, err
    return result


def rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_a_walk_in_is_in_the_next_signed_bundle(fair, tmp_path, capsys):
    event, one, _ = fair
    zara = register(one, "kiosk-1", name="zara haider", company="Lahore Looms",
                    phone="0333 5550001")
    result = export(capsys, one, tmp_path / "k1.bundle")
    assert result["walk_ins"] == 1 and result["signed"]
    header = read_header(tmp_path / "k1.bundle")
    verify(header)
    assert header.walk_in_count == 1
    assert rows(tmp_path / "k1.bundle", "SELECT attendee_id, kiosk_id, name, company, phone "
                "FROM walk_ins") == [(zara.id, "kiosk-1", "Zara Haider", "Lahore Looms",
                                      "0333 5550001")]


@pytest.mark.parametrize("change", [
    "UPDATE walk_ins SET name = 'Someone Else'",
    "DELETE FROM walk_ins",
    "INSERT INTO walk_ins VALUES (99, 'WI-KIOSK-1-0099', 'kiosk-1', '2026-12-01T06:00:00Z', "
    "'Ghost', 'visitor', '', '', '0300')",
    "UPDATE bundle SET walk_in_count = 0",
    "ALTER TABLE bundle DROP COLUMN walk_ins_sha256",
])
def test_a_bundle_whose_walk_ins_were_changed_is_refused(fair, tmp_path, capsys, change):
    event, one, _ = fair
    register(one, "kiosk-1", name="Zara Haider", phone="03335550001")
    bundle = tmp_path / "k1.bundle"
    export(capsys, one, bundle)
    with sqlite3.connect(bundle) as conn:
        conn.execute(change)
    merged = tmp_path / "merged.db"
    code, result, _ = run(capsys, "merge", bundle, "--into", merged, "--event", event.path,
                          "--json")
    assert code == 1 and result["rejected"][0]["reason"] == "tampered"
    assert not merged.exists() or rows(merged, "SELECT COUNT(*) FROM walk_ins") == [(0,)]


@pytest.mark.parametrize("number, category, says", [
    ("WI-KIOSK-2-0001", "visitor", "cannot have issued"),  # another kiosk's number
    ("ITCN-00001", "visitor", "cannot have issued"),       # a registered attendee's
    ("WI-KIOSK-1-0001", "vip", "only visitors"),           # a walk-in promoted
])
def test_a_kiosk_vouches_only_for_its_own_visitors(fair, tmp_path, capsys, number, category,
                                                    says):
    """Even signed by its own key (a kiosk tampered with), a bundle carrying a walk-in the
    kiosk cannot have registered is refused whole."""
    from kiosk.sync.bundle import WALK_IN_ROW, _own_key, write_bundle
    from kiosk.storage.kiosk_store import KioskStore

    event, one, _ = fair
    store = KioskStore.open(one.db_path)
    key = _own_key(store)
    store.close()
    meta = {"kiosk_schema": "10", "event_id": event.model.id,
            "event_toml": (event.path / "event.toml").read_text(), "kiosk_id": "kiosk-1",
            "venue": "lahore", "gate": "Gate 1", "role": "entry",
            "exported_at": "2026-12-01T07:00:00.000000Z"}
    stolen = (1, number, "kiosk-1", "2026-12-01T06:00:00.000000Z", "Ghost", category, "", "",
              "0300")
    assert len(stolen) == len(WALK_IN_ROW)
    bundle = tmp_path / "odd.bundle"
    write_bundle(bundle, meta, [], signing_key=key, walk_ins=[stolen])
    code, result, _ = run(capsys, "merge", bundle, "--into", tmp_path / "m.db", "--event",
                          event.path, "--json")
    assert code == 1 and result["rejected"][0]["reason"] == "tampered"
    assert says in result["rejected"][0]["message"]


def test_merge_adds_walk_ins_to_the_roster_once_and_never_mixes_two_kiosks(fair, tmp_path,
                                                                          capsys):
    event, one, two = fair
    zara = register(one, "kiosk-1", name="Zara Haider", company="Lahore Looms",
                    phone="03335550001")
    li = register(two, "kiosk-2", name="Li Wei", company="Shenzhen Textiles",
                  email="li.wei@example.cn")
    # Each kiosk's first walk-in: the same counter, different numbers.
    assert (zara.id, li.id) == ("WI-KIOSK-1-0001", "WI-KIOSK-2-0001")
    b1, b2 = export(capsys, one, tmp_path / "k1.bundle"), export(capsys, two, tmp_path / "k2.bundle")
    merged = tmp_path / "merged.db"
    code, result, err = run(capsys, "merge", b1["bundle"], b2["bundle"], "--into", merged,
                            "--event", event.path, "--json")
    assert code == 0, err
    assert result["walk_ins"] == {"added": 2, "already_present": 0, "conflicts": 0}
    assert rows(merged, "SELECT attendee_id, kiosk_id, name FROM walk_ins ORDER BY 1") == [
        ("WI-KIOSK-1-0001", "kiosk-1", "Zara Haider"), ("WI-KIOSK-2-0001", "kiosk-2", "Li Wei")]
    roster = dict(rows(merged, "SELECT id, name FROM attendees WHERE id LIKE 'WI-%'"))
    assert roster == {"WI-KIOSK-1-0001": "Zara Haider", "WI-KIOSK-2-0001": "Li Wei"}
    # The organiser's roster is still whole beside them.
    assert rows(merged, "SELECT name FROM attendees WHERE id = 'V-001'") != []
    before = hashlib.sha256(merged.read_bytes()).hexdigest()
    code, again, _ = run(capsys, "merge", b1["bundle"], b2["bundle"], "--into", merged, "--json")
    assert code == 0 and again["walk_ins"]["added"] == 0
    assert hashlib.sha256(merged.read_bytes()).hexdigest() == before
    # A later export of kiosk-1 (another walk-in since) adds only the new one.
    register(one, "kiosk-1", name="Imran Khan", phone="03005550002")
    b1b = export(capsys, one, tmp_path / "k1b.bundle")
    code, later, _ = run(capsys, "merge", b1b["bundle"], "--into", merged, "--event",
                         event.path, "--json")
    assert code == 0
    assert later["walk_ins"] == {"added": 1, "already_present": 1, "conflicts": 0}
    assert rows(merged, "SELECT COUNT(*) FROM walk_ins") == [(3,)]
    assert rows(merged, "SELECT COUNT(*) FROM attendees WHERE id LIKE 'WI-%'") == [(3,)]


def test_the_report_lists_walk_ins_for_signed_badges_the_next_day(fair, tmp_path, capsys):
    event, one, two = fair
    register(one, "kiosk-1", name="=HYPERLINK(\"http://x\")", phone="03335550001")
    register(two, "kiosk-2", name="Li Wei", company="Shenzhen Textiles",
             email="li.wei@example.cn")
    bundles = [export(capsys, k, tmp_path / f"{k.path.name}.bundle")["bundle"] for k in (one, two)]
    merged = tmp_path / "merged.db"
    assert run(capsys, "merge", *bundles, "--into", merged, "--event", event.path)[0] == 0
    code, report, err = run(capsys, "report", "--db", merged, "--out", tmp_path / "report", "--json")
    assert code == 0, err
    assert report["walk_ins"] == 2 and "walk_ins.csv" in report["files"]
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "Li Wei" in page and "WI-KIOSK-2-0001" in page and "<h2>Walk-ins</h2>" in page
    with open(tmp_path / "report" / "walk_ins.csv", encoding="utf-8", newline="") as fh:
        listed = list(csv.DictReader(fh))
    assert {w["id"]: w["kiosk"] for w in listed} == {"WI-KIOSK-1-0001": "kiosk-1",
                                                     "WI-KIOSK-2-0001": "kiosk-2"}
    # A name typed as a formula stays text in the organiser's spreadsheet.
    assert listed[0]["name"].startswith("'=") or listed[1]["name"].startswith("'=")
    # The walk-ins came in: they are not no-shows.
    with open(tmp_path / "report" / "no_shows.csv", encoding="utf-8") as fh:
        assert "WI-KIOSK" not in fh.read()
    # The organiser imports the list and issues signed badges; one checks in the next day.
    code, imported, err = run(capsys, "roster", "import", tmp_path / "report" / "walk_ins.csv",
                              "--event", event.path, "--json")
    assert code == 0 and imported["imported"] == 2 and imported["rejected"] == [], err
    assert run(capsys, "badges", "--event", event.path, "--out", tmp_path / "badges")[0] == 0
    with open(tmp_path / "badges" / "badges.csv", encoding="utf-8") as fh:
        token = {r["id"]: r["token"] for r in csv.DictReader(fh)}["WI-KIOSK-2-0001"]
    fresh = make_kiosk(tmp_path, event, name="kiosk-3")
    code, checked, err = run(capsys, "checkin", token, "--kiosk", fresh.path, "--at",
                             f"{DAYS[1].isoformat()}T10:30", "--json")
    assert code == 0, err
    assert checked["outcome"] == "accepted" and checked["attendee"]["name"] == "Li Wei"
