"""Screenshots of `kiosk web` on a busy fair day, in English, Urdu and Chinese, on a phone and a
big screen, for people to look at: saved to $KIOSK_SCREENSHOTS (else a temporary folder). Each
is also checked: nothing wider than the window, the day's numbers on the page, its fonts loaded,
amber and red halls where they are nearly full and over capacity."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.oracles import inside_by_gate_from_scans
from kiosk.core.timeutil import to_utc_text
from kiosk.storage.kiosk_store import KioskStore
from kiosk.storage.schema import SCAN_COLUMNS
from tests.helpers.browser import Browser, WebServer, require_chromium
from tests.helpers.factories import DAYS, local, make_event
from tests.helpers.fair_day import GATES, HALL_GATES, fair_day, roster_rows
from tests.helpers.scanlog import append_rows

pytestmark = pytest.mark.slow

SIZES = {"phone": (390, 844), "bigscreen": (1920, 1080)}
NOW = local(DAYS[1], 14, 30)
PASSWORD = "screenshots-2026"


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("KIOSK_SCREENSHOTS") or tmp_path_factory.mktemp("web-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    base = tmp_path_factory.mktemp("web-busy")
    rows = fair_day(DAYS[0], 420, seed=2) + fair_day(DAYS[1], 460, until=NOW, seed=1,
                                                     peak_hour=11.0)
    inside = inside_by_gate_from_scans([dict(zip(SCAN_COLUMNS, r)) for r in rows], NOW,
                                       "Asia/Karachi")
    halls = {GATES[g][1]: n for g, n in inside.items()}
    capacity = {"Hall 1": int(halls["Hall 1"] / 0.93), "Hall 2": int(halls["Hall 2"] / 1.06),
                "Hall 3": int(halls["Hall 3"] / 0.55)}
    event = make_event(base, hours="09:00-19:00", roster=roster_rows(460), capacity=capacity,
                       hall_gates=HALL_GATES)
    path = base / "merged.db"
    store = KioskStore.open(path, create=True)
    store.set_meta({"event_toml": (event.path / "event.toml").read_text(),
                    "event_id": event.model.id})
    with event.store() as estore:
        store.conn.execute("ATTACH DATABASE ? AS event", (str(estore.path),))
        store.conn.execute("INSERT INTO main.attendees SELECT * FROM event.attendees")
        store.conn.execute("DETACH DATABASE event")
    append_rows(store, rows)
    store.close()
    from kiosk.web.auth import write_password_file

    write_password_file(base / "merged.db.web-password", PASSWORD)
    web = WebServer("--db", str(path), "--at", to_utc_text(NOW))
    yield web
    web.stop()


@pytest.fixture(scope="module")
def browser():
    b = Browser((1920, 1080))
    yield b
    b.close()


def settled(b: Browser) -> None:
    b.wait(lambda d: "live" in d.find_element("id", "status").get_attribute("class"))
    b.wait(lambda d: d.execute_script("return document.fonts.status") == "loaded")
    b.wait(lambda d: d.execute_script(
        "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"))


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["en", "ur", "zh"])
def test_dashboard_and_public_screen(server, browser, shots, lang, size):
    width, height = SIZES[size]
    if not browser.driver.get_cookies():
        browser.resize(1920, 1080)
        browser.login(server.base, PASSWORD)
    browser.resize(width, height)
    d = browser.driver
    for page, url in (("dashboard", f"/?lang={lang}"), ("public", f"/public?lang={lang}")):
        d.get(server.base + url)
        settled(browser)
        assert d.execute_script("return document.documentElement.dir") == \
            ("rtl" if lang == "ur" else "ltr")
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{page} {lang} {size}: {overflow}px wider than the window"
        assert browser.text("#inside-now") not in ("", "–")
        levels = {h.get_attribute("data-hall"): h.get_attribute("data-level")
                  for h in d.find_elements("css selector", "#halls .hall")}
        assert levels == {"Hall 1": "warning", "Hall 2": "alarm", "Hall 3": "ok"}, levels
        family = "KioskUrdu" if lang == "ur" else "KioskChinese" if lang == "zh" else "KioskLatin"
        loaded = d.execute_script(
            "return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
        assert any(family in f for f in loaded), (lang, loaded)
        browser.screenshot(shots / f"web-{page}-{lang}-{size}.png",
                           full_page=(page == "dashboard" and size == "phone"))
