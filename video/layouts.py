"""Wall layouts: which cells of a rows x cols grid each tile covers, the presets, and saved ones.

A layout is plain data so it can be saved by name in the store and shared by every wall window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from app.store import Database
from app.store.base import Base, utcnow


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True)
class WallLayout:
    """`cells` in reading order; tile i shows `cameras[i]` (None: empty)."""

    name: str
    rows: int
    cols: int
    cells: tuple[Cell, ...]
    cameras: tuple[int | None, ...] = ()

    def __post_init__(self) -> None:
        taken: set[tuple[int, int]] = set()
        for cell in self.cells:
            if (
                cell.row + cell.row_span > self.rows
                or cell.col + cell.col_span > self.cols
                or min(cell.row, cell.col, cell.row_span - 1, cell.col_span - 1) < 0
            ):
                raise ValueError(f"布局 {self.name}: 格子超出范围 (cell out of grid) {cell}")
            spots = {
                (r, c)
                for r in range(cell.row, cell.row + cell.row_span)
                for c in range(cell.col, cell.col + cell.col_span)
            }
            if spots & taken:
                raise ValueError(f"布局 {self.name}: 格子重叠 (cells overlap) {cell}")
            taken |= spots

    @property
    def tile_count(self) -> int:
        return len(self.cells)

    def with_cameras(
        self, cameras: list[int | None] | tuple[int | None, ...], name: str | None = None
    ) -> WallLayout:
        return WallLayout(
            name or self.name, self.rows, self.cols, self.cells, tuple(cameras[: self.tile_count])
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "rows": self.rows,
                "cols": self.cols,
                "cells": [[c.row, c.col, c.row_span, c.col_span] for c in self.cells],
                "cameras": list(self.cameras),
            }
        )

    @classmethod
    def from_json(cls, name: str, text: str) -> WallLayout:
        data = json.loads(text)
        return cls(
            name,
            int(data["rows"]),
            int(data["cols"]),
            tuple(Cell(*map(int, cell)) for cell in data["cells"]),
            tuple(None if c is None else int(c) for c in data.get("cameras", [])),
        )


def grid_layout(side: int) -> WallLayout:
    """1, 4, 9, 16 or 25 equal tiles."""
    return WallLayout(
        str(side * side), side, side, tuple(Cell(r, c) for r in range(side) for c in range(side))
    )


def big_plus_small(small: int) -> WallLayout:
    """One large tile top-left with `small` (5 or 7) around it: 1+5 on 3x3, 1+7 on 4x4."""
    side = (small + 1) // 2  # 5 → 3, 7 → 4
    big = side - 1
    cells = [Cell(0, 0, big, big)]
    cells += [Cell(r, big) for r in range(big)]
    cells += [Cell(big, c) for c in range(side)]
    return WallLayout(f"1+{small}", side, side, tuple(cells))


PRESETS: dict[str, WallLayout] = {
    layout.name: layout
    for layout in (
        grid_layout(1),
        grid_layout(2),
        grid_layout(3),
        grid_layout(4),
        grid_layout(5),
        big_plus_small(5),
        big_plus_small(7),
    )
}


class SavedWallLayout(Base):
    """A named wall arrangement an operator saved (custom cells and the cameras in them)."""

    __tablename__ = "wall_layouts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    spec: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LayoutStore:
    """Saved layouts by name, in the site's store (so every seat and wall window sees them)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, layout: WallLayout) -> None:
        name = layout.name.strip()
        if not name:
            raise ValueError("布局名称不能为空 (layout name is empty)")
        with self._db.session() as session:
            row = session.scalars(select(SavedWallLayout).where(SavedWallLayout.name == name)).first()
            if row is None:
                session.add(SavedWallLayout(name=name, spec=layout.to_json(), updated_at=utcnow()))
            else:
                row.spec, row.updated_at = layout.to_json(), utcnow()

    def names(self) -> list[str]:
        with self._db.session() as session:
            return list(session.scalars(select(SavedWallLayout.name).order_by(SavedWallLayout.name)))

    def load(self, name: str) -> WallLayout:
        with self._db.session() as session:
            row = session.scalars(select(SavedWallLayout).where(SavedWallLayout.name == name)).first()
            if row is None:
                raise KeyError(f"没有名为 {name} 的布局 (no saved layout named {name!r})")
            return WallLayout.from_json(row.name, row.spec)

    def delete(self, name: str) -> None:
        with self._db.session() as session:
            row = session.scalars(select(SavedWallLayout).where(SavedWallLayout.name == name)).first()
            if row is not None:
                session.delete(row)


def custom_layout(rows: int, cols: int, big_span: int = 1, name: str = "") -> WallLayout:
    """A rows x cols grid whose top-left tile may cover big_span x big_span cells (e.g. 3x4 with a 2x2)."""
    rows, cols = max(1, min(rows, 8)), max(1, min(cols, 8))
    big_span = max(1, min(big_span, rows, cols))
    cells = [Cell(0, 0, big_span, big_span)]
    cells += [Cell(r, c) for r in range(rows) for c in range(cols) if not (r < big_span and c < big_span)]
    return WallLayout(
        name or f"{rows}x{cols}" + (f"+{big_span}" if big_span > 1 else ""), rows, cols, tuple(cells)
    )
