"""The wall panel: the camera list, the wall, and the operator's controls (layout, tour, snapshot, windows).

All wall panels of one process (the main window's dock, extra wall windows, the kiosk window on a
second screen) share one `StreamPool`, so a camera shown twice is decoded once.

Other areas of the window bring a camera up by calling `WallPanel.show_camera(camera_id)` (the
window's wiring does, for the map and the alarm popup). The AI overlay draws on every wall's tiles by
`set_overlay_source(context, overlay_for)`; it gets frames from the same workers via
`stream_pool_for(context).acquire(camera.stream(Profile.SUB)).add_frame_listener(callback, max_fps)`.
The AI screens add their actions to every tile's context menu through `set_camera_menu`.
Those process-wide parts live in `widgets.wall.shared`; choosing layouts in `widgets.wall.layout_choice`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
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
from video.layouts import LayoutStore
from video.status import StreamState
from widgets.bilingual import in_language
from widgets.plain_text import literal_html, plain
from widgets.shell_context import ShellContext
from widgets.wall.camera_list import CameraList
from widgets.wall.layout_choice import PRESET_LABELS, WallLayouts
from widgets.wall.shared import camera_menu, overlay_source, register_panel, stream_pool_for
from widgets.wall.wall import VideoWall


def tr(text: str) -> str:
    return QCoreApplication.translate("WallPanel", text)


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


class WallPanel(WallLayouts, QWidget):
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
        register_panel(context, self)
        self.wall.set_overlay_source(overlay_source(context))
        self.wall.set_camera_menu(camera_menu(context))
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
