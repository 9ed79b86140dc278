"""Today's arrivals per quarter hour beside yesterday's curve (Qt Charts).

The x axis is local hours of the day; it spans the hours that have arrivals on either day (and
the hour now), so a day that started at 10:00 is not drawn against an empty morning. Time runs
left to right in every language: the chart is never mirrored.
"""

from __future__ import annotations

from PySide6.QtCharts import QAreaSeries, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

TODAY = "#0B6E4F"
YESTERDAY = "#8A94A3"


def _hours(label: str) -> float:
    hh, mm = label.split(":")[:2]
    return int(hh) + int(mm) / 60


def step_points(arrivals: dict[str, int], start: float, end: float) -> list[tuple[float, int]]:
    """A step curve: each quarter hour's count held across its quarter, zero where none came."""
    points = []
    quarter = int(start * 4)
    while quarter < int(end * 4 + 0.999):
        label = f"{quarter // 4:02d}:{quarter % 4 * 15:02d}"
        n = arrivals.get(label, 0)
        points += [(quarter / 4, n), ((quarter + 1) / 4, n)]
        quarter += 1
    return points


def span(today: dict[str, int], yesterday: dict[str, int], now_hours: float | None) -> tuple[float, float]:
    """Whole hours from the earliest to the latest quarter with arrivals (and now)."""
    marks = [_hours(k) for k, n in list(today.items()) + list(yesterday.items()) if n]
    if now_hours is not None:
        marks.append(now_hours)
    if not marks:
        return 9.0, 18.0
    start, end = int(min(marks)), min(24, int(max(marks)) + 1)
    if end - start < 4:  # a few quarters are easier to read in a wider frame
        end = min(24, start + 4)
        start = max(0, end - 4)
    return float(start), float(end)


class ArrivalsChart(QChartView):
    def __init__(self, parent=None):
        chart = QChart()
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        chart.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        self.today_line = QLineSeries()
        self.today_base = QLineSeries()
        self.today = QAreaSeries(self.today_line, self.today_base)
        fill = QColor(TODAY)
        fill.setAlpha(90)
        self.today.setBrush(fill)
        self.today.setPen(QPen(QColor(TODAY), 3))
        self.yesterday = QLineSeries()
        self.yesterday.setPen(QPen(QColor(YESTERDAY), 3, Qt.PenStyle.DashLine))
        chart.addSeries(self.today)
        chart.addSeries(self.yesterday)
        self.x = QValueAxis()
        self.x.setLabelFormat("%02d:00")
        self.x.setTickType(QValueAxis.TickType.TicksDynamic)
        self.x.setTickAnchor(0)
        self.x.setTickInterval(1)
        self.y = QValueAxis()
        self.y.setLabelFormat("%d")
        chart.addAxis(self.x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y, Qt.AlignmentFlag.AlignLeft)
        for series in (self.today, self.yesterday):
            series.attachAxis(self.x)
            series.attachAxis(self.y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.shown: tuple = ()
        self.peak = 4

    def sizeHint(self):
        from PySide6.QtCore import QSize

        return QSize(400, 220)

    def set_names(self, today: str, yesterday: str) -> None:
        self.today.setName(today)
        self.yesterday.setName(yesterday)

    def set_fonts(self, font: QFont) -> None:
        """Qt draws the chart's words itself: a font Qt shapes well (Naskh for Urdu)."""
        for axis in (self.x, self.y):
            axis.setLabelsFont(font)
        self.chart().legend().setFont(font)

    def show_arrivals(self, today: dict[str, int], yesterday: dict[str, int],
                      now_hours: float | None = None) -> None:
        key = (tuple(sorted(today.items())), tuple(sorted(yesterday.items())), now_hours)
        if key == self.shown:
            return  # nothing new: no redraw
        self.shown = key
        start, end = span(today, yesterday, now_hours)
        until = end if now_hours is None else min(end, (int(now_hours * 4) + 1) / 4)
        today_points = step_points(today, start, until)
        self.today_line.replace([QPointF(x, y) for x, y in today_points])
        self.today_base.replace([QPointF(x, 0) for x, _ in today_points])
        self.yesterday.replace([QPointF(x, y) for x, y in step_points(yesterday, start, end)])
        peak = max([y for _, y in today_points] + [n for n in yesterday.values()] + [4])
        self.x.setRange(start, end)
        self.x.setTickInterval(1 if end - start <= 12 else 2)
        self.peak = peak
        self._fit_y()

    def _fit_y(self) -> None:
        """As many y labels as the plot's height holds without eliding them ("…")."""
        font = self.y.labelsFont()
        from PySide6.QtGui import QFontMetricsF

        line = QFontMetricsF(font).height() * 1.3
        room = self.chart().plotArea().height() or self.height() * 0.6
        steps = max(1, min(4, int(room // line) - 1))
        self.y.setRange(0, _nice(self.peak * 1.1, steps))
        self.y.setTickCount(steps + 1)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_y()

    def points(self) -> dict[str, list[tuple[float, float]]]:
        """What is drawn, for tests: each series' points."""
        return {"today": [(p.x(), p.y()) for p in self.today_line.points()],
                "yesterday": [(p.x(), p.y()) for p in self.yesterday.points()]}


def _nice(value: float, steps: int = 4) -> float:
    """A round top for the y axis that splits into ``steps`` whole steps."""
    step = 1
    while step * steps < value:
        for factor in (2, 2.5, 2):
            if step * steps >= value:
                break
            step *= factor
    return int(step * steps + 0.5)
