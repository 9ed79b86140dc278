"""Badge printing for the kiosk, the staff tools and `kiosk print-badge` (no Qt here).

One ``BadgePrinting`` per kiosk, built from kiosk.toml's ``[printer]``. Its steps are split by
where they run, so the UI keeps the database on its thread and the printer off it:

    claim(conn, ...)   database thread: the badge_prints row (once a day from the attendee side)
    send(ticket)       any thread: draw the badge, check the printer, hand the job to CUPS
    record(conn, ...)  database thread: what became of it, and the audit entry for staff prints

A print never comes before the check-in it follows is committed (the caller starts it from the
desk's result), and a printer that fails never undoes a check-in: the attendee is told to
collect the badge at the help desk, staff see the print as failed and retry it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from kiosk.config.words import catalogue
from kiosk.core.errors import KioskError
from kiosk.core.event import Attendee, EventRules
from kiosk.core.outcomes import ENTRIES
from kiosk.core.timeutil import utcnow
from kiosk.core.words import QT_TRANSLATE_NOOP
from kiosk.printing.badge import RenderedBadge, preview_png, render_badge
from kiosk.printing.cups import CupsClient, JobState, PrinterState, PrintError
from kiosk.printing.media import Media, media
from kiosk.storage import print_log
from kiosk.storage.staff_store import issued_token, record_audit

DEFAULT_DPI = 300

# What the attendee reads about printing, in the catalogue of words (context "Printing", the
# translators' kiosk_*.ts), so the screens, the command line and the web say the same; {help} is
# the event's help point in the same language.
COLLECT_AT_HELP_DESK = QT_TRANSLATE_NOOP(
    "Printing", "You are checked in. Your badge could not be printed: please collect it at {help}.")
PRINT_MY_BADGE = QT_TRANSLATE_NOOP("Printing", "Print my badge")
PRINTING = QT_TRANSLATE_NOOP("Printing", "Your badge is printing…")

# The badge desk (role = "print"): what the screen says instead of a welcome.
PRINT_ONLY_TITLE = QT_TRANSLATE_NOOP("Printing", "Your badge is being printed")
PRINTED_ALREADY_TITLE = QT_TRANSLATE_NOOP("Printing", "Printed already today")
PRINTED_ALREADY = QT_TRANSLATE_NOOP(
    "Printing", "Your badge was printed here earlier today. For another one, please ask at {help}.")


# What the staff health page says about the printer and its jobs, from CUPS's own words
# (printer-state-reasons and the job's state), in the staff's language; an unknown reason is
# shown as CUPS gives it.
PRINTER_REASONS = {
    "media-empty": QT_TRANSLATE_NOOP("Printing", "out of paper or labels"),
    "media-needed": QT_TRANSLATE_NOOP("Printing", "out of paper or labels"),
    "media-jam": QT_TRANSLATE_NOOP("Printing", "paper jam"),
    "media-low": QT_TRANSLATE_NOOP("Printing", "paper or labels running low"),
    "toner-empty": QT_TRANSLATE_NOOP("Printing", "out of toner or ribbon"),
    "marker-supply-empty": QT_TRANSLATE_NOOP("Printing", "out of ribbon or ink"),
    "cover-open": QT_TRANSLATE_NOOP("Printing", "cover open"),
    "door-open": QT_TRANSLATE_NOOP("Printing", "door open"),
    "offline": QT_TRANSLATE_NOOP("Printing", "offline"),
    "shutdown": QT_TRANSLATE_NOOP("Printing", "switched off"),
    "connecting-to-device": QT_TRANSLATE_NOOP("Printing", "cannot reach the printer"),
    "paused": QT_TRANSLATE_NOOP("Printing", "paused"),
    "not-accepting": QT_TRANSLATE_NOOP("Printing", "refusing new jobs"),
    "stopped": QT_TRANSLATE_NOOP("Printing", "stopped"),
}
JOB_STATES = {
    "pending": QT_TRANSLATE_NOOP("Printing", "waiting its turn"),
    "held": QT_TRANSLATE_NOOP("Printing", "held"),
    "printing": QT_TRANSLATE_NOOP("Printing", "printing"),
    "stopped": QT_TRANSLATE_NOOP("Printing", "stuck: the printer is stopped"),
    "completed": QT_TRANSLATE_NOOP("Printing", "done"),
}
JOB = QT_TRANSLATE_NOOP("Printing", "Job {job}")
JOB_ACTIONS = {
    "retry": QT_TRANSLATE_NOOP("Printing", "Retry"),
    "cancel": QT_TRANSLATE_NOOP("Printing", "Cancel"),
}


def reason_words(reason: str, language: str) -> str:
    """A printer-state-reason (without -error/-warning) in the staff's language."""
    source = PRINTER_REASONS.get(reason)
    return in_language(source, language) if source else reason


