"""The badge printer in the running kiosk, against a real cupsd: scan → green → the badge job in
CUPS with the right name and a QR that checks in; once a day; a printer out of paper keeps the
green, tells the attendee where to collect the badge, shows on the staff health page, and the
retry there prints it. Real window, real kiosk.db, real CUPS; no sleeps."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from kiosk.organiser.badges import write_badges
from kiosk.organiser.kioskdir import build_desk, init_kiosk
from kiosk.services.printing import BadgePrinting, PrinterSettings
from tests.helpers.factories import DAYS, local
from tests.helpers.printed import pdf_qr_codes, pdf_text

WAIT = 15_000


@pytest.fixture
def issued(kiosk_setup, tmp_path):
    """Badges issued by the organiser (badges.csv is the expected truth) and copied to the kiosk."""
    event, kiosk, _ = kiosk_setup
    badges = {b.attendee.id: b for b in write_badges(event, tmp_path / "badges")}
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    return badges


@pytest.fixture
def printing(kiosk_setup, cups_queue):
    event, _, _ = kiosk_setup
    return BadgePrinting(PrinterSettings(queue=cups_queue.name, media="4x3in", dpi=203),
                         event.rules, kiosk_id="kiosk-1")


def rows(kiosk, sql, *params):
    with sqlite3.connect(kiosk.db_path) as conn:
        return conn.execute(sql, params).fetchall()


def scan(qtbot, window, code):
    with qtbot.waitSignal(window.result_shown, timeout=WAIT) as shown:
        window.on_code(code, 0.0)
    return shown.args[0]


def test_scan_green_then_the_badge_in_cups(qtbot, make_window, kiosk_setup, issued, printing,
                                           cups_queue):
    _, kiosk, _ = kiosk_setup
    clock = {"now": local(DAYS[0], 11)}

    def opener():
        store = kiosk.open_store()
        return store, build_desk(kiosk, store, clock=lambda: clock["now"])

    window = make_window(printing=printing, opener=opener)
    badge = issued["V-001"]
    with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as done:
        result = scan(qtbot, window, badge.token)
        assert result.tone == "green"
        # Green is on screen before anything goes to the printer, and the scan is committed.
        assert rows(kiosk, "SELECT outcome FROM scans") == [("accepted",)]
    outcome = done.args[0]
    assert outcome.ok and outcome.attendee_id == "V-001"
    assert window.current_page() == "result" and window.print_notice.state == "printing"
    document = cups_queue.job_files(outcome.job_id)[0].read_bytes()
    assert badge.attendee.name in pdf_text(document)
    (code,) = pdf_qr_codes(document, dpi=203)
    assert code == badge.token
    # The printed QR checks in (a re-entry now), and scanning again prints nothing more.
    window.result.countdown.stop()
    clock["now"] = local(DAYS[0], 15)  # back after lunch
    with qtbot.waitSignal(window.printer.skipped, timeout=WAIT):
        again = scan(qtbot, window, code)
    assert again.outcome.value == "reentry" and again.attendee.id == "V-001"
    assert rows(kiosk, "SELECT reason, state FROM badge_prints") == [("checkin", "sent")]
    assert window.print_notice.state == ""
    # A refused scan prints nothing.
    scan(qtbot, window, issued["V-003"].token)  # valid on day two only
    assert rows(kiosk, "SELECT COUNT(*) FROM badge_prints") == [(1,)]


def test_out_of_paper_keeps_the_green_and_staff_retry_prints(qtbot, make_window, kiosk_setup,
                                                             issued, printing, cups_queue):
    _, kiosk, _ = kiosk_setup
    window = make_window(printing=printing, at=local(DAYS[0], 11))
    window.set_language("ur")
    cups_queue.disable("media-empty-error")
    with qtbot.waitSignal(window.printer.print_failed, timeout=WAIT) as failed:
        result = scan(qtbot, window, issued["V-002"].token)
    assert result.tone == "green" and window.current_page() == "result"
    assert "out of paper" in failed.args[0].problem
    notice = window.print_notice.widget
    assert window.print_notice.state == "failed" and notice.isVisible()
    assert "گیٹ 1 پر رجسٹریشن ڈیسک" in notice.text() and "بیج" in notice.text()
    assert rows(kiosk, "SELECT outcome FROM scans") == [("accepted",)]  # the check-in stands
    window.result.grab().save(str(kiosk.path.parent / "print-failed-ur.png"))
    qtbot.waitUntil(lambda: rows(kiosk, "SELECT state FROM badge_prints") == [("failed",)],
                    timeout=WAIT)

    window.set_language("en")
    window.unlocked = True
    window.show_page("staff")
    window.staff.show_tool("health")
    panel = window.staff.tools["health"].printer
    qtbot.waitUntil(lambda: "out of paper" in panel.value.text()
                    and "V-002" in panel.failed_value.text(), timeout=WAIT)
    assert "Stopped" in panel.value.text() and panel.retry_button.isVisible()
    window.staff.grab().save(str(kiosk.path.parent / "print-health.png"))

    with qtbot.waitSignal(panel.retried, timeout=WAIT) as retried:
        panel.retry_button.click()  # staff loaded paper; the retry starts the queue again
    (outcome,) = retried.args[0]
    assert outcome.ok
    document = cups_queue.job_files(outcome.job_id)[0].read_bytes()
    assert "Ayesha Malik" in pdf_text(document)
    assert pdf_qr_codes(document, dpi=203) == [issued["V-002"].token]
    qtbot.waitUntil(lambda: panel.failed_value.text().startswith("None"), timeout=WAIT)
    assert rows(kiosk, "SELECT reason, state FROM badge_prints ORDER BY print_id") == [
        ("checkin", "retried"), ("retry", "sent")]
    actions = [a for (a,) in rows(kiosk, "SELECT action FROM audit_log ORDER BY seq")]
    # the failed print is audited as failed, the retry as sent (never "sent" for a failure)
    assert actions == ["badge_print_failed", "printer_retry", "badge_print"]


def ran_on_the_device(server, queue: str, job_id: int) -> bool:
    """CUPS's page log has a line for every job it sent to the printer (not a cancelled one)."""
    import re

    log = server.root / "log" / "page_log"
    text = log.read_text() if log.exists() else ""
    return re.search(rf"^{re.escape(queue)} \S+ {job_id} ", text, re.M) is not None


