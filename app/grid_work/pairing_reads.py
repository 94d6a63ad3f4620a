"""Reading the pairings back: the pairing board of a grid (its households, unpaired first, the party
members who can take them and how evenly the households are shared), and the pairing list with its
history. Frozen rows, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.grid_work.scope import GridScope, grid_scope
from app.models import (
    Building,
    Duty,
    Grid,
    Household,
    PairingKind,
    PartyPairing,
    Person,
    Resident,
    ResidentTag,
    Tag,
)

# The residents whose households a board shows first among the unpaired: they need a member most.
CARE_TAGS = (Tag.ELDERLY_ALONE.value, Tag.DISABLED.value, Tag.LOW_INCOME.value)
TYPICAL_LOW, TYPICAL_HIGH = 10, 30  # households per party member, as offices usually share them


@dataclass(frozen=True)
class BoardHousehold:
    household_id: int
    address: str
    residents: int
    care: tuple[str, ...]  # CARE_TAGS values some resident carries
    member_id: int | None  # the party member who looks after it now
    pairing_id: int | None


@dataclass(frozen=True)
class BoardMember:
    person_id: int
    name: str
    households: int  # in this board's grid


@dataclass(frozen=True)
class Balance:
    households: int
    paired: int
    members: int
    fair_share: int  # households per member if shared evenly (rounded up); 0 without members
    members_needed: int  # at TYPICAL_HIGH households each
    over: tuple[str, ...]  # members with more than TYPICAL_HIGH
    under: tuple[str, ...]  # members with fewer than TYPICAL_LOW while households wait or others carry more

    @property
    def unpaired(self) -> int:
        return self.households - self.paired


@dataclass(frozen=True)
class PairingLine:
    pairing_id: int
    kind: str  # a PairingKind value
    person_id: int
    person: str
    target: str  # the household's address or the grid's name
    target_id: int  # household id or grid id
    started_at: datetime | None
    ended_at: datetime | None
    end_note: str


@dataclass(frozen=True)
class PairingBoard:
    grid: GridScope
    households: tuple[BoardHousehold, ...]  # unpaired first, those needing care first among them
    members: tuple[BoardMember, ...]
    backers: tuple[PairingLine, ...]  # the leaders and cadres backing this grid now
    balance: Balance


def _address():
    return Building.address + Household.unit + "单元" + Household.room + "室"


def pairing_board(session: Session, grid_code: str) -> PairingBoard:
    scope, grid_ids = grid_scope(session, grid_code)
    assert scope is not None and grid_ids is not None
    homes = session.execute(
        select(Household.id, _address())
        .join(Building, Building.id == Household.building_id)
        .where(Building.grid_id.in_(grid_ids))
        .order_by(Building.id, Household.unit, Household.room, Household.id)
    ).all()
    residents, care = _residents_and_care(session, grid_ids)
    paired = {
        household_id: (person_id, pairing_id)
        for pairing_id, person_id, household_id in session.execute(
            select(PartyPairing.id, PartyPairing.person_id, PartyPairing.household_id)
            .join(Household, Household.id == PartyPairing.household_id)
            .join(Building, Building.id == Household.building_id)
            .where(Building.grid_id.in_(grid_ids), PartyPairing.ended_at.is_(None))
        )
    }
    households = [
        BoardHousehold(
            h,
            address,
            residents.get(h, 0),
            tuple(t for t in CARE_TAGS if t in care.get(h, ())),
            *(paired.get(h) or (None, None)),
        )
        for h, address in homes
    ]
    households.sort(key=lambda h: (h.member_id is not None, not h.care))  # stable: address order kept
    members = _members(session, grid_ids, {p for p, _id in paired.values()}, households)
    backers = tuple(list_pairings(session, {scope.id}, kinds=(PairingKind.LEADER, PairingKind.CADRE)))
    return PairingBoard(scope, tuple(households), members, backers, balance_of(households, members))


def _in_scope(query, grid_ids: set[int]):
    return query.join(Building, Building.id == Household.building_id).where(Building.grid_id.in_(grid_ids))


def _residents_and_care(session: Session, grid_ids: set[int]) -> tuple[dict[int, int], dict[int, set[str]]]:
    """Residents per household, and the CARE_TAGS its residents carry."""
    counts = dict(
        session.execute(
            _in_scope(
                select(Resident.household_id, func.count()).join(
                    Household, Household.id == Resident.household_id
                ),
                grid_ids,
            ).group_by(Resident.household_id)
        ).all()
    )
    care: dict[int, set[str]] = {}
    for household_id, tag in session.execute(
        _in_scope(
            select(Resident.household_id, ResidentTag.tag)
            .join(ResidentTag, ResidentTag.resident_id == Resident.id)
            .join(Household, Household.id == Resident.household_id),
            grid_ids,
        ).where(ResidentTag.tag.in_(CARE_TAGS))
    ):
        care.setdefault(household_id, set()).add(tag)
    return counts, care


def _members(
    session: Session, grid_ids: set[int], pairing: set[int], households: list[BoardHousehold]
) -> tuple[BoardMember, ...]:
    """Who can take this grid's households: the party members pairing some now, those living in it and
    those on duty in it; the busiest last, so the member with room comes first."""
    living = _in_scope(
        select(Person.id)
        .join(Resident, Resident.id == Person.resident_id)
        .join(Household, Household.id == Resident.household_id),
        grid_ids,
    ).where(Person.party_member.is_(True))
    on_duty = (
        select(Duty.person_id)
        .join(Person, Person.id == Duty.person_id)
        .where(Duty.grid_id.in_(grid_ids), Person.party_member.is_(True))
    )
    ids = pairing | set(session.scalars(living)) | set(session.scalars(on_duty))
    names = (
        dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all()) if ids else {}
    )
    counts: dict[int, int] = {}
    for household in households:
        if household.member_id is not None:
            counts[household.member_id] = counts.get(household.member_id, 0) + 1
    members = [BoardMember(pid, names.get(pid, str(pid)), counts.get(pid, 0)) for pid in ids]
    return tuple(sorted(members, key=lambda m: (m.households, m.name, m.person_id)))


def balance_of(
    households: list[BoardHousehold] | tuple[BoardHousehold, ...], members: tuple[BoardMember, ...]
) -> Balance:
    """How evenly the households are shared: a fair share each, who carries more than an office
    usually asks (TYPICAL_HIGH) and who fewer than TYPICAL_LOW while others carry more or some wait."""
    total = len(households)
    paired = sum(1 for h in households if h.member_id is not None)
    fair = -(-total // len(members)) if members else 0
    busiest = max((m.households for m in members), default=0)
    waiting = total > paired
    over = tuple(m.name for m in members if m.households > TYPICAL_HIGH)
    under = tuple(
        m.name
        for m in members
        if m.households < min(TYPICAL_LOW, fair) and (waiting or busiest > m.households + 1)
    )
    return Balance(total, paired, len(members), fair, -(-total // TYPICAL_HIGH), over, under)


def list_pairings(
    session: Session,
    grid_ids: set[int] | None,
    kinds: tuple[PairingKind, ...] = tuple(PairingKind),
    *,
    include_ended: bool = False,
    limit: int = 5000,
) -> list[PairingLine]:
    """The pairings of a grid subtree (None: the whole site): households by their building's grid,
    leaders and cadres by their grid; current ones, or with `include_ended` the history too."""
    target = func.coalesce(_address(), Grid.name)
    query = (
        select(PartyPairing, Person.name, target)
        .join(Person, Person.id == PartyPairing.person_id)
        .outerjoin(Household, Household.id == PartyPairing.household_id)
        .outerjoin(Building, Building.id == Household.building_id)
        .outerjoin(Grid, Grid.id == PartyPairing.grid_id)
        .where(PartyPairing.kind.in_([k.value for k in kinds]))
        .order_by(PartyPairing.kind, Person.name, PartyPairing.id)
        .limit(limit)
    )
    if grid_ids is not None:
        query = query.where(or_(Building.grid_id.in_(grid_ids), PartyPairing.grid_id.in_(grid_ids)))
    if not include_ended:
        query = query.where(PartyPairing.ended_at.is_(None))
    return [
        PairingLine(
            p.id,
            p.kind,
            p.person_id,
            name,
            target or "",
            p.household_id if p.household_id is not None else p.grid_id,
            p.started_at,
            p.ended_at,
            p.end_note or "",
        )
        for p, name, target in session.execute(query)
    ]
