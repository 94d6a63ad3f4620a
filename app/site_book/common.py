"""What every sheet's checks share: reading a row's cells into problems, the site's grids by code,
and the counts a sheet reports."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Grid
from app.roster.phone import PhoneError
from app.safe_cells import control_characters
from app.site_book.cells import CellError
from app.site_book.problems import Problems
from app.site_book.sheets import SheetSpec
from app.site_book.workbook import SheetRow

T = TypeVar("T")


class RowCheck:
    """Reads one row's cells, adding every problem found (placed by column) instead of stopping."""

    def __init__(self, spec: SheetSpec, row: SheetRow, problems: Problems) -> None:
        self.spec, self.row, self.problems = spec, row, problems
        self.ok = True

    def read(self, key: str, parse: Callable[[object, str], T]) -> T | None:
        value = self.row.get(key)
        if isinstance(value, str) and (controls := control_characters(value)):
            self.fail(key, f"含控制字符 {'、'.join(controls)} contains control characters")
            return None
        try:
            return parse(value, self.spec.column(key).zh)
        except (CellError, PhoneError) as error:
            self.fail(key, error.reason)
            return None

    def fail(self, key: str | None, reason: str) -> None:
        self.ok = False
        column = self.spec.column(key).zh if key else None
        self.problems.add(self.spec.title, self.row.number, column, reason)


def report_duplicates(
    spec: SheetSpec, key: str, rows_by_value: dict[str, list[int]], problems: Problems
) -> None:
    """Every row of a natural key written twice: the file cannot say which one is right."""
    label = spec.column(key).zh
    for value, rows in rows_by_value.items():
        for row in rows if len(rows) > 1 else ():
            others = "、".join(str(n) for n in rows if n != row)
            problems.add(spec.title, row, label, f"{label} '{value}' 与第 {others} 行重复")


# The workbook carries coordinates to 7 decimals (about 1 cm): a spreadsheet keeps 15 significant
# digits, so a stored double would not come back bit for bit and every re-import would "update".
COORDINATE_DECIMALS = 7


def exported_coordinate(value: float | None) -> float | None:
    return None if value is None else round(value, COORDINATE_DECIMALS)


def kept_coordinate(stored: float | None, given: float) -> float:
    """The stored coordinate when the workbook gives the same place at its precision, else the given."""
    if stored is not None and round(stored, COORDINATE_DECIMALS) == round(given, COORDINATE_DECIMALS):
        return stored
    return given


def squash(text: str) -> str:
    """The comparable form of a name or address: full-width folded, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class GridRef:
    id: int
    code: str
    name: str
    level: int
    centre: tuple[float, float] | None


class GridIndex:
    """The site's grids by code, read once per import."""

    def __init__(self, grids: list[GridRef]) -> None:
        self.by_code = {g.code: g for g in grids}
        self.by_id = {g.id: g for g in grids}

    @classmethod
    def load(cls, session: Session) -> GridIndex:
        rows = session.execute(
            select(Grid.id, Grid.code, Grid.name, Grid.level, Grid.centre_lon, Grid.centre_lat)
        ).all()
        return cls(
            [
                GridRef(id_, code, name, level, (lon, lat) if lon is not None and lat is not None else None)
                for id_, code, name, level, lon, lat in rows
            ]
        )

    def find(self, code: str) -> GridRef | None:
        return self.by_code.get(code) or self.by_code.get(code.upper())

    def unknown_reason(self, code: str) -> str:
        if not self.by_code:
            return f"网格编码 '{code}' 不存在 (本站点还没有网格, 请先 import-grids 导入网格)"
        return f"网格编码 '{code}' 不存在 (unknown grid code)"


@dataclass
class SheetCount:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # rows left out for their problems (--skip-invalid)
    pending: int = 0  # of those written, sensors waiting for their household (待绑定)

    def count(self, action: str) -> None:
        setattr(self, action, getattr(self, action) + 1)
