"""Walk-ins on the live hub (a real PostgreSQL server): pushed once, pulled by the other kiosks
so the walk-in's plain-id QR works at their gates, never pushed under another kiosk's number,
and listed in the hub's report as in the merged file's."""

from __future__ import annotations

import json

import psycopg
import pytest

from kiosk.cli import main
from kiosk.services.walk_in import WalkIns
from kiosk.storage.outbox import Outbox
from kiosk.storage.walk_ins import walk_ins
from kiosk.sync.hub import HubClient, HubError, KioskInfo
from tests.helpers.dbthread import KioskOnThread
from tests.helpers.factories import DAYS, local, make_event, make_kiosk

pytestmark = pytest.mark.postgres


def cli(capsys, *args) -> tuple[int, dict | str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except ValueError:
        return code, out, err


@pytest.fixture
def fair(hub_url, tmp_path, capsys):
    code, _, err = cli(capsys, "hub", "init", hub_url)
    assert code == 0, err
    event = make_event(tmp_path, walk_ins=True)
    one = make_kiosk(tmp_path, event, name="kiosk-1")
    two = make_kiosk(tmp_path, event, name="kiosk-2", gate="Gate 5")
    return hub_url, event, one, two


def register(folder, **person):
    kiosk = KioskOnThread(folder)
    try:
        attendee = kiosk.run(lambda: WalkIns(folder.model.kiosk_id).register(
            kiosk.store, kiosk.desk, **person))
        kiosk.check_in(attendee.id, at=local(DAYS[0], 11), method="walk_in")
    finally:
        kiosk.close()
    return attendee


def hub_walk_ins(url):
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT attendee_id, kiosk_id, name, kiosk_seq FROM walk_ins "
                            "ORDER BY attendee_id").fetchall()


def test_a_walk_in_reaches_the_hub_once_and_works_at_another_kiosk(fair, capsys):
    url, event, one, two = fair
    zara = register(one, name="Zara Haider", company="Lahore Looms", phone="03335550001")
    code, pushed, err = cli(capsys, "push", "--kiosk", one.path, "--hub", url, "--json")
    assert code == 0, err
    assert pushed["walk_ins_sent"] == 1 and pushed["inserted"] == 1  # the walk-in's check-in
    assert hub_walk_ins(url) == [(zara.id, "kiosk-1", "Zara Haider", 1)]
    code, again, _ = cli(capsys, "push", "--kiosk", one.path, "--hub", url, "--json")
    assert code == 0 and again["walk_ins_sent"] == 0  # the mark moved
    # The other gate pulls it and admits the walk-in by the number on the printed QR.
    code, pulled, err = cli(capsys, "push", "--kiosk", two.path, "--hub", url, "--json")
    assert code == 0 and pulled["roster_changes"] >= 1, err
    other = KioskOnThread(two)
    try:
        known = other.run(lambda: walk_ins(other.store.conn))
        assert [(w["attendee_id"], w["kiosk_id"], w["name"]) for w in known] == [
            (zara.id, "kiosk-1", "Zara Haider")]
        result = other.check_in(zara.id, at=local(DAYS[0], 12), method="camera")
        assert result.outcome.value in ("accepted", "reentry") and result.attendee.name == \
            "Zara Haider"
        # Its own walk-ins start at its own first number, whatever it pulled.
        li = other.run(lambda: WalkIns("kiosk-2").register(other.store, other.desk,
                                                          name="Li Wei", email="li@example.cn"))
        assert li.id == "WI-KIOSK-2-0001"
    finally:
        other.close()
    code, pushed2, _ = cli(capsys, "push", "--kiosk", two.path, "--hub", url, "--json")
    assert code == 0 and pushed2["walk_ins_sent"] == 1  # Li Wei only, not Zara again
    assert hub_walk_ins(url) == [(zara.id, "kiosk-1", "Zara Haider", 1),
                                 ("WI-KIOSK-2-0001", "kiosk-2", "Li Wei", 2)]
    # kiosk-2's bundle carries only the walk-in it registered.
    code, exported, _ = cli(capsys, "export", "--kiosk", two.path, "--out",
                            two.path.parent / "k2.bundle", "--json")
    assert code == 0 and exported["walk_ins"] == 1


def test_pushing_the_same_walk_ins_twice_adds_nothing(fair):
    url, event, one, _ = fair
    register(one, name="Zara Haider", phone="03335550001")
    kiosk = KioskOnThread(one)
    try:
        batch = kiosk.run(lambda: Outbox(kiosk.store).pending("any-hub", 100))
        info = kiosk.info()
    finally:
        kiosk.close()
    with HubClient.connect(url) as hub:
        hub.bind_event(info.event_id, info.event_toml)
        first, second = hub.push(info, batch), hub.push(info, batch)
    assert (first.walk_ins_inserted, second.walk_ins_inserted) == (1, 0)
    assert len(hub_walk_ins(url)) == 1


