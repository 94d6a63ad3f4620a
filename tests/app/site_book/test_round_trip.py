"""export-site round-trips, camera passwords never leave in clear, and formulas stay inert, through the
command line as an office runs it."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

import main
from app.models import Building, Camera, Person, Sensor
from app.site_keys import CameraPasswords
from app.store import Database
from tests.app.site_book.conftest import (
    BUILDING_ROWS,
    CAMERA_PASSWORD,
    CAMERA_ROWS,
    PEOPLE_ROWS,
    SENSOR_ROWS,
    build_grids,
    fill_template,
    write_roster,
)

FULL = {"楼栋": BUILDING_ROWS, "人员": PEOPLE_ROWS, "摄像机": CAMERA_ROWS, "传感器": SENSOR_ROWS}


@pytest.fixture
def empty_db(sqlite_template, tmp_path):
    """A second, empty site database (SQLite) to import an export into."""
    path = tmp_path / "empty.sqlite"
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture
def run(cli_user):
    """main.main on a site, signed in as an administrator of that site (added on first use)."""
    signed_in: set[str] = set()

    def run_main(db, *args: str) -> int:
        if db.url not in signed_in:
            cli_user(db.url)
            signed_in.add(db.url)
        return main.main([*args, "--db", db.url])

    return run_main


def build_from_files(run, db, workbook, roster) -> None:
    """grids, then the workbook (its sensors wait for the roster), the roster, the workbook again."""
    assert run(db, "import-site", str(workbook), "--skip-invalid") == 0
    assert run(db, "import-roster", str(roster)) == 0
    assert run(db, "import-site", str(workbook)) == 0


def snapshot(db) -> dict:
    """The site as the workbook describes it, by natural keys (no ids)."""
    with db.session() as session:
        buildings = {
            (b.address, b.name, b.floors, b.units, b.lon, b.lat) for b in session.scalars(select(Building))
        }
        people = {
            (p.phone, p.name, p.title, p.party_member, frozenset((d.grid.code, d.role) for d in p.duties))
            for p in session.scalars(select(Person))
        }
        cameras = {
            (c.name, c.lon, c.lat, c.bearing, c.main_url, c.sub_url, c.username, c.ai_enabled)
            for c in session.scalars(select(Camera))
        }
        sensors = {(s.device_code, s.protocol, s.kind, s.name) for s in session.scalars(select(Sensor))}
    return {"buildings": buildings, "people": people, "cameras": cameras, "sensors": sensors}


def test_export_then_import_into_an_empty_database_gives_the_same_site(run, db, empty_db, tmp_path, capsys):
    build_grids(db)
    roster = write_roster(tmp_path / "roster.xlsx")
    build_from_files(run, db, fill_template(tmp_path / "site.xlsx", FULL), roster)
    exported = tmp_path / "export.xlsx"
    assert run(db, "export-site", str(exported)) == 0
    build_grids(empty_db)
    build_from_files(run, empty_db, exported, roster)
    capsys.readouterr()
    assert run(empty_db, "import-site", str(exported)) == 0
    out = capsys.readouterr().out
    assert "楼栋: 新增 0  更新 0  不变 2" in out and "传感器: 新增 0  更新 0  不变 2" in out
    original, copy = snapshot(db), snapshot(empty_db)
    assert original == copy and len(copy["people"]) == 4 and len(copy["sensors"]) == 2


def test_passwords_are_never_in_clear(run, lite_grid_site, tmp_path, capsys):
    db = lite_grid_site.db
    workbook = fill_template(tmp_path / "site.xlsx", {"摄像机": CAMERA_ROWS})
    assert run(db, "import-site", str(workbook)) == 0
    exported = tmp_path / "export.xlsx"
    assert run(db, "export-site", str(exported)) == 0
    out, err = capsys.readouterr()
    for secret in (CAMERA_PASSWORD, "lobby-pw-77"):
        assert secret not in out + err
        with zipfile.ZipFile(exported) as archive:
            assert all(secret.encode() not in archive.read(name) for name in archive.namelist())
        with db.engine.connect() as connection:
            for row in connection.execute(text("SELECT * FROM cameras")):
                assert all(
                    secret not in str(value) and secret.encode() not in bytes(str(value), "utf-8")
                    for value in row
                )
                assert all(not isinstance(v, bytes) or secret.encode() not in v for v in row)
    with db.session() as session:
        gate = session.scalars(select(Camera).where(Camera.name == "小区东门")).one()
        assert CameraPasswords.of_site(session).open(gate.password_sealed, gate.id) == CAMERA_PASSWORD
    sheet = load_workbook(exported)["摄像机"]
    assert [(r[0].value, r[7].value, r[8].value) for r in sheet.iter_rows(min_row=2)] == [
        ("小区东门", "admin", "******"),
        ("1号楼大堂", "viewer", "******"),
    ]
    assert run(db, "import-site", str(exported)) == 0  # ****** keeps the stored passwords
    with db.session() as session:
        gate = session.scalars(select(Camera).where(Camera.name == "小区东门")).one()
        assert CameraPasswords.of_site(session).open(gate.password_sealed, gate.id) == CAMERA_PASSWORD


def test_a_sealed_password_cannot_move_to_another_camera(run, lite_grid_site, tmp_path):
    db = lite_grid_site.db
    assert run(db, "import-site", str(fill_template(tmp_path / "s.xlsx", {"摄像机": CAMERA_ROWS}))) == 0
    with db.session() as session:
        gate, lobby = session.scalars(select(Camera).order_by(Camera.id)).all()
        passwords = CameraPasswords.of_site(session)
        try:
            passwords.open(gate.password_sealed, lobby.id)
        except Exception as error:
            assert "does not open" in str(error)
        else:
            raise AssertionError("a password sealed for one camera opened for another")


def test_formulas_are_refused_and_formula_like_text_is_exported_as_text(
    run, lite_grid_site, tmp_path, capsys
):
    db = lite_grid_site.db
    path = fill_template(tmp_path / "f.xlsx", {"人员": [['=HYPERLINK("http://x")', "13800001111"]]})
    assert run(db, "import-site", str(path)) != 0
    assert "工作表 人员 第 2 行 [姓名]: 姓名是公式" in capsys.readouterr().err
    title = "=1+2 @cmd"
    people = [["张三", "13800001111", title, "否"], ["李四", "13900002222", "<b>组长</b>", "否"]]
    path = fill_template(tmp_path / "t.xlsx", {"人员": people})
    book = load_workbook(path)
    book["人员"]["C2"].data_type = "s"  # typed as text, as a spreadsheet stores '=1+2
    book.save(path)
    assert run(db, "import-site", str(path)) != 0
    assert "工作表 人员 第 3 行 [职务]: 职务含有 HTML 标记" in capsys.readouterr().err
    assert run(db, "import-site", str(path), "--skip-invalid") == 0
    exported = tmp_path / "export.xlsx"
    assert run(db, "export-site", str(exported)) == 0
    cell = load_workbook(exported)["人员"]["C2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (title, "s", True)
