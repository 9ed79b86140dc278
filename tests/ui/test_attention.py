"""pretix's check-in attention at the kiosk: "please see staff" in the attendee's language, the
text on the staff card. The roster is a pretix check-in list export (headers as in
tests/unit/test_roster_exports.py, taken from pretix's CSVCheckinList) with a "Check-in text"
column beside "Requires special attention"."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from kiosk.organiser.roster_import import import_roster
from tests.helpers.factories import make_event, make_kiosk
from tests.ui.test_staff_tools import WAIT, open_card, staff
from tests.unit.test_roster_exports import PRETIX_CHECKINLIST, write_csv

HEADER = PRETIX_CHECKINLIST + ["Check-in text"]
SECRET_PLAIN = "h7x2q9kc4mzw8rtpvd3nbf6yjs5ga2ek"
SECRET_ATTENTION = "p3sk8dwm2rxc7vq9zt4hb6nfyj5ea2gu"
SECRET_TEXT = "w9dq3mtk7xz2rc8pvn4bh6fyjs5ea2kg"


def row(order, name, product, secret, attention="No", text=""):
    values = dict.fromkeys(HEADER, "")
    values.update({"Order code": order, "Attendee name": name, "Product": product,
                   "Secret": secret, "Requires special attention": attention,
                   "Check-in text": text, "Automatically checked in": "No"})
    return [values[h] for h in HEADER]


@pytest.fixture
def kiosk_setup(tmp_path):
    event = make_event(tmp_path, hours="10:00-18:00")
    path = write_csv(tmp_path / "checkin.csv", HEADER, [
        row("Q7XKM", "Ahmed Khan", "Visitor", SECRET_PLAIN),
        row("Q7XKM", "Student Guest", "Visitor", SECRET_ATTENTION, attention="Yes"),
        row("B2RTW", "عائشہ ملک", "Visitor", SECRET_TEXT, attention="Yes",
            text="Check the student ID card"),
    ])
    with event.store() as store:
        report = import_roster(path, store, event.rules)
    assert report.rejected == [] and report.format == "pretix-checkinlist"
    kiosk = make_kiosk(tmp_path, event)
    return event, kiosk, {}


def check_in(qtbot, window, code):
    with qtbot.waitSignal(window.result_shown, timeout=WAIT) as blocker:
        window.on_code(code, 0.0)
    return blocker.args[0]


def scripts(text: str) -> set[str]:
    return {("arabic" if "ARABIC" in unicodedata.name(ch, "") else
             "cjk" if "CJK" in unicodedata.name(ch, "") else "latin")
            for ch in text if ch.isalpha()}


@pytest.mark.parametrize("language,expected", [
    ("en", "Please see a member of staff before you go in."),
    ("ur", "اندر جانے سے پہلے براہ کرم عملے کے کسی رکن سے ملیں۔"),
    ("zh", "入场前请先找工作人员。"),
])
def test_a_ticket_that_needs_attention_says_see_staff_in_the_attendees_language(
        qtbot, make_window, language, expected):
    window = make_window()
    window.set_language(language)
    plain = check_in(qtbot, window, SECRET_PLAIN)
    assert plain.outcome.value == "accepted" and plain.attention == ""
    assert window.result.next_step.text() != expected

    result = check_in(qtbot, window, SECRET_TEXT)
    assert (result.outcome.value, result.attendee_id) == ("accepted", "B2RTW-1")
    assert result.to_json()["attention"] == "Check the student ID card"
    screen = window.result
    assert screen.tone == "green" and screen.next_step.isVisible()
    assert screen.next_step.text() == expected
    if language != "en":
        assert "latin" not in scripts(screen.next_step.text())
    assert screen.fits()
    out = os.environ.get("KIOSK_SCREENSHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(out) / f"result-attention-{language}-1920x1080.png"))


def test_the_staff_card_shows_the_attention_text(qtbot, make_window):
    window = make_window()
    result = check_in(qtbot, window, SECRET_ATTENTION)
    assert result.attention == "Requires special attention"  # the flag alone: pretix's words
    assert "Please see a member of staff" in result.message
    page = staff(qtbot, window, "lookup")
    card = open_card(qtbot, page, "B2RTW", "B2RTW-1")
    assert card.details.text().splitlines()[0] == "Attention: Check the student ID card"
    out = os.environ.get("KIOSK_SCREENSHOTS")
    if out:
        window.grab().save(str(Path(out) / "staff-card-attention-en-1920x1080.png"))
    page.keyboard.clear.click()
    other = open_card(qtbot, page, "V-001", "V-001")
    assert "Attention" not in other.details.text()
