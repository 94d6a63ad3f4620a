"""入户走访 on screen, on the demo site: the filtered list, a correction and a void (audited, never
deleted, a voided visit no longer counted), the overdue list and a visit recorded from it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.context import SiteContext
from app.models import AuditEntry, Visit
from app.store.base import utcnow
from widgets.grid_work.visits_dialog import VisitsDialog
from widgets.grid_work.visits_forms import VisitCorrectionDialog
from widgets.households.visit_dialog import VisitDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture
def visits(qtbot, demo_context):
    dialog = VisitsDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(
        lambda: dialog.table.rowCount() > 0 and dialog.overdue_table.rowCount() > 0, timeout=20000
    )
    return dialog


def test_the_list_filters_by_what_was_found(qtbot, visits):
    everything = len(visits.visits)
    visits.tag.setCurrentIndex(visits.tag.findData("dispute"))
    qtbot.waitUntil(lambda: len(visits.visits) < everything, timeout=10000)
    assert visits.visits and all(any(f.tag == "dispute" for f in v.findings) for v in visits.visits)


def test_a_visit_is_corrected_then_voided_and_no_longer_counted(qtbot, visits, demo_db):
    visits.table.selectRow(0)
    visit = visits.selected()
    visits.correct_button.click()
    qtbot.waitUntil(
        lambda: isinstance(visits.form, VisitCorrectionDialog) and visits.form.isVisible(), timeout=10000
    )
    form = visits.form
    form.people_met.setValue(visit.people_met + 1)
    form.save()
    assert form.isVisible() and "更正理由" in form.errors["reason"].text()  # a reason is required
    form.reason.setText("见到人数录错")
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    with demo_db.session() as session:
        assert session.get(Visit, visit.visit_id).people_met == visit.people_met + 1
    stats_before = SiteContext(demo_db)
    from app.grid_work.work_stats import work_stats

    before = work_stats(stats_before, None, visit.at, utcnow())
    qtbot.waitUntil(lambda: visits.selected() is not None, timeout=10000)
    visits.void()
    visits.confirm.reason_edit.setPlainText("重复录入")
    visits.confirm.accept()
    qtbot.waitUntil(lambda: "已作废" in visits.table.item(0, 5).text(), timeout=10000)
    after = work_stats(stats_before, None, visit.at, utcnow())
    assert after.visits == before.visits - 1
    with demo_db.session() as session:
        assert session.get(Visit, visit.visit_id) is not None  # kept, marked
        actions = session.scalars(
            select(AuditEntry.action).where(
                AuditEntry.entity_id == visit.visit_id, AuditEntry.entity == "visit"
            )
        ).all()
    assert {"visit.correct", "visit.void"} <= set(actions)
    assert not visits.correct_button.isEnabled()


def test_a_visit_recorded_from_the_overdue_list_takes_the_household_off_it(qtbot, visits):
    visits.tabs.setCurrentIndex(1)
    visits.overdue_table.selectRow(0)
    household = visits.overdue[0]
    visits.record_button.click()
    qtbot.waitUntil(lambda: isinstance(visits.form, VisitDialog) and visits.form.isVisible(), timeout=10000)
    visits.form.note.setPlainText("逾期补访，一切正常")
    visits.form.save()
    qtbot.waitUntil(
        lambda: all(o.household_id != household.household_id for o in visits.overdue), timeout=15000
    )
