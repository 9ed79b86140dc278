"""`kiosk web`: the read-only web dashboard (Starlette, served by uvicorn).

Pages: ``/`` the staff dashboard (login needed: it shows names), ``/public`` the public screen
(counts only, no login), ``/login``. Data: ``/api/headcount`` (exactly `kiosk headcount --json`
for the same source), ``/api/kiosks``, ``/api/dashboard``, ``/api/public``; live updates as
server-sent events on ``/events`` (staff) and ``/public/events``. With ``public_only`` nothing
but the public screen exists.

Nothing is fetched from elsewhere: scripts, styles, the chart library (Chart.js, vendored) and
the fonts are served from here, and the Content-Security-Policy says so to the browser. No route
takes personal data in its URL; there is no access log.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import secrets
import time
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from kiosk.core.errors import KioskError
from kiosk.web import auth
from kiosk.web.data import WebData
from kiosk.web.fonts import FACES, font_bytes
from kiosk.web.live import Broadcaster
from kiosk.web.text import DIRECTION, HTML_LANG, LANGUAGE_NAMES, LANGUAGES, words

HERE = Path(__file__).resolve().parent
SESSION_SECONDS = 12 * 3600
COOKIE = "kiosk_web"
KEEPALIVE_SECONDS = 15.0
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    """Headers on every answer: nothing from elsewhere, no framing, no referrer, no caching of
    figures."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope["path"].startswith(("/static/", "/fonts/"))

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY"),
                            (b"cross-origin-opener-policy", b"same-origin")]
                if not static:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class SessionSeen:
    """Notes the session as it came in (inside SessionMiddleware)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            scope["kiosk.session_in"] = dict(scope.get("session", {}))
        await self.app(scope, receive, send)


class CookieOnlyWhenChanged:
    """Outside SessionMiddleware: drop its Set-Cookie when the request did not change the session.

    Starlette re-sends the session cookie with every answer; a slow answer to an older request
    (a font being cut, say) would then put back the session as it was before a login or a
    sign-out that finished in between.
    """

    def __init__(self, app, cookie: str):
        self.app = app
        self.prefix = cookie.encode() + b"="

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def filtered(message):
            if message["type"] == "http.response.start" and \
                    scope.get("session") == scope.get("kiosk.session_in"):
                message["headers"] = [(k, v) for k, v in message.get("headers", [])
                                      if not (k.lower() == b"set-cookie" and v.startswith(self.prefix))]
            await send(message)

        await self.app(scope, receive, filtered)


def _json_for_script(text: str) -> str:
    """JSON placed inside <script type="application/json">: no '<' can close the element."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def create_app(data: WebData, *, password_file: Path | None, public_only: bool = False,
               secure_cookies: bool = True, min_interval: float = 0.25,
               idle_refresh: float = 15.0) -> Starlette:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    broadcaster = Broadcaster(data, min_interval=min_interval, idle_refresh=idle_refresh)
    throttle = auth.Throttle()

    def lang_of(request: Request) -> str:
        lang = request.query_params.get("lang", "")
        return lang if lang in LANGUAGES else "en"

    def page(request: Request, name: str, **context) -> Response:
        lang = lang_of(request)
        context.update(lang=lang, dir=DIRECTION[lang], html_lang=HTML_LANG[lang],
                       w=words(lang), languages=LANGUAGE_NAMES, public_only=public_only,
                       words_json=_json_for_script(json.dumps(words(lang), ensure_ascii=False)))
        return templates.TemplateResponse(request, name, context,
                                          status_code=context.pop("status", 200))

    def is_staff(request: Request) -> bool:
        session = request.session
        return bool(session.get("staff")) and session.get("until", 0) > time.time()

    def csrf_token(request: Request) -> str:
        token = request.session.get("csrf")
        if not token:
            token = secrets.token_urlsafe(32)
            request.session["csrf"] = token
        return token

    def stored_hash() -> str:
        return auth.read_password_file(password_file) if password_file else ""

    # -- pages -----------------------------------------------------------------------------
    async def dashboard_page(request: Request) -> Response:
        if public_only:
            return await public_page(request)
        if not is_staff(request):
            lang = lang_of(request)
            return RedirectResponse(f"/login?lang={lang}", status_code=303)
        snap = broadcaster.snapshot
        return page(request, "dashboard.html", initial=_json_for_script(snap.staff_json),
                    csrf=csrf_token(request), source=data.label)

    async def public_page(request: Request) -> Response:
        snap = broadcaster.snapshot
        return page(request, "public.html", initial=_json_for_script(snap.public_json))

    async def login_page(request: Request) -> Response:
        if is_staff(request):
            return RedirectResponse(f"/?lang={lang_of(request)}", status_code=303)
        return page(request, "login.html", csrf=csrf_token(request), error="",
                    no_password=not stored_hash())

    async def login(request: Request) -> Response:
        form = await request.form()
        lang = lang_of(request)
        sent = str(form.get("csrf", ""))
        expected = request.session.get("csrf", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            request.session.pop("csrf", None)
            return page(request, "login.html", csrf=csrf_token(request), error="expired",
                        no_password=False, status=403)
        if throttle.locked():
            return page(request, "login.html", csrf=csrf_token(request), error="too_many",
                        no_password=False, status=429)
        stored = stored_hash()
        password = str(form.get("password", ""))
        ok = bool(stored) and await run_in_threadpool(auth.verify_password, password, stored)
        throttle.record(ok)
        if not ok:
            return page(request, "login.html", csrf=csrf_token(request),
                        error="wrong_password" if stored else "", no_password=not stored,
                        status=401)
        request.session.clear()  # a new session on login: no fixation
        request.session.update(staff=True, until=time.time() + SESSION_SECONDS,
                               csrf=secrets.token_urlsafe(32))
        return RedirectResponse(f"/?lang={lang}", status_code=303)

    async def logout(request: Request) -> Response:
        form = await request.form()
        expected = request.session.get("csrf", "")
        if expected and hmac.compare_digest(str(form.get("csrf", "")).encode(), expected.encode()):
            request.session.clear()
        return RedirectResponse(f"/login?lang={lang_of(request)}", status_code=303)

    # -- data ------------------------------------------------------------------------------
    def staff_only(handler):
        async def guarded(request: Request) -> Response:
            if not is_staff(request):
                return JSONResponse({"error": "staff login needed"}, status_code=401)
            return await handler(request)
        return guarded

    async def api_headcount(request: Request) -> Response:
        at = request.query_params.get("at") or None
        try:
            return JSONResponse(await run_in_threadpool(data.headcount, at))
        except KioskError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    async def api_kiosks(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(data.kiosks))

    async def api_dashboard(request: Request) -> Response:
        return Response(broadcaster.snapshot.staff_json, media_type="application/json")

    async def api_public(request: Request) -> Response:
        return Response(broadcaster.snapshot.public_json, media_type="application/json")

    def stream(kind: str):
        async def events(request: Request) -> Response:
            async def body():
                version = -1
                yield "retry: 1000\n\n"
                while True:
                    snap = await broadcaster.next_after(version, KEEPALIVE_SECONDS)
                    if kind == "staff" and not is_staff(request):
                        yield "event: logout\ndata: {}\n\n"
                        return
                    if snap.version > version:
                        version = snap.version
                        text = snap.staff_json if kind == "staff" else snap.public_json
                        yield f"data: {text}\n\n"
                    else:
                        yield ": keep-alive\n\n"

            return StreamingResponse(body(), media_type="text/event-stream",
                                     headers={"X-Accel-Buffering": "no"})
        return events

    async def font(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in FACES:
            return Response(status_code=404)
        blob = await run_in_threadpool(lambda: font_bytes(name, event_text()))
        if blob is None:
            return Response(status_code=404)
        kind = "font/otf" if name.endswith(".otf") else "font/ttf"
        return Response(blob, media_type=kind, headers={"cache-control": "max-age=86400"})

    def event_text() -> str:
        """The event's own words (its name, halls, gates) for the font subsets."""
        try:
            ev = data.event()
        except Exception:
            return ""
        return ev.name + "".join(ev.halls.halls) + "".join(
            g for gates in ev.halls.hall_gates.values() for g in gates)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        broadcaster.start(asyncio.get_running_loop())
        warm = asyncio.get_running_loop().run_in_executor(
            None, lambda: [font_bytes(n, event_text()) for n in FACES])
        try:
            yield
        finally:
            broadcaster.stop()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(warm, 30)
            await run_in_threadpool(data.close)

    routes = [Route("/", dashboard_page), Route("/public", public_page),
              Route("/api/public", api_public), Route("/public/events", stream("public")),
              Route("/fonts/{name}", font),
              Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")]
    if not public_only:
        routes += [Route("/login", login_page, methods=["GET"]),
                   Route("/login", login, methods=["POST"]),
                   Route("/logout", logout, methods=["POST"]),
                   Route("/api/headcount", staff_only(api_headcount)),
                   Route("/api/kiosks", staff_only(api_kiosks)),
                   Route("/api/dashboard", staff_only(api_dashboard)),
                   Route("/events", staff_only(stream("staff")))]
    middleware = [Middleware(SecurityHeaders),
                  Middleware(CookieOnlyWhenChanged, cookie=COOKIE),
                  Middleware(SessionMiddleware, secret_key=secrets.token_urlsafe(32),
                             session_cookie=COOKIE, max_age=SESSION_SECONDS,
                             same_site="strict", https_only=secure_cookies),
                  Middleware(SessionSeen)]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.broadcaster = broadcaster
    app.state.data = data
    return app
