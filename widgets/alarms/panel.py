"""The alarms dock: the alarm list; it owns the alarm desk, so popups work while the window lives."""

from __future__ import annotations

from app.events import Topic
from widgets.alarms.alarm_list import AlarmListPanel
from widgets.alarms.desk import AlarmDesk
from widgets.alarms.learn import LearnDialog
from widgets.shell_context import ShellContext


class AlarmsPanel(AlarmListPanel):
    """The list plus the desk behind it: popup, sensor inputs, learn mode."""

    def __init__(self, desk: AlarmDesk) -> None:
        super().__init__(desk.context.reads.alarms)
        self.desk = desk
        desk.setParent(self)
        desk.context.bridge.on(Topic.ALARM, self.on_change, self)
        self.replay_button.follow(desk.context.bridge)
        self.popup_button.clicked.connect(desk.popup.show_open)
        self.learn_button.clicked.connect(self.learn)

    def learn(self) -> LearnDialog:
        dialog = LearnDialog(self.desk.ingest, self.reads, self)
        dialog.open()
        return dialog


def create_panel(shell_context: ShellContext) -> AlarmsPanel:
    """The alarm list wired to the popup, the sensor inputs configured in the store and the tickets."""
    return AlarmsPanel(AlarmDesk(shell_context))
