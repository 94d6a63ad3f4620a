"""会议 on screen, on the demo site: a meeting recorded with who came and who did not and a resolution
put to a vote; a stored resolution turned into a ticket in one click, and not twice."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.demo.district import detailed_compound_code, district_layout
from app.models import Meeting, MeetingResolution, Vote
from app.tickets.models import Ticket
from widgets.grid_work.meetings_dialog import MeetingsDialog
from widgets.grid_work.meetings_form import MeetingDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


def test_a_meeting_is_recorded_and_its_resolutions_become_a_vote_and_a_ticket(qtbot, demo_context, demo_db):
    compound = detailed_compound_code(district_layout(7))
    dialog = MeetingsDialog(demo_context, compound)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.action.count() > 0, timeout=10000)
    dialog.new_button.click()
    qtbot.waitUntil(lambda: isinstance(dialog.form, MeetingDialog) and dialog.form.isVisible(), timeout=10000)
    form = dialog.form
    assert form.grid.currentData() == compound
    qtbot.waitUntil(lambda: form.attendance.rowCount() >= 2, timeout=10000)
    present, absent = form.attendance.item(0, 0).text(), form.attendance.item(1, 0).text()
    form.place.setText("社区会议室")
    form.agenda.setPlainText("一、电动车充电棚选址")
    form.save()
    assert form.isVisible() and form.errors["present"].isVisible()  # nobody present: refused here
    form.mark(present, "present")
    form.mark(absent, "absent")
    kept, voted = form.add_resolution(), form.add_resolution()
    kept[0].setText("加强楼道堆物清理")
    voted[0].setText("在3号楼东侧建设充电棚")
    voted[1].setCurrentIndex(voted[1].findData("vote"))
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    with demo_db.session() as session:
        meeting = session.scalars(select(Meeting).where(Meeting.place == "社区会议室")).one()
        rows = session.scalars(
            select(MeetingResolution).where(MeetingResolution.meeting_id == meeting.id)
        ).all()
        meeting_id = meeting.id
        assert [r.vote_id is not None for r in rows] == [False, True]
        assert session.get(Vote, rows[1].vote_id).question == "在3号楼东侧建设充电棚"

    qtbot.waitUntil(lambda: any(m.meeting_id == meeting_id for m in dialog.meetings), timeout=10000)
    row = next(i for i, m in enumerate(dialog.meetings) if m.meeting_id == meeting_id)
    dialog.table.selectRow(row)
    assert present in dialog.detail.toPlainText() and "社区会议室" in dialog.detail.toPlainText()
    dialog.resolution_list.setCurrentRow(1)
    assert not dialog.act_button.isEnabled()  # already put to a vote
    dialog.resolution_list.setCurrentRow(0)
    dialog.action.setCurrentIndex(1)  # the first ticket category
    category = dialog.action.currentData()
    dialog.act_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "决议已转为工单", timeout=10000)
    with demo_db.session() as session:
        first = session.scalars(
            select(MeetingResolution).where(
                MeetingResolution.meeting_id == meeting_id, MeetingResolution.position == 1
            )
        ).one()
        assert session.get(Ticket, first.ticket_id).category_code == category
    qtbot.waitUntil(lambda: "→ 工单" in dialog.resolution_list.item(0).text(), timeout=10000)
