"""The copy of the hub that every hub figure is counted from (kiosk.sync.hub_copy), held to
PostgreSQL's own aggregates over the hub's log (tests/helpers/hub_oracles.py), on a real hub:
pushes out of time order, the same rows pushed twice, a kiosk that was offline pushing its
morning late; a copy kept between commands, shared by two, and one whose hub went back in time."""

from __future__ import annotations

import json
import random

import pytest

from kiosk.cli import main
from kiosk.storage.dashboard_sql import dashboard
from kiosk.storage.outbox import Outbox
from kiosk.sync.hub import HubClient, KioskInfo
from kiosk.sync.hub_copy import HubCopy
from kiosk.sync.live import KioskSide, sync_once
from kiosk.core.dashboard import HallMap
from kiosk.web.data import WebData
from tests.helpers.factories import DAYS, local
from tests.helpers.hub_oracles import hub_dashboard_sql
from tests.helpers.scanlog import append_rows, synthetic_rows, write_kiosk_db

pytestmark = pytest.mark.postgres

TZ = "Asia/Karachi"
HALLS = HallMap.build({"Hall 1": 60, "Hall 2": 60}, {"Hall 1": ["Gate 0"], "Hall 2": ["Gate 1"]})


def comparable(data) -> dict:
    out = data.to_json()
    for key in ("scope", "source", "kiosks", "seconds", "recent", "kiosk_id", "problem"):
        out.pop(key)
    out["headcount"].pop("source")
    return out


@pytest.mark.parametrize("bulk_from", [1, 10**9], ids=["bulk", "row-by-row"])
def test_the_copy_gives_the_hubs_figures_whatever_order_rows_come_in(hub_url, tmp_path, event,
                                                                     bulk_from):
    assert main(["hub", "init", hub_url]) == 0
    toml = (event.path / "event.toml").read_text()
    kiosks = []
    for n, role in enumerate(["entry", "entry", "exit"]):
        rows = synthetic_rows(f"kiosk-{n}", "lahore", f"Gate {n}", list(DAYS[:2]), 400,
                              attendees=80, seed=n, role=role)
        store, model = write_kiosk_db(tmp_path / f"kiosk-{n}", toml, event.model.id,
                                      f"kiosk-{n}", "lahore", f"Gate {n}", [], role=role)
        info = KioskInfo(kiosk_id=model.kiosk_id, event_id=event.model.id, event_toml=toml,
                         venue="lahore", gate=model.gate, role=role)
        kiosks.append((store, info, rows))
    copy = HubCopy(bulk_from=bulk_from)
    rng = random.Random(3)
    moments = [local(DAYS[0], 13), local(DAYS[0], 23, 59), local(DAYS[1], 12, 30)]
    with HubClient.connect(hub_url) as hub:
        # kiosk 2 (the exit) was offline: kiosks 0 and 1 push first, in slices, the copy
        # refreshing in between; kiosk 2's whole log arrives last, older than what came before
        for piece in range(4):
            for store, info, rows in kiosks[:2]:
                chunk = rows[piece * 100:(piece + 1) * 100]
                append_rows(store, chunk)
                sync_once(hub_url, info, KioskSide.direct(Outbox(store)))
            copy.refresh(hub)
        store, info, rows = kiosks[2]
        shuffled = rows[:]
        rng.shuffle(shuffled)  # a log that is not in time order
        append_rows(store, shuffled)
        sync_once(hub_url, info, KioskSide.direct(Outbox(store)))
        added = copy.refresh(hub)
        assert added == len(rows)
        assert copy.refresh(hub) == 0  # rows seen again (txid >= mark) change nothing
        assert copy.rows == 1200
        for at in moments:
            want = hub_dashboard_sql(hub, at, TZ, HALLS)
            got = dashboard(copy.conn, at, TZ, HALLS, scope="hub")
            assert comparable(got) == comparable(want), at
            assert got.headcount.inside_now == want.headcount.inside_now
    folder = copy.folder
    copy.close()
    assert not folder.exists()  # a temporary copy leaves nothing behind
    for store, _, _ in kiosks:
        store.close()


