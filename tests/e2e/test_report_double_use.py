"""`kiosk report --hub`: badges admitted twice, told apart by which kiosk was offline.

The hub records when each scan arrived; a scan that arrived long after it was made was made
offline. Kiosks here push by hand (``kiosk push``), late or at once, to a real PostgreSQL hub.
"""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest

from kiosk.cli import main
from kiosk.core.timeutil import local_day, utcnow
from tests.helpers.factories import make_event, make_kiosk, open_desk

pytestmark = pytest.mark.postgres


def test_the_hub_report_says_whose_scan_was_made_offline(tmp_path, hub_url, capsys):
    today = local_day(utcnow(), "Asia/Karachi")
    event = make_event(tmp_path, days=[today - timedelta(days=1), today, today + timedelta(days=1)],
                       hours="00:00-24:00")
    assert main(["hub", "init", hub_url]) == 0
    assert main(["hub", "publish", hub_url, "--event", str(event.path)]) == 0  # names
    a = make_kiosk(tmp_path, event, name="kiosk-a", gate="Gate 1")
    b = make_kiosk(tmp_path, event, name="kiosk-b", gate="Gate 2")
    desk_a, store_a = open_desk(a)
    desk_b, store_b = open_desk(b)
    now = utcnow()

    def push(kiosk):
        assert main(["push", "--kiosk", str(kiosk.path), "--hub", hub_url]) == 0

    # Both cut off: V-001 at Gate 1 five minutes ago, at Gate 2 a minute later; pushed only now.
    desk_a.check_in("V-001", at=now - timedelta(minutes=5))
    desk_b.check_in("V-001", at=now - timedelta(minutes=4))
    # Only Gate 1 cut off: E-001 there 90 s ago (pushed only now), Gate 2 pushes at once.
    desk_a.check_in("E-001", at=now - timedelta(seconds=90))
    push(a)
    desk_b.check_in("E-001")
    push(b)
    # Both pushing at once, yet the VIP got in twice (these desks do not read the hub back):
    # the report must not hide it.
    desk_a.check_in("P-001")
    push(a)
    desk_b.check_in("P-001")
    push(b)
    store_a.close()
    store_b.close()
    capsys.readouterr()

    out = tmp_path / "report"
    assert main(["report", "--hub", hub_url, "--out", str(out)]) == 0
    with (out / "double_use.csv").open(encoding="utf-8") as fh:
        rows = {r["attendee_id"]: r for r in csv.DictReader(fh)}
    assert {k: (r["offline"], r["first_kiosk"], r["second_kiosk"], r["reason"])
            for k, r in rows.items()} == {
        "V-001": ("both", "kiosk-a", "kiosk-b", "within_window"),
        "E-001": ("first", "kiosk-a", "kiosk-b", "within_window"),
        "P-001": ("neither", "kiosk-a", "kiosk-b", "within_window")}
    assert rows["V-001"]["seconds_apart"] == "60" and rows["V-001"]["name"] == "Ahmed Khan"
    page = (out / "index.html").read_text(encoding="utf-8")
    section = page.split("Admitted twice (offline double use)")[1].split("<h2>")[0]
    assert "reached the hub more than 10 s" in section and section.count("<tr>") == 4
