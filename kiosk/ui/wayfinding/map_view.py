"""The venue map drawn from its GeoJSON: a QGraphicsScene in metres, north up, never mirrored.

Labels ignore the view's transform (they stay the same size on screen at every zoom) and appear by
level of detail: halls and facilities always, booth numbers once booths are big enough to hold
them, exhibitor names closer still. The route is a thick line with a moving dash on top, the
"you are here" marker a dot with a cone pointing the way a person reading the screen faces.

One level is shown at a time. A venue with several levels gets a level switcher (top left, one
fixed button per level, bottom-up order from the bottom) and, while a route changes floors, a
"next floor" button beside it that follows the route to its next level. Both are children of
the view at fixed places: they never move, whatever the language or the route.

Every colour comes from a MapColours: NORMAL, or HIGH_CONTRAST (white and yellow on black, as the
kiosk's high-contrast theme) set with ``set_high_contrast(True)``, which redraws the map with the
same level, you-are-here and route.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (QEasingCurve, QEvent, QPointF, QRectF, Qt, QTimer, QVariantAnimation,
                            Signal)
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen,
                           QPolygonF)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsView,
                               QLayout, QPinchGesture, QVBoxLayout, QWidget)

from kiosk.ui.i18n import font_families, qt_drawn_families
from kiosk.ui.shaping import ShapedButton
from kiosk.services.wayfinding import in_every_language
from kiosk.core.words import QT_TRANSLATE_NOOP


def _in_all(source: str) -> dict[str, str]:
    """A word of this module (context "MapView" in the translators' files) in every language."""
    return in_every_language("MapView", source)

NEXT_FLOOR = _in_all(QT_TRANSLATE_NOOP("MapView", "Next: {level}"))
BACK_FLOOR = _in_all(QT_TRANSLATE_NOOP("MapView", "Back to {level}"))
LEVEL_NAME = _in_all(QT_TRANSLATE_NOOP("MapView", "Level"))

UNIT_COLOURS = {
    "hall": ("#EAF1FB", "#7D9CC4"),
    "seminar": ("#EFE7F7", "#9A7BBF"),
    "washroom": ("#E1F3F1", "#5FA8A0"),
    "food": ("#FDEBD8", "#D8964F"),
    "firstaid": ("#FBE3E3", "#C65A5A"),
    "room": ("#F1F1EC", "#A8A89A"),
    "walkway": ("#FAFAF7", "#C9C9BF"),
}
SECTOR_TINTS = ["#FFF4D6", "#E3F4E1", "#E2EEFA", "#F8E3EE", "#EDE6F8", "#E0F4F4", "#FBE9DD"]
ICONS = {  # kind: (glyph, fill)
    "washroom": ("WC", "#00798C"),
    "prayer": ("\u262A", "#2E7D32"),
    "food": ("\u2615", "#C26A1B"),
    "firstaid": ("\u271A", "#C62828"),
    "information": ("i", "#1565C0"),
    "registration": ("\u2713", "#1565C0"),
    "atm": ("ATM", "#5D4037"),
    "parking": ("P", "#1A4F9C"),
}
UNIT_ICONS = {  # unit category: (glyph, fill)
    "restroom.male": ("\u2642", "#1565C0"),
    "restroom.female": ("\u2640", "#AD1457"),
    "restroom.wheelchair": ("\u267F", "#00695C"),
}
ROUTE_COLOUR = QColor("#D81B60")
HERE_COLOUR = QColor("#1565C0")


@dataclass(frozen=True)
class MapColours:
    """What the map is drawn in. Text colours go with the pill (or halo) they are drawn on."""

    background: str = "#DDE3D5"
    footprint: tuple = ("#F4F4EF", "#8C8C80")  # fill, edge
    upper_edge: str = "#5F6B7A"
    units: dict = field(default_factory=lambda: dict(UNIT_COLOURS))
    sector_tints: tuple = tuple(SECTOR_TINTS)
    booth: tuple = ("#FFFFFF", "#B5B5A8")  # a booth without an exhibitor; every booth's edge
    booth_label: str = "#555555"
    exhibitor_label: str = "#222222"
    openings: dict = field(default_factory=lambda: {"exit": "#2E7D32",
                                                    "emergency_exit": "#C62828",
                                                    "door": "#FFFFFF"})
    hall_label: tuple = ("#1F3A5F", "#FFFFFFD7")  # text, pill (#RRGGBBAA)
    room_label: tuple = ("#333333", None)  # None: a white halo instead of a pill
    gate_label: tuple = ("#FFFFFF", "#2E7D32EB")
    icon: tuple | None = None  # (disc, glyph, ring) for every icon; None: each its own colour
    here: str = "#1565C0"
    here_label: tuple = ("#FFFFFF", "#1565C0F0")
    route: str = "#D81B60"
    route_casing: str = "#FFFFFF"
    route_dash: str = "#FFFFFFD2"
    route_label: tuple = ("#FFFFFF", "#D81B60F0")
    highlight_alpha: int = 70
    level_style: str = (
        "QPushButton { background: rgba(255, 255, 255, 235); color: #12355B;"
        " border: 2px solid #8C8C80; border-radius: 14px; font-weight: bold; }"
        " QPushButton:checked { background: #12355B; color: white; border-color: #12355B; }")
    next_floor: tuple = ("#D81B60", "#FFFFFF")  # background, text


NORMAL = MapColours()
# White and yellow on black: every text at least 7:1 against what it is drawn on (WCAG AAA).
HIGH_CONTRAST = MapColours(
    background="#000000", footprint=("#000000", "#FFFFFF"), upper_edge="#FFFFFF",
    units={kind: ("#000000", "#FFFFFF") for kind in UNIT_COLOURS} | {"walkway": ("#1A1A1A", "#FFFFFF")},
    sector_tints=("#000000",), booth=("#000000", "#FFFFFF"),
    booth_label="#FFFFFF", exhibitor_label="#FFFFFF",
    openings={"exit": "#FFD500", "emergency_exit": "#FFD500", "door": "#FFFFFF"},
    hall_label=("#FFD500", "#000000"), room_label=("#FFFFFF", "#000000"),
    gate_label=("#000000", "#FFD500"), icon=("#000000", "#FFD500", "#FFFFFF"),
    here="#00E5FF", here_label=("#000000", "#00E5FF"),
    route="#FFD500", route_casing="#000000", route_dash="#000000",
    route_label=("#000000", "#FFD500"), highlight_alpha=110,
    level_style=("QPushButton { background: black; color: white; border: 3px solid white;"
                 " border-radius: 14px; font-weight: bold; }"
                 " QPushButton:checked { background: #FFD500; color: black;"
                 " border: 5px solid white; }"),
    next_floor=("#FFD500", "#000000"))


def spec_colour(spec: str | None) -> QColor | None:
    """#RRGGBB or #RRGGBBAA (alpha last, as CSS writes it) to a QColor."""
    if spec is None:
        return None
    if len(spec) == 9:
        c = QColor(spec[:7])
        c.setAlpha(int(spec[7:], 16))
        return c
    return QColor(spec)
BOOTH_LABEL_SCALE = 14.0  # pixels per metre at which booth numbers fit their booths
EXHIBITOR_LABEL_SCALE = 22.0


class LabelItem(QGraphicsItem):
    """Text on a soft pill, the same size at every zoom, centred on its scene position."""

    def __init__(self, names: dict, *, pixel_size: int, bold: bool = False,
                 colour: str = "#222222", pill: QColor | None = None, lod: float = 0.0,
                 max_width_m: float | None = None, offset_px: float = 0.0,
                 halo: bool = False, beside_px: float | None = None, priority: int = 5):
        super().__init__()
        self.names = names
        self.priority = priority  # lower wins where labels would overlap; the other one goes
        self.level = None  # the level it belongs to (None: every level)
        self.suppressed = False  # hidden because a route names the same place
        self.group = None  # labels of one place are laid out together and never clash
        self.max_width_m = max_width_m  # elide to this many metres of map (a booth's width)
        self.scale = 1.0
        self.full_text = ""
        self.lod = lod  # the pixels per metre from which it shows
        self.pixel_size = pixel_size
        self.bold = bold
        self.colour = QColor(colour)
        self.pill = pill
        self.halo = halo
        self.offset_px = offset_px  # below (+) or above (-) its point, in screen pixels
        self.beside_px = beside_px  # if set: starts this many pixels right of its point
        self.text = ""
        self.font = QFont()
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(20)
        self.set_language("en")

    def set_language(self, lang: str) -> None:
        key = {"zh": "zh-Hans"}.get(lang, lang)
        self.full_text = self.names.get(key) or self.names.get(lang) or self.names.get("en", "")
        self.font = QFont()
        self.font.setFamilies(qt_drawn_families(lang))
        self.font.setPixelSize(self.pixel_size)
        self.font.setBold(self.bold and lang != "ur")  # Nastaliq has no bold face
        self._layout()

    def fit(self, scale: float) -> None:
        """Re-elide for a new zoom (only labels that must fit inside a booth)."""
        if self.max_width_m is not None and abs(scale - self.scale) > 1e-6:
            self.scale = scale
            self._layout()

    def _layout(self) -> None:
        metrics = QFontMetricsF(self.font)
        self.text = self.full_text
        if self.max_width_m is not None:
            self.text = metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                           max(8.0, self.max_width_m * self.scale - 4))
        # Centre the ink, not the line box: Nastaliq rises far above its ascent.
        ink = metrics.tightBoundingRect(self.text) if self.text else QRectF()
        self.advance = metrics.horizontalAdvance(self.text)
        width = max(self.advance, ink.width())
        height = max(ink.height(), metrics.capHeight())
        left = -width / 2 if self.beside_px is None else self.beside_px
        self.baseline = QPointF(left + (width - self.advance) / 2,
                                -ink.center().y() + self.offset_px)
        self.prepareGeometryChange()
        self._rect = QRectF(left - 7, -height / 2 - 5 + self.offset_px, width + 14, height + 10)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.pill is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.pill)
            painter.drawRoundedRect(self._rect, 8, 8)
        if self.halo:  # a white outline keeps dark text legible over booths and lines
            painter.setPen(rgba("#FFFFFF", 200))
            painter.setFont(self.font)
            for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                painter.drawText(self.baseline + QPointF(dx, dy), self.text)
        painter.setPen(self.colour)
        painter.setFont(self.font)
        painter.drawText(self.baseline, self.text)


