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

The tile's parts each have their module: its stream plumbing (`tile_stream`), picture drawing
(`tile_picture`), captions (`tile_captions`), state badge (`tile_badge`), zoom and pan (`tile_zoom`) and
context menu and camera drops (`tile_menu`); `Tile` puts them together as one widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from app.site_clock import SiteClock
from video.cameras import CameraInfo
from video.capture import CaptureWorker
from video.display_sink import DisplaySink
from video.frames import FULL, Crop
from video.pool import Profile, StreamPool
from video.status import StreamStatus
from video.yuv import PackedI420
from widgets.wall.frame_clock import FrameClock
from widgets.wall.in_place import write_in_place
from widgets.wall.tile_badge import TileBadge
from widgets.wall.tile_captions import TileCaptions
from widgets.wall.tile_menu import CameraMenu, TileMenu
from widgets.wall.tile_picture import ColourCopy, Placement, TilePicture
from widgets.wall.tile_stream import TileStream
from widgets.wall.tile_zoom import TileZoom

OverlayPainter = Callable[[QPainter, QRectF, tuple[int, int]], None]
BACKGROUND = QColor("#0b0f14")


class Tile(TileStream, TilePicture, TileCaptions, TileBadge, TileZoom, TileMenu, QWidget):
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
        self._colour: ColourCopy | None = None  # that picture in colour, where it cannot be written in place
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
        self._place: Placement | None = None
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
