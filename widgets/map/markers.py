"""Small vector symbols for the map: cameras, sensors, ticket pins, pulsing alarms, the search pin.

Drawn in screen pixels (they keep their size at every zoom) with plain QPainter shapes: no image
files to load, crisp at any device pixel ratio.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from runtime.read.map import MarkerKind
from widgets.map.style import ALARM, CAMERA, CAMERA_AI, SENSOR, TICKET_PIN, TICKET_PIN_OVERDUE

OUTLINE = QColor(6, 12, 22)
HIT_RADIUS_PX = 11.0


def draw_marker(painter: QPainter, kind: MarkerKind, at: QPointF) -> None:
    if kind in (MarkerKind.CAMERA, MarkerKind.CAMERA_AI):
        draw_camera(painter, at, CAMERA_AI if kind == MarkerKind.CAMERA_AI else CAMERA)
    elif kind == MarkerKind.SENSOR:
        draw_sensor(painter, at)
    elif kind in (MarkerKind.TICKET, MarkerKind.TICKET_OVERDUE):
        draw_pin(painter, at, TICKET_PIN_OVERDUE if kind == MarkerKind.TICKET_OVERDUE else TICKET_PIN)


def draw_camera(painter: QPainter, at: QPointF, colour: QColor) -> None:
    """A camera body with a lens, on a dark disc so it reads over any fill."""
    painter.setPen(QPen(OUTLINE, 1.0))
    painter.setBrush(QColor(10, 20, 34, 220))
    painter.drawEllipse(at, 9.0, 9.0)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(at.x() - 6, at.y() - 4, 9, 8), 1.5, 1.5)
    lens = QPainterPath()
    lens.moveTo(at.x() + 3, at.y() - 1)
    lens.lineTo(at.x() + 7, at.y() - 4)
    lens.lineTo(at.x() + 7, at.y() + 4)
    lens.lineTo(at.x() + 3, at.y() + 1)
    lens.closeSubpath()
    painter.drawPath(lens)


def draw_sensor(painter: QPainter, at: QPointF) -> None:
    """A sensor: a green diamond with a dot, smaller than a camera."""
    diamond = QPainterPath()
    diamond.moveTo(at.x(), at.y() - 6.5)
    diamond.lineTo(at.x() + 6.5, at.y())
    diamond.lineTo(at.x(), at.y() + 6.5)
    diamond.lineTo(at.x() - 6.5, at.y())
    diamond.closeSubpath()
    painter.setPen(QPen(OUTLINE, 1.0))
    painter.setBrush(SENSOR)
    painter.drawPath(diamond)
    painter.setBrush(OUTLINE)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(at, 1.8, 1.8)


def draw_pin(painter: QPainter, tip: QPointF, colour: QColor) -> None:
    """A map pin whose point is at `tip`."""
    head = QPointF(tip.x(), tip.y() - 15)
    pin = QPainterPath()
    pin.moveTo(tip)
    pin.cubicTo(tip.x() - 3, tip.y() - 6, head.x() - 7, head.y() + 4, head.x() - 7, head.y())
    pin.arcTo(QRectF(head.x() - 7, head.y() - 7, 14, 14), 180, -180)
    pin.cubicTo(head.x() + 7, head.y() + 4, tip.x() + 3, tip.y() - 6, tip.x(), tip.y())
    painter.setPen(QPen(OUTLINE, 1.2))
    painter.setBrush(QBrush(colour))
    painter.drawPath(pin)
    painter.setBrush(OUTLINE)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(head, 2.6, 2.6)


def draw_alarm(painter: QPainter, at: QPointF, phase: float) -> None:
    """A red core with a ring that grows and fades once per blink period (phase in [0, 1))."""
    ring = 8.0 + 14.0 * phase
    fade = int(220 * (1.0 - phase))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(ALARM.red(), ALARM.green(), ALARM.blue(), fade), 2.5))
    painter.drawEllipse(at, ring, ring)
    bright = 0.65 + 0.35 * math.cos(phase * 2 * math.pi)
    painter.setPen(QPen(QColor(255, 235, 235), 1.5))
    painter.setBrush(
        QColor(int(ALARM.red() * bright), int(ALARM.green() * bright), int(ALARM.blue() * bright))
    )
    painter.drawEllipse(at, 6.5, 6.5)