def test_a_kiosk_cannot_push_another_kiosks_number(fair):
    url, event, one, _ = fair
    register(one, name="Zara Haider", phone="03335550001")
    kiosk = KioskOnThread(one)
    try:
        batch = kiosk.run(lambda: Outbox(kiosk.store).pending("any-hub", 100))
        info = kiosk.info()
    finally:
        kiosk.close()
    forged = KioskInfo(**{**info.__dict__, "kiosk_id": "kiosk-2"})
    # kiosk-2 claiming kiosk-1's walk-in: its own rows only are sent, so nothing goes.
    with HubClient.connect(url) as hub:
        hub.bind_event(info.event_id, info.event_toml)
        assert hub.push(forged, batch).walk_ins_sent == 0
        # A row relabelled as kiosk-2's, still numbered as kiosk-1's, is refused whole.
        batch.walk_ins = [{**w, "kiosk_id": "kiosk-2"} for w in batch.walk_ins]
        with pytest.raises(HubError, match="cannot push walk-in 'WI-KIOSK-1-0001'"):
            hub.push(forged, batch)
    assert hub_walk_ins(url) == []
    # The hub's own constraint says the same to anyone writing to it directly.
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("INSERT INTO walk_ins (attendee_id, kiosk_id, at_utc, name, category, "
                     "kiosk_seq) VALUES ('WI-KIOSK-1-0009', 'kiosk-2', '', 'Ghost', 'visitor', 1)")
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("INSERT INTO walk_ins (attendee_id, kiosk_id, at_utc, name, category, "
                     "kiosk_seq) VALUES ('WI-KIOSK-1-0009', 'kiosk-1', '', 'Ghost', 'vip', 1)")


def test_the_hubs_report_lists_the_walk_ins_as_the_merged_file_does(fair, tmp_path, capsys):
    url, event, one, two = fair
    register(one, name="Zara Haider", company="Lahore Looms", phone="03335550001")
    register(two, name="Li Wei", company="Shenzhen Textiles", email="li.wei@example.cn")
    bundles = []
    for kiosk in (one, two):
        assert cli(capsys, "push", "--kiosk", kiosk.path, "--hub", url)[0] == 0
        code, out, _ = cli(capsys, "export", "--kiosk", kiosk.path, "--out",
                           tmp_path / f"{kiosk.path.name}.bundle", "--json")
        bundles.append(out["bundle"])
    merged = tmp_path / "merged.db"
    assert cli(capsys, "merge", *bundles, "--into", merged)[0] == 0
    code, from_hub, err = cli(capsys, "report", "--hub", url, "--out", tmp_path / "r-hub",
                              "--json")
    assert code == 0 and from_hub["walk_ins"] == 2, err
    assert cli(capsys, "report", "--db", merged, "--out", tmp_path / "r-db")[0] == 0
    hub_csv = (tmp_path / "r-hub" / "walk_ins.csv").read_text(encoding="utf-8")
    assert hub_csv == (tmp_path / "r-db" / "walk_ins.csv").read_text(encoding="utf-8")
    assert "WI-KIOSK-1-0001" in hub_csv and "Li Wei" in hub_csv


def test_a_kiosk_provisioned_again_goes_on_numbering_after_its_walk_ins_on_the_hub(fair, capsys):
    """A kiosk whose kiosk.db was lost and made again would start at 0001 once more and give a
    second person the first one's number; from the hub it learns its own numbers back."""
    url, event, one, _ = fair
    zara = register(one, name="Zara Haider", phone="03335550001")
    assert cli(capsys, "push", "--kiosk", one.path, "--hub", url)[0] == 0
    one.db_path.unlink()
    for extra in ("-wal", "-shm"):
        one.db_path.with_name(one.db_path.name + extra).unlink(missing_ok=True)
    again = make_kiosk(one.path.parent, event, name="kiosk-1")
    code, pulled, err = cli(capsys, "push", "--kiosk", again.path, "--hub", url, "--json")
    assert code == 0, err
    imran = register(again, name="Imran Khan", phone="03005550002")
    assert (zara.id, imran.id) == ("WI-KIOSK-1-0001", "WI-KIOSK-1-0002")
    assert cli(capsys, "push", "--kiosk", again.path, "--hub", url)[0] == 0
    assert [r[:3] for r in hub_walk_ins(url)] == [
        ("WI-KIOSK-1-0001", "kiosk-1", "Zara Haider"), ("WI-KIOSK-1-0002", "kiosk-1", "Imran Khan")]
