"""What is wrong with a workbook, each problem placed by sheet, row and column as Excel shows them."""

from __future__ import annotations

from dataclasses import dataclass, field


class SiteBookError(Exception):
    """The workbook as a whole cannot be read or written (missing, not .xlsx, a sheet without headers)."""


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str | None  # the column's Chinese header; None for a row-wide problem
    reason: str

    def line(self) -> str:
        where = f"工作表 {self.sheet} 第 {self.row} 行" + (f" [{self.column}]" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass
class Problems:
    """Every problem found, in the order of the sheets and rows; a row with a problem is not written."""

    items: list[Problem] = field(default_factory=list)

    def add(self, sheet: str, row: int, column: str | None, reason: str) -> None:
        problem = Problem(sheet, row, column, reason)
        if problem not in self.items:
            self.items.append(problem)

    def bad_rows(self, sheet: str) -> set[int]:
        return {p.row for p in self.items if p.sheet == sheet}

    def sorted(self, sheet_order: tuple[str, ...]) -> list[Problem]:
        rank = {title: index for index, title in enumerate(sheet_order)}
        return sorted(self.items, key=lambda p: (rank.get(p.sheet, 99), p.row, p.column or ""))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)
