"""`kiosk dashboard`: the staff dashboard alone in a window, for a supervisor's laptop or a wall
screen, fed by a kiosk folder, a merged database or the hub."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.core.errors import KioskError
from kiosk.ui.i18n import install_translators
from kiosk.ui.staff.dashboard import LiveDashboard
from kiosk.ui.staff.feed import DashboardFeed
from kiosk.ui.theme import PAPER, Theme, stylesheet


class DashboardWindow(QWidget):
    def __init__(self, feed: DashboardFeed, *, language: str = "en", refresh_ms: int = 2000):
        super().__init__()
        self.setObjectName("DashboardWindow")
        self.feed = feed
        self.language = language
        self.dashboard = LiveDashboard(feed, refresh_ms)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dashboard)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self.language = language
        app = QApplication.instance()
        install_translators(app, language)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ur"
                               else Qt.LayoutDirection.LeftToRight)
        theme = Theme.for_widget(self, language)
        self.setStyleSheet(stylesheet(theme) + f"QWidget#DashboardWindow {{ background: {PAPER}; }}")
        self.dashboard.retranslate()
        self.dashboard.apply_theme(theme)
        self.setWindowTitle(self.tr("Staff dashboard"))

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        self.dashboard.stop()
        self.feed.stop()


def run_dashboard(source, *, language: str = "en", refresh_seconds: float = 2.0,
                  screenshot: Path | None = None, size: tuple[int, int] = (1600, 900)) -> int:
    """Open the window and run until it is closed; with ``screenshot``, save the first complete
    refresh as a PNG and quit (exit status 1 when the source cannot be read)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ITCN Asia staff dashboard")
    feed = DashboardFeed(source)
    window = DashboardWindow(feed, language=language, refresh_ms=int(refresh_seconds * 1000))
    window.resize(*size)
    outcome = {"code": 0}
    if screenshot is not None:
        def saved(_data):
            QApplication.processEvents()  # let the layouts settle before the picture
            if not window.grab().save(str(screenshot)):
                outcome["code"], outcome["error"] = 1, f"cannot write {screenshot}"
            window.close()
            app.quit()

        def failed(message):
            outcome["code"], outcome["error"] = 1, message
            window.close()
            app.quit()

        window.dashboard.refreshed.connect(lambda data: QTimer.singleShot(0, lambda: saved(data)))
        feed.failed.connect(failed)
    window.show()
    try:
        app.exec()
    finally:
        window.shutdown()
    if outcome["code"]:
        raise KioskError(outcome.get("error", "the dashboard could not be shown"))
    return 0
