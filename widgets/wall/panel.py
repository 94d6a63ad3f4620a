"""The wall panel: the camera list, the wall, and the operator's controls (layout, tour, snapshot, windows).

All wall panels of one process (the main window's dock, extra wall windows, the kiosk window on a
second screen) share one `StreamPool`, so a camera shown twice is decoded once.

Other areas of the window bring a camera up by calling `WallPanel.show_camera(camera_id)` (the
window's wiring does, for the map and the alarm popup). The AI overlay draws on every wall's tiles by
`set_overlay_source(context, overlay_for)`; it gets frames from the same workers via
`stream_pool_for(context).acquire(camera.stream(Profile.SUB)).add_frame_listener(callback, max_fps)`.
The AI screens add their actions to every tile's context menu through `set_camera_menu`.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable

import cv2
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.events import Change, Topic
from runtime.read.cameras import wall_cameras
from video.cameras import CameraInfo
from video.layouts import PRESETS, LayoutStore, WallLayout, custom_layout
from video.pool import StreamPool
from video.status import StreamState
from widgets.bilingual import in_language
from widgets.plain_text import literal_html, plain
from widgets.shell_context import ShellContext
from widgets.wall.camera_list import CameraList
from widgets.wall.tile import CameraMenu, OverlayPainter
from widgets.wall.wall import VideoWall

LAST_LAYOUT_KEY = "wall/last_layout"
PRESET_LABELS = {
    "1": "1 画面",
    "4": "4 画面",
    "9": "9 画面",
    "16": "16 画面",
    "25": "25 画面",
    "1+5": "1+5 画面",
    "1+7": "1+7 画面",
}
_POOL_ATTRIBUTE = "_wall_stream_pool"
_OVERLAY_ATTRIBUTE = "_wall_overlay_source"
_CAMERA_MENU_ATTRIBUTE = "_wall_camera_menu"
_PANELS_ATTRIBUTE = "_wall_panels"
OverlaySource = Callable[[CameraInfo], OverlayPainter | None]


def tr(text: str) -> str:
    return QCoreApplication.translate("WallPanel", text)


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


class CustomLayoutDialog(QDialog):
    """Rows, columns and the size of a large top-left tile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("自定义布局"))
        form = QFormLayout(self)
        self.rows = QSpinBox(minimum=1, maximum=8, value=3)
        self.cols = QSpinBox(minimum=1, maximum=8, value=4)
        self.big = QSpinBox(minimum=1, maximum=7, value=2)
        form.addRow(tr("行数"), self.rows)
        form.addRow(tr("列数"), self.cols)
        form.addRow(tr("左上大画面占格"), self.big)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def layout_chosen(self) -> WallLayout:
        return custom_layout(self.rows.value(), self.cols.value(), self.big.value())


class _Notice(QLabel):
    """The wall's one-line notice: it takes the room the tools leave and is cut short there rather than
    pushing them aside; the whole text (a snapshot's path, an error) stays in its tooltip."""

    def __init__(self) -> None:
        super().__init__()
        plain(self)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setToolTip(literal_html(text))