def test_web_data_over_the_hub_reads_the_copy_and_the_hubs_names(hub_url, tmp_path, event, kiosk):
    assert main(["hub", "init", hub_url]) == 0
    assert main(["hub", "publish", hub_url, "--event", str(event.path)]) == 0
    from tests.helpers.dbthread import KioskOnThread

    desk = KioskOnThread(kiosk)
    for minute, code in enumerate(["V-001", "V-002", "E-001"]):
        desk.check_in(code, at=local(DAYS[0], 11, minute))
    desk.close()
    assert main(["push", "--kiosk", str(kiosk.path), "--hub", hub_url]) == 0
    data = WebData(hub=hub_url, at_text="2026-12-01T15:00")
    try:
        page = data.dashboard()
        assert page.scope == "hub" and page.kiosks == 1
        assert page.headcount.unique_checked_in == 3
        assert [r.name for r in page.recent] == ["Wang Wei", "Ayesha Malik", "Ahmed Khan"]
        assert data.duplicates(page.headcount.day, page.headcount.at) == 0
        with HubClient.connect(hub_url) as hub:
            want = hub_dashboard_sql(hub, data.clock(), TZ, HallMap())
        assert page.headcount.to_json() == {**want.headcount.to_json(),
                                            "source": page.headcount.source}
    finally:
        data.close()


def _kiosk_pushing(hub_url, tmp_path, event, n=0, role="entry", scans=300, seed=0):
    toml = (event.path / "event.toml").read_text()
    rows = synthetic_rows(f"kiosk-{n}", "lahore", f"Gate {n}", list(DAYS[:2]), scans,
                          attendees=60, seed=seed, role=role)
    store, model = write_kiosk_db(tmp_path / f"kiosk-{n}", toml, event.model.id, f"kiosk-{n}",
                                  "lahore", f"Gate {n}", [], role=role)
    info = KioskInfo(kiosk_id=model.kiosk_id, event_id=event.model.id, event_toml=toml,
                     venue="lahore", gate=model.gate, role=role)

    def push(chunk):
        append_rows(store, chunk)
        sync_once(hub_url, info, KioskSide.direct(Outbox(store)))

    return store, rows, push


def test_a_kept_copy_copies_only_what_is_new_and_starts_again_for_a_hub_gone_back(
        hub_url, tmp_path, event):
    assert main(["hub", "init", hub_url]) == 0
    store, rows, push = _kiosk_pushing(hub_url, tmp_path, event)
    push(rows[:200])
    folder = tmp_path / "cache"
    at = local(DAYS[1], 23)
    with HubClient.connect(hub_url) as hub:
        first = HubCopy.kept(hub, folder)
        assert first.refresh(hub) == 200
        first.close()
        files = sorted(p.name for p in folder.iterdir())
        assert files == [f"hub-{hub.info().hub_id}.db", f"hub-{hub.info().hub_id}.db.lock"]

        push(rows[200:])
        again = HubCopy.kept(hub, folder)  # a later command: the rows and the mark were kept
        assert again.rows == 200
        assert again.refresh(hub) == len(rows) - 200
        assert comparable(dashboard(again.conn, at, TZ, HALLS, scope="hub")) == \
            comparable(hub_dashboard_sql(hub, at, TZ, HALLS))

        # The hub restored from a backup older than the copy: its transaction ids are behind
        # the copy's mark, so they no longer say what is new. The copy starts again.
        again.conn.execute("UPDATE meta SET value = ? WHERE key = 'hub_copy_mark'",
                           (str(2**62),))
        assert again.refresh(hub) == len(rows)
        assert comparable(dashboard(again.conn, at, TZ, HALLS, scope="hub")) == \
            comparable(hub_dashboard_sql(hub, at, TZ, HALLS))
        again.close()
    store.close()


