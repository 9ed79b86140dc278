"""`kiosk service install`: the kiosk as a Linux appliance under systemd, and the watchdog feed.

The unit starts `kiosk run` full-screen, restarts it whatever way it ends (Restart=always), and
kills and restarts it when it stops feeding the watchdog (WatchdogSec): the app sends
`WATCHDOG=1` from its GUI thread's event loop, so a hung screen is restarted, not left frozen.

By default the kiosk runs inside cage, a Wayland kiosk compositor, on a virtual terminal of its
own (the shape of cage's "Starting Cage on boot with systemd"): the unit is the whole display,
and starts once logins are allowed. With `--display :0` it joins an X display that something else
(a desktop session) provides instead, after the display manager.

The notification protocol is systemd's sd_notify(3): datagrams of `KEY=VALUE` lines to the
AF_UNIX socket named by $NOTIFY_SOCKET (a leading `@` means Linux's abstract namespace).
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from kiosk.commands import emit
from kiosk.core.errors import KioskError

UNIT_DIR = Path("/etc/systemd/system")
WATCHDOG_SECONDS = 30


def unit_name(kiosk_id: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in kiosk_id)
    return f"itcn-kiosk-{safe}.service"


def register(commands) -> None:
    service = commands.add_parser("service", help="run the kiosk as a systemd service")
    service_cmds = service.add_subparsers(dest="service_command", metavar="ACTION")
    service_cmds.required = True
    p = service_cmds.add_parser(
        "install", help="write a systemd unit that runs this kiosk full-screen at boot",
        description="Write itcn-kiosk-KIOSKID.service: `kiosk run` inside the cage kiosk "
        "compositor on a virtual terminal (or on an existing X display with --display), "
        "restarted whatever way it ends, with a watchdog the kiosk feeds while its screen is "
        "alive. Then: systemctl daemon-reload && systemctl enable --now UNIT.")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR", help="the kiosk folder")
    p.add_argument("--user", metavar="U", help="the user the kiosk runs as (default: the owner "
                   "of KIOSKDIR); it needs to write KIOSKDIR")
    p.add_argument("--display", metavar="DISPLAY",
                   help="join this X display (e.g. :0) instead of starting cage")
    p.add_argument("--tty", default="tty1", metavar="TTY",
                   help="the virtual terminal cage takes (default tty1)")
    p.add_argument("--camera", metavar="SPEC", help="passed to `kiosk run --camera`")
    p.add_argument("--unit-dir", type=Path, default=UNIT_DIR, metavar="DIR",
                   help=f"where to write the unit (default {UNIT_DIR})")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=cmd_service_install)


def _kiosk_executable() -> list[str]:
    """How systemd starts this same kiosk: the installed script beside this Python, else -m."""
    script = Path(sys.executable).with_name("kiosk")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "kiosk"]


def _quote(args: list[str]) -> str:
    # systemd's ExecStart takes shell-like quoting (double quotes) and expands % and $.
    out = []
    for a in args:
        a = a.replace("%", "%%").replace("$", "$$")
        out.append(f'"{a}"' if any(c in a for c in " \t\"'\\;") else a)
    return " ".join(out)


def render_unit(*, kiosk_dir: Path, kiosk_id: str, user: str, display: str | None = None,
                tty: str = "tty1", camera: str | None = None, cage: str = "/usr/bin/cage",
                kiosk_cmd: list[str] | None = None) -> str:
    run = [*(kiosk_cmd or _kiosk_executable()), "run", "--kiosk", str(kiosk_dir), "--log-json"]
    if camera:
        run += ["--camera", camera]
    lines = ["[Unit]", f"Description=ITCN Asia kiosk {kiosk_id}"]
    if display:
        lines += ["# A desktop session provides the display; start after it.",
                  "After=graphical.target display-manager.service",
                  "Wants=graphical.target"]
    else:
        lines += ["# cage is the display: start once logins are allowed, on our own terminal.",
                  "After=systemd-user-sessions.service plymouth-quit-wait.service",
                  "Wants=dbus.socket systemd-logind.service",
                  "After=dbus.socket systemd-logind.service",
                  f"Conflicts=getty@{tty}.service", f"After=getty@{tty}.service",
                  "ConditionPathExists=/dev/tty0"]
    lines += ["StartLimitIntervalSec=0", "", "[Service]",
              "# The kiosk says READY=1 when its screen is up and feeds the watchdog from the GUI",
              "# thread" + ("." if display else "; it is cage's child, hence NotifyAccess=all."),
              "Type=notify", f"NotifyAccess={'main' if display else 'all'}",
              f"WatchdogSec={WATCHDOG_SECONDS}", "TimeoutStartSec=90", "Restart=always",
              "RestartSec=3", f"User={user}", f"WorkingDirectory={kiosk_dir}",
              f"Environment=KIOSK_DIR={kiosk_dir}"]
    if display:
        lines += [f"Environment=DISPLAY={display}", "Environment=QT_QPA_PLATFORM=xcb",
                  f"ExecStart={_quote(run)}"]
    else:
        lines += ["Environment=QT_QPA_PLATFORM=wayland",
                  f"ExecStart={_quote([cage, '-s', '--', *run])}",
                  "PAMName=login", f"TTYPath=/dev/{tty}", "TTYReset=yes", "TTYVHangup=yes",
                  "TTYVTDisallocate=yes", "StandardInput=tty-fail", "StandardOutput=journal",
                  "StandardError=journal", f"UtmpIdentifier={tty}", "UtmpMode=user"]
    lines += ["", "[Install]", "WantedBy=graphical.target", ""]
    return "\n".join(lines)


def _checked(args, kiosk_dir: Path) -> None:
    """Values that go into the unit file: nothing that could end a line there and smuggle in a
    directive of its own, and a terminal and display that are what they say."""
    for label, value in (("KIOSKDIR", str(kiosk_dir)), ("--camera", args.camera or ""),
                         ("--user", args.user or "")):
        if any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise KioskError(f"{label} must not contain control characters (a line break would "
                             "end the line in the unit file)")
    if not re.fullmatch(r"tty[0-9]{1,2}", args.tty):
        raise KioskError(f"--tty must name a virtual terminal such as tty1, not {args.tty!r}")
    if args.display is not None and not re.fullmatch(r"[A-Za-z0-9.-]*:[0-9]+(\.[0-9]+)?",
                                                     args.display):
        raise KioskError(f"--display must look like :0 or host:0.0, not {args.display!r}")


def cmd_service_install(args) -> int:
    from kiosk.organiser.kioskdir import KioskFolder

    folder = KioskFolder.open(args.kiosk)
    kiosk_dir = folder.path.resolve()
    _checked(args, kiosk_dir)
    user = args.user or pwd.getpwuid(kiosk_dir.stat().st_uid).pw_name
    try:
        pwd.getpwnam(user)
    except KeyError:
        raise KioskError(f"no user {user!r} on this machine (create it, or give --user)") from None
    cage = shutil.which("cage") or "/usr/bin/cage"
    unit = render_unit(kiosk_dir=kiosk_dir, kiosk_id=folder.model.kiosk_id, user=user,
                       display=args.display, tty=args.tty, camera=args.camera, cage=cage)
    name = unit_name(folder.model.kiosk_id)
    target = args.unit_dir.expanduser() / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{name}.tmp")
        tmp.write_text(unit, encoding="utf-8")
        os.replace(tmp, target)
    except PermissionError:
        raise KioskError(f"cannot write {target}: run as root (sudo), or give --unit-dir") from None
    notes = []
    if not args.display and not shutil.which("cage"):
        notes.append("cage is not installed: apt-get install cage")
    summary = {"unit": name, "path": str(target), "user": user, "kiosk": str(kiosk_dir),
               "display": args.display or "cage", "notes": notes}
    emit(summary, args.json, f"Wrote {target}\nStart it now and at every boot:\n"
         f"  systemctl daemon-reload && systemctl enable --now {name}"
         + "".join(f"\nnote: {n}" for n in notes))
    return 0


# -- the app's side: sd_notify ---------------------------------------------------------------------
class SystemdNotifier:
    """READY, WATCHDOG, STATUS and STOPPING for systemd; does nothing outside a notify service."""

    def __init__(self, environ=os.environ):
        address = environ.get("NOTIFY_SOCKET", "")
        self.address = "\0" + address[1:] if address.startswith("@") else address
        usec = environ.get("WATCHDOG_USEC", "")
        pid = environ.get("WATCHDOG_PID", "")
        # The watchdog is ours when systemd names this process, or our parent (cage), or nobody.
        mine = not pid or pid in (str(os.getpid()), str(os.getppid()))
        self.watchdog_seconds = int(usec) / 1e6 if usec.isdigit() and int(usec) > 0 and mine else 0.0

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    def send(self, *lines: str) -> bool:
        if not self.address:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as s:
                s.connect(self.address)
                s.sendall("\n".join(lines).encode())
            return True
        except OSError:
            return False  # systemd went away or the socket is gone: the kiosk carries on

    def ready(self, status: str = "") -> bool:
        return self.send("READY=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> bool:
        return self.send("WATCHDOG=1")

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={text}")

    def stopping(self) -> bool:
        return self.send("STOPPING=1")


# -- doctor's side ---------------------------------------------------------------------------------
def service_check(kiosk_id: str | None, unit_dirs: list[Path] | None = None) -> dict:
    """Whether the kiosk's unit is installed, enabled and running (systemctl when there is one)."""
    from kiosk.commands.doctor import check

    dirs = unit_dirs or [Path(p) for p in os.environ.get("KIOSK_UNIT_DIR", "").split(":") if p] \
        or [UNIT_DIR]
    if kiosk_id is None:
        found = sorted(f.name for d in dirs if d.is_dir() for f in d.glob("itcn-kiosk-*.service"))
        if not found:
            return check("service", "warn", "no kiosk service installed",
                         "kiosk service install --kiosk KIOSKDIR")
        names = found
    else:
        names = [unit_name(kiosk_id)]
        if not any((d / names[0]).is_file() for d in dirs):
            return check("service", "warn", f"{names[0]} is not installed (the kiosk does not "
                         "start at boot)", "kiosk service install --kiosk KIOSKDIR")
    systemctl = shutil.which("systemctl")
    if systemctl is None:
        return check("service", "warn", f"{', '.join(names)} installed; no systemctl here",
                     "install systemd")
    states = []
    for name in names:
        active = _systemctl(systemctl, "is-active", name)
        enabled = _systemctl(systemctl, "is-enabled", name)
        states.append((name, active, enabled))
    if all(a == "active" for _, a, _ in states):
        return check("service", "ok", "; ".join(f"{n} running ({e})" for n, _, e in states))
    detail = "; ".join(f"{n} installed, {a or 'state unknown'}, {e or 'not enabled'}"
                       for n, a, e in states)
    return check("service", "warn", detail,
                 f"systemctl daemon-reload && systemctl enable --now {names[0]}")


def _systemctl(systemctl: str, verb: str, name: str) -> str:
    try:
        proc = subprocess.run([systemctl, verb, name], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    out = proc.stdout.strip().splitlines()
    if not out or "not been booted with systemd" in proc.stderr:
        return "systemd not running" if "systemd" in proc.stderr else ""
    return out[0]
