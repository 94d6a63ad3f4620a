"""What opening a ticket would do, said before it is done: the category and its time limit, the grid
and handler it would be dispatched to, or the open ticket it would join.

The alarm popup's 派单 shows this and asks before it creates anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.tickets.desk import TicketDesk
from app.tickets.intake import DispatchPreview, Intake, find_duplicates, preview_dispatch, resolve_place
from app.tickets.states import LEVEL_ZH


@dataclass(frozen=True)
class TicketPreview:
    category_code: str
    category_path: str  # 分组/名称
    limit_zh: str  # the limit at the level it is dispatched to, e.g. "2个工作日"
    natural_clock: bool  # round the clock (emergencies), not working time
    dispatch: DispatchPreview
    joins_ticket: int | None  # an open ticket of the same category at the place: the report joins it

    @property
    def level_zh(self) -> str:
        level = self.dispatch.level
        return LEVEL_ZH.get(level, "") if level is not None else ""


def preview_ticket(desk: TicketDesk, intake: Intake) -> TicketPreview:
    """The ticket `desk.open(intake)` would create (or join); nothing is written."""
    with desk.db.session() as session:
        category = desk.book(session)[intake.category]
        grids, leaders = desk.directory(session)
        place = resolve_place(session, intake, desk.locate)
        dispatch = preview_dispatch(place, grids, leaders)
        duplicates = find_duplicates(session, category.code, place, grids.chain(place.grid_id))
    level = dispatch.level if dispatch.level is not None else 3
    return TicketPreview(
        category.code,
        category.path,
        category.limit(level).zh,
        category.natural_clock,
        dispatch,
        int(duplicates[0]["id"]) if duplicates else None,
    )
