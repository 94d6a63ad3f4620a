"""Export writes the import's layout: an export imported into a fresh site reproduces the same roster."""

from __future__ import annotations

import codecs
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.models import Building, Grid, Resident
from app.roster.errors import RosterFileError
from app.roster.exporter import export_roster
from app.roster.importer import import_roster
from app.store import Database
from tests.app.roster.conftest import build_site, make_id, person, write_xlsx
from tests.sealing import clear_health, clear_id

ROWS = [
    person("张三", make_id(date(1950, 3, 8), 11), building="3号楼", room="101", phone="13800001234", tags="独居老人、党员", note="高血压, 子女在外地"),
    person("李四", make_id(date(1952, 7, 1), 12, male=False), building="3号楼", room="101", relation="配偶"),
    person("王五", make_id(date(1980, 5, 20), 13), building="1号楼", unit="2", room="502", residence="租住", phone="0371-61234567"),
    person("赵六", "11010519491231002X", building="1号楼", unit="2", room="502", residence="租住", relation="母亲", tags="残疾人;低保户"),
    person("钱七", make_id(date(1999, 12, 1), 15), building="2号楼", unit="1", room="1001", residence="户在人不在", tags="退役军人"),
    person("孙八", make_id(date(1966, 6, 6), 16), building="2号楼", unit="1", room="201", tags="重点人员"),
]  # fmt: skip


def snapshot(db: Database) -> set[tuple]:
    """Everything the roster carries, keyed by what a person would compare."""
    with db.session() as session:
        return {
            (
                r.household.building.name, r.household.unit, r.household.room, r.household.residence_type,
                r.name, r.sex, r.relation, clear_id(session, r), r.birth_date, r.phone,
                tuple(sorted(r.tag_names)), clear_health(session, r),
            )
            for r in session.scalars(select(Resident))
        }  # fmt: skip


@pytest.fixture
def fresh_site(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    db.upgrade()
    yield build_site(db)
    db.dispose()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_reproduces_the_roster(site, fresh_site, tmp_path, suffix):
    assert import_roster(site, write_xlsx(tmp_path / "in.xlsx", ROWS)).imported == len(ROWS)
    exported = export_roster(site.db, tmp_path / f"out{suffix}", full=True)
    assert (exported.residents, exported.households, exported.title) == (6, 4, "幸福社区居民花名册")
    report = import_roster(fresh_site, exported.path)
    assert report.ok, report.problem_lines()
    assert (report.imported, report.households_created, report.header_row) == (6, 4, 2)
    assert report.ignored_columns == []
    assert snapshot(fresh_site.db) == snapshot(site.db)
    assert len(snapshot(site.db)) == len(ROWS)


def test_xlsx_layout_keeps_ids_and_phones_as_text(lite_site, tmp_path):
    import_roster(lite_site, write_xlsx(tmp_path / "in.xlsx", ROWS))
    path = export_roster(lite_site.db, tmp_path / "out.xlsx", full=True).path
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "幸福社区居民花名册" and sheet["A1"].font.bold
    assert "A1:M1" in {str(r) for r in sheet.merged_cells.ranges}
    header = [c.value for c in sheet[2]]
    assert header == ["序号", "楼栋", "单元", "房号", "居住类型", "姓名", "性别", "与户主关系", "身份证号", "出生日期", "联系电话", "人员类别", "备注"]  # fmt: skip
    assert all(c.font.bold for c in sheet[2])
    id_column, phone_column = header.index("身份证号") + 1, header.index("联系电话") + 1
    for row in range(3, sheet.max_row + 1):
        id_cell = sheet.cell(row, id_column)
        assert id_cell.data_type == "s" and id_cell.number_format == "@" and len(id_cell.value) == 18
        assert sheet.cell(row, phone_column).number_format == "@"
    assert sheet.column_dimensions["I"].width >= 20
    assert sheet.freeze_panes == "A3"
    # grouped by household, buildings in natural order, 户主 first
    names = [sheet.cell(row, 6).value for row in range(3, sheet.max_row + 1)]
    assert names == ["王五", "赵六", "孙八", "钱七", "张三", "李四"]
    assert sheet.cell(7, 12).value == "党员、独居老人"


def test_csv_has_bom_and_protects_ids_from_excel(lite_site, tmp_path):
    import_roster(lite_site, write_xlsx(tmp_path / "in.xlsx", ROWS))
    path = export_roster(lite_site.db, tmp_path / "out.csv", full=True).path
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("幸福社区居民花名册")
    assert ",\t11010519491231002X," in text


def test_unsupported_export_format(lite_site, tmp_path):
    with pytest.raises(RosterFileError, match="不支持的导出格式 .xls"):
        export_roster(lite_site.db, tmp_path / "out.xls", full=True)


def test_same_building_name_in_two_compounds_round_trips_by_address(lite_site, fresh_site, tmp_path):
    for context in (lite_site, fresh_site):
        with context.db.session() as session:
            community = session.scalars(select(Grid).where(Grid.level == 2)).one()
            compound = Grid(code="S01-C01-Y2", name="和平小区", level=3, parent=community)
            grid = Grid(code="S01-C01-Y2-B1", name="1号楼", level=4, parent=compound)
            session.add_all([compound, grid])
            session.flush()
            session.add(Building(grid_id=grid.id, name="1号楼", address="和平小区1号楼", lon=113.6, lat=34.7))
    rows = [
        person("张三", make_id(date(1950, 3, 8), 11), building="1号楼"),
        person("李四", make_id(date(1950, 3, 8), 12), building="和平小区1号楼"),
    ]
    report = import_roster(lite_site, write_xlsx(tmp_path / "in.xlsx", rows), skip_invalid=True)
    assert report.problems[0].reasons == [
        "楼栋 '1号楼' 不唯一 (符合的有: 和平小区1号楼、幸福小区1号楼), 请填写完整地址"
    ]
    assert report.imported == 1
    exported = export_roster(lite_site.db, tmp_path / "out.xlsx", full=True)
    assert load_workbook(exported.path).active["B3"].value == "和平小区1号楼"
    assert import_roster(fresh_site, exported.path).ok
    assert snapshot(fresh_site.db) == snapshot(lite_site.db)
