"""Badge printing below the UI: the badge per stock, the once-a-day rule, [printer] settings, and
the CUPS client against a real cupsd."""

from __future__ import annotations

import pytest

from kiosk.config import kiosk_from_dict
from kiosk.core.errors import KioskError
from kiosk.core.event import Attendee
from kiosk.organiser.badges import issue_tokens
from kiosk.printing.badge import render_badge, script_of
from kiosk.printing.cups import CupsClient, PrintError
from kiosk.printing.media import MEDIA
from kiosk.services.printing import BadgePrinting, PrinterSettings, collect_message
from kiosk.storage import print_log
from tests.helpers.printed import pdf_page_mm, pdf_qr_codes, pdf_text

# Each stock's size as its maker gives it (mm): ISO 216 A6, 4x6 and 4x3 inch labels, ISO/IEC 7810
# ID-1 (CR80), Brother's 62 mm continuous roll.
STOCKS = {"A6": (105, 148), "4x6in": (101.6, 152.4), "4x3in": (101.6, 76.2), "CR80": (85.6, 54),
          "62mm": (62, 100)}


@pytest.fixture
def tokens(event):
    return {a.id: (a, t) for a, t in issue_tokens(event)}


@pytest.mark.parametrize("stock", sorted(STOCKS))
@pytest.mark.parametrize("dpi", [203, 300])
def test_every_stock_prints_the_name_and_a_readable_qr(event, tokens, stock, dpi):
    attendee, token = tokens["E-001"]
    badge = render_badge(event.rules, attendee, token, MEDIA[stock], dpi)
    width, height = pdf_page_mm(badge.pdf)
    assert (round(width, 1), round(height, 1)) == STOCKS[stock]
    text = pdf_text(badge.pdf)
    assert "Wang Wei" in text and "EXHIBITOR" in text and "E-001" in text
    assert "Silk Road Electronics" in text
    assert pdf_qr_codes(badge.pdf, dpi=dpi) == [token]
    # Whole printer dots a module, at least two (a one-dot module smears on a thermal head).
    assert badge.dots_per_module >= 2
    assert badge.qr_mm == pytest.approx(badge.dots_per_module * _modules(token) / dpi * 25.4)


def _modules(token: str) -> int:
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(token)
    code.make(fit=True)
    return code.modules_count + 8


def test_a_name_in_any_script_is_drawn(event):
    for name in ("عائشہ ملک", "王伟", "Łukasz Nguyễn"):  # the last: beyond the PDF core fonts
        attendee = Attendee(id="W-1", name=name, category="visitor")
        badge = render_badge(event.rules, attendee, "W-1", MEDIA["4x3in"], 203)
        assert pdf_qr_codes(badge.pdf, dpi=203) == ["W-1"]
        assert "VISITOR" in pdf_text(badge.pdf)
    assert (script_of("عائشہ"), script_of("王伟"), script_of("Ayesha")) == ("urdu", "chinese", "latin")


def test_an_absurd_resolution_is_refused(event, tokens):
    attendee, token = tokens["V-001"]
    with pytest.raises(KioskError, match="dpi"):
        render_badge(event.rules, attendee, token, MEDIA["A6"], 20)


def test_the_attendee_side_prints_once_a_day(kiosk):
    with kiosk.open_store() as store:
        first = print_log.claim(store.conn, day="2026-12-01", attendee_id="V-001", reason="checkin")
        assert first is not None
        # Scanning again, or the print-only desk, the same day: no second badge.
        assert print_log.claim(store.conn, day="2026-12-01", attendee_id="V-001",
                               reason="checkin") is None
        assert print_log.claim(store.conn, day="2026-12-01", attendee_id="V-001",
                               reason="print_only") is None
        # Staff reprints and retries are their own rows; the next day prints again.
        assert print_log.claim(store.conn, day="2026-12-01", attendee_id="V-001", reason="staff")
        assert print_log.claim(store.conn, day="2026-12-01", attendee_id="V-001", reason="retry")
        assert print_log.claim(store.conn, day="2026-12-02", attendee_id="V-001", reason="checkin")
        assert print_log.printed_today(store.conn, "2026-12-01", "V-001")
        assert not print_log.printed_today(store.conn, "2026-12-01", "V-002")
    with kiosk.open_store() as store:  # it holds across a restart
        assert print_log.claim(store.conn, day="2026-12-01", attendee_id="V-001",
                               reason="checkin") is None