def test_stuck_jobs_on_the_health_page_retry_and_cancel(qtbot, make_window, kiosk_setup,
                                                       issued, printing, cups_queue,
                                                       cups_server):
    """Jobs CUPS accepted but holds (the queue holds every job until released, as release
    printing does), then the printer runs out of paper: the health page names each job's state
    and CUPS's reasons in the staff's language; Retry releases a job and starts the queue,
    Cancel takes a job out and its badge joins those to print again."""
    _, kiosk, _ = kiosk_setup

    def lpadmin(*options):
        result = cups_server.lp("lpadmin", "-p", cups_queue.name, *options)
        assert result.returncode == 0, result.stderr

    lpadmin("-o", "job-hold-until-default=indefinite")
    window = make_window(printing=printing, at=local(DAYS[0], 11))
    jobs = {}
    for who in ("V-001", "V-002"):
        with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as printed:
            scan(qtbot, window, issued[who].token)
        assert printed.args[0].ok  # CUPS accepted the job: the kiosk's part is done
        jobs[who] = printed.args[0].job_id
        window.result.countdown.stop()
    lpadmin("-o", "job-hold-until-default=no-hold")
    cups_queue.disable("media-empty-error")  # and then the labels ran out

    window.set_language("ur")
    window.unlocked = True
    window.show_page("staff")
    window.staff.show_tool("health")
    panel = window.staff.tools["health"].printer

    def job_text(who):
        return panel.job_texts.get(jobs[who], "")

    # In Urdu: the printer is out of labels, each job is held, for whom.
    qtbot.waitUntil(lambda: "کاغذ یا لیبل ختم" in panel.value.text()
                    and "روکا گیا" in job_text("V-001") and "V-002" in job_text("V-002"),
                    timeout=WAIT)
    retry, cancel = panel.job_rows[jobs["V-001"]][1:]
    qtbot.waitUntil(lambda: retry.isVisible() and cancel.isVisible(), timeout=WAIT)
    assert (retry.text(), cancel.text()) == ("دوبارہ کوشش", "منسوخ کریں")
    window.staff.grab().save(str(kiosk.path.parent / "stuck-jobs-ur.png"))
    window.set_language("en")
    qtbot.waitUntil(lambda: "out of paper or labels" in panel.value.text()
                    and "held" in job_text("V-001"), timeout=WAIT)
    window.staff.grab().save(str(kiosk.path.parent / "stuck-jobs.png"))

    # Retry: the job is released and the queue started (labels loaded): it prints.
    with qtbot.waitSignal(panel.job_retried, timeout=WAIT) as retried:
        panel.job_rows[jobs["V-001"]][1].click()
    assert not isinstance(retried.args[0], Exception), retried.args[0]
    assert cups_queue.wait_done(jobs["V-001"]) == "done"
    assert ran_on_the_device(cups_server, cups_queue.name, jobs["V-001"])
    document = cups_queue.job_files(jobs["V-001"])[0].read_bytes()
    assert issued["V-001"].attendee.name in pdf_text(document)
    # The other job stays held until staff act on it (it comes to the front); the queue itself
    # is ready again.
    qtbot.waitUntil(lambda: list(panel.job_rows) == [jobs["V-002"]]
                    and "held" in job_text("V-002"), timeout=WAIT)
    assert "out of paper" not in panel.value.text()

    # Cancel: the job leaves CUPS, and its badge is among those to print again.
    with qtbot.waitSignal(panel.job_cancelled, timeout=WAIT) as cancelled:
        panel.job_rows[jobs["V-002"]][2].click()
    assert cancelled.args[0] == "V-002"
    assert cups_queue.wait_done(jobs["V-002"]) == "done"
    assert not ran_on_the_device(cups_server, cups_queue.name, jobs["V-002"])
    qtbot.waitUntil(lambda: not panel.job_rows and "V-002" in panel.failed_value.text(),
                    timeout=WAIT)
    assert rows(kiosk, "SELECT attendee_id, state, detail FROM badge_prints ORDER BY print_id") \
        == [("V-001", "sent", ""), ("V-002", "failed", "cancelled by staff")]
    with qtbot.waitSignal(panel.retried, timeout=WAIT) as again:
        panel.retry_button.click()
    (outcome,) = again.args[0]
    assert outcome.ok and outcome.attendee_id == "V-002"
    actions = [a for (a,) in rows(kiosk, "SELECT action FROM audit_log ORDER BY seq")]
    assert "printer_retry_job" in actions and "printer_cancel" in actions


