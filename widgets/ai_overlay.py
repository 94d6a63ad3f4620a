"""Paints the AI's boxes and labels over the wall's tiles: 居民 / 陌生人 / 重点人员 (red), mask state, zones.

The AI workers hand results in from their threads (`on_analysis`); the overlay keeps only the newest
per camera, and the tile draws it with its next picture (tiles repaint at the stream's frame rate).
Painting reads that result and draws a few rectangles and short labels with pens and fonts made once, so the wall pays
well under a millisecond per tile. Each camera's overlay can be switched off on its own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF

from video.ai.types import FrameAnalysis, Identity, MaskState, TrackView
from video.ai.zones import Zone
from video.cameras import CameraInfo

OverlayPainter = Callable[[QPainter, QRectF, tuple[int, int]], None]
MAX_AGE_S = 2.0  # results older than this (the AI fell behind or the camera went still) are not drawn
MAX_LEAD_S = 0.6  # a moving box is drawn ahead along its track by the result's age, up to this much

COLOURS = {
    Identity.RESIDENT: QColor("#3ddc84"),
    Identity.STRANGER: QColor("#ffb020"),
    Identity.WATCHLIST: QColor("#ff3b30"),
    Identity.PENDING: QColor("#e8edf3"),
    Identity.FACE: QColor("#e8edf3"),
}
PERSON_COLOUR = QColor("#4fc3f7")
ZONE_COLOUR = QColor(255, 80, 80, 60)
ZONE_TEXT = QColor(255, 120, 120)
LABEL_CACHE = 256  # distinct label pictures kept (text x colour); cleared when full


def identity_text(identity: Identity) -> str:
    texts = {
        Identity.RESIDENT: "居民",
        Identity.STRANGER: "陌生人",
        Identity.WATCHLIST: "重点人员",
        Identity.PENDING: "识别中",
        Identity.FACE: "人脸",
    }
    return QCoreApplication.translate("AiOverlay", texts[identity])


def mask_text(mask: MaskState) -> str:
    if mask is MaskState.MASK:
        return QCoreApplication.translate("AiOverlay", "戴口罩")
    if mask is MaskState.NO_MASK:
        return QCoreApplication.translate("AiOverlay", "未戴口罩")
    return ""


def track_label(track: TrackView) -> str:
    """What is written on a box: the person's label, their name when the seat may see it, the mask."""
    if track.kind == "person":
        text = QCoreApplication.translate("AiOverlay", "人")
    else:
        text = identity_text(track.identity)
        if track.name:
            text += f" {track.name}"
    mask = mask_text(track.mask)
    return f"{text} · {mask}" if mask else text


def _since_capture(analysis: FrameAnalysis, age: float) -> float:
    """How old the result's frame is: from its wall-clock capture time when that is plausible (live
    streams), else the time since the result arrived (files and tests use their own clocks)."""
    delay = time.time() - analysis.timestamp
    return delay if 0.0 <= delay <= MAX_AGE_S else age


