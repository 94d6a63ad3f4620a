"""The care-rules dialog from the alarm popup: shows the household's rules, saves them, refuses bad ones."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialogButtonBox

from alarms.care_settings import read_rules
from alarms.models import Priority
from alarms.values import AlarmDraft

pytestmark = pytest.mark.gui


def inactivity(site) -> AlarmDraft:
    return AlarmDraft("inactivity", Priority.P2, "长时间无活动", household_id=site.household_id)


def save_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def test_away_mode_from_the_popup_is_stored_and_audited(qtbot, popup, service, site, sqlite_db):
    popup.present(service.raise_alarm(inactivity(site)))
    assert popup.rules_button.isEnabled()
    dialog = popup.edit_care_rules()
    qtbot.addWidget(dialog)
    assert dialog.inactivity.isChecked() and dialog.inactivity_hours.value() == 12.0
    assert dialog.active.start.time() == QTime(7, 0)
    dialog.away.setChecked(True)
    dialog.inactivity_hours.setValue(8.0)
    save_button(dialog).click()
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    stored = read_rules(sqlite_db, site.household_id)
    assert stored.away and stored.inactivity_hours == 8.0


def test_a_window_that_starts_where_it_ends_stays_in_the_dialog_with_the_reason(
    qtbot, popup, service, site, sqlite_db
):
    popup.present(service.raise_alarm(inactivity(site)))
    dialog = popup.edit_care_rules()
    qtbot.addWidget(dialog)
    dialog.active.end.setTime(QTime(7, 0))
    save_button(dialog).click()
    assert dialog.isVisible()
    assert "活动时段的开始与结束不能相同" in dialog.error.text()
    assert read_rules(sqlite_db, site.household_id).active_end_minute == 22 * 60


def test_an_alarm_without_a_household_has_no_rules_to_edit(qtbot, popup, service, site):
    popup.present(service.raise_alarm(AlarmDraft("zone", Priority.P2, "区域入侵", lon=113.6, lat=34.7)))
    assert not popup.rules_button.isEnabled()
    assert popup.edit_care_rules() is None
