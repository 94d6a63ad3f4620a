"""The confirmation every irreversible act asks first: what happens, and the reason where one is needed."""

from __future__ import annotations

import pytest

from widgets.confirm import ConfirmActDialog

pytestmark = pytest.mark.gui


def _dialog(qtbot, **reason) -> tuple[ConfirmActDialog, list[str]]:
    dialog = ConfirmActDialog("误报", "告警将关闭为误报", "标记误报", **reason)
    qtbot.addWidget(dialog)
    dialog.open()
    said: list[str] = []
    dialog.confirmed.connect(said.append)
    return dialog, said


def test_a_required_reason_cannot_be_left_empty(qtbot):
    dialog, said = _dialog(qtbot, reason_label="误报原因（必填）：", reason_required=True)
    dialog.reason_edit.setPlainText("   ")
    dialog.act_button.click()
    assert said == [] and dialog.isVisible() and dialog.error.text() == "请填写原因，它会记入记录"
    dialog.reason_edit.setPlainText("  老人误按  ")
    dialog.act_button.click()
    assert said == ["老人误按"] and not dialog.isVisible()


def test_cancel_confirms_nothing(qtbot):
    dialog, said = _dialog(qtbot, reason_label="备注：", reason="已电话联系")
    dialog.buttons.rejected.emit()
    assert said == [] and not dialog.isVisible()


def test_without_a_reason_field_the_act_needs_only_the_button(qtbot):
    dialog, said = _dialog(qtbot)
    assert dialog.reason_edit.isHidden()
    dialog.act_button.click()
    assert said == [""]


def test_an_overlong_reason_is_refused_whole(qtbot):
    dialog, said = _dialog(qtbot, reason_label="原因：", reason_required=True)
    dialog.reason_edit.setPlainText("长" * 501)
    dialog.act_button.click()
    assert said == [] and "最多 500 字" in dialog.error.text()
