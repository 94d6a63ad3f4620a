"""The map widget: pan, wheel zoom, hover, click, double-click, smooth flights, blinking alarms.

A custom QPainter canvas rather than QGraphicsView: the level of detail, the label collisions and the
overlay colours all change with the view, so the work is in deciding what to draw, which the
renderer does for the whole frame at once. The static picture is cached in a QPixmap; hover,
selection and the alarm pulse are drawn over it, so moving the mouse never repaints the grids.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEasingCurve, QPoint, QPointF, QRectF, QSize, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from runtime.read.map import Marker, MarkerKind
from widgets.map.lod import Detail, visible_detail
from widgets.map.markers import HIT_RADIUS_PX
from widgets.map.renderer import Frame, MapContent, MapRenderer, RenderOptions
from widgets.map.scene import MapScene
from widgets.map.style import BACKGROUND
from widgets.map.viewport import Viewport, interpolate

FLIGHT_MS = 450
BLINK_PERIOD_S = 1.2
BLINK_TICK_MS = 60
DRAG_THRESHOLD_PX = 4
WHEEL_STEP = 1.0015  # zoom factor per 1/8 degree of wheel turn: one notch (120) zooms by ~1.2


class MapCanvas(QWidget):
    gridClicked = Signal(int)  # a click selected this grid
    gridActivated = Signal(int)  # double-click: drill into it
    markerClicked = Signal(object)  # a Marker
    emptyClicked = Signal()
    hoveredChanged = Signal(object)  # grid id or None
    viewChanged = Signal()

    def __init__(self, font_family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(200, 160)
        self._font_family = font_family
        self.scene: MapScene | None = None
        self.renderer: MapRenderer | None = None
        self.viewport = Viewport(QPointF(), 0.05, max(self.width(), 1), max(self.height(), 1))
        self.content = MapContent()
        self.options = RenderOptions()
        self.selection: int | None = None
        self.hover: int | None = None
        self.pin: QPointF | None = None
        self.tooltip_for: Callable[[int], str] | None = None
        self.flight_ms = FLIGHT_MS
        self._cache: QPixmap | None = None
        self._frame: Frame | None = None
        self._press: QPoint | None = None
        self._dragging = False
        self._flight = QVariantAnimation(self)
        self._flight.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._flight.valueChanged.connect(self._fly_step)
        self._flight.finished.connect(self._flight_done)
        self._flight_ends: tuple[Viewport, Viewport] | None = None
        # While the view shows the whole district and the operator has not zoomed or panned, every
        # resize fits the district again (the dock gets its real size only after the first show).
        self._fit_pending = False
        self._fit_after_flight = False
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_TICK_MS)
        self._blink.timeout.connect(self.update)

    # --- what to show -------------------------------------------------------------------------
    def set_scene(self, scene: MapScene) -> None:
        self.scene = scene
        self.renderer = MapRenderer(scene, self._font_family)
        self.selection = self.hover = None
        self.viewport = self.viewport.resized(max(self.width(), 1), max(self.height(), 1)).fitted(
            scene.bounds()
        )
        self._fit_pending = True
        self.invalidate()

    def set_content(self, content: MapContent) -> None:
        self.content = content
        has_alarms = any(m.kind == MarkerKind.ALARM for m in content.markers)
        if has_alarms and not self._blink.isActive():
            self._blink.start()
        elif not has_alarms:
            self._blink.stop()
        self.invalidate()

    def set_selection(self, grid_id: int | None) -> None:
        self.selection = grid_id
        self.update()

    def set_pin(self, point: QPointF | None) -> None:
        self.pin = point
        self.update()

    def invalidate(self) -> None:
        """Drop the cached picture: the view or the data changed."""
        self._cache = None
        self.update()

    # --- moving the view ----------------------------------------------------------------------
    def set_viewport(self, viewport: Viewport) -> None:
        self._fit_pending = False
        self.viewport = viewport
        self.invalidate()
        self.viewChanged.emit()

    def fly_to(self, rect: QRectF, animate: bool = True, *, keep_fitting: bool = False) -> None:
        """Fit `rect` (map coordinates) with a smooth zoom-and-pan, or at once; `keep_fitting`: and
        fit it again on every resize until the operator moves the view."""
        target = self.viewport.fitted(rect)
        self._flight.stop()
        self._fit_after_flight = keep_fitting
        if not animate or self.flight_ms <= 0 or not self.isVisible():
            self.set_viewport(target)
            self._fit_pending = keep_fitting
            return
        self._flight_ends = (self.viewport, target)
        self._flight.setStartValue(0.0)
        self._flight.setEndValue(1.0)
        self._flight.setDuration(self.flight_ms)
        self._flight.start()

    def _fly_step(self, t: float) -> None:
        if self._flight_ends is not None:
            start, end = self._flight_ends
            self.set_viewport(interpolate(start, end, float(t)))

    def _flight_done(self) -> None:
        self._fit_pending = self._fit_after_flight

    @property
    def fitting(self) -> bool:
        """Whether the view follows the widget's size (the whole district, not moved by the operator)."""
        return self._fit_pending

    def fit_all(self, animate: bool = True) -> None:
        if self.scene is not None:
            self.fly_to(self.scene.bounds(), animate, keep_fitting=True)

    def fit_grid(self, grid_id: int, animate: bool = True) -> None:
        if self.scene is not None and grid_id in self.scene.grids:
            self.fly_to(self.scene.grids[grid_id].bounds, animate)

    # --- hit-testing --------------------------------------------------------------------------
    def detail(self) -> Detail:
        """What the current view shows (from the last paint, else worked out now)."""
        if self._frame is not None and self._cache is not None:
            return self._frame.detail
        assert self.scene is not None
        return visible_detail(self.scene, self.viewport.map_rect(), self.viewport.scale, self.content.focus)

    def grid_at(self, pixel: QPointF) -> int | None:
        """The grid under a pixel at the level the view shows there (STRtree, no polygon loop)."""
        if self.scene is None:
            return None
        detail = self.detail()
        shown = set(detail.regions).union(detail.boundaries)
        hits = [g for g in self.scene.grids_at(self.viewport.to_map(pixel)) if g in shown]
        return hits[-1] if hits else None

    def marker_at(self, pixel: QPointF) -> Marker | None:
        if self._frame is None:
            return None
        best, best_distance = None, HIT_RADIUS_PX
        for marker, position in self._frame.markers:
            distance = math.hypot(position.x() - pixel.x(), position.y() - pixel.y())
            if distance <= best_distance:
                best, best_distance = marker, distance
        return best

    # --- painting -----------------------------------------------------------------------------
    def _static_picture(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(QSize(round(self.width() * ratio), round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        try:
            assert self.renderer is not None
            self._frame = self.renderer.paint_static(painter, self.viewport, self.content, self.options)
        finally:
            painter.end()
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.renderer is None:
            painter.fillRect(self.rect(), BACKGROUND)
            painter.end()
            return
        if self._cache is None or self._cache.deviceIndependentSize().toSize() != self.size():
            self._cache = self._static_picture()
        painter.drawPixmap(0, 0, self._cache)
        self.renderer.paint_highlights(painter, self.viewport, self.hover, self.selection, self.pin)
        if self._blink.isActive():
            phase = (time.monotonic() % BLINK_PERIOD_S) / BLINK_PERIOD_S
            self.renderer.paint_alarms(painter, self.viewport, self.content.markers, phase)
        painter.end()

    def render_image(self, size: QSize | None = None) -> QImage:
        """The current view as an image (for export), drawn fresh at `size` (default: the widget's)."""
        size = size or self.size()
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        self.render_into(QPainter(image), size, close=True)
        return image

    def render_into(self, painter: QPainter, size: QSize, close: bool = False) -> None:
        """Paint the current view, scaled to `size` pixels, with any painter (image, PDF)."""
        assert self.renderer is not None
        factor = min(size.width() / max(self.width(), 1), size.height() / max(self.height(), 1))
        view = Viewport(self.viewport.centre, self.viewport.scale * factor, size.width(), size.height())
        try:
            self.renderer.paint_static(painter, view, self.content, self.options)
            self.renderer.paint_highlights(painter, view, None, self.selection, self.pin)
            self.renderer.paint_alarms(painter, view, self.content.markers, 0.0)
        finally:
            if close:
                painter.end()

    # --- input --------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self.viewport = self.viewport.resized(max(self.width(), 1), max(self.height(), 1))
        if self._fit_pending and self.scene is not None:
            self.viewport = self.viewport.fitted(self.scene.bounds())
        self.invalidate()
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.scene is None:
            return
        self._flight.stop()
        delta = event.angleDelta().y() or event.pixelDelta().y()
        self.set_viewport(self.viewport.zoomed(WHEEL_STEP**delta, event.position()))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            self._flight.stop()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = position.toPoint() - self._press
            if self._dragging or moved.manhattanLength() >= DRAG_THRESHOLD_PX:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.set_viewport(self.viewport.panned(moved.x(), moved.y()))
                self._press = position.toPoint()
            return
        self._hover_at(position, event.globalPosition().toPoint())

    def _hover_at(self, position: QPointF, global_position: QPoint) -> None:
        marker = self.marker_at(position)
        grid = self.grid_at(position)
        if grid != self.hover:
            self.hover = grid
            self.hoveredChanged.emit(grid)
            self.update()
        if marker is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(global_position, marker.title, self)
        else:
            self.unsetCursor()
            if grid is not None and self.tooltip_for is not None:
                QToolTip.showText(global_position, self.tooltip_for(grid), self)
            else:
                QToolTip.hideText()

    def leaveEvent(self, event) -> None:
        if self.hover is not None:
            self.hover = None
            self.hoveredChanged.emit(None)
            self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            was_drag = self._dragging
            self._press, self._dragging = None, False
            self.unsetCursor()
            if not was_drag:
                self.click_at(event.position())
        super().mouseReleaseEvent(event)

    def click_at(self, pixel: QPointF) -> None:
        """A click: a marker wins over the grid under it."""
        marker = self.marker_at(pixel)
        if marker is not None:
            self.markerClicked.emit(marker)
            return
        grid = self.grid_at(pixel)
        if grid is None:
            self.emptyClicked.emit()
        else:
            self.gridClicked.emit(grid)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            grid = self.grid_at(event.position())
            if grid is not None:
                self.gridActivated.emit(grid)

    def visible_markers(self) -> Sequence[tuple[Marker, QPointF]]:
        return self._frame.markers if self._frame is not None else ()
