"""Which rows of a screen a person in a wheelchair can reach: ADA 2010 Standards §308, forward
and side reach, 380 mm (15 in) to 1220 mm (48 in) above the floor.

A screen is mounted with its picture's bottom edge ``bottom_mm`` above the floor and the picture
``height_mm`` tall (kiosk.toml [display]); a window of ``height_px`` rows spreads over it evenly.

    Mounting(bottom_mm=740, height_mm=1210).rows_in_reach(1920)   # (1159, 1919)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

REACH_LOW_MM = 380.0   # ADA 308.2.1 / 308.3.1: low forward and side reach
REACH_HIGH_MM = 1220.0  # ADA 308.2.1 / 308.3.1: high forward and side reach
MIN_REACHABLE_MM = 250.0  # less than this of the picture in reach leaves no room for controls


@dataclass(frozen=True)
class Mounting:
    bottom_mm: float  # the picture's bottom edge above the floor
    height_mm: float  # the picture's visible height

    def __post_init__(self):
        if not (self.height_mm > 0 and self.bottom_mm >= 0):
            raise ValueError("a screen has a height above 0 mm and its bottom edge at or above "
                             "the floor")

    @property
    def top_mm(self) -> float:
        return self.bottom_mm + self.height_mm

    def reachable_mm(self) -> float:
        """How much of the picture's height lies within 380-1220 mm above the floor."""
        return max(0.0, min(self.top_mm, REACH_HIGH_MM) - max(self.bottom_mm, REACH_LOW_MM))

    def height_of_row(self, row: float, height_px: int) -> float:
        """Millimetres above the floor of a row's top edge (row 0 is the top of the picture)."""
        return self.top_mm - row * self.height_mm / height_px

    def rows_in_reach(self, height_px: int) -> tuple[int, int]:
        """(first, last) rows, counted from the top, that lie wholly within reach."""
        if height_px <= 0:
            raise ValueError("a window has at least one row")
        per_mm = height_px / self.height_mm
        first = max(0, math.ceil((self.top_mm - REACH_HIGH_MM) * per_mm - 1e-9))
        last = min(height_px - 1, math.floor((self.top_mm - REACH_LOW_MM) * per_mm + 1e-9) - 1)
        if last < first:
            raise ValueError(f"no part of a screen {self.height_mm:g} mm tall with its bottom "
                             f"{self.bottom_mm:g} mm above the floor is within reach "
                             f"({REACH_LOW_MM:g}-{REACH_HIGH_MM:g} mm)")
        return first, last


# A common 55-inch (16:9) floor-standing kiosk: the picture is about 1210 x 680 mm. Portrait
# stands put its bottom edge about 740 mm above the floor, landscape ones about 760 mm.
PORTRAIT_55 = Mounting(bottom_mm=740.0, height_mm=1210.0)
LANDSCAPE_55 = Mounting(bottom_mm=760.0, height_mm=680.0)


def default_mounting(width_px: int, height_px: int) -> Mounting:
    """The 55-inch floor kiosk in the window's orientation (kiosk.toml has no [display])."""
    return PORTRAIT_55 if height_px > width_px else LANDSCAPE_55