def printer_problems(state: PrinterState, language: str) -> list[str]:
    """What is wrong with the queue, in the staff's language (none: it can print)."""
    words = [reason_words(r, language) for r in state.reasons if r != "media-low"
             and (r != "paused" or state.enabled)]
    if state.exists and not state.enabled and not words:
        # The reason given on stopping it, unless it is one of the reasons already said.
        given = state.message.removesuffix("-error").removesuffix("-warning")
        note = f" ({state.message})" if state.message and given not in state.reasons else ""
        words.append(reason_words("stopped", language) + note)
    if state.exists and not state.accepting:
        words.append(reason_words("not-accepting", language))
    return list(dict.fromkeys(words))


def job_words(job, language: str) -> str:
    """"Job 12 · held" and the job's own reasons, in the staff's language."""
    state = JOB_STATES.get(job.state)
    text = in_language(JOB, language, job=job.job_id) + " · " + (
        in_language(state, language) if state else job.state)
    shown = [r for r in job.alerts if r not in ("job-printing", "job-incoming", "job-queued")
             and not r.startswith("job-hold")]
    if shown:
        text += " (" + ", ".join(shown) + ")"
    return text


def in_language(source: str, language: str, **values) -> str:
    """One of this module's words (English, marked for the catalogue) in ``language``."""
    return catalogue(language).translate("Printing", source).format(**values)


def collect_message(language: str, help_point: str) -> str:
    return in_language(COLLECT_AT_HELP_DESK, language, help=help_point)


@dataclass(frozen=True)
class PrintTicket:
    """A claimed print: who, with which QR, and why."""

    print_id: int | None
    attendee: Attendee
    token: str
    reason: str
    day: str


@dataclass(frozen=True)
class PrintOutcome:
    ticket: PrintTicket
    ok: bool
    queue: str
    job_id: int | None = None
    pages: int = 0
    problem: str = ""
    rendered: RenderedBadge | None = field(default=None, repr=False)

    @property
    def attendee_id(self) -> str:
        return self.ticket.attendee.id

    def to_json(self) -> dict:
        return {"job_id": self.job_id, "queue": self.queue, "attendee_id": self.attendee_id,
                "pages": self.pages}


@dataclass(frozen=True)
class PrinterSettings:
    queue: str
    media: str = "A6"
    print_on: str = "accepted"
    copies: int = 1
    dpi: int = 0

    @classmethod
    def from_model(cls, model) -> "PrinterSettings":
        return cls(queue=model.queue, media=model.media, print_on=model.print_on,
                   copies=model.copies, dpi=model.dpi)


class PrintRefused(KioskError):
    """A code that gets no badge: (outcome, reason) as a check-in would say it."""

    def __init__(self, outcome, reason: str, message: str):
        super().__init__(message)
        self.outcome, self.reason = outcome, reason