@pytest.mark.parametrize("printer, words", [
    ({"queue": ""}, "printer.queue"),
    ({"queue": "two words"}, "printer.queue"),
    ({"queue": "q", "media": "A4"}, "printer.media"),
    ({"queue": "q", "copies": 0}, "printer.copies"),
    ({"queue": "q", "copies": 6}, "printer.copies"),
    ({"queue": "q", "print_on": "always"}, "printer.print_on"),
    ({"queue": "q", "dpi": 72}, "printer.dpi"),
    ({"queue": "q", "colour": True}, "printer.colour"),
    ({"media": "A6"}, "printer.queue"),
])
def test_bad_printer_settings_name_the_field(printer, words):
    with pytest.raises(KioskError, match=words.replace(".", r"\.")) as info:
        kiosk_from_dict({"kiosk_id": "k", "event_id": "e", "venue": "lahore", "printer": printer},
                        "kiosk.toml")
    assert str(info.value).startswith("kiosk.toml: ") and "\n" not in str(info.value)


def test_the_help_desk_message_in_each_language():
    assert "help desk at Gate 1" in collect_message("en", "help desk at Gate 1")
    assert "گیٹ 1" in collect_message("ur", "گیٹ 1")
    assert "1号门" in collect_message("zh", "1号门")
    assert collect_message("fr", "x") == collect_message("en", "x")


# -- the CUPS client against a real cupsd ------------------------------------------------------

def test_printer_states_from_cups(cups_queue):
    client = CupsClient()
    state = client.printer(cups_queue.name)
    assert state.exists and state.ok and state.state == "idle" and state.problems == []
    cups_queue.disable("media-empty-error")
    state = client.printer(cups_queue.name)
    assert not state.ok and state.state == "stopped" and "out of paper or labels" in state.problems
    cups_queue.enable()
    assert client.printer(cups_queue.name).ok
    missing = client.printer("no-such-queue")
    assert not missing.exists and not missing.ok and "no CUPS queue" in missing.summary()


def test_stuck_jobs_and_printer_reasons_in_the_staffs_language(cups_queue, cups_server):
    """Job states and printer-state-reasons as CUPS gives them (a held job, a stopped queue,
    one that refuses jobs), said in English, Urdu and Chinese; release and accept undo them."""
    from kiosk.services.printing import job_words, printer_problems

    import subprocess

    client = CupsClient()
    held = subprocess.run(["lp", "-d", cups_queue.name, "-H", "indefinite", "-t", "Badge V-001",
                           "-"], input="a badge", capture_output=True, text=True)  # CUPS_SERVER set
    assert held.returncode == 0, held.stderr
    job_id = int(held.stdout.split("-")[-1].split()[0])
    state = client.printer(cups_queue.name)
    (job,) = state.jobs
    assert (job.job_id, job.state, job.stuck) == (job_id, "held", True)
    assert "job-hold-until-specified" in job.alerts
    assert job_words(job, "en") == f"Job {job_id} · held"
    assert job_words(job, "ur") == f"کام {job_id} · روکا گیا"
    assert state.ok  # a held job is not the printer's fault
    assert cups_server.lp("cupsreject", cups_queue.name).returncode == 0
    cups_queue.disable("media-empty-error")  # (the later message is the one CUPS keeps)
    state = client.printer(cups_queue.name)
    assert not state.enabled and not state.accepting
    assert printer_problems(state, "en") == ["out of paper or labels", "refusing new jobs"]
    assert printer_problems(state, "ur") == ["کاغذ یا لیبل ختم", "نئے کام نہیں لے رہا"]
    assert printer_problems(state, "zh") == ["纸张或标签用完", "拒绝新任务"]
    assert cups_server.lp("cupsdisable", "-r", "someone pulled the cable",
                          cups_queue.name).returncode == 0
    assert printer_problems(client.printer(cups_queue.name), "en")[0] == \
        "stopped (someone pulled the cable)"
    # What Retry on the health page does: release, accept, start again.
    client.release(cups_queue.name, job_id)
    client.accept(cups_queue.name)
    client.resume(cups_queue.name)
    assert cups_queue.wait_done(job_id) == "done"
    state = client.printer(cups_queue.name)
    assert state.ok and state.jobs == () and printer_problems(state, "en") == []
    with pytest.raises(PrintError, match="cannot release job"):
        client.release(cups_queue.name, job_id)  # finished: CUPS says so, in one line


def test_a_job_is_accepted_and_kept(cups_queue, event, tokens):
    attendee, token = tokens["V-001"]
    badge = render_badge(event.rules, attendee, token, MEDIA["A6"], 300)
    client = CupsClient()
    job = client.submit(cups_queue.name, badge.pdf, title="Badge V-001", media="iso_a6_105x148mm")
    cups_queue.wait_done(job)
    assert client.job(cups_queue.name, job).state == "completed"
    received = cups_queue.job_files(job)[0].read_bytes()
    assert received == badge.pdf  # CUPS received exactly the badge


def test_cups_not_running_is_a_print_error(tmp_path):
    client = CupsClient(server=str(tmp_path / "none.sock"), timeout=5)
    with pytest.raises(PrintError, match="cannot reach CUPS"):
        client.printer("badges")
    with pytest.raises(PrintError, match="CUPS refused"):
        client.submit("badges", b"%PDF-1.4", title="x")


