"""Grid workers for the demo district: leaders at every level, members, county leaders, supervisors."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.demo.names import NameMaker
from app.models import Duty, DutyRole, Person
from app.store.bulk import insert_returning_ids

# A few level-3 posts stay vacant, as in any real district, so dispatch falls back to the parent grid.
VACANT_LEADER_SHARE = 0.02
TITLES = {1: "街道网格长", 2: "社区网格长", 3: "网格长"}


@dataclass(frozen=True)
class GridRef:
    id: int
    code: str
    level: int


def build_staff(session: Session, grids: list[GridRef], names: NameMaker) -> dict[int, list[int]]:
    """Create people with duties; returns grid id -> ids of the people on duty there."""
    rng = names.rng
    people: list[dict] = []
    duties: list[tuple[int, str]] = []  # (grid id, role), parallel to people

    def hire(grid: GridRef, role: DutyRole, title: str, party_share: float) -> None:
        sex = rng.choice("男女")
        people.append(
            {
                "name": names.name(sex),
                "phone": names.mobile(),
                "title": title,
                "party_member": rng.random() < party_share,
            }
        )
        duties.append((grid.id, role.value))

    for grid in grids:
        if grid.level == 4:
            continue
        if grid.level == 1:
            hire(grid, DutyRole.COUNTY_LEADER, "区级包联领导", 1.0)
            hire(grid, DutyRole.LEADER, TITLES[1], 0.9)
            hire(grid, DutyRole.SUPERVISOR, "指挥中心值班长", 0.6)
        elif grid.level == 2:
            hire(grid, DutyRole.LEADER, TITLES[2], 0.8)
            hire(grid, DutyRole.MEMBER, "专职网格员", 0.4)
            hire(grid, DutyRole.POLICE, "社区民警", 0.7)
        else:
            if rng.random() >= VACANT_LEADER_SHARE:
                hire(grid, DutyRole.LEADER, TITLES[3], 0.5)
            hire(grid, DutyRole.MEMBER, "专职网格员", 0.3)

    ids = insert_returning_ids(session, Person, people)
    session.execute(
        insert(Duty),
        [
            {"person_id": pid, "grid_id": gid, "role": role}
            for pid, (gid, role) in zip(ids, duties, strict=True)
        ],
    )
    on_duty: dict[int, list[int]] = {}
    for pid, (gid, _role) in zip(ids, duties, strict=True):
        on_duty.setdefault(gid, []).append(pid)
    return on_duty
