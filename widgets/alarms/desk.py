"""The alarm area of one window: the service, the sensor inputs, the popup, and their wiring to the shell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from alarms.ingest import SensorIngest
from alarms.jobs import AlarmSite, serve
from alarms.service import AlarmService
from alarms.station import SensorStation
from video.pool import StreamPool
from widgets.alarms.popup import AlarmHook, AlarmPopup, CameraFinder
from widgets.alarms.tickets import wire_tickets
from widgets.shell_context import ShellContext
from widgets.status_bar import StatusBoard


class AlarmDesk(QObject):
    """Owns the popup and the dongle readers for as long as its parent (the alarm panel) lives."""

    def __init__(
        self, context: ShellContext, parent: QObject | None = None, *, start_inputs: bool = True
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.service = AlarmService(context.db, context.hub, context.seat)
        wire_tickets(self.service)
        self.ingest = SensorIngest(self.service)
        self.popup = AlarmPopup(self.service)
        context.bridge.on("alarm", self.popup.on_change, self.popup)
        self.station = SensorStation(self.ingest, on_state=dongle_reporter(context.status))
        # If this seat runs the site scheduler, its alarm job (checks, site-wide dongles) works
        # through this desk while it lives: the site's dongles are read beside this seat's own.
        self._withdraw = serve(AlarmSite(self.ingest, self.station if start_inputs else None))
        if start_inputs:
            self.station.start()
        # The popup is a window of its own: it must not keep the application open after the main
        # window closes, and it goes when the desk goes (plain closures: the wrapper may be gone).
        self.popup.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        station, popup, withdraw = self.station, self.popup, self._withdraw
        self.destroyed.connect(lambda *_: (withdraw(), station.stop(), popup.sound.stop(), popup.close()))
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
        self._withdraw()
        self.station.stop()
        self.popup.sound.stop()
        self.popup.close()


def dongle_reporter(board: StatusBoard) -> Callable[[str, bool, str], None]:
    """What a sensor station calls with a dongle's state: its indicator in the status bar."""

    def report(name: str, connected: bool, detail: str) -> None:
        """Called on reader threads; the status board hops to the GUI thread itself."""
        state = (
            QCoreApplication.translate("AlarmDesk", "已连接")
            if connected
            else QCoreApplication.translate("AlarmDesk", "断开")
        )
        board.set_indicator(f"dongle:{name}", f"{name} {state}", "ok" if connected else "error", detail)

    return report
