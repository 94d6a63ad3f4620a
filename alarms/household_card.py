"""Everything an operator needs about a household to act on its alarm, read in one go from the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from alarms.grid_chain import ChainLink, Contact, grid_chain
from app.grid_tree import GridTree
from app.models import (
    Building,
    Duty,
    DutyRole,
    Household,
    PartyPairing,
    Person,
    Resident,
    VolunteerTeam,
    VolunteerTeamMember,
)
from app.models.residents import TAG_ZH

MAX_VOLUNTEERS = 4


@dataclass(frozen=True)
class ResidentLine:
    name: str
    sex: str
    age: int | None
    relation: str | None
    phone: str | None
    health_note: str | None
    tags: tuple[str, ...]  # Chinese tag names, e.g. 独居老人

    @property
    def is_elderly(self) -> bool:
        return self.age is not None and self.age >= 60


@dataclass(frozen=True)
class HouseholdCard:
    household_id: int
    address: str
    lon: float
    lat: float
    residents: tuple[ResidentLine, ...]
    emergency_contact: str | None
    emergency_phone: str | None
    party_members: tuple[Contact, ...]
    volunteers: tuple[Contact, ...]
    chain: tuple[ChainLink, ...] = field(default=())
    note: str | None = None


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def load_household_card(
    session: Session, household_id: int, today: date | None = None, tree: GridTree | None = None
) -> HouseholdCard | None:
    """The card for one household, or None when it no longer exists (`tree` saves the chain's queries)."""
    today = today or date.today()
    household = session.execute(
        select(Household)
        .where(Household.id == household_id)
        .options(
            selectinload(Household.residents).selectinload(Resident.tags), joinedload(Household.building)
        )
    ).scalar_one_or_none()
    if household is None:
        return None
    building: Building = household.building
    residents = sorted(household.residents, key=lambda r: (r.relation != "户主", r.id))
    lines = tuple(
        ResidentLine(
            r.name,
            r.sex,
            age_on(r.birth_date, today),
            r.relation,
            r.phone,
            r.health_note,
            tuple(TAG_ZH.get(t, t) for t in r.tag_names),
        )
        for r in residents
    )
    party = session.execute(
        select(Person.name, Person.phone)
        .join(PartyPairing, PartyPairing.person_id == Person.id)
        .where(PartyPairing.household_id == household_id)
        .order_by(Person.name)
    ).all()
    chain = grid_chain(session, building.grid_id, tree)
    return HouseholdCard(
        household_id=household.id,
        address=household.address,
        lon=building.lon,
        lat=building.lat,
        residents=lines,
        emergency_contact=household.emergency_contact,
        emergency_phone=household.emergency_phone,
        party_members=tuple(Contact(n, p, "party") for n, p in party),
        volunteers=tuple(_volunteers(session, [link.grid_id for link in chain], tree)),
        chain=tuple(chain),
        note=household.note,
    )


def _volunteers(session: Session, grid_ids: list[int], tree: GridTree | None = None) -> list[Contact]:
    """Volunteers closest to the household first: duties on its grids, then members of teams there."""
    if not grid_ids:
        return []
    if tree is not None:
        on_duty = [d for gid in grid_ids if gid in tree for d in tree.duties(gid, (DutyRole.VOLUNTEER,))]
    else:
        on_duty = session.execute(
            select(Duty.grid_id, Person.name, Person.phone)
            .join(Person, Person.id == Duty.person_id)
            .where(Duty.role == DutyRole.VOLUNTEER, Duty.grid_id.in_(grid_ids))
        ).all()
    in_teams = session.execute(
        select(VolunteerTeam.grid_id, Person.name, Person.phone)
        .join(VolunteerTeamMember, VolunteerTeamMember.team_id == VolunteerTeam.id)
        .join(Person, Person.id == VolunteerTeamMember.person_id)
        .where(VolunteerTeam.grid_id.in_(grid_ids))
    ).all()
    nearness = {gid: i for i, gid in enumerate(grid_ids)}
    ranked = sorted([*on_duty, *in_teams], key=lambda r: (nearness[r.grid_id], r.name))
    unique = list(dict.fromkeys((r.name, r.phone) for r in ranked))[:MAX_VOLUNTEERS]
    return [Contact(name, phone, DutyRole.VOLUNTEER) for name, phone in unique]


def household_addresses(session: Session, household_ids: set[int]) -> dict[int, str]:
    """Addresses of many households in one query (for lists of alarms)."""
    if not household_ids:
        return {}
    rows = session.execute(
        select(Household.id, Building.address, Household.unit, Household.room)
        .join(Building, Building.id == Household.building_id)
        .where(Household.id.in_(household_ids))
    ).all()
    return {hid: f"{address}{unit}单元{room}室" for hid, address, unit, room in rows}


def search_households(session: Session, text: str, limit: int = 50) -> list[tuple[int, str]]:
    """Households whose address or residents' names contain `text`: (id, address), for binding sensors."""
    like = f"%{text.strip()}%"
    rows = session.execute(
        select(Household.id, Building.address, Household.unit, Household.room)
        .join(Building, Building.id == Household.building_id)
        .outerjoin(Resident, Resident.household_id == Household.id)
        .where((Building.address.like(like)) | (Resident.name.like(like)) | (Household.room.like(like)))
        .distinct()
        .order_by(Building.address, Household.unit, Household.room)
        .limit(limit)
    ).all()
    return [(hid, f"{address}{unit}单元{room}室") for hid, address, unit, room in rows]
