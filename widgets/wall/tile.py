"""One tile of the wall: a camera's newest picture, its name and time, and what state its stream is in.

The tile never decodes or scales: its capture worker hands it a picture already scaled to the tile
(a `DisplaySink`), and only while the tile is visible. The wall's `FrameClock` asks every showing tile
for its new picture twice per frame interval; the tile converts it to colour straight into the
window's pixels as it paints (see `in_place`), or blits a colour copy where it cannot. A stale
picture (the stream is not live, or no new frame for `STALE_SECONDS`) is drawn in grey with a badge
saying why, never silently frozen.

Other areas draw over the picture with `set_overlay_painter(fn)`: fn(painter, target_rect,
frame_size) gets the rectangle the whole frame occupies in tile coordinates (it may reach past the tile
when digitally zoomed; the painter is clipped to the picture) and the frame's (width, height).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPixmapCache,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QWidget

from app.site_clock import TIME_ONLY, SiteClock
from video.cameras import CameraInfo
from video.capture import CaptureWorker, DisplaySink
from video.frames import FULL, Crop
from video.pool import Profile, StreamPool
from video.status import StreamState, StreamStatus
from video.yuv import PackedI420
from widgets.plain_text import literal_html
from widgets.wall.frame_clock import FrameClock
from widgets.wall.in_place import write_in_place

OverlayPainter = Callable[[QPainter, QRectF, tuple[int, int]], None]
CameraMenu = Callable[[QMenu, CameraInfo], None]  # adds a camera's actions to a tile's context menu
CAMERA_MIME = "application/x-gcc-camera-id"
STALE_SECONDS = 2.0
BACKGROUND = QColor("#0b0f14")
MAX_ZOOM = 8.0
CAPTION_COLOUR = QColor("#e8edf3")
CLOCK_SAMPLE = "00:00:00"  # the room the name leaves for the time, whatever its digits


def state_text(state: StreamState) -> str:
    """The badge text for a state (translated in the context "Tile")."""
    from PySide6.QtCore import QCoreApplication

    texts = {
        StreamState.CONNECTING: "连接中",
        StreamState.RECONNECTING: "重连中",
        StreamState.OFFLINE: "离线",
        StreamState.ERROR: "错误",
        StreamState.STOPPED: "已停止",
        StreamState.LIVE: "在线",
    }
    return QCoreApplication.translate("Tile", texts[state])


@dataclass(frozen=True)
class _Placement:
    """The picture's place in a tile: where to blit it, the rectangle it covers and the bars around it."""

    key: tuple[tuple[int, int], tuple[int, int]]  # (picture size, tile size)
    exact: bool  # drawn unscaled at (x, y)
    x: int
    y: int
    target: QRectF
    bars: tuple[QRectF, ...]

    @classmethod
    def centred(cls, picture: tuple[int, int], tile: tuple[int, int]) -> _Placement:
        (pw, ph), (tw, th) = picture, tile
        scale = min(tw / pw, th / ph) if pw and ph else 1.0
        if 1.0 <= scale < 1.02:  # the worker scaled it to this tile (within rounding): no scaling here
            x, y = (tw - pw) // 2, (th - ph) // 2
            target = QRectF(x, y, pw, ph)
            exact = True
        else:
            x = y = 0
            w, h = pw * scale, ph * scale
            target = QRectF((tw - w) / 2, (th - h) / 2, w, h)
            exact = False
        return cls((picture, tile), exact, x, y, target, _uncovered(QRectF(0, 0, tw, th), target))


def _uncovered(rect: QRectF, picture: QRectF) -> tuple[QRectF, ...]:
    """The parts of `rect` outside `picture` (the letterbox bars), as up to four rectangles."""
    bars = (
        QRectF(rect.left(), rect.top(), rect.width(), picture.top() - rect.top()),
        QRectF(rect.left(), picture.bottom(), rect.width(), rect.bottom() - picture.bottom()),
        QRectF(rect.left(), picture.top(), picture.left() - rect.left(), picture.height()),
        QRectF(picture.right(), picture.top(), rect.right() - picture.right(), picture.height()),
    )
    return tuple(bar for bar in bars if bar.width() > 0 and bar.height() > 0)


