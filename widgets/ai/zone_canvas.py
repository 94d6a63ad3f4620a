"""The zone editor's canvas: a camera's still picture with its zones, and the polygon being drawn on it —
the picture/widget geometry, the mouse and keys that add, move and remove corners, and the painting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from video.ai.zones import Zone
from widgets.ai.face_preview import fitted

RULE_COLOURS = {"forbidden": QColor(229, 72, 77), "night": QColor(151, 117, 250)}
DRAWING = QColor("#ffd43b")
BACKDROP = QColor("#0b121e")
GRAB_PX = 8.0  # how near a corner or an edge the pointer must be to take hold of it
Point = tuple[float, float]


class ZoneCanvas(QWidget):
    """The picture with the camera's zones and the polygon being drawn."""

    changed = Signal()

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoneCanvas")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(480, 270)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image = image
        self.zones: list[tuple[int, Zone]] = []
        self.highlighted: int | None = None
        self.hidden: int | None = None  # the saved zone being edited: drawn as the polygon, not twice
        self.points: list[Point] = []
        self.closed = False
        self._hover: QPointF | None = None
        self._dragging: int | None = None  # the corner following the pointer

    # ---- geometry ---------------------------------------------------------------------------------

    def picture_rect(self) -> QRectF:
        return fitted((self.image.width(), self.image.height()), QRectF(self.rect()).adjusted(2, 2, -2, -2))

    def to_picture(self, position: QPointF) -> Point | None:
        """A widget position as 0..1 of the picture, None outside it."""
        rect = self.picture_rect()
        if not rect.contains(position):
            return None
        x = (position.x() - rect.x()) / max(rect.width(), 1.0)
        y = (position.y() - rect.y()) / max(rect.height(), 1.0)
        return (round(min(max(x, 0.0), 1.0), 4), round(min(max(y, 0.0), 1.0), 4))

    def to_widget(self, point: Point) -> QPointF:
        rect = self.picture_rect()
        return QPointF(rect.x() + point[0] * rect.width(), rect.y() + point[1] * rect.height())

    def clamped_to_picture(self, position: QPointF) -> Point:
        """A widget position as 0..1 of the picture, pulled onto its edge when outside (a dragged corner)."""
        rect = self.picture_rect()
        inside = QPointF(
            min(max(position.x(), rect.left()), rect.right()),
            min(max(position.y(), rect.top()), rect.bottom()),
        )
        point = self.to_picture(inside)
        assert point is not None
        return point

    def corner_at(self, position: QPointF) -> int | None:
        """The polygon's corner under the pointer (the nearest, within GRAB_PX), if any."""
        nearest, best = None, GRAB_PX
        for index, point in enumerate(self.points):
            distance = QLineF(self.to_widget(point), position).length()
            if distance <= best:
                nearest, best = index, distance
        return nearest

    def edge_at(self, position: QPointF) -> int | None:
        """The closed polygon's edge under the pointer: the index its new corner would take."""
        if not self.closed:
            return None
        corners = [self.to_widget(p) for p in self.points]
        for index, start in enumerate(corners):
            end = corners[(index + 1) % len(corners)]
            if _distance_to_segment(position, start, end) <= GRAB_PX:
                return index + 1
        return None

    # ---- drawing a polygon ------------------------------------------------------------------------

    def clear_polygon(self) -> None:
        self.points, self.closed = [], False
        self.update()
        self.changed.emit()

    def set_polygon(self, points: list[Point], *, closed: bool = True) -> None:
        self.points, self.closed = list(points), closed and len(points) >= 3
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        """Reopen a closed polygon, or take its last corner back."""
        if self.closed:
            self.closed = False
        elif self.points:
            self.points.pop()
        self.update()
        self.changed.emit()

    def remove_corner(self, index: int) -> bool:
        """Take one corner out; a closed polygon keeps at least three."""
        if self.closed and len(self.points) <= 3:
            return False
        del self.points[index]
        self.update()
        self.changed.emit()
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        corner = self.corner_at(event.position())
        if event.button() == Qt.MouseButton.RightButton:
            if corner is None or not self.remove_corner(corner):
                self.undo()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if corner == 0 and not self.closed and len(self.points) >= 3:  # back at the start: close it
            self.closed = True
            self.update()
            self.changed.emit()
            return
        if corner is not None:  # take hold of it rather than put a second corner on top of it
            self._dragging = corner
            return
        point = self.to_picture(event.position())
        if point is not None and not self.closed:
            self.points.append(point)
            self.update()
            self.changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._dragging is not None:
            self._dragging = None
            self.changed.emit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Close the polygon (the double-click's first press already placed its last corner); on a
        closed one, a double-click on an edge adds a corner there."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if not self.closed and len(self.points) >= 3:
            self.closed = True
        elif (edge := self.edge_at(event.position())) is not None and self.corner_at(
            event.position()
        ) is None:
            self.points.insert(edge, self.clamped_to_picture(event.position()))
        else:
            return
        self.update()
        self.changed.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover = event.position()
        if self._dragging is not None:
            self.points[self._dragging] = self.clamped_to_picture(event.position())
            self.update()
            return
        over_corner = self.corner_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.SizeAllCursor if over_corner else Qt.CursorShape.CrossCursor)
        if self.points and not self.closed:
            self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.undo()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(self.points) >= 3:
            self.closed = True
            self.update()
            self.changed.emit()
            return
        super().keyPressEvent(event)

    # ---- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), BACKDROP)
        painter.drawImage(self.picture_rect(), self.image)
        for zone_id, zone in self.zones:
            if zone_id == self.hidden:
                continue
            colour = RULE_COLOURS.get(zone.rule, RULE_COLOURS["forbidden"])
            polygon = QPolygonF([self.to_widget(p) for p in zone.points])
            fill = QColor(colour)
            fill.setAlpha(95 if zone_id == self.highlighted else 55)
            painter.setBrush(fill)
            painter.setPen(QPen(colour, 3 if zone_id == self.highlighted else 2))
            painter.drawPolygon(polygon)
            self._caption(painter, polygon, zone.name, colour)
        if not self.points:
            return
        corners = [self.to_widget(p) for p in self.points]
        painter.setPen(QPen(DRAWING, 2))
        if self.closed:
            fill = QColor(DRAWING)
            fill.setAlpha(50)
            painter.setBrush(fill)
            painter.drawPolygon(QPolygonF(corners))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(corners))
            if self._hover is not None:
                painter.setPen(QPen(DRAWING, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(corners[-1], self._hover)
                if len(corners) >= 2:
                    painter.drawLine(self._hover, corners[0])
        painter.setPen(QPen(QColor("#0b121e"), 1))
        painter.setBrush(DRAWING)
        for corner in corners:
            painter.drawRect(QRectF(corner.x() - 4, corner.y() - 4, 8, 8))

    @staticmethod
    def _caption(painter: QPainter, polygon: QPolygonF, text: str, colour: QColor) -> None:
        box = polygon.boundingRect()
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 12
        label = QRectF(box.center().x() - width / 2, box.center().y() - 11, width, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(11, 18, 30, 200))
        painter.drawRoundedRect(label, 4, 4)
        painter.setPen(colour.lighter(150))
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)


def _distance_to_segment(point: QPointF, start: QPointF, end: QPointF) -> float:
    line = QLineF(start, end)
    length_squared = line.dx() ** 2 + line.dy() ** 2
    if length_squared == 0:
        return QLineF(point, start).length()
    along = ((point.x() - start.x()) * line.dx() + (point.y() - start.y()) * line.dy()) / length_squared
    along = min(max(along, 0.0), 1.0)
    return QLineF(point, line.pointAt(along)).length()
