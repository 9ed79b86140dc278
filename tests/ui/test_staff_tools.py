"""Each staff tool in the running kiosk: look-up (typed on the touch keyboard, or a scanned
badge), manual check-in with a reason, block and unblock, reprint (PDF and printer), kiosk
health, export to a USB stick or folder; every action in the audit log. Real window, real
kiosk.db; the printer and the USB stick are the only stand-ins."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from kiosk.commands.app import render_reprint
from kiosk.organiser.badges import write_badges
from kiosk.organiser.kioskdir import init_kiosk
from tests.helpers.factories import DAYS, local

WAIT = 10_000


def staff(qtbot, window, tool: str):
    window.unlocked = True
    window.show_page("staff")
    window.staff.show_tool(tool)
    return window.staff.tools[tool]


def rows(kiosk, sql, *params):
    conn = sqlite3.connect(kiosk.db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def audit(kiosk):
    return [(a, s) for a, s in rows(kiosk, "SELECT action, subject FROM audit_log ORDER BY seq")]


def type_on_keyboard(page, text: str):
    for ch in text:
        key = page.keyboard.space if ch == " " else page.keyboard.keys[ch.upper()]
        key.click()


def open_card(qtbot, page, query: str, attendee_id: str):
    """Type ``query`` (nothing: use the results shown) and tap the attendee's row."""
    if query:
        with qtbot.waitSignal(page.searched, timeout=WAIT):
            type_on_keyboard(page, query)
    item = next(page.results.item(i) for i in range(page.results.count())
                if page.results.item(i).data(Qt.ItemDataRole.UserRole) == attendee_id)
    with qtbot.waitSignal(page.card_shown, timeout=WAIT):
        page.results.itemClicked.emit(item)
    return page.card


def choose(qtbot, page, button, reason_index: int = 0, what: str = ""):
    button.click()
    assert page.card.choices.isVisible() and not page.card.actions.isVisible()
    with qtbot.waitSignal(page.action_done, timeout=WAIT) as blocker:
        page.card.choice_buttons[reason_index].click()
    if what:
        assert blocker.args[0] == what
    return blocker.args[1]


def test_look_up_by_typing_part_of_a_name(qtbot, make_window, kiosk_setup):
    _, kiosk, _ = kiosk_setup
    window = make_window()
    page = staff(qtbot, window, "lookup")
    with qtbot.waitSignal(page.searched, timeout=WAIT) as blocker:
        type_on_keyboard(page, "ahmed k")
    assert page.search.text() == "ahmed k"
    assert [h.attendee.id for h in blocker.args[0]][:1] == ["V-001"]
    assert "Ahmed Khan" in page.results.item(0).text() and "Visitor" in page.results.item(0).text()
    page.keyboard.clear.click()
    with qtbot.waitSignal(page.searched, timeout=WAIT):
        type_on_keyboard(page, "silk")  # a company
    assert page.results.item(0).data(Qt.ItemDataRole.UserRole) == "E-001"
    card = open_card(qtbot, page, "", "E-001")
    assert card.name.text().startswith("Wang Wei") and "王伟" in card.name.text()
    assert "Silk Road Electronics" in card.details.text()
    assert card.status.text() == "Not checked in today"
    qtbot.waitUntil(lambda: ("lookup_open", "E-001") in audit(kiosk), timeout=WAIT)
    with qtbot.waitSignal(page.searched, timeout=WAIT):
        type_on_keyboard(page, "zzqx")
    assert page.results.count() == 0 and "Nobody found" in page.hint.text()


def test_a_badge_scanned_in_staff_mode_opens_its_card_and_checks_nobody_in(qtbot, make_window,
                                                                           kiosk_setup):
    _, kiosk, tokens = kiosk_setup
    window = make_window()
    page = staff(qtbot, window, "dashboard")
    shown = []
    window.result_shown.connect(shown.append)
    with qtbot.waitSignal(page.parent().parent().tools["lookup"].card_shown, timeout=WAIT) as blocker:
        window.on_code(tokens["V-002"], 0.0)
    assert blocker.args[0] == "V-002" and window.staff.current_tool() == "lookup"
    assert shown == [] and rows(kiosk, "SELECT COUNT(*) FROM scans") == [(0,)]


