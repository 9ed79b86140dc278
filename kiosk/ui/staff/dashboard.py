"""The staff dashboard: what a gate supervisor wants on one screen.

Checked in today, inside now, accepted and refused scans; today's arrivals per quarter hour
beside yesterday's; each hall's occupancy against its capacity (amber from 90 %, red from 100 %,
always with words as well as colour); where and when people came in (by gate, kiosk, category,
hour); the last 20 scans with names. A line on top says whose numbers these are (this kiosk's,
every kiosk's from the hub, or a merged database) and when they were read.

``DashboardView`` only shows a DashboardData; ``LiveDashboard`` adds the feed and its timer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.dashboard import DashboardData, HallOccupancy
from kiosk.ui import messages
from kiosk.ui.screens import label
from kiosk.ui.staff.chart import ArrivalsChart
from kiosk.ui.staff.common import (SmallTable, count_text, fit_dense, local_moment, local_time,
                                   ltr, outcome_colour, outcome_word, qt_font)
from kiosk.ui.theme import ACCENT, INK, MUTED, TONES, Theme

LEVEL_COLOURS = {"ok": TONES["green"][0], "warning": TONES["amber"][0], "alarm": TONES["red"][0],
                 "none": MUTED}


class OccupancyBar(QWidget):
    """How full a hall is: a bar filled to its share of the capacity, a mark at 90 %."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.share = 0.0
        self.level = "none"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(18)

    def set_value(self, share: float, level: str) -> None:
        if (share, level) != (self.share, self.level):
            self.share, self.level = share, level
            self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = rect.height() / 2
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#E3E6EA"))
        p.drawRoundedRect(rect, radius, radius)
        filled = QRectF(rect)
        filled.setWidth(rect.width() * min(1.0, max(0.0, self.share)))
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            filled.moveRight(rect.right())
        p.setBrush(QColor(LEVEL_COLOURS.get(self.level, MUTED)))
        if filled.width() > 0:
            p.drawRoundedRect(filled, radius, radius)
        if self.level != "none":
            x = rect.left() + rect.width() * 0.9
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                x = rect.right() - rect.width() * 0.9
            p.setPen(QPen(QColor(INK), 2))
            p.drawLine(int(x), int(rect.top()) - 1, int(x), int(rect.bottom()) + 1)
        p.end()