def test_the_service_records_a_failed_print_and_retries_it(kiosk, cups_queue, event):
    import sqlite3

    from kiosk.organiser.badges import write_badges

    write_badges(event, kiosk.path.parent / "badges")
    from kiosk.organiser.kioskdir import init_kiosk

    init_kiosk(kiosk.path, event, kiosk_id="kiosk-1", venue="lahore", gate="Gate 1")
    printing = BadgePrinting(PrinterSettings(queue=cups_queue.name, media="CR80", dpi=203),
                             event.rules, kiosk_id="kiosk-1")
    with kiosk.open_store() as store:
        attendee = store.find_attendee("V-002")
        cups_queue.disable("media-jam-error")
        ticket = printing.claim(store.conn, attendee, reason="checkin")
        outcome = printing.send(ticket)
        printing.record(store.conn, outcome)
        assert not outcome.ok and "paper jam" in outcome.problem and outcome.job_id is None
        assert [r.attendee_id for r in print_log.failed(store.conn)] == ["V-002"]
        cups_queue.enable()
        tickets = printing.retry_tickets(store.conn, store.find_attendee)
        assert [t.attendee.id for t in tickets] == ["V-002"]
        outcome = printing.send(tickets[0])
        printing.record(store.conn, outcome)
        assert outcome.ok and print_log.failed(store.conn) == []
        token = store.conn.execute("SELECT token FROM issued_badges WHERE attendee_id = 'V-002'"
                                   ).fetchone()[0]
    document = cups_queue.job_files(outcome.job_id)[0].read_bytes()
    assert "Ayesha Malik" in pdf_text(document) and pdf_qr_codes(document, dpi=203) == [token]
    with sqlite3.connect(kiosk.db_path) as conn:
        states = conn.execute("SELECT reason, state FROM badge_prints ORDER BY print_id").fetchall()
        audit = [r[0] for r in conn.execute(
            "SELECT action || ' ' || detail FROM audit_log WHERE action LIKE 'badge_print%' "
            "ORDER BY seq")]
    assert states == [("checkin", "retried"), ("retry", "sent")]
    assert audit[0].startswith("badge_print_failed checkin: failed: ")
    assert audit[1].startswith("badge_print retry: job ")


def test_the_kiosk_run_parts_follow_kiosk_toml_and_event_toml():
    from kiosk.commands.app import badge_printing, no_badge_checkin, walk_in_registration
    from kiosk.config import event_from_dict

    def kiosk(**extra):
        return kiosk_from_dict({"kiosk_id": "k", "event_id": "e", "venue": "lahore", **extra})

    def event(**extra):
        return event_from_dict({"id": "itcn-test", "name": "ITCN", "days": ["2026-12-01"],
                                "venues": ["lahore"], **extra})

    assert badge_printing(kiosk(), event()) is None
    desk = badge_printing(kiosk(role="print", printer={"queue": "badges"}), event())
    assert desk.print_only and desk.queue == "badges"
    with pytest.raises(KioskError, match="needs a \\[printer\\]"):
        badge_printing(kiosk(role="print"), event())
    assert no_badge_checkin(kiosk(), event()) is not None
    assert no_badge_checkin(kiosk(), event(no_badge_checkin=False)) is None
    assert no_badge_checkin(kiosk(role="exit"), event()) is None
    assert walk_in_registration(kiosk(), event()) is None  # off unless the event allows it
    assert walk_in_registration(kiosk(), event(walk_ins=True)) is not None
    assert walk_in_registration(kiosk(), event(walk_ins=True, accept_plain_ids=False)) is None


def test_the_printing_words_are_one_catalogue_for_the_screens_the_staff_and_the_web():
    """The printing words come from the translators' files, and the web dashboard calls a
    printer's state what the staff health page calls it, in every language."""
    from kiosk.config.words import load_catalogue
    from kiosk.services import printing
    from kiosk.web.text import words

    sources = [printing.COLLECT_AT_HELP_DESK, printing.PRINT_MY_BADGE, printing.PRINTING,
               printing.PRINT_ONLY_TITLE, printing.PRINTED_ALREADY_TITLE, printing.PRINTED_ALREADY,
               printing.JOB, *printing.PRINTER_REASONS.values(), *printing.JOB_STATES.values(),
               *printing.JOB_ACTIONS.values()]
    for lang in ("ur", "zh"):
        catalogue = load_catalogue(lang)
        missing = [s for s in sources if ("Printing", s) not in catalogue.entries]
        assert not missing, (lang, missing)
        assert printing.in_language(printing.PRINT_MY_BADGE, lang) != printing.PRINT_MY_BADGE
        web = words(lang)
        for reason in printing.PRINTER_REASONS:
            staff = printing.reason_words(reason, lang)
            assert web[f"h_{reason}"].lower() == staff.lower(), (lang, reason)
    assert words("en")["h_media-empty"] == "Out of paper or labels"
    assert printing.collect_message("zh", "服务台").endswith("服务台领取。")
