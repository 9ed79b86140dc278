"""`kiosk web` over a real kiosk folder, through Starlette's test client: the staff login
(password from standard input, scrypt hash, CSRF, throttle, cookie flags), read-only data with
/api/headcount equal to `kiosk headcount --json`, no names on the public screen or in URLs, and
nothing the pages load from elsewhere."""

from __future__ import annotations

import json
import re
import stat

import pytest
from starlette.testclient import TestClient

from kiosk.cli import main
from kiosk.web import auth
from kiosk.web.app import create_app
from kiosk.web.data import WebData
from tests.helpers.factories import DAYS, ROSTER, local, make_event, make_kiosk, open_desk

PASSWORD = "fair-staff-2026"
AT = "2026-12-01T15:00"
NAMES = [row[1] for row in ROSTER]


@pytest.fixture
def folder(tmp_path, event):
    kiosk = make_kiosk(tmp_path, event)
    desk, store = open_desk(kiosk)
    try:
        outcomes = [desk.check_in(code, at=local(DAYS[0], 11, minute, second)).outcome.value
                    for code, minute, second in [("V-001", 0, 0), ("V-002", 1, 0), ("E-001", 2, 0),
                                                 ("V-001", 0, 30), ("nobody", 4, 0),
                                                 ("P-001", 5, 0)]]
        assert outcomes == ["accepted", "accepted", "accepted", "duplicate", "unknown", "accepted"]
    finally:
        store.close()
    return kiosk


def set_password(monkeypatch, capsys, *args, password=PASSWORD):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    code = main(["web", "set-password", *args])
    return code, capsys.readouterr()


@pytest.fixture
def client(folder, monkeypatch, capsys):
    assert set_password(monkeypatch, capsys, "--kiosk", str(folder.path))[0] == 0
    data = WebData(kiosk=folder.path, at_text=AT)
    data.check()
    app = create_app(data, password_file=auth.password_path(kiosk=folder.path))
    with TestClient(app, base_url="https://testserver") as c:
        c.app.state.broadcaster.wait_first(10)
        yield c


def login(client, password=PASSWORD):
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post("/login", data={"csrf": token, "password": password},
                       follow_redirects=False)


def test_set_password_keeps_only_a_slow_hash_readable_by_its_owner(folder, monkeypatch, capsys):
    code, out = set_password(monkeypatch, capsys, "--kiosk", str(folder.path))
    assert code == 0
    path = folder.path / "web-password"
    text = path.read_text()
    assert PASSWORD not in text and text.startswith("scrypt$32768$8$1$")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert auth.verify_password(PASSWORD, text.strip())
    assert not auth.verify_password(PASSWORD + "x", text.strip())
    # too short: refused, one line, nothing changed
    code, out = set_password(monkeypatch, capsys, "--kiosk", str(folder.path), password="short")
    assert code == 1 and "at least 10" in out.err and len(out.err.strip().splitlines()) == 1
    assert path.read_text() == text
    # the hub has no folder of its own: the file must be named
    code, out = set_password(monkeypatch, capsys, "--hub", "postgresql://x/y")
    assert code == 1 and "--password-file" in out.err
    # the password is never an option on the command line
    with pytest.raises(SystemExit):
        main(["web", "set-password", "--kiosk", str(folder.path), "--password", PASSWORD])


