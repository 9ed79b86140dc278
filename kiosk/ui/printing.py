"""The badge printer in the kiosk window: the print after a committed check-in, and what the
attendee reads about it on the result screen.

The database work (the once-a-day claim, the record) runs on the database thread; drawing the
badge and talking to CUPS run on a printer thread of their own, so neither the screen nor the
next check-in waits for the printer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.services.printing import PRINTING, BadgePrinting, PrintOutcome, PrintTicket, collect_message
from kiosk.ui.screens import label
from kiosk.ui.staff.tasks import BackgroundTasks
from kiosk.ui.theme import TONES


class PrintCoordinator(QObject):
    """kiosk.services.printing.BadgePrinting, driven from the GUI thread."""

    started = Signal(object)        # PrintTicket: a badge is on its way to CUPS
    printed = Signal(object)        # PrintOutcome: CUPS accepted the job
    print_failed = Signal(object)   # PrintOutcome: not printed (the check-in stands)
    recorded = Signal(object)       # PrintOutcome, once kiosk.db holds what became of it
    skipped = Signal(object)        # the attendee: their badge was printed already today

    def __init__(self, service: BadgePrinting, desk, parent=None):
        super().__init__(parent)
        self.service = service
        self.desk = desk
        self.tasks = BackgroundTasks("Printer")
        self.last: PrintOutcome | None = None

    # -- after a check-in ----------------------------------------------------------------------
    def after_check_in(self, result) -> bool:
        """Start the print a committed check-in asks for; False when it asks for none."""
        if not self.service.wants(result):
            return False
        service = self.service

        def claim(store, desk):
            try:
                return service.claim_after(store.conn, result)
            except Exception as exc:  # no badge to print (never issued, no plain ids)
                ticket = PrintTicket(None, result.attendee, "", "checkin", "")
                return PrintOutcome(ticket, False, service.queue, problem=str(exc))

        self.desk.call(claim, self._claimed)
        return True

    def print_for(self, attendee, reason: str = "staff", callback=None) -> None:
        """A print for staff (reprint) or the attendee's "Print my badge": claim, send, record."""
        service = self.service

        def claim(store, desk):
            return service.claim(store.conn, attendee, reason=reason)

        self.desk.call(claim, lambda ticket: self._claimed(ticket, callback))

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
        self.tasks.run(lambda: self.service.send(ticket), lambda out: self._sent(out, callback,
                                                                                 ticket))

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

    # -- for the staff health page -------------------------------------------------------------
    def state(self, callback) -> None:
        """The printer's state from CUPS (a PrinterState, or the exception) on the printer thread."""
        self.tasks.run(self.service.state, callback)

    def failed(self, callback) -> None:
        from kiosk.storage import print_log

        self.desk.call(lambda store, desk: print_log.failed(store.conn), callback)

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
            self.tasks.run(work, sent)

        self.desk.call(tickets, send_all)

    def stop(self) -> None:
        self.tasks.stop()


class PrintNotice:
    """The line under the result that says what became of the badge, in the attendee's
    language: "printing…", or where to collect it when the printer failed."""

    def __init__(self, result_screen):
        self.result = result_screen
        self.widget = label(name="result_print_notice")
        self.widget.hide()
        layout = result_screen.layout()
        layout.insertWidget(layout.indexOf(result_screen.next_step) + 1, self.widget)
        self.state = ""

    def clear(self) -> None:
        self.state = ""
        self.widget.hide()

    def show(self, state: str, language: str, help_point: str) -> None:
        self.state = state
        text = (collect_message(language, help_point) if state == "failed" else
                PRINTING.get(language, PRINTING["en"]))
        self.widget.setText(text)
        self.widget.setStyleSheet(f"color: {TONES[self.result.tone][1]};")
        self.widget.show()

    def apply_theme(self, theme) -> None:
        theme.fit(self.widget, "large", bold=True)