def test_no_printer_at_all_never_blocks_a_check_in(qtbot, make_window, kiosk_setup, issued,
                                                   tmp_path):
    event, kiosk, _ = kiosk_setup
    from kiosk.printing.cups import CupsClient

    nowhere = BadgePrinting(PrinterSettings(queue="badges", dpi=203), event.rules,
                            kiosk_id="kiosk-1", client=CupsClient(str(tmp_path / "none.sock")))
    window = make_window(printing=nowhere, at=local(DAYS[0], 11))
    with qtbot.waitSignal(window.printer.print_failed, timeout=WAIT) as failed:
        result = scan(qtbot, window, issued["V-001"].token)
    assert result.tone == "green" and "cannot reach CUPS" in failed.args[0].problem
    assert "the registration desk at Gate 1" in window.print_notice.widget.text()


def test_the_badge_desk_prints_without_admitting(qtbot, make_window, kiosk_setup, issued,
                                                 cups_queue):
    event, kiosk, _ = kiosk_setup
    desk = BadgePrinting(PrinterSettings(queue=cups_queue.name, media="CR80", dpi=300),
                         event.rules, kiosk_id="kiosk-1", print_only=True)
    # Before the doors open (07:30), a day-two visitor and a registration number alike.
    window = make_window(printing=desk, at=local(DAYS[0], 7, 30))
    window.set_language("zh")
    with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as done:
        window.on_code(issued["V-003"].token, 0.0)
    assert window.current_page() == "result" and window.result.tone == "green"
    assert window.result.title.text() == "正在为您打印胸卡"
    assert window.result.name.text() == "Day Two Only"
    window.grab().save(str(kiosk.path.parent / "badge-desk-zh.png"))
    document = cups_queue.job_files(done.args[0].job_id)[0].read_bytes()
    assert pdf_qr_codes(document, dpi=300) == [issued["V-003"].token]
    assert rows(kiosk, "SELECT COUNT(*) FROM scans") == [(0,)]  # nobody was admitted
    # The same person again: no second badge, and where to ask for one.
    with qtbot.waitSignal(window.printer.skipped, timeout=WAIT):
        window.on_code(issued["V-003"].token, 0.0)
    assert window.result.tone == "amber" and "1号门登记处" in window.result.reason.text()
    assert window.result.reason.isVisible() and window.result.title.text() == "今天已打印"
    window.grab().save(str(kiosk.path.parent / "badge-desk-again-zh.png"))
    # A blocked badge and a stranger's code get none.
    from kiosk.storage.roster import revocation_key, set_revocation

    with kiosk.open_store() as store:
        set_revocation(store.conn, revocation_key("id", "V-001"), "id", reason="lost")
    for code, outcome in ((issued["V-001"].token, "revoked"), ("NOBODY-9", "unknown"),
                          ("ITC1:AAAA", "invalid")):
        with qtbot.waitSignal(window.printer.desk_answered, timeout=WAIT):
            window.on_code(code, 0.0)
        assert window.result.tone == "red" and window.result.outcome.value == outcome
    assert rows(kiosk, "SELECT attendee_id, reason FROM badge_prints") == [("V-003", "print_only")]
    assert rows(kiosk, "SELECT COUNT(*) FROM scans") == [(0,)]


