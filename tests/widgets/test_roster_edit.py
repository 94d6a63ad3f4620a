"""Editing the roster on screen: the forms, their inline messages, masked fields, saving off the GUI
thread, and the list following the published change."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import select

from app.context import SiteContext
from app.models import AuditEntry, Household, Resident
from app.roster.edits import ResidentForm, RosterEdits
from tests.app.roster.conftest import make_id
from tests.sealing import clear_id, resident_with_id
from tests.widgets.conftest import ADMIN_SEAT
from widgets.households.edit_dialog import HouseholdDialog, ResidentDialog
from widgets.households.model import ROW_ROLE
from widgets.households.panel import RosterPanel

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

NEW_ID = make_id(date(1990, 1, 1), 41, male=False)


@pytest.fixture
def panel(qtbot, qapp, writable_site, tmp_path):
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    context = build_shell_context(writable_site.db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    panel = RosterPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4 and not panel.model.loading)
    yield panel
    panel.jobs.wait()
    context.bridge.close()


def select_resident(qtbot, panel: RosterPanel, name: str) -> None:
    model = panel.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ROLE).name == name)
    panel.table.selectionModel().select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert panel.actions.edit_resident_button.isEnabled()


def rows(panel: RosterPanel) -> list:
    found = (panel.model.index(r, 0).data(ROW_ROLE) for r in range(panel.model.rowCount()))
    return [row for row in found if row is not None]


def names(panel: RosterPanel) -> list[str]:
    return [row.name for row in rows(panel)]


def test_a_new_resident_is_checked_inline_saved_audited_and_listed(qtbot, panel, writable_site):
    select_resident(qtbot, panel, "张桂兰")
    panel.actions.add_resident_button.click()
    dialog = panel.actions.dialog
    assert isinstance(dialog, ResidentDialog) and dialog.isVisible()
    dialog.name.setText("孙丽")
    dialog.id_number.setText(NEW_ID[:-1] + ("1" if NEW_ID[-1] == "0" else "0"))
    dialog.id_number.editingFinished.emit()
    assert "校验位" in dialog.errors["id_number"].text() and "ID number" in dialog.errors["id_number"].text()
    dialog.phone.setText("12345")
    dialog.save()
    assert dialog.errors["phone"].isVisible() and dialog.isVisible()  # nothing written, nothing lost
    assert dialog.name.text() == "孙丽"
    dialog.id_number.setText(NEW_ID)
    dialog.phone.setText("13700001111")
    dialog.tags.buttons["veteran"].click()
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: "孙丽" in names(panel), timeout=5000)
    with writable_site.db.session() as session:
        sun = resident_with_id(session, NEW_ID)
        assert (sun.phone, sun.tag_names, sun.sex) == ("13700001111", ["veteran"], "女")
        detail = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "roster_add_resident")
        ).one()
    assert NEW_ID not in detail and json.loads(detail)["after"]["phone"] == "137****1111"


def test_a_registered_id_is_refused_in_the_form_without_naming_its_holder(qtbot, panel, writable_site):
    holder = RosterEdits(SiteContext(writable_site.db))
    holder.add_resident(writable_site.households["101"], ResidentForm("孙丽", NEW_ID))
    select_resident(qtbot, panel, "陈静")
    panel.actions.add_resident_button.click()
    dialog = panel.actions.dialog
    dialog.name.setText("冒名")
    dialog.id_number.setText(NEW_ID)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["id_number"].isVisible(), timeout=5000)
    message = dialog.errors["id_number"].text()
    assert "已登记" in message and "孙" not in message and "101" not in message
    assert dialog.isVisible() and dialog.buttons.isEnabled()


def test_editing_shows_masked_values_and_keeps_them_when_left_empty(qtbot, panel, writable_site):
    select_resident(qtbot, panel, "张桂兰")
    panel.actions.edit_resident_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.actions.dialog, ResidentDialog), timeout=5000)
    dialog = panel.actions.dialog
    assert dialog.id_number.text() == "" and "410102********0026" in dialog.id_number.placeholderText()
    assert "138****5678" in dialog.phone.placeholderText()
    assert "410102194503120026" not in dialog.id_number.placeholderText()
    dialog.name.setText("张桂芝")
    dialog.save()
    qtbot.waitUntil(lambda: "张桂芝" in names(panel), timeout=5000)
    with writable_site.db.session() as session:
        zhang = session.get(Resident, writable_site.residents["张桂兰"])
        assert (zhang.name, clear_id(session, zhang), zhang.phone) == ("张桂芝", "410102194503120026", "13812345678")


def test_a_household_is_moved_and_its_emergency_contact_set(qtbot, panel, writable_site):
    select_resident(qtbot, panel, "陈静")
    household_id = panel.selected_row().household_id
    panel.actions.edit_household_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.actions.dialog, HouseholdDialog), timeout=5000)
    dialog = panel.actions.dialog
    dialog.room.setText("909")
    dialog.contact.setText("陈大")
    dialog.contact_phone.setText("0371-6123456x")
    dialog.contact_phone.editingFinished.emit()
    assert dialog.errors["emergency_phone"].isVisible()
    dialog.contact_phone.setText("0371-61234567")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with writable_site.db.session() as session:
        household = session.get(Household, household_id)
        assert (household.room, household.emergency_contact, household.emergency_phone) == (
            "909",
            "陈大",
            "0371-61234567",
        )
    qtbot.waitUntil(lambda: any("909" in row.address for row in rows(panel)), timeout=5000)


def test_removing_a_resident_after_confirming(qtbot, panel, monkeypatch):
    select_resident(qtbot, panel, "马小军")
    monkeypatch.setattr(panel.actions, "confirm", lambda _question: True)
    panel.actions.remove_resident_action.trigger()
    qtbot.waitUntil(lambda: "马小军" not in names(panel) and panel.model.rowCount() == 3, timeout=5000)
    assert panel.notice.text() == "已迁出"


def test_moving_a_resident_into_a_household_found_by_address(qtbot, panel, writable_site):
    select_resident(qtbot, panel, "马小军")
    panel.actions.move_resident_action.trigger()
    dialog = panel.actions.dialog
    dialog.save()
    assert dialog.errors["household"].isVisible() and dialog.isVisible()  # nothing chosen yet
    dialog.search.setText("202")
    dialog.find_now()
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=5000)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with writable_site.db.session() as session:
        moved = session.get(Resident, writable_site.residents["马小军"])
        assert moved.household_id == writable_site.households["202"]


def test_a_new_household_needs_a_free_address(qtbot, panel, writable_site):
    panel.actions.add_household_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.actions.dialog, HouseholdDialog), timeout=5000)
    dialog = panel.actions.dialog
    assert dialog.building.count() == 1 and dialog.contact_phone.placeholderText() == "手机或 区号-号码"
    dialog.unit.setText("1")
    dialog.room.setText("101")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["room"].isVisible(), timeout=5000)
    assert "已有 1单元101室" in dialog.errors["room"].text()
    dialog.room.setText("808室")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with writable_site.db.session() as session:
        rooms = session.scalars(select(Household.room)).all()
    assert "808" in rooms


def test_a_stored_phone_is_cleared_with_its_button_and_audited(qtbot, panel, writable_site):
    select_resident(qtbot, panel, "张桂兰")
    panel.actions.edit_resident_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.actions.dialog, ResidentDialog), timeout=5000)
    dialog = panel.actions.dialog
    assert dialog.resident_form().phone is None  # the empty field keeps the stored number
    dialog.phone_box.clear_button.click()
    assert not dialog.phone.isEnabled() and "删除" in dialog.phone.placeholderText()
    assert dialog.resident_form().phone == ""
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with writable_site.db.session() as session:
        assert session.get(Resident, writable_site.residents["张桂兰"]).phone is None
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "roster_change_resident")).one()
        detail = json.loads(entry.detail)
    assert (detail["before"]["phone"], detail["after"]["phone"]) == ("138****5678", "")
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=5000)
    select_resident(qtbot, panel, "张桂兰")
    panel.actions.edit_resident_button.click()  # no number left: a plain field, nothing to clear
    qtbot.waitUntil(lambda: panel.actions.dialog is not dialog, timeout=5000)
    assert panel.actions.dialog.phone_box is None


def test_a_households_emergency_phone_is_cleared_with_its_button(qtbot, panel, writable_site):
    select_resident(qtbot, panel, "陈静")
    household_id = panel.selected_row().household_id
    with writable_site.db.session() as session:
        session.get(Household, household_id).emergency_phone = "13900002222"
    panel.actions.edit_household_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.actions.dialog, HouseholdDialog), timeout=5000)
    dialog = panel.actions.dialog
    assert dialog.household_form().emergency_phone is None  # left empty: kept
    dialog.contact_phone_box.clear_button.click()
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with writable_site.db.session() as session:
        assert session.get(Household, household_id).emergency_phone is None