def test_two_commands_sharing_a_kept_copy_each_see_every_row(hub_url, tmp_path, event):
    """Two readers of one hub with one kept file: the second waits for the first's load, then
    copies what is left; neither misses a row nor counts one twice."""
    import threading

    assert main(["hub", "init", hub_url]) == 0
    store, rows, push = _kiosk_pushing(hub_url, tmp_path, event, scans=1500, seed=4)
    push(rows[:1200])
    folder = tmp_path / "cache"
    results, errors = {}, []

    def reader(name):
        try:
            with HubClient.connect(hub_url) as hub:
                copy = HubCopy.kept(hub, folder, bulk_from=100)
                copy.refresh(hub)
                results[name] = dashboard(copy.conn, local(DAYS[1], 23), TZ, HALLS, scope="hub")
                copy.close()
        except Exception as exc:  # reported below, with the thread's name
            errors.append((name, exc))

    threads = [threading.Thread(target=reader, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    push(rows[1200:])  # a kiosk pushing while they copy
    for t in threads:
        t.join()
    assert not errors
    with HubClient.connect(hub_url) as hub:
        last = HubCopy.kept(hub, folder)
        last.refresh(hub)
        assert last.rows == len(rows)
        distinct = last.conn.execute("SELECT COUNT(DISTINCT scan_id) FROM scans").fetchone()[0]
        assert distinct == len(rows)
        want = hub_dashboard_sql(hub, local(DAYS[1], 23), TZ, HALLS)
        assert comparable(dashboard(last.conn, local(DAYS[1], 23), TZ, HALLS, scope="hub")) == \
            comparable(want)
        last.close()
    for got in results.values():  # each saw the hub at some moment: no row counted twice
        assert got.headcount.accepted_scans <= want.headcount.accepted_scans
    store.close()


def test_an_unwritable_cache_is_one_line_and_a_damaged_copy_is_made_again(
        hub_url, tmp_path, event, monkeypatch, capsys):
    assert main(["hub", "init", hub_url]) == 0
    assert main(["hub", "publish", hub_url, "--event", str(event.path)]) == 0
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(blocker / "cache"))
    capsys.readouterr()
    assert main(["headcount", "--hub", hub_url]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "cannot keep the hub's copy" in err and "KIOSK_CACHE_DIR" in err

    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    with HubClient.connect(hub_url) as hub:
        bad = tmp_path / "cache" / f"hub-{hub.info().hub_id}.db"
    bad.parent.mkdir()
    bad.write_bytes(b"this is not a database, " * 100)
    # a damaged copy is only a copy: put aside and made again from the hub
    assert main(["headcount", "--hub", hub_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["inside_now"] == 0
    assert bad.with_name(bad.name + ".unreadable").read_bytes().startswith(b"this is not")
    remade = HubCopy(bad)
    assert remade.rows == 0  # a database again
    remade.close()


def test_a_kiosks_staff_dashboard_keeps_the_hubs_copy_in_its_own_folder(hub_url, event, kiosk,
                                                                        tmp_path):
    """Every kiosk's numbers at a kiosk's staff screen: from the copy in the kiosk folder, which
    a later staff screen goes on from."""
    from kiosk.services.dashboard import KioskDashboard
    from tests.helpers.factories import open_desk

    assert main(["hub", "init", hub_url]) == 0
    other, rows, push = _kiosk_pushing(hub_url, tmp_path, event, n=7, scans=120, seed=9)
    push(rows)
    desk, store = open_desk(kiosk, clock=lambda: local(DAYS[1], 23))
    with store:
        folder = kiosk.path / "hub-copy"
        source = KioskDashboard(lambda fn: fn(store, desk), "kiosk-1", hub_url, copy_dir=folder)
        shown = source.fetch()
        source.close()
        assert shown.scope == "hub" and not shown.problem
        with HubClient.connect(hub_url) as hub:
            want = hub_dashboard_sql(hub, local(DAYS[1], 23), TZ, HallMap())
            assert [p.name for p in folder.glob("*.db")] == [f"hub-{hub.info().hub_id}.db"]
        assert shown.headcount.to_json() == {**want.headcount.to_json(),
                                             "source": shown.headcount.source}
        assert shown.headcount.unique_checked_in > 0
        again = KioskDashboard(lambda fn: fn(store, desk), "kiosk-1", hub_url, copy_dir=folder)
        assert again.fetch().headcount == shown.headcount
        assert again.hub.copy.added == 0  # nothing new on the hub: nothing copied again
        again.close()
    other.close()