class IconItem(QGraphicsItem):
    """A facility symbol: a coloured disc with a glyph, constant size on screen."""

    def __init__(self, glyph: str, fill: str, diameter: int, ink: str = "#FFFFFF",
                 ring: str = "#FFFFFF"):
        super().__init__()
        self.glyph, self.fill, self.d = glyph, QColor(fill), diameter
        self.ink, self.ring = QColor(ink), QColor(ring)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(18)

    def boundingRect(self) -> QRectF:
        r = self.d / 2 + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.ring, 2))
        painter.setBrush(self.fill)
        r = self.d / 2
        painter.drawEllipse(QPointF(0, 0), r, r)
        font = QFont()
        font.setFamilies(["DejaVu Sans", "Noto Sans Symbols", "Noto Sans"])
        font.setBold(True)
        font.setPixelSize(int(self.d * (0.38 if len(self.glyph) > 2 else
                                        0.45 if len(self.glyph) == 2 else 0.62)))
        painter.setFont(font)
        painter.setPen(self.ink)
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, self.glyph)


class HereMarker(QGraphicsItem):
    """You are here: a dot and a cone pointing the way a person reading the screen faces."""

    def __init__(self, facing: float | None, size: int, fill: QColor = HERE_COLOUR):
        super().__init__()
        self.size = size
        self.fill = QColor(fill)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(40)
        if facing is not None:
            self.setRotation(facing)  # compass bearing: clockwise from north, which is up
        self.facing = facing

    def boundingRect(self) -> QRectF:
        s = self.size * 1.6
        return QRectF(-s, -s, 2 * s, 2 * s)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self.size
        if self.facing is not None:
            cone = QPainterPath()
            cone.moveTo(0, 0)
            cone.arcTo(QRectF(-s * 1.5, -s * 1.5, s * 3, s * 3), 60, 60)
            cone.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            colour = QColor(self.fill)
            colour.setAlpha(90)
            painter.setBrush(colour)
            painter.drawPath(cone)
        painter.setPen(QPen(QColor("white"), 4))
        painter.setBrush(self.fill)
        painter.drawEllipse(QPointF(0, 0), s * 0.42, s * 0.42)