class WallPanel(QWidget):
    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallPanel")
        self.context = context
        self.pool = stream_pool_for(context)
        self.layouts = LayoutStore(context.db)
        self._cameras: dict[int, CameraInfo] = {}
        self.extra_windows: list[QWidget] = []
        self.camera_list = CameraList()
        self.wall = VideoWall(self.pool, lambda: self._cameras, context.site.clock)
        self.message = _Notice()
        self.message.setObjectName("wallMessage")
        self._build()
        _open_panels(context).add(self)
        self.wall.set_overlay_source(getattr(context, _OVERLAY_ATTRIBUTE, None))
        self.wall.set_camera_menu(getattr(context, _CAMERA_MENU_ATTRIBUTE, None))
        self.reload_cameras()
        self.wall.message.connect(self.message.setText)
        self.wall.layout_changed.connect(self._remember_layout)
        self._restore_layout()
        self.camera_list.camera_activated.connect(self.show_camera)
        context.bridge.on(Topic.CAMERA, self._cameras_changed, self)  # 设置 → 摄像机, import-site
        self._health = QTimer(self, interval=1000, timeout=self._report_health)
        self._health.start()

    # ---- construction -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.layout_box = QComboBox()
        self.layout_box.setMinimumContentsLength(8)
        self.layout_box.activated.connect(self._layout_chosen)
        layout_label = QLabel()
        save = QPushButton(clicked=lambda: self.save_layout())  # clicked(bool) is not a name
        delete = QPushButton(clicked=self.delete_layout)
        self.tour = QCheckBox(toggled=self._toggle_tour)
        self.tour_interval = QSpinBox(minimum=5, maximum=600, value=15)
        snapshot = QPushButton(clicked=lambda: self.wall.snapshot())
        new_window = QPushButton(clicked=self.open_wall_window)
        kiosk = QPushButton(clicked=self.open_kiosk)
        # (widget, Chinese source text): labelled now and again whenever the language changes
        self._labelled = [
            (layout_label, "布局"),
            (save, "保存布局"),
            (delete, "删除布局"),
            (self.tour, "轮巡"),
            (snapshot, "截图"),
            (new_window, "新窗口"),
            (kiosk, "副屏值守"),
        ]
        # A tool bar folds what does not fit into its overflow menu (»), as the map's does: the wall
        # keeps its width in a narrow dock or in English instead of the whole panel scrolling sideways.
        tools = QToolBar()
        tools.setObjectName("wallTools")
        for widget in (
            layout_label,
            self.layout_box,
            save,
            delete,
            self.tour,
            self.tour_interval,
            snapshot,
            new_window,
            kiosk,
        ):
            tools.addWidget(widget)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(tools)
        bar.addWidget(self.message, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.camera_list)
        splitter.addWidget(self.wall)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 1000])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(splitter, 1)
        self._fill_layout_box()
        self._retranslate()

    def _fill_layout_box(self) -> None:
        self.layout_box.clear()
        for name in PRESETS:
            self.layout_box.addItem(tr(PRESET_LABELS[name]), ("preset", name))
        self.layout_box.addItem(tr("自定义…"), ("custom", ""))
        for name in self.layouts.names():
            self.layout_box.addItem(f"★ {name}", ("saved", name))

    def _retranslate(self) -> None:
        """Label the controls and the layout list in the current language (the selection stays)."""
        for widget, text in self._labelled:
            widget.setText(tr(text))
        self.tour_interval.setSuffix(tr(" 秒"))
        for index in range(self.layout_box.count()):
            kind, name = self.layout_box.itemData(index)
            if kind == "preset":
                self.layout_box.setItemText(index, tr(PRESET_LABELS[name]))
            elif kind == "custom":
                self.layout_box.setItemText(index, tr("自定义…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            for tile in self.wall.tiles:
                tile.update()  # an empty tile paints its words (拖入摄像机) only when repainted
            self._report_health()  # the status bar's camera count in the new language
        super().changeEvent(event)

    # ---- cameras ----------------------------------------------------------------------------------
    def reload_cameras(self) -> None:
        cameras = wall_cameras(self.context.site)
        self._cameras = {camera.id: camera for camera in cameras}
        self.camera_list.set_cameras(cameras)

    def _cameras_changed(self, _change: Change) -> None:
        """A camera was added, edited or deleted: the list and the tiles showing it follow."""
        self.reload_cameras()
        self.wall.refresh_cameras()

    @property
    def cameras(self) -> dict[int, CameraInfo]:
        return self._cameras

    def show_camera(self, camera_id: int) -> None:
        """Bring a camera up maximised on this wall."""
        self.wall.show_camera(camera_id)

    # ---- layouts ----------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        saved = self.context.seat_state.value(LAST_LAYOUT_KEY)
        layout = None
        if saved:
            try:
                layout = WallLayout.from_json("last", str(saved))
            except (ValueError, KeyError, TypeError):
                layout = None
        if layout is None:  # first start: as many cameras as a standard layout holds
            count = len(self._cameras)
            name = next((n for n in ("4", "9", "16", "25") if PRESETS[n].tile_count >= count), "25")
            layout = PRESETS[name].with_cameras(list(self._cameras)[: PRESETS[name].tile_count])
        self.wall.apply_layout(layout)

    def _remember_layout(self, layout: WallLayout) -> None:
        self.context.seat_state.setValue(LAST_LAYOUT_KEY, layout.to_json())
        for index in range(self.layout_box.count()):  # show which arrangement the wall has
            kind, name = self.layout_box.itemData(index)
            preset = PRESETS.get(name) if kind == "preset" else None
            if preset is not None and (preset.rows, preset.cols, preset.cells) == (
                layout.rows,
                layout.cols,
                layout.cells,
            ):
                self.layout_box.setCurrentIndex(index)
                return

    def _layout_chosen(self, index: int) -> None:
        kind, name = self.layout_box.itemData(index)
        if kind == "preset":
            self.wall.apply_layout(PRESETS[name])
        elif kind == "custom":
            dialog = CustomLayoutDialog(self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.wall.apply_layout(dialog.layout_chosen())
        else:
            try:
                self.wall.apply_layout(self.layouts.load(name))
            except (KeyError, ValueError) as error:
                self.message.setText(str(error))

    def save_layout(self, name: str | None = None) -> None:
        """Save the wall's arrangement and cameras under a name (asked for when not given)."""
        if name is None:
            name, ok = QInputDialog.getText(self, tr("保存布局"), tr("布局名称"))
            if not ok:
                return
        try:
            self.layouts.save(
                self.wall.current_layout.with_cameras(self.wall.current_layout.cameras, name.strip())
            )
        except ValueError as error:
            self.message.setText(str(error))
            return
        self._fill_layout_box()
        self.message.setText(tr("布局已保存: %1").replace("%1", name.strip()))

    def delete_layout(self) -> None:
        kind, name = self.layout_box.currentData()
        if kind != "saved":
            self.message.setText(tr("只能删除已保存的布局"))
            return
        if QMessageBox.question(
            self, tr("删除布局"), literal_html(tr("删除布局“%1”？").replace("%1", name))
        ) != (QMessageBox.StandardButton.Yes):
            return
        self.layouts.delete(name)
        self._fill_layout_box()

    # ---- tour, windows, health --------------------------------------------------------------------
    def _toggle_tour(self, on: bool) -> None:
        if on:
            self.wall.start_tour(list(self._cameras), self.tour_interval.value())
        else:
            self.wall.stop_tour()

    def open_wall_window(self) -> QWidget:
        """Another wall in its own window (several walls at once), sharing this process's streams."""
        window = WallPanel(self.context)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.setWindowTitle(tr("视频墙"))
        window.resize(1280, 760)
        window.show()
        self.extra_windows.append(window)
        window.destroyed.connect(
            lambda *_: self.extra_windows.remove(window) if window in self.extra_windows else None
        )
        return window

    def open_kiosk(self) -> None:
        """The wall full screen on the next screen, in kiosk mode (leaving needs the supervisor PIN)."""
        from PySide6.QtGui import QGuiApplication

        from widgets.kiosk import KioskError, KioskWindow

        screens = QGuiApplication.screens()
        own = self.screen()
        index = next((i for i, screen in enumerate(screens) if screen is not own), 0)
        try:
            window = KioskWindow(self.context, "wall")
            window.show_on_screen(index)
        except KioskError as error:
            self.message.setText(in_language(str(error)))
            return
        self.extra_windows.append(window)

    def _report_health(self) -> None:
        states: dict[int, StreamState] = {}
        for tile in self.wall.tiles:
            status = tile.status()
            if tile.camera is not None and status is not None:
                states[tile.camera.id] = status.state
        self.camera_list.set_states(states)
        live = sum(1 for state in states.values() if state is StreamState.LIVE)
        total = len(states)
        state = "idle" if total == 0 else ("ok" if live == total else ("error" if live == 0 else "warn"))
        self.context.status.set_indicator(
            "cameras",
            tr("摄像机 %1/%2").replace("%1", str(live)).replace("%2", str(total)),
            state,
            tr("视频墙上在线的摄像机 / 显示的摄像机"),
        )

    def closeEvent(self, event) -> None:
        self.wall.close_streams()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if self.window().isHidden():  # its window closed (a kiosk or extra wall): give the streams back
            self.wall.close_streams()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.wall.reopen_streams()


def create_panel(context: ShellContext) -> QWidget:
    return WallPanel(context)
