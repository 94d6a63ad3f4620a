"""import-site on SQLite and PostgreSQL: a whole site from a workbook, every error at once, skipping
bad rows, re-importing, and the sensors' households."""

from __future__ import annotations

from sqlalchemy import func, select

from app.events import Topic
from app.models import AuditEntry, Building, Camera, Duty, Person, Sensor
from app.roster.importer import import_roster
from app.site_book.importer import import_site
from tests.app.site_book.conftest import (
    BUILDING_ROWS,
    CAMERA_ROWS,
    PEOPLE_ROWS,
    SENSOR_ROWS,
    fill_template,
    write_roster,
)

FULL = {"楼栋": BUILDING_ROWS, "人员": PEOPLE_ROWS, "摄像机": CAMERA_ROWS}


def _counts(report, title):
    count = report.counts[title]
    return count.added, count.updated, count.unchanged


def _site_with_roster(site, tmp_path):
    """Buildings, people and cameras from the workbook, then the roster's households."""
    report = import_site(site, fill_template(tmp_path / "site.xlsx", FULL))
    assert report.committed, report.problem_lines()
    assert import_roster(site, write_roster(tmp_path / "roster.xlsx")).committed


def test_full_import_builds_the_site(grid_site, tmp_path):
    heard = []
    grid_site.hub.subscribe(Topic.GRID, heard.append)
    _site_with_roster(grid_site, tmp_path)
    report = import_site(grid_site, fill_template(tmp_path / "all.xlsx", FULL | {"传感器": SENSOR_ROWS}))
    assert report.committed and not report.problems
    assert _counts(report, "传感器") == (2, 0, 0)
    assert _counts(report, "楼栋") == (0, 0, 2) and _counts(report, "人员") == (0, 0, 4)
    with grid_site.db.session() as session:
        first, second = session.scalars(select(Building).order_by(Building.address)).all()
        assert (first.name, first.floors, first.units, first.lon) == ("1号楼", 18, 2, 113.6012)
        assert (second.floors, second.units) == (6, 2) and second.lon == 113.604  # its grid's centre
        wang = session.scalars(select(Person).where(Person.phone == "13800001111")).one()
        assert (wang.title, wang.party_member) == ("社区书记", True)
        duties = {(d.grid.code, d.role) for d in wang.duties}
        assert duties == {("S01-C01", "leader"), ("S01-C01-Y1", "leader"), ("S01-C01-Y1", "member")}
        assert session.scalar(select(func.count()).select_from(Person)) == 4
        gate = session.scalars(select(Camera).where(Camera.name == "小区东门")).one()
        assert gate.main_url == "rtsp://127.0.0.1:8554/main" and gate.username == "admin"
        assert (gate.bearing, gate.ai_enabled) == (90, True)
        sos = session.scalars(select(Sensor).where(Sensor.device_code == "A1B2C3")).one()
        door = session.scalars(select(Sensor).where(Sensor.device_code == "0x_door_101")).one()
        assert sos.household_id == door.household_id and (sos.kind, door.kind) == ("sos", "door")
        assert sos.name == "紧急呼叫按钮" and sos.grid_id == first.grid_id
        assert session.scalar(select(func.count()).where(AuditEntry.action == "import_site")) == 2
    assert heard and heard[0].topic is Topic.GRID


def test_reimport_changes_nothing_and_says_so(grid_site, tmp_path):
    _site_with_roster(grid_site, tmp_path)
    path = fill_template(tmp_path / "all.xlsx", FULL | {"传感器": SENSOR_ROWS})
    import_site(grid_site, path)
    heard = []
    grid_site.hub.subscribe(Topic.GRID, heard.append)
    report = import_site(grid_site, path)
    assert report.committed
    assert _counts(report, "楼栋") == (0, 0, 2)
    assert _counts(report, "人员") == (0, 0, 4)
    assert _counts(report, "摄像机") == (0, 0, 2)
    assert _counts(report, "传感器") == (0, 0, 2)
    assert heard == []  # nothing changed, nothing announced


def test_reimport_updates_by_natural_key(grid_site, tmp_path):
    _site_with_roster(grid_site, tmp_path)
    people = [row[:] for row in PEOPLE_ROWS]
    people[1][5] = "网格员"  # 王建国 is no longer the compound's leader
    buildings = [BUILDING_ROWS[0][:2] + ["S01-C01-Y1-B1", 20], BUILDING_ROWS[1]]
    report = import_site(grid_site, fill_template(tmp_path / "v2.xlsx", {"楼栋": buildings, "人员": people}))
    assert _counts(report, "楼栋") == (0, 1, 1)
    assert _counts(report, "人员") == (0, 1, 3)
    with grid_site.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Building)) == 2
        roles = session.scalars(select(Duty.role).join(Person).where(Person.name == "王建国")).all()
        assert sorted(roles) == ["leader", "member"]


