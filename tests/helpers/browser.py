"""A real browser for the web dashboard's tests: Debian's chromium, driven through chromium-driver
by selenium (never a downloaded browser), and the real `kiosk web` server on 127.0.0.1.

Without chromium the browser tests are skipped, unless ``KIOSK_REQUIRE_PG=1`` (./run test, CI),
when they fail saying what to install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

CHROMIUM = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
DRIVER = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")
REPO = Path(__file__).resolve().parents[2]


def _first(paths) -> str | None:
    return next((p for p in paths if os.path.exists(p)), None)


def require_chromium() -> tuple[str, str]:
    browser, driver = _first(CHROMIUM), _first(DRIVER)
    if browser and driver:
        return browser, driver
    message = "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver)"
    if os.environ.get("KIOSK_REQUIRE_PG"):
        pytest.fail(message + " and are required here")
    pytest.skip(message)


class Browser:
    """One headless chromium with a fresh profile; ``size`` is the window in CSS pixels."""

    def __init__(self, size=(1280, 900), lang="en-US"):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        browser, driver = require_chromium()
        self.profile = tempfile.mkdtemp(prefix="kiosk-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.add_argument(f"--window-size={size[0]},{size[1]}")
        options.add_argument(f"--lang={lang}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=driver), options=options)
        self.driver.set_page_load_timeout(30)
        self.resize(*size)

    def resize(self, width: int, height: int) -> None:
        """The viewport (not the outer window) becomes width x height."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def wait(self, condition, timeout: float = 10.0, message: str = ""):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(condition, message)

    def text(self, css: str) -> str:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css).text

    def screenshot(self, path: Path, full_page: bool = True) -> Path:
        import base64

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot",
                                           {"format": "png", "captureBeyondViewport": full_page})
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def login(self, base: str, password: str, lang: str = "en") -> None:
        from selenium.webdriver.common.by import By

        self.driver.get(f"{base}/login?lang={lang}")
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.driver.find_element(By.ID, "sign-in").click()
        self.wait(lambda d: d.find_elements(By.ID, "checked-in"), message="no dashboard after login")

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


class WebServer:
    """The real `kiosk web` in a process of its own, on a free port of 127.0.0.1."""

    READY = re.compile(r"at (https?://[^/\s]+)/")

    def __init__(self, *args: str, env: dict | None = None):
        self.log = tempfile.NamedTemporaryFile(prefix="kiosk-web-", suffix=".log", delete=False)
        full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "web", "--bind", "127.0.0.1:0", *args],
            stdout=subprocess.PIPE, stderr=self.log, text=True, env=full_env, cwd=REPO)
        self.base = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            found = self.READY.search(line)
            if found:
                self.base = found.group(1)
                break
        if not self.base:
            self.stop()
            raise RuntimeError(f"kiosk web did not start: {Path(self.log.name).read_text()}")
        self._wait_answering()

    def _wait_answering(self) -> None:
        import httpx

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(self.base + "/api/public", timeout=2)
                return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("kiosk web does not answer")

    def stderr(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()
