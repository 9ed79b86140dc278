"""`kiosk web`: the read-only web dashboard, and `kiosk web set-password`."""

from __future__ import annotations

import ipaddress
import socket
import sys
from pathlib import Path

from kiosk.commands import warn
from kiosk.core.errors import KioskError


def _source_options(p) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument("--hub", metavar="URL", help="the PostgreSQL hub (every kiosk's scans)")
    where.add_argument("--db", type=Path, metavar="MERGED.db", help="a merged database")
    where.add_argument("--kiosk", type=Path, metavar="KIOSKDIR", help="a kiosk folder")
    p.add_argument("--password-file", type=Path, metavar="FILE",
                   help="where the staff password's hash is kept (default: web-password in the "
                        "kiosk folder, MERGED.db.web-password beside a merged database; "
                        "needed with --hub)")


def register(commands) -> None:
    p = commands.add_parser(
        "web", help="the read-only web dashboard for browsers on the venue network",
        allow_abbrev=False,  # `--password SECRET` must not pass for --password-file
        description="Serve the dashboard to browsers: headcounts, halls, arrivals, kiosks, live "
        "within 2 s of a push; English, Urdu and Chinese. The staff pages need the password set "
        "with `kiosk web set-password`; /public (counts only, no names) needs none. Everything "
        "(scripts, styles, fonts, charts) is served by the app itself: no internet needed.")
    _source_options(p)
    p.add_argument("--bind", default="127.0.0.1:8080", metavar="HOST:PORT",
                   help="address to listen on (default 127.0.0.1:8080; 0.0.0.0:8080 for the LAN)")
    p.add_argument("--public-screen", action="store_true",
                   help="serve only the public screen (inside now, halls, a welcome; no login, "
                        "no names)")
    p.add_argument("--at", metavar="ISO8601",
                   help="show this moment instead of now (a past day; without an offset: the "
                        "event's time zone)")
    p.add_argument("--tls-cert", type=Path, metavar="PEM", help="serve HTTPS with this certificate")
    p.add_argument("--tls-key", type=Path, metavar="PEM", help="the certificate's private key")
    p.set_defaults(handler=cmd_web)
    actions = p.add_subparsers(dest="web_command", metavar="ACTION")
    s = actions.add_parser("set-password", allow_abbrev=False,
                           help="read the staff password from standard input; only a slow "
                                "salted hash is stored")
    _source_options(s)
    s.set_defaults(handler=cmd_set_password)


def _password_file(args):
    from kiosk.web.auth import password_path

    if args.password_file is None and args.hub:
        return None
    return password_path(kiosk=args.kiosk, db=args.db, password_file=args.password_file)


def parse_bind(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not host:
        raise KioskError(f"--bind must look like 127.0.0.1:8080, not {text!r}")
    host = host.strip("[]")
    try:
        number = int(port)
        if not 0 <= number <= 65535:
            raise ValueError
    except ValueError:
        raise KioskError(f"--bind: {port!r} is not a port number") from None
    return host, number


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_web(args) -> int:
    if not (args.hub or args.db or args.kiosk):
        raise KioskError("say where the figures come from: --hub URL, --db MERGED.db or --kiosk DIR")
    if bool(args.tls_cert) != bool(args.tls_key):
        raise KioskError("--tls-cert and --tls-key go together")
    for pem in (args.tls_cert, args.tls_key):
        if pem is not None and not pem.is_file():
            raise KioskError(f"no file {pem}")
    host, port = parse_bind(args.bind)
    password_file = _password_file(args)
    if password_file is None and not args.public_screen:
        raise KioskError("with --hub, say where the staff password is kept: --password-file FILE "
                         "(or serve only --public-screen)")

    from kiosk.web.data import WebData

    data = WebData(hub=args.hub, db=args.db, kiosk=args.kiosk, at_text=args.at)
    data.check()
    if password_file is not None and not args.public_screen and not password_file.exists():
        warn(f"no staff password yet: set one with `kiosk web set-password` ({password_file})")
    tls = args.tls_cert is not None
    if not tls and not _loopback(host) and not args.public_screen:
        warn("serving the staff login without TLS on the network: the password and the session "
             "cookie travel unencrypted and the cookie cannot be marked Secure; use --tls-cert "
             "and --tls-key")

    import uvicorn

    from kiosk.web.app import create_app

    app = create_app(data, password_file=password_file, public_only=args.public_screen,
                     secure_cookies=tls or _loopback(host))
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise KioskError(f"cannot listen on {args.bind}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    scheme = "https" if tls else "http"
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on",
                            ssl_certfile=str(args.tls_cert) if tls else None,
                            ssl_keyfile=str(args.tls_key) if tls else None,
                            timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    print(f"kiosk web: {data.label} at {scheme}://{shown}:{bound}/"
          + (" (public screen only)" if args.public_screen else " (public screen: /public)"),
          flush=True)
    server.run(sockets=[sock])
    return 0


def cmd_set_password(args) -> int:
    import getpass

    from kiosk.web.auth import check_password_format, write_password_file

    if not (args.hub or args.db or args.kiosk or args.password_file):
        raise KioskError("say whose password this is: --kiosk DIR, --db MERGED.db or "
                         "--password-file FILE")
    path = _password_file(args)
    if path is None:
        raise KioskError("with --hub, say where the staff password is kept: --password-file FILE")
    if args.kiosk is not None and not args.kiosk.is_dir():
        raise KioskError(f"no kiosk folder at {args.kiosk}")
    if args.db is not None and not args.db.is_file():
        raise KioskError(f"no merged database at {args.db}")
    if sys.stdin.isatty():
        first = getpass.getpass("New staff password for the web dashboard: ")
        if getpass.getpass("Again: ") != first:
            raise KioskError("the two passwords differ; nothing was changed")
    else:
        first = sys.stdin.readline()
    password = check_password_format(first)
    write_password_file(path, password)
    print(f"Staff password for the web dashboard set in {path} (only its scrypt hash is stored)")
    return 0
