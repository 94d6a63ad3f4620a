"""The import-roster and export-roster commands: summaries on stdout, one line per bad row on stderr."""

from __future__ import annotations

from datetime import date

import pytest

import main
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
    assert "已导出 1 名居民 (1 户)" in out and (tmp_path / "out.csv").exists()
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