def test_the_staff_pages_need_the_password_and_the_form_needs_its_token(client):
    first = client.get("/", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"].startswith("/login")
    for path in ("/api/headcount", "/api/kiosks", "/api/dashboard", "/events"):
        assert client.get(path).status_code == 401, path
    # a forged form (no token, or another session's token) is refused before the password
    assert client.post("/login", data={"password": PASSWORD}).status_code == 403
    assert client.post("/login", data={"password": PASSWORD, "csrf": "x" * 43}).status_code == 403
    assert login(client, "wrong password!").status_code == 401
    ok = login(client)
    assert ok.status_code == 303 and ok.headers["location"] == "/?lang=en"
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" in cookie
    assert client.get("/api/kiosks").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and 'id="checked-in"' in page.text
    # sign out with the page's token: the data is closed again
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    client.post("/logout", data={"csrf": token})
    assert client.get("/api/headcount").status_code == 401


def test_wrong_passwords_lock_the_form_for_a_while(client):
    for _ in range(auth.MAX_FAILURES):
        assert login(client, "not the password").status_code == 401
    assert login(client).status_code == 429  # even the right one, until the minute is over
    assert client.get("/api/headcount").status_code == 401


def test_api_headcount_is_exactly_what_kiosk_headcount_prints(client, folder, capsys):
    assert login(client).status_code == 303
    assert main(["headcount", "--kiosk", str(folder.path), "--at", AT, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    served = client.get("/api/headcount").json()
    assert served == printed
    assert printed["unique_checked_in"] == 4 and printed["refused_scans"] == 2
    other = "2026-12-01T11:02"
    assert main(["headcount", "--kiosk", str(folder.path), "--at", other, "--json"]) == 0
    assert client.get("/api/headcount", params={"at": other}).json() == \
        json.loads(capsys.readouterr().out)
    bad = client.get("/api/headcount", params={"at": "yesterday"})
    assert bad.status_code == 400 and "ISO 8601" in bad.json()["error"]
    kiosks = client.get("/api/kiosks").json()
    assert [(k["kiosk_id"], k["scans"], k["gate"]) for k in kiosks] == [("kiosk-1", 6, "Gate 1")]
    dash = client.get("/api/dashboard").json()
    assert dash["duplicates"] == 1 and dash["headcount"]["inside_now"] == 4
    assert {r["name"] for r in dash["recent"]} >= {"Ahmed Khan", "Wang Wei"}  # staff see names


def test_the_public_screen_shows_counts_and_no_name(client):
    page = client.get("/public?lang=ur")
    english = client.get("/public?lang=en")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and 'lang="ur"' in page.text
    public = client.get("/api/public")
    body = page.text + english.text + public.text
    assert public.json()["inside_now"] == 4
    for name in NAMES + ["V-001", "E-001", "kiosk-1", "visitor", "exhibitor", "Gate 1"]:
        assert not re.search(rf"\b{re.escape(name)}\b", body), name


def test_every_answer_keeps_the_browser_on_this_server(client):
    assert login(client).status_code == 303
    answers = [client.get(p) for p in ("/", "/public", "/login", "/static/app.css",
                                      "/static/common.js", "/static/dashboard.js",
                                      "/static/public.js", "/static/vendor/chart.umd.min.js")]
    for answer in answers:
        assert answer.status_code == 200, answer.url
        csp = answer.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert answer.headers["x-frame-options"] == "DENY"
    for answer in answers[:4] + answers[4:7]:  # our own files name no other host
        assert not re.search(r"(src|href|url)\s*[=(]\s*[\"']?(https?:)?//", answer.text), answer.url
    for name in ("latin.ttf", "urdu.ttf", "chinese.otf"):
        font = client.get(f"/fonts/{name}")
        assert font.status_code == 200 and len(font.content) > 10_000
    assert client.get("/fonts/../../web-password").status_code == 404
    assert client.get("/static/../web-password").status_code == 404


def test_a_name_cannot_break_out_of_the_page(tmp_path, monkeypatch, capsys):
    hostile = "</script><script>alert(1)</script>"
    event = make_event(tmp_path, roster=[("V-900", hostile, "visitor", "", "", "", "", "")])
    kiosk = make_kiosk(tmp_path, event)
    desk, store = open_desk(kiosk)
    desk.check_in("V-900", at=local(DAYS[0], 11))
    store.close()
    set_password(monkeypatch, capsys, "--kiosk", str(kiosk.path))
    data = WebData(kiosk=kiosk.path, at_text=AT)
    app = create_app(data, password_file=auth.password_path(kiosk=kiosk.path))
    with TestClient(app, base_url="https://testserver") as client:
        client.app.state.broadcaster.wait_first(10)
        assert login(client).status_code == 303
        page = client.get("/").text
    assert "alert(1)" in page  # the name is there, as data
    assert "<script>alert" not in page and page.count("</script>") == page.count("<script")


def test_the_public_screen_alone_has_no_staff_pages(folder):
    data = WebData(kiosk=folder.path, at_text=AT)
    app = create_app(data, password_file=None, public_only=True)
    with TestClient(app, base_url="https://testserver") as client:
        client.app.state.broadcaster.wait_first(10)
        home = client.get("/")
        assert home.status_code == 200 and 'id="inside-now"' in home.text
        for path in ("/login", "/api/headcount", "/api/dashboard", "/events"):
            assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("args, words", [
    (["web"], "--hub URL, --db MERGED.db or --kiosk DIR"),
    (["web", "--db", "missing.db"], "no merged database"),
    (["web", "--hub", "postgresql://h/db"], "--password-file"),
    (["web", "--db", "x.db", "--bind", "localhost"], "--bind must look like"),
    (["web", "--db", "x.db", "--bind", "127.0.0.1:99999"], "not a port number"),
    (["web", "--db", "x.db", "--tls-cert", "a.pem"], "go together"),
])
def test_bad_input_is_one_line_and_non_zero(args, words, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(args) != 0
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1, err


def test_a_bad_moment_is_refused_at_start(folder, capsys):
    assert main(["web", "--kiosk", str(folder.path), "--at", "noon"]) == 1
    assert "ISO 8601" in capsys.readouterr().err


def test_a_late_answer_to_an_older_request_cannot_undo_a_login(client):
    client.get("/login")
    before = client.cookies.get("kiosk_web")  # the session of the login form
    assert login(client).status_code == 303
    # a font asked for with the old session, answered after the login, sets no cookie
    late = client.get("/fonts/latin.ttf", headers={"cookie": f"kiosk_web={before}"})
    assert late.status_code == 200 and "set-cookie" not in late.headers
    for path in ("/", "/api/kiosks", "/static/app.css"):
        assert "set-cookie" not in client.get(path).headers, path
    assert client.get("/api/headcount").status_code == 200  # still signed in



def test_the_web_words_come_from_the_translators_catalogue():
    """Every word of the web pages is in web_{ur,zh}.ts, or for a printer's state in the
    printing words, so that translators fix a word in one place."""
    from kiosk.config.words import load_catalogue
    from kiosk.services.printing import PRINTER_REASONS
    from kiosk.web import text

    for lang in ("ur", "zh"):
        catalogue = load_catalogue(lang)
        shown = text.words(lang)
        for key, word in text.words("en").items():
            if key.startswith("h_") and key[2:] in PRINTER_REASONS:
                continue  # the printing words (tests/unit/test_printing.py)
            assert shown[key] == catalogue.entries[("Web", word)], (lang, key)
