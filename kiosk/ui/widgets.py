"""Small painted widgets: the result icon, the countdown, the scan hint, the camera view."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget


class ToneIcon(QWidget):
    """A tick, an exclamation mark or a cross in a ring: the shape says it, not only the colour."""

    SHAPES = {"green": "tick", "amber": "bang", "red": "cross"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shape = "tick"
        self.colour = QColor("white")

    def set_tone(self, tone: str, colour: str = "#FFFFFF") -> None:
        self.shape = self.SHAPES.get(tone, "cross")
        self.colour = QColor(colour)
        self.update()

    def paintEvent(self, event):
        side = min(self.width(), self.height())
        if side <= 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate((self.width() - side) / 2, (self.height() - side) / 2)
        pen = QPen(self.colour, side * 0.08, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        m = side * 0.06
        p.drawEllipse(QRectF(m, m, side - 2 * m, side - 2 * m))
        s = side
        if self.shape == "tick":
            path = QPainterPath(QPointF(0.28 * s, 0.52 * s))
            path.lineTo(0.44 * s, 0.68 * s)
            path.lineTo(0.74 * s, 0.34 * s)
            p.drawPath(path)
        elif self.shape == "bang":
            p.drawLine(QPointF(0.5 * s, 0.26 * s), QPointF(0.5 * s, 0.58 * s))
            p.drawPoint(QPointF(0.5 * s, 0.74 * s))
        else:
            p.drawLine(QPointF(0.33 * s, 0.33 * s), QPointF(0.67 * s, 0.67 * s))
            p.drawLine(QPointF(0.67 * s, 0.33 * s), QPointF(0.33 * s, 0.67 * s))
        p.end()


class CountdownBar(QWidget):
    """A bar that empties over a duration; ``finished`` when it reaches zero."""

    finished = Signal()

    def __init__(self, parent=None, colour: str = "#FFFFFF"):
        super().__init__(parent)
        self.colour = QColor(colour)
        self.fraction = 1.0
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(1.0)
        self.animation.setEndValue(0.0)
        self.animation.valueChanged.connect(self._on_value)
        self.animation.finished.connect(self.finished)

    def start(self, seconds: float) -> None:
        self.animation.stop()
        self.animation.setDuration(max(1, int(seconds * 1000)))
        self.fraction = 1.0
        self.animation.start()

    def stop(self) -> None:
        self.animation.stop()

    def _on_value(self, value):
        self.fraction = float(value)
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QColor(self.colour)
        track.setAlpha(70)
        r = self.height() / 2
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(track)
        p.drawRoundedRect(QRectF(0, 0, self.width(), self.height()), r, r)
        p.setBrush(self.colour)
        width = self.width() * self.fraction
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            p.drawRoundedRect(QRectF(self.width() - width, 0, width, self.height()), r, r)
        else:
            p.drawRoundedRect(QRectF(0, 0, width, self.height()), r, r)
        p.end()


class ScanHint(QWidget):
    """A badge gliding up towards the camera and back: where to hold it, shown, not told."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.phase = 0.0
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setDuration(2200)
        self.animation.setLoopCount(-1)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self.animation.valueChanged.connect(self._on_value)

    def showEvent(self, event):
        self.animation.start()
        super().showEvent(event)

    def hideEvent(self, event):
        self.animation.stop()
        super().hideEvent(event)

    def _on_value(self, value):
        self.phase = float(value)
        self.update()

    def paintEvent(self, event):
        w, h = self.width(), self.height()
        if w <= 0 or h <= 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = QColor("#14213D")
        # The camera, at the top centre, as on the kiosk's bezel.
        cam_r = min(w, h) * 0.07
        cam = QPointF(w / 2, cam_r * 1.6)
        p.setPen(QPen(ink, cam_r * 0.25))
        p.setBrush(QColor("#2A3B5C"))
        p.drawEllipse(cam, cam_r, cam_r)
        p.setBrush(QColor("#8FB8FF"))
        p.drawEllipse(cam, cam_r * 0.4, cam_r * 0.4)
        # The badge: a card with a QR pattern, moving up towards the camera.
        travel = (1 - abs(1 - 2 * self.phase))
        card_w = min(w * 0.42, h * 0.5)
        card_h = card_w * 1.3
        top = h - card_h - (h - card_h - cam_r * 4) * travel
        rect = QRectF(w / 2 - card_w / 2, top, card_w, card_h)
        p.setPen(QPen(ink, 3))
        p.setBrush(QColor("white"))
        p.drawRoundedRect(rect, card_w * 0.06, card_w * 0.06)
        q = card_w * 0.56
        qr = QRectF(rect.center().x() - q / 2, rect.top() + card_w * 0.12, q, q)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink)
        cell = q / 7
        pattern = ["1110111", "1010101", "1110111", "0001000", "1101011", "0110110", "1011101"]
        for y, row in enumerate(pattern):
            for x, bit in enumerate(row):
                if bit == "1":
                    p.drawRect(QRectF(qr.left() + x * cell, qr.top() + y * cell, cell, cell))
        # Rays from the camera when the badge is close.
        if travel > 0.8:
            ray = QColor("#0B6E4F")
            ray.setAlpha(int(255 * (travel - 0.8) / 0.2))
            p.setPen(QPen(ray, cam_r * 0.2))
            for dx in (-1, 0, 1):
                p.drawLine(QPointF(cam.x() + dx * cam_r * 0.8, cam.y() + cam_r * 1.4),
                           QPointF(cam.x() + dx * cam_r * 1.6, cam.y() + cam_r * 2.4))
        p.end()