def test_staff_reprint_on_the_badge_printer_is_audited(qtbot, make_window, kiosk_setup, issued,
                                                       printing, cups_queue):
    from tests.ui.test_staff_tools import choose, open_card, staff

    _, kiosk, _ = kiosk_setup
    window = make_window(printing=printing, at=local(DAYS[0], 11))
    page = staff(qtbot, window, "lookup")
    for query in ("wang", ""):  # staff may reprint as often as needed, each time audited
        card = open_card(qtbot, page, query, "E-001")
        outcome = choose(qtbot, page, card.reprint_button, 2, "reprint")  # "Badge printer"
        assert outcome.ok and card.message.text().startswith("Sent to the badge printer")
        document = cups_queue.job_files(outcome.job_id)[0].read_bytes()
        assert "Wang Wei" in pdf_text(document)
        assert pdf_qr_codes(document, dpi=203) == [issued["E-001"].token]
    qtbot.waitUntil(lambda: len(rows(kiosk, "SELECT 1 FROM audit_log WHERE action = "
                                         "'badge_print' AND subject = 'E-001'")) == 2, timeout=WAIT)
    assert rows(kiosk, "SELECT reason, state FROM badge_prints") == [("staff", "sent")] * 2
    assert rows(kiosk, "SELECT COUNT(*) FROM scans") == [(0,)]


def test_no_badge_email_then_name_checks_in_and_prints(qtbot, make_window, kiosk_setup,
                                                       printing, cups_queue, tmp_path):
    from kiosk.services.no_badge import NoBadge
    from tests.helpers.contacts import add_contacts

    event, kiosk, _ = kiosk_setup
    add_contacts(event, tmp_path)
    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    moment = local(DAYS[0], 11)
    window = make_window(printing=printing, at=moment,
                         no_badge=NoBadge("kiosk-1", clock=lambda: moment))
    window.attract.scan_button.click()
    window.scan.no_badge_button.click()
    assert window.current_page() == "no_badge"
    screen = window.pages["no_badge"]

    def type_in(text):
        for ch in text:
            screen.keyboard.keys[ch.upper()].click()

    # A near miss names no one and lists no one.
    type_in("ayesha@example.pk")
    with qtbot.waitSignal(screen.answered, timeout=WAIT) as answer:
        screen.go_button.click()
    assert answer.args[0] == "not_found" and "Ayesha" not in screen.message.text()
    assert "the registration desk at Gate 1" in screen.message.text()
    type_in("ayesha.s@example.pk")
    with qtbot.waitSignal(screen.answered, timeout=WAIT) as answer:
        screen.go_button.click()
    assert answer.args[0] == "asked" and "first three letters" in screen.prompt.text()
    assert "Ayesha" not in screen.prompt.text()  # the name is the person's to give
    window.grab().save(str(kiosk.path.parent / "no-badge-confirm.png"))
    type_in("aye")
    with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as printed:
        with qtbot.waitSignal(window.result_shown, timeout=WAIT) as shown:
            screen.go_button.click()
    result = shown.args[0]
    assert result.tone == "green" and result.attendee.id == "C-001"
    assert rows(kiosk, "SELECT method FROM scans") == [("no_badge",)]
    outcome = printed.args[0]
    document = cups_queue.job_files(outcome.job_id)[0].read_bytes()
    assert "Ayesha Siddiqui" in pdf_text(document)
    assert pdf_qr_codes(document, dpi=203) == ["C-001"]  # the plain registration number
    actions = [a for (a,) in rows(kiosk, "SELECT action FROM audit_log ORDER BY seq")]
    assert actions == ["no_badge_failed", "no_badge_lookup", "no_badge_confirmed"]


