"""Reading files: merged ranges, Excel row numbers, CSV encodings from Excel/WPS, broken files."""

from __future__ import annotations

import codecs
import zipfile

import pytest
from openpyxl import Workbook

from app.roster.errors import RosterFileError
from app.roster.reader import read_tables
from tests.app.roster.conftest import HEADER, write_xlsx

CSV_TEXT = "幸福社区居民花名册\r\n姓名,身份证号,楼栋,单元,房号\r\n张三,11010519491231002X,3号楼,1,101\r\n"


def test_xlsx_rows_are_numbered_as_excel_shows_them(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [["", "1号楼", "1", "101"]], title_rows=["幸福社区居民花名册", ""])
    (table,) = read_tables(path)
    numbers = {row.number: row.values for row in table.rows}
    assert numbers[1][0] == "幸福社区居民花名册"
    assert numbers[3][:3] == tuple(HEADER[:3])
    assert numbers[4][1:4] == ("1号楼", "1", "101")
    assert table.sheet == "Sheet"


def test_merged_range_value_belongs_to_every_cell(tmp_path):
    rows = [["", "2号楼", "1", "101"], ["", None, None, "101"], ["", None, None, "102"]]
    path = write_xlsx(tmp_path / "r.xlsx", rows, merges=["B2:B4", "C2:C4"])
    (table,) = read_tables(path)
    assert [row.values[1:4] for row in table.rows[1:]] == [
        ("2号楼", "1", "101"),
        ("2号楼", "1", "101"),
        ("2号楼", "1", "102"),
    ]


def test_active_sheet_comes_first(tmp_path):
    workbook = Workbook()
    workbook.active.title = "说明"
    roster = workbook.create_sheet("花名册")
    roster.append(["姓名"])
    workbook.active = 1
    workbook.save(tmp_path / "r.xlsx")
    assert [t.sheet for t in read_tables(tmp_path / "r.xlsx")] == ["花名册", "说明"]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "roster.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    (table,) = read_tables(path)
    assert table.rows[0].values == ("幸福社区居民花名册",)
    assert table.rows[2].values == ("张三", "11010519491231002X", "3号楼", "1", "101")
    assert table.rows[2].number == 3


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + CSV_TEXT.replace(",", "\t").encode("utf-16-le"))
    (table,) = read_tables(path)
    assert table.rows[2].values[0] == "张三"


def test_csv_in_an_unknown_encoding(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\x81\x20\x80\xff")  # neither UTF-8 nor GB18030
    with pytest.raises(RosterFileError, match="roster.csv 无法读取: 编码无法识别"):
        read_tables(path)


def test_corrupt_xlsx_names_the_file(tmp_path):
    path = tmp_path / "坏的花名册.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip file")
    with pytest.raises(RosterFileError, match="文件 坏的花名册.xlsx 无法读取: 不是有效的 .xlsx 工作簿"):
        read_tables(path)


def test_truncated_xlsx_names_the_file(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [["", "1号楼", "1", "101"]])
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(good.read_bytes()[:900])
    with pytest.raises(RosterFileError, match="truncated.xlsx 无法读取"):
        read_tables(path)


def test_zip_that_is_no_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(RosterFileError, match="notes.xlsx 无法读取"):
        read_tables(path)


def test_old_xls_and_unknown_types(tmp_path):
    for name, reason in [("old.xls", "另存为 .xlsx"), ("roster.txt", "不支持的文件类型 .txt")]:
        path = tmp_path / name
        path.write_bytes(b"\xd0\xcf\x11\xe0")
        with pytest.raises(RosterFileError, match=reason):
            read_tables(path)


def test_missing_file(tmp_path):
    with pytest.raises(RosterFileError, match="不存在"):
        read_tables(tmp_path / "nowhere.xlsx")


def test_password_protected_or_renamed_xls(tmp_path):
    path = tmp_path / "加密.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(RosterFileError, match="加密.xlsx 无法读取: 文件设有打开密码或实为旧版 .xls"):
        read_tables(path)


def test_wrong_dimension_from_other_writers_does_not_hide_cells(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [["", "1号楼", "1", "101"]], title_rows=["花名册"])
    patched = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:M3" />' in data
                data = data.replace(b'<dimension ref="A1:M3" />', b'<dimension ref="A1" />')
            target.writestr(item, data)
    (table,) = read_tables(patched)
    assert table.rows[2].values[1:4] == ("1号楼", "1", "101")