class AiOverlay:
    """Newest AI result per camera, and the painters the wall calls for each tile."""

    def __init__(self, *, max_age_s: float = MAX_AGE_S) -> None:
        self.max_age_s = max_age_s
        self._lock = threading.Lock()
        self._latest: dict[int, tuple[FrameAnalysis, float]] = {}
        self._zones: dict[int, list[Zone]] = {}
        self._off: set[int] = set()
        self._font = QFont()
        self._font.setPixelSize(12)
        self._metrics = QFontMetricsF(self._font)
        self._pens = {identity: QPen(colour, 2) for identity, colour in COLOURS.items()}
        self._person_pen = QPen(PERSON_COLOUR, 1, Qt.PenStyle.DashLine)
        self._zone_pen = QPen(QColor(255, 80, 80, 200), 1)
        self._labels: dict[tuple[str, Identity | None], QPixmap] = {}

    # ---- fed by the AI service (any thread) -------------------------------------------------------
    def on_analysis(self, analysis: FrameAnalysis) -> None:
        with self._lock:
            self._latest[analysis.camera_id] = (analysis, time.monotonic())

    def set_zones(self, camera_id: int, zones: list[Zone]) -> None:
        with self._lock:
            self._zones[camera_id] = list(zones)

    # ---- switches and the wall's hook (GUI thread) ------------------------------------------------
    def set_enabled(self, camera_id: int, enabled: bool) -> None:
        """The per-tile switch: show or hide this camera's overlay (seen at the tile's next repaint)."""
        if enabled:
            self._off.discard(camera_id)
        else:
            self._off.add(camera_id)

    def is_enabled(self, camera_id: int) -> bool:
        return camera_id not in self._off

    def overlay_for(self, camera: CameraInfo) -> OverlayPainter | None:
        """For `VideoWall.set_overlay_source`: a painter for AI cameras, None for the others."""
        if not camera.ai_enabled:
            return None
        return self.painter(camera.id)

    def painter(self, camera_id: int) -> OverlayPainter:
        def paint(painter: QPainter, target: QRectF, frame_size: tuple[int, int]) -> None:
            self.paint(camera_id, painter, target)

        return paint

    # ---- painting ---------------------------------------------------------------------------------
    def paint(self, camera_id: int, painter: QPainter, target: QRectF) -> None:
        if camera_id in self._off:
            return
        with self._lock:
            entry = self._latest.get(camera_id)
            zones = self._zones.get(camera_id, ())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for zone in zones:
            self._paint_zone(painter, target, zone)
        age = time.monotonic() - entry[1] if entry is not None else 0.0
        if entry is not None and age <= self.max_age_s:
            analysis = entry[0]
            lead = min(_since_capture(analysis, age), MAX_LEAD_S)
            painter.setFont(self._font)
            width, height = analysis.frame_size
            for track in analysis.tracks:
                box = track.box.shifted(track.velocity[0] * lead, track.velocity[1] * lead)
                rect = QRectF(
                    target.x() + box.x1 / width * target.width(),
                    target.y() + box.y1 / height * target.height(),
                    box.width / width * target.width(),
                    box.height / height * target.height(),
                )
                self._paint_track(painter, rect, track)
        painter.restore()

    def _paint_zone(self, painter: QPainter, target: QRectF, zone: Zone) -> None:
        polygon = QPolygonF(
            [
                QPointF(target.x() + x * target.width(), target.y() + y * target.height())
                for x, y in zone.points
            ]
        )
        painter.setPen(self._zone_pen)
        painter.setBrush(QBrush(ZONE_COLOUR))
        painter.drawPolygon(polygon)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if polygon.size():
            painter.drawPixmap(polygon.boundingRect().topLeft() + QPointF(2, 2), self._zone_label(zone.name))

    def _zone_label(self, name: str) -> QPixmap:
        pixmap = self._labels.get((name, None))
        if pixmap is None:
            pixmap = QPixmap(int(self._metrics.horizontalAdvance(name)) + 6, int(self._metrics.height()) + 2)
            pixmap.fill(Qt.GlobalColor.transparent)
            label_painter = QPainter(pixmap)
            label_painter.setFont(self._font)
            label_painter.setPen(ZONE_TEXT)
            label_painter.drawText(pixmap.rect().adjusted(3, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, name)
            label_painter.end()
            self._labels[(name, None)] = pixmap
        return pixmap

    def _paint_track(self, painter: QPainter, rect: QRectF, track: TrackView) -> None:
        if track.kind == "person":
            painter.setPen(self._person_pen)
            painter.drawRect(rect)
            return
        painter.setPen(self._pens[track.identity])
        painter.drawRect(rect)
        label = self._label(track_label(track), track.identity)
        top = rect.y() - label.height()
        painter.drawPixmap(QPointF(rect.x(), top if top >= 0 else rect.bottom()), label)

    def _label(self, text: str, identity: Identity) -> QPixmap:
        """The label as a picture, rendered once per text and colour: shaping Chinese text on every
        repaint would cost the wall more than everything else the overlay draws."""
        key = (text, identity)
        pixmap = self._labels.get(key)
        if pixmap is None:
            if len(self._labels) > LABEL_CACHE:
                self._labels.clear()
            colour = COLOURS[identity]
            pixmap = QPixmap(int(self._metrics.horizontalAdvance(text)) + 8, int(self._metrics.height()) + 2)
            pixmap.fill(colour if identity is Identity.WATCHLIST else colour.darker(260))
            label_painter = QPainter(pixmap)
            label_painter.setFont(self._font)
            label_painter.setPen(QColor("#ffffff") if identity is Identity.WATCHLIST else colour)
            label_painter.drawText(
                pixmap.rect().adjusted(4, 0, 0, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
            label_painter.end()
            self._labels[key] = pixmap
        return pixmap
