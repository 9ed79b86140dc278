"""Spoken results and directions for those who cannot read the screen: espeak-ng, no Qt.

espeak-ng has voices for all three kiosk languages (English ``en``, Urdu ``ur``, Mandarin
``cmn``). ``Speaker.say(text, lang)`` starts it in the background and stops whatever it was
saying, so that the newest result is the one heard; ``to_wav`` writes the speech to a file
(tests, and a kiosk without a sound card to check its voice).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

VOICES = {"en": "en", "ur": "ur", "zh": "cmn"}


class Speaker:
    def __init__(self, program: str | None = None, *, rate: int = 150):
        self.program = program or shutil.which("espeak-ng")
        self.rate = rate
        self._process: subprocess.Popen | None = None

    @property
    def available(self) -> bool:
        return self.program is not None

    def _command(self, lang: str, *extra: str) -> list[str]:
        return [self.program, "-v", VOICES.get(lang, "en"), "-s", str(self.rate), *extra]

    def say(self, text: str, lang: str = "en") -> bool:
        """Speak in the background; False when there is no espeak-ng (nothing is said)."""
        if not self.available or not text.strip():
            return False
        self.stop()
        self._process = subprocess.Popen(self._command(lang, "--stdin"), stdin=subprocess.PIPE,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self._process.stdin.write(text.encode("utf-8"))
            self._process.stdin.close()
        except BrokenPipeError:
            pass
        return True

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._process = None

    def to_wav(self, text: str, lang: str, path: Path) -> Path:
        if not self.available:
            raise RuntimeError("espeak-ng is not installed")
        subprocess.run(self._command(lang, "-w", str(path), "--stdin"), input=text.encode("utf-8"),
                       check=True, capture_output=True, timeout=60)
        return path
