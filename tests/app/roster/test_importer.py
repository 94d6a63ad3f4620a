"""Importing: every bad row reported by its Excel row number, all or nothing, households and tags written."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from app.events import Change
from app.models import AuditEntry, Household, ResidenceType, Resident
from app.roster.errors import RosterFileError
from app.roster.importer import import_roster
from tests.app.roster.conftest import make_id, person, write_xlsx
from tests.sealing import resident_with_id

ZHANG = make_id(date(1950, 3, 8), 11)
LI = make_id(date(1952, 7, 1), 12, male=False)
WANG = make_id(date(1980, 5, 20), 13)
ZHAO = make_id(date(2012, 9, 9), 14, male=False)


def _count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def good_rows() -> list[list[object]]:
    return [
        person("张三", ZHANG, building="3号楼", room="101", phone="138-0000-1234", tags="党员、独居老人"),
        person("李四", LI, building="3", room="101", relation="配偶", sex="女", birth="1952-07-01"),
        person(
            "王五", WANG, building="1栋", unit="2单元", room="502室", residence="租住", phone="0371-61234567"
        ),
        person("赵小六", ZHAO, building="一号楼", unit="二", room="502", residence="租住", relation="子女"),
    ]


def test_valid_roster_is_imported_with_households_and_tags(site, tmp_path):
    heard: list[Change] = []
    site.hub.subscribe("resident", heard.append)
    path = write_xlsx(tmp_path / "roster.xlsx", good_rows(), title_rows=["幸福社区居民花名册"])
    report = import_roster(site, path)
    assert report.ok and report.committed
    assert (report.imported, report.households_created, report.header_row, report.rows_read) == (4, 2, 2, 4)
    with site.db.session() as session:
        zhang = resident_with_id(session, ZHANG)
        assert (zhang.name, zhang.sex, zhang.birth_date, zhang.phone) == (
            "张三",
            "男",
            date(1950, 3, 8),
            "13800001234",
        )
        assert sorted(zhang.tag_names) == ["elderly_alone", "party_member"]
        assert zhang.household.address == "幸福小区3号楼1单元101室"
        assert zhang.household.residence_type == ResidenceType.PERMANENT
        zhao = resident_with_id(session, ZHAO)
        assert zhao.household.address == "幸福小区1号楼2单元502室"
        assert zhao.household.residence_type == ResidenceType.TENANT
        assert (zhao.sex, zhao.relation) == ("女", "子女")
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "import_roster")).one()
        assert json.loads(entry.detail)["imported"] == 4
    assert len(heard) == 1 and sorted(heard[0].ids) == sorted(report.resident_ids)


def test_residents_join_an_existing_household(lite_site, tmp_path):
    import_roster(lite_site, write_xlsx(tmp_path / "a.xlsx", good_rows()[:1]))
    report = import_roster(lite_site, write_xlsx(tmp_path / "b.xlsx", good_rows()[1:2]))
    assert (report.imported, report.households_created) == (1, 0)
    assert _count(lite_site.db, Household) == 1


def test_every_bad_row_is_reported_and_nothing_imported(site, tmp_path):
    wrong_check = ZHANG[:17] + ("0" if ZHANG[17] != "0" else "1")
    rows = [
        *good_rows(),
        person("", make_id(date(1990, 1, 1), 21)),  # row 8: no name
        person("钱七", wrong_check),  # row 9
        person("孙八", 410102199001011000.0),  # row 10: Excel made it a number
        person("周九", make_id(date(1990, 1, 1), 22), phone="1380000"),  # row 11
        person("吴十", make_id(date(1990, 1, 1), 23), sex="女"),  # row 12: the ID says male
        person("郑一", make_id(date(1990, 1, 1), 24), building="9号楼"),  # row 13
        person("冯二", make_id(date(1990, 1, 1), 25), birth="1991-01-01"),  # row 14
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", rows, title_rows=["幸福社区居民花名册", "2026年11月"])
    report = import_roster(site, path)
    assert not report.committed and report.imported == 0
    assert {p.row: p.reasons for p in report.problems} == {
        8: ["缺少姓名"],
        9: [f"身份证号校验位错误 (应为 {ZHANG[17]})"],
        10: ["Excel 已将身份证号转为数字, 请将该列设为文本格式后重新录入"],
        11: ["手机号 1380000 应为 11 位, 实为 7 位"],
        12: ["性别 '女' 与身份证号不符 (身份证号为男性)"],
        13: ["楼栋 '9号楼' 不存在 (本站点楼栋: 1号楼、2号楼、3号楼)"],
        14: ["出生日期 1991-01-01 与身份证号不符 (身份证号为 1990-01-01)"],
    }
    assert report.problem_lines()[1] == f"文件 roster.xlsx 第 9 行: 身份证号校验位错误 (应为 {ZHANG[17]})"
    assert _count(site.db, Resident) == 0 and _count(site.db, Household) == 0


def test_skip_invalid_imports_the_good_rows(site, tmp_path):
    rows = [*good_rows(), person("郑一", make_id(date(1990, 1, 1), 24), building="9号楼")]
    report = import_roster(site, write_xlsx(tmp_path / "roster.xlsx", rows), skip_invalid=True)
    assert report.committed and report.imported == 4
    assert [p.row for p in report.problems] == [6]
    assert _count(site.db, Resident) == 4
    with site.db.session() as session:
        entry = session.scalars(select(AuditEntry)).one()
        assert json.loads(entry.detail)["skipped_rows"] == [6]


def test_skip_invalid_with_nothing_valid_writes_nothing(lite_site, tmp_path):
    rows = [person("郑一", make_id(date(1990, 1, 1), 24), building="9号楼")]
    report = import_roster(lite_site, write_xlsx(tmp_path / "roster.xlsx", rows), skip_invalid=True)
    assert not report.committed and report.imported == 0
    assert _count(lite_site.db, AuditEntry) == 0


def test_duplicates_within_the_file_name_both_rows(lite_site, tmp_path):
    rows = [*good_rows(), person("张叁", ZHANG.lower() if ZHANG.endswith("X") else f" {ZHANG} ")]
    report = import_roster(lite_site, write_xlsx(tmp_path / "roster.xlsx", rows), skip_invalid=True)
    assert {p.row: p.reasons for p in report.problems} == {
        2: ["身份证号与第 6 行重复"],
        6: ["身份证号与第 2 行重复"],
    }
    assert report.imported == 3


def test_duplicates_against_the_store_never_say_who_holds_the_number(site, tmp_path):
    import_roster(site, write_xlsx(tmp_path / "first.xlsx", good_rows()[:1]))
    report = import_roster(
        site, write_xlsx(tmp_path / "second.xlsx", [person("张三丰", ZHANG, building="2号楼")])
    )
    masked = ZHANG[:6] + "********" + ZHANG[-4:]
    (reason,) = report.problems[0].reasons
    assert reason == f"身份证号 {masked} 已在本站点登记 (this ID number is already registered on the site)"
    assert "张" not in reason and "幸福小区" not in reason
    assert _count(site.db, Resident) == 1


def test_building_labels_are_matched_loosely_but_not_guessed(lite_site, tmp_path):
    labels = ["3号楼", "3", "3栋", "三号楼", "幸福小区3号楼", " 3 号楼 ", "03"]
    rows = [person(f"居民{i}", make_id(date(1970, 1, 1), 30 + i), building=b) for i, b in enumerate(labels)]
    rows.append(person("某人", make_id(date(1970, 1, 1), 60), building="3号院"))
    report = import_roster(lite_site, write_xlsx(tmp_path / "roster.xlsx", rows), skip_invalid=True)
    assert report.imported == len(labels) and report.households_created == 1
    assert [p.row for p in report.problems] == [len(labels) + 2]


def test_household_rows_must_agree_on_residence_type(lite_site, tmp_path):
    rows = [
        good_rows()[0],
        person("李四", LI, building="3号楼", room="101", residence="租住", relation="配偶"),
    ]
    report = import_roster(lite_site, write_xlsx(tmp_path / "roster.xlsx", rows))
    assert report.problems[0].row == 3
    assert report.problems[0].reasons == ["居住类型 '租住' 与同户第 2 行 '常住' 不一致"]


def test_merged_building_and_unit_cells_cover_the_household(lite_site, tmp_path):
    rows = [
        person("张三", ZHANG, building="2号楼", unit="1", room="301"),
        person("李四", LI, building=None, unit=None, room=None, residence=None, relation="配偶"),
    ]
    merges = ["B2:B3", "C2:C3", "D2:D3", "E2:E3"]
    report = import_roster(lite_site, write_xlsx(tmp_path / "roster.xlsx", rows, merges=merges))
    assert report.ok and (report.imported, report.households_created) == (2, 1)


def test_header_variants_yes_no_columns_and_blank_rows(lite_site, tmp_path):
    header = [
        "编号",
        "户号",
        "楼号",
        "单元号",
        "居民姓名",
        "公民身份号码",
        "手机号码",
        "是否党员",
        "是否低保户",
        "人户状态",
    ]
    rows = [
        [1, "101", "2", "1", "张 三", ZHANG, "+86 138 0000 1234", "是", "", "常住"],
        [None] * 10,
        [2, "102", "2", "1", "李四", LI, "", "否", "√", "户在人不在"],
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", rows, header=header, title_rows=["", "幸福社区花名册"])
    report = import_roster(lite_site, path)
    assert report.ok and report.imported == 2 and report.header_row == 3
    with lite_site.db.session() as session:
        by_name = {r.name: r for r in session.scalars(select(Resident))}
        assert by_name["张三"].tag_names == ["party_member"] and by_name["张三"].phone == "13800001234"
        assert by_name["李四"].tag_names == ["low_income"]
        assert by_name["李四"].household.residence_type == ResidenceType.REGISTERED_ONLY


def test_gbk_csv_from_wps(lite_site, tmp_path):
    lines = [
        "幸福社区居民花名册,,,,,",
        "姓名,身份证号码,联系电话,楼栋,单元,房号,人员类别",
        f"张三,{ZHANG},138-0000-1234,3号楼,1,101,党员；低保户",
        "李四,4.10102E+17,,3号楼,1,101,",
    ]
    path = tmp_path / "roster.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    report = import_roster(lite_site, path)
    assert [(p.row, p.reasons) for p in report.problems] == [
        (4, ["Excel 已将身份证号转为数字, 请将该列设为文本格式后重新录入"])
    ]
    report = import_roster(lite_site, path, skip_invalid=True)
    assert report.imported == 1


def test_file_without_a_roster_header(lite_site, tmp_path):
    path = write_xlsx(tmp_path / "notes.xlsx", [["hello"]], header=["会议纪要"])
    with pytest.raises(RosterFileError, match="notes.xlsx 中找不到表头"):
        import_roster(lite_site, path)


def test_header_missing_required_columns(lite_site, tmp_path):
    path = write_xlsx(
        tmp_path / "roster.xlsx", [["张三", ZHANG, "13800001234"]], header=["姓名", "身份证号", "电话"]
    )
    with pytest.raises(RosterFileError, match="表头 第 1 行 \\(工作表 Sheet\\) 缺少列: 楼栋、单元、房号"):
        import_roster(lite_site, path)


def test_header_without_data(lite_site, tmp_path):
    with pytest.raises(RosterFileError, match="下没有居民数据"):
        import_roster(lite_site, write_xlsx(tmp_path / "roster.xlsx", []))


def test_template_rows_without_a_person_are_not_errors(lite_site, tmp_path):
    rows = [
        person("张三", ZHANG, building="3号楼"),
        [2, None, None, None, None, None, None, None, None, None, None, None, None],  # numbered, never filled
        [3, "3号楼", "1", "102", "常住", None, None, None, None, None, None, None, None],  # a vacant flat
        [4, None, None, None, None, "", "", "", "", "", "", "", ""],
    ]
    report = import_roster(lite_site, write_xlsx(tmp_path / "roster.xlsx", rows))
    assert report.ok and report.rows_read == 1 and report.imported == 1