@dataclass
class _ColourCopy:
    """A tile-owned BGRA copy of one picture and a QImage over its memory."""

    pixels: np.ndarray
    image: QImage
    picture: PackedI420 | None = None  # the picture it holds, and its seq
    seq: int = -1

    @classmethod
    def of_size(cls, width: int, height: int) -> _ColourCopy:
        pixels = np.empty((height, width, 4), np.uint8)
        return cls(pixels, QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGB32))


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


def camera_mime(camera_id: int) -> QMimeData:
    """What the camera list puts on a drag so a tile can accept it."""
    mime = QMimeData()
    mime.setData(CAMERA_MIME, str(camera_id).encode())
    return mime


class Tile(QWidget):
    """Shows one camera; emits requests the wall acts on (maximise, drop a camera, clear)."""

    maximise_requested = Signal(object)  # self
    camera_dropped = Signal(object, int)  # self, camera id
    selected = Signal(object)
    snapshot_requested = Signal(object)
    cleared = Signal(object)
    _status_changed = Signal(object)

    def __init__(
        self,
        pool: StreamPool,
        index: int = 0,
        parent: QWidget | None = None,
        clock: FrameClock | None = None,
        site_clock: SiteClock | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.index = index
        self._clock = clock or FrameClock(self)  # a wall passes one clock to all its tiles
        self.site_clock = site_clock or SiteClock()  # the picture's time in the site's zone
        self.camera: CameraInfo | None = None
        self.profile = Profile.SUB
        self._worker: CaptureWorker | None = None
        self._sink: DisplaySink | None = None
        self._pending: tuple[CaptureWorker, DisplaySink] | None = None  # main/sub stream being switched to
        self._remove_status_listener: Callable[[], None] | None = None
        self._picture: PackedI420 | None = None  # the newest taken picture, at tile size
        self._colour: _ColourCopy | None = None  # that picture in colour, where it cannot be written in place
        self._grey: QImage | None = None
        self._frame_size = (0, 0)
        self._seq = 0
        self._status: StreamStatus | None = None
        self._last_picture_at = 0.0
        self._overlay: OverlayPainter | None = None
        self.camera_menu: CameraMenu | None = None  # other areas' actions for the tile's camera
        self._crop: Crop = FULL
        self._drag_from: QPointF | None = None
        self.is_selected = False
        self.zoom_enabled = False
        self.frames_shown = 0
        self._caption_key: tuple | None = None
        self._caption = QPixmap()
        self._caption_strip = QRectF()
        self._clock_font = QFont()
        self._shown_clock: tuple[int | None, QPixmap] = (None, QPixmap())  # (stamp, its face)
        self._bar_height = 0
        self._size = (0, 0)  # the tile's, kept by resizeEvent: paint reads it for every frame
        self._image_size = (0, 0)
        self._place: _Placement | None = None
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(64, 36))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._status_changed.connect(self._on_status, Qt.ConnectionType.QueuedConnection)
        self._stale_timer = QTimer(self, interval=1000, timeout=self._check_stale)
        self._stale_timer.start()

    # ---- public API -------------------------------------------------------------------------------
    def set_overlay_painter(self, painter: OverlayPainter | None) -> None:
        """Draw over the picture (e.g. detection boxes); None switches the overlay off."""
        self._overlay = painter
        self.update()

    def overlay_painter(self) -> OverlayPainter | None:
        return self._overlay

    def set_camera(self, camera: CameraInfo | None, profile: Profile = Profile.SUB) -> None:
        """Show this camera (None: empty tile). The old picture is dropped: it belongs to another camera."""
        if camera == self.camera and profile == self.profile:
            return
        self._release_all()
        self.camera, self.profile = camera, profile
        self._picture = self._colour = self._grey = None
        self._seq = 0
        self._status = None
        self._crop = FULL
        if camera is not None:
            self._attach(self._acquire(profile))
        self.update()

    def switch_profile(self, profile: Profile) -> None:
        """Change to the main or sub stream, keeping the last picture until the new stream's first one."""
        if self.camera is None or profile == self.profile:
            return
        self.profile = profile
        self._drop_pending()
        worker = self._acquire(profile)
        sink = worker.open_display(*self._sink_box()) if self.isVisible() else None
        if sink is None:  # hidden: nothing to keep showing, switch at once
            self._attach(worker)
            return
        self._pending = (worker, sink)
        if self._crop != FULL:
            sink.set_crop(self._crop)
        self._sync_clock()

    @property
    def worker(self) -> CaptureWorker | None:
        return self._worker

    def status(self) -> StreamStatus | None:
        return self._worker.status() if self._worker else None

    def set_selected(self, selected: bool) -> None:
        self.is_selected = selected
        self.update()

    def set_zoom_enabled(self, enabled: bool) -> None:
        """Digital zoom (wheel to zoom at the cursor, drag to pan) — on for a maximised tile."""
        self.zoom_enabled = enabled
        if not enabled:
            self.set_crop(FULL)

    def set_crop(self, crop: Crop) -> None:
        self._crop = crop
        for sink in (self._sink, self._pending[1] if self._pending else None):
            if sink is not None:
                sink.set_crop(crop)
        self.update()

    @property
    def crop(self) -> Crop:
        return self._crop

    def close_stream(self) -> None:
        """Release the streams (the tile is being removed or its window closed); the camera is kept."""
        self._release_all()

    def reopen_stream(self) -> None:
        """Take the camera's stream again after `close_stream` (its window is shown again)."""
        if self.camera is not None and self._worker is None:
            self._attach(self._acquire(self.profile))

    # ---- stream plumbing --------------------------------------------------------------------------
    def _acquire(self, profile: Profile) -> CaptureWorker:
        assert self.camera is not None
        return self.pool.acquire(self.camera.stream(profile))

    def _attach(self, worker: CaptureWorker) -> None:
        self._release_current()
        self._worker = worker
        self._remove_status_listener = worker.add_status_listener(self._status_changed.emit)
        self._status = worker.status()
        if self.isVisible():
            self._open_sink()

    def _open_sink(self) -> None:
        if self._worker is not None and self._sink is None:
            self._sink = self._worker.open_display(*self._sink_box())
            self._sink.set_crop(self._crop)
            self._sync_clock()

    def _close_sink(self) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None
            self._sync_clock()

    def _sync_clock(self) -> None:
        """Be on the wall's frame clock exactly while a display sink is open."""
        if self._sink is not None or self._pending is not None:
            self._clock.attach(self)
        else:
            self._clock.detach(self)

    def _release_current(self) -> None:
        self._close_sink()
        if self._remove_status_listener is not None:
            self._remove_status_listener()
            self._remove_status_listener = None
        if self._worker is not None:
            self.pool.release(self._worker)
            self._worker = None

    def _drop_pending(self) -> None:
        if self._pending is not None:
            worker, sink = self._pending
            sink.close()
            self.pool.release(worker)
            self._pending = None
            self._sync_clock()

    def _release_all(self) -> None:
        self._drop_pending()
        self._release_current()

    def _sink_box(self) -> tuple[int, int]:
        ratio = self.devicePixelRatioF()
        return int(self.width() * ratio), int(self.height() * ratio)

    def take_new_frame(self) -> None:
        """Show the stream's newest picture if it is new (the frame clock calls this every tick)."""
        pending, sink = self._pending, self._sink
        if (pending is not None and pending[1].seq) or (sink is not None and sink.seq != self._seq):
            self._on_frame()

    def frame_rate(self) -> float:
        """The shown stream's measured rate, for the frame clock's pace (kept current once a second)."""
        status = self._status
        return status.fps if status is not None else 0.0

    def _on_frame(self) -> None:
        if self._pending is not None:  # the switched-to stream: use it once it has a picture
            worker, sink = self._pending
            if sink.take() is not None:
                self._pending = None
                self._release_current()
                self._worker, self._sink = worker, sink
                self._sync_clock()
                self._remove_status_listener = worker.add_status_listener(self._status_changed.emit)
                self._status = worker.status()
                self._seq = -1
        if self._sink is None:  # until the new stream has a picture, the old one keeps playing
            return
        taken = self._sink.take()
        if taken is None:
            return
        seq, picture, frame_size = taken
        if seq == self._seq and self._picture is not None:
            return
        self._picture = picture
        self._image_size = picture.size
        self._grey = None
        self._seq, self._frame_size = seq, frame_size
        self._last_picture_at = time.monotonic()
        self.frames_shown += 1
        self.update()

    @Slot(object)
    def _on_status(self, status: StreamStatus) -> None:
        self._status = status
        self._update_tooltip()
        self.update()

    @Slot()
    def _check_stale(self) -> None:
        if self._worker is not None:
            self._status = self._worker.status()
        self._update_tooltip()
        if self._picture is not None and self._is_stale():
            self.update()

    def _update_tooltip(self) -> None:
        """Kept current once a second instead of overriding event(), which every paint would pass through."""
        text = self.status_text()
        if text != self.toolTip():
            self.setToolTip(literal_html(text))

    def _is_stale(self) -> bool:
        status = self._status
        if status is not None and status.state is not StreamState.LIVE:
            return True
        return time.monotonic() - self._last_picture_at > STALE_SECONDS

    # ---- Qt events --------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._open_sink()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._close_sink()  # hidden tiles cost no conversion; the stream keeps decoding

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._size = (self.width(), self.height())
        box = self._sink_box()
        for sink in (self._sink, self._pending[1] if self._pending else None):
            if sink is not None:
                sink.resize(*box)

    def closeEvent(self, event) -> None:
        self._release_all()
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        picture = self._picture
        stale = picture is not None and self._is_stale()
        place = self._placement() if picture is not None else None
        if place is None:
            painter.fillRect(self.rect(), BACKGROUND)
        else:
            if stale or not place.exact or not write_in_place(painter, picture, place.x, place.y):
                self._draw_picture(painter, place, stale)
            for bar in place.bars:  # fill only around the picture, not under it
                painter.fillRect(bar, BACKGROUND)
            if self._overlay is not None:
                painter.save()
                painter.setClipRect(place.target)
                self._overlay(painter, self._full_frame_rect(place.target), self._frame_size)
                painter.restore()
        self._draw_captions(painter)
        if stale or picture is None:
            self._draw_badge(painter, QRectF(self.rect()))
        if self.is_selected:
            painter.setPen(QPen(QColor("#3da5ff"), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _placement(self) -> _Placement:
        """Where the picture goes in the tile (centred), computed once per picture and tile size."""
        key = (self._image_size, self._size)
        if self._place is None or self._place.key != key:
            self._place = _Placement.centred(*key)
        return self._place

    def _draw_picture(self, painter: QPainter, place: _Placement, stale: bool) -> None:
        """Draw the picture from a colour copy: scaled, greyed, or onto a device it cannot be written into."""
        image = self._colour_image()
        if stale:
            if self._grey is None:
                self._grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
            image = self._grey
        if place.exact:  # the worker already scaled it to the tile: a plain blit at whole pixels
            painter.drawImage(place.x, place.y, image)
        else:  # the tile changed size since the picture was made, or the source is smaller than the tile
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(place.target, image)
        if stale:
            painter.fillRect(place.target, QColor(0, 0, 0, 90))

    def _colour_image(self) -> QImage:
        """The current picture in colour, converted at most once per picture."""
        picture = self._picture
        assert picture is not None
        copy = self._colour
        if copy is None or copy.pixels.shape[:2] != (picture.height, picture.width):
            copy = self._colour = _ColourCopy.of_size(picture.width, picture.height)
        if copy.picture is not picture or copy.seq != self._seq:
            picture.to_bgra(copy.pixels)
            copy.picture, copy.seq = picture, self._seq
        return copy.image

    def _full_frame_rect(self, picture_rect: QRectF) -> QRectF:
        """Where the whole frame would lie if the zoomed part fills `picture_rect`."""
        crop = self._crop.clamped()
        sx = picture_rect.width() / (crop.right - crop.left)
        sy = picture_rect.height() / (crop.bottom - crop.top)
        return QRectF(picture_rect.x() - crop.left * sx, picture_rect.y() - crop.top * sy, sx, sy)

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

    def badge(self) -> tuple[str, str] | None:
        """(state text, reason) the tile shows over the picture, or None while the picture is live."""
        status = self._status
        if (
            self.camera is None
            or status is None
            or (status.state is StreamState.LIVE and not self._is_stale())
        ):
            return None
        if status.state is StreamState.LIVE:
            return self.tr("画面停滞"), ""
        reason = status.reason
        if status.next_retry_in and status.state is not StreamState.ERROR:
            reason += self.tr(" · 每 %1 秒重试").replace("%1", f"{status.next_retry_in:g}")
        return state_text(status.state), reason

    def status_text(self) -> str:
        """State, rate, size, drops and last picture time: the tile's tooltip."""
        status = self.status()
        if self.camera is None or status is None:
            return ""
        last = (
            self.site_clock.from_timestamp(status.last_frame_at).strftime(TIME_ONLY)
            if status.last_frame_at
            else "—"
        )
        lines = [
            f"{self.camera.name} · {state_text(status.state)}",
            self.tr("地址: %1").replace("%1", status.url),
            self.tr("分辨率: %1  帧率: %2 fps")
            .replace("%1", status.resolution or "—")
            .replace("%2", f"{status.fps:g}"),
            self.tr("丢帧: %1  重连: %2 次  最后画面: %3")
            .replace("%1", str(status.dropped))
            .replace("%2", str(status.restarts))
            .replace("%3", last),
        ]
        if status.reason:
            lines.append(self.tr("原因: %1").replace("%1", status.reason))
        return "\n".join(lines)

    def _draw_badge(self, painter: QPainter, rect: QRectF) -> None:
        badge = self.badge()
        if badge is None:
            return
        text, reason = badge
        state = self._status.state if self._status is not None else StreamState.STOPPED
        colour = {
            StreamState.CONNECTING: QColor("#3da5ff"),
            StreamState.RECONNECTING: QColor("#f0b429"),
            StreamState.LIVE: QColor("#f0b429"),
            StreamState.OFFLINE: QColor("#ef5350"),
            StreamState.ERROR: QColor("#ef5350"),
        }.get(state, QColor("#7a8699"))
        font = QFont(self.font())
        font.setPixelSize(max(12, min(22, int(rect.height() / 9))))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        small = QFont(self.font())
        small.setPixelSize(max(10, min(13, int(rect.height() / 16))))
        width = max(metrics.horizontalAdvance(text) + 24, 80)
        reason_lines = []
        if reason:
            painter.setFont(small)
            reason_lines = [
                painter.fontMetrics().elidedText(reason, Qt.TextElideMode.ElideRight, int(rect.width() - 16))
            ]
            width = max(
                width, min(rect.width() - 8, painter.fontMetrics().horizontalAdvance(reason_lines[0]) + 20)
            )
        height = metrics.height() + 10 + (painter.fontMetrics().height() + 2) * len(reason_lines)
        box = QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(colour)
        painter.setFont(font)
        painter.drawText(
            QRectF(box.x(), box.y() + 4, box.width(), metrics.height()), Qt.AlignmentFlag.AlignCenter, text
        )
        if reason_lines:
            painter.setFont(small)
            painter.setPen(QColor("#d5dbe3"))
            painter.drawText(
                QRectF(
                    box.x() + 6,
                    box.y() + metrics.height() + 6,
                    box.width() - 12,
                    painter.fontMetrics().height(),
                ),
                Qt.AlignmentFlag.AlignCenter,
                reason_lines[0],
            )

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

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        if menu is not None:
            menu.exec(event.globalPos())

    def context_menu(self) -> QMenu | None:
        """What right-clicking the tile offers (None on an empty tile)."""
        if self.camera is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("截图"), lambda: self.snapshot_requested.emit(self))
        if self._worker is not None:
            menu.addAction(
                self.tr("重新连接"), lambda: self._worker and self._worker.request_restart("operator")
            )
        menu.addAction(
            self.tr("还原") if self.zoom_enabled else self.tr("最大化"),
            lambda: self.maximise_requested.emit(self),
        )
        menu.addAction(self.tr("关闭画面"), lambda: self.cleared.emit(self))
        if self.camera_menu is not None:
            menu.addSeparator()
            self.camera_menu(menu, self.camera)
        return menu

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CAMERA_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData().data(CAMERA_MIME)
        try:
            camera_id = int(bytes(data).decode())
        except ValueError:
            return
        event.acceptProposedAction()
        self.camera_dropped.emit(self, camera_id)
