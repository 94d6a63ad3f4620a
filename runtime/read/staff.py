"""The staff an account can belong to (设置 → 用户: 对应人员), each named so that two people of the same
name can be told apart: by their title, else the grid they serve."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.context import SiteContext
from app.models import Duty, Grid, Person


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str
    detail: str  # title, else the (first) grid of their duties; "" when neither

    @property
    def label(self) -> str:
        return f"{self.name}（{self.detail}）" if self.detail else self.name


def staff_choices(site: SiteContext) -> list[StaffChoice]:
    """Every member of staff by name, with what tells namesakes apart."""
    first_grid = (
        select(func.min(Grid.name))
        .join(Duty, Duty.grid_id == Grid.id)
        .where(Duty.person_id == Person.id)
        .scalar_subquery()
    )
    with site.db.session() as session:
        rows = session.execute(
            select(Person.id, Person.name, Person.title, first_grid).order_by(Person.name, Person.id)
        ).all()
    return [StaffChoice(pid, name, title or grid or "") for pid, name, title, grid in rows]
