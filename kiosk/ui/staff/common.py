"""Pieces the staff pages share: fonts for text Qt draws itself, small tables, outcome words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHeaderView, QScrollArea, QScroller,
                               QSizePolicy, QTableWidget, QTableWidgetItem, QWidget)

from kiosk.core.timeutil import from_utc_text, zone
from kiosk.ui.i18n import qt_drawn_families
from kiosk.ui.shaping import ShapedItemDelegate, needs_shaping
from kiosk.ui.theme import SCRIPT_BOOST, TONES, Theme

OUTCOME_WORDS = {
    "accepted": QT_TRANSLATE_NOOP("StaffOutcome", "Accepted"),
    "reentry": QT_TRANSLATE_NOOP("StaffOutcome", "Re-entry"),
    "duplicate": QT_TRANSLATE_NOOP("StaffOutcome", "Duplicate"),
    "exited": QT_TRANSLATE_NOOP("StaffOutcome", "Exited"),
    "unknown": QT_TRANSLATE_NOOP("StaffOutcome", "Unknown"),
    "invalid": QT_TRANSLATE_NOOP("StaffOutcome", "Invalid"),
    "revoked": QT_TRANSLATE_NOOP("StaffOutcome", "Blocked"),
    "wrong_day": QT_TRANSLATE_NOOP("StaffOutcome", "Wrong day"),
    "wrong_venue": QT_TRANSLATE_NOOP("StaffOutcome", "Wrong venue"),
    "outside_hours": QT_TRANSLATE_NOOP("StaffOutcome", "Outside hours"),
}
OUTCOME_TONE = {"accepted": "green", "reentry": "green", "exited": "green", "duplicate": "amber"}


AUDIT_WORDS = {
    "staff_unlock": QT_TRANSLATE_NOOP("StaffAudit", "Staff mode opened"),
    "staff_wrong_pin": QT_TRANSLATE_NOOP("StaffAudit", "Wrong PIN"),
    "staff_locked_out": QT_TRANSLATE_NOOP("StaffAudit", "PIN pad locked"),
    "staff_pin_while_locked": QT_TRANSLATE_NOOP("StaffAudit", "PIN tried while locked"),
    "staff_leave": QT_TRANSLATE_NOOP("StaffAudit", "Staff mode closed"),
    "lookup_open": QT_TRANSLATE_NOOP("StaffAudit", "Looked up"),
    "manual_checkin": QT_TRANSLATE_NOOP("StaffAudit", "Checked in by hand"),
    "block": QT_TRANSLATE_NOOP("StaffAudit", "Blocked"),
    "unblock": QT_TRANSLATE_NOOP("StaffAudit", "Unblocked"),
    "reprint_pdf": QT_TRANSLATE_NOOP("StaffAudit", "Badge reprinted (PDF)"),
    "reprint_print": QT_TRANSLATE_NOOP("StaffAudit", "Badge printed"),
    "badge_reissue": QT_TRANSLATE_NOOP("StaffAudit", "Lost badge replaced"),
    "badge_print": QT_TRANSLATE_NOOP("StaffAudit", "Badge sent to the badge printer"),
    "badge_print_failed": QT_TRANSLATE_NOOP("StaffAudit", "Badge not printed: printer problem"),
    "printer_retry": QT_TRANSLATE_NOOP("StaffAudit", "Badges printed again"),
    "export": QT_TRANSLATE_NOOP("StaffAudit", "Log exported"),
    "export_failed": QT_TRANSLATE_NOOP("StaffAudit", "Export failed"),
    "exit_to_desktop": QT_TRANSLATE_NOOP("StaffAudit", "Exit to desktop"),
}


def audit_word(action: str) -> str:
    text = AUDIT_WORDS.get(action)
    return QCoreApplication.translate("StaffAudit", text) if text else action


def ltr(text: str) -> str:
    """Left-to-right data (a date, a size, a file) inside a right-to-left sentence: isolated, so
    "304.1 kB" does not come out as "kB 304.1". Nothing changes in left-to-right languages."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return f"\u2066{text}\u2069"
    return text


def outcome_word(outcome: str) -> str:
    text = OUTCOME_WORDS.get(outcome)
    return QCoreApplication.translate("StaffOutcome", text) if text else outcome


def outcome_colour(outcome: str) -> QColor:
    return QColor(TONES[OUTCOME_TONE.get(outcome, "red")][0])


def local_time(utc_text: str | None, tz_name: str, fmt: str = "%H:%M:%S") -> str:
    if not utc_text:
        return ""
    return from_utc_text(utc_text).astimezone(zone(tz_name)).strftime(fmt)


def local_moment(utc_text: str, tz_name: str) -> datetime:
    return from_utc_text(utc_text).astimezone(zone(tz_name))


