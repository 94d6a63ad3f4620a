"""What the alarm popup's buttons do to the selected alarm: acknowledge, dispatch (after showing the
ticket it would create), escalate and false alarm (each asks why first), dismiss from this seat's
stack, the household's care rules, the clip replay, and the map and camera hooks.

Every act goes through the alarm service (the permission table decides there); a failure is said in
the popup and the alarm stays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from alarms.service import AlarmError, AlarmService, AlarmView
from runtime.read.alarms import AlarmReads
from runtime.types import AlarmState, Outcome
from widgets.alarms.alarm_words import alarm_title
from widgets.alarms.care_rules import CareRulesDialog
from widgets.alarms.clip_player import ClipPlayer
from widgets.alarms.dispatch_preview import dispatch_consequence
from widgets.confirm import ConfirmActDialog

AlarmHook = Callable[[AlarmView], None]


class AlarmActions:
    """The popup's acts, mixed into `AlarmPopup` (a QWidget: `tr` gives the texts the popup's context).
    It needs the popup's service, reader, note and error line, and its queue's `selected`, `_alarms`,
    `_place`, `_update` and `_remove`."""

    service: AlarmService
    reads: AlarmReads
    note: QLineEdit
    error: QLabel
    _alarms: dict[int, AlarmView]

    def replay_selected(self) -> ClipPlayer | None:
        """回放: the selected alarm's clips in a player of their own (audited when opened)."""
        view = self.selected()
        if view is None:
            return None
        player = ClipPlayer(self.service.db, self.service.seat, view.id, self)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.show()
        return player

    def _act(self, action: Callable[[AlarmView], object], alarm_id: int | None = None) -> None:
        """Apply `action` to the selected alarm, or to `alarm_id` (the one a confirmation was asked for)."""
        view = self.selected() if alarm_id is None else self._alarms.get(alarm_id)
        if view is None:
            return
        try:
            action(view)
        except AlarmError as error:
            self.error.setText(str(error))
            return
        except Exception as error:  # the ticket workflow or the store: say what failed, keep the alarm
            self.error.setText(self.tr("操作失败：") + str(error))
            return
        self.note.clear()
        fresh = self.reads.get(view.id)
        if fresh is None or fresh.state == AlarmState.HANDLED:
            self._remove(view.id)
        else:
            self._update(fresh)

    def acknowledge_selected(self) -> None:
        view = self.selected()
        if view is not None and view.state == AlarmState.RAISED:
            self._act(lambda v: self.service.acknowledge(v.id, note=self.note.text().strip()))

    def dispatch_selected(self) -> ConfirmActDialog | None:
        """Show the ticket 派单 would create (category, grid, handler, limit); create it on 派单."""
        view = self.selected()
        if view is None:
            return None
        try:
            preview = self.service.dispatch_preview(view.id)
        except AlarmError as error:
            self.error.setText(str(error))
            return None
        except Exception as error:  # the store or the ticket workflow: say so, keep the alarm
            self.error.setText(self.tr("操作失败：") + str(error))
            return None
        return self._confirm(
            view,
            title=self.tr("派单"),
            consequence=dispatch_consequence(self.tr, view, preview),
            act_text=self.tr("派单"),
            reason_label=self.tr("派单备注（可选）："),
            act=lambda v, note: self.service.dispatch(v.id, note=note),
        )

    def escalate_selected(self) -> ConfirmActDialog | None:
        """Ask why, then hand the alarm up to the supervisor and the community grid leader."""
        view = self.selected()
        if view is None:
            return None
        return self._confirm(
            view,
            title=self.tr("上报"),
            consequence=self.tr("告警“%1”将上报值班长和社区（二级网格）网格长，并标记为已上报。"),
            act_text=self.tr("上报"),
            reason_label=self.tr("上报原因（必填）："),
            act=lambda v, reason: self.service.escalate(v.id, reason=reason),
            required=True,
        )

    def false_alarm_selected(self) -> ConfirmActDialog | None:
        """Ask why, then close the alarm as a false alarm (it no longer rings and becomes no ticket)."""
        view = self.selected()
        if view is None:
            return None
        return self._confirm(
            view,
            title=self.tr("误报"),
            consequence=self.tr("告警“%1”将关闭为误报：不再提醒，也不会转为工单。原因记入告警记录。"),
            act_text=self.tr("标记误报"),
            reason_label=self.tr("误报原因（必填）："),
            act=lambda v, reason: self.service.close(v.id, Outcome.FALSE_ALARM, note=reason),
            required=True,
        )

    def _confirm(
        self,
        view: AlarmView,
        *,
        title: str,
        consequence: str,
        act_text: str,
        act: Callable[[AlarmView, str], object],
        reason_label: str,
        required: bool = False,
    ) -> ConfirmActDialog:
        """Ask before `act` on `view` (seeded with the note typed so far); it runs only on the dialog's
        own button, on that alarm, whatever is selected by then."""
        dialog = ConfirmActDialog(
            title,
            consequence.replace("%1", alarm_title(view)),
            act_text,
            reason_label=reason_label,
            reason_required=required,
            reason=self.note.text().strip(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(lambda reason: self._act(lambda v: act(v, reason), view.id))
        dialog.open()
        return dialog

    def dismiss_selected(self) -> None:
        """Take an acknowledged alarm off this seat's stack; it stays open in the alarm list."""
        view = self.selected()
        if view is not None and view.state == AlarmState.ACKNOWLEDGED:
            self._remove(view.id)

    def edit_care_rules(self) -> CareRulesDialog | None:
        """The selected alarm's household rules, e.g. away mode after a false inactivity alarm."""
        view = self.selected()
        if view is None or view.household_id is None:
            return None
        try:
            dialog = CareRulesDialog(
                self.reads,
                self.service.db,
                self.service.seat,
                view.household_id,
                self._place(view),
                parent=self,
            )
        except Exception as error:  # the household is gone, or the store: say so in the popup
            self.error.setText(self.tr("无法读取关怀规则：") + str(error))
            return None
        dialog.setModal(True)
        dialog.open()
        return dialog

    def _call_hook(self, hook: AlarmHook | None) -> None:
        view = self.selected()
        if hook is not None and view is not None:
            hook(view)
