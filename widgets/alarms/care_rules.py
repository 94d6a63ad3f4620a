"""The care-rules dialog (老人关怀规则): what the operator changes after an alarm, e.g. away mode while the
resident is in hospital, or a shorter inactivity time for someone just back home.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from alarms.care_settings import MAX_HOURS, CareRulesError, HouseholdCareRules, save_rules
from app.config import Seat
from app.store import Database
from runtime.read.alarms import AlarmReads
from widgets.plain_text import plain


def _time(minute: int) -> QTime:
    return QTime(minute // 60, minute % 60)


def _minute(edit: QTimeEdit) -> int:
    time = edit.time()
    return time.hour() * 60 + time.minute()


class _Window(QWidget):
    """Two times of day, from and to (a window may run past midnight)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start, self.end = QTimeEdit(displayFormat="HH:mm"), QTimeEdit(displayFormat="HH:mm")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("—"))
        layout.addWidget(self.end)
        layout.addStretch(1)


class CareRulesDialog(QDialog):
    """Shows one household's rules; 保存 checks and stores them (audited), errors stay in the dialog.

    The rules are read through the alarm reader; `db` and `seat` are for saving (`save_rules`).
    """

    def __init__(
        self,
        reads: AlarmReads,
        db: Database,
        seat: Seat,
        household_id: int,
        address: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("careRulesDialog")
        self.db, self.seat, self.household_id = db, seat, household_id
        self.setWindowTitle(self.tr("老人关怀规则"))
        self.setMinimumWidth(440)
        self.rules: HouseholdCareRules = reads.care_rules(household_id)

        self.inactivity = QCheckBox(self.tr("长时间无活动时提醒"))
        self.inactivity_hours = self._hours()
        self.active = _Window()
        self.away = QCheckBox(self.tr("外出模式（住院、探亲等，暂停无活动提醒）"))
        self.night_door = QCheckBox(self.tr("夜间开门提醒（走失风险）"))
        self.night = _Window()
        self.silent_hours = self._hours()
        self.low_battery = QSpinBox(minimum=1, maximum=99, suffix=" %")
        self.error = QLabel(objectName="careRulesError")
        plain(self.error)
        self.error.setStyleSheet("color:#ef5350")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.inactivity)
        form.addRow(self.tr("无活动时长"), self.inactivity_hours)
        form.addRow(self.tr("活动时段"), self.active)
        form.addRow(self.away)
        form.addRow(self.night_door)
        form.addRow(self.tr("夜间时段"), self.night)
        form.addRow(self.tr("传感器静默提醒"), self.silent_hours)
        form.addRow(self.tr("低电量提醒"), self.low_battery)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.inactivity.toggled.connect(self._enable)
        self.night_door.toggled.connect(self._enable)

        layout = QVBoxLayout(self)
        if address:
            layout.addWidget(QLabel(f"<b>{escape(address)}</b>"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show(self.rules)

    def _hours(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox(minimum=0.5, maximum=MAX_HOURS, singleStep=0.5, decimals=1)
        box.setSuffix(self.tr(" 小时"))
        return box

    def _show(self, rules: HouseholdCareRules) -> None:
        self.inactivity.setChecked(rules.inactivity_enabled)
        self.inactivity_hours.setValue(rules.inactivity_hours)
        self.active.start.setTime(_time(rules.active_start_minute))
        self.active.end.setTime(_time(rules.active_end_minute))
        self.away.setChecked(rules.away)
        self.night_door.setChecked(rules.night_door_alarm)
        self.night.start.setTime(_time(rules.night_start_minute))
        self.night.end.setTime(_time(rules.night_end_minute))
        self.silent_hours.setValue(rules.silent_hours)
        self.low_battery.setValue(rules.low_battery_percent)
        self._enable()

    def _enable(self) -> None:
        for widget in (self.inactivity_hours, self.active, self.away):
            widget.setEnabled(self.inactivity.isChecked())
        self.night.setEnabled(self.night_door.isChecked())

    def chosen(self) -> HouseholdCareRules:
        """The rules as the form shows them now."""
        return replace(
            self.rules,
            inactivity_enabled=self.inactivity.isChecked(),
            inactivity_hours=self.inactivity_hours.value(),
            active_start_minute=_minute(self.active.start),
            active_end_minute=_minute(self.active.end),
            away=self.away.isChecked(),
            night_door_alarm=self.night_door.isChecked(),
            night_start_minute=_minute(self.night.start),
            night_end_minute=_minute(self.night.end),
            silent_hours=self.silent_hours.value(),
            low_battery_percent=self.low_battery.value(),
        )

    def save(self) -> None:
        try:
            self.rules = save_rules(self.db, self.seat, self.household_id, self.chosen())
        except CareRulesError as error:
            self.error.setText(str(error))
            return
        except Exception as error:  # the store: say what failed, keep the dialog and its values
            self.error.setText(self.tr("保存失败：") + str(error))
            return
        self.accept()
