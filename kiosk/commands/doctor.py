"""`kiosk doctor`: everything a kiosk needs, each with a clear fix when it is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

QT_LIBS = ("libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
           "libxkbcommon-x11-0 libegl1")


def check(name: str, status: str, detail: str, fix: str = "") -> dict:
    return {"name": name, "status": status, "detail": detail, "fix": fix}


def qt_platform() -> dict:
    platform = os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY") else
                                                     "wayland" if os.environ.get("WAYLAND_DISPLAY")
                                                     else "")
    if not platform:
        return check("Qt platform", "warn", "no display (DISPLAY/WAYLAND_DISPLAY unset)",
                     "run the kiosk from the desktop session, or under Xvfb for tests")
    probe = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
             "print(app.platformName())")
    try:
        proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              timeout=30, env={**os.environ, "QT_QPA_PLATFORM": platform})
    except subprocess.TimeoutExpired:
        return check("Qt platform", "fail", f"{platform}: starting Qt timed out", "")
    if proc.returncode == 0:
        return check("Qt platform", "ok", f"{proc.stdout.strip()} plugin loads")
    last = (proc.stderr.strip().splitlines() or ["unknown error"])[-1]
    return check("Qt platform", "fail", f"{platform}: {last}", f"apt-get install {QT_LIBS}")


def decoders() -> list[dict]:
    from kiosk.scanning.health import decoder_backends, decoder_self_test

    results = []
    for name, state in decoder_backends().items():
        ok = state == "available"
        fix = "apt-get install libzbar0" if name == "pyzbar" else "pip install zxing-cpp"
        # zxing-cpp is the kiosk's decoder; pyzbar is an optional second backend.
        status = "ok" if ok else ("fail" if name == "zxing" else "warn")
        results.append(check(f"decoder {name}", status, state, "" if ok else fix))
    test = decoder_self_test()
    ok = bool(getattr(test, "ok", test))
    results.append(check("decoder self-test", "ok" if ok else "fail",
                         getattr(test, "detail", "reads a generated badge" if ok else "failed"),
                         "reinstall the kiosk's Python packages (./run setup)"))
    return results


def fonts() -> list[dict]:
    from kiosk.config.fonts import find_font

    out = []
    for role, label, package in (("latin", "Latin text", "fonts-noto-core"),
                                 ("urdu", "Urdu (Noto Nastaliq Urdu)", "fonts-noto-core"),
                                 ("chinese", "Chinese (Noto Sans CJK SC)", "fonts-noto-cjk")):
        font = find_font(role)
        out.append(check(f"font {label}", "ok" if font else "fail",
                         str(font.path) if font else "missing", f"apt-get install {package}"))
    return out


def audio() -> dict:
    """A real playback test: the accept chime through QSoundEffect on the default output, as the
    kiosk plays it (in a child process, so that Qt's own complaints stay out of the report)."""
    from kiosk.ui.sound import PLAYBACK_PROBE, sound_files

    fix = ("give the kiosk's user a sound server (apt-get install pipewire-pulse wireplumber, "
           "or pulseaudio) and a speaker; the kiosk works silently without one")
    try:
        proc = subprocess.run([sys.executable, "-c", PLAYBACK_PROBE, str(sound_files()["accept"])],
                              capture_output=True, text=True, timeout=30,
                              env={**os.environ, "QT_LOGGING_RULES": "*.debug=false"})
    except subprocess.TimeoutExpired:
        return check("sound", "warn", "the playback test did not finish", fix)
    out = proc.stdout.strip().splitlines()
    last = out[-1] if out else ""
    if proc.returncode != 0:
        error = (proc.stderr.strip().splitlines() or ["unknown error"])[-1]
        return check("sound", "warn", f"QtMultimedia cannot load ({error})",
                     "apt-get install libpulse0 libpulse-mainloop-glib0")
    if last == "NODEVICE":
        return check("sound", "warn", "no audio output device (no sound server or sound card "
                     "reachable): the kiosk will be silent", fix)
    if last.startswith("PLAYED"):
        return check("sound", "ok", f"played a test chime on {last[len('PLAYED'):].strip()}")
    if last.startswith("TIMEOUT"):
        return check("sound", "warn", f"the test chime never finished playing on "
                     f"{last[len('TIMEOUT'):].strip()}", fix)
    return check("sound", "warn", last.removeprefix("ERROR ").strip() or "playback failed", fix)


def kiosk_checks(path: Path) -> list[dict]:
    from kiosk.core.errors import KioskError
    from kiosk.organiser.kioskdir import KioskFolder, load_rules

    out = []
    try:
        folder = KioskFolder.open(path)
    except KioskError as exc:
        return [check("kiosk folder", "fail", str(exc), "provision it with `kiosk init`")]
    model = folder.model
    out.append(check("kiosk folder", "ok", f"{model.kiosk_id} at {model.venue}, {model.gate or 'no gate'}"))
    try:
        with folder.open_store(readonly=True) as store:
            integrity = store.integrity()
            missing = store.schema_problems()
            if integrity == "ok" and missing:
                integrity = "missing " + ", ".join(missing)
            rules = load_rules(store)
            scans = store.scan_count()
            attendees = store.conn.execute("SELECT COUNT(*) FROM attendees").fetchone()[0]
        status = "ok" if integrity == "ok" else "fail"
        out.append(check("database", status, f"{integrity}; {scans} scans, {attendees} attendees, "
                         f"event {rules.event_id}",
                         "restore kiosk.db from its last bundle or run `kiosk init` again"))
        out.append(clock_check(rules, hub_offset(model.hub_url) if model.hub_url else None))
    except KioskError as exc:
        out.append(check("database", "fail", str(exc), "run `kiosk init` again"))
    per_scan = None
    try:
        with folder.open_store(readonly=True) as store:
            per_scan = scan_bytes(store.conn)
    except KioskError:
        pass
    from kiosk.storage.db import free_space

    mount, free = free_space(folder.path)
    out.append(disk_check(free, per_scan, mount))
    from kiosk.core.pin import pin_hash_problem

    problem = pin_hash_problem(model.staff_pin_hash) if model.staff_pin_hash else None
    if problem:
        out.append(check("staff PIN", "fail", f"staff_pin_hash in kiosk.toml is not valid: "
                         f"{problem}; no PIN opens staff mode",
                         f"kiosk staff set-pin --kiosk {folder.path}"))
    else:
        out.append(check("staff PIN", "ok" if model.staff_pin_hash else "warn",
                         "set" if model.staff_pin_hash else "not set",
                         f"kiosk staff set-pin --kiosk {folder.path}"))
    out.append(camera(model.camera))
    from kiosk.commands.service import service_check

    out.append(service_check(model.kiosk_id))
    if model.printer is not None:
        out.append(printer(model.printer.queue))
    elif model.role == "print":
        out.append(check("badge printer", "fail", "role = print (a badge desk) but no [printer]",
                         "add [printer] queue = \"...\" to kiosk.toml"))
    return out


def printer(queue: str) -> dict:
    """The badge printer: the CUPS queue in kiosk.toml exists, is enabled and can print."""
    from kiosk.printing.cups import CupsClient, PrintError

    try:
        state = CupsClient().printer(queue)
    except PrintError as exc:
        return check("badge printer", "fail", str(exc),
                     "apt-get install cups cups-client, and start cupsd")
    if not state.exists:
        return check("badge printer", "fail", state.summary(),
                     f"add the queue (lpadmin -p {queue} -v DEVICE-URI -m DRIVER -E) or fix "
                     "[printer] queue in kiosk.toml")
    if not state.ok:
        return check("badge printer", "fail", state.summary(),
                     f"see to the printer, then: cupsenable {queue}; cupsaccept {queue}")
    return check("badge printer", "ok", state.summary())


CLOCK_TOLERANCE_SECONDS = 60


def hub_offset(url: str) -> float | str:
    """The hub's clock minus ours, in seconds (half the round trip allowed for), or why the
    hub could not tell."""
    import time

    from kiosk.sync.hub import HubClient, HubError

    try:
        with HubClient.connect(url, timeout=3) as hub:
            sent = time.time()
            hub_now = hub.conn.execute("SELECT extract(epoch FROM clock_timestamp())").fetchone()[0]
            back = time.time()
    except (HubError, Exception) as exc:  # the hub is optional for the clock check
        return f"the hub could not be asked ({exc})"
    return float(hub_now) - (sent + back) / 2


def clock_check(rules, offset: float | str | None, now=None) -> dict:
    """Warn when the kiosk's clock is outside the event's days, or off the hub's by over 60 s:
    days, opening hours and the anti-passback window all read it."""
    from kiosk.core.timeutil import utcnow

    now = now or utcnow()
    today = rules.day_of(now)  # with checkout_all_at, the small hours are the evening before's
    detail = f"{rules.local(now):%Y-%m-%d %H:%M:%S} event time"
    problems = []
    if today not in rules.days:
        problems.append(f"{today} is not a day of the event ({rules.days[0]} to {rules.days[-1]})")
    if isinstance(offset, (int, float)):
        detail += f"; {abs(offset):.1f} s {'behind' if offset > 0 else 'ahead of'} the hub"
        if abs(offset) > CLOCK_TOLERANCE_SECONDS:
            problems.append(f"the clock is {abs(offset):.0f} s off the hub's")
    elif isinstance(offset, str):
        detail += f"; {offset}"
    if problems:
        return check("clock", "warn", "; ".join(problems) + f" ({detail})",
                     "set the date and time (or turn on network time), then check again")
    return check("clock", "ok", detail)


# Below this much free space the kiosk cannot be trusted to record a day's scans: fail.
DISK_FAIL_BYTES = 64 << 20
DISK_WARN_BYTES = 1 << 30
DEFAULT_SCAN_BYTES = 1024  # before the log holds enough scans to measure


def scan_bytes(conn) -> float | None:
    """Measured bytes per scan on disk: the scan log, its indexes and the tables derived from it
    (SQLite's dbstat), over the number of scans; None when too few scans to tell."""
    scans = conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0]
    if scans < 100:
        return None
    try:
        used = conn.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master "
            "WHERE tbl_name IN ('scans', 'daily_attendance', 'scan_counts', 'day_counts', "
            "'arrival_counts', 'inside_counts'))").fetchone()[0]
    except Exception:  # an SQLite built without dbstat
        return None
    return used / scans if used else None


