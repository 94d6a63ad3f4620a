"""楼院自治 on screen, on the demo site: a resident appointed 楼栋长 of a building (made a person
linked to the roster), replaced by another (one head per building), then relieved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.demo.district import detailed_compound_code, district_layout
from app.models import AuditEntry, Person
from widgets.grid_work.micro_grid_dialog import MicroGridDialog
from widgets.grid_work.volunteers_forms import JoinDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


def _appoint(qtbot, dialog, kind: str) -> int:
    dialog.appoint_button.click()
    qtbot.waitUntil(lambda: isinstance(dialog.form, JoinDialog) and dialog.form.isVisible(), timeout=10000)
    form = dialog.form
    index = next(i for i in range(form.who.count()) if form.who.itemData(i)[0] == kind)
    form.who.setCurrentIndex(index)
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    return form.who.itemData(index)[1]


def test_a_building_has_one_head_appointed_replaced_and_relieved(qtbot, demo_context, demo_db):
    dialog = MicroGridDialog(demo_context, detailed_compound_code(district_layout(7)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.table.rowCount() > 0, timeout=10000)
    dialog.table.selectRow(0)
    building = dialog.selected()
    resident_id = _appoint(qtbot, dialog, "resident")
    with demo_db.session() as session:
        head = session.scalars(select(Person).where(Person.resident_id == resident_id)).one()
        head_id, head_name = head.id, head.name
    qtbot.waitUntil(
        lambda: dialog.selected() is not None and dialog.selected().heads == ((head_id, head_name),),
        timeout=10000,
    )
    other_id = _appoint(qtbot, dialog, "person")
    qtbot.waitUntil(lambda: [p for p, _n in dialog.selected().heads] == [other_id], timeout=10000)
    dialog.relieve()
    dialog.confirm.accept()
    qtbot.waitUntil(lambda: dialog.selected().heads == (), timeout=10000)
    assert dialog.table.item(0, 0).text() == building.name
    with demo_db.session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("micro_grid.%")).order_by(AuditEntry.seq)
        ).all()
    assert actions == ["micro_grid.appoint", "micro_grid.appoint", "micro_grid.relieve"]
