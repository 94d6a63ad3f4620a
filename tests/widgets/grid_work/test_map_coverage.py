"""走访覆盖 on the map, on the demo site: switched on, the grids are coloured by the households not
visited in N days; a visit recorded takes its household out of the count."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.grid_work.visits import VisitDraft
from app.models import Building, Household, Person, Visit
from app.store.base import utcnow
from widgets.grid_work.work_ui import Writers
from widgets.map.panel import create_panel

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


def test_coverage_colours_the_unvisited_households_and_follows_a_visit(qtbot, demo_context, demo_db):
    panel = create_panel(demo_context)
    qtbot.addWidget(panel)
    assert panel.paint.colours is None
    panel.coverage.days.setValue(30)
    panel.coverage.switch.setChecked(True)
    assert panel.paint.colours is not None and "30天未走访户数" in panel.coverage.label()
    counts = dict(panel.coverage.counts())
    with demo_db.session() as session:
        households = session.scalar(select(func.count(Household.id)))
        recent = session.scalar(
            select(func.count(func.distinct(Visit.household_id))).where(
                Visit.at >= utcnow() - timedelta(days=30)
            )
        )
        unvisited_id, grid_id = session.execute(
            select(Household.id, Building.grid_id)
            .join(Building, Building.id == Household.building_id)
            .where(Household.id.not_in(select(Visit.household_id)))
            .limit(1)
        ).one()
        visitor = session.scalars(select(Person.id)).first()
    assert sum(counts.values()) == households - recent
    Writers(demo_context).visits().record(VisitDraft(unvisited_id, visitor, utcnow(), 1, "首次走访"))
    qtbot.waitUntil(lambda: panel.coverage.counts().get(grid_id, 0) == counts[grid_id] - 1, timeout=10000)
    assert sum(panel.paint.colours.totals[root] for root in panel.scene.roots) == sum(counts.values()) - 1
    panel.coverage.switch.setChecked(False)
    assert panel.paint.colours is None
