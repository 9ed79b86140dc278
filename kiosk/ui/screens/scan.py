"""Scanning screen: the live camera with a guide frame, and what to do if it cannot see."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.ui.screens import Screen, button, label, language_buttons
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import CameraView


class ScanScreen(Screen):
    back = Signal()
    find_way = Signal()
    language_chosen = Signal(str)

    def __init__(self, parent=None, languages=("en", "ur", "zh")):
        super().__init__(parent)
        self.camera_status = "starting"
        outer = QVBoxLayout(self)
        self.instruction = label(name="scan_instruction")
        outer.addWidget(self.instruction)
        self.view = CameraView()
        self.view.setMinimumSize(320, 240)
        outer.addWidget(self.view, 1)
        self.status = label(name="camera_status")
        outer.addWidget(self.status)
        row = QHBoxLayout()
        self.back_button = button(secondary=True, name="back_button")
        self.back_button.clicked.connect(self.back)
        self.way_button = button(secondary=True, name="find_way_button")
        self.way_button.clicked.connect(self.find_way)
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.language_buttons = language_buttons(languages, self.language_chosen.emit,
                                                 prefix="scan")
        for b in self.language_buttons.values():
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.way_button)
        outer.addLayout(row)
        self.retranslate()

    def set_camera_status(self, status: str) -> None:
        self.camera_status = status
        self.retranslate()

    def retranslate(self):
        self.back_button.setText(self.tr("Back"))
        self.way_button.setText(self.tr("Find your way"))
        if self.camera_status == "none":
            # A kiosk with a badge scanner only: no frame to hold anything in, nothing missing.
            self.instruction.setText(self.tr("Hold the QR code of your badge under the scanner"))
            self.status.setText("")
            self.view.set_message(self.tr("Use the scanner below the screen"))
        elif self.camera_status in ("lost", "reconnecting"):
            self.instruction.setText(self.tr("Hold your badge or phone inside the frame"))
            self.status.setText(self.tr("Reconnecting the camera…"))
            self.view.set_message(self.tr("Camera unavailable — use the scanner or ask staff"))
        elif self.camera_status == "starting":
            self.instruction.setText(self.tr("Hold your badge or phone inside the frame"))
            self.status.setText(self.tr("Starting the camera…"))
            self.view.set_message("")
        else:
            self.instruction.setText(self.tr("Hold your badge or phone inside the frame"))
            self.status.setText(self.tr("Phone screens work too: turn the brightness up."))
            self.view.set_message("")

    def apply_theme(self, theme: Theme):
        super().apply_theme(theme)
        theme.fit(self.instruction, "title", bold=True)
        theme.fit(self.status, "body")
        theme.fit(self.view, "large", bold=True)
        for b in (self.back_button, self.way_button):
            theme.fit(b, "large", bold=True)
        for code, b in self.language_buttons.items():
            theme.fit(b, "large", language=code)
        self.layout().setContentsMargins(*(theme.mm(6),) * 4)
        self.layout().setSpacing(theme.mm(3))
