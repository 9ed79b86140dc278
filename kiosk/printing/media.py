"""The badge stocks a kiosk prints on: size, orientation and the name CUPS knows them by.

CUPS names are PWG 5101.1 self-describing names (``class_name_WxHunit``): a driver that does not
know the name still reads the size from it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Media:
    name: str        # as written in kiosk.toml
    width_mm: float
    height_mm: float
    cups: str        # the PWG media name handed to CUPS (-o media=...)
    label: str       # for people

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm

    def pixels(self, dpi: int) -> tuple[int, int]:
        return round(self.width_mm / 25.4 * dpi), round(self.height_mm / 25.4 * dpi)


MEDIA: dict[str, Media] = {m.name: m for m in (
    Media("A6", 105.0, 148.0, "iso_a6_105x148mm", "A6 card (105 × 148 mm)"),
    Media("4x6in", 101.6, 152.4, "na_index-4x6_4x6in", "4 × 6 in label"),
    Media("4x3in", 101.6, 76.2, "oe_4x3-label_4x3in", "4 × 3 in label"),
    Media("CR80", 85.6, 54.0, "om_cr80_85.6x54mm", "CR80 card (85.6 × 54 mm)"),
    # A Brother QL 62 mm continuous roll, cut to 100 mm a badge.
    Media("62mm", 62.0, 100.0, "om_62mm-roll_62x100mm", "62 mm roll, 100 mm a badge"),
)}


def media(name: str) -> Media:
    try:
        return MEDIA[name]
    except KeyError:
        raise ValueError(f"unknown badge media {name!r} (known: {', '.join(MEDIA)})") from None
