"""Staff lock: the PIN pad behind the hidden corner, and the staff console it opens."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout

from kiosk.ui.screens import Screen, button, label
from kiosk.ui.staff.common import fit_dense
from kiosk.ui.theme import TONES, Theme


class PinPad(Screen):
    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.digits = ""
        self.notice = ""
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.title = label(name="pin_title")
        self.dots = label(name="pin_dots")
        self.message = label(name="pin_message")
        outer.addWidget(self.title)
        outer.addWidget(self.dots)
        outer.addWidget(self.message)
        grid = QGridLayout()
        self.keys = {}
        # Digits keep phone order in every language: a PIN pad is never mirrored.
        for i, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]):
            b = button(key if key.isdigit() else "", secondary=key.isdigit(), name=f"pin_{key}")
            b.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(b, i // 3, i % 3)
            self.keys[key] = b
        holder = QHBoxLayout()
        holder.addStretch(1)
        holder.addLayout(grid)
        holder.addStretch(1)
        outer.addLayout(holder)
        self.cancel_button = button(secondary=True, name="pin_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        outer.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.retranslate()

    def reset(self, notice: str = "") -> None:
        self.digits = ""
        self.notice = notice
        self.retranslate()

    def set_enabled(self, enabled: bool) -> None:
        for key in self.keys.values():
            key.setEnabled(enabled)

    def press(self, key: str) -> None:
        if key == "clear":
            self.digits = ""
        elif key == "ok":
            if self.digits:
                entered, self.digits = self.digits, ""
                self.pin_entered.emit(entered)
        elif len(self.digits) < 8:
            self.digits += key
        self.retranslate()

    def cancel(self) -> None:
        self.digits = ""
        self.cancelled.emit()

    def retranslate(self):
        self.title.setText(self.tr("Staff only: enter your PIN"))
        self.dots.setText("● " * len(self.digits) if self.digits else "–")
        self.message.setText(self.notice)
        self.keys["clear"].setText(self.tr("Clear"))
        self.keys["ok"].setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))

    def apply_theme(self, theme: Theme):
        super().apply_theme(theme)
        theme.fit(self.title, "title", bold=True)
        theme.fit(self.dots, "title", language="en")
        theme.fit(self.message, "large")
        side = theme.mm(24)
        for key, b in self.keys.items():
            b.setFixedSize(side, side)
            # A square key has no room for the ordinary buttons' side padding: "Clear", not "lea".
            b.setStyleSheet(f"padding: {max(2, side // 16)}px;")
            b.setFont(theme.font("title", bold=True, language="en") if key.isdigit()
                      else theme.font("body", bold=True))
        theme.fit(self.cancel_button, "large", bold=True)


class CurrentPageStack(QStackedWidget):
    """A stack that asks for the room of the page shown, not of its largest page."""

    def sizeHint(self):
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self):
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page.hasHeightForWidth() if page is not None else False

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        return page.heightForWidth(width) if page.hasHeightForWidth() else page.sizeHint().height()


class StaffMenu(Screen):
    """Staff mode: the dashboard first, then look-up, health and export, and the ways out.

    Built with a StaffContext (the kiosk's database thread, a worker for slow jobs, the audit
    log); without one it offers only the ways out.
    """

    back = Signal()
    exit_app = Signal()
    tool_changed = Signal(str)

    TOOLS = ("dashboard", "lookup", "health", "export")

    def __init__(self, ctx=None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        # The title beside the tools in landscape, above them in portrait: the page is for data.
        self.header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.title = label(wrap=False, centre=False, name="staff_title")
        self.info = label(wrap=True, centre=False, name="staff_info")
        self.header.addWidget(self.title, 1)
        self.nav = QGridLayout()
        self.nav.setHorizontalSpacing(8)
        self.nav.setVerticalSpacing(6)
        self.header.addLayout(self.nav, 0)
        outer.addLayout(self.header)
        self.tool_buttons = {}
        self.pages = CurrentPageStack()
        self.tools = {}
        if ctx is not None:
            from kiosk.ui.staff.dashboard import LiveDashboard
            from kiosk.ui.staff.export import ExportPage
            from kiosk.services.dashboard import KioskDashboard
            from kiosk.ui.staff.feed import DashboardFeed
            from kiosk.ui.staff.health import HealthPage
            from kiosk.ui.staff.lookup import LookupPage

            kiosk_dir = ctx.services.kiosk_dir
            self.feed = DashboardFeed(KioskDashboard(
                ctx.desk.run_with_store, ctx.kiosk_id, ctx.services.hub_url,
                copy_dir=kiosk_dir / "hub-copy" if kiosk_dir is not None else None))
            self.tools = {"dashboard": LiveDashboard(self.feed), "lookup": LookupPage(ctx),
                          "health": HealthPage(ctx), "export": ExportPage(ctx)}
            for name, page in self.tools.items():
                b = button(secondary=True, name=f"staff_tool_{name}")
                b.clicked.connect(lambda _=False, n=name: self.show_tool(n))
                self.tool_buttons[name] = b
                self.pages.addWidget(page)
        else:
            self.feed = None
        self.back_button = button(secondary=True, name="staff_back")
        self.back_button.clicked.connect(self.back)
        self.exit_button = button(secondary=True, name="staff_exit")
        self.exit_button.clicked.connect(self._exit_tapped)
        # Leaving the kiosk app is rare and drastic: a second tap within a few seconds confirms.
        self.exit_armed = QTimer(self)
        self.exit_armed.setSingleShot(True)
        self.exit_armed.setInterval(5000)
        self.exit_armed.timeout.connect(self.retranslate)
        self._columns = 0
        self._place_nav(6)
        outer.addWidget(self.pages, 1)
        outer.addWidget(self.info)
        if self.tools:
            self.show_tool("dashboard")
        self.retranslate()

    def _exit_tapped(self) -> None:
        if self.exit_armed.isActive():
            self.exit_armed.stop()
            self.exit_app.emit()
            return
        self.exit_armed.start()
        self.exit_button.setText(self.tr("Tap again to exit"))

    # -- pages ----------------------------------------------------------------------------------
    def _nav_buttons(self) -> list:
        return list(self.tool_buttons.values()) + [self.back_button, self.exit_button]

    def _place_nav(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for b in self._nav_buttons():
            self.nav.removeWidget(b)
        for i, b in enumerate(self._nav_buttons()):
            self.nav.addWidget(b, i // columns, i % columns)

    def resizeEvent(self, event):
        portrait = event.size().width() < event.size().height()
        self.header.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                 else QBoxLayout.Direction.LeftToRight)
        self._place_nav(3 if portrait else 6)
        super().resizeEvent(event)

    def current_tool(self) -> str:
        page = self.pages.currentWidget()
        return next((name for name, p in self.tools.items() if p is page), "")

    def show_tool(self, name: str) -> None:
        if name not in self.tools:
            return
        self.pages.setCurrentWidget(self.tools[name])
        self.pages.updateGeometry()
        for tool, b in self.tool_buttons.items():
            # The open tool's button is the filled (primary) one.
            if b.property("secondary") != (tool != name):
                b.setProperty("secondary", tool != name)
                b.style().unpolish(b)
                b.style().polish(b)
        self.tool_changed.emit(name)
        self.refit()

    def code_scanned(self, code) -> None:
        """A badge scanned in staff mode: look its holder up."""
        if "lookup" in self.tools:
            self.show_tool("lookup")
            self.tools["lookup"].code_scanned(code)

    def stop(self) -> None:
        if self.feed is not None:
            self.feed.stop()

    def say(self, text: str) -> None:
        """A problem from a background job, shown where staff read the page's notes."""
        self.info.setText(text)
        self.info.setStyleSheet(f"color: {TONES['red'][0]};")

    # -- language and theme ---------------------------------------------------------------------
    def retranslate(self):
        self.title.setText(self.tr("Staff mode"))
        self.info.setText(self.tr("Staff mode ends by itself after two minutes without a touch."))
        names = {"dashboard": self.tr("Dashboard"), "lookup": self.tr("Look up"),
                 "health": self.tr("Kiosk health"), "export": self.tr("Export")}
        for name, b in self.tool_buttons.items():
            b.setText(names[name])
        self.back_button.setText(self.tr("Back to check-in"))
        if not self.exit_armed.isActive():
            self.exit_button.setText(self.tr("Exit to desktop"))
        for page in self.tools.values():
            page.retranslate()

    def apply_theme(self, theme: Theme):
        super().apply_theme(theme)
        theme.fit(self.title, "large", bold=True)
        fit_dense(theme, self.info, "body")
        for b in self._nav_buttons():
            theme.fit(b, "body", bold=True)
            b.setMinimumWidth(theme.mm(26))
        for page in self.tools.values():
            page.apply_theme(theme)
