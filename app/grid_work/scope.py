"""Which grids a figure or a list covers: a grid and every grid below it, read from the ids and parents
alone (no outlines), so a whole site's scope costs one small query."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.grid_work.errors import WorkError
from app.models import Grid


@dataclass(frozen=True)
class GridScope:
    id: int
    code: str
    name: str
    level: int


def grid_scope(session: Session, grid_code: str | None) -> tuple[GridScope | None, set[int] | None]:
    """The grid `grid_code` names and the ids of its subtree; (None, None) for the whole site."""
    if grid_code is None:
        return None, None
    rows = session.execute(select(Grid.id, Grid.code, Grid.name, Grid.level, Grid.parent_id)).all()
    root = next((r for r in rows if r.code == grid_code), None)
    if root is None:
        raise WorkError(f"网格 {grid_code} 不存在 no grid with code {grid_code!r}")
    children: dict[int | None, list[int]] = defaultdict(list)
    for row in rows:
        children[row.parent_id].append(row.id)
    found, waiting = set(), [root.id]
    while waiting:
        grid_id = waiting.pop()
        if grid_id not in found:  # a cycle in a hand-edited tree must not loop forever
            found.add(grid_id)
            waiting.extend(children[grid_id])
    return GridScope(root.id, root.code, root.name, root.level), found