def disk_check(free: int, per_scan: float | None, mount) -> dict:
    size = per_scan or DEFAULT_SCAN_BYTES
    how = "measured" if per_scan else "estimated"
    room = int(free // size)
    detail = (f"{free / (1 << 30):.2f} GiB free on {mount}: room for about {room:,} scans "
              f"at {size / 1024:.1f} kB each ({how})")
    fix = f"free space on {mount}: the kiosk refuses check-ins when the disk is full"
    if free < DISK_FAIL_BYTES:
        return check("disk", "fail", "the disk is full or nearly: " + detail, fix)
    return check("disk", "ok" if free >= DISK_WARN_BYTES else "warn", detail, fix)


def camera(spec: str) -> dict:
    from kiosk.scanning.health import probe_camera

    if spec.strip().lower() in ("", "none", "off"):
        return check("camera", "warn", "no camera configured (badge scanner only)",
                     "set `camera` in kiosk.toml to a device number such as 0")
    probe = probe_camera(spec)
    return check("camera", "ok" if probe.ok else "warn", probe.detail,
                 "plug the camera in, or set `camera` in kiosk.toml; the badge scanner works without it")


def run_checks(kiosk_dir: Path | None) -> list[dict]:
    checks = [qt_platform(), *decoders(), *fonts(), audio()]
    if kiosk_dir is not None:
        checks += kiosk_checks(kiosk_dir)
    else:
        from kiosk.commands.service import service_check

        checks.append(service_check(None))
    return checks
