"""The web dashboard's copy of the hub (kiosk.web.mirror) against the hub's own figures, on a
real PostgreSQL hub: pushes out of time order, the same rows pushed twice, a kiosk that was
offline pushing its morning late."""

from __future__ import annotations

import random

import pytest

from kiosk.cli import main
from kiosk.storage.dashboard_sql import dashboard
from kiosk.storage.outbox import Outbox
from kiosk.sync.hub import HubClient, KioskInfo
from kiosk.sync.hub_dashboard import hub_dashboard
from kiosk.sync.live import KioskSide, sync_once
from kiosk.core.dashboard import HallMap
from kiosk.web.data import WebData
from kiosk.web.mirror import HubMirror
from tests.helpers.factories import DAYS, local
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
    mirror = HubMirror(tmp_path / "copy", bulk_from=bulk_from)
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
            mirror.refresh(hub)
        store, info, rows = kiosks[2]
        shuffled = rows[:]
        rng.shuffle(shuffled)  # a log that is not in time order
        append_rows(store, shuffled)
        sync_once(hub_url, info, KioskSide.direct(Outbox(store)))
        added = mirror.refresh(hub)
        assert added == len(rows)
        assert mirror.refresh(hub) == 0  # rows seen again (txid >= mark) change nothing
        assert mirror.rows == 1200
        for at in moments:
            want = hub_dashboard(hub, at, TZ, HALLS)
            got = dashboard(mirror.conn, at, TZ, HALLS, scope="hub")
            assert comparable(got) == comparable(want), at
            assert got.headcount.inside_now == want.headcount.inside_now
    mirror.close()
    assert not (tmp_path / "copy").exists()
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
            want = hub_dashboard(hub, data.clock(), TZ, HallMap())
        assert page.headcount.to_json() == {**want.headcount.to_json(),
                                            "source": page.headcount.source}
    finally:
        data.close()