class BadgePrinting:
    def __init__(self, settings: PrinterSettings, event: EventRules, *, kiosk_id: str,
                 client: CupsClient | None = None, render=render_badge, print_only: bool = False):
        self.print_only = print_only  # a badge desk: a scan prints, and admits no one
        self.settings = settings
        self.event = event
        self.kiosk_id = kiosk_id
        self.client = client or CupsClient()
        self.render = render
        self.media: Media = media(settings.media)
        self._dpi: int | None = settings.dpi or None

    @property
    def queue(self) -> str:
        return self.settings.queue

    def dpi(self) -> int:
        """The printer's resolution: kiosk.toml's, else the queue's driver's, else 300."""
        if self._dpi is None:
            try:
                self._dpi = self.client.resolution(self.queue) or DEFAULT_DPI
            except PrintError:
                return DEFAULT_DPI  # ask again next time: CUPS may be back by then
        return self._dpi

    # -- which badge ---------------------------------------------------------------------------
    def token_for(self, conn: sqlite3.Connection, attendee: Attendee) -> str:
        """What the QR holds: the badge the organiser issued, else the registration number
        (only where the event accepts plain registration numbers)."""
        token = issued_token(conn, attendee.id)
        if token:
            return token
        if self.event.accept_plain_ids:
            return attendee.id
        raise KioskError(f"no badge was issued to {attendee.id} and this event does not accept "
                         "registration numbers; issue it with `kiosk badges` and refresh the kiosk")

    def holder(self, store, desk, code: str | bytes | None) -> tuple[Attendee, str]:
        """Database thread: the attendee a scanned code (a signed badge or a registration
        number) names and the QR to print for them, never for a blocked or unknown badge."""
        from kiosk.core.outcomes import Outcome, message_for
        from kiosk.core.rules import identify

        identity = identify(code, self.event, desk.verifier, store.find_attendee)
        if identity.failure is not None:
            outcome, reason = identity.failure
            raise PrintRefused(outcome, reason, message_for(outcome, reason,
                                                            help_point=self.event.help_point))
        if identity.attendee is None:
            raise PrintRefused(Outcome.UNKNOWN, "not_in_roster", message_for(
                Outcome.UNKNOWN, "not_in_roster", help_point=self.event.help_point))
        if store.revocation(identity.attendee_id, identity.token_fingerprint) is not None:
            raise PrintRefused(Outcome.REVOKED, "revoked", message_for(
                Outcome.REVOKED, "revoked", help_point=self.event.help_point))
        token = identity.stored_code if identity.via == "token" else \
            self.token_for(store.conn, identity.attendee)
        return identity.attendee, token

    def wants(self, result) -> bool:
        """Does this committed check-in print a badge by itself (print_on = accepted)?"""
        return self.settings.print_on == "accepted" and self._entry(result)

    def offers(self, result) -> bool:
        """Does the result screen offer "Print my badge" (print_on = ask)?"""
        return self.settings.print_on == "ask" and self._entry(result)

    @staticmethod
    def _entry(result) -> bool:
        return (result.outcome in ENTRIES and result.direction == "in"
                and result.attendee is not None)

    # -- the three steps -----------------------------------------------------------------------
    def claim(self, conn: sqlite3.Connection, attendee: Attendee, *, reason: str,
              at: datetime | None = None, scan_id: str | None = None) -> PrintTicket | None:
        """Database thread. None: the attendee side already printed this badge today."""
        day = self.event.day_of(at or utcnow()).isoformat()
        token = self.token_for(conn, attendee)
        print_id = print_log.claim(conn, day=day, attendee_id=attendee.id, reason=reason,
                                   scan_id=scan_id)
        if print_id is None:
            return None
        return PrintTicket(print_id, attendee, token, reason, day)

    def claim_after(self, conn: sqlite3.Connection, result) -> PrintTicket | None:
        """Database thread: the print a committed check-in asks for, if any."""
        if not self.wants(result):
            return None
        return self.claim(conn, result.attendee, reason="checkin", at=result.at,
                          scan_id=result.scan_id)

    def render_ticket(self, ticket: PrintTicket) -> RenderedBadge:
        return self.render(self.event, ticket.attendee, ticket.token, self.media, self.dpi())

    def send(self, ticket: PrintTicket) -> PrintOutcome:
        """Any thread: draw the badge and hand it to CUPS once the printer can print it."""
        try:  # the printer's state is asked for while the badge is drawn
            probe = self.client.probe(self.queue)
        except PrintError as exc:
            return PrintOutcome(ticket, False, self.queue, problem=str(exc))
        try:
            rendered = self.render_ticket(ticket)
        except Exception as exc:  # fonts, a broken token: the check-in stands all the same
            try:
                probe.result()
            except PrintError:
                pass
            return PrintOutcome(ticket, False, self.queue, problem=f"the badge could not be "
                                f"drawn: {exc}")
        try:
            state = probe.result()
            if not state.ok:
                return PrintOutcome(ticket, False, self.queue, problem=state.summary(),
                                    rendered=rendered)
            job = self.client.submit(
                self.queue, rendered.pdf, copies=self.settings.copies, media=self.media.cups,
                title=f"Badge {ticket.attendee.id} {ticket.attendee.name}")
        except PrintError as exc:
            return PrintOutcome(ticket, False, self.queue, problem=str(exc), rendered=rendered)
        return PrintOutcome(ticket, True, self.queue, job_id=job,
                            pages=rendered.pages * self.settings.copies, rendered=rendered)

    def record(self, conn: sqlite3.Connection, outcome: PrintOutcome) -> None:
        """Database thread: the row's new state, and the audit entry for prints not made by the
        attendee."""
        ticket = outcome.ticket
        if ticket.print_id is not None:
            print_log.record(conn, ticket.print_id, state="sent" if outcome.ok else "failed",
                             queue=outcome.queue, job_id=outcome.job_id, detail=outcome.problem)
        if ticket.reason not in print_log.ATTENDEE_SIDE or not outcome.ok:
            detail = (f"{ticket.reason}: job {outcome.queue}-{outcome.job_id}" if outcome.ok
                      else f"{ticket.reason}: failed: {outcome.problem}")
            record_audit(conn, kiosk_id=self.kiosk_id,
                         action="badge_print" if outcome.ok else "badge_print_failed",
                         subject=ticket.attendee.id, detail=detail)

    # -- whole prints, for staff and the command line ----------------------------------------
    def print_now(self, conn: sqlite3.Connection, attendee: Attendee, *, reason: str,
                  token: str | None = None) -> PrintOutcome:
        """Claim, send and record in one go (the command line; staff reprints)."""
        ticket = self.claim(conn, attendee, reason=reason)
        if ticket is None:
            raise KioskError(f"{attendee.id} has had a badge from this kiosk today")
        if token is not None:
            ticket = replace(ticket, token=token)
        outcome = self.send(ticket)
        self.record(conn, outcome)
        return outcome

    def retry_tickets(self, conn: sqlite3.Connection, find_attendee, day: str | None = None
                      ) -> list[PrintTicket]:
        """Database thread: today's failed prints as new tickets (the old rows: retried)."""
        tickets = []
        for row in print_log.failed(conn, day):
            attendee = find_attendee(row.attendee_id)
            if attendee is None:
                continue
            print_log.record(conn, row.print_id, state="retried", queue=row.queue,
                             job_id=row.job_id, detail=row.detail)
            print_id = print_log.claim(conn, day=row.day, attendee_id=attendee.id, reason="retry")
            tickets.append(PrintTicket(print_id, attendee, self.token_for(conn, attendee),
                                       "retry", row.day))
        return tickets

    def failed_prints(self, conn: sqlite3.Connection, day: str | None = None) -> list:
        """Prints that did not reach the printer and were not retried yet (oldest first)."""
        from kiosk.storage import print_log

        return print_log.failed(conn, day)

    def state(self) -> PrinterState:
        return self.client.printer(self.queue)

    def resume(self) -> None:
        self.client.resume(self.queue)

    # -- a stuck job, from the staff health page ---------------------------------------------
    def retry_job(self, job_id: int) -> JobState:
        """Any thread: let one job go: release it if held, start the queue again if CUPS
        stopped it or it refuses jobs. Returns the job's state afterwards."""
        state = self.state()
        job = next((j for j in state.jobs if j.job_id == job_id), None)
        if job is None:
            raise PrintError(f"job {job_id} is no longer waiting in {self.queue}")
        if job.state == "held":
            self.client.release(self.queue, job_id)
        if state.exists and not state.accepting:
            self.client.accept(self.queue)
        if state.exists and not state.enabled:
            self.client.resume(self.queue)
        return self.client.job(self.queue, job_id)

    def cancel_job(self, job_id: int) -> None:
        """Any thread: take a stuck job out of CUPS (the badge is then printed again from the
        list of badges not printed: ``job_cancelled``)."""
        self.client.cancel(self.queue, job_id)

    def job_cancelled(self, conn: sqlite3.Connection, job_id: int) -> str | None:
        """Database thread: the print of that job did not happen; it joins the badges not
        printed (so "Print them again" prints it) and the audit log says who did it. Returns
        the attendee's id, if this kiosk sent the job."""
        row = print_log.by_job(conn, self.queue, job_id)
        if row is not None:
            print_log.record(conn, row.print_id, state="failed", queue=row.queue,
                             job_id=job_id, detail="cancelled by staff")
        record_audit(conn, kiosk_id=self.kiosk_id, action="printer_cancel",
                     subject=row.attendee_id if row else "", detail=f"job {self.queue}-{job_id}")
        return row.attendee_id if row else None

    def jobs_of(self, conn: sqlite3.Connection) -> dict[int, str]:
        """Database thread: job id -> attendee id of the jobs this kiosk sent to its queue."""
        return print_log.jobs(conn, self.queue)

    def preview(self, ticket: PrintTicket, path: Path) -> Path:
        return preview_png(self.render_ticket(ticket).pdf, path, dpi=min(self.dpi(), 300))
