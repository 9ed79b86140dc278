"""`kiosk rehearse`: kiosk processes, a real PostgreSQL hub, every fault kind; and bad input.

The short rehearsal is the one CI runs: eight kiosks for three minutes with each fault once. It
fails on any lost scan or online double admission. Its figures are checked against the kiosk
folders it leaves behind, read here directly, not only against its own report.
"""

from __future__ import annotations

import json
import sqlite3

import psycopg
import pytest

from kiosk.cli import main

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ALL_FAULTS = "hub-restart,kill-connections,partition:3:60,sigkill:5"


def rehearse(capsys, *args):
    code = main(["rehearse", *args, "--json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def kiosk_logs(workdir):
    rows = {}
    for db in sorted(workdir.glob("kiosk-*/kiosk.db")):
        with sqlite3.connect(db) as conn:
            rows[db.parent.name] = conn.execute(
                "SELECT scan_id, outcome, attendee_id FROM scans").fetchall()
    return rows


@pytest.mark.timeout(900)
def test_eight_kiosks_three_minutes_every_fault_once(tmp_path, capsys, pg_server):
    workdir = tmp_path / "run"
    code, report, err = rehearse(capsys, "--kiosks", "8", "--arrivals-per-hour", "3000",
                                 "--minutes", "3", "--faults", ALL_FAULTS, "--workdir",
                                 str(workdir))
    assert report is not None, err
    assert code == 0, report["problems"]
    assert report["lost"] == 0 and report["lost_scan_ids"] == []
    assert report["double_admissions_online"] == 0
    assert report["headcount_agrees"] and report["settled"]
    assert sorted(f["fault"] for f in report["faults"]) == sorted(ALL_FAULTS.split(","))
    assert next(f for f in report["faults"] if f["fault"] == "kill-connections")["terminated"] >= 4
    [partition] = report["partitions"]
    assert partition["kiosk"] == "kiosk-03" and partition["scans"] > 0
    assert partition["catch_up_s"] is not None
    assert report["hub_connections"]["max"] >= 8

    # What the kiosks' own logs hold, read here: every badge shown was recorded once.
    logs = kiosk_logs(workdir)
    assert len(logs) == 8
    all_scans = [r for rows in logs.values() for r in rows]
    assert len(all_scans) == len({r[0] for r in all_scans}) == report["scans"]
    assert report["scans"] == report["badges_shown"] == report["scans_on_hub"]
    assert len(logs["kiosk-03"]) >= partition["scans"]
    assert len(logs["kiosk-05"]) > 0  # the killed kiosk came back and kept working
    accepted = [r[2] for r in all_scans if r[1] == "accepted"]
    assert report["headcount"]["hub"]["unique_checked_in"] == len(set(accepted))
    # The same badges tried at a second gate within the window were refused as duplicates.
    assert report["outcomes"].get("duplicate", 0) >= report["planned"].get("second_gate", 0) // 2


@pytest.mark.timeout(600)
def test_against_a_given_hub_the_hub_holds_every_kiosk_scan(tmp_path, capsys, hub_url):
    workdir = tmp_path / "run"
    code, report, err = rehearse(capsys, "--hub", hub_url, "--kiosks", "3",
                                 "--arrivals-per-hour", "2400", "--minutes", "0.75",
                                 "--faults", "kill-connections,partition:2:10", "--workdir",
                                 str(workdir))
    assert code == 0, err or report["problems"]
    with psycopg.connect(hub_url) as conn:
        on_hub = dict(conn.execute("SELECT scan_id, kiosk_id FROM scans").fetchall())
    logs = kiosk_logs(workdir)
    assert {sid: kiosk for kiosk, rows in logs.items() for sid, _, _ in rows} == on_hub
    assert report["scans"] == len(on_hub) > 0 and report["lost"] == 0
    # The hub's headcount in the report (counted from its copy) against PostgreSQL's own
    # aggregates over the hub's log, at the same moment.
    from kiosk.core.timeutil import from_utc_text
    from kiosk.sync.hub import HubClient
    from tests.helpers.hub_oracles import hub_headcount_sql

    shown = dict(report["headcount"]["hub"])
    with HubClient.connect(hub_url) as hub:
        tz = hub.conn.execute("SELECT value FROM hub_meta WHERE key = 'event_toml'").fetchone()[0]
        from kiosk.config import parse_event

        want = hub_headcount_sql(hub, from_utc_text(shown["at"]), parse_event(tz).timezone)
    want = want.to_json()
    want.pop("source")
    assert shown == want and shown["unique_checked_in"] > 0


def test_a_given_hub_that_holds_scans_is_refused(tmp_path, capsys, hub_url):
    assert main(["hub", "init", hub_url]) == 0
    with psycopg.connect(hub_url, autocommit=True) as conn:
        conn.execute("INSERT INTO scans (scan_id, kiosk_id, direction, at, day, code, outcome, "
                     "kiosk_seq) VALUES ('x', 'k', 'in', now(), current_date, 'c', 'accepted', 1)")
    capsys.readouterr()
    code, _, err = rehearse(capsys, "--hub", hub_url, "--kiosks", "2", "--arrivals-per-hour",
                            "100", "--minutes", "1")
    assert code == 1 and "already holds 1 scans" in err and len(err.strip().splitlines()) == 2


@pytest.mark.parametrize("args, message", [
    (["--hub", "postgresql://u@127.0.0.1:1/x", "--faults", "hub-restart"], "hub-restart needs"),
    (["--faults", "unplug"], "unknown fault 'unplug'"),
    (["--faults", "sigkill:9"], "there is no kiosk 9"),
    (["--faults", "partition:1:170"], "lasts longer than the rehearsal"),
    (["--faults", "partition:1:0"], "at least a second"),
    (["--hub", "mysql://x"], "a hub URL looks like"),
])
def test_bad_input_is_one_clear_line(tmp_path, capsys, args, message):
    code = main(["rehearse", "--kiosks", "4", "--arrivals-per-hour", "600", "--minutes", "3",
                 "--workdir", str(tmp_path / "w"), *args])
    err = capsys.readouterr().err
    assert code == 1 and message in err
    assert [line for line in err.splitlines() if line.startswith("kiosk: error")] == \
        [err.splitlines()[-1]]


def test_bad_numbers_are_refused(tmp_path, capsys):
    for args in (["--kiosks", "1"], ["--kiosks", "500"], ["--minutes", "0"],
                 ["--arrivals-per-hour", "0"]):
        base = {"--kiosks": "4", "--arrivals-per-hour": "600", "--minutes": "3"}
        base.update(dict(zip(args[::2], args[1::2])))
        code = main(["rehearse", *[x for kv in base.items() for x in kv]])
        err = capsys.readouterr().err
        assert code == 1 and "kiosk: error: --" in err, args