def test_manual_check_in_with_a_reason_is_a_staff_override_in_the_log(qtbot, make_window,
                                                                      kiosk_setup):
    _, kiosk, _ = kiosk_setup
    window = make_window(at=local(DAYS[0], 11, 15))
    page = staff(qtbot, window, "lookup")
    card = open_card(qtbot, page, "ayesha", "V-002")
    with qtbot.waitSignal(window.local_change, timeout=WAIT):
        result = choose(qtbot, page, card.checkin_button, 2, "checkin")  # "Phone battery dead"
    assert result.outcome.value == "accepted"
    assert rows(kiosk, "SELECT attendee_id, outcome, reason, method, note FROM scans") == [
        ("V-002", "accepted", "staff_override", "manual", "staff@kiosk-1: Phone battery dead")]
    assert card.status.text().startswith("Checked in today at 11:15")
    assert "Checked in by hand at 11:15" in card.message.text()
    qtbot.waitUntil(lambda: ("manual_checkin", "V-002") in audit(kiosk), timeout=WAIT)
    # Again later the same day: a re-entry, still recorded as staff's.
    assert choose(qtbot, page, card.checkin_button, 0).outcome.value == "reentry"


def test_block_refuses_the_badge_at_once_and_unblock_lets_it_in(qtbot, make_window, kiosk_setup):
    _, kiosk, tokens = kiosk_setup
    window = make_window()
    page = staff(qtbot, window, "lookup")
    card = open_card(qtbot, page, "V-001", "V-001")
    assert card.block_button.text() == "Block badge"
    with qtbot.waitSignal(window.local_change, timeout=WAIT):
        keys = choose(qtbot, page, card.block_button, 0, "block")  # "Badge reported lost"
    assert keys == ["id:V-001"]
    assert rows(kiosk, "SELECT key, reason, active, source FROM revocations") == [
        ("id:V-001", "Badge reported lost", 1, "kiosk kiosk-1")]
    assert card.blocked.text() == "BLOCKED: Badge reported lost"
    assert card.block_button.text() == "Unblock" and not card.checkin_button.isEnabled()
    window.leave_staff()
    with qtbot.waitSignal(window.result_shown, timeout=WAIT) as blocker:
        window.on_code(tokens["V-001"], 0.0)
    assert blocker.args[0].outcome.value == "revoked"
    page = staff(qtbot, window, "lookup")
    with qtbot.waitSignal(page.card_shown, timeout=WAIT):
        page.open_attendee("V-001")
    card = page.card
    assert card.block_button.text() == "Unblock"
    choose(qtbot, page, card.block_button, 1, "unblock")  # "Blocked by mistake"
    assert rows(kiosk, "SELECT active FROM revocations") == [(0,)]
    window.leave_staff()
    with qtbot.waitSignal(window.result_shown, timeout=WAIT) as blocker:
        window.on_code(tokens["V-001"], 0.0)
    assert blocker.args[0].outcome.value == "accepted"
    assert [a for a, s in audit(kiosk) if s == "V-001" and a.endswith("block")] == ["block", "unblock"]


@pytest.fixture
def issued(tmp_path, kiosk_setup):
    """Badges issued by the organiser (their tokens copied to the kiosk by `kiosk init`)."""
    event, kiosk, _ = kiosk_setup
    badges = write_badges(event, tmp_path / "badges")
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    return {b.attendee.id: b.token for b in badges}


def qr_in_pdf(path):
    """The QR codes on a PDF's first page, read back with the kiosk's own decoder."""
    import numpy as np
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument

    from kiosk.scanning.decoder import DecoderChain

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    image = doc.render(0, QSize(1240, 1754)).convertToFormat(QImage.Format.Format_Grayscale8)
    doc.close()
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    grey = np.frombuffer(image.constBits(), np.uint8, stride * height).reshape(height, stride)[:, :width]
    return [d.code for d in DecoderChain().decode(np.ascontiguousarray(grey))]


