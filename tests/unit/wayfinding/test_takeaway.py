"""The take-away QR: short text, version 10 or less at error correction M in every language,
read back by a real decoder (zxing-cpp) exactly as written."""

from __future__ import annotations

import numpy as np
import pytest
import qrcode
import zxingcpp
from qrcode.constants import ERROR_CORRECT_M

from kiosk.wayfinding.routing import Router
from kiosk.wayfinding.takeaway import MAX_BYTES, take_away_text

TARGETS = ["H3-B40", "H1-B2", "Seminar Hall A", "Prayer Room (Women)", "Registration Desk"]


def qr_of(text: str):
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=4)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    image = np.array(code.make_image().convert("L"))
    return code.version, image


@pytest.mark.parametrize("lang", ["en", "ur", "zh"])
@pytest.mark.parametrize("venue_name", ["lahore", "karachi"])
def test_every_route_fits_version_10_at_ecc_m_and_decodes_exactly(request, lang, venue_name):
    venue = request.getfixturevalue(venue_name)
    router = Router(venue)
    here = venue.kiosk_place()
    checked = 0
    for target in TARGETS:
        places = [p for p in venue.places.values()
                  if target in (p.code, p.name("en"))]
        if not places:
            continue
        for accessible in (False, True):
            try:
                route = router.route(here, places, accessible=accessible)
            except Exception:
                continue
            text = take_away_text(route, lang, "ITCN Asia 2026")
            assert len(text.encode("utf-8")) <= MAX_BYTES
            version, image = qr_of(text)
            assert version <= 10, (target, lang, version)
            found = zxingcpp.read_barcodes(image)
            assert [f.text for f in found] == [text]
            assert route.title(lang).split(" (")[0] in text
            checked += 1
    assert checked >= 6


def test_the_key_turns_are_arrows_with_distances(lahore):
    route = Router(lahore).route(lahore.kiosk_place(),
                                 [p for p in lahore.places.values() if p.code == "H3-B40"])
    text = take_away_text(route, "en")
    last = text.splitlines()[-1]
    assert any(a in last for a in "←→↑↖↗") and " m" in last
    assert "Hall 3" in text and f"{round(route.metres)} m" in text
