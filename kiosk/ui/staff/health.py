"""Kiosk health at a glance: camera and frames per second, decoder, last scan, the scan log's
size, scans not yet on the hub, the hub itself, free disk, and the latest staff actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.ui.screens import label
from kiosk.ui.staff.common import (TouchScroll, audit_word, count_text, fit_dense, local_time,
                                   ltr, outcome_word)
from kiosk.ui.staff.context import StaffContext
from kiosk.ui.theme import TONES, Theme
from kiosk.ui.workers import error_text

LOW_DISK = 1 << 30  # warn below 1 GiB: a scan takes about half a kilobyte, but logs and updates need room
ROWS = ("camera", "fps", "decoder", "last_scan", "log", "unsynced", "hub", "disk")


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


class HealthPage(QWidget):
    updated = Signal(dict)  # the texts shown, by row (for tests)

    def __init__(self, ctx: StaffContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.facts: HealthFacts | None = None
        self.backends: dict[str, str] | None = None
        self.values: dict[str, str] = {}
        self.problem = ""  # the last read failed: said on the page, not hidden
        # The figures, the badge printer and the latest staff actions: with a printer, in two
        # columns on a landscape screen (figures and actions beside the printer and its jobs), in
        # one on a portrait one; the printer's jobs scroll in their own area.
        self.columns = QGridLayout(self)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setHorizontalSpacing(48)
        self.facts_box = QWidget()
        grid = QGridLayout(self.facts_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        self.captions = {key: label(wrap=False, centre=False, name=f"health_{key}_caption") for key in ROWS}
        self.labels = {key: label(wrap=True, centre=False, name=f"health_{key}") for key in ROWS}
        for i, key in enumerate(ROWS):
            grid.addWidget(self.captions[key], i, 0)
            grid.addWidget(self.labels[key], i, 1)
        grid.setColumnStretch(1, 1)
        self.printer = None  # the badge printer's rows (kiosk/ui/staff/printer.py), if any
        if ctx.services.printing is not None:
            from kiosk.ui.staff.printer import PrinterPanel

            self.printer = PrinterPanel(ctx, ctx.services.printing)
        self.audit_box = QWidget()
        audit = QVBoxLayout(self.audit_box)
        audit.setContentsMargins(0, 0, 0, 0)
        self.audit_title = label(wrap=False, centre=False, name="health_audit_title")
        self.audit = label(wrap=True, centre=False, name="health_audit")
        audit.addWidget(self.audit_title)
        self.audit_scroll = TouchScroll(self.audit, lambda: self.audit.text().count("\n") + 1,
                                        name="health_audit_rows", ask=3, least=2)
        audit.addWidget(self.audit_scroll, 1)
        self._two_columns: bool | None = None
        self._place(False)
        self.timer = QTimer(self)
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    def _place(self, two: bool) -> None:
        two = two and self.printer is not None
        if two == self._two_columns:
            return
        self._two_columns = two
        parts = [self.facts_box, self.audit_box] + ([self.printer] if self.printer else [])
        for widget in parts:
            self.columns.removeWidget(widget)
        for row in range(4):
            self.columns.setRowStretch(row, 0)
        for column in range(2):
            self.columns.setColumnStretch(column, 0)
        if two:
            self.columns.addWidget(self.facts_box, 0, 0)
            self.columns.addWidget(self.audit_box, 1, 0)
            self.columns.addWidget(self.printer, 0, 1, 2, 1)
            self.columns.setRowStretch(1, 1)  # the actions, beside the printer's jobs
            self.columns.setColumnStretch(0, 1)
            self.columns.setColumnStretch(1, 1)
        else:
            self.columns.addWidget(self.facts_box, 0, 0)
            if self.printer is not None:
                self.columns.addWidget(self.printer, 1, 0)
                self.columns.setRowStretch(1, 2)  # its jobs take most of the room that is left
            self.columns.addWidget(self.audit_box, 2, 0)
            self.columns.setRowStretch(2, 1)

    def resizeEvent(self, event):
        self._place(event.size().width() > event.size().height())
        super().resizeEvent(event)

    def showEvent(self, event):
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event):
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        services = self.ctx.services
        hub = bool(services.hub_url)
        self.ctx.desk.call(lambda store, desk: self.ctx.staff.health(store, desk, hub_configured=hub),
                           self._got, self._failed)
        if self.backends is None and services.decoder_backends is not None:
            self.backends = {}
            self.ctx.tasks.submit(services.decoder_backends, self._got_backends,
                                  lambda exc: self._got_backends({}), what="the decoder check")

    def _failed(self, exc: BaseException) -> None:
        self.problem = error_text(exc)
        self.retranslate()

    def _got(self, result) -> None:
        self.problem = ""
        self.facts = result
        self.retranslate()

    def _got_backends(self, result) -> None:
        self.backends = result
        self.retranslate()

    def retranslate(self) -> None:
        captions = {"camera": self.tr("Camera"), "fps": self.tr("Frames per second"),
                    "decoder": self.tr("Decoder"), "last_scan": self.tr("Last scan"),
                    "log": self.tr("Scan log"), "unsynced": self.tr("Not yet on the hub"),
                    "hub": self.tr("Hub"), "disk": self.tr("Free disk")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.audit_title.setText(self.tr("Latest staff actions"))
        values, warn = self._values()
        for key, text in values.items():
            self.labels[key].setText(text)
            self.labels[key].setStyleSheet(f"color: {TONES['red'][0]};" if key in warn else "")
        self.values = values
        self.updated.emit(values)

    def _values(self) -> tuple[dict[str, str], set[str]]:
        facts, services = self.facts, self.ctx.services
        warn: set[str] = set()
        status, fps = self.ctx.camera_state()
        camera = {"ok": self.tr("Working"), "reconnecting": self.tr("Reconnecting…"),
                  "lost": self.tr("Lost: use the badge scanner"),
                  "none": self.tr("No camera (badge scanner only)")}.get(status, status)
        if status != "ok":
            warn.add("camera")
        values = {"camera": camera, "fps": f"{fps:.1f}" if fps is not None else "–"}
        state = (self.backends or {}).get(services.decoder, "")
        decoder = services.decoder
        if state:
            decoder += " · " + (self.tr("available") if state == "available" else state)
            if state != "available":
                warn.add("decoder")
        values["decoder"] = decoder
        if facts is None or self.problem:
            for key in ("last_scan", "log", "unsynced", "hub", "disk"):
                values[key] = "…"
            if self.problem:
                values["log"] = self.problem
                warn.add("log")
            return values, warn
        tz = facts.timezone
        if facts.last_scan:
            values["last_scan"] = (ltr(local_time(facts.last_scan["at_utc"], tz, "%d %b %H:%M:%S"))
                                   + " · " + outcome_word(facts.last_scan["outcome"]))
        else:
            values["last_scan"] = self.tr("No scans yet")
        values["log"] = self.tr("Scans: {scans} · {size}").format(scans=count_text(facts.scans),
                                                                  size=ltr(_size(facts.db_bytes)))
        sync = self.ctx.sync_status()
        if not services.hub_url:
            values["unsynced"] = self.tr("No hub set up (export the log instead)")
            values["hub"] = self.tr("No hub set up")
        else:
            pending = facts.unsynced if facts.unsynced is not None else getattr(sync, "pending", None)
            values["unsynced"] = (self.tr("All scans are on the hub") if pending == 0 else
                                  self.tr("Waiting for the hub: {n} scans").format(n=count_text(pending)))
            if pending:
                warn.add("unsynced")
            if sync is not None and sync.online:
                values["hub"] = self.tr("Reachable · last contact {time}").format(
                    time=local_time(sync.last_contact_at, tz, "%H:%M:%S") if sync.last_contact_at else "–")
            else:
                error = getattr(sync, "last_error", "") if sync is not None else ""
                values["hub"] = self.tr("Not reachable: {problem}").format(
                    problem=error or self.tr("no answer yet"))
                warn.add("hub")
        if facts.free_bytes is None:
            values["disk"] = "–"
        else:
            values["disk"] = self.tr("{size} free").format(size=ltr(_size(facts.free_bytes)))
            if facts.free_bytes < LOW_DISK:
                warn.add("disk")
        self.audit.setText("\n".join(
            f"{ltr(local_time(e['at_utc'], tz, '%H:%M:%S'))} · {audit_word(e['action'])}"
            + (f" · {ltr(e['subject'])}" if e["subject"] else "") for e in facts.audit) or "–")
        return values, warn

    def apply_theme(self, theme: Theme) -> None:
        for key in ROWS:
            fit_dense(theme, self.captions[key], "body", bold=True)
            fit_dense(theme, self.labels[key], "body")
        fit_dense(theme, self.audit_title, "body", bold=True)
        fit_dense(theme, self.audit, "body")
        if self.printer is not None:
            self.printer.apply_theme(theme)
        side = Qt.AlignmentFlag.AlignRight if theme.language == "ur" else Qt.AlignmentFlag.AlignLeft
        for text in list(self.captions.values()) + list(self.labels.values()) + [self.audit_title]:
            text.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)
        self.audit.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignTop)
