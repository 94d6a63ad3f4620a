"""The alarm area of one window: the popup over the site runtime's alarm service, and its wiring to the
shell. The sensor inputs are the runtime's (one reader per dongle per computer, whatever is open)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer

from app.events import Topic
from video.pool import StreamPool
from widgets.alarms.popup import AlarmHook, AlarmPopup, CameraFinder
from widgets.shell_context import ShellContext


class AlarmDesk(QObject):
    """Owns the popup for as long as its parent (the alarm panel) lives."""

    def __init__(self, context: ShellContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.runtime.alarms
        self.ingest = context.runtime.ingest
        self.popup = AlarmPopup(self.service, reads=context.reads.alarms)
        context.bridge.on(Topic.ALARM, self.popup.on_change, self.popup)
        # The popup is a window of its own: it must not keep the application open after the main
        # window closes, and it goes when the desk goes (plain closures: the wrapper may be gone).
        self.popup.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        popup = self.popup
        self.destroyed.connect(lambda *_: (popup.sound.stop(), popup.close()))
        # After the window is up: whatever nobody acknowledged before a restart pops up again.
        QTimer.singleShot(0, self.popup.present_pending)

    def set_hooks(
        self, *, show_on_map: AlarmHook | None = None, show_camera: AlarmHook | None = None
    ) -> None:
        """For the map and the wall: "show on map" and "nearest camera" in the popup."""
        self.popup.set_hooks(show_on_map=show_on_map, show_camera=show_camera)

    def set_live_view(self, pool: StreamPool | None, find_camera: CameraFinder | None = None) -> None:
        """For the wall: the nearest camera's live picture beside the household card."""
        self.popup.set_live_view(pool, find_camera)

    def shutdown(self) -> None:
        self.popup.sound.stop()
        self.popup.close()
