"""A tile's captions: the name bar (camera name, stream, zoom info) and the shared once-a-second clock face."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap, QPixmapCache

from app.site_clock import TIME_ONLY, SiteClock
from video.frames import FULL
from video.pool import Profile

CAPTION_COLOUR = QColor("#e8edf3")
CLOCK_SAMPLE = "00:00:00"  # the room the name leaves for the time, whatever its digits


def caption_name(metrics: QFontMetrics, name: str, stamp: str, width: float) -> str:
    """The camera name as the name bar shows it: it gives way to the clock, elided on a small tile
    rather than drawn under the time."""
    room = width - 12 - (metrics.horizontalAdvance(stamp) + 10 if stamp else 0)
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(int(room), 0))


def clock_face(stamp: int, font: QFont, site_clock: SiteClock) -> QPixmap:
    """The time `stamp` as HH:MM:SS in the caption colour on a transparent pixmap; rendered once per
    second and font, and kept in Qt's pixmap cache so that every tile showing that second shares it."""
    font_key = font.key()
    cache_key = f"wall-tile-clock:{stamp}:{font_key}:{site_clock.zone_name}"
    face = QPixmapCache.find(cache_key)
    if face is None:
        text = site_clock.from_timestamp(stamp).strftime(TIME_ONLY)
        metrics = QFontMetrics(font)
        face = QPixmap(metrics.horizontalAdvance(text) + 2, metrics.height())
        face.fill(Qt.GlobalColor.transparent)
        face_painter = QPainter(face)
        face_painter.setFont(font)
        face_painter.setPen(CAPTION_COLOUR)
        face_painter.drawText(face.rect(), Qt.AlignmentFlag.AlignCenter, text)
        face_painter.end()
        QPixmapCache.insert(cache_key, face)
        QPixmapCache.remove(f"wall-tile-clock:{stamp - 2}:{font_key}")  # keep the cache to seconds in use
    return face


class TileCaptions:
    """The `Tile`'s name bar and clock, rendered once per change and blitted for every frame."""

    def _draw_captions(self, painter: QPainter) -> None:
        """Name bar and zoom info, rendered once per change and blitted; then the time, from a face
        rendered once a second for every tile that shows it (re-rendering each tile's captions every
        second cost ~5% of the 21-stream wall's CPU)."""
        status = self._status
        stamp = int(status.last_frame_at) if status is not None and status.last_frame_at else None
        info = (status.width, status.height, status.fps, self._crop) if self.zoom_enabled and status else None
        key = (
            self.camera,
            self.profile,
            self._pending is None,
            self.zoom_enabled,
            info,
            stamp is None,
            self._size,
            self.tr("拖入摄像机"),  # the language: the cached captions are drawn again after a switch
        )
        if key != self._caption_key:
            self._caption_key = key
            self._caption = QPixmap(self.size())
            self._caption.fill(Qt.GlobalColor.transparent)
            caption_painter = QPainter(self._caption)
            bar_height = self._render_captions(
                caption_painter, QRectF(self.rect()), with_clock=stamp is not None
            )
            self._clock_font = QFont(caption_painter.font())
            self._shown_clock = (None, QPixmap())
            caption_painter.end()
            self._bar_height = bar_height
            # only the name bar holds anything unless zoomed or empty: then blend just that strip
            whole = self.camera is None or self.zoom_enabled
            self._caption_strip = QRectF(0, 0, self.width(), self.height() if whole else bar_height)
        painter.drawPixmap(self._caption_strip, self._caption, self._caption_strip)
        if stamp is not None and self.camera is not None:
            if self._shown_clock[0] != stamp:  # looked up once a second, not for every frame
                self._shown_clock = (stamp, clock_face(stamp, self._clock_font, self.site_clock))
            face = self._shown_clock[1]
            painter.drawPixmap(self.width() - 6 - face.width(), (self._bar_height - face.height()) // 2, face)

    def _render_captions(self, painter: QPainter, rect: QRectF, with_clock: bool) -> int:
        """Draw the captions but the time (its room is kept when `with_clock`); returns the height of
        the name bar."""
        if self.camera is None:
            painter.setPen(QColor("#5b6675"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("拖入摄像机"))
            return 0
        font = QFont(self.font())
        font.setPixelSize(max(10, min(14, int(rect.height() / 14))))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        bar_h = metrics.height() + 6
        painter.fillRect(QRectF(rect.x(), rect.y(), rect.width(), bar_h), QColor(0, 0, 0, 140))
        painter.setPen(CAPTION_COLOUR)
        name = self.camera.name
        if self.profile is Profile.MAIN:
            name += self.tr("  [主码流]") if self._pending is None else self.tr("  [正在切换主码流…]")
        painter.drawText(
            QRectF(rect.x() + 6, rect.y(), rect.width() - 12, bar_h),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            caption_name(metrics, name, CLOCK_SAMPLE if with_clock else "", rect.width()),
        )
        status = self._status
        if self.zoom_enabled and status is not None and status.width:
            info = f"{status.width}x{status.height}  {status.fps:.0f} fps"
            if self._crop != FULL:
                info += f"  ×{1 / (self._crop.right - self._crop.left):.1f}"
            painter.drawText(
                rect.adjusted(6, 0, -6, -4), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight, info
            )
        return int(bar_h)