class CameraView(QWidget):
    """The live preview with a guide frame; says so plainly when there is no picture."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image: QImage | None = None
        self.message = ""
        self.frames_shown = 0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_frame(self, image: QImage) -> None:
        self.image = image
        self.frames_shown += 1
        self.update()

    def set_message(self, message: str) -> None:
        self.message = message
        if message:
            self.image = None
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#0E1726"))
        if self.image is not None and not self.image.isNull():
            scaled = self.image.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                       Qt.TransformationMode.SmoothTransformation)
            p.drawImage((self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2,
                        scaled)
        side = min(self.width(), self.height()) * 0.62
        guide = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        # Dim outside the guide so the eye goes to it.
        shade = QPainterPath()
        shade.addRect(QRectF(self.rect()))
        hole = QPainterPath()
        hole.addRoundedRect(guide, side * 0.06, side * 0.06)
        p.fillPath(shade.subtracted(hole), QColor(0, 0, 0, 110))
        pen = QPen(QColor("#FFFFFF"), max(4.0, side * 0.025), Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        arm = side * 0.18
        for corner, dx, dy in ((guide.topLeft(), 1, 1), (guide.topRight(), -1, 1),
                               (guide.bottomLeft(), 1, -1), (guide.bottomRight(), -1, -1)):
            p.drawLine(corner, QPointF(corner.x() + dx * arm, corner.y()))
            p.drawLine(corner, QPointF(corner.x(), corner.y() + dy * arm))
        if self.message:
            from kiosk.ui.shaping import paint_text

            p.setPen(QColor("#FFFFFF"))
            paint_text(p, QRectF(self.rect().adjusted(20, 20, -20, -20)), self.message,
                       self.font())
        p.end()


class LongPressArea(QWidget):
    """An invisible corner that emits ``long_pressed`` after being held (the staff gesture)."""

    long_pressed = Signal()

    def __init__(self, parent=None, hold_ms: int = 2500):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(hold_ms)
        self.timer.timeout.connect(self.long_pressed)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)

    def mousePressEvent(self, event):
        self.timer.start()
        event.accept()

    def mouseReleaseEvent(self, event):
        self.timer.stop()
        event.accept()