def test_reprint_makes_a_pdf_of_the_issued_badge(qtbot, make_window, kiosk_setup, issued):
    _, kiosk, tokens = kiosk_setup
    window = make_window()
    window.staff_services.render_badge = render_reprint
    page = staff(qtbot, window, "lookup")
    card = open_card(qtbot, page, "sana", "P-001")
    path = choose(qtbot, page, card.reprint_button, 0, "reprint")  # "Save as PDF"
    assert path.parent == kiosk.path / "reprints" and path.read_bytes()[:5] == b"%PDF-"
    assert qr_in_pdf(path) == [issued["P-001"]]
    assert "signed badge" in card.message.text()
    qtbot.waitUntil(lambda: ("reprint_pdf", "P-001") in audit(kiosk), timeout=WAIT)


def test_a_lost_badge_is_reissued_from_the_reprint_choices(qtbot, make_window, kiosk_setup,
                                                          issued, tmp_path):
    from kiosk.core.outcomes import Outcome
    from kiosk.core.tokens import parse_token
    from tests.helpers.factories import open_desk

    _, kiosk, _ = kiosk_setup
    window = make_window()
    window.staff_services.render_badge = render_reprint
    window.staff_services.kiosk_key = kiosk.signing_key
    page = staff(qtbot, window, "lookup")
    card = open_card(qtbot, page, "sana", "P-001")
    card.reprint_button.click()
    labels = [b.text() for b in card.choice_buttons if not b.isHidden()]
    assert labels == ["Save as PDF", "Print", "Lost: new badge (PDF)"]
    window.grab().save(str(tmp_path / "reissue-choices.png"))
    with qtbot.waitSignal(page.action_done, timeout=WAIT) as blocker:
        card.choice_buttons[labels.index("Lost: new badge (PDF)")].click()
    path = blocker.args[1]
    [code] = qr_in_pdf(path)
    assert code != issued["P-001"] and parse_token(code)[0].issue == 1
    assert "the old one no longer gets in" in card.message.text()
    qtbot.waitUntil(lambda: ("badge_reissue", "P-001") in audit(kiosk), timeout=WAIT)
    window.grab().save(str(tmp_path / "reissue-done.png"))
    desk, store = open_desk(kiosk)
    try:
        old = desk.check_in(issued["P-001"], at=local(DAYS[0], 12))
        assert (old.outcome, old.reason) == (Outcome.REVOKED, "superseded")
        assert desk.check_in(code, at=local(DAYS[0], 12, 5)).outcome is Outcome.ACCEPTED
    finally:
        store.close()


def test_a_badge_never_issued_is_reprinted_with_its_registration_number(qtbot, make_window,
                                                                        kiosk_setup):
    _, kiosk, _ = kiosk_setup
    window = make_window()
    window.staff_services.render_badge = render_reprint
    page = staff(qtbot, window, "lookup")
    card = open_card(qtbot, page, "press", "M-001")
    path = choose(qtbot, page, card.reprint_button, 0, "reprint")
    assert qr_in_pdf(path) == ["M-001"]  # accepted by roster look-up
    assert "never issued" in card.message.text()


