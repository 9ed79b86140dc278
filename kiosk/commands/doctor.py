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
    except KioskError as exc:
        out.append(check("database", "fail", str(exc), "run `kiosk init` again"))
    free = shutil.disk_usage(folder.path).free
    out.append(check("disk", "ok" if free > 1 << 30 else "warn", f"{free / (1 << 30):.1f} GiB free",
                     "free some space: each scan takes about 0.5 kB"))
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