class Tile(QFrame):
    """One big number with its caption."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#{name} {{ background: white; border: 2px solid #D5DAE1; "
                           "border-radius: 10px; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 2, 12, 2)
        box.setSpacing(0)
        self.caption = label(wrap=False, name=f"{name}_caption")
        self.value = label("–", wrap=False, name=f"{name}_value")
        box.addWidget(self.caption)
        box.addWidget(self.value)

    def set_value(self, n: int | None) -> None:
        text = count_text(n)
        if self.value.text() != text:
            self.value.setText(text)


class HallRow(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 2, 0, 2)
        box.setSpacing(2)
        top = QHBoxLayout()
        self.name = label(wrap=False, centre=False)
        self.figures = label(wrap=False, centre=False)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.name, 1)
        top.addWidget(self.figures, 0)
        box.addLayout(top)
        self.bar = OccupancyBar()
        box.addWidget(self.bar)
        self.hall: HallOccupancy | None = None

    def show_hall(self, hall: HallOccupancy, figures: str) -> None:
        self.hall = hall
        self.name.setText(hall.hall)
        self.figures.setText(figures)
        colour = LEVEL_COLOURS["alarm" if hall.level == "alarm" else "warning"
                               if hall.level == "warning" else "none"]
        self.figures.setStyleSheet(f"color: {colour if hall.level in ('warning', 'alarm') else INK};")
        share = hall.inside / hall.capacity if hall.capacity else 0.0
        self.bar.set_value(share, hall.level)


class DashboardView(QWidget):
    """Shows one DashboardData; lays itself out in two columns (landscape) or one (portrait)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.data: DashboardData | None = None
        self.problem = ""
        self.theme: Theme | None = None
        self.scope_line = label(wrap=True, centre=False, name="dashboard_scope")
        self.tiles = {key: Tile(f"tile_{key}") for key in
                      ("checked_in", "inside", "accepted", "refused")}
        self.chart_title = label(wrap=False, centre=False, name="dashboard_chart_title")
        self.chart = ArrivalsChart()
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.chart.setMinimumHeight(140)  # its y labels adapt to the height it gets
        self.halls_title = label(wrap=False, centre=False, name="dashboard_halls_title")
        self.halls_box = QVBoxLayout()
        self.halls_box.setSpacing(4)
        self.hall_rows: list[HallRow] = []
        self.halls_note = label(wrap=True, centre=False, name="dashboard_halls_note")
        self.breakdowns = {key: SmallTable(2, name=f"by_{key}") for key in
                           ("gate", "kiosk", "category", "hour")}
        self.recent_title = label(wrap=False, centre=False, name="dashboard_recent_title")
        self.recent = SmallTable(5, name="recent_scans")
        self.recent.setMinimumHeight(120)

        self.halls_panel = QWidget()
        halls_layout = QVBoxLayout(self.halls_panel)
        halls_layout.setContentsMargins(0, 0, 0, 0)
        halls_layout.addWidget(self.halls_title)
        halls_layout.addLayout(self.halls_box)
        halls_layout.addWidget(self.halls_note)
        halls_layout.addStretch(1)
        self.chart_panel = QWidget()
        chart_layout = QVBoxLayout(self.chart_panel)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart, 1)
        self.recent_panel = QWidget()
        recent_layout = QVBoxLayout(self.recent_panel)
        recent_layout.setContentsMargins(0, 0, 0, 0)
        recent_layout.addWidget(self.recent_title)
        recent_layout.addWidget(self.recent, 1)
        self.breakdown_panel = QWidget()
        grid = QGridLayout(self.breakdown_panel)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, table in enumerate(self.breakdowns.values()):
            grid.addWidget(table, i // 2, i % 2)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 4, 8, 4)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        self.portrait: bool | None = None
        self._arrange(portrait=False)
        self.retranslate()

    # -- layout ---------------------------------------------------------------------------------
    def _arrange(self, portrait: bool) -> None:
        if portrait == self.portrait:
            return
        self.portrait = portrait
        while self.grid.count():
            self.grid.takeAt(0)
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 0)
        tiles = list(self.tiles.values())
        if portrait:
            self.grid.addWidget(self.scope_line, 0, 0, 1, 2)
            for i, tile in enumerate(tiles):
                self.grid.addWidget(tile, 1 + i // 2, i % 2)
            self.grid.addWidget(self.chart_panel, 3, 0, 1, 2)
            self.grid.addWidget(self.halls_panel, 4, 0, 1, 2)
            self.grid.addWidget(self.recent_panel, 5, 0, 1, 2)
            self.grid.addWidget(self.breakdown_panel, 6, 0, 1, 2)
            for r, stretch in ((3, 3), (5, 3), (6, 2)):
                self.grid.setRowStretch(r, stretch)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 1)
        else:
            self.grid.addWidget(self.scope_line, 0, 0, 1, 4)
            for i, tile in enumerate(tiles):
                self.grid.addWidget(tile, 1, i)
            self.grid.addWidget(self.chart_panel, 2, 0, 1, 2)
            self.grid.addWidget(self.halls_panel, 2, 2, 1, 2)
            self.grid.addWidget(self.breakdown_panel, 3, 0, 1, 2)
            self.grid.addWidget(self.recent_panel, 3, 2, 1, 2)
            self.grid.setRowStretch(2, 4)
            self.grid.setRowStretch(3, 5)
            for c in range(4):
                self.grid.setColumnStretch(c, 1)

    def resizeEvent(self, event):
        self._arrange(portrait=event.size().height() > event.size().width() * 1.2)
        super().resizeEvent(event)

    # -- language and theme ---------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        captions = {"checked_in": self.tr("Checked in today"), "inside": self.tr("Inside now"),
                    "accepted": self.tr("Accepted scans"), "refused": self.tr("Refused scans")}
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        self.chart_title.setText(self.tr("Arrivals per 15 minutes"))
        self.chart.set_names(self.tr("Today"), self.tr("Yesterday"))
        self.halls_title.setText(self.tr("Halls: inside now"))
        titles = {"gate": self.tr("By gate"), "kiosk": self.tr("By kiosk"),
                  "category": self.tr("By category"), "hour": self.tr("By hour")}
        for key, table in self.breakdowns.items():
            table.set_headers([titles[key], self.tr("Checked in")])
        self.recent_title.setText(self.tr("Last 20 scans"))
        self.recent.set_headers([self.tr("Time"), self.tr("Result"), self.tr("Name"),
                                 self.tr("Gate"), self.tr("Kiosk")])
        if self.data is not None:
            self.show_data(self.data, force=True)
        else:
            self.scope_line.setText(self.problem or self.tr("Reading the numbers…"))

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        fit_dense(theme, self.scope_line, "body")
        for tile in self.tiles.values():
            fit_dense(theme, tile.caption, "body")
            theme.fit(tile.value, "title", bold=True, language="en")
        for title in (self.chart_title, self.halls_title, self.recent_title):
            fit_dense(theme, title, "body", bold=True)
        fit_dense(theme, self.halls_note, "body")
        side = Qt.AlignmentFlag.AlignRight if theme.language == "ur" else Qt.AlignmentFlag.AlignLeft
        for text in (self.scope_line, self.halls_note, self.chart_title, self.halls_title,
                     self.recent_title):
            text.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)
        for row in self.hall_rows:
            self._theme_row(row)
        for table in list(self.breakdowns.values()) + [self.recent]:
            table.apply_theme(theme)
        self.chart.set_fonts(qt_font(theme, "small"))

    def _theme_row(self, row: HallRow) -> None:
        if self.theme is None:
            return
        fit_dense(self.theme, row.name, "body", bold=True)
        fit_dense(self.theme, row.figures, "body", bold=True)
        row.bar.setFixedHeight(max(14, self.theme.mm(4)))
        # Hall names are data (often Latin even in Urdu): place them by the page's direction,
        # not by their own letters.
        rtl = self.theme.language == "ur"
        start, end = (Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft) if rtl else \
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight)
        row.name.setAlignment(Qt.AlignmentFlag.AlignAbsolute | start | Qt.AlignmentFlag.AlignVCenter)
        row.figures.setAlignment(Qt.AlignmentFlag.AlignAbsolute | end | Qt.AlignmentFlag.AlignVCenter)

    # -- data -------------------------------------------------------------------------------------
    def scope_text(self, data: DashboardData) -> str:
        if data.scope == "hub":
            return self.tr("All kiosks, from the hub (kiosks: {n})").format(n=data.kiosks)
        if data.scope == "merged":
            return self.tr("Merged database (kiosks: {n})").format(n=data.kiosks)
        if data.scope == "kiosk_only":
            return self.tr("This kiosk only ({kiosk}): the hub cannot be reached").format(
                kiosk=data.kiosk_id)
        return self.tr("This kiosk only ({kiosk})").format(kiosk=data.kiosk_id)

    def show_problem(self, message: str) -> None:
        """The source failed: keep the last numbers, say they are not current and why."""
        self.problem = message
        if self.data is None:
            self.scope_line.setText(self.tr("Cannot read the numbers: {problem}").format(problem=message))
        else:
            self.show_data(self.data, force=True)

    def show_data(self, data: DashboardData, *, force: bool = False) -> None:
        if data is not self.data:
            self.problem = ""
        self.data = data
        count = data.headcount
        tz = data.timezone
        line = self.scope_text(data) + " · " + self.tr("Updated {time}").format(
            time=local_time(count.at, tz))
        if self.problem:
            line += " · " + self.tr("Not current: {problem}").format(problem=self.problem)
        self.scope_line.setText(line)
        # Duplicates (the same badge again) are harmless: counted apart from real refusals.
        refused = count.refused_scans - count.duplicate_scans
        for key, value in (("checked_in", count.unique_checked_in), ("inside", count.inside_now),
                           ("accepted", count.accepted_scans), ("refused", refused)):
            self.tiles[key].set_value(value)
        caption = self.tr("Refused scans")
        if count.duplicate_scans:
            caption = self.tr("Refused · {n} duplicates apart").format(
                n=count_text(count.duplicate_scans))
        self.tiles["refused"].caption.setText(caption)
        now = local_moment(count.at, tz)
        self.chart.show_arrivals(data.arrivals_today, data.arrivals_yesterday,
                                 now.hour + now.minute / 60)
        self._show_halls(data)
        none = self.tr("(none)")
        groups = {
            "gate": sorted(count.by_gate.items(), key=lambda kv: (-kv[1], kv[0])),
            "kiosk": sorted(count.by_kiosk.items(), key=lambda kv: (-kv[1], kv[0])),
            "category": sorted(count.by_category.items(), key=lambda kv: (-kv[1], kv[0])),
            "hour": sorted(count.by_hour.items()),
        }
        for key, items in groups.items():
            rows = []
            for name, n in items:
                text = messages.category(name) if key == "category" else name
                rows.append([text or none, n])
            self.breakdowns[key].fill(rows, numeric={1})
        by_staff = self.tr("by staff")
        rows, colours = [], []
        for scan in data.recent:
            result = outcome_word(scan.outcome)
            if scan.method == "manual":
                result += f" · {by_staff}"
            rows.append([local_time(scan.at_utc, tz), result, scan.name or scan.attendee_id or "–",
                         scan.gate or none, scan.kiosk_id])
            colours.append(outcome_colour(scan.outcome))
        self.recent.fill(rows, colours)

    def _show_halls(self, data: DashboardData) -> None:
        halls = list(data.halls)
        while len(self.hall_rows) < len(halls):
            row = HallRow()
            self._theme_row(row)
            self.hall_rows.append(row)
            self.halls_box.addWidget(row)
        for row, hall in zip(self.hall_rows, halls):
            row.show()
            row.show_hall(hall, self.hall_figures(hall))
        for row in self.hall_rows[len(halls):]:
            row.hide()
        notes = []
        if not halls:
            notes.append(self.tr("No hall capacities are set for this event."))
        if data.inside_elsewhere:
            gates = ", ".join(f"{ltr(g) if g else self.tr('(none)')}: {count_text(n)}"
                              for g, n in sorted(data.inside_elsewhere.items()))
            notes.append(self.tr("Inside through gates of no hall: {gates}").format(gates=gates))
        self.halls_note.setText("\n".join(notes))
        self.halls_note.setVisible(bool(notes))

    def hall_figures(self, hall: HallOccupancy) -> str:
        if not hall.capacity:
            return self.tr("{inside} inside (no capacity set)").format(inside=count_text(hall.inside))
        text = self.tr("{inside} of {capacity} ({percent} %)").format(
            inside=count_text(hall.inside), capacity=count_text(hall.capacity), percent=hall.percent)
        if hall.level == "alarm":
            text += " · " + self.tr("FULL")
        elif hall.level == "warning":
            text += " · " + self.tr("Nearly full")
        return text


class LiveDashboard(DashboardView):
    """A DashboardView that refreshes itself from a DashboardFeed while it is shown."""

    refreshed = Signal(object)  # the DashboardData just shown

    def __init__(self, feed=None, refresh_ms: int = 2000, parent=None):
        super().__init__(parent)
        self.feed = None
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        if feed is not None:
            self.set_feed(feed)

    def set_feed(self, feed) -> None:
        self.feed = feed
        feed.updated.connect(self._updated)
        feed.failed.connect(self.show_problem)

    def _updated(self, data) -> None:
        self.show_data(data)
        self.refreshed.emit(data)

    def refresh(self) -> None:
        if self.feed is not None:
            self.feed.refresh()

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def showEvent(self, event):
        super().showEvent(event)
        if self.feed is not None:
            self.start()

    def hideEvent(self, event):
        self.stop()
        super().hideEvent(event)
