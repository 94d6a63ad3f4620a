"""The signed-in user's grid scope as the readers apply it: a grid worker reads their own subtree only,
whatever grid a view asks for. One place decides what "inside" means for a grid a view names."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import SiteContext
from app.models import Grid

Scope = frozenset[int] | None  # the ids of a grid worker's subtree; None: the whole site


def seat_scope(site: SiteContext) -> Scope:
    """The subtree the seat's user may read (None: the whole site, or nobody signed in: the local system)."""
    user = site.seat.user
    return user.grid_scope if user is not None else None


def within(column, scope: Scope) -> tuple:
    """The condition keeping rows whose grid `column` lies in `scope` (none for the whole site), to
    spread into `.where(...)`."""
    return () if scope is None else (column.in_(scope),)


def scoped_grid_id(site: SiteContext, grid_id: int | None) -> int | None:
    """The grid a read covers: the one asked for when the user may read it, else (the whole site, or a
    grid outside a grid worker's subtree) the grid worker's own grid."""
    user = site.seat.user
    if user is None or user.grid_scope is None or (grid_id is not None and grid_id in user.grid_scope):
        return grid_id
    return user.grid_id


def scoped_grid_code(site: SiteContext, session: Session, grid_code: str | None) -> str | None:
    """`scoped_grid_id` for readers that name grids by code."""
    user = site.seat.user
    if user is None or user.grid_scope is None:
        return grid_code
    asked = session.scalar(select(Grid.id).where(Grid.code == grid_code)) if grid_code else None
    granted = scoped_grid_id(site, asked)
    return session.scalar(select(Grid.code).where(Grid.id == granted))
