"""Keep the screen on while the kiosk runs (no screensaver, no display power-down)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


class KeepAwake:
    def __init__(self):
        self.cookie = None
        self.interface = None

    def start(self) -> list[str]:
        done = []
        if sys.platform == "win32":
            import ctypes

            ES_CONTINUOUS, ES_DISPLAY_REQUIRED, ES_SYSTEM_REQUIRED = 0x80000000, 0x2, 0x1
            ctypes.windll.kernel32.SetThreadExecutionState(
                ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)
            return ["SetThreadExecutionState"]
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface

            if QDBusConnection.sessionBus().isConnected():
                self.interface = QDBusInterface("org.freedesktop.ScreenSaver",
                                                "/org/freedesktop/ScreenSaver",
                                                "org.freedesktop.ScreenSaver")
                if self.interface.isValid():
                    reply = self.interface.call("Inhibit", "itcn-kiosk", "check-in kiosk")
                    if reply.arguments():
                        self.cookie = reply.arguments()[0]
                        done.append("screensaver inhibited")
        except ImportError:
            pass
        if os.environ.get("DISPLAY") and shutil.which("xset"):
            subprocess.run(["xset", "s", "off", "-dpms", "s", "noblank"],
                           capture_output=True, timeout=5, check=False)
            done.append("xset s off -dpms")
        return done

    def stop(self) -> None:
        if self.interface is not None and self.cookie is not None:
            self.interface.call("UnInhibit", self.cookie)
            self.cookie = None
