"""The badge printer in the kiosk window: the print after a committed check-in, and what the
attendee reads about it on the result screen.

The database work (the once-a-day claim, the record) runs on the database thread; drawing the
badge and talking to CUPS run on a printer thread of their own, so neither the screen nor the
next check-in waits for the printer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from kiosk.services.printing import (PRINT_MY_BADGE, PRINTING, BadgePrinting, PrintOutcome,
                                     PrintTicket, collect_message, in_language)
from kiosk.ui.screens import button, label
from kiosk.ui.workers import Worker


class PrintCoordinator(QObject):
    """kiosk.services.printing.BadgePrinting, driven from the GUI thread."""

    started = Signal(object)        # PrintTicket: a badge is on its way to CUPS
    printed = Signal(object)        # PrintOutcome: CUPS accepted the job
    print_failed = Signal(object)   # PrintOutcome: not printed (the check-in stands)
    recorded = Signal(object)       # PrintOutcome, once kiosk.db holds what became of it
    skipped = Signal(object)        # the attendee: their badge was printed already today
    desk_answered = Signal(object)  # the badge desk's answer to a scan (see print_code)

    def __init__(self, service: BadgePrinting, desk, parent=None):
        super().__init__(parent)
        self.service = service
        self.desk = desk
        self.tasks = Worker("Printer", parent=self)
        self.last: PrintOutcome | None = None

    # -- after a check-in ----------------------------------------------------------------------
    def after_check_in(self, result, *, asked: bool = False) -> bool:
        """Start the print a committed check-in asks for (``asked``: the attendee tapped "Print
        my badge"); False when it asks for none."""
        if not (self.service.wants(result) or (asked and self.service.offers(result))):
            return False
        service = self.service

        def claim(store, desk):
            try:
                return service.claim(store.conn, result.attendee, reason="checkin",
                                     at=result.at, scan_id=result.scan_id)
            except Exception as exc:  # no badge to print (never issued, no plain ids)
                ticket = PrintTicket(None, result.attendee, "", "checkin", "")
                return PrintOutcome(ticket, False, service.queue, problem=str(exc))

        self.desk.call(claim, self._claimed, self._claimed)  # a failure is shown as one
        return True

    def print_for(self, attendee, reason: str = "staff", callback=None) -> None:
        """A print for staff (reprint) or the attendee's "Print my badge": claim, send, record."""
        service = self.service

        def claim(store, desk):
            return service.claim(store.conn, attendee, reason=reason)

        self.desk.call(claim, lambda ticket: self._claimed(ticket, callback),
                       lambda exc: self._claimed(exc, callback))

    def _claimed(self, ticket, callback=None) -> None:
        if isinstance(ticket, Exception):
            outcome = PrintOutcome(PrintTicket(None, None, "", "checkin", ""), False,
                                   self.service.queue, problem=str(ticket))
            self._finish(outcome, callback)
            return
        if isinstance(ticket, PrintOutcome):
            self._sent(ticket, callback)
            return
        if ticket is None:
            self.skipped.emit(None)
            if callback is not None:
                callback(None)
            return  # printed already today: scanning again does not print again
        self.started.emit(ticket)
        self.tasks.submit(lambda: self.service.send(ticket),
                          lambda out: self._sent(out, callback, ticket),
                          lambda exc: self._sent(exc, callback, ticket), what="a badge print")

    def _sent(self, outcome, callback=None, ticket=None) -> None:
        if isinstance(outcome, Exception):
            outcome = PrintOutcome(ticket, False, self.service.queue, problem=str(outcome))
        service = self.service
        if outcome.ticket is not None and outcome.ticket.attendee is not None:
            self.desk.call(lambda store, desk: service.record(store.conn, outcome),
                           lambda _: self.recorded.emit(outcome))
        self._finish(outcome, callback)

    def _finish(self, outcome: PrintOutcome, callback) -> None:
        self.last = outcome
        (self.printed if outcome.ok else self.print_failed).emit(outcome)
        if callback is not None:
            callback(outcome)

    # -- the badge desk (role = "print") --------------------------------------------------------
    def print_code(self, code, callback) -> None:
        """A scan at the badge desk: ``callback((attendee, ticket or None))`` (None: printed
        already today) or ``callback(exception)`` (PrintRefused for a code that gets no badge);
        the print itself follows as after a check-in."""
        service = self.service

        def work(store, desk):
            attendee, token = service.holder(store, desk, code)
            ticket = service.claim(store.conn, attendee, reason="print_only")
            if ticket is not None:
                from dataclasses import replace

                ticket = replace(ticket, token=token)
            return attendee, ticket

        def done(answer):
            callback(answer)
            self.desk_answered.emit(answer)
            if not isinstance(answer, Exception):
                self._claimed(answer[1])

        self.desk.call(work, done, done)  # a refusal (PrintRefused) is the answer too

    # -- for the staff health page -------------------------------------------------------------
    def state(self, callback) -> None:
        """The printer's state from CUPS (a PrinterState, or the exception) on the printer thread."""
        self.tasks.submit(self.service.state, callback, callback, what="the printer's state")

    def failed(self, callback) -> None:
        service = self.service
        self.desk.call(lambda store, desk: service.failed_prints(store.conn), callback, callback)

    def jobs_of(self, callback) -> None:
        """Job id -> attendee id of the jobs this kiosk sent (database thread)."""
        service = self.service
        self.desk.call(lambda store, desk: service.jobs_of(store.conn), callback, callback)

    def retry_job(self, job_id: int, callback) -> None:
        """Release a held job or start its stopped queue; ``callback`` gets its JobState."""
        self.tasks.submit(lambda: self.service.retry_job(job_id), callback, callback,
                          what=f"retrying job {job_id}")

    def cancel_job(self, job_id: int, callback) -> None:
        """Cancel a stuck job in CUPS, then record that its badge is not printed;
        ``callback`` gets the attendee's id (or None, or the exception)."""
        service = self.service

        def cancelled(answer):
            if isinstance(answer, Exception):
                callback(answer)
                return
            self.desk.call(lambda store, desk: service.job_cancelled(store.conn, job_id),
                           callback, callback)
        self.tasks.submit(lambda: service.cancel_job(job_id), cancelled, cancelled,
                          what=f"cancelling job {job_id}")

    def retry(self, callback) -> None:
        """Start the printer again if CUPS stopped it, then print every failed badge again;
        ``callback`` gets the list of outcomes (or the exception)."""
        service = self.service

        def tickets(store, desk):
            return service.retry_tickets(store.conn, store.find_attendee)

        def send_all(tickets):
            if isinstance(tickets, Exception):
                callback(tickets)
                return

            def work():
                state = service.state()
                if state.exists and not state.enabled:
                    service.resume()
                return [service.send(t) for t in tickets]

            def sent(outcomes):
                if isinstance(outcomes, Exception):
                    callback(outcomes)
                    return
                self.desk.call(lambda store, desk: [service.record(store.conn, o)
                                                    for o in outcomes],
                               lambda _: callback(outcomes))
            self.tasks.submit(work, sent, sent, what="reprinting failed badges")

        self.desk.call(tickets, send_all, send_all)

    def stop(self) -> None:
        self.tasks.stop()


class PrintNotice:
    """The line under the result that says what became of the badge, in the attendee's
    language: "printing…", or where to collect it when the printer failed; with print_on =
    ask, the "Print my badge" button."""

    def __init__(self, result_screen):
        self.result = result_screen
        self.widget = label(name="result_print_notice")
        self.widget.hide()
        self.button = button(name="result_print_button")
        self.button.hide()
        self._on_tap = None
        self.button.clicked.connect(self._tapped)
        result_screen.insert_below(result_screen.next_step, self.widget)
        result_screen.insert_below(self.widget, self.button, Qt.AlignmentFlag.AlignCenter,
                                   control=True)
        self.state = ""

    def clear(self) -> None:
        self.state = ""
        self._on_tap = None
        self.widget.hide()
        self.button.hide()

    def offer(self, language: str, on_tap) -> None:
        """Show "Print my badge"; ``on_tap`` once, when tapped."""
        self._on_tap = on_tap
        self.button.setText(in_language(PRINT_MY_BADGE, language))
        self.button.show()

    def _tapped(self) -> None:
        on_tap, self._on_tap = self._on_tap, None
        self.button.hide()
        if on_tap is not None:
            on_tap()

    def show(self, state: str, language: str, help_point: str) -> None:
        self.state = state
        text = (collect_message(language, help_point) if state == "failed" else
                in_language(PRINTING, language))
        self.widget.setText(text)
        self.widget.setStyleSheet(f"color: {self.result.colours()[1]};")
        self.widget.show()

    def apply_theme(self, theme) -> None:
        theme.fit(self.widget, "large", bold=True)
        theme.fit(self.button, "large", bold=True)
        # Never squeezed under its words (Nastaliq is taller than a touch target).
        self.button.setMinimumHeight(max(theme.target_px, self.button.sizeHint().height()))


def show_badge_desk(window, answer) -> None:
    """The result screen at the badge desk: the name and "your badge is being printed", the
    earlier print of today, or why this code gets no badge (as a check-in would say it)."""
    from kiosk.core.outcomes import Outcome
    from kiosk.services.printing import (PRINT_ONLY_TITLE, PRINTED_ALREADY,
                                         PRINTED_ALREADY_TITLE, PrintRefused, in_language)

    language = window.language
    help_point = window.settings.help_point(language)
    result = window.result
    window.print_notice.clear()
    result.reason.show()  # (hidden for the last person if their badge printed)
    if isinstance(answer, Exception):
        outcome, reason = ((answer.outcome, answer.reason) if isinstance(answer, PrintRefused)
                           else (Outcome.INVALID, "malformed"))
        result.show_result(outcome, reason, name="", category=None, help_point=help_point,
                           seconds=window.session.result_seconds("red"))
        window.session.result("red")
        window._schedule()
        window.sounds.play("refuse")
        return
    attendee, ticket = answer
    name = {"ur": attendee.name_ur, "zh": attendee.name_zh}.get(language) or attendee.name
    if ticket is None:
        result.show_result(Outcome.DUPLICATE, "within_window", name=name,
                           category=attendee.category, help_point=help_point,
                           seconds=max(window.settings.result_seconds, 6))
        result.title.setText(in_language(PRINTED_ALREADY_TITLE, language))
        result.reason.setText(in_language(PRINTED_ALREADY, language, help=help_point))
        result.next_step.hide()
        tone = "amber"
        window.sounds.play("duplicate")
    else:
        result.show_result(Outcome.ACCEPTED, "first_entry", name=name, category=attendee.category,
                           help_point=help_point, seconds=max(window.settings.result_seconds, 5))
        result.title.setText(in_language(PRINT_ONLY_TITLE, language))
        result.reason.hide()
        result.next_step.hide()
        tone = "green"
        window.sounds.play("accept")
    window.session.result(tone)
    window._schedule()
