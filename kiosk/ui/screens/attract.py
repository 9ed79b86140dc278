"""Attract screen: what the kiosk shows while nobody is using it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout

from kiosk.services import formats
from kiosk.ui.screens import Screen, button, label, layout_items, reorder
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import ScanHint

LANGUAGE_NAMES = {"en": "English", "ur": "اردو", "zh": "中文"}


def venue_name(venue: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {"lahore": QCoreApplication.translate("Venue", "Expo Centre Lahore"),
             "karachi": QCoreApplication.translate("Venue", "Expo Centre Karachi")}
    return names.get(venue, venue.title())


def date_range(days: list[date], language: str) -> str:
    """The event's dates as the language writes them (CLDR, through kiosk.services.formats)."""
    return formats.date_range(days, language)


class AttractScreen(Screen):
    start_scan = Signal()
    find_way = Signal()
    language_chosen = Signal(str)
    speech_toggled = Signal(bool)
    contrast_toggled = Signal(bool)
    reach_toggled = Signal(bool)

    def __init__(self, *, event_name: str, days: list[date], venue: str, languages: list[str],
                 parent=None):
        super().__init__(parent)
        self.event_name, self.days, self.venue = event_name, days, venue
        self.language = "en"
        self.scanner_only = False  # no camera: the badge goes under the scanner
        outer = QVBoxLayout(self)
        self.title = label(event_name, name="event_name")
        self.subtitle = label(name="event_when")
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)

        # One column in every orientation: Qt's box layouts lose track of wrapped text's height
        # when boxes nest and turn, and a kiosk screen must never clip.
        self.hint = ScanHint()
        self.headline = label(name="headline")
        self.instruction = label(name="instruction")
        self.scan_button = button(name="scan_button")
        self.scan_button.clicked.connect(self.start_scan)
        outer.addStretch(1)
        outer.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(self.headline)
        outer.addWidget(self.instruction)
        outer.addWidget(self.scan_button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.speech_button = button(name="speech_button")
        self.speech_button.setProperty("language", True)  # the checked look of the language buttons
        self.speech_button.setCheckable(True)
        self.speech_button.toggled.connect(self.speech_toggled)
        self.contrast_button = button(name="contrast_button")
        self.contrast_button.setProperty("language", True)
        self.contrast_button.setCheckable(True)
        self.contrast_button.toggled.connect(self.contrast_toggled)
        # Low reach (ADA 308): every control within 380-1220 mm of the floor, for a wheelchair.
        self.reach_button = button(name="reach_button")
        self.reach_button.setProperty("language", True)
        self.reach_button.setCheckable(True)
        self.reach_button.toggled.connect(self.reach_toggled)
        self.reach_button.toggled.connect(lambda _on: self.retranslate())
        access = QHBoxLayout()
        access.addStretch(1)
        access.addWidget(self.speech_button)
        access.addWidget(self.contrast_button)
        access.addWidget(self.reach_button)
        access.addStretch(1)
        outer.addLayout(access)

        bottom = QHBoxLayout()
        self.language_group = QButtonGroup(self)
        self.language_buttons = {}
        for code in languages:
            b = button(LANGUAGE_NAMES[code], name=f"language_{code}")
            b.setProperty("language", True)
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_group.addButton(b)
            self.language_buttons[code] = b
            bottom.addWidget(b)
        bottom.addStretch(1)
        self.way_button = button(secondary=True, name="find_way_button")
        self.way_button.clicked.connect(self.find_way)
        bottom.addWidget(self.way_button)
        outer.addLayout(bottom)
        self._items = layout_items(outer)
        self.retranslate()

    # title, subtitle, stretch, hint, headline, instruction, Start, stretch, access, languages
    NORMAL = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    LOW_REACH = [0, 1, 2, 3, 4, 5, 7, 6, 8, 9]  # Start joins the other buttons at the bottom

    def arrange_reach(self, low: bool) -> None:
        reorder(self.layout(), self.LOW_REACH if low else self.NORMAL, self._items)

    def set_language(self, language: str) -> None:
        self.language = language
        if language in self.language_buttons:
            self.language_buttons[language].setChecked(True)
        self.retranslate()

    def retranslate(self):
        self.subtitle.setText(f"{date_range(self.days, self.language)} · {venue_name(self.venue)}")
        self.headline.setText(self.tr("Scan your badge"))
        if self.scanner_only:
            self.instruction.setText(self.tr(
                "Hold the QR code on your badge or phone under the scanner below the screen."))
        else:
            self.instruction.setText(self.tr(
                "Hold the QR code on your badge or phone up to the camera above the screen."))
        self.scan_button.setText(self.tr("Start"))
        self.contrast_button.setText(self.tr("High contrast"))
        # The wheelchair symbol and words; the words change when it is on (not colour alone).
        self.reach_button.setText("\u267F " + (self.tr("Lowered") if self.reach_button.isChecked()
                                               else self.tr("Low reach")))
        # Said in words as well as by the checked look: colour is never the only signal.
        self.speech_button.setText(self.tr("Reading aloud") if self.speech_button.isChecked()
                                   else self.tr("Read aloud"))
        self.way_button.setText(self.tr("Find your way"))

    def apply_theme(self, theme: Theme):
        super().apply_theme(theme)
        theme.fit(self.title, "title", bold=True, language="en")
        theme.fit(self.subtitle, "body")
        theme.fit(self.headline, "huge", bold=True)
        theme.fit(self.instruction, "large")
        theme.fit(self.scan_button, "large", bold=True)
        self.scan_button.setMinimumWidth(theme.mm(60))
        # The hint gives way a little to the headings when a language needs the room.
        side = int(min(theme.mm(65), max(self.height(), 400) * 0.3) * max(theme.display_scale, 0.7))
        self.hint.setFixedSize(int(side * 1.2), side)
        theme.fit(self.way_button, "large", bold=True)
        theme.fit(self.speech_button, "large")
        theme.fit(self.contrast_button, "large")
        theme.fit(self.reach_button, "large")
        for code, b in self.language_buttons.items():
            theme.fit(b, "large", language=code)
        self.layout().setContentsMargins(*(theme.mm(8),) * 4)
        self.layout().setSpacing(theme.mm(4))


