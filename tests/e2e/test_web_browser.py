"""The web dashboard in a real browser: the real `kiosk web` on 127.0.0.1 over a real PostgreSQL
hub that a real kiosk folder pushes to, driven by Debian's chromium through chromium-driver."""

from __future__ import annotations

import io
import json
import re
import time
from contextlib import redirect_stdout

import pytest

from kiosk.cli import main
from tests.helpers.browser import Browser, WebServer, require_chromium
from tests.helpers.dbthread import KioskOnThread
from tests.helpers.factories import DAYS, ROSTER, local, make_event, make_kiosk

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PASSWORD = "control-room-2026"
AT = "2026-12-01T15:00"
NAMES = [row[1] for row in ROSTER]
IDS = [row[0] for row in ROSTER]


def run_cli(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(list(args))
    assert code == 0, args
    return out.getvalue()


def headcount(url: str) -> dict:
    return json.loads(run_cli("headcount", "--hub", url, "--at", AT, "--json"))


@pytest.fixture(scope="module")
def fair(pg_server, tmp_path_factory):
    """A hub with the event's roster and one kiosk's morning on it; the kiosk stays open to
    check in more people during the test."""
    require_chromium()
    base = tmp_path_factory.mktemp("web")
    url = pg_server.url(pg_server.create_database())
    event = make_event(base, capacity={"Hall 1": 6, "Hall 2": 50},
                       hall_gates={"Hall 1": ["Gate 1"]})
    run_cli("hub", "init", url)
    run_cli("hub", "publish", url, "--event", str(event.path))
    kiosk = make_kiosk(base, event)
    desk = KioskOnThread(kiosk)
    for minute, code in enumerate(["V-001", "V-002", "E-001", "nobody", "P-001", "M-001"]):
        desk.check_in(code, at=local(DAYS[0], 10, 20 + minute))
    desk.check_in("V-001", at=local(DAYS[0], 10, 20, 40))  # again at once: a duplicate
    run_cli("push", "--kiosk", str(kiosk.path), "--hub", url)
    password_file = base / "web-password"
    import sys

    stdin, sys.stdin = sys.stdin, io.StringIO(PASSWORD + "\n")
    try:
        run_cli("web", "set-password", "--hub", url, "--password-file", str(password_file))
    finally:
        sys.stdin = stdin
    server = WebServer("--hub", url, "--password-file", str(password_file), "--at", AT)
    try:
        yield {"url": url, "kiosk": kiosk, "desk": desk, "server": server, "base": server.base}
    finally:
        server.stop()
        desk.close()
        assert "Traceback" not in server.stderr(), server.stderr()


@pytest.fixture
def browser():
    b = Browser((1400, 1000))
    yield b
    b.close()


def numbers(b: Browser) -> dict:
    return {key: b.text(f"#{key}") for key in ("checked-in", "inside-now", "accepted", "refused",
                                                "duplicates", "exits")}


def expected(count: dict, duplicates: int) -> dict:
    return {"checked-in": str(count["unique_checked_in"]), "inside-now": str(count["inside_now"]),
            "accepted": str(count["accepted_scans"]), "refused": str(count["refused_scans"]),
            "duplicates": str(duplicates), "exits": str(count["exit_scans"])}


def test_the_page_shows_kiosk_headcounts_figures_and_a_push_within_two_seconds(fair, browser):
    base, url = fair["base"], fair["url"]
    browser.driver.get(base + "/")
    assert "/login" in browser.driver.current_url  # names are behind the login
    browser.login(base, PASSWORD)
    count = headcount(url)
    assert count["unique_checked_in"] == 5 and count["refused_scans"] == 2
    browser.wait(lambda d: numbers(browser) == expected(count, 1),
                 message=f"page {numbers(browser)} != kiosk headcount {count}")
    gates = {li.get_attribute("data-key"): li.text.split()[-1]
             for li in browser.driver.find_elements("css selector", "#by-gate li")}
    assert gates == {k: str(v) for k, v in count["by_gate"].items()}
    categories = {li.get_attribute("data-key"): li.text.split()[-1]
                  for li in browser.driver.find_elements("css selector", "#by-category li")}
    assert categories == {k: str(v) for k, v in count["by_category"].items()}
    hall = browser.driver.find_element("css selector", '#halls .hall[data-hall="Hall 1"]')
    assert hall.find_element("css selector", ".figure").get_attribute("data-inside") == \
        str(count["inside_now"])
    assert hall.get_attribute("data-level") == "ok"  # 5 of 6
    assert "Ahmed Khan" in browser.text("#recent")  # staff see who came in
    assert browser.text("#kiosks tbody tr:first-child td:first-child") == "kiosk-1"

    # /api/headcount, fetched by the page's own session, is what `kiosk headcount` prints
    served = browser.driver.execute_async_script(
        "const done = arguments[0]; fetch('/api/headcount').then(r => r.json()).then(done);")
    assert served == count

    # a kiosk checks in two more people and pushes: the open page follows within 2 s
    fair["desk"].check_in("S-001", at=local(DAYS[0], 11, 0))
    fair["desk"].check_in("T-001", at=local(DAYS[0], 11, 1))
    run_cli("push", "--kiosk", str(fair["kiosk"].path), "--hub", url)
    pushed = time.monotonic()
    browser.wait(lambda d: browser.text("#checked-in") == "7", timeout=2.0,
                 message="the push did not show within 2 s")
    took = time.monotonic() - pushed
    print(f"push to page: {took * 1000:.0f} ms")
    assert numbers(browser) == expected(headcount(url), 1)
    hall = browser.driver.find_element("css selector", '#halls .hall[data-hall="Hall 1"]')
    assert hall.get_attribute("data-level") == "alarm"  # 7 of 6: red
    assert "Full" in hall.text

    # nothing came from anywhere but this server
    resources = browser.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(r.startswith(base + "/") for r in resources), resources
    assert any(r.endswith("/static/vendor/chart.umd.min.js") for r in resources)
    assert browser.driver.execute_script(
        "return window.Chart !== undefined && Chart.instances && "
        "Object.keys(Chart.instances).length") == 2
    severe = [e for e in browser.driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


def test_the_urdu_page_runs_right_to_left_in_its_own_font(fair, browser):
    base = fair["base"]
    browser.login(base, PASSWORD, lang="ur")
    browser.wait(lambda d: browser.text("#checked-in") not in ("", "–"))
    d = browser.driver
    assert d.execute_script("return document.documentElement.dir") == "rtl"
    assert d.execute_script("return document.documentElement.lang") == "ur"
    assert d.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    # the first tile (checked in today) sits on the right, as Urdu reads
    first = d.find_element("css selector", ".tiles .tile:first-child").rect
    last = d.find_element("css selector", ".tiles .tile:last-child").rect
    assert first["x"] > last["x"]
    assert "آج چیک اِن" in browser.text(".tiles .tile:first-child")
    browser.wait(lambda _: d.execute_script("return document.fonts.status") == "loaded")
    assert d.execute_script("return document.fonts.check('16px KioskUrdu', 'آج چیک اِن')")
    loaded = d.execute_script(
        "return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("KioskUrdu" in f for f in loaded), loaded
    # a hall's "5 / 4,000" keeps its order inside the right-to-left page
    figure = d.find_element("css selector", '#halls .hall[data-hall="Hall 1"] .figure').text
    assert figure.split(" / ")[0] == browser.text("#inside-now")


def test_the_public_screen_needs_no_login_and_shows_no_name(fair, browser):
    base, url = fair["base"], fair["url"]
    for lang in ("en", "ur", "zh"):
        browser.driver.get(f"{base}/public?lang={lang}")
        count = headcount(url)
        browser.wait(lambda d: browser.text("#inside-now") == str(count["inside_now"]),
                     message=f"public screen shows {browser.text('#inside-now')}")
        browser.wait(lambda d: browser.text("#status") != "" and
                     "live" in d.find_element("id", "status").get_attribute("class"))
        page = browser.driver.page_source + browser.driver.find_element("tag name", "body").text
        for secret in NAMES + IDS + ["kiosk-1", "visitor", "exhibitor", "Gate 1"]:
            assert not re.search(rf"\b{re.escape(secret)}\b", page), (lang, secret)
        assert browser.driver.find_elements("css selector", ".hall")
    # and the staff data stays closed to this browser, which never logged in
    status = browser.driver.execute_async_script(
        "const done = arguments[0]; fetch('/api/dashboard').then(r => done(r.status));")
    assert status == 401


def test_each_kiosks_camera_printer_and_waiting_scans_show_as_it_reports_them(fair, browser):
    from kiosk.sync.hub import HubClient

    base, url = fair["base"], fair["url"]
    browser.login(base, PASSWORD)
    row = '#kiosks tbody tr[data-kiosk="kiosk-1"]'
    browser.wait(lambda d: d.find_elements("css selector", row))
    def cells():  # read in one go: the table is drawn afresh at each update
        return browser.driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map(td => td.textContent)",
            row + " td")
    # kiosk-1 only ever ran `kiosk push`: its screen never said how camera and printer are
    assert cells()[-3:] == ["0", "not known", "not known"], cells()

    # the running kiosk says: camera lost, printer out of paper with a badge waiting, and three
    # scans not yet pushed (as its sync service does after a round)
    info = fair["desk"].info()
    with HubClient.connect(url) as hub:
        hub.report_health(info, 3, "lost", "media-empty,stopped,waiting:1")
    reported = time.monotonic()
    browser.wait(lambda d: cells()[-3:] == ["3", "Lost (scanner only)",
                                            "Out of paper or labels, Stopped, 1 waiting"],
                 timeout=2.0, message=f"the report did not show within 2 s: {cells()}")
    print(f"health report to page: {(time.monotonic() - reported) * 1000:.0f} ms")
    kind, title = browser.driver.execute_script(
        "const td = document.querySelector(arguments[0]); return [td.className, td.title]",
        row + " td:last-child")
    assert "alarm" in kind  # and in words, not colour alone
    assert title.startswith("reported ")

    # in Urdu and Chinese, the same facts in words (a printer's state in the staff health page's
    # own words, from the printing words of the catalogue)
    browser.driver.get(base + "/?lang=ur")
    browser.wait(lambda d: cells()[-1:] == ["کاغذ یا لیبل ختم، رکا ہوا، 1 منتظر"],
                 message=f"Urdu: {cells()}")
    browser.driver.get(base + "/?lang=zh")
    browser.wait(lambda d: cells()[-2:] == ["已断开（仅扫码枪）", "纸张或标签用完、已停止、1 个等待中"],
                 message=f"Chinese: {cells()}")

    # back to health: the page follows
    with HubClient.connect(url) as hub:
        hub.report_health(info, 0, "ok", "ok")
    browser.wait(lambda d: cells()[-2:] == ["正常", "正常"], timeout=2.0,
                 message=f"recovery did not show within 2 s: {cells()}")
