"""Recording a home visit from the household card: the form, a refusal that keeps what was typed, a
finding turned into a ticket, the card and the visit list following the stored visit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Visit, VisitFinding
from app.tickets.models import Ticket
from tests.widgets.test_roster_edit import panel, select_resident  # noqa: F401 -- the fixture
from widgets.households.visit_dialog import VisitDialog, VisitListDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


def test_a_visit_with_a_finding_becomes_a_ticket_and_shows_on_the_card(qtbot, panel, writable_site):  # noqa: F811
    select_resident(qtbot, panel, "张桂兰")
    qtbot.waitUntil(lambda: panel.card.visit_button is not None, timeout=5000)
    visits_before = len(panel.card.data.visits)
    panel.card.visit_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.visits.dialog, VisitDialog), timeout=5000)
    dialog = panel.visits.dialog
    assert dialog.visitor.count() >= 1
    dialog.people_met.setValue(2)
    dialog.note.setPlainText("老人独居，身体尚可")
    finding = dialog.add_finding()
    finding.tag.setCurrentIndex(finding.tag.findData("hazard"))
    finding.text.setText("燃气灶软管老化")
    finding.category.setCurrentIndex(1)  # the first category: the finding becomes a ticket
    code = finding.category.currentData()
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    with writable_site.db.session() as session:
        visit = session.scalars(select(Visit).where(Visit.note == "老人独居，身体尚可")).one()
        stored = session.scalars(select(VisitFinding).where(VisitFinding.visit_id == visit.id)).one()
        ticket = session.get(Ticket, stored.ticket_id)
        assert (visit.people_met, stored.tag, ticket.source, ticket.category_code) == (
            2,
            "hazard",
            "home_visit",
            code,
        )
    qtbot.waitUntil(lambda: len(panel.card.data.visits) == visits_before + 1, timeout=5000)
    panel.card.visit_list_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.visits.dialog, VisitListDialog), timeout=5000)
    text = panel.visits.dialog.text.toPlainText()
    assert "燃气灶软管老化" in text and f"工单 {ticket.id}" in text
    panel.visits.dialog.reject()


def test_a_refused_visit_keeps_the_form(qtbot, panel, writable_site):  # noqa: F811
    select_resident(qtbot, panel, "张桂兰")
    qtbot.waitUntil(lambda: panel.card.visit_button is not None, timeout=5000)
    panel.card.visit_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.visits.dialog, VisitDialog), timeout=5000)
    dialog = panel.visits.dialog
    finding = dialog.add_finding()
    finding.text.setText("   ")
    finding.tag.setCurrentIndex(0)
    dialog.note.setPlainText("x" * 2001)
    dialog.save()
    qtbot.waitUntil(lambda: "2000" in dialog.status.text(), timeout=5000)
    assert dialog.isVisible() and dialog.buttons.isEnabled() and len(dialog.note.toPlainText()) == 2001
    with writable_site.db.session() as session:
        assert session.scalars(select(Visit).where(Visit.note.like("xxx%"))).first() is None
    dialog.reject()
