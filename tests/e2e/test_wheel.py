"""The kiosk as a user installs it: a wheel built from the checkout, installed into a fresh
virtual environment outside the checkout, run from another folder with nothing of the checkout
on the path. It must find its maps and sounds inside the installed package.

The fresh environment gets the wheel and nothing else; its dependencies are the ones already
installed for the test run (a .pth file puts their site-packages at the end of the path), so the
test needs no package registry. The build runs without isolation for the same reason, with the
setuptools of the test run.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import site
import subprocess
import sys
import sysconfig
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _checkout_files() -> list[str]:
    """The files a clean clone holds (tracked, plus new files not ignored), tests left out."""
    if (REPO / ".git").exists() and shutil.which("git"):
        out = subprocess.run(["git", "-C", str(REPO), "ls-files", "-co", "--exclude-standard"],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    else:
        out = [str(p.relative_to(REPO)) for p in REPO.rglob("*") if p.is_file()
               and not any(part in (".venv", "__pycache__", "build", "demo") for part in p.parts)]
    return [f for f in out if not f.startswith("tests/") and (REPO / f).is_file()]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    for name in _checkout_files():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, src / name)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "KIOSK_MAPS")}
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(base / "dist"), str(src)],
        capture_output=True, text=True, env=env, timeout=300)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    wheels = list((base / "dist").glob("itcn_kiosk-*.whl"))
    assert len(wheels) == 1
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   env=env, timeout=120)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([python, "-c", "import sysconfig; "
                                   "print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    deps = [p for p in site.getsitepackages() + [sysconfig.get_paths()["purelib"]]
            if Path(p).is_dir()]
    (purelib / "zz_test_dependencies.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-index",
         "--disable-pip-version-check", str(wheels[0])],
        capture_output=True, text=True, env=env, timeout=300)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    work = base / "elsewhere"
    work.mkdir()
    run_env = {**env, "QT_QPA_PLATFORM": "offscreen", "HOME": str(base / "home"),
               "PATH": os.environ.get("PATH", "")}
    (base / "home").mkdir()
    return {"base": base, "venv": venv, "kiosk": venv / "bin" / "kiosk", "python": python,
            "work": work, "env": run_env, "build_log": build.stdout + build.stderr,
            "wheel": wheels[0]}


def run(installed, *args, timeout=300, **kw):
    return subprocess.run([str(installed["kiosk"]), *map(str, args)], cwd=installed["work"],
                          env=installed["env"], capture_output=True, text=True, timeout=timeout,
                          **kw)


def test_the_build_is_quiet_and_the_wheel_carries_maps_and_sounds(installed):
    warnings = [line for line in installed["build_log"].splitlines()
                if "warning" in line.lower()]
    assert warnings == []
    import zipfile

    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    shipped = set(_checkout_files())
    for folder in ("maps", "assets"):
        # every file of the folders, at any depth and whatever its name (new levels, extensions)
        files = [f for f in shipped if f.startswith(f"{folder}/")]
        assert files
        missing = [f for f in files if f"kiosk/shipped/{f}" not in names]
        assert missing == []
    assert {"kiosk/shipped/maps/lahore/manifest.json", "kiosk/shipped/maps/karachi/x-itcn-kiosk/nav.geojson",
            "kiosk/shipped/assets/sounds/accept.wav"} <= names


def test_the_installed_package_is_the_one_that_runs(installed):
    out = subprocess.run([installed["python"], "-c", "import kiosk, kiosk.shipped as s; "
                          "print(kiosk.__file__); print(s.maps_folder()); print(s.assets_folder())"],
                         cwd=installed["work"], env=installed["env"], capture_output=True,
                         text=True, check=True).stdout.split()
    site_packages = installed["venv"].resolve()
    for path in out:
        assert Path(path).resolve().is_relative_to(site_packages), path
        assert not Path(path).resolve().is_relative_to(REPO)


def test_demo_route_maps_check_and_run_from_the_wheel(installed):
    demo = run(installed, "demo", "d", "--attendees", "20")
    assert demo.returncode == 0, demo.stderr
    kiosk_dir = installed["work"] / "d" / "kiosk-1"
    assert (kiosk_dir / "kiosk.toml").is_file()
    # The hint works as printed: the venv is not on PATH, so it names the script's own path.
    hint = next(line for line in demo.stdout.splitlines() if line.startswith("Or check in:"))
    command = hint.split(":", 1)[1].strip()
    assert command.startswith(str(installed["kiosk"]))
    checked = subprocess.run(command + " --json", shell=True, cwd=installed["work"],
                             env=installed["env"], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["outcome"] == "accepted"

    route = run(installed, "route", "--venue", "karachi", "--to", "washroom", "--json")
    assert route.returncode == 0, route.stderr
    assert json.loads(route.stdout)["metres"] > 0

    check = run(installed, "maps", "check", "lahore", "--json")
    assert check.returncode == 0, check.stderr + check.stdout

    proc = subprocess.Popen([str(installed["kiosk"]), "run", "--kiosk", str(kiosk_dir),
                             "--camera", "none", "--log-json"], cwd=installed["work"],
                            env=installed["env"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    events: queue.Queue = queue.Queue()
    stderr_lines: list[str] = []

    def pump():
        for line in proc.stderr:
            stderr_lines.append(line)
            if line.startswith("{"):
                events.put(json.loads(line)["event"])
        events.put("eof")

    threading.Thread(target=pump, daemon=True).start()
    seen = []
    deadline = time.monotonic() + 120
    try:
        while "maps_ready" not in seen and "eof" not in seen and time.monotonic() < deadline:
            try:
                seen.append(events.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                break
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    assert "ready" in seen and "maps_ready" in seen, "".join(stderr_lines)
    assert proc.returncode == 0, "".join(stderr_lines)


def test_a_failed_demo_leaves_nothing_behind(installed):
    # No map for the venue it needs: the demo stops part-way and removes what it made.
    empty = installed["base"] / "no-maps"
    empty.mkdir()
    env = {**installed["env"], "KIOSK_MAPS": str(empty)}
    proc = subprocess.run([str(installed["kiosk"]), "demo", "broken"], cwd=installed["work"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "no venue map" in proc.stderr
    assert not (installed["work"] / "broken").exists()
    retry = run(installed, "demo", "broken", "--attendees", "10")
    assert retry.returncode == 0, retry.stderr