def tap(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_keys(keyboard, keys: str):
    """Tap keys of the on-screen keyboard (its key ids are the Latin letters and digits in
    every layout; the Urdu layout types the Urdu letter on each)."""
    for key in keys:
        keyboard.keys["space" if key == " " else key].click()


def name_ink(document: bytes, dpi: int) -> float:
    """The share of dark dots in the name's line of a 4x3in badge (below the event band, left
    of the QR: kiosk/printing/badge.py's landscape layout)."""
    import numpy as np
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(document)
    try:
        page = np.asarray(pdf[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
    finally:
        pdf.close()
    dots = dpi / 25.4
    box = page[int(10.5 * dots):int(20.5 * dots), int(3.5 * dots):int(50 * dots)]
    return float((box < 128).mean())


def open_walk_in(window):
    window.attract.scan_button.click()
    window.scan.walk_in_button.click()
    assert window.current_page() == "walk_in"
    return window.pages["walk_in"]


def test_a_walk_in_registers_checks_in_and_gets_a_badge(qtbot, make_window, kiosk_setup,
                                                        printing, cups_queue):
    from kiosk.services.walk_in import WalkIns
    from kiosk.storage.walk_ins import walk_ins

    _, kiosk, _ = kiosk_setup
    window = make_window(printing=printing, at=local(DAYS[0], 11), walk_ins=WalkIns("kiosk-1"))
    screen = open_walk_in(window)
    board = screen.keyboard
    type_keys(board, "zara haider")
    with qtbot.waitSignal(screen.answered, timeout=WAIT) as answer:
        screen.go_button.click()
    assert answer.args[0] == "contact" and "phone number or an e-mail" in screen.message.text()
    tap(qtbot, screen.fields["company"])
    type_keys(board, "lahore looms")
    tap(qtbot, screen.fields["phone"])
    assert board.layout_name == "digits"  # the phone gets the number pad
    type_keys(board, "03335550001")
    qtbot.waitUntil(lambda: all(k.isVisible() for k in board.keys.values()))  # the number pad
    window.grab().save(str(kiosk.path.parent / "walk-in.png"))
    with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as printed:
        with qtbot.waitSignal(window.result_shown, timeout=WAIT) as shown:
            screen.go_button.click()
    result = shown.args[0]
    assert result.tone == "green" and result.attendee.id == "WI-KIOSK-1-0001"
    assert result.attendee.name == "Zara Haider" and window.current_page() == "result"
    document = cups_queue.job_files(printed.args[0].job_id)[0].read_bytes()
    assert "Zara Haider" in pdf_text(document) and "Lahore Looms" in pdf_text(document)
    assert pdf_qr_codes(document, dpi=203) == ["WI-KIOSK-1-0001"]  # a plain-id QR
    with sqlite3.connect(kiosk.db_path) as conn:
        assert conn.execute("SELECT method, outcome FROM scans").fetchall() == [
            ("walk_in", "accepted")]
    with kiosk.open_store() as store:
        assert [w["phone"] for w in walk_ins(store.conn)] == ["03335550001"]


def test_a_walk_in_is_printed_then_in_the_next_bundle_and_on_the_hub(
        qtbot, make_window, kiosk_setup, printing, cups_queue, hub_url, tmp_path):
    """The issue's last journey: walk-in -> printed -> in the next bundle and on the hub; the
    name typed in Urdu on the phonetic layout and the e-mail with the sign keys, all by taps."""
    import psycopg

    from kiosk.cli import main
    from kiosk.services.walk_in import WalkIns
    from kiosk.sync.bundle import read_header, read_walk_ins, verify

    _, kiosk, _ = kiosk_setup
    window = make_window(printing=printing, at=local(DAYS[0], 11), walk_ins=WalkIns("kiosk-1"))
    screen = open_walk_in(window)
    board = screen.keyboard
    assert board.layout_name == "latin"
    board.keys["layout_urdu"].click()
    type_keys(board, "zara hidr")  # ز ا ر ا, space, ح ی د ر
    urdu_name = "زارا حیدر"
    assert screen.fields["name"].text() == urdu_name
    assert screen.preview.isVisible() and screen.preview.text() == urdu_name
    qtbot.waitUntil(lambda: all(k.isVisible() for k in board.keys.values()))
    window.grab().save(str(tmp_path / "walk-in-urdu-keys.png"))
    tap(qtbot, screen.fields["email"])
    assert board.layout_name == "latin" and screen.sign_keys["at"].isVisible()
    type_keys(board, "zara")
    screen.sign_keys["at"].click()
    type_keys(board, "example")
    screen.sign_keys["dot"].click()
    type_keys(board, "pk")
    assert screen.fields["email"].text() == "zara@example.pk"
    qtbot.waitUntil(lambda: all(k.isVisible() for k in board.keys.values()))
    window.grab().save(str(tmp_path / "walk-in-urdu.png"))
    with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as printed:
        with qtbot.waitSignal(window.result_shown, timeout=WAIT) as shown:
            screen.go_button.click()
    result = shown.args[0]
    assert result.tone == "green" and result.attendee.name == urdu_name
    number = result.attendee.id
    assert number == "WI-KIOSK-1-0001"
    document = cups_queue.job_files(printed.args[0].job_id)[0].read_bytes()
    assert pdf_qr_codes(document, dpi=203) == [number]
    # The Urdu name is not set as Latin PDF text (Helvetica has no Urdu: it would be '?'s);
    # it is drawn, shaped, as an image, so the page carries no text of it at all.
    assert urdu_name not in pdf_text(document) and "?" not in pdf_text(document)
    assert name_ink(document, dpi=203) > 0.015  # drawn in the name's line (a dot: 0.003)
    window.result.countdown.stop()

    def cli(*args):
        code = main([str(a) for a in args])
        return code

    # The next bundle carries the walk-in, signed, and passes the merge's checks.
    bundle = tmp_path / "next.bundle"
    assert cli("export", "--kiosk", kiosk.path, "--out", bundle) == 0
    header = read_header(bundle)
    verify(header)
    assert [(r[1], r[4], r[7]) for r in read_walk_ins(header)] == [
        (number, urdu_name, "zara@example.pk")]
    # And the hub has it after a push.
    assert cli("hub", "init", hub_url) == 0
    assert cli("push", "--kiosk", kiosk.path, "--hub", hub_url) == 0
    with psycopg.connect(hub_url) as conn:
        assert conn.execute("SELECT attendee_id, kiosk_id, name, email FROM walk_ins").fetchall() \
            == [(number, "kiosk-1", urdu_name, "zara@example.pk")]
        assert conn.execute("SELECT attendee_id, method FROM scans").fetchall() == [
            (number, "walk_in")]


def test_print_on_ask_prints_only_when_the_attendee_taps(qtbot, make_window, kiosk_setup,
                                                         issued, cups_queue):
    event, kiosk, _ = kiosk_setup
    asking = BadgePrinting(PrinterSettings(queue=cups_queue.name, print_on="ask", dpi=203),
                           event.rules, kiosk_id="kiosk-1")
    window = make_window(printing=asking, at=local(DAYS[0], 11))
    window.set_language("ur")
    scan(qtbot, window, issued["P-001"].token)
    offer = window.print_notice.button
    assert offer.isVisible() and offer.text() == "میرا بیج پرنٹ کریں"
    assert rows(kiosk, "SELECT COUNT(*) FROM badge_prints") == [(0,)]  # nothing until asked
    with qtbot.waitSignal(window.printer.recorded, timeout=WAIT) as printed:
        offer.click()
    assert not offer.isVisible() and window.current_page() == "result"
    document = cups_queue.job_files(printed.args[0].job_id)[0].read_bytes()
    assert "Sana Qureshi" in pdf_text(document)
    assert rows(kiosk, "SELECT reason, state FROM badge_prints") == [("checkin", "sent")]