class PinItem(QGraphicsItem):
    """The destination: a map pin whose point sits on the place."""

    def __init__(self, size: int, fill: QColor = ROUTE_COLOUR):
        super().__init__()
        self.size = size
        self.fill = QColor(fill)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(41)

    def boundingRect(self) -> QRectF:
        s = self.size
        return QRectF(-s / 2 - 2, -s * 1.4 - 2, s + 4, s * 1.4 + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self.size
        path = QPainterPath()
        path.moveTo(0, 0)
        path.cubicTo(-s * 0.2, -s * 0.45, -s / 2, -s * 0.6, -s / 2, -s * 0.95)
        path.arcTo(QRectF(-s / 2, -s * 1.4, s, s * 0.9), 180, -180)
        path.cubicTo(s / 2, -s * 0.6, s * 0.2, -s * 0.45, 0, 0)
        painter.setPen(QPen(QColor("white"), 3))
        painter.setBrush(self.fill)
        painter.drawPath(path)
        painter.setBrush(QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(0, -s * 0.95), s * 0.17, s * 0.17)


def rgba(hex_rgb: str, alpha: int = 255) -> QColor:
    colour = QColor(hex_rgb)
    colour.setAlpha(alpha)
    return colour


def scene_point(x: float, y: float) -> QPointF:
    """Metres (x east, y north) to scene coordinates (y grows downwards on screen)."""
    return QPointF(x, -y)


class MapView(QGraphicsView):
    """Pinch-zoom and pan by touch (wheel and drag with a mouse); reset to the whole venue."""

    zoomed = Signal(float)  # pixels per metre
    touched = Signal()
    level_changed = Signal(int)  # the ordinal now shown

    def __init__(self, venue, exhibitors=(), *, label_px: int = 22, icon_px: int = 34,
                 button_px: int = 64, parent=None):
        super().__init__(parent)
        self.venue = venue
        self.button_px = button_px
        ordinals = getattr(venue, "ordinals", [0])
        self.level = min(ordinals, key=abs)  # the ground floor (or the nearest to it)
        self._level_items: list[tuple[QGraphicsItem, int]] = []
        self.route_levels: list[int] = []
        self.place_labels: dict[str, list[LabelItem]] = {}
        self.place_shapes: dict[str, tuple[list, int]] = {}
        self.obstacles = lambda: []  # viewport rects of controls drawn over the map
        self.highlight: QGraphicsItem | None = None
        self.label_px = label_px
        self.icon_px = icon_px
        self.language = "en"
        self.labels: list[LabelItem] = []
        self.route_items: list[QGraphicsItem] = []
        self.here_marker: HereMarker | None = None
        self.here_label: LabelItem | None = None
        self._fit_scale = 1.0
        self._dash_animation: QVariantAnimation | None = None
        self.colours = NORMAL
        self.exhibitors = list(exhibitors)
        self._here = None  # (place, names): set_here's, for a redraw
        self._route_args = None  # show_route's, likewise
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the map is never mirrored
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QColor(self.colours.background))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._build(self.exhibitors)
        self._build_level_controls()

    def set_high_contrast(self, on: bool) -> None:
        """Redraw in white and yellow on black (or back): same level, here and route."""
        colours = HIGH_CONTRAST if on else NORMAL
        if colours is self.colours:
            return
        self.colours = colours
        route, here, level = self._route_args, self._here, self.level
        view = self.transform(), self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        self.clear_route()
        self.scene().clear()
        self._level_items, self.labels = [], []
        self.place_labels, self.place_shapes = {}, {}
        self.here_marker = self.here_label = None
        self.setBackgroundBrush(QColor(colours.background))
        self._build(self.exhibitors)
        for label in self.labels:
            label.set_language(self.language)
        self.level = level
        self._style_level_controls()
        if here is not None:
            self.set_here(*here)
        if route is not None:
            self.show_route(*route)
        self.show_level(level)
        self.setTransform(view[0])
        self.horizontalScrollBar().setValue(view[1])
        self.verticalScrollBar().setValue(view[2])
        self._zoom_changed()

    def _style_level_controls(self) -> None:
        self.level_bar.setStyleSheet(self.colours.level_style)
        back, ink = self.colours.next_floor
        self.next_floor_button.setStyleSheet(
            f"QPushButton {{ background: {back}; color: {ink}; border: none;"
            " border-radius: 14px; font-weight: bold; padding: 0 10px; }")

    def text_colours(self) -> list[tuple[str, QColor, QColor | None]]:
        """(text, ink, what it is drawn on) of every label on screen now; None: a halo."""
        shown = [lb for lb in self.labels if lb.isVisible()] + [
            lb for lb in (self.here_label, getattr(self, "route_label", None))
            if lb is not None and lb.scene() is not None and lb.isVisible()]
        return [(lb.text, lb.colour, lb.pill) for lb in shown if lb.text]

    # -- drawing the venue ---------------------------------------------------------------
    def _build(self, exhibitors) -> None:
        scene = self.scene()
        v = self.venue
        x0, y0, x1, y1 = v.bounds()
        self.venue_rect = QRectF(x0 - 40, -y1 - 40, (x1 - x0) + 80, (y1 - y0) + 80)
        # Room to scroll past the edges, so that nothing has to sit under a control.
        m = max(self.venue_rect.width(), self.venue_rect.height())
        scene.setSceneRect(self.venue_rect.adjusted(-m, -m, m, m))
        for ring in v.footprint:
            item = scene.addPolygon(QPolygonF([scene_point(x, y) for x, y in ring]),
                                    QPen(QColor(self.colours.footprint[1]), 0),
                                    QBrush(QColor(self.colours.footprint[0])))
            item.setZValue(0)
        ground = min(getattr(v, "ordinals", [0]), key=abs)
        for level in getattr(v, "levels", {}).values():
            if level.polygon and level.ordinal != ground:  # an upper floor over the ground's
                item = scene.addPolygon(QPolygonF([scene_point(x, y) for x, y in level.polygon]),
                                        QPen(QColor(self.colours.upper_edge), 0.8),
                                        QBrush(QColor(self.colours.footprint[0])))
                item.setZValue(0.5)
                self._on_level(item, level.ordinal)
        units = sorted((p for p in v.places.values() if p.feature_type == "unit" and p.polygon),
                       key=lambda p: -_area(p.polygon))
        for unit in units:
            fill, edge = self.colours.units.get(unit.kind, self.colours.units["room"])
            pen = QPen(QColor(edge), 0.4)
            item = scene.addPolygon(QPolygonF([scene_point(x, y) for x, y in unit.polygon]),
                                    pen, QBrush(QColor(fill)))
            item.setZValue(1 if unit.kind in ("walkway", "hall") else 2)
            item.setData(0, unit.id)
            self._on_level(item, unit.level)
            self.place_shapes[unit.id] = (unit.polygon, unit.level)
        sectors: dict[str, int] = {}
        by_booth = {}
        for ex in exhibitors:
            by_booth.setdefault(ex.booth.id, ex)
        for booth in v.booths:
            ex = by_booth.get(booth.id)
            tint = self.colours.booth[0]
            if ex is not None:
                tints = self.colours.sector_tints
                tint = tints[sectors.setdefault(ex.category, len(sectors)) % len(tints)]
            item = scene.addPolygon(QPolygonF([scene_point(x, y) for x, y in booth.polygon]),
                                    QPen(QColor(self.colours.booth[1]), 0.15), QBrush(QColor(tint)))
            item.setZValue(3)
            item.setData(0, booth.id)
            self._on_level(item, booth.level)
            self.place_shapes[booth.id] = (booth.polygon, booth.level)
            width = max(x for x, _ in booth.polygon) - min(x for x, _ in booth.polygon)
            small = max(12, int(self.label_px * 0.6))
            label = LabelItem({"en": booth.code}, pixel_size=small, colour=self.colours.booth_label,
                              lod=BOOTH_LABEL_SCALE, offset_px=-small * 0.6 if ex else 0,
                              priority=6)
            self.place_labels.setdefault(booth.id, []).append(label)
            label.group = booth.id
            label.setPos(scene_point(*booth.point))
            self._add_label(label, booth.level)
            if ex is not None:
                name_label = LabelItem(dict(ex.names), pixel_size=small,
                                       colour=self.colours.exhibitor_label,
                                       lod=EXHIBITOR_LABEL_SCALE, max_width_m=width,
                                       offset_px=small * 0.7, priority=5)
                self.place_labels.setdefault(booth.id, []).append(name_label)
                name_label.group = booth.id
                name_label.setPos(scene_point(*booth.point))
                self._add_label(name_label, booth.level)
        for opening in (p for p in v.places.values() if p.feature_type == "opening" and p.line):
            colour = self.colours.openings.get(opening.kind, self.colours.openings["door"])
            width = 1.6 if opening.kind in ("exit", "emergency_exit") else 1.2
            path = QPainterPath(scene_point(*opening.line[0]))
            for pt in opening.line[1:]:
                path.lineTo(scene_point(*pt))
            item = scene.addPath(path, QPen(QColor(colour), width, Qt.PenStyle.SolidLine,
                                            Qt.PenCapStyle.FlatCap))
            item.setZValue(4)
            self._on_level(item, opening.level)
        # Labels: halls big, other named rooms smaller, gates, facility icons.
        for unit in units:
            if unit.kind == "walkway" or not unit.names:
                continue
            if any(a.feature_type == "amenity" and set(a.nodes) & set(unit.nodes)
                   for a in v.places.values() if a.kind in ICONS):
                continue  # the amenity's icon and label stand for the room
            big = unit.kind == "hall"
            icon = UNIT_ICONS.get(unit.category)
            if icon:
                item = self._icon(*icon)
                item.setPos(scene_point(*unit.point))
                self.scene().addItem(item)
                self._on_level(item, unit.level)
            ink, pill = self.colours.hall_label if big else self.colours.room_label
            label = LabelItem(unit.names, pixel_size=int(self.label_px * (1.6 if big else 0.8)),
                              bold=big, colour=ink, pill=spec_colour(pill), halo=pill is None,
                              lod=0.0 if big or unit.kind == "seminar" else
                              9.0 if icon else 3.0,
                              offset_px=self.icon_px * 0.5 + self.label_px * 0.6 if icon else 0,
                              priority=0 if big else 3 if unit.kind == "seminar" else 4)
            self.place_labels.setdefault(unit.id, []).append(label)
            label.setPos(scene_point(*unit.point))
            label.setZValue(30 if big else 22)
            self._add_label(label, unit.level)
        for gate in (p for p in v.places.values() if p.kind == "exit" and p.names):
            ink, pill = self.colours.gate_label
            label = LabelItem(gate.names, pixel_size=int(self.label_px * 0.8), bold=True,
                              colour=ink, pill=spec_colour(pill),
                              offset_px=self.label_px * 1.1, priority=1)
            label.setPos(scene_point(*gate.point))
            self._add_label(label, gate.level)
        for place in v.places.values():
            if place.feature_type != "amenity" or place.kind not in ICONS:
                continue
            icon = self._icon(*ICONS[place.kind])
            icon.setPos(scene_point(*place.point))
            scene.addItem(icon)
            self._on_level(icon, place.level)
            ink, pill = self.colours.room_label
            label = LabelItem(place.names, pixel_size=int(self.label_px * 0.8), colour=ink,
                              pill=spec_colour(pill), lod=5.5, halo=pill is None,
                              offset_px=self.icon_px * 0.5 + self.label_px * 0.6, priority=2)
            self.place_labels.setdefault(place.id, []).append(label)
            label.setPos(scene_point(*place.point))
            self._add_label(label, place.level)
        self.setSceneRect(scene.sceneRect())

    def _icon(self, glyph: str, fill: str) -> IconItem:
        if self.colours.icon is None:
            return IconItem(glyph, fill, self.icon_px)
        disc, ink, ring = self.colours.icon
        return IconItem(glyph, disc, self.icon_px, ink=ink, ring=ring)

    def _add_label(self, label: LabelItem, level: int | None = None) -> None:
        self.scene().addItem(label)
        self.labels.append(label)
        label.level = level

    def _on_level(self, item: QGraphicsItem, level: int) -> QGraphicsItem:
        self._level_items.append((item, level))
        item.setVisible(level == self.level)
        return item

    # -- levels -----------------------------------------------------------------------------
    def _build_level_controls(self) -> None:
        ordinals = self.venue.ordinals if hasattr(self.venue, "ordinals") else [0]
        self.level_buttons: dict[int, ShapedButton] = {}
        self.level_bar = QWidget(self)
        self.level_bar.setObjectName("levelbar")
        box = QVBoxLayout(self.level_bar)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        # The bar is always the size of its buttons: never squeezed, so they never overlap.
        box.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        for ordinal in reversed(ordinals):  # the top floor at the top
            button = ShapedButton(self._level_short(ordinal))
            button.setObjectName("levelbutton")
            button.setCheckable(True)
            button.setFixedSize(self.button_px, self.button_px)
            button.clicked.connect(lambda _=False, o=ordinal: self._level_tapped(o))
            box.addWidget(button)
            self.level_buttons[ordinal] = button
        self.level_bar.adjustSize()
        self.level_bar.setVisible(len(ordinals) > 1)
        self.next_floor_button = ShapedButton("")
        self.next_floor_button.setParent(self)
        self.next_floor_button.setObjectName("nextfloor")
        self.next_floor_button.setFixedSize(int(self.button_px * 3.6), self.button_px)
        self._style_level_controls()
        self.next_floor_button.clicked.connect(self.next_floor)
        self.next_floor_button.setVisible(False)
        self._place_level_controls()
        self._sync_level_controls()

    def _level_short(self, ordinal: int) -> str:
        level = self.venue.level(ordinal) if hasattr(self.venue, "level") else None
        return level.short(self.language) if level is not None else str(ordinal)

    def _place_level_controls(self) -> None:
        if self.level_bar.parentWidget() is not self:
            return  # laid out by the screen (low reach)
        margin = 16
        self.level_bar.move(margin, margin)
        self.next_floor_button.move(margin + self.button_px + 12, margin)

    def _level_tapped(self, ordinal: int) -> None:
        self.touched.emit()
        self.show_level(ordinal)

    def show_level(self, ordinal: int) -> None:
        """Show one level: its rooms, booths, labels, the route's leg on it."""
        self.level = ordinal
        for item, level in self._level_items:
            item.setVisible(level == ordinal)
        self._zoom_changed()
        self._sync_level_controls()
        self.level_changed.emit(ordinal)

    def next_level_of_route(self) -> int | None:
        """Where the route goes after the level shown (None at its last level)."""
        levels = self.route_levels
        if self.level not in levels:
            return levels[0] if levels else None
        i = levels.index(self.level)
        return levels[i + 1] if i + 1 < len(levels) else None

    def next_floor(self) -> None:
        self.touched.emit()
        target = self.next_level_of_route()
        if target is None and self.route_levels:
            target = self.route_levels[0]  # from the last floor back to where you are
        if target is not None:
            self.show_level(target)
            leg = [pt for pt, lvl in zip(self._route_points, self._route_point_levels)
                   if lvl == target]
            if leg:
                self.fit_points(leg)

    def _sync_level_controls(self) -> None:
        font = QFont()
        font.setFamilies(font_families(self.language))
        font.setPixelSize(max(14, int(self.button_px * 0.36)))
        font.setBold(True)
        for button in (*self.level_buttons.values(), self.next_floor_button):
            button.setFont(font)
        # One width per language, for every text it can show: it never grows under a finger.
        metrics = QFontMetricsF(font)
        texts = [w.get(self.language, w["en"]).format(level=self.venue.level_name(o, self.language))
                 for w in (NEXT_FLOOR, BACK_FLOOR) for o in self.level_buttons] \
            if hasattr(self.venue, "level_name") else []
        widest = max([metrics.horizontalAdvance(t) for t in texts] or [0])
        self.next_floor_button.setFixedWidth(max(int(self.button_px * 3), int(widest + 44)))
        for ordinal, button in self.level_buttons.items():
            button.setChecked(ordinal == self.level)
            button.setText(self._level_short(ordinal))
            button.setFixedSize(self.button_px, self.button_px)  # whatever its font asks
            name = self.venue.level_name(ordinal, self.language) \
                if hasattr(self.venue, "level_name") else str(ordinal)
            button.setAccessibleName(f"{LEVEL_NAME.get(self.language, 'Level')} {name}")
        self.level_bar.adjustSize()
        changes = len(set(self.route_levels)) > 1
        self.next_floor_button.setVisible(changes)
        if changes:
            target = self.next_level_of_route()
            words = NEXT_FLOOR
            if target is None:
                target, words = self.route_levels[0], BACK_FLOOR
            self.next_floor_button.setText(words.get(self.language, words["en"]).format(
                level=self.venue.level_name(target, self.language)))

    def set_language(self, lang: str) -> None:
        self.language = lang
        for label in self.labels:
            label.set_language(lang)
        if self.here_label is not None:
            self.here_label.set_language(lang)
        if hasattr(self, "level_buttons"):
            self._sync_level_controls()

    # -- you are here ------------------------------------------------------------------------
    def set_here(self, place, names: dict) -> None:
        self._here = (place, names)
        for item in (self.here_marker, self.here_label):
            if item is not None:
                self.scene().removeItem(item)
        self.here_marker = HereMarker(place.facing, int(self.icon_px * 1.3),
                                      QColor(self.colours.here))
        self.here_marker.setPos(scene_point(*place.point))
        self.scene().addItem(self.here_marker)
        ink, pill = self.colours.here_label
        self.here_label = LabelItem(names, pixel_size=int(self.label_px * 0.9), bold=True,
                                    colour=ink, pill=spec_colour(pill),
                                    beside_px=self.icon_px * 0.8)
        self.here_label.setPos(scene_point(*place.point))
        self.here_label.setZValue(42)
        self.scene().addItem(self.here_label)
        self.here_label.set_language(self.language)
        self._level_items = [(i, lvl) for i, lvl in self._level_items
                             if i is not self.here_marker and i is not self.here_label]
        self.here_level = getattr(place, "level", 0)
        self._on_level(self.here_marker, self.here_level)
        self._on_level(self.here_label, self.here_level)
        if not self.route_levels and self.here_level != self.level and \
                hasattr(self, "level_buttons"):
            self.show_level(self.here_level)  # a kiosk upstairs starts on its own floor
        self._declutter()

    # -- the route ----------------------------------------------------------------------------
    def show_route(self, points: list[tuple[float, float]], destination_names: dict,
                   levels: list[int] | None = None, destination_id: str | None = None) -> None:
        """Draw a route; with levels (one ordinal per point) each floor shows its own leg.

        The destination (a room or booth, by id) is filled in the route's colour, and its own
        label makes way for the route's name pill.
        """
        self.clear_route()
        self._route_args = (points, destination_names, levels, destination_id)
        if len(points) < 2:
            return
        route_colour = QColor(self.colours.route)
        shape = self.place_shapes.get(destination_id or "")
        place = self.venue.places.get(destination_id or "") if destination_id else None
        if shape is None and place is not None:  # an amenity: light up the room it is in
            unit = self.venue.unit_at(*place.point, place.level)
            shape = self.place_shapes.get(unit.id) if unit is not None else None
        if shape is not None:
            ring, lvl = shape
            fill = QColor(route_colour)
            fill.setAlpha(self.colours.highlight_alpha)
            pen = QPen(route_colour, 3)
            pen.setCosmetic(True)
            item = self.scene().addPolygon(QPolygonF([scene_point(x, y) for x, y in ring]), pen,
                                           QBrush(fill))
            item.setZValue(3.5)
            self.route_items.append(item)
            self._on_level(item, lvl)
            self.highlight = item
        for label in self.place_labels.get(destination_id or "", []):
            label.suppressed = True
        if levels is None or len(levels) != len(points):
            levels = [self.level] * len(points)
        self._route_points, self._route_point_levels = list(points), list(levels)
        self.route_levels = []
        legs: list[tuple[int, list]] = []
        for pt, lvl in zip(points, levels):
            if not legs or legs[-1][0] != lvl:
                legs.append((lvl, []))
                self.route_levels.append(lvl)
            legs[-1][1].append(pt)
        for n, (lvl, leg) in enumerate(legs):
            if n + 1 < len(legs):
                leg = leg + [legs[n + 1][1][0]]  # up to where the stairs or the lift are
            if len(leg) >= 2:
                self._route_leg(leg, lvl)
        self._finish_route(points, destination_names, levels[-1])

    def _route_leg(self, points, level: int) -> None:
        path = QPainterPath(scene_point(*points[0]))
        for pt in points[1:]:
            path.lineTo(scene_point(*pt))
        width = max(6, self.icon_px // 4)
        casing = QGraphicsPathItem(path)
        pen = QPen(QColor(self.colours.route_casing), width + 6, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        pen.setCosmetic(True)
        casing.setPen(pen)
        line = QGraphicsPathItem(path)
        pen = QPen(QColor(self.colours.route), width, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        pen.setCosmetic(True)
        line.setPen(pen)
        dash = QGraphicsPathItem(path)
        dash_pen = QPen(spec_colour(self.colours.route_dash), max(2, width // 3), Qt.PenStyle.CustomDashLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        dash_pen.setDashPattern([2, 4])
        dash_pen.setCosmetic(True)
        dash.setPen(dash_pen)
        for z, item in ((35, casing), (36, line), (37, dash)):
            item.setZValue(z)
            self.scene().addItem(item)
            self.route_items.append(item)
            self._on_level(item, level)
        self.route_dashes = getattr(self, "route_dashes", []) + [dash]
        self.route_path = dash

    def _finish_route(self, points, destination_names: dict, level: int) -> None:
        pin = PinItem(int(self.icon_px * 1.2), QColor(self.colours.route))
        pin.setPos(scene_point(*points[-1]))
        self.scene().addItem(pin)
        self.route_items.append(pin)
        self._on_level(pin, level)
        ink, pill = self.colours.route_label
        label = LabelItem(destination_names, pixel_size=int(self.label_px * 0.9), bold=True,
                          colour=ink, pill=spec_colour(pill),
                          offset_px=-self.icon_px * 1.2 * 1.4 - self.label_px * 0.7)
        label.setPos(scene_point(*points[-1]))
        label.setZValue(43)
        self.scene().addItem(label)
        label.set_language(self.language)
        self.route_items.append(label)
        self._on_level(label, level)
        self.route_label = label
        # The dashes march from you-are-here towards the destination.
        self._dash_animation = QVariantAnimation(self)
        self._dash_animation.setStartValue(0.0)
        self._dash_animation.setEndValue(-12.0)
        self._dash_animation.setDuration(900)
        self._dash_animation.setLoopCount(-1)
        self._dash_animation.setEasingCurve(QEasingCurve.Type.Linear)
        self._dash_animation.valueChanged.connect(self._set_dash_offset)
        self._dash_animation.start()
        start = self.route_levels[0] if self.route_levels else self.level
        self.show_level(start)
        first_leg = [pt for pt, lvl in zip(points, self._route_point_levels) if lvl == start]
        self.fit_points(first_leg if len(first_leg) >= 2 else points)

    def _set_dash_offset(self, value) -> None:
        for dash in getattr(self, "route_dashes", []):
            pen = dash.pen()
            pen.setDashOffset(float(value))
            dash.setPen(pen)

    @property
    def animating(self) -> bool:
        return self._dash_animation is not None and \
            self._dash_animation.state() == QVariantAnimation.State.Running

    def dash_offset(self) -> float:
        return self.route_path.pen().dashOffset() if self.route_items else 0.0

    def clear_route(self) -> None:
        if self._dash_animation is not None:
            self._dash_animation.stop()
            self._dash_animation = None
        for labels in self.place_labels.values():
            for label in labels:
                label.suppressed = False
        self.highlight = None
        self._route_args = None
        gone = set(map(id, self.route_items))
        self._level_items = [(i, lvl) for i, lvl in self._level_items if id(i) not in gone]
        for item in self.route_items:
            self.scene().removeItem(item)
        self.route_items.clear()
        self.route_dashes = []
        self.route_levels = []
        if hasattr(self, "level_buttons"):
            self._sync_level_controls()

    def fit_points(self, points) -> None:
        here = self.here_marker is not None and self.here_marker.isVisible()
        xs = [p[0] for p in points] + ([self.here_marker.pos().x()] if here else [])
        ys = [-p[1] for p in points] + ([self.here_marker.pos().y()] if here else [])
        rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        margin = max(rect.width(), rect.height()) * 0.15 + 15
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin),
                       Qt.AspectRatioMode.KeepAspectRatio)
        self._clamp_zoom()
        self._zoom_changed()
        self.keep_here_clear()
        # Once more when the screen has laid out its controls over the map.
        QTimer.singleShot(0, self, self.keep_here_clear)

    # -- zoom and pan ------------------------------------------------------------------------
    def pixels_per_metre(self) -> float:
        return self.transform().m11()

    def reset_view(self) -> None:
        """The whole venue, north up."""
        self.resetTransform()
        self.fitInView(self.venue_rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._fit_scale = self.pixels_per_metre()
        self._zoom_changed()
        self.keep_here_clear()
        # Once more when the screen has laid out its controls over the map.
        QTimer.singleShot(0, self, self.keep_here_clear)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom about a point of the viewport (its centre by default), within sane limits."""
        current = self.pixels_per_metre()
        lo, hi = self._fit_scale * 0.8, max(self._fit_scale * 2, 40.0)
        factor = min(max(factor, lo / current), hi / current)
        if abs(factor - 1) < 1e-3:
            return
        old_anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        centre = anchor if anchor is not None else QPointF(self.viewport().rect().center())
        before = self.mapToScene(centre.toPoint())
        self.scale(factor, factor)
        after = self.mapToScene(centre.toPoint())
        delta = after - before
        self.translate(delta.x(), delta.y())
        self.setTransformationAnchor(old_anchor)
        self._zoom_changed()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map by screen pixels, as a finger dragging it would."""
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(int(h.value() - dx))
        v.setValue(int(v.value() - dy))

    def centre_scene(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def _clamp_zoom(self) -> None:
        hi = max(self._fit_scale * 2, 40.0)
        if self.pixels_per_metre() > hi:
            factor = hi / self.pixels_per_metre()
            self.scale(factor, factor)

    def _zoom_changed(self) -> None:
        scale = self.pixels_per_metre()
        for label in self.labels:
            level = getattr(label, "level", None)
            visible = scale >= label.lod and (level is None or level == self.level) \
                and not label.suppressed
            label.setVisible(visible)
            if visible:
                label.fit(scale)
        self._declutter()
        self.zoomed.emit(scale)

    def _screen_rect(self, item) -> QRectF:
        return item.deviceTransform(self.viewportTransform()).mapRect(item.boundingRect())

    def _declutter(self) -> None:
        """No two labels overlap: the less important one (then the smaller) is dropped."""
        placed: list[QRectF] = []
        for item in (self.here_marker, self.here_label, getattr(self, "route_label", None)):
            if item is not None and item.scene() is not None and item.isVisible():
                placed.append(self._screen_rect(item))
        cell = 96.0
        grid: dict[tuple[int, int], list[tuple[QRectF, object]]] = {}

        def cells(r: QRectF):
            for gx in range(int(r.left() // cell), int(r.right() // cell) + 1):
                for gy in range(int(r.top() // cell), int(r.bottom() // cell) + 1):
                    yield gx, gy

        for r in placed:
            for c in cells(r):
                grid.setdefault(c, []).append((r, None))
        for label in sorted((lb for lb in self.labels if lb.isVisible()),
                            key=lambda lb: (lb.priority, -lb.pixel_size)):
            r = self._screen_rect(label).adjusted(-2, -2, 2, 2)
            if any(r.intersects(o) and (g is None or g != label.group)
                   for c in cells(r) for o, g in grid.get(c, ())):
                label.setVisible(False)
                continue
            for c in cells(r):
                grid.setdefault(c, []).append((r, label.group))

    def keep_here_clear(self) -> None:
        """Scroll (and if need be zoom out) until "you are here" is under no control."""
        if self.here_marker is None or not self.here_marker.isVisible():
            return
        view = QRectF(self.viewport().rect()).adjusted(4, 4, -4, -4)
        for _ in range(8):
            mark = self._screen_rect(self.here_marker).united(self._screen_rect(self.here_label))
            blockers = [QRectF(r) for r in self._control_rects() if QRectF(r).intersects(mark)]
            if not blockers and view.contains(mark):
                return
            if not blockers:  # off the edge: bring it back in
                dx = max(0.0, view.left() - mark.left()) - max(0.0, mark.right() - view.right())
                dy = max(0.0, view.top() - mark.top()) - max(0.0, mark.bottom() - view.bottom())
                moves = [(dx, dy)]
            else:
                block = blockers[0]
                for other in blockers[1:]:
                    block = block.united(other)
                moves = [(block.right() + 8 - mark.left(), 0), (block.left() - 8 - mark.right(), 0),
                         (0, block.bottom() + 8 - mark.top()), (0, block.top() - 8 - mark.bottom())]
                moves = [m for m in moves if view.contains(mark.translated(*m)) and not any(
                    QRectF(r).intersects(mark.translated(*m)) for r in self._control_rects())]
            if not moves:
                self.zoom_by(0.85)  # no room at this zoom: show a little more of the venue
                continue
            dx, dy = min(moves, key=lambda m: abs(m[0]) + abs(m[1]))
            before = self._screen_rect(self.here_marker).center()
            self.pan_by(dx, dy)
            moved = self._screen_rect(self.here_marker).center() - before
            if abs(moved.x() - dx) + abs(moved.y() - dy) > 2:
                self.zoom_by(0.85)  # at the end of the scroll range: zoom out and try again

    def _control_rects(self) -> list:
        # (in low reach the screen lays these out under the map: not over it)
        rects = [w.geometry() for w in (self.level_bar, self.next_floor_button)
                 if w.isVisible() and w.parentWidget() is self] if hasattr(self, "level_bar") else []
        offset = self.viewport().pos()
        rects = [r.translated(-offset) for r in rects]
        return rects + list(self.obstacles())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.route_items:
            self.reset_view()

    def wheelEvent(self, event) -> None:
        self.touched.emit()
        steps = event.angleDelta().y() / 120
        self.zoom_by(1.25 ** steps, event.position())

    def mousePressEvent(self, event) -> None:
        self.touched.emit()
        super().mousePressEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            self.touched.emit()
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                flags = pinch.changeFlags()
                if flags & QPinchGesture.ChangeFlag.ScaleFactorChanged:
                    centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                    self.zoom_by(pinch.scaleFactor(), QPointF(centre))
                event.accept()
                return True
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate):
            self.touched.emit()
        return super().viewportEvent(event)


def _area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2

