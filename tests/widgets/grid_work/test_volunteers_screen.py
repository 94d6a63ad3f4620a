"""志愿服务 on screen, on the demo site: a team's members and hours, an activity serving a ticket's
need, a resident joining, and a compound's one 居民自治小组."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.demo.district import detailed_compound_code, district_layout
from app.models import Person, Resident, VolunteerActivity, VolunteerTeam
from app.tickets.models import Ticket
from widgets.grid_work.volunteers_dialog import VolunteersDialog
from widgets.grid_work.volunteers_forms import ActivityDialog, JoinDialog, TeamDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture
def teams(qtbot, demo_context):
    dialog = VolunteersDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.team_table.rowCount() > 0, timeout=10000)
    dialog.team_table.selectRow(0)
    qtbot.waitUntil(lambda: len(dialog.members) > 0, timeout=10000)
    return dialog


def test_an_activity_serving_a_ticket_adds_to_the_members_hours(qtbot, teams, demo_db):
    member = teams.members[0]
    with demo_db.session() as session:
        ticket_id = session.scalars(select(Ticket.id).order_by(Ticket.id)).first()
    teams.activity_button.click()
    form = teams.form
    assert isinstance(form, ActivityDialog)
    form.title.setText("助老：代买药品")
    form.place.setText("3号楼2单元")
    form.ticket.setValue(ticket_id)
    form.save()
    assert form.isVisible() and form.errors["hours"].isVisible()  # nobody ticked: refused here
    form.take_part(member.name, 2.5)
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: any(a.title == "助老：代买药品" for a in teams.activities), timeout=10000)
    activity = next(a for a in teams.activities if a.title == "助老：代买药品")
    assert (activity.place, activity.ticket_id, activity.hours) == ("3号楼2单元", ticket_id, 2.5)
    after = next(m for m in teams.members if m.person_id == member.person_id)
    assert after.total_hours == pytest.approx(member.total_hours + 2.5)
    assert after.team_hours == pytest.approx(member.team_hours + 2.5)
    with demo_db.session() as session:
        assert (
            session.scalars(
                select(VolunteerActivity.ticket_id).where(VolunteerActivity.title == "助老：代买药品")
            ).one()
            == ticket_id
        )


def test_a_resident_joins_as_a_person_linked_to_the_roster(qtbot, teams, demo_db):
    teams.join_button.click()
    qtbot.waitUntil(lambda: isinstance(teams.form, JoinDialog) and teams.form.isVisible(), timeout=10000)
    form = teams.form
    index = next(i for i in range(form.who.count()) if form.who.itemData(i)[0] == "resident")
    resident_id = form.who.itemData(index)[1]
    form.who.setCurrentIndex(index)
    members = len(teams.members)
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: len(teams.members) == members + 1, timeout=10000)
    with demo_db.session() as session:
        person = session.scalars(select(Person).where(Person.resident_id == resident_id)).one()
        assert person.name == session.get(Resident, resident_id).name
    assert any(m.person_id == person.id and m.resident for m in teams.members)


def test_a_compound_has_one_self_governance_group(qtbot, teams, demo_context, demo_db):
    detailed = detailed_compound_code(district_layout(7))  # the demo formed its group already
    other = next(g.code for g in demo_context.reads.grid_work.grids(3) if g.level == 3 and g.code != detailed)
    for compound in (other, detailed):
        previous = teams.form
        teams.team_button.click()  # the form opens once the grids are read, off the GUI thread
        qtbot.waitUntil(lambda previous=previous: teams.form not in (None, previous), timeout=10000)
        form = teams.form
        assert isinstance(form, TeamDialog)
        form.name.setText(f"新居民自治小组{compound}")
        form.kind.setCurrentIndex(form.kind.findData("self_governance"))
        form.grid.setCurrentIndex(form.grid.findData(compound))
        form.save()
        if compound == other:
            qtbot.waitUntil(lambda form=form: not form.isVisible(), timeout=10000)
        else:
            qtbot.waitUntil(lambda form=form: "已有居民自治小组" in form.status.text(), timeout=10000)
            form.reject()
    with demo_db.session() as session:
        kinds = session.scalars(
            select(VolunteerTeam.kind).where(VolunteerTeam.name.like("新居民自治小组%"))
        ).all()
    assert kinds == ["self_governance"]