def test_reprint_to_a_printer_through_qt_print_support(qtbot, make_window, kiosk_setup, issued,
                                                       tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    _, kiosk, _ = kiosk_setup
    window = make_window()
    window.staff_services.render_badge = render_reprint
    page = staff(qtbot, window, "lookup")
    out = tmp_path / "printed.pdf"

    def printer(_parent):  # the print dialog's answer: a printer writing to a file
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    page.printer_for = printer
    card = open_card(qtbot, page, "wang", "E-001")
    result = choose(qtbot, page, card.reprint_button, 1, "reprint")  # "Print"
    assert isinstance(result, QPrinter)
    assert out.read_bytes()[:5] == b"%PDF-"
    assert qr_in_pdf(out) == [issued["E-001"]]
    assert card.message.text().startswith("Sent to the printer")
    qtbot.waitUntil(lambda: ("reprint_print", "E-001") in audit(kiosk), timeout=WAIT)
    page.printer_for = lambda _parent: None  # staff cancel the dialog
    assert choose(qtbot, page, card.reprint_button, 1, "reprint") is None
    assert "cancelled" in card.message.text()


def test_reprint_without_a_renderer_says_so(qtbot, make_window):
    window = make_window()
    page = staff(qtbot, window, "lookup")
    card = open_card(qtbot, page, "sana", "P-001")
    card.reprint_button.click()
    card.choice_buttons[0].click()
    assert card.message.text() == "Badge printing is not set up on this kiosk."


def test_health_shows_camera_decoder_log_hub_and_disk(qtbot, make_window, kiosk_setup):
    from tests.helpers.ui_stubs import ScriptedCamera

    _, kiosk, tokens = kiosk_setup
    camera = ScriptedCamera()
    window = make_window(camera=lambda: camera, at=local(DAYS[0], 12, 30))
    with qtbot.waitSignal(window.result_shown, timeout=WAIT):
        window.on_code(tokens["V-001"], 0.0)
    window.result.countdown.stop()
    page = staff(qtbot, window, "health")
    qtbot.waitUntil(lambda: page.values.get("last_scan", "…") not in ("…", "")
                    and page.values.get("fps", "–") != "–", timeout=WAIT)
    values = page.values
    assert values["camera"] == "Working" and float(values["fps"]) >= 0  # measured
    assert values["decoder"] == "zxing · available"
    assert values["last_scan"] == "01 Dec 12:30:00 · Accepted"
    assert values["log"].startswith("Scans: 1 ·")
    assert values["unsynced"].startswith("No hub set up") and values["hub"] == "No hub set up"
    assert values["disk"].endswith(" free")
    camera.set_status("lost")
    qtbot.waitUntil(lambda: page.values.get("camera", "").startswith("Lost"), timeout=WAIT)
    assert "staff_unlock" not in [a for a, _ in audit(kiosk)]  # unlocked by hand in this test


def test_health_counts_scans_not_yet_on_the_hub(qtbot, make_window, kiosk_setup):
    from kiosk.sync.live import SyncStatus

    _, _, tokens = kiosk_setup
    window = make_window(hub_url="postgresql://hub.invalid/kiosk")
    window.sync_status = SyncStatus(hub="hub.invalid", online=False, last_error="connection refused")
    for code in (tokens["V-001"], tokens["V-002"]):
        with qtbot.waitSignal(window.result_shown, timeout=WAIT):
            window.on_code(code, 0.0)
    page = staff(qtbot, window, "health")
    qtbot.waitUntil(lambda: page.values.get("unsynced", "…") != "…", timeout=WAIT)
    assert page.values["unsynced"] == "Waiting for the hub: 2 scans"
    assert page.values["hub"] == "Not reachable: connection refused"


def test_export_to_a_usb_stick_writes_a_bundle_that_merges(qtbot, make_window, kiosk_setup,
                                                           tmp_path):
    from kiosk.sync.bundle import read_header, verify

    _, kiosk, tokens = kiosk_setup
    stick = tmp_path / "USB-STICK"
    stick.mkdir()
    window = make_window()
    window.staff_services.drives = lambda: [("USB-STICK", stick)]
    for code in (tokens["V-001"], "nonsense"):
        with qtbot.waitSignal(window.result_shown, timeout=WAIT):
            window.on_code(code, 0.0)
    page = staff(qtbot, window, "export")
    assert page.drive_buttons[0].isVisible() and page.drive_buttons[0].text() == "Export to USB-STICK"
    with qtbot.waitSignal(page.exported, timeout=WAIT) as blocker:
        page.drive_buttons[0].click()
    summary = blocker.args[0]
    bundle = stick / summary["bundle"].split("/")[-1]
    assert bundle.exists() and summary["scans"] == 2
    header = read_header(bundle)
    verify(header)
    assert header.kiosk_id == "kiosk-1" and header.scan_count == 2
    assert page.status.text().endswith("(scans: 2)")
    qtbot.waitUntil(lambda: ("export", str(bundle)) in audit(kiosk), timeout=WAIT)
    # A folder chosen by hand works the same way.
    folder = tmp_path / "chosen"
    folder.mkdir()
    page.pick_folder = lambda _parent: folder
    with qtbot.waitSignal(page.exported, timeout=WAIT):
        page.folder_button.click()
    assert len(list(folder.glob("*.bundle"))) == 1


def test_export_to_a_folder_that_cannot_be_written_says_why(qtbot, make_window, tmp_path):
    window = make_window()
    page = staff(qtbot, window, "export")
    with qtbot.waitSignal(page.exported, timeout=WAIT) as blocker:
        page.export_to(tmp_path / "no" / "such" / "folder" / "x.bundle")
    assert isinstance(blocker.args[0], Exception)
    assert page.status.text().startswith("Export failed:")
