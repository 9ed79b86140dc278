"""The health codes a kiosk reports to the hub, read from a real cupsd's printer and job states."""

from __future__ import annotations

from kiosk.printing.cups import CupsClient, PrintError
from kiosk.services.health import needs_person, printer_code


def test_printer_codes_follow_what_cups_says(cups_queue, tmp_path):
    client = CupsClient()
    assert printer_code(client.printer(cups_queue.name)) == "ok"
    assert not needs_person("ok")

    # out of paper: CUPS stops the queue with the reason; jobs sent meanwhile wait
    cups_queue.disable("media-empty-error")
    client.submit(cups_queue.name, b"%PDF-1.4\n%%EOF\n", title="Badge V-001")
    client.submit(cups_queue.name, b"%PDF-1.4\n%%EOF\n", title="Badge V-002")
    code = printer_code(client.printer(cups_queue.name))
    assert code.split(",") == ["media-empty", "stopped", "waiting:2"]
    assert needs_person(code)

    cups_queue.enable()
    for job in client.printer(cups_queue.name).pending_jobs:
        cups_queue.wait_done(job)
    assert printer_code(client.printer(cups_queue.name)) == "ok"

    assert printer_code(client.printer("no-such-queue")) == "no-queue"
    try:
        CupsClient(server=str(tmp_path / "none.sock"), timeout=5).printer(cups_queue.name)
    except PrintError as exc:
        assert printer_code(exc) == "unreachable" and needs_person("unreachable")
    else:
        raise AssertionError("a CUPS that is not there answered")


def test_a_kiosk_without_a_printer_and_mere_warnings_ask_nobody():
    assert printer_code(None) == "none" and not needs_person("none")
    assert not needs_person("media-low") and not needs_person("waiting:3")
    assert not needs_person(None)
    assert needs_person("lost") and needs_person("media-low,media-jam")