def test_every_error_is_reported_at_once_and_nothing_is_written(grid_site, tmp_path):
    sheets = {
        "楼栋": [
            BUILDING_ROWS[0],
            ["3号楼", "幸福路1号3号楼", "S01-C01-Y1-B1", "六", None, 200, 34.7],
            ["4号楼", "幸福路1号4号楼", "NOPE"],
        ],
        "人员": [PEOPLE_ROWS[0], ["刘洋", "1380000", None, "也许", "S01", "队长"]],
        "摄像机": [["西门", "S01-C01-Y1", None, None, 400, "ftp://x", None, None, None, "是"]],
        "传感器": [["XYZ", "rf433", "fire", "幸福路9号9单元909室"], ["ABCDEF", "lora", "sos", ""]],
    }
    report = import_site(grid_site, fill_template(tmp_path / "bad.xlsx", sheets))
    assert not report.committed
    placed = {(p.sheet, p.row, p.column) for p in report.problems}
    assert {
        ("楼栋", 4, "微网格编码"),
        ("楼栋", 3, "层数"),
        ("楼栋", 3, "经度"),
        ("人员", 3, "手机"),
        ("人员", 3, "党员"),
        ("人员", 3, "职责"),
        ("摄像机", 2, "朝向"),
        ("摄像机", 2, "主码流地址"),
        ("传感器", 2, "编码"),
        ("传感器", 2, "类型"),
        ("传感器", 3, "协议"),
        ("传感器", 3, "住户地址"),
    } <= placed
    lines = report.problem_lines()
    assert "工作表 楼栋 第 4 行 [微网格编码]: 网格编码 'NOPE' 不存在 (unknown grid code)" in lines
    assert any(line.startswith("工作表 人员 第 3 行 [职责]: 职责 '队长' 无法识别") for line in lines)
    with grid_site.db.session() as session:
        for model in (Building, Person, Camera, Sensor):
            assert session.scalar(select(func.count()).select_from(model)) == 0


def test_skip_invalid_writes_the_good_rows(grid_site, tmp_path):
    sheets = {"楼栋": [*BUILDING_ROWS, ["3号楼", "幸福路1号3号楼", "NOPE"]], "人员": PEOPLE_ROWS}
    path = fill_template(tmp_path / "some.xlsx", sheets)
    report = import_site(grid_site, path, skip_invalid=True)
    assert report.committed and len(report.problems) == 1
    assert _counts(report, "楼栋") == (2, 0, 0) and report.counts["楼栋"].skipped == 1
    with grid_site.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Building)) == 2


def test_a_sensor_names_one_household_or_waits_on_a_flat_of_a_known_building(lite_grid_site, tmp_path):
    site = lite_grid_site
    _site_with_roster(site, tmp_path)
    rows = [
        ["111111", "rf433", "door", "幸福路1号1号楼3单元301室"],  # no household there yet: waits
        ["222222", "rf433", "door", "幸福路8号"],  # not an address at all
        ["333333", "rf433", "door", "2号楼2单元202室"],  # by building name: found
        ["444444", "rf433", "door", "9号楼1单元101室"],  # no such building: a typo to fix
    ]
    report = import_site(site, fill_template(tmp_path / "s.xlsx", {"传感器": rows}))
    reasons = {p.row: p.reason for p in report.problems}
    assert set(reasons) == {3, 5} and not report.committed
    assert "无法识别" in reasons[3] and "楼栋 '9号楼' 不存在" in reasons[5]
    assert report.pending_lines() == [
        "工作表 传感器 第 2 行 [住户地址]: 待绑定: 住户地址尚无住户 (幸福路1号1号楼3单元301室);"
        " 该户登记后自动绑定 (bound when the household is added)"
    ]


def test_a_phone_shared_by_two_people_in_the_store_is_ambiguous(lite_grid_site, tmp_path):
    with lite_grid_site.db.session() as session:
        session.add_all([Person(name="甲", phone="13800001111"), Person(name="乙", phone="13800001111")])
    report = import_site(lite_grid_site, fill_template(tmp_path / "p.xlsx", {"人员": PEOPLE_ROWS[:1]}))
    assert [p.column for p in report.problems] == ["手机"]
    assert "已有 2 人使用手机 13800001111" in report.problems[0].reason


def test_two_people_sharing_a_mobile_are_refused_row_by_row_and_never_merged(lite_grid_site, tmp_path):
    """A couple sharing one phone is real; the import must not make one person of them, and must say
    on each of their rows what to do."""
    people = [
        ["王建国", "13800001111", "社区书记", "是", "S01-C01", "网格长"],
        ["李卫东", "13900002222", "副区长", "否", "S01", "包联县级领导"],
        ["刘桂英", "138 0000 1111", None, "否", "S01-C01-Y1", "网格员"],
    ]
    path = fill_template(tmp_path / "shared.xlsx", {"人员": people})
    report = import_site(lite_grid_site, path)
    assert not report.committed
    assert [(p.sheet, p.row, p.column) for p in report.problems] == [("人员", 2, "手机"), ("人员", 4, "手机")]
    reason = report.problems[0].reason
    assert "138****1111" in reason and "13800001111" not in reason
    assert "王建国 (第 2 行)" in reason and "刘桂英 (第 4 行)" in reason
    assert "请为其中一人填写本人的其他手机号" in reason
    report = import_site(lite_grid_site, path, skip_invalid=True)
    assert report.committed and _counts(report, "人员") == (1, 0, 0)
    with lite_grid_site.db.session() as session:
        assert session.scalars(select(Person.name)).all() == ["李卫东"]  # neither holder was merged


def test_a_mobile_taken_over_by_another_name_is_renamed_and_said(lite_grid_site, tmp_path):
    import_site(lite_grid_site, fill_template(tmp_path / "a.xlsx", {"人员": PEOPLE_ROWS[2:3]}))
    renamed = [["李卫红", "13900002222", "副区长", "否", "S01", "包联县级领导"]]
    report = import_site(lite_grid_site, fill_template(tmp_path / "b.xlsx", {"人员": renamed}))
    assert report.committed and _counts(report, "人员") == (0, 1, 0)
    assert any("139****2222: 李卫东 → 李卫红" in note for note in report.notes)
