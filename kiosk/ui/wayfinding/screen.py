"""The "Find your way" screen: search, one-tap facilities, the map, the route and its QR code.

A standalone widget: the kiosk app embeds it behind the attract screen's "Find your way" button.

    screen = WayfindingScreen(venue, search_index, router, anchor_id, language="en")
    screen.closed          # the visitor wants to go back
    screen.route_shown     # dict: the route as `kiosk route --json` prints it, plus "qr_text"
    screen.activity        # any touch, key or wheel: reset the app's idle timer
    screen.set_language("ur")          # retranslates; panels right-to-left, the map never mirrored
    screen.show_destination_for(attendee)   # after a check-in: the exhibitor's booth, ...
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
                               QScroller, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget)

from kiosk.ui.i18n import font_families, install_translators, qt_drawn_families
from kiosk.ui.keyboard import OnScreenKeyboard, layout_for
from kiosk.ui.metrics import TOUCH_TARGET_MM, mm_to_px, text_px
from kiosk.ui.shaping import ShapedItemDelegate, ShapedLabel, ShapedButton
from kiosk.ui.wayfinding.map_view import MapView
from kiosk.services.wayfinding import NoRoute, Route, take_away_text

CONTEXT = "WayfindingScreen"


def _tr(text: str) -> str:
    """A string marked elsewhere (QT_TRANSLATE_NOOP), translated now."""
    return QCoreApplication.translate(CONTEXT, text)


QUICK = [("washroom_men", QT_TRANSLATE_NOOP("WayfindingScreen", "Washroom (men)")), ("washroom_women", QT_TRANSLATE_NOOP("WayfindingScreen", "Washroom (women)")),
         ("washroom_wheelchair", QT_TRANSLATE_NOOP("WayfindingScreen", "Accessible washroom")), ("prayer_men", QT_TRANSLATE_NOOP("WayfindingScreen", "Prayer (men)")),
         ("prayer_women", QT_TRANSLATE_NOOP("WayfindingScreen", "Prayer (women)")), ("food", QT_TRANSLATE_NOOP("WayfindingScreen", "Food")), ("exit", QT_TRANSLATE_NOOP("WayfindingScreen", "Exit")),
         ("information", QT_TRANSLATE_NOOP("WayfindingScreen", "Information"))]
ACTIVITY_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
                   QEvent.Type.Wheel, QEvent.Type.Gesture, QEvent.Type.InputMethod}

STYLE = """
WayfindingScreen { background: #F7F7F4; }
#panel { background: #FFFFFF; border-left: 1px solid #D9D9D0; }
#header { background: #12355B; }
#header QLabel { color: white; }
#tools { background: #EEF3F9; border-top: 2px solid #12355B; }
QPushButton { background: #FFFFFF; border: 2px solid #12355B; border-radius: 12px;
              color: #12355B; padding: 4px 10px; }
QPushButton:pressed { background: #DCE6F2; }
QPushButton:disabled { color: #8A939E; border: 2px dashed #B8C0CA; }
QPushButton#quick { background: #EEF3F9; border: 2px solid #9FB5D1; }
QPushButton#stepfree:checked { background: #12355B; color: white; }
QPushButton#back { background: transparent; color: white; border: 2px solid white; }
#tools QPushButton#back { background: #12355B; color: white; border: 2px solid #12355B; }
QPushButton#mapbutton { background: rgba(255, 255, 255, 235); border: 2px solid #8C8C80; border-radius: 14px; }
QLineEdit { border: 3px solid #12355B; border-radius: 12px; padding: 4px 14px;
            background: white; }
QListWidget { border: none; background: white; }
QListWidget::item { border-bottom: 1px solid #E4E4DC; padding: 6px 8px; }
QListWidget::item:selected { background: #DCE6F2; color: black; }
#note { background: rgba(255, 255, 255, 230); color: #444444; border-radius: 10px; padding: 4px 12px; }
#routeTitle { color: #12355B; }
#summary { color: #D81B60; }
QScrollArea, QScrollArea > QWidget > QWidget { background: white; }
QScrollBar:vertical { width: 12px; background: #F0F0EA; border: none; }
QScrollBar::handle:vertical { background: #9FB5D1; border-radius: 6px; min-height: 40px; }
QScrollBar::add-line, QScrollBar::sub-line { height: 0px; width: 0px; }
#warning { color: #B00020; }
"""
# High contrast (the attract screen's toggle): white and yellow on black, every text >= 7:1.
HIGH_CONTRAST_STYLE = """
WayfindingScreen { background: black; }
QWidget { color: white; }
#panel { background: black; border-left: 3px solid white; }
#header { background: black; border-bottom: 3px solid white; }
#tools { background: black; border-top: 3px solid white; }
#header QLabel { color: #FFD500; }
QPushButton { background: black; border: 3px solid white; border-radius: 12px;
              color: white; padding: 4px 10px; }
QPushButton:pressed { background: #333333; }
QPushButton:disabled { color: #BFBFBF; border: 3px dashed #BFBFBF; }
QPushButton#quick { background: black; border: 3px solid #FFD500; color: #FFD500; }
QPushButton#stepfree:checked { background: #FFD500; color: black; border: 5px solid white; }
QPushButton#back { background: black; color: white; border: 3px solid white; }
QPushButton#mapbutton { background: black; color: white; border: 3px solid white; border-radius: 14px; }
QLineEdit { border: 4px solid #FFD500; border-radius: 12px; padding: 4px 14px;
            background: black; color: white; placeholder-text-color: #D9D9D9; }
QListWidget { border: none; background: black; color: white; }
QListWidget::item { border-bottom: 1px solid white; padding: 6px 8px; color: white; }
QListWidget::item:selected { background: #FFD500; color: black; }
#note { background: black; color: white; border: 2px solid white; border-radius: 10px; padding: 4px 12px; }
#routeTitle { color: #FFD500; }
#summary { color: white; }
QScrollArea, QScrollArea > QWidget > QWidget { background: black; }
QScrollBar:vertical { width: 12px; background: black; border: 1px solid white; }
QScrollBar::handle:vertical { background: white; border-radius: 6px; min-height: 40px; }
QScrollBar::add-line, QScrollBar::sub-line { height: 0px; width: 0px; }
#warning { color: #FFD500; }
"""


def qr_image(text: str, module_px: int = 4, border: int = 2) -> QImage:
    """A QR code of the text (UTF-8), black on white, as an image for the screen."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    image = QImage(size, size, QImage.Format.Format_Mono)
    image.setColorTable([0xFFFFFFFF, 0xFF000000])
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            image.setPixel(x, y, 1 if dark else 0)
    return image.scaled(size * module_px, size * module_px, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.FastTransformation)


class WayfindingScreen(QWidget):
    closed = Signal()
    route_shown = Signal(dict)
    activity = Signal()

    def __init__(self, venue, search_index, router, anchor_id: str = "", language: str = "en",
                 parent: QWidget | None = None, *, event_name: str = "ITCN Asia"):
        super().__init__(parent)
        self.setObjectName("WayfindingScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.venue = venue
        self.index = search_index
        self.router = router
        self.here = venue.kiosk_place(anchor_id)
        self.language = language
        self.event_name = event_name
        self.high_contrast = False
        self.reach_rows: tuple[int, int] | None = None  # low reach (ADA 308): rows of controls
        self.accessible = False
        self.route: Route | None = None
        self.qr_text = ""
        self.last_result = None
        self.results_shown: list = []
        self._distance = self._distances()
        self._translatable: list[tuple[object, str, str]] = []  # (widget, setter, source)
        self.touch = mm_to_px(TOUCH_TARGET_MM, self)
        self.body_px = text_px(screen_or_widget=self)
        self.setStyleSheet(STYLE)
        self._build()
        self.set_language(language)
        for child in [self, self.map, self.map.viewport(), *self.findChildren(QWidget)]:
            child.installEventFilter(self)

    # -- building ---------------------------------------------------------------------------
    def _t(self, widget, setter: str, source: str):
        self._translatable.append((widget, setter, source))
        return widget

    def _button(self, source: str, name: str = "", min_width: int = 0) -> QPushButton:
        button = ShapedButton()
        button.setObjectName(name)
        button.setMinimumHeight(self.touch)
        button.setMinimumWidth(max(self.touch, min_width))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._t(button, "setText", source)
        return button

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        root = QHBoxLayout()
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        outer.addLayout(root, 1)
        self.root_box = root

        # The map with its header and controls laid over it.
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.setSpacing(0)
        header = QFrame()
        header.setObjectName("header")
        head = QHBoxLayout(header)
        head.setContentsMargins(16, 10, 16, 10)
        self.back_button = self._button(QT_TRANSLATE_NOOP("WayfindingScreen", "Back"), "back")
        self.back_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.back_button.setMinimumWidth(int(self.touch * 1.8))
        self.back_button.clicked.connect(self.closed)
        self.title = ShapedLabel()
        # A long venue name never widens the screen past a portrait display: it wraps.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setWordWrap(True)
        head.addWidget(self.back_button)
        head.addSpacing(16)
        head.addWidget(self.title, 1)
        left_box.addWidget(header)
        self.header, self.head = header, head

        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.map = MapView(self.venue, self.index.exhibitors, label_px=int(self.body_px * 0.8),
                           icon_px=int(self.touch * 0.45), button_px=self.touch)
        self.map.touched.connect(self.activity)
        grid.addWidget(self.map, 0, 0)
        controls = QWidget()
        controls.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        cbox = QVBoxLayout(controls)
        cbox.setContentsMargins(16, 16, 16, 16)
        self.cbox = cbox
        self.zoom_in_button = self._map_button("+", QT_TRANSLATE_NOOP("WayfindingScreen", "Zoom in"))
        self.zoom_out_button = self._map_button("\u2212", QT_TRANSLATE_NOOP("WayfindingScreen", "Zoom out"))
        self.reset_button = self._map_button("", QT_TRANSLATE_NOOP("WayfindingScreen", "Reset map"))
        self._t(self.reset_button, "setText", QT_TRANSLATE_NOOP("WayfindingScreen", "Reset map"))
        self.reset_button.setMinimumWidth(int(self.touch * 2.2))
        self.zoom_in_button.clicked.connect(lambda: self.map.zoom_by(1.5))
        self.zoom_out_button.clicked.connect(lambda: self.map.zoom_by(1 / 1.5))
        self.reset_button.clicked.connect(self.reset_map)
        for b in (self.zoom_in_button, self.zoom_out_button, self.reset_button):
            cbox.addWidget(b, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(controls, 0, 0, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight)
        self.note = ShapedLabel()
        self.note.setProperty("fine_print", True)  # small print: exempt from the body size
        self.note.setObjectName("note")
        self._t(self.note, "setText", QT_TRANSLATE_NOOP("WayfindingScreen", "Schematic map, not to scale"))
        # At the top right: the map's buttons take the bottom edge and its level switcher the top
        # left (the map is never mirrored, so neither is this corner).
        grid.addWidget(self.note, 0, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignAbsolute)
        self.map.obstacles = self._map_obstacles
        left_box.addWidget(holder, 1)
        root.addWidget(left, 1)
        self.left = left

        # The panel: search, step-free, then results or the route.
        panel = QFrame()
        panel.setObjectName("panel")
        panel.setMinimumWidth(mm_to_px(150, self))
        panel.setMaximumWidth(mm_to_px(195, self))
        box = QVBoxLayout(panel)
        box.setContentsMargins(18, 18, 18, 18)
        box.setSpacing(12)
        self.search_box = QLineEdit()
        self.search_box.setMinimumHeight(self.touch)
        self.search_box.setClearButtonEnabled(False)  # a 5 mm cross: the keyboard has Clear
        self._t(self.search_box, "setPlaceholderText", QT_TRANSLATE_NOOP("WayfindingScreen", "Search exhibitor, booth, hall…"))
        self.search_box.textChanged.connect(self._on_text)
        self.search_box.installEventFilter(self)
        box.addWidget(self.search_box)
        self.step_free_button = self._button(QT_TRANSLATE_NOOP("WayfindingScreen", "Step-free route (no stairs)"), "stepfree")
        self.step_free_button.setCheckable(True)
        self.step_free_button.toggled.connect(self.set_accessible)
        self.step_free_row = QHBoxLayout()
        self.step_free_row.setSpacing(10)
        self.step_free_row.addWidget(self.step_free_button, 3)
        box.addLayout(self.step_free_row)

        self.pages = QStackedWidget()
        # Page 0: one-tap facilities and the result list.
        find_page = QWidget()
        fbox = QVBoxLayout(find_page)
        fbox.setContentsMargins(0, 0, 0, 0)
        fbox.setSpacing(10)
        browse = QHBoxLayout()
        browse.setSpacing(10)
        self.az_button = self._button(QT_TRANSLATE_NOOP("WayfindingScreen", "Exhibitors A–Z"), "quick")
        self.az_button.clicked.connect(lambda: self.show_directory("az"))
        self.sector_button = self._button(QT_TRANSLATE_NOOP("WayfindingScreen", "By sector"), "quick")
        self.sector_button.clicked.connect(lambda: self.show_directory("sector"))
        browse.addWidget(self.az_button)
        browse.addWidget(self.sector_button)
        fbox.addLayout(browse)
        self.quick_box = QWidget()
        quick = QGridLayout(self.quick_box)
        quick.setContentsMargins(0, 0, 0, 0)
        quick.setSpacing(10)
        self.quick_buttons: dict[str, QPushButton] = {}
        for i, (group, source) in enumerate(QUICK):
            if not self.venue.group(group):
                continue
            button = self._button(source, "quick")
            button.clicked.connect(lambda _=False, g=group: self.show_nearest(g))
            quick.addWidget(button, i // 2, i % 2)
            self.quick_buttons[group] = button
        fbox.addWidget(self.quick_box)
        self.hint = ShapedLabel()
        self.hint.setWordWrap(True)
        fbox.addWidget(self.hint)
        self.results = QListWidget()
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setWordWrap(True)
        self.results.setItemDelegate(ShapedItemDelegate(self.results))
        self.results.itemClicked.connect(lambda item: self.choose(self.results.row(item)))
        fbox.addWidget(self.results, 1)
        self.pages.addWidget(find_page)
        # Page 1: the route.
        route_page = QWidget()
        rbox = QVBoxLayout(route_page)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.setSpacing(8)
        self.new_search_button = self._button(QT_TRANSLATE_NOOP("WayfindingScreen", "New search"))
        self.new_search_button.clicked.connect(self.show_search)
        # Always there (greyed out with no route): Step-free never widens under a finger.
        self.new_search_button.setEnabled(False)
        self.route_title = ShapedLabel()
        self.route_title.setObjectName("routeTitle")
        self.route_title.setWordWrap(True)
        self.summary = ShapedLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        rbox.addWidget(self.route_title)
        rbox.addWidget(self.summary)
        self.steps_label = ShapedLabel()
        self.steps_label.setWordWrap(True)
        self.steps_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps_label.setTextFormat(Qt.TextFormat.PlainText)
        scroll = QScrollArea()
        scroll.setWidget(self.steps_label)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        QScroller.grabGesture(self.results.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        rbox.addWidget(scroll, 1)
        qr_row = QHBoxLayout()
        self.qr_label = ShapedLabel()
        self.qr_label.setObjectName("take_away_qr")
        self.qr_label.setProperty("in_reach", True)  # a phone is held up to it (low reach)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = ShapedLabel()
        self.qr_caption.setWordWrap(True)
        self._t(self.qr_caption, "setText",
                QT_TRANSLATE_NOOP("WayfindingScreen", "Scan with your phone to take these directions with you. No internet needed."))
        qr_row.addWidget(self.qr_label)
        qr_row.addWidget(self.qr_caption, 1)
        rbox.addLayout(qr_row)
        self.pages.addWidget(route_page)
        self.step_free_row.addWidget(self.new_search_button, 2)
        box.addWidget(self.pages, 1)
        root.addWidget(panel)
        self.panel = panel
        # The on-screen keyboard, the whole width under map and panel, while the box is in use.
        self.keyboard = OnScreenKeyboard(self.touch, language=self.language)
        self.keyboard.attach(self.search_box)
        self.keyboard.typed.connect(lambda _text: self.activity.emit())
        self.keyboard.hide_requested.connect(self.hide_keyboard)
        self.keyboard.hide()
        outer.addWidget(self.keyboard)
        self.outer = outer
        # Low reach: Back, the map's levels and zoom in one row under the map (kept out of the
        # way otherwise).
        self.tools = QWidget()
        self.tools.setObjectName("tools")
        self.tools.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.tools_box = QHBoxLayout(self.tools)
        self.tools_box.setContentsMargins(16, 8, 16, 8)
        self.tools_box.setSpacing(12)
        self.tools.hide()

    # -- low reach ----------------------------------------------------------------------------
    def set_reach(self, rows: tuple[int, int] | None) -> None:
        """Low reach (ADA 308, for a wheelchair): every control within these rows of the screen.
        The map keeps the top, with only the title over it; Back, the map's levels and zoom
        come into one row under it, then the search panel and the keyboard, at the bottom."""
        if rows == self.reach_rows:
            return  # (every page change asks)
        low = rows is not None
        was = self.reach_rows is not None
        self.reach_rows = rows
        if low != was:
            self._arrange_reach(low)
        gap = max(0, self.height() - 1 - rows[1]) if low else 0  # under the reach: the floor's
        self.outer.setContentsMargins(0, 0, 0, gap)
        self._update_rows()
        self.outer.activate()

    def _arrange_reach(self, low: bool) -> None:
        map_view = self.map
        bar, next_floor = map_view.level_bar, map_view.next_floor_button
        zooms = (self.zoom_out_button, self.zoom_in_button, self.reset_button)
        if low:
            self.root_box.removeWidget(self.panel)
            self.outer.insertWidget(1, self.tools)
            self.outer.insertWidget(2, self.panel)
            self.tools_box.addWidget(self.back_button)
            bar.layout().setDirection(QHBoxLayout.Direction.LeftToRight)
            self.tools_box.addWidget(bar)
            self.tools_box.addWidget(next_floor)
            self.tools_box.addStretch(1)
            for b in zooms:
                self.tools_box.addWidget(b)
            self.tools.show()
        else:
            while self.tools_box.count():
                self.tools_box.takeAt(0)
            self.head.insertWidget(0, self.back_button)
            bar.setParent(map_view)
            next_floor.setParent(map_view)
            bar.layout().setDirection(QHBoxLayout.Direction.TopToBottom)
            for b in reversed((self.zoom_in_button, self.zoom_out_button, self.reset_button)):
                self.cbox.insertWidget(0, b, 0, Qt.AlignmentFlag.AlignRight)  # as built
            self.outer.removeWidget(self.tools)
            self.tools.hide()
            self.outer.removeWidget(self.panel)
            self.root_box.addWidget(self.panel)
            map_view._place_level_controls()
        for b in zooms:
            b.show()
        bar.setVisible(len(map_view.level_buttons) > 1)
        map_view._sync_level_controls()
        self.resizeEvent(None)

    def _update_rows(self) -> None:
        """What the panel shows: typing needs the room the one-tap buttons had; in low reach
        the browse and step-free rows too, and a list of results needs the one-tap room."""
        typing = not self.keyboard.isHidden()
        low = self.reach_rows is not None
        self.quick_box.setVisible(not typing and not (low and self.results_shown))
        self._update_hint()
        for b in (self.az_button, self.sector_button):
            b.setVisible(not (low and typing))
        for b in (self.step_free_button, self.new_search_button):
            b.setVisible(not (low and typing))
        self._fit_reach()

    def _fit_reach(self) -> None:
        """Low reach: the tools row starts at the first reachable row; under it the panel and
        the keyboard fill the reachable rows exactly; the map has the rest, above."""
        if self.reach_rows is None:
            for widget in (self.panel, self.left):
                widget.setMinimumHeight(0)
                widget.setMaximumHeight(16777215)
            return
        top, bottom = self.reach_rows
        keyboard = 0 if self.keyboard.isHidden() else self.keyboard.sizeHint().height()
        tools = self.tools.sizeHint().height()
        self.panel.setFixedHeight(max(0, bottom - top + 1 - tools - keyboard))
        self.left.setFixedHeight(top)  # the title and the map: what is out of reach is only seen
        self.outer.invalidate()  # now, not at the next event: nothing may sit out of reach
        self.outer.activate()

    def _map_obstacles(self) -> list:
        """Where the zoom buttons and the note cover the map, in the map's viewport."""
        viewport = self.map.viewport()
        return [QRect(viewport.mapFromGlobal(w.mapToGlobal(QPoint(0, 0))), w.size())
                for w in (self.zoom_in_button, self.zoom_out_button, self.reset_button,
                          self.note) if w.isVisible()]

    def _map_button(self, text: str, source: str) -> QPushButton:
        button = ShapedButton(text)
        button.setObjectName("mapbutton")
        button.setFixedHeight(self.touch)
        button.setMinimumWidth(self.touch)
        button.setAccessibleName(source)
        self._t(button, "setAccessibleName", source)
        return button

    def set_high_contrast(self, on: bool) -> None:
        """White and yellow on black, the map too (for this person: the app turns it off)."""
        on = bool(on)
        if on == self.high_contrast:
            return
        self.high_contrast = on
        self.setStyleSheet(HIGH_CONTRAST_STYLE if on else STYLE)
        self.map.set_high_contrast(on)  # it redraws its route; the QR code stays black on white

    # -- language -------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch language: translated strings, fonts, and right-to-left panels for Urdu."""
        app = QCoreApplication.instance()
        if app is not None:
            install_translators(app, language)
        self.language = language
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ur"
                                else Qt.LayoutDirection.LeftToRight)
        self.map.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.keyboard.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # phonetic: Latin places
        font = QFont()
        font.setFamilies(font_families(language))
        font.setPixelSize(self.body_px)
        self.setFont(font)
        # Style sheets stop font inheritance, so every child gets the font explicitly.
        small = QFont(font)
        small.setPixelSize(max(12, int(self.body_px * 0.75)))
        # Nastaliq stands much taller than Latin at the same size: give it room, never clip.
        line = QFontMetrics(font).height()
        room = int(self.body_px * 0.15) if language == "ur" else 0
        for child in self.findChildren(QWidget):
            if child is self.map or self.map.isAncestorOf(child) \
                    or child is self.keyboard or self.keyboard.isAncestorOf(child):
                continue
            child.setFont(small if child is self.note else font)
            if isinstance(child, QPushButton) and child.objectName() != "mapbutton":
                child.setMinimumHeight(max(self.touch, line + 2 * room + 16))
            elif isinstance(child, QLineEdit):
                typed = QFont(font)
                typed.setFamilies(qt_drawn_families(language))  # Qt draws what is typed
                child.setFont(typed)
                child.setMinimumHeight(max(self.touch, line + 2 * room + 12))
            elif isinstance(child, QLabel):
                # Nastaliq's first letter reaches past its advance: room at the sides too.
                side = int(self.body_px * 0.45) if language == "ur" else 0
                child.setContentsMargins(side, room, side, room)
        for widget, setter, source in self._translatable:
            getattr(widget, setter)(_tr(source))
        big = QFont(font)
        big.setPixelSize(int(self.body_px * 1.25))
        big.setBold(language != "ur")  # Nastaliq has no bold face; a synthetic one smears
        self.route_title.setFont(big)
        self.title.setFont(big)
        title = QCoreApplication.translate("WayfindingScreen", "Find your way")
        self.title.setText(f"{title} · {self.venue.name(language)}")
        self.keyboard.set_layout(layout_for(language))
        self.keyboard.set_font_px(self.body_px)
        self.map.set_language(language)
        self.map.set_here(self.here, {language: QCoreApplication.translate("WayfindingScreen", "You are here"), "en": "You are here"})
        self._fill_results(self.results_shown)
        if self.route is not None:
            self._show_route(self.route)
        elif self.pages.currentIndex() == 1 and self.last_result is not None:
            self.show_result(self.last_result)
        self._update_hint()

    # -- searching ----------------------------------------------------------------------------
    def _distances(self):
        import networkx as nx

        graph = self.router.graph.graph(False)
        try:
            dist = nx.single_source_dijkstra_path_length(graph, self.here.nodes[0])
        except (IndexError, nx.NodeNotFound):
            dist = {}
        return lambda places: min((dist.get(n, float("inf")) for p in places for n in p.nodes),
                                  default=float("inf"))

    def search(self, text: str) -> None:
        """Type into the search box (as the on-screen keyboard would)."""
        self.search_box.setText(text)

    def _on_text(self, text: str) -> None:
        self.activity.emit()
        self.results_shown = self.index.search(text, limit=30, distance=self._distance) \
            if text.strip() else []
        self.pages.setCurrentIndex(0)
        self._fill_results(self.results_shown)
        self._update_hint()

    def _fill_results(self, results) -> None:
        self.results.clear()
        if hasattr(self, "tools"):
            self._update_rows()
        lang = self.language
        for result in results:
            sub = result.subtitle(lang)
            item = QListWidgetItem(result.title(lang) + (f"\n{sub}" if sub else ""))
            lines = 2 if sub else 1
            height = QFontMetrics(self.font()).height() * lines + 24
            item.setSizeHint(QSize(0, max(self.touch, height)))
            self.results.addItem(item)

    def _update_hint(self) -> None:
        text = self.search_box.text().strip()
        if text and not self.results_shown:
            self.hint.setText(QCoreApplication.translate("WayfindingScreen", "Nothing found for “{query}”. Try a booth number such as "
                                  "H2-B14, a hall, or a company name.").format(query=text))
        elif not text:
            self.hint.setText(QCoreApplication.translate("WayfindingScreen", "Type a company, booth number or hall, or tap a button."))
        else:
            self.hint.setText("")
        # Low reach, typing: "Type a company..." goes (the box says it too; the list needs room).
        lowered = getattr(self, "reach_rows", None) is not None and hasattr(self, "keyboard") \
            and not self.keyboard.isHidden() and not text
        self.hint.setVisible(bool(self.hint.text()) and not lowered)

    def choose(self, row: int) -> None:
        """Tap on a result in the list."""
        if 0 <= row < len(self.results_shown):
            result = self.results_shown[row]
            if result.kind == "sector":  # a sector of the directory lists its exhibitors
                self._show_list(self.index.members(result, self.language))
                return
            self.show_result(result)

    def show_directory(self, mode: str = "az") -> None:
        """Browse instead of typing: every exhibitor A to Z, or the sectors (each listing its
        exhibitors); the one-tap buttons above are the facilities."""
        self.activity.emit()
        self.hide_keyboard()
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.pages.setCurrentIndex(0)
        self._show_list(self.index.directory(self.language) if mode == "az"
                        else self.index.sectors(self.language))

    def _show_list(self, results) -> None:
        self.results_shown = list(results)
        self._fill_results(self.results_shown)
        self.hint.setText("")
        self.hint.setVisible(False)

    # -- routes -----------------------------------------------------------------------------------
    def set_accessible(self, on: bool) -> None:
        self.accessible = bool(on)
        if self.step_free_button.isChecked() != self.accessible:
            self.step_free_button.setChecked(self.accessible)
        if self.last_result is not None and self.pages.currentIndex() == 1:
            self.show_result(self.last_result)

    def show_nearest(self, group: str) -> None:
        from kiosk.services.wayfinding import GROUPS, KIND_LABELS, SearchResult

        members = self.venue.group(group)
        self.show_result(SearchResult("nearest", members, GROUPS[group]["label"],
                                      KIND_LABELS["nearest"], group=group, key=f"group:{group}"))

    def show_result(self, result) -> None:
        """Route from you-are-here to a search result (or the nearest of its group)."""
        from kiosk.services.wayfinding import exhibitor_titles

        self.last_result = result
        self.hide_keyboard()
        self.pages.setCurrentIndex(1)
        try:
            if result.group:
                route = self.router.nearest(self.here, result.group, accessible=self.accessible)
            else:
                route = self.router.route(self.here, list(result.targets),
                                          accessible=self.accessible)
        except NoRoute as exc:
            self._show_no_route(result, exc)
            return
        if result.exhibitor is not None:
            route.titles = exhibitor_titles(self.venue, result.exhibitor)
        self._show_route(route)

    def nearest(self, group: str):
        """A one-tap group ("registration", "washroom_men", ...) as a result, or None."""
        from kiosk.services.wayfinding import GROUPS, KIND_LABELS, SearchResult

        members = self.venue.group(group)
        if not members or group not in GROUPS:
            return None
        return SearchResult("nearest", members, GROUPS[group]["label"], KIND_LABELS["nearest"],
                            group=group, key=f"group:{group}")

    def destination_for(self, attendee, speaker_halls=None):
        """The attendee's likely destination as a search result, or None (nothing is shown)."""
        from kiosk.services.wayfinding import likely_destination

        return likely_destination(attendee, list(self.index.exhibitors), self.venue, speaker_halls)

    def show_destination_for(self, attendee, exhibitors=None, speaker_halls=None) -> bool:
        """After a check-in: offer the attendee's likely destination. False if there is none."""
        from kiosk.services.wayfinding import likely_destination

        found = likely_destination(attendee, list(exhibitors if exhibitors is not None
                                                  else self.index.exhibitors),
                                   self.venue, speaker_halls)
        if found is None:
            return False
        self.show_result(found)
        return True

    def _show_route(self, route: Route) -> None:
        self.route = route
        self.new_search_button.setEnabled(True)
        lang = self.language
        self.route_title.setText(route.title(lang))
        summary = QCoreApplication.translate("WayfindingScreen", "{metres} m · about {minutes} min walk").format(
            metres=round(route.metres), minutes=route.minutes)
        if route.accessible:
            summary += " · " + QCoreApplication.translate("WayfindingScreen", "step-free")
        elif "stairs" in route.uses:
            summary += " · " + QCoreApplication.translate("WayfindingScreen", "has stairs")
        self.summary.setText(summary)
        steps = route.steps(lang)
        self.steps_label.setText("\n".join(f"{n}.  {s}" for n, s in enumerate(steps, start=1)))
        self.qr_text = take_away_text(route, lang, self.event_name)
        image = qr_image(self.qr_text, module_px=self._qr_module_px())
        self.qr_label.setPixmap(QPixmap.fromImage(image))
        self.qr_label.setVisible(True)
        self.qr_caption.setVisible(True)
        self.map.show_route(route.points, {lang: route.title(lang), "en": route.title("en")},
                            levels=[level for _, _, level in route.points3],
                            destination_id=route.destination.id)
        data = route.to_json(lang)
        data["qr_text"] = self.qr_text
        self.route_shown.emit(data)

    def _qr_module_px(self) -> int:
        # A phone camera reads a screen QR reliably from about 0.5 mm per module.
        return max(3, mm_to_px(0.75, self))

    def _show_no_route(self, result, exc: NoRoute) -> None:
        self.route = None
        self.new_search_button.setEnabled(True)
        self.map.clear_route()
        self.route_title.setText(result.title(self.language))
        if exc.reason == "not_step_free":
            text = QCoreApplication.translate("WayfindingScreen", "There is no step-free way to this place. Please ask a steward for help.")
        else:
            text = QCoreApplication.translate("WayfindingScreen", "This place cannot be reached from here. Please ask at the "
                       "information desk.")
        self.summary.setText("")
        self.steps_label.setText(text)
        self.qr_label.clear()
        self.qr_label.setVisible(False)
        self.qr_caption.setVisible(False)

    def show_search(self) -> None:
        self.route = None
        self.new_search_button.setEnabled(False)
        self.last_result = None
        self.map.clear_route()
        self.pages.setCurrentIndex(0)
        self.search_box.setFocus()

    def reset_map(self) -> None:
        self.activity.emit()
        self.map.reset_view()

    def show_keyboard(self) -> None:
        self.keyboard.show()
        self._update_rows()  # typing: the results need the room the one-tap buttons had
        self.search_box.setFocus()

    def hide_keyboard(self) -> None:
        self.keyboard.hide()
        self._update_rows()

    def reset(self) -> None:
        """Back to the first state: a new person (the app calls this after a result, Back,
        staff mode and idle)."""
        self.search_box.clear()
        self.results_shown = []
        self._fill_results([])
        self.hide_keyboard()
        self.show_search()
        self.search_box.clearFocus()
        self.set_accessible(False)
        self.map.reset_view()

    def resizeEvent(self, event):
        """Portrait: the map above the panel, each the full width; landscape: side by side
        (low reach: always above, the panel the full width)."""
        portrait = self.height() > self.width() * 1.2 or self.reach_rows is not None
        self.root_box.setDirection(QHBoxLayout.Direction.TopToBottom if portrait
                                   else QHBoxLayout.Direction.LeftToRight)
        # One width whatever the panel shows: its buttons never move under a finger.
        width = min(mm_to_px(185, self), int(self.width() * 0.45))
        self.panel.setMaximumWidth(16777215 if portrait else width)
        self.panel.setMinimumWidth(0 if portrait else width)
        if event is None:
            self.root_box.activate()
            return
        super().resizeEvent(event)
        self.root_box.activate()  # the new widths now, not at the next event: nothing shifts later

    # -- activity for the idle timer -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self.activity.emit()
        if watched is self.search_box and event.type() in (QEvent.Type.MouseButtonPress,
                                                            QEvent.Type.TouchBegin):
            self.show_keyboard()  # a tap in the box brings the keyboard up
        return False
