"""Spoken results through the real espeak-ng, in the three kiosk languages."""

from __future__ import annotations

import os
import wave

import pytest

from kiosk.services.speech import VOICES, Speaker


@pytest.fixture
def speaker():
    s = Speaker()
    if not s.available:
        if os.environ.get("CI") or os.environ.get("KIOSK_REQUIRE_PG"):
            pytest.fail("espeak-ng is missing (./run installs it)")
        pytest.skip("espeak-ng is not installed")
    return s


@pytest.mark.parametrize("lang,text", [("en", "Welcome. Enjoy the show."),
                                       ("ur", "خوش آمدید۔ نمائش کا لطف اٹھائیں۔"),
                                       ("zh", "欢迎。祝您观展愉快。")])
def test_each_language_is_spoken_as_audio(speaker, tmp_path, lang, text):
    wav = speaker.to_wav(text, lang, tmp_path / f"{lang}.wav")
    with wave.open(str(wav)) as w:
        seconds = w.getnframes() / w.getframerate()
    assert 0.8 < seconds < 15, seconds


def test_urdu_and_chinese_are_not_read_as_english(speaker, tmp_path):
    """The voices differ: the same Urdu words through the English voice sound different."""
    urdu = speaker.to_wav("خوش آمدید", "ur", tmp_path / "ur.wav").read_bytes()
    english = speaker.to_wav("خوش آمدید", "en", tmp_path / "en.wav").read_bytes()
    assert urdu != english
    assert set(VOICES) == {"en", "ur", "zh"}


def test_say_runs_in_the_background_and_stops(speaker):
    assert speaker.say("Please go to the registration desk at Gate 1.", "en")
    assert speaker._process is not None
    speaker.stop()
    assert speaker._process is None
    assert not speaker.say("   ", "en")  # nothing to say: nothing started
