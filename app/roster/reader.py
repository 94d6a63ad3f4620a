"""Reading roster files: .xlsx through openpyxl and .csv in the encodings Excel and WPS write.

Each sheet becomes a table of raw rows numbered as the user sees them in Excel, with the value of a
merged range copied into every cell it covers (楼栋 and 单元 often span a household's rows).
Workbooks are opened read-only (four times faster on a 5,000-row roster).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from app.roster.errors import RosterFileError
from app.safe_cells import from_csv_text


@dataclass(frozen=True)
class RawRow:
    number: int  # as shown in Excel's row header (1-based, title rows included)
    values: tuple[object, ...]

    @property
    def blank(self) -> bool:
        return all(v is None or not str(v).strip() for v in self.values)


@dataclass
class RawTable:
    file_name: str
    sheet: str | None
    rows: list[RawRow]


SUPPORTED = (".xlsx", ".xlsm", ".csv")


def read_tables(path: Path) -> list[RawTable]:
    """Every sheet of the file, the active sheet first."""
    if not path.exists():
        raise RosterFileError(f"文件 {path} 不存在")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix == ".csv":
        return [read_csv(path)]
    if suffix in (".xls", ".et", ".wps"):
        raise RosterFileError(
            f"文件 {path.name}: 不支持旧版 {suffix} 格式, 请在 Excel/WPS 中另存为 .xlsx 后导入"
        )
    raise RosterFileError(
        f"文件 {path.name}: 不支持的文件类型 {suffix or '(无扩展名)'}, 请使用 .xlsx 或 .csv"
    )


OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # compound file: an .xls renamed, or an .xlsx with an opening password


def read_xlsx(path: Path) -> list[RawTable]:
    with path.open("rb") as handle:
        if handle.read(4) == OLE_MAGIC:
            raise RosterFileError(
                f"文件 {path.name} 无法读取: 文件设有打开密码或实为旧版 .xls, 请在 Excel/WPS 中取消密码并另存为 .xlsx"
            )
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, EOFError) as error:
        raise RosterFileError(
            f"文件 {path.name} 无法读取: 不是有效的 .xlsx 工作簿, 可能已损坏 ({type(error).__name__}: {error})"
        ) from error
    try:
        sheets = [workbook.active, *[ws for ws in workbook.worksheets if ws is not workbook.active]]
        return [_sheet_table(path.name, ws) for ws in sheets if isinstance(ws, ReadOnlyWorksheet)]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, ParseError) as error:
        raise RosterFileError(
            f"文件 {path.name} 无法读取: 工作表已损坏 ({type(error).__name__}: {error})"
        ) from error
    finally:
        workbook.close()


def _sheet_table(file_name: str, sheet: ReadOnlyWorksheet) -> RawTable:
    sheet.reset_dimensions()  # some writers store a wrong <dimension>; read every cell that is there
    grid = [list(values) for values in sheet.iter_rows(values_only=True)]
    for min_col, min_row, max_col, max_row in _merged_ranges(sheet):
        if min_row > len(grid):
            continue
        top_left = grid[min_row - 1]
        value = top_left[min_col - 1] if min_col <= len(top_left) else None
        for cells in grid[min_row - 1 : max_row]:
            if len(cells) < max_col:
                cells.extend([None] * (max_col - len(cells)))
            cells[min_col - 1 : max_col] = [value] * (max_col - min_col + 1)
    rows = [RawRow(number, tuple(cells)) for number, cells in enumerate(grid, start=1)]
    return RawTable(file_name, sheet.title, rows)


_MERGE_CELL = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")


def _merged_ranges(sheet: ReadOnlyWorksheet) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges, read from its XML: read-only worksheets (4x faster) do not expose them."""
    with sheet.parent._archive.open(sheet._worksheet_path) as source:  # openpyxl keeps these private
        xml = source.read()
    ranges = []
    for ref in _MERGE_CELL.findall(xml):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        ranges.append((min_col, min_row, max_col, max_row))
    return ranges


def read_csv(path: Path) -> RawTable:
    text = decode_csv(path.name, path.read_bytes())
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [
            RawRow(number, tuple(map(from_csv_text, values))) for number, values in enumerate(reader, start=1)
        ]
    except csv.Error as error:
        raise RosterFileError(f"文件 {path.name} 第 {reader.line_num} 行: CSV 格式错误 ({error})") from error
    return RawTable(path.name, None, rows)


def decode_csv(file_name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or GB18030/GBK (Chinese Windows)."""
    if data.startswith(codecs.BOM_UTF8):
        encodings: Sequence[str] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterFileError(f"文件 {file_name} 无法读取: 编码无法识别 (支持 UTF-8 与 GBK/GB18030)")


def _delimiter(text: str) -> str:
    """Comma, tab (Excel's Unicode text) or semicolon: whichever the header area uses most."""
    sample = text[:4000]
    counts = {d: sample.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
