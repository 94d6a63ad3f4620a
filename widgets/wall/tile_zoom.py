"""A tile's pointer handling: select, maximise on double-click, and digital zoom (wheel) and pan (drag)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent

from video.frames import FULL, Crop

MAX_ZOOM = 8.0


class TileZoom:
    """The `Tile`'s mouse and wheel: zoom at the cursor and pan while maximised."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.selected.emit(self)
            if self.zoom_enabled and self._crop != FULL:
                self._drag_from = event.position()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.position() - self._drag_from
            self._drag_from = event.position()
            crop = self._crop
            dx = -delta.x() / max(self.width(), 1) * (crop.right - crop.left)
            dy = -delta.y() / max(self.height(), 1) * (crop.bottom - crop.top)
            dx = min(max(dx, -crop.left), 1 - crop.right)
            dy = min(max(dy, -crop.top), 1 - crop.bottom)
            self.set_crop(Crop(crop.left + dx, crop.top + dy, crop.right + dx, crop.bottom + dy))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.camera is not None:
            self.maximise_requested.emit(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.zoom_enabled or self.camera is None:
            return super().wheelEvent(event)
        steps = event.angleDelta().y() / 120
        self.zoom_at(event.position(), 1.25**steps)

    def zoom_at(self, point: QPointF | QPoint, factor: float) -> None:
        """Zoom by `factor` keeping the picture point under `point` (tile coordinates) in place."""
        crop = self._crop
        span = crop.right - crop.left
        new_span = min(1.0, max(1.0 / MAX_ZOOM, span / factor))
        fx = min(max(point.x() / max(self.width(), 1), 0.0), 1.0)
        fy = min(max(point.y() / max(self.height(), 1), 0.0), 1.0)
        cx, cy = crop.left + fx * span, crop.top + fy * (crop.bottom - crop.top)
        left = min(max(cx - fx * new_span, 0.0), 1.0 - new_span)
        top = min(max(cy - fy * new_span, 0.0), 1.0 - new_span)
        self.set_crop(FULL if new_span >= 1.0 else Crop(left, top, left + new_span, top + new_span))
