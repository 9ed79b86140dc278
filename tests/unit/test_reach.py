"""The reachable rows of a mounted screen (ADA 308: 380-1220 mm above the floor), and kiosk.toml's
[display] refusing a mounting that leaves no room within reach."""

from __future__ import annotations

import pytest

from kiosk.config import kiosk_from_dict
from kiosk.core.errors import KioskError
from kiosk.core.reach import LANDSCAPE_55, PORTRAIT_55, Mounting, default_mounting

KIOSK = {"kiosk_id": "k1", "event_id": "itcn", "venue": "lahore"}


def test_one_pixel_a_millimetre_from_the_floor_up():
    # A 2 m screen standing on the floor, 2000 rows: row y's top edge is 2000 - y mm up.
    screen = Mounting(bottom_mm=0, height_mm=2000)
    assert screen.rows_in_reach(2000) == (780, 1619)  # 1220 mm .. 381 mm (row 1619 ends at 380)
    assert screen.height_of_row(780, 2000) == 1220
    assert screen.reachable_mm() == 840


def test_a_screen_above_the_low_limit_reaches_down_to_its_last_row():
    screen = Mounting(bottom_mm=1000, height_mm=1000)  # from 1 m to 2 m, 500 rows
    assert screen.rows_in_reach(500) == (390, 499)  # (2000 - 1220) / 2 = 390


def test_the_common_55_inch_floor_kiosks():
    # 1950 mm top, 1210 mm over 1920 rows: 1220 mm is (1950 - 1220) * 1920 / 1210 = 1158.3 rows down.
    assert PORTRAIT_55.rows_in_reach(1920) == (1159, 1919)
    # 1440 mm top, 680 mm over 1080 rows: (1440 - 1220) * 1080 / 680 = 349.4.
    assert LANDSCAPE_55.rows_in_reach(1080) == (350, 1079)
    assert default_mounting(1080, 1920) is PORTRAIT_55
    assert default_mounting(1920, 1080) is LANDSCAPE_55


def test_a_screen_out_of_reach_has_no_rows():
    with pytest.raises(ValueError, match="within reach"):
        Mounting(bottom_mm=1300, height_mm=600).rows_in_reach(1080)
    with pytest.raises(ValueError):
        Mounting(bottom_mm=-5, height_mm=600)


def test_kiosk_toml_display_defaults_and_values():
    assert kiosk_from_dict(dict(KIOSK)).display is None  # the 55-inch kiosk, by orientation
    model = kiosk_from_dict(dict(KIOSK, display={"bottom_mm": 700, "height_mm": 1100}))
    assert model.display.mounting() == Mounting(700, 1100)


@pytest.mark.parametrize("display, words", [
    ({"bottom_mm": 1100, "height_mm": 600}, "only 120 mm"),     # a screen mounted too high
    ({"bottom_mm": 0, "height_mm": 300}, "only 0 mm"),          # one on the floor, too small
    ({"bottom_mm": 700, "height_mm": 0}, "height_mm"),
    ({"bottom_mm": 700, "height_mm": 1200, "depth_mm": 3}, "depth_mm"),
    ({"bottom_mm": "low"}, "bottom_mm"),
])
def test_kiosk_toml_display_refused_in_one_line(display, words):
    with pytest.raises(KioskError) as caught:
        kiosk_from_dict(dict(KIOSK, display=display), "kiosk.toml")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("kiosk.toml: display") and words in message
