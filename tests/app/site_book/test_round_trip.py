"""export-site round-trips, camera passwords never leave in clear, and formulas stay inert, through the
command line as an office runs it."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

import main
from app.commands.site_book import PASSPHRASE_ENV
from app.models import AuditEntry, Camera, Person
from app.site_keys import CameraPasswords
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
from tests.app.site_book.snapshot import site_snapshot

FULL = {"楼栋": BUILDING_ROWS, "人员": PEOPLE_ROWS, "摄像机": CAMERA_ROWS, "传感器": SENSOR_ROWS}


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


def build_from_files(run, db, workbook, roster, *options: str) -> None:
    """In the natural order: (grids,) the workbook, whose sensors wait for their households, then the
    roster, which binds them."""
    assert run(db, "import-site", str(workbook), *options) == 0
    assert run(db, "import-roster", str(roster)) == 0


def test_export_then_import_into_an_empty_database_gives_the_same_site(run, db, other_db, tmp_path, capsys, monkeypatch
):
    """A site moved to a new, empty database of the same kind: the passwords travel sealed with a
    passphrase and play in the new site (opened there with its own camera key)."""
    build_grids(db)
    roster = write_roster(tmp_path / "roster.xlsx")
    build_from_files(run, db, fill_template(tmp_path / "site.xlsx", FULL), roster)
    exported = tmp_path / "export.xlsx"
    monkeypatch.setenv(PASSPHRASE_ENV, "moving-day-2026")
    assert run(db, "export-site", str(exported), "--passwords") == 0
    with zipfile.ZipFile(exported) as archive:
        assert all(CAMERA_PASSWORD.encode() not in archive.read(name) for name in archive.namelist())
    build_grids(other_db)
    build_from_files(run, other_db, exported, roster, "--passwords")
    capsys.readouterr()
    assert run(other_db, "import-site", str(exported), "--passwords") == 0
    out = capsys.readouterr().out
    assert "楼栋: 新增 0  更新 0  不变 2" in out and "传感器: 新增 0  更新 0  不变 2" in out
    assert "摄像机: 新增 0  更新 0  不变 2" in out
    original, copy = site_snapshot(db), site_snapshot(other_db)
    assert original == copy and len(copy["people"]) == 4 and len(copy["sensors"]) == 2
    assert {c[-1] for c in copy["cameras"]} == {CAMERA_PASSWORD, "lobby-pw-77"}


def test_carried_passwords_need_the_export_passphrase(run, lite_grid_site, tmp_path, capsys, monkeypatch):
    db = lite_grid_site.db
    assert run(db, "import-site", str(fill_template(tmp_path / "s.xlsx", {"摄像机": CAMERA_ROWS}))) == 0
    exported = tmp_path / "export.xlsx"
    monkeypatch.setenv(PASSPHRASE_ENV, "moving-day-2026")
    assert run(db, "export-site", str(exported), "--passwords") == 0
    assert run(db, "import-site", str(exported)) != 0
    err = capsys.readouterr().err
    assert "工作表 摄像机 第 2 行 [密码]: 此密码由导出时的口令加密, 请在导入时提供该口令" in err
    monkeypatch.setenv(PASSPHRASE_ENV, "not-the-passphrase")
    assert run(db, "import-site", str(exported), "--passwords") != 0
    assert "工作表 摄像机 第 3 行 [密码]: 口令不正确" in capsys.readouterr().err
    book = load_workbook(exported)  # a cell pasted onto another camera's row does not open there
    sheet = book["摄像机"]
    sheet["I2"].value, sheet["I3"].value = sheet["I3"].value, sheet["I2"].value
    book.save(exported)
    monkeypatch.setenv(PASSPHRASE_ENV, "moving-day-2026")
    assert run(db, "import-site", str(exported), "--passwords") != 0
    assert "此密码属于另一台摄像机" in capsys.readouterr().err
    monkeypatch.setenv(PASSPHRASE_ENV, "short")
    assert run(db, "export-site", str(tmp_path / "e2.xlsx"), "--passwords") != 0
    assert "口令至少 8 个字符" in capsys.readouterr().err


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


def test_formulas_are_refused_and_formula_like_text_is_exported_as_text(run, lite_grid_site, tmp_path, capsys):
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


def test_a_password_the_site_key_cannot_open_stops_the_passphrase_export_plainly(run, lite_grid_site, tmp_path, capsys, monkeypatch
):
    db = lite_grid_site.db
    assert run(db, "import-site", str(fill_template(tmp_path / "s.xlsx", {"摄像机": CAMERA_ROWS}))) == 0
    with db.session() as session:  # a sealed password moved to another camera's row does not open
        gate, lobby = session.scalars(select(Camera).order_by(Camera.id)).all()
        lobby.password_sealed = gate.password_sealed
    monkeypatch.setenv(PASSPHRASE_ENV, "moving-day-2026")
    assert run(db, "export-site", str(tmp_path / "e.xlsx"), "--passwords") != 0
    assert "摄像机 1号楼大堂 的密码无法用本站点的密钥解开" in capsys.readouterr().err


def test_control_characters_in_the_store_are_replaced_on_export(run, lite_grid_site, tmp_path, capsys):
    """openpyxl cannot even write them: one NUL used to block the whole file."""
    db = lite_grid_site.db
    with db.session() as session:  # stored by an older version or another program
        session.add(Person(name="王\x00五", phone="13900002222", title="\t=1+2"))
    exported = tmp_path / "export.xlsx"
    assert run(db, "export-site", str(exported)) == 0
    assert "1 个控制字符已替换" in capsys.readouterr().err
    sheet = load_workbook(exported)["人员"]
    values = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value}
    assert "王\ufffd五" in values and values["\t=1+2"].data_type == "s" and values["\t=1+2"].quotePrefix
    with db.session() as session:  # the export is a bulk read of the people's phones
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "export_site")).all()
    assert '"file": "export.xlsx"' in entry.detail
