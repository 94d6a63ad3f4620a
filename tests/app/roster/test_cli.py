"""The import-roster and export-roster commands: summaries on stdout, one line per bad row on stderr."""

from __future__ import annotations

import json
import stat
from datetime import date

import pytest
from sqlalchemy import select

import main
from app.models import AuditEntry
from app.roster.reader import read_tables
from tests.app.roster.conftest import make_id, person, write_xlsx

GOOD = person("张三", make_id(date(1950, 3, 8), 11), building="3号楼", phone="138-0000-1234")
BAD = person("李四", "110105194912310021", building="3号楼", room="102")


@pytest.fixture(autouse=True)
def signed_in(lite_site, cli_user):
    cli_user(lite_site.db.url)


def run(lite_site, *args: str) -> int:
    return main.main([*args, "--db", lite_site.db.url])


def test_import_with_a_bad_row_imports_nothing_and_fails(lite_site, tmp_path, capsys):
    path = write_xlsx(tmp_path / "roster.xlsx", [GOOD, BAD], title_rows=["幸福社区居民花名册"])
    assert run(lite_site, "import-roster", str(path)) != 0
    out, err = capsys.readouterr()
    assert "文件 roster.xlsx 第 4 行: 身份证号校验位错误 (应为 X)" in err.splitlines()
    assert "共 1 行有误, 未导入任何数据" in err and "--skip-invalid" in err
    assert "已导入" not in out


def test_skip_invalid_imports_the_rest_and_succeeds(lite_site, tmp_path, capsys):
    path = write_xlsx(tmp_path / "roster.xlsx", [GOOD, BAD])
    assert run(lite_site, "import-roster", str(path), "--skip-invalid") == 0
    out, err = capsys.readouterr()
    assert "已导入 1 名居民, 新建 1 户" in out and "有误 1 行, 已跳过" in out
    assert err.strip() == "文件 roster.xlsx 第 3 行: 身份证号校验位错误 (应为 X)"


def test_valid_import_then_export_by_extension(lite_site, tmp_path, capsys):
    assert run(lite_site, "import-roster", str(write_xlsx(tmp_path / "roster.xlsx", [GOOD]))) == 0
    assert run(lite_site, "export-roster", str(tmp_path / "out.csv")) == 0
    out, _ = capsys.readouterr()
    assert "已导出 1 名居民 (1 户, 脱敏)" in out and (tmp_path / "out.csv").exists()
    assert run(lite_site, "export-roster", str(tmp_path / "out.pdf")) != 0
    assert "不支持的导出格式 .pdf" in capsys.readouterr().err


def test_unreadable_file_is_a_plain_error(lite_site, tmp_path, capsys):
    path = tmp_path / "损坏.xlsx"
    path.write_bytes(b"garbage")
    assert run(lite_site, "import-roster", str(path)) != 0
    err = capsys.readouterr().err
    assert err.startswith("错误 error: 文件 损坏.xlsx 无法读取") and "Traceback" not in err


def test_export_to_an_unwritable_place(lite_site, tmp_path, capsys):
    assert run(lite_site, "export-roster", str(tmp_path / "missing-dir" / "out.xlsx")) != 0
    assert "无法写入文件" in capsys.readouterr().err


def _exports(lite_site) -> list[dict]:
    with lite_site.db.session() as session:
        rows = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "export_roster"))
        return [json.loads(detail) for detail in rows]


def test_export_is_masked_by_default_audited_and_owner_only(lite_site, tmp_path, capsys):
    number = make_id(date(1950, 3, 8), 11)
    assert run(lite_site, "import-roster", str(write_xlsx(tmp_path / "roster.xlsx", [GOOD]))) == 0
    target = tmp_path / "out.csv"
    assert run(lite_site, "export-roster", str(target)) == 0
    text = target.read_text(encoding="utf-8-sig")
    assert number not in text and "13800001234" not in text and "138-0000-1234" not in text
    assert number[:6] + "********" + number[-4:] in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _exports(lite_site) == [{"file": "out.csv", "residents": 1, "households": 1, "full": False}]


def test_full_export_needs_a_reason_and_records_it(lite_site, tmp_path, capsys):
    number = make_id(date(1950, 3, 8), 11)
    assert run(lite_site, "import-roster", str(write_xlsx(tmp_path / "roster.xlsx", [GOOD]))) == 0
    target = tmp_path / "full.xlsx"
    capsys.readouterr()
    assert run(lite_site, "export-roster", str(target), "--full") != 0
    assert "--reason" in capsys.readouterr().err and not target.exists()
    assert run(lite_site, "export-roster", str(target), "--full", "--reason", " ") != 0
    assert "理由" in capsys.readouterr().err and not target.exists()
    assert _exports(lite_site) == []
    assert run(lite_site, "export-roster", str(target), "--full", "--reason", "街道年度核对") == 0
    assert "完整" in capsys.readouterr().out
    cells = [str(v) for row in read_tables(target)[0].rows for v in row.values if v is not None]
    assert number in cells
    assert _exports(lite_site) == [
        {"file": "full.xlsx", "residents": 1, "households": 1, "full": True, "reason": "街道年度核对"}
    ]
