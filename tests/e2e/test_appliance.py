"""The kiosk as an appliance: the systemd unit, the watchdog fed through sd_notify (read here
from a NOTIFY_SOCKET of our own), and sound reported once and truthfully (a real PulseAudio
server with a null sink, started by the test)."""

from __future__ import annotations

import configparser
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.commands.service import SystemdNotifier, render_unit

KIOSK = [sys.executable, "-m", "kiosk"]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
REQUIRED = bool(os.environ.get("CI") or os.environ.get("KIOSK_REQUIRE_PG"))


@pytest.fixture(scope="module")
def kiosk_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("appliance")
    subprocess.run([*KIOSK, "demo", base / "d", "--attendees", "10"], check=True,
                   capture_output=True, env=ENV)
    return base / "d" / "kiosk-1"


def read_unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(path, encoding="utf-8")
    return unit


def test_service_install_writes_a_unit_systemd_accepts(kiosk_dir, tmp_path):
    units = tmp_path / "units"
    proc = subprocess.run([*KIOSK, "service", "install", "--kiosk", kiosk_dir, "--display", ":0",
                           "--unit-dir", units, "--json"], capture_output=True, text=True,
                          env=ENV, check=True)
    summary = json.loads(proc.stdout)
    path = units / "itcn-kiosk-kiosk-1.service"
    assert summary["path"] == str(path) and summary["unit"] == path.name
    service = read_unit(path)["Service"]
    assert service["Type"] == "notify" and service["Restart"] == "always"
    assert int(service["WatchdogSec"]) > 0
    assert service["ExecStart"].split()[1:4] == ["run", "--kiosk", str(kiosk_dir.resolve())]
    assert "graphical.target" in read_unit(path)["Unit"]["After"]
    if shutil.which("systemd-analyze"):  # systemd's own reading of the file
        verify = subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True,
                                text=True)
        assert verify.returncode == 0, verify.stderr


def test_the_cage_unit_owns_a_terminal_and_lets_the_kiosk_notify(tmp_path):
    text = render_unit(kiosk_dir=tmp_path, kiosk_id="gate 1", user="kiosk", tty="tty2",
                       cage="/usr/bin/cage", kiosk_cmd=["/opt/kiosk env/bin/kiosk"])
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read_string(text)
    service = unit["Service"]
    # cage is the main process, the kiosk its child: its notifications must be accepted
    assert service["NotifyAccess"] == "all"
    assert service["ExecStart"].startswith('/usr/bin/cage -s -- "/opt/kiosk env/bin/kiosk" run')
    assert service["TTYPath"] == "/dev/tty2" and service["User"] == "kiosk"
    assert "getty@tty2.service" in unit["Unit"]["Conflicts"]


def test_service_install_refuses_an_unknown_user(kiosk_dir, tmp_path):
    proc = subprocess.run([*KIOSK, "service", "install", "--kiosk", kiosk_dir, "--user",
                           "no-such-user-here", "--unit-dir", tmp_path], capture_output=True,
                          text=True, env=ENV)
    assert proc.returncode == 1 and "no user 'no-such-user-here'" in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, message", [
    (["--camera", "0\nExecStartPre=/bin/rm -rf /"], "must not contain control characters"),
    (["--tty", "../../dev/sda"], "--tty must name a virtual terminal"),
    (["--display", ":0; rm -rf /"], "--display must look like :0"),
])
def test_service_install_refuses_values_that_would_break_the_unit(kiosk_dir, tmp_path, args,
                                                                  message):
    proc = subprocess.run([*KIOSK, "service", "install", "--kiosk", kiosk_dir, *args,
                           "--unit-dir", tmp_path], capture_output=True, text=True, env=ENV)
    assert proc.returncode == 1 and message in proc.stderr, proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_notifier_speaks_to_an_abstract_socket():
    name = f"itcn-kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind("\0" + name)
        notifier = SystemdNotifier({"NOTIFY_SOCKET": "@" + name, "WATCHDOG_USEC": "5000000",
                                    "WATCHDOG_PID": str(os.getpid())})
        assert notifier.watchdog_seconds == 5.0
        assert notifier.ready("up") and notifier.watchdog()
        assert server.recv(4096) == b"READY=1\nSTATUS=up"
        assert server.recv(4096) == b"WATCHDOG=1"
    # another process's watchdog is not ours to feed; outside systemd nothing is sent
    assert SystemdNotifier({"NOTIFY_SOCKET": "/x", "WATCHDOG_USEC": "1000",
                            "WATCHDOG_PID": "1"}).watchdog_seconds == 0
    assert SystemdNotifier({}).watchdog() is False


