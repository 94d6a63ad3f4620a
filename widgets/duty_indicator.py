"""The status bar's word on the site's duties (the scheduler, the site's dongles) and on the dongles.

The runtime announces its process's role on the hub (`Topic.SERVICE`) and every reader's state
(`Topic.DONGLE`); on PostgreSQL both arrive from the site's other processes too. The indicator says
运行中 when this seat leads, 由 <host> 运行 when another process does (a site service, usually),
仅查看 while nobody has been heard to lead, and 已停止 with the reason when this seat could not take part.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from app.events import Change, DongleState, ServiceState, Topic
from widgets.bridge import QtBridge
from widgets.status_bar import IndicatorState, StatusBoard

INDICATOR = "scheduler"


def tr(text: str) -> str:
    return QCoreApplication.translate("DutyIndicator", text)


class DutyIndicator(QObject):
    """Follows the site's service announcements and the dongles' states into the status bar."""

    def __init__(self, bridge: QtBridge, board: StatusBoard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.own: ServiceState | None = None  # this process's role
        self.leader: ServiceState | None = None  # another process that said it leads
        self.dongles: dict[str, DongleState] = {}
        bridge.on(Topic.SERVICE, self.on_service, self)
        bridge.on(Topic.DONGLE, self.on_dongle, self)
        self.retranslate()

    def on_service(self, change: Change) -> None:
        state: ServiceState = change.payload
        if change.origin is None:
            self.own = state
        elif state.role == "leading":
            self.leader = state
        elif self.leader is not None and (state.host, state.pid) == (self.leader.host, self.leader.pid):
            self.leader = None  # the leader stood down
        self.retranslate()

    def on_dongle(self, change: Change) -> None:
        self.dongles[change.payload.name] = change.payload
        self._show_dongle(change.payload)

    def retranslate(self) -> None:
        """Say the current state again in the current language."""
        own, leader = self.own, self.leader
        if own is not None and own.role == "leading":
            tip = tr("本席位运行全站调度：工单时限监控、告警检查与站点接收器")
            self.board.set_indicator(INDICATOR, tr("调度 运行中"), IndicatorState.OK, tip)
        elif own is not None and own.role == "stopped" and own.reason not in ("", "closing"):
            short = own.reason.splitlines()[0][:48]
            self.board.set_indicator(
                INDICATOR, f"{tr('调度 已停止')} · {short}", IndicatorState.ERROR, own.reason
            )
        elif leader is not None:
            who = f"{leader.host} ({leader.kind} {leader.pid})"
            text = tr("调度 由 %1 运行").replace("%1", leader.host)
            tip = tr("站点调度由 %1 运行；它退出后由其他进程接替").replace("%1", who)
            self.board.set_indicator(INDICATOR, text, IndicatorState.OK, tip)
        elif own is None or own.role == "starting":
            self.board.set_indicator(INDICATOR, tr("调度 启动中…"), IndicatorState.IDLE)
        else:
            tip = tr("另一进程正在运行全站调度；它退出后由站点服务或本席位接替")
            self.board.set_indicator(INDICATOR, tr("调度 仅查看"), IndicatorState.IDLE, tip)
        for dongle in self.dongles.values():
            self._show_dongle(dongle)

    def _show_dongle(self, dongle: DongleState) -> None:
        state = tr("已连接") if dongle.connected else tr("断开")
        where = f"{dongle.host}: " if dongle.host else ""
        self.board.set_indicator(
            f"dongle:{dongle.name}",
            f"{dongle.name} {state}",
            IndicatorState.OK if dongle.connected else IndicatorState.ERROR,
            f"{where}{dongle.detail}",
        )