def count_text(n: int | None) -> str:
    return "–" if n is None else f"{n:,}"


def qt_font(theme: Theme, role: str = "small", bold: bool = False) -> QFont:
    """For text Qt lays out itself (headers, line edits, chart labels)."""
    font = theme.font(role, bold)
    font.setFamilies(qt_drawn_families(theme.language))
    return _naskh(font, theme)


def _naskh(font: QFont, theme: Theme) -> QFont:
    """Urdu in Naskh: Qt draws it correctly, it needs far less line height than Nastaliq, and its
    letters are not small for their size (no Nastaliq size boost)."""
    if theme.language == "ur":
        font.setFamilies(qt_drawn_families("ur"))
        font.setPixelSize(max(12, round(font.pixelSize() / SCRIPT_BOOST.get("ur", 1.0))))
    return font


def row_font(theme: Theme, role: str = "small") -> QFont:
    """For table and list rows: dense staff data (see _naskh for Urdu)."""
    return _naskh(theme.font(role), theme)


def fit_dense(theme: Theme, widget, role: str = "small", bold: bool = False) -> QFont:
    """theme.fit for dense staff figures: Urdu in Naskh (see row_font), with Latin-sized room."""
    font = theme.fit(widget, role, bold)
    if theme.language == "ur":
        widget.setFont(_naskh(font, theme))
        widget.setContentsMargins(0, round(font.pixelSize() * 0.04), 0, round(font.pixelSize() * 0.08))
    return font


class SmallTable(QTableWidget):
    """A read-only table for staff figures: rows drawn through the shaping delegate."""

    def __init__(self, columns: int, parent=None, *, name: str = ""):
        super().__init__(0, columns, parent)
        if name:
            self.setObjectName(name)
        self.setItemDelegate(ShapedItemDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(60)
        self._theme: Theme | None = None
        self._latin: QFont | None = None

    def sizeHint(self):
        # Tables grow into whatever room the page has; they ask for only a few rows of it.
        hint = super().sizeHint()
        rows = self.verticalHeader().defaultSectionSize()
        return hint.__class__(min(hint.width(), 320), self.horizontalHeader().height() + 2 * rows + 4)

    def minimumSizeHint(self):
        hint = self.sizeHint()
        return hint.__class__(120, min(hint.height(), self.minimumHeight()))

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.setFont(row_font(theme))
        self._latin = theme.font("small", language="en") if theme.language == "ur" else None
        self.horizontalHeader().setFont(qt_font(theme, "small", bold=True))
        self.verticalHeader().setDefaultSectionSize(self._row_height(theme))
        self._font_headers()

    def _font_headers(self) -> None:
        # Header items carry their own font; the header view's font alone does not reach them.
        if self._theme is None:
            return
        font = qt_font(self._theme, "small", bold=True)
        for c in range(self.columnCount()):
            item = self.horizontalHeaderItem(c)
            if item is not None:
                item.setFont(font)

    def _row_height(self, theme: Theme) -> int:
        px = row_font(theme).pixelSize()
        return int(px * (1.9 if theme.language == "ur" else 1.6))

    def set_headers(self, titles: list[str]) -> None:
        self.setHorizontalHeaderLabels(titles)
        self._font_headers()

    def fill(self, rows: list[list], colours: list[QColor | None] | None = None,
             numeric: set[int] = frozenset(), colour_column: int = 1) -> None:
        """Replace the rows (only the cells that changed are touched)."""
        if self.rowCount() != len(rows):
            self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                text = value if isinstance(value, str) else count_text(value)
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
                    # Latin data (names, gates, times) in a Latin font even in Urdu, so rows keep
                    # one baseline; Urdu words stay in the row font.
                    item.setFont(self._latin if self._latin is not None and not needs_shaping(text)
                                 else self.font())
                if c in numeric:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
                colour = colours[r] if colours and c == colour_column else None
                if colour is not None:
                    item.setForeground(colour)


class TouchScroll(QScrollArea):
    """Rows that scroll in their own area, under a finger (or by the bar): it asks for the room
    of ``ask`` rows, makes do with ``least`` and takes whatever else the page has left, so a page
    keeps its size however many rows there are. ``rows()`` says how many rows the content has
    now (its height is shared evenly among them)."""

    def __init__(self, content: QWidget, rows, *, name: str, ask: int = 2, least: int = 1,
                 parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.rows, self.ask, self.least = rows, ask, least
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setWidget(content)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def _rows_px(self, n: int) -> int:
        count = max(1, self.rows())
        content = self.widget()
        width = max(1, self.viewport().width())
        whole = (content.heightForWidth(width) if content.hasHeightForWidth()
                 else content.sizeHint().height())
        return min(whole, -(-whole * n // count))

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._rows_px(self.ask))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._rows_px(self.least))
