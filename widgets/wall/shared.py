"""What every wall of one process shares: the stream pool (a camera shown twice is decoded once), who
draws over each camera's picture, and the actions other areas add to a tile's context menu. They hang off
the shell context, so walls opened later get them too."""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable

import cv2
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from video.cameras import CameraInfo
from video.pool import StreamPool
from widgets.shell_context import ShellContext
from widgets.wall.tile import OverlayPainter
from widgets.wall.tile_menu import CameraMenu

_POOL_ATTRIBUTE = "_wall_stream_pool"
_OVERLAY_ATTRIBUTE = "_wall_overlay_source"
_CAMERA_MENU_ATTRIBUTE = "_wall_camera_menu"
_PANELS_ATTRIBUTE = "_wall_panels"
OverlaySource = Callable[[CameraInfo], OverlayPainter | None]


def stream_pool_for(context: ShellContext) -> StreamPool:
    """The process's capture workers, shared by every wall (and the AI overlay); closed when the app quits."""
    pool = getattr(context, _POOL_ATTRIBUTE, None)
    if pool is None:
        # Many capture threads each take the GIL briefly; a shorter switch interval keeps the GUI thread's
        # waits for it well under a frame.
        sys.setswitchinterval(0.002)
        # Each capture thread converts small pictures; OpenCV's own worker threads only add hand-offs.
        cv2.setNumThreads(1)
        pool = StreamPool(packets=context.runtime.packets)  # sub-streams feed the event clips' buffers
        setattr(context, _POOL_ATTRIBUTE, pool)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(pool.close)
    return pool


def set_overlay_source(context: ShellContext, overlay_for: OverlaySource | None) -> None:
    """Who draws over each camera's picture on every wall of this process (the AI overlay calls this).

    `overlay_for(camera)` returns a painter for that camera's tiles, or None; walls opened later get it too.
    """
    setattr(context, _OVERLAY_ATTRIBUTE, overlay_for)
    for panel in list(_open_panels(context)):
        panel.wall.set_overlay_source(overlay_for)


def set_camera_menu(context: ShellContext, camera_menu: CameraMenu | None) -> None:
    """Actions for a tile's camera in the context menu of every wall of this process (the AI screens
    add 登记人脸 / 编辑区域); walls opened later get them too."""
    setattr(context, _CAMERA_MENU_ATTRIBUTE, camera_menu)
    for panel in list(_open_panels(context)):
        panel.wall.set_camera_menu(camera_menu)


def _open_panels(context: ShellContext) -> weakref.WeakSet:
    panels = getattr(context, _PANELS_ATTRIBUTE, None)
    if panels is None:
        panels = weakref.WeakSet()
        setattr(context, _PANELS_ATTRIBUTE, panels)
    return panels


def register_panel(context: ShellContext, panel: QWidget) -> None:
    """Count a wall panel among the process's open walls, to get later overlay and menu changes."""
    _open_panels(context).add(panel)


def overlay_source(context: ShellContext) -> OverlaySource | None:
    """Who draws over each camera's picture now (None: nobody)."""
    return getattr(context, _OVERLAY_ATTRIBUTE, None)


def camera_menu(context: ShellContext) -> CameraMenu | None:
    """The actions other areas add to a tile's camera menu now (None: none)."""
    return getattr(context, _CAMERA_MENU_ATTRIBUTE, None)
