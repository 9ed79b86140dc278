"""checkout_all_at: an event that runs past midnight checks everybody out at one local time.

The night's scans (before 03:00) count toward the evening before; at 03:00 inside-now drops to 0
on the kiosk (its trigger-kept counters and the log), in a merged file, on the hub and its
dashboard, with `kiosk headcount` at any moment; whoever comes back after it is a new day's
first entry. In Asia/Karachi and over the night a New York clock goes back an hour.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest

from kiosk.cli import main
from kiosk.core.dashboard import HallMap
from kiosk.core.errors import KioskError
from kiosk.core.outcomes import Outcome
from kiosk.core.timeutil import event_day, parse_checkout_time, zone
from kiosk.organiser.kioskdir import load_rules
from kiosk.storage.dashboard_sql import dashboard
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.outbox import Outbox
from kiosk.sync.hub import HubClient, KioskInfo
from kiosk.sync.hub_copy import HubCopy
from kiosk.sync.hub_dashboard import hub_dashboard
from kiosk.sync.live import KioskSide, sync_once
from tests.helpers.factories import ROSTER, make_event, make_kiosk, open_desk

pytestmark = pytest.mark.postgres
HALLS = HallMap()


@dataclass
class Night:
    tz: str
    evening: date  # the event day that runs past midnight

    def at(self, day_offset: int, hh: int, mm: int = 0, ss: int = 0, fold: int = 0) -> datetime:
        d = self.evening + timedelta(days=day_offset)
        return datetime(d.year, d.month, d.day, hh, mm, ss, tzinfo=zone(self.tz), fold=fold)


KARACHI = Night("Asia/Karachi", date(2026, 12, 1))
# 1 November 2026: New York's clocks go from 02:00 EDT back to 01:00 EST; the night is 25 hours.
NEW_YORK = Night("America/New_York", date(2026, 10, 31))


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def count(capsys, *source, at: datetime) -> dict:
    code, out, err = cli(capsys, "headcount", *source, "--at", at.isoformat(), "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("night", [KARACHI, NEW_YORK], ids=["karachi", "new-york-dst"])
def test_everybody_is_checked_out_at_three_and_comes_back_as_a_first_entry(
        night, tmp_path, hub_url, capsys):
    n = night
    days = [n.evening + timedelta(days=i) for i in range(3)]
    event = make_event(tmp_path, days=days, hours="00:00-24:00", timezone=n.tz,
                       checkout_all_at="03:00", roster=[r for r in ROSTER if r[0] != "V-003"])
    gate = make_kiosk(tmp_path, event, name="kiosk-1", gate="Gate 1")
    side_door = make_kiosk(tmp_path, event, name="kiosk-2", gate="Gate 2")
    desk, store = open_desk(gate)
    desk2, store2 = open_desk(side_door)
    assert load_rules(store).checkout_all_at == time(3)

    def live(at: datetime) -> tuple[int, int]:
        """What `kiosk headcount --kiosk` prints now: the counters the triggers keep."""
        c = store.headcount(at, n.tz)
        return c.unique_checked_in, c.inside_now

    assert desk.check_in("V-001", at=n.at(0, 22)).outcome is Outcome.ACCEPTED
    assert desk.check_in("V-002", at=n.at(0, 23, 30)).outcome is Outcome.ACCEPTED
    assert desk.check_in("V-002", at=n.at(1, 0, 40), direction="out").outcome is Outcome.EXITED
    # After midnight, before the checkout: still the evening's day.
    late = desk2.check_in("E-001", at=n.at(1, 0, 30))
    assert late.outcome is Outcome.ACCEPTED
    assert desk.check_in("P-001", at=n.at(1, 1, 0)).outcome is Outcome.ACCEPTED  # vip: no re-entry
    # New York: the second 01:30 (EST), after the clocks went back.
    again = desk.check_in("V-001", at=n.at(1, 1, 30, fold=1))
    assert (again.outcome, again.reason) == (Outcome.REENTRY, "reentry")
    assert live(n.at(1, 2, 59, 59)) == (3, 2)  # V-001, V-002 (left), P-001 at kiosk-1
    assert store2.headcount(n.at(1, 2, 59, 59), n.tz).inside_now == 1  # E-001
    assert desk.check_in("S-001", at=n.at(1, 2, 59, 30)).outcome is Outcome.ACCEPTED

    assert live(n.at(1, 3, 0)) == (0, 0)
    # The anti-passback window still reaches back over the checkout.
    dup = desk.check_in("S-001", at=n.at(1, 3, 0, 10))
    assert (dup.outcome, dup.reason) == (Outcome.DUPLICATE, "within_window")
    # Checked out at 03:00, back in after it: the new day's first entry, the vip too.
    back = desk.check_in("V-001", at=n.at(1, 3, 10))
    assert (back.outcome, back.reason) == (Outcome.ACCEPTED, "first_entry")
    vip = desk.check_in("P-001", at=n.at(1, 3, 20))
    assert (vip.outcome, vip.reason) == (Outcome.ACCEPTED, "first_entry")
    assert live(n.at(1, 3, 30)) == (2, 2)
    assert desk.check_in("V-001", at=n.at(1, 12), direction="out").outcome is Outcome.EXITED
    assert desk.check_in("V-001", at=n.at(1, 13)).outcome is Outcome.REENTRY
    assert live(n.at(1, 13, 30)) == (2, 2)

    days_of = dict(store.conn.execute("SELECT scan_id, day FROM scans").fetchall())
    assert days_of[again.scan_id] == n.evening.isoformat()
    assert days_of[back.scan_id] == days[1].isoformat()

    # Every source, at moments before and after the checkout (the night of the clock change
    # has two 01:30s; the second is an hour after the first).
    moments = {
        n.at(0, 23, 59): (2, 2),
        n.at(1, 0, 45): (3, 2),   # V-002 left at 00:40, E-001 came at 00:30 to kiosk-2
        n.at(1, 1, 30, fold=1): (4, 3),
        n.at(1, 2, 59, 59): (5, 4),
        n.at(1, 3, 0): (0, 0),
        n.at(1, 3, 30): (2, 2),
        n.at(1, 12, 30): (2, 1),
    }
    bundles = []
    for folder, st in ((gate, store), (side_door, store2)):
        info = KioskInfo.from_model(folder.model, st.get_meta("event_toml"))
        if not bundles:
            assert cli(capsys, "hub", "init", hub_url)[0] == 0
        sync_once(hub_url, info, KioskSide.direct(Outbox(st)))
        out = tmp_path / f"{folder.model.kiosk_id}.bundle"
        assert cli(capsys, "export", "--kiosk", folder.path, "--out", out)[0] == 0
        bundles.append(out)
    store.close()
    store2.close()
    merged = tmp_path / "merged.db"
    code, _, err = cli(capsys, "merge", *bundles, "--into", merged, "--event", event.path)
    assert code == 0, err

    copy = HubCopy()  # what every figure of the hub is counted from
    with HubClient.connect(hub_url) as hub, KioskStore.open(merged, readonly=True) as db:
        copy.refresh(hub)
        for at, (checked_in, inside) in moments.items():
            web = dashboard(copy.conn, at, n.tz, HALLS, scope="hub")
            assert (web.headcount.unique_checked_in, web.headcount.inside_now) == \
                (checked_in, inside), ("web", at)
            for source in (("--db", merged), ("--hub", hub_url)):
                got = count(capsys, *source, at=at)
                assert (got["unique_checked_in"], got["inside_now"]) == (checked_in, inside), \
                    (source[0], at)
            board = hub_dashboard(hub, copy, at, n.tz, HALLS)
            assert board.headcount.inside_now == inside == sum(board.inside_by_gate.values()), at
            local_board = dashboard(db.conn, at, n.tz, HALLS, scope="merged")
            assert local_board.headcount.inside_now == inside, at
            assert sum(local_board.inside_by_gate.values()) == inside, at
        # The merged file's counters (rebuilt after the merge), as the live figures read them.
        last = n.at(1, 23)
        assert (count(capsys, "--db", merged, at=last)["inside_now"]) == 2
    copy.close()
    # One kiosk alone, asked about a moment in the past (the log, not the counters).
    mine = count(capsys, "--kiosk", gate.path, at=n.at(1, 2, 59, 59))
    assert (mine["unique_checked_in"], mine["inside_now"]) == (4, 3)
    assert count(capsys, "--kiosk", gate.path, at=n.at(1, 3, 0))["inside_now"] == 0


def test_the_event_day_changes_once_on_a_night_with_a_repeated_hour():
    tz, three = "America/New_York", time(3)
    first = datetime(2026, 11, 1, 1, 30, tzinfo=zone(tz))  # EDT
    second = datetime(2026, 11, 1, 1, 30, tzinfo=zone(tz), fold=1)  # EST, an hour later
    assert second - first == timedelta(0) and second.astimezone(zone("UTC")) != \
        first.astimezone(zone("UTC"))
    start = first.astimezone(zone("UTC"))  # step in real time, not on the wall clock
    steps = [start + timedelta(minutes=10 * i) for i in range(0, 3 * 6 + 1)]  # 01:30 EDT .. 03:30 EST
    days = [event_day(m, tz, three) for m in steps]
    changes = [i for i in range(1, len(days)) if days[i] != days[i - 1]]
    assert len(changes) == 1
    assert steps[changes[0]].astimezone(zone(tz)).strftime("%H:%M %Z") == "03:00 EST"
    assert event_day(datetime(2026, 11, 1, 2, 59, tzinfo=zone(tz)), tz) == date(2026, 11, 1)


@pytest.mark.parametrize("bad", ["3:00", "25:00", "03:00:00", "15:00", "12:00", "noon", "03:60"])
def test_a_checkout_time_that_is_not_the_small_hours_is_refused(bad, tmp_path, capsys):
    with pytest.raises(ValueError):
        parse_checkout_time(bad)
    event = make_event(tmp_path, roster=None)
    toml = event.path / "event.toml"
    toml.write_text(f'checkout_all_at = "{bad}"\n' + toml.read_text())
    code, _, err = cli(capsys, "init", tmp_path / "k", "--event", event.path, "--kiosk-id", "k1",
                       "--venue", "lahore")
    assert code != 0 and "checkout_all_at" in err and len(err.strip().splitlines()) == 1


def test_a_checkout_time_is_kept_by_the_event_and_its_kiosks(tmp_path):
    event = make_event(tmp_path, roster=None, checkout_all_at="04:30")
    assert 'checkout_all_at = "04:30"' in (event.path / "event.toml").read_text()
    with pytest.raises(KioskError):
        make_event(tmp_path / "other", roster=None, checkout_all_at=3)


def test_a_night_past_midnight_belongs_to_the_evening_it_began(tmp_path):
    """Hours "18:00-02:00" with checkout_all_at: a badge for the last evening still gets in at
    01:00 the next morning, within that evening's hours."""
    days = [date(2026, 12, 1), date(2026, 12, 2)]
    roster = [("N-001", "Night Owl", "visitor", "", "2026-12-02", "", "", ""),
              ("N-002", "Early Bird", "visitor", "", "", "", "", "")]
    event = make_event(tmp_path, days=days, hours="18:00-02:00", checkout_all_at="03:00",
                       roster=roster)
    desk, store = open_desk(make_kiosk(tmp_path, event))
    night = Night("Asia/Karachi", days[1])
    try:
        late = desk.check_in("N-001", at=night.at(1, 1, 0))  # 3 December, 01:00
        assert (late.outcome, late.reason) == (Outcome.ACCEPTED, "first_entry")
        closed = desk.check_in("N-002", at=night.at(1, 2, 30))
        assert (closed.outcome, closed.reason) == (Outcome.OUTSIDE_HOURS, "after_closing")
        early = desk.check_in("N-002", at=night.at(0, 17, 0))
        assert (early.outcome, early.reason) == (Outcome.OUTSIDE_HOURS, "before_opening")
        # Not valid the evening before: 1 December's night is 1 December, not 2 December.
        wrong = desk.check_in("N-001", at=datetime(2026, 12, 2, 1, 0, tzinfo=zone(night.tz)))
        assert (wrong.outcome, wrong.reason) == (Outcome.WRONG_DAY, "not_valid_today")
        assert desk.check_in("N-002", at=datetime(2026, 12, 2, 1, 0, tzinfo=zone(night.tz))
                             ).outcome is Outcome.ACCEPTED
        # After the last night: not a day of the event.
        after = desk.check_in("N-002", at=night.at(1, 3, 30))
        assert (after.outcome, after.reason) == (Outcome.WRONG_DAY, "event_not_today")
    finally:
        store.close()


@pytest.mark.parametrize("extra", [{}, {"checkout_all_at": "01:00"}])
def test_hours_past_midnight_need_a_checkout_after_them(extra, tmp_path):
    with pytest.raises(KioskError, match="past midnight: set checkout_all_at"):
        make_event(tmp_path, hours="18:00-02:00", roster=None, **extra)
