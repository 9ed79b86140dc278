"""The badge printer on the staff health page: its state from CUPS (stopped, out of paper,
jobs waiting), the badges that did not print, and a button that prints them again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.screens import button, label
from kiosk.ui.staff.common import fit_dense, ltr
from kiosk.ui.theme import TONES, Theme


class PrinterPanel(QWidget):
    updated = Signal(dict)   # {"printer": text, "failed": text, "ok": bool} as shown (for tests)
    retried = Signal(object)  # the retry's outcomes, or the exception

    def __init__(self, ctx, printer, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.printer = printer  # kiosk.ui.printing.PrintCoordinator
        self.state = None
        self.failed: list | None = None
        self.note = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
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
        self.printer.state(self._got_state)
        self.printer.failed(self._got_failed)

    def _got_state(self, state) -> None:
        self.state = state
        self.retranslate()

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
            problems = list(dict.fromkeys(self.state.problems))
            if problems:
                text += " · " + ", ".join(problems)
            if self.state.pending_jobs:
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
        self.retry_button.setVisible(bool(failed) or not ok)
        self.updated.emit({"printer": text, "failed": failed_text, "ok": ok})

    def apply_theme(self, theme: Theme) -> None:
        for widget in (self.caption, self.failed_caption):
            fit_dense(theme, widget, "body", bold=True)
        for widget in (self.value, self.failed_value):
            fit_dense(theme, widget, "body")
        theme.fit(self.retry_button, "body", bold=True)
        self.retry_button.setMinimumHeight(theme.target_px)
        side = Qt.AlignmentFlag.AlignRight if theme.language == "ur" else Qt.AlignmentFlag.AlignLeft
        for widget in (self.caption, self.value, self.failed_caption, self.failed_value):
            widget.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)
