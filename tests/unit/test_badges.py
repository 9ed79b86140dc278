"""Badges: PNGs that a real decoder reads back, the mail-merge CSV, the printable PDF, key care."""

from __future__ import annotations

import csv
import os
import re
import stat

import pytest
import zxingcpp
from PIL import Image

from kiosk.core.errors import KioskError
from kiosk.core.outcomes import Outcome
from kiosk.organiser.badges import write_badges
from tests.helpers.factories import DAYS, local, open_desk


def test_every_png_decodes_to_its_token_and_checks_in(tmp_path, event, kiosk):
    badges = write_badges(event, tmp_path / "out", workers=1)
    rows = list(csv.DictReader((tmp_path / "out" / "badges.csv").open(encoding="utf-8")))
    assert [list(r) for r in rows[:1]] == [["id", "name", "category", "token"]]
    assert {r["id"] for r in rows} == {b.attendee.id for b in badges}
    desk, store = open_desk(kiosk)
    try:
        for row in rows:
            image = Image.open(tmp_path / "out" / f"{row['id']}.png").convert("L")
            codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            assert [c.text for c in codes] == [row["token"]]
            result = desk.check_in(codes[0].text, at=local(DAYS[1], 12))
            if row["id"] == "V-004":  # the Karachi-only pass, at a Lahore kiosk
                assert result.outcome is Outcome.WRONG_VENUE
            else:
                assert result.outcome is Outcome.ACCEPTED, (row["id"], result.reason)
    finally:
        store.close()


def test_printable_pdf_has_a_sheet_per_four_badges_and_embeds_the_noto_fonts(tmp_path, event):
    pdf = tmp_path / "badges.pdf"
    badges = write_badges(event, tmp_path / "out", pdf=pdf, workers=1)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages == (len(badges) + 3) // 4
    # Urdu and Chinese names need their own fonts embedded (subsets), not boxes.
    assert b"NotoNastaliqUrdu" in data
    assert b"NotoSansCJK" in data


def test_private_key_is_kept_private(event):
    keys = list((event.path / "keys").glob("*.key"))
    assert len(keys) == 1
    assert stat.S_IMODE(keys[0].stat().st_mode) == 0o600


def test_a_world_readable_private_key_is_refused(event, tmp_path):
    key = next((event.path / "keys").glob("*.key"))
    os.chmod(key, 0o644)
    with pytest.raises(KioskError, match="chmod 600"):
        write_badges(event, tmp_path / "out")


def test_rotated_key_signs_new_badges_and_old_badges_still_check_in(tmp_path, event):
    old = {b.attendee.id: b.token for b in write_badges(event, tmp_path / "old", workers=1)}
    event.rotate_key()
    new = {b.attendee.id: b.token for b in write_badges(event, tmp_path / "new", workers=1)}
    assert old["V-001"] != new["V-001"]
    from tests.helpers.factories import make_kiosk

    kiosk = make_kiosk(tmp_path, event, name="k-rot")
    desk, store = open_desk(kiosk)
    try:
        assert desk.check_in(old["V-001"], at=local(DAYS[0], 12)).outcome is Outcome.ACCEPTED
        assert desk.check_in(new["V-002"], at=local(DAYS[0], 12)).outcome is Outcome.ACCEPTED
    finally:
        store.close()


def test_empty_roster_is_a_clear_error(tmp_path):
    from tests.helpers.factories import make_event

    event = make_event(tmp_path, roster=None)
    with pytest.raises(KioskError, match="roster is empty"):
        write_badges(event, tmp_path / "out")
