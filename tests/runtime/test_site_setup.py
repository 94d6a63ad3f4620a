"""Setting up a new site from its files: each step checked without writing, then written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.context import SiteContext
from app.events import Topic
from app.models import AuditEntry, Building, Duty, Grid, Household, Person, Resident, Sensor
from app.site_settings import save_profile
from runtime.site_setup import GridOptions, Step, needs_setup, run_step
from tests.app.site_book.conftest import fill_template
from tests.grid_map import sample
from tests.runtime.site_files import PEOPLE, grids_file, roster_file, workbook_file


def _count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def site(db) -> SiteContext:
    return SiteContext(db)


def test_a_new_site_from_its_files_checked_then_written(site, tmp_path):
    assert needs_setup(site.db)
    heard = []
    site.hub.subscribe(Topic.GRID, heard.append)
    checked = run_step(site, Step.GRIDS, grids_file(tmp_path), write=False)
    assert checked.ok and not checked.written
    assert checked.counts["grids_created"] == 9 and checked.counts["buildings_created"] == 2
    assert _count(site.db, Grid) == 0 and _count(site.db, AuditEntry) == 0 and heard == []

    written = run_step(site, Step.GRIDS, grids_file(tmp_path), write=True)
    assert written.written and written.counts == checked.counts
    assert _count(site.db, Grid) == 9 and _count(site.db, Building) == 2 and heard

    book = run_step(site, Step.WORKBOOK, workbook_file(tmp_path), write=False)
    assert book.ok and book.counts["people_added"] == 3 and _count(site.db, Person) == 0
    assert run_step(site, Step.WORKBOOK, workbook_file(tmp_path), write=True).written
    roster = run_step(site, Step.ROSTER, roster_file(tmp_path), write=False)
    assert roster.counts == {"residents": 3, "households_created": 2} and _count(site.db, Resident) == 0
    assert run_step(site, Step.ROSTER, roster_file(tmp_path), write=True).written

    assert (_count(site.db, Person), _count(site.db, Household), _count(site.db, Resident)) == (3, 2, 3)
    with site.db.session() as session:
        leader = session.scalars(
            select(Duty).join(Grid).where(Grid.code == sample.WEST_SOUTH, Duty.role == "leader")
        ).one()
        assert leader.person.name == "刘敏"
    assert not needs_setup(site.db)


def test_a_workbook_with_problems_lists_them_and_writes_nothing(site, tmp_path):
    run_step(site, Step.GRIDS, grids_file(tmp_path), write=True)
    people = [["王建国", "1380000", None, "也许", "999", "网格长"]]
    for write in (False, True):
        report = run_step(site, Step.WORKBOOK, workbook_file(tmp_path, people), write=write)
        assert not report.ok and not report.written and not report.counts
        places = {(p.sheet, p.row, p.column) for p in report.problems}
        assert ("人员", 2, "手机") in places and ("人员", 2, "党员") in places
    assert _count(site.db, Person) == 0


def test_a_roster_before_its_buildings_is_refused_row_by_row(site, tmp_path):
    report = run_step(site, Step.ROSTER, roster_file(tmp_path), write=True)
    assert not report.written and [p.row for p in report.problems] == [2, 3, 4]
    assert "楼栋" in report.problems[0].reason and _count(site.db, Resident) == 0


def test_a_broken_grid_file_names_its_features(site, tmp_path):
    data = sample.collection()
    data["features"][sample.index_of(data, sample.WEST)]["properties"]["parent"] = "nowhere"
    report = run_step(site, Step.GRIDS, sample.write(tmp_path / "bad.geojson", data), write=False)
    assert not report.ok and any("features[" in p.where for p in report.problems)
    bad_tolerance = run_step(
        site, Step.GRIDS, grids_file(tmp_path), write=True, grid_options=GridOptions(tolerance="wide")
    )
    assert not bad_tolerance.ok and _count(site.db, Grid) == 0


def test_a_named_site_is_not_set_up_again(site):
    save_profile(site.db, site.seat, " 幸福社区 ", "Asia/Shanghai")
    assert not needs_setup(site.db)


def test_the_wizard_keeps_a_sensor_waiting_for_the_roster_step(site, tmp_path):
    run_step(site, Step.GRIDS, grids_file(tmp_path), write=True)
    sensors = [["5A1B2C", "rf433", "sos", "1号楼1单元101室"]]
    workbook = fill_template(tmp_path / "site.xlsx", {"人员": PEOPLE, "传感器": sensors})
    checked = run_step(site, Step.WORKBOOK, workbook, write=False)
    assert checked.ok and checked.counts["sensors_added"] == checked.counts["sensors_pending"] == 1
    assert any("待绑定: 住户地址尚无住户" in warning for warning in checked.warnings)
    assert run_step(site, Step.WORKBOOK, workbook, write=True).written
    assert run_step(site, Step.ROSTER, roster_file(tmp_path), write=False).ok
    assert _sensor_household(site) is None  # the dry run bound nothing
    assert run_step(site, Step.ROSTER, roster_file(tmp_path), write=True).written
    with site.db.session() as session:
        household = session.scalars(select(Household).where(Household.room == "101")).one()
        assert _sensor_household(site) == household.id


def _sensor_household(site) -> int | None:
    with site.db.session() as session:
        return session.scalar(select(Sensor.household_id))