def test_kiosk_run_feeds_the_watchdog(kiosk_dir, tmp_path):
    address = tmp_path / "notify.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(address))
    server.settimeout(60)
    messages: queue.Queue = queue.Queue()

    def receive():
        while True:
            try:
                messages.put(server.recv(4096).decode())
            except OSError:
                return

    threading.Thread(target=receive, daemon=True).start()
    env = {**ENV, "NOTIFY_SOCKET": str(address), "WATCHDOG_USEC": "400000"}
    proc = subprocess.Popen([*KIOSK, "run", "--kiosk", str(kiosk_dir), "--camera", "none"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                seen.append(messages.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                break
            if any(m.startswith("READY=1") for m in seen) and seen.count("WATCHDOG=1") >= 3:
                break
        assert any(m.startswith("READY=1") for m in seen), seen
        assert seen.count("WATCHDOG=1") >= 3, seen
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    stopping = []
    while not messages.empty():
        stopping.append(messages.get())
    server.close()
    assert proc.returncode == 0, err
    assert "STOPPING=1" in stopping


@pytest.fixture(scope="module")
def pulse_server(tmp_path_factory):
    """A real PulseAudio daemon with a null sink, on a socket of its own."""
    exe = shutil.which("pulseaudio")
    if exe is None:
        if REQUIRED:
            pytest.fail("pulseaudio is not installed (./run installs it)")
        pytest.skip("pulseaudio is not installed")
    base = tmp_path_factory.mktemp("pulse")
    sock = base / "native"
    env = {**os.environ, "HOME": str(base), "XDG_RUNTIME_DIR": str(base),
           "PULSE_RUNTIME_PATH": str(base / "rt")}
    proc = subprocess.Popen(
        [exe, "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
         "--disable-shm=yes", "--load=module-null-sink sink_name=kiosk_test",
         f"--load=module-native-protocol-unix socket={sock} auth-anonymous=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not sock.exists():  # a bounded wait for the daemon's socket
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"pulseaudio did not start: {proc.stderr.read()}")
        time.sleep(0.1)
    yield f"unix:{sock}"
    proc.terminate()
    proc.wait(timeout=30)


def sound_check(env) -> dict:
    proc = subprocess.run([*KIOSK, "doctor", "--json"], capture_output=True, text=True, env=env,
                          timeout=120)
    return next(c for c in json.loads(proc.stdout)["checks"] if c["name"] == "sound")


def test_doctor_plays_a_chime_through_a_real_sound_server(pulse_server):
    check = sound_check({**ENV, "PULSE_SERVER": pulse_server})
    assert check["status"] == "ok" and "played" in check["detail"], check


def test_without_sound_doctor_says_so_and_the_kiosk_says_it_once(kiosk_dir, tmp_path):
    env = {**ENV, "PULSE_SERVER": f"unix:{tmp_path / 'nobody-listens'}"}
    check = sound_check(env)
    assert check["status"] == "warn" and "no audio output" in check["detail"] and check["fix"]
    proc = subprocess.Popen([*KIOSK, "run", "--kiosk", str(kiosk_dir), "--camera", "none",
                             "--log-json"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in proc.stderr:
            lines.append(line)
            if '"event": "ready"' in line:
                break
    finally:
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=60)[1]
    text = "".join(lines) + rest
    assert "PulseAudio" not in text and "QSoundEffect" not in text, text
    assert text.count("kiosk: warning: no sound") == 1, text
