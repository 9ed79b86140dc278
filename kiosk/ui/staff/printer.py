"""The badge printer on the staff health page: its state from CUPS (stopped, out of paper,
jobs waiting), the badges that did not print, and a button that prints them again.

Each job CUPS still holds is listed on its own row: its state (waiting, held, printing, stuck
behind a stopped queue) and its reasons, the attendee it is for, Retry on a stuck one (release a
held job, start the queue again) and Cancel (take it out of CUPS: its badge joins those not
printed). The rows scroll in their own area, so the page keeps its size however many jobs wait
and every button keeps its touch size. The printer's reasons and the job states are CUPS's
printer-state-reasons and job states, said in the staff's
language (kiosk/services/printing.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.services.printing import JOB_ACTIONS, in_language, job_words, printer_problems
from kiosk.ui.screens import button, label
from kiosk.ui.staff.common import TouchScroll, fit_dense, ltr
from kiosk.ui.theme import TONES, Theme


class PrinterPanel(QWidget):
    updated = Signal(dict)   # {"printer", "failed", "ok", "jobs": {id: text}} as shown (tests)
    retried = Signal(object)  # the retry's outcomes, or the exception
    job_retried = Signal(object)  # a job's state after Retry, or the exception
    job_cancelled = Signal(object)  # the cancelled job's attendee id (or None), or the exception
    MAX_JOBS = 50  # listed (the rows scroll); more are counted

    def __init__(self, ctx, printer, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.printer = printer  # kiosk.ui.printing.PrintCoordinator
        self.state = None
        self.failed: list | None = None
        self.note = ""
        self.language = "en"
        self.theme: Theme | None = None
        self.owners: dict[int, str] = {}  # job id -> attendee id
        self.job_rows: dict[int, tuple] = {}  # the front job's id -> (label, retry, cancel)
        self.job_texts: dict[int, str] = {}  # every listed job's words, as shown
        self._shown_jobs: tuple | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        box.addLayout(grid)
        self.caption = label(wrap=False, centre=False, name="health_printer_caption")
        self.value = label(wrap=True, centre=False, name="health_printer")
        self.failed_caption = label(wrap=False, centre=False, name="health_failed_prints_caption")
        self.failed_value = label(wrap=True, centre=False, name="health_failed_prints")
        self.retry_button = button(secondary=True, name="health_retry_prints")
        self.retry_button.clicked.connect(self.retry)
        grid.addWidget(self.caption, 0, 0)
        grid.addWidget(self.value, 0, 1)
        grid.addWidget(self.failed_caption, 1, 0)
        grid.addWidget(self.failed_value, 1, 1)
        grid.addWidget(self.retry_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        self.jobs_caption = label(wrap=False, centre=False, name="health_jobs_caption")
        box.addWidget(self.jobs_caption)
        rows = QWidget()
        self.jobs_box = QVBoxLayout(rows)
        self.jobs_box.setContentsMargins(0, 0, 0, 0)
        self.jobs = TouchScroll(rows, lambda: len(self.job_rows), name="health_jobs", ask=2)
        box.addWidget(self.jobs, 1)
        self.more_jobs = label(wrap=True, centre=False, name="health_more_jobs")
        box.addWidget(self.more_jobs)
        self.timer = QTimer(self)
        self.timer.setInterval(3000)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    def showEvent(self, event):
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event):
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        self.printer.jobs_of(self._got_owners)
        self.printer.state(self._got_state)
        self.printer.failed(self._got_failed)

    def _got_owners(self, owners) -> None:
        if isinstance(owners, dict):
            self.owners = owners

    def _got_state(self, state) -> None:
        self.state = state
        self._build_jobs()
        self.retranslate()

    # -- the jobs CUPS holds ---------------------------------------------------------------
    def _jobs(self) -> list:
        if self.state is None or isinstance(self.state, Exception):
            return []
        return list(self.state.jobs[:self.MAX_JOBS])

    def _build_jobs(self) -> None:
        jobs = self._jobs()
        shown = tuple((j.job_id, j.stuck) for j in jobs)
        if shown == self._shown_jobs:
            return
        self._shown_jobs = shown
        while self.jobs_box.count():
            item = self.jobs_box.takeAt(0)
            row = item.layout()
            while row is not None and row.count():
                widget = row.takeAt(0).widget()
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.job_rows = {}
        for job in jobs:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            text = label(wrap=True, centre=False, name=f"health_job_{job.job_id}")
            retry = button(secondary=True, name=f"health_job_{job.job_id}_retry")
            retry.clicked.connect(lambda _=False, j=job.job_id: self.retry_job(j))
            cancel = button(secondary=True, name=f"health_job_{job.job_id}_cancel")
            cancel.clicked.connect(lambda _=False, j=job.job_id: self.cancel_job(j))
            retry.setVisible(job.stuck)  # a job waiting its turn or printing needs nothing
            row.addWidget(text, 1)
            row.addWidget(retry, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(cancel, 0, Qt.AlignmentFlag.AlignTop)
            self.jobs_box.addLayout(row)
            self.job_rows[job.job_id] = (text, retry, cancel)
        self.jobs_box.addStretch(1)
        self.jobs.updateGeometry()
        if self.theme is not None:
            self._fit_jobs(self.theme)

    def retry_job(self, job_id: int) -> None:
        self.ctx.audit("printer_retry_job", self.owners.get(job_id, ""),
                       f"job {self.printer.service.queue}-{job_id}")
        self._busy(job_id)
        self.printer.retry_job(job_id, self._job_done(self.job_retried))

    def cancel_job(self, job_id: int) -> None:
        self._busy(job_id)
        self.printer.cancel_job(job_id, self._job_done(self.job_cancelled))

    def _busy(self, job_id: int) -> None:
        for b in self.job_rows.get(job_id, ())[1:]:
            b.setEnabled(False)

    def _job_done(self, signal):
        def done(answer):
            if isinstance(answer, Exception):
                self.note = self.tr("Could not print again: {problem}").format(problem=answer)
            self._shown_jobs = None  # rebuilt from the next reading
            self.refresh()
            signal.emit(answer)
        return done

    def _got_failed(self, rows) -> None:
        self.failed = [] if isinstance(rows, Exception) else rows
        self.retranslate()

    def retry(self) -> None:
        self.retry_button.setEnabled(False)
        self.note = self.tr("Printing again…")
        self.retranslate()
        count = len(self.failed or [])
        self.ctx.audit("printer_retry", "", f"{count} badge(s); queue {self.printer.service.queue}")
        self.printer.retry(self._retried)

    def _retried(self, outcomes) -> None:
        self.retry_button.setEnabled(True)
        if isinstance(outcomes, Exception):
            self.note = self.tr("Could not print again: {problem}").format(problem=outcomes)
        else:
            done = sum(1 for o in outcomes if o.ok)
            self.note = self.tr("Printed again: {done} of {total}").format(
                done=done, total=len(outcomes))
        self.refresh()
        self.retranslate()
        self.retried.emit(outcomes)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Badge printer"))
        self.failed_caption.setText(self.tr("Badges not printed"))
        self.retry_button.setText(self.tr("Print them again"))
        ok = False
        if self.state is None:
            text = "…"
        elif isinstance(self.state, Exception):
            text = self.tr("Not reachable: {problem}").format(problem=self.state)
        elif not self.state.exists:
            text = self.tr("No CUPS queue {queue}").format(queue=ltr(self.state.queue))
        else:
            ok = self.state.ok
            words = {"idle": self.tr("Ready"), "processing": self.tr("Printing"),
                     "stopped": self.tr("Stopped")}.get(self.state.state, self.state.state)
            text = ltr(self.state.queue) + " · " + words
            problems = printer_problems(self.state, self.language)
            if problems:
                text += " · " + ", ".join(problems)
            if self.state.pending_jobs and not self.state.jobs:  # else listed below, job by job
                text += " · " + self.tr("{n} job(s) waiting").format(n=len(self.state.pending_jobs))
        self.value.setText(text)
        self.value.setStyleSheet("" if ok else f"color: {TONES['red'][0]};")
        failed = self.failed or []
        if self.failed is None:
            failed_text = "…"
        elif not failed:
            failed_text = self.tr("None")
        else:
            failed_text = ", ".join(ltr(row.attendee_id) for row in failed[:8]) + (
                f" (+{len(failed) - 8})" if len(failed) > 8 else "")
        if self.note:
            failed_text += " · " + self.note
        self.failed_value.setText(failed_text)
        self.failed_value.setStyleSheet(f"color: {TONES['red'][0]};" if failed else "")
        jobs = self._jobs()
        # With the jobs listed, each stuck one has its own Retry; this one is for badges not
        # printed.
        self.retry_button.setVisible(bool(failed) or (not ok and not jobs))
        self.jobs_caption.setText(self.tr("{n} job(s) waiting").format(n=len(self.state.jobs))
                                  if jobs else "")
        self.jobs_caption.setVisible(bool(jobs))
        self.jobs.setVisible(bool(jobs))
        job_texts = {}
        for job in jobs:
            words = job_words(job, self.language)
            who = self.owners.get(job.job_id)
            if who:
                words += " · " + ltr(who)
            if job.status:
                words += " · " + job.status
            job_texts[job.job_id] = words
            if job.job_id not in self.job_rows:
                continue
            text_label, retry, cancel = self.job_rows[job.job_id]
            text_label.setText(words)
            text_label.setStyleSheet(f"color: {TONES['red'][0]};" if job.stuck else "")
            retry.setText(in_language(JOB_ACTIONS["retry"], self.language))
            cancel.setText(in_language(JOB_ACTIONS["cancel"], self.language))
        hidden = len(self.state.jobs) - len(jobs) if jobs else 0
        self.more_jobs.setText(f"+{hidden}" if hidden else "")
        self.more_jobs.setVisible(bool(hidden))
        self.job_texts = job_texts
        self.updated.emit({"printer": text, "failed": failed_text, "ok": ok, "jobs": job_texts})

    def _fit_jobs(self, theme: Theme) -> None:
        side = Qt.AlignmentFlag.AlignRight if theme.language == "ur" else Qt.AlignmentFlag.AlignLeft
        for text_label, retry, cancel in self.job_rows.values():
            fit_dense(theme, text_label, "body")
            text_label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side
                                    | Qt.AlignmentFlag.AlignVCenter)
            for b in (retry, cancel):
                theme.fit(b, "body", bold=True)
                b.setMinimumHeight(theme.target_px)

    def apply_theme(self, theme: Theme) -> None:
        self.theme, self.language = theme, theme.language
        self._fit_jobs(theme)
        fit_dense(theme, self.jobs_caption, "body", bold=True)
        fit_dense(theme, self.more_jobs, "body")
        for widget in (self.caption, self.failed_caption):
            fit_dense(theme, widget, "body", bold=True)
        for widget in (self.value, self.failed_value):
            fit_dense(theme, widget, "body")
        theme.fit(self.retry_button, "body", bold=True)
        self.retry_button.setMinimumHeight(theme.target_px)
        side = Qt.AlignmentFlag.AlignRight if theme.language == "ur" else Qt.AlignmentFlag.AlignLeft
        for widget in (self.caption, self.value, self.failed_caption, self.failed_value):
            widget.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)
