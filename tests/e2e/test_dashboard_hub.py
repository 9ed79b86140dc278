"""The dashboard over every kiosk's scans on a real PostgreSQL hub: the same figures as the
reference definitions and as a merged database of the same kiosks, at the Asia/Karachi midnight
too."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.cli import main
from kiosk.core.dashboard import HallMap
from tests.helpers.oracles import arrivals_from_scans, inside_by_gate_from_scans, recent_from_scans
from kiosk.core.timeutil import local_day, to_utc_text
from kiosk.storage.dashboard_sql import dashboard
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.outbox import Outbox
from kiosk.sync.bundle import export_bundle
from kiosk.sync.hub import HubClient, KioskInfo
from kiosk.sync.hub_copy import HubCopy
from kiosk.sync.hub_dashboard import hub_dashboard
from kiosk.sync.live import KioskSide, sync_once
from kiosk.sync.merge import merge_bundles
from kiosk.storage.schema import SCAN_COLUMNS
from tests.helpers.factories import DAYS, local
from tests.helpers.scanlog import synthetic_rows, write_kiosk_db

pytestmark = pytest.mark.postgres

TZ = "Asia/Karachi"
HALLS = HallMap.build({"Hall 1": 60, "Hall 2": 60}, {"Hall 1": ["Gate 0"], "Hall 2": ["Gate 1"]})


@pytest.fixture
def three_kiosks(hub_url, tmp_path, event):
    """Two entry kiosks and an exit kiosk, two days each, on the hub and merged into one file;
    plus late-evening and just-after-midnight entries."""
    assert main(["hub", "init", hub_url]) == 0
    toml = (event.path / "event.toml").read_text()
    all_rows, bundles = [], []
    for n, role in enumerate(["entry", "entry", "exit"]):
        rows = synthetic_rows(f"kiosk-{n}", "lahore", f"Gate {n}", list(DAYS[:2]), 300,
                              attendees=90, seed=n, role=role)
        if n == 0:  # a late arrival the evening before and one just after midnight
            for when, scan_id in ((local(DAYS[0], 23, 55), "late-1"), (local(DAYS[1], 0, 5), "late-2")):
                late = dict(zip(SCAN_COLUMNS, rows[-1]))
                late.update(scan_id=scan_id, at_utc=to_utc_text(when), day=local_day(when, TZ).isoformat(),
                            attendee_id="ITCN-LATE", category="visitor", outcome="accepted",
                            reason="first_entry", direction="in")
                rows.append(tuple(late[c] for c in SCAN_COLUMNS))
        store, model = write_kiosk_db(tmp_path / f"kiosk-{n}", toml, event.model.id, f"kiosk-{n}",
                                      "lahore", f"Gate {n}", rows, role=role)
        info = KioskInfo(kiosk_id=model.kiosk_id, event_id=event.model.id, event_toml=toml,
                         venue="lahore", gate=model.gate, role=role)
        sync_once(hub_url, info, KioskSide.direct(Outbox(store)))
        bundles.append(export_bundle(store, model, tmp_path / f"k{n}.bundle")["bundle"])
        store.close()
        all_rows += rows
    merged = tmp_path / "merged.db"
    merge_bundles(bundles, merged)
    scans = [dict(zip(SCAN_COLUMNS, r)) for r in all_rows]
    return hub_url, scans, merged


def test_hub_dashboard_matches_the_reference_and_the_merged_file(three_kiosks):
    url, scans, merged = three_kiosks
    moments = [local(DAYS[0], 11), local(DAYS[0], 15, 30), local(DAYS[0], 23, 59),
               local(DAYS[1], 0, 10), local(DAYS[1], 13)]
    with HubClient.connect(url) as hub, KioskStore.open(merged, readonly=True) as db:
        copy = HubCopy()
        for at in moments:
            got = hub_dashboard(hub, copy, at, TZ, HALLS)
            assert got.scope == "hub" and got.kiosks == 3
            assert got.inside_by_gate == inside_by_gate_from_scans(scans, at, TZ), at
            assert got.arrivals_today == arrivals_from_scans(scans, at, TZ), at
            yesterday_end = local(local_day(at, TZ) - timedelta(days=1), 23, 59, 59) \
                + timedelta(microseconds=999_999)
            assert got.arrivals_yesterday == arrivals_from_scans(scans, yesterday_end, TZ), at
            want_recent = recent_from_scans(scans, at, TZ, limit=20)
            assert [r.at_utc for r in got.recent] == [r.at_utc for r in want_recent], at
            local_view = dashboard(db.conn, at, TZ, HALLS, scope="merged")
            mine, theirs = got.to_json(), local_view.to_json()
            for key in ("scope", "source", "kiosks", "seconds", "recent"):
                mine.pop(key), theirs.pop(key)
            mine["headcount"].pop("source"), theirs["headcount"].pop("source")
            assert mine == theirs, at
        midnight = hub_dashboard(hub, copy, local(DAYS[1], 0, 10), TZ, HALLS)
        copy.close()
        assert midnight.arrivals_today.get("00:00", 0) >= 1
        assert midnight.arrivals_yesterday.get("23:45", 0) >= 1
        assert {h.hall for h in midnight.halls} == {"Hall 1", "Hall 2"}
