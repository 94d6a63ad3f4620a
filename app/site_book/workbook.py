"""Reading and writing the site workbook's sheets with openpyxl.

Reading keeps what a cell really holds: a formula comes back as `Formula` (refused by the cell
parsers), never as the value Excel cached for it. Writing stores every text as text: one that begins
with = + - @ (or a tab or CR) is a string cell with Excel's quote prefix, so it is shown and kept as
typed, never run; control characters are replaced so that one never blocks the file (`app/safe_cells.py`).
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from app.roster.reader import OLE_MAGIC
from app.safe_cells import Cleaner, text_cell
from app.site_book.cells import Formula
from app.site_book.problems import SiteBookError
from app.site_book.sheets import GUIDE_TITLE, SHEETS, SheetSpec

HEADER_SEARCH_ROWS = 5  # an office may put a title row or two above the header
VALIDATED_ROWS = 2000  # how far down the template's drop-downs reach


@dataclass(frozen=True)
class SheetRow:
    number: int  # as Excel shows it
    values: dict[str, object]  # column key -> the cell's value (a Formula for a formula cell)

    def get(self, key: str) -> object:
        return self.values.get(key)


@dataclass
class SheetData:
    spec: SheetSpec
    header_row: int
    rows: list[SheetRow] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)


def read_workbook(path: Path) -> dict[str, SheetData]:
    """The workbook's known sheets by title; a sheet that is absent is simply not in the result."""
    path = Path(path)
    if not path.exists():
        raise SiteBookError(f"文件 {path} 不存在 file not found")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise SiteBookError(f"文件 {path.name}: 站点工作簿应为 .xlsx 文件 (the site workbook must be .xlsx)")
    with path.open("rb") as handle:
        if handle.read(4) == OLE_MAGIC:
            raise SiteBookError(
                f"文件 {path.name} 无法读取: 文件设有打开密码或实为旧版 .xls, 请另存为 .xlsx (password-protected or .xls)"
            )
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, EOFError) as error:
        raise SiteBookError(f"文件 {path.name} 无法读取: 不是有效的 .xlsx 工作簿 ({error})") from error
    try:
        titles = {_squash(title): title for title in book.sheetnames}
        found = {}
        for spec in SHEETS:
            title = titles.get(_squash(spec.title)) or titles.get(_squash(spec.en))
            if title is not None:
                found[spec.title] = _read_sheet(path.name, spec, _cells(book[title]))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, ParseError) as error:
        raise SiteBookError(f"文件 {path.name} 无法读取: 工作表已损坏 ({error})") from error
    finally:
        book.close()
    if not found:
        names = "、".join(spec.title for spec in SHEETS)
        raise SiteBookError(f"文件 {path.name} 中没有站点工作表 (应有 {names}; 可用 site template 生成模板)")
    return found


def _cells(sheet) -> list[list[object]]:
    sheet.reset_dimensions()  # some writers store a wrong <dimension>
    grid = []
    for row in sheet.iter_rows():
        grid.append([_value(cell) for cell in row])
    return grid


def _value(cell) -> object:
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(getattr(cell.value, "text", None) or cell.value))
    return cell.value


def _read_sheet(file_name: str, spec: SheetSpec, grid: list[list[object]]) -> SheetData:
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        keys = [_header_key(spec, value) for value in cells]
        if not any(keys):
            continue
        missing = [c.zh for c in spec.columns if c.required and c.key not in keys]
        if missing:
            raise SiteBookError(
                f"文件 {file_name} 工作表 {spec.title} 第 {index + 1} 行: 表头缺少列 {'、'.join(missing)} (missing columns)"
            )
        data = SheetData(spec, index + 1)
        data.ignored_headers = [
            str(v).strip() for v, k in zip(cells, keys, strict=True) if not k and _filled(v)
        ]
        for number, values in enumerate(grid[index + 1 :], start=index + 2):
            row = {key: values[i] for i, key in enumerate(keys) if key and i < len(values)}
            if any(_filled(v) for v in row.values()):
                data.rows.append(SheetRow(number, row))
        return data
    raise SiteBookError(
        f"文件 {file_name} 工作表 {spec.title}: 前 {HEADER_SEARCH_ROWS} 行中找不到表头 "
        f"(应有 {'、'.join(c.zh for c in spec.columns)})"
    )


_NOTE = re.compile(r"[(（][^)）]*[)）]$")


def _header_key(spec: SheetSpec, value: object) -> str | None:
    """党员 / 党员(是/否) / party member / * 姓名 -> the column's key."""
    if value is None or isinstance(value, Formula):
        return None
    text = _NOTE.sub("", _squash(str(value)).strip("*")).lower()
    for column in spec.columns:
        if text in (_squash(column.zh), _squash(_NOTE.sub("", column.en)).lower(), column.key):
            return column.key
    return None


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _filled(value: object) -> bool:
    return value is not None and bool(str(value).strip())


def write_workbook(path: Path, rows: dict[str, Sequence[dict[str, object]]], guide: Sequence[str]) -> int:
    """Every sheet with its header, drop-downs and `rows` (by sheet title), then the 说明 sheet;
    returns how many control characters were replaced in the texts."""
    book = Workbook()
    book.remove(book.active)
    cleaner = Cleaner()
    for spec in SHEETS:
        _write_sheet(book.create_sheet(spec.title), spec, rows.get(spec.title, ()), cleaner)
    notes = book.create_sheet(GUIDE_TITLE)
    notes.column_dimensions["A"].width = 110
    for line in guide:
        notes.append([line])
    notes["A1"].font = Font(bold=True, size=14)
    with _replacing(Path(path)) as temporary:
        book.save(temporary)
    return cleaner.replaced


def _write_sheet(
    sheet: Worksheet, spec: SheetSpec, rows: Sequence[dict[str, object]], cleaner: Cleaner
) -> None:
    thin = Side(style="thin", color="808080")
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        header = sheet.cell(row=1, column=index, value=column.zh)
        header.comment = Comment(column.en, "网格指挥中心 Grid Command Centre", width=260, height=60)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor="D9E1F2")
        header.alignment = Alignment(horizontal="center", vertical="center")
        header.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        last = max(VALIDATED_ROWS, len(rows) + 500)
        if column.text:
            for row_number in range(2, len(rows) + 2):
                sheet.cell(row=row_number, column=index).number_format = "@"
        if column.choices:
            _add_choices(sheet, column.choices, column.strict, f"{letter}2:{letter}{last}", column.zh)
    for row_number, row in enumerate(rows, start=2):
        for index, column in enumerate(spec.columns, start=1):
            _set(sheet.cell(row=row_number, column=index), row.get(column.key), cleaner)
    sheet.freeze_panes = "A2"


def _add_choices(sheet: Worksheet, choices: Sequence[str], strict: bool, ref: str, label: str) -> None:
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle=label,
        error=f"请从列表中选择: {'、'.join(choices)}",
    )
    validation.add(ref)
    sheet.add_data_validation(validation)


def _set(cell, value: object, cleaner: Cleaner) -> None:
    if value is None or value == "":
        return
    if isinstance(value, str):
        text_cell(cell, cleaner.clean(value))  # never a formula, whatever the text begins with
        return
    cell.value = value


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` that replaces it once complete: a failed write leaves the old
    file intact."""
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.part{path.suffix}")
    temporary.touch()
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
