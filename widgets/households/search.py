"""Resident search and household cards for the browser: plain SQLAlchemy, no Qt, run off the GUI thread.

Search terms (space separated, all must match): a name or address fragment; a phone number (dashes
allowed) or part of one; the last 4+ characters of an ID number (or a whole ID). Results come in
pages keyed on the resident id, so a district of 100,000s of residents never loads at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from app.audit import record
from app.config import Seat
from app.models import (
    Building,
    Duty,
    DutyRole,
    Grid,
    Household,
    PartyPairing,
    Person,
    ResidenceType,
    Resident,
    ResidentTag,
    Visit,
)
from app.roster.masking import mask_id, mask_phone

PAGE_SIZE = 200
_DIGITS = re.compile(r"^[\d\- ]+$")
_ID_TAIL = re.compile(r"^\d{3,17}[\dXx]$")
_UNIT_ROOM = re.compile(r"(?P<place>.*?)(?:(?P<unit>\d+)单元)?(?:(?P<room>\d+)室?)?")


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    tag: str | None = None  # only residents with this Tag value


@dataclass(frozen=True)
class ResidentRow:
    """One line of the results list; ID number and phone are already masked."""

    resident_id: int
    household_id: int
    name: str
    sex: str
    age: int | None
    id_masked: str
    phone_masked: str
    address: str
    relation: str
    tags: tuple[str, ...]


def household_address():
    """The SQL expression of a household's full address, as Household.address builds it in Python."""
    return Building.address + Household.unit + "单元" + Household.room + "室"


def _address_matches(term: str) -> ColumnElement[bool]:
    """Residents of households whose address contains `term`.

    Matched on the building's address (a few hundred rows), plus unit and room when the term names them
    ("3号楼1单元202室", "1单元202", "202"), rather than building the full address string for every
    household: that costs ~100 ms per search at district scale.
    """
    in_buildings = select(Building.id).where(Building.address.contains(term, autoescape=True))
    options = [Household.building_id.in_(in_buildings)]
    parts = _UNIT_ROOM.fullmatch(term)
    if parts and (parts["unit"] or parts["room"]):
        conditions = []
        if parts["place"]:
            place = select(Building.id).where(Building.address.contains(parts["place"], autoescape=True))
            conditions.append(Household.building_id.in_(place))
        if parts["unit"]:
            conditions.append(Household.unit == parts["unit"])
        if parts["room"]:
            conditions.append(Household.room == parts["room"])
        options.append(and_(*conditions))
    return Resident.household_id.in_(select(Household.id).where(or_(*options)))


def _term_condition(term: str) -> ColumnElement[bool]:
    if _DIGITS.match(term) and len(digits := re.sub(r"[\- ]", "", term)) >= 4:
        options = [Resident.phone.contains(digits, autoescape=True)]
        if len(digits) == 18:
            options.append(Resident.id_number == digits)
        else:
            options.append(Resident.id_number.endswith(digits, autoescape=True))
        options.append(_address_matches(term))
        return or_(*options)
    if _ID_TAIL.match(term):  # an ID tail ending in the check character X
        upper = term.upper()
        return (
            Resident.id_number == upper
            if len(upper) == 18
            else Resident.id_number.endswith(upper, autoescape=True)
        )
    return or_(Resident.name.contains(term, autoescape=True), _address_matches(term))


def _filtered(statement: Select, query: SearchQuery) -> Select:
    conditions = [_term_condition(term) for term in query.text.split()]
    if query.tag:
        conditions.append(
            Resident.id.in_(select(ResidentTag.resident_id).where(ResidentTag.tag == query.tag))
        )
    return statement.where(and_(*conditions)) if conditions else statement


def count_residents(session: Session, query: SearchQuery) -> int:
    return session.scalar(_filtered(select(func.count(Resident.id)), query)) or 0


def search_residents(
    session: Session, query: SearchQuery, after_id: int = 0, limit: int = PAGE_SIZE, today: date | None = None
) -> list[ResidentRow]:
    """One page of matching residents with id > after_id, in id order."""
    statement = _filtered(
        select(
            Resident.id,
            Resident.household_id,
            Resident.name,
            Resident.sex,
            Resident.birth_date,
            Resident.id_number,
            Resident.phone,
            Resident.relation,
            household_address().label("address"),
        )
        .join(Household, Resident.household_id == Household.id)
        .join(Building, Household.building_id == Building.id),
        query,
    )
    statement = statement.where(Resident.id > after_id).order_by(Resident.id).limit(limit)
    rows = session.execute(statement).all()
    tags = _tags_of(session, [row.id for row in rows])
    today = today or date.today()
    return [
        ResidentRow(
            resident_id=row.id,
            household_id=row.household_id,
            name=row.name,
            sex=row.sex,
            age=age_on(row.birth_date, today),
            id_masked=mask_id(row.id_number),
            phone_masked=mask_phone(row.phone),
            address=row.address,
            relation=row.relation or "",
            tags=tags.get(row.id, ()),
        )
        for row in rows
    ]


def _tags_of(session: Session, resident_ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not resident_ids:
        return {}
    found: dict[int, list[str]] = {}
    statement = (
        select(ResidentTag.resident_id, ResidentTag.tag)
        .where(ResidentTag.resident_id.in_(resident_ids))
        .order_by(ResidentTag.resident_id, ResidentTag.tag)
    )
    for resident_id, tag in session.execute(statement):
        found.setdefault(resident_id, []).append(tag)
    return {key: tuple(value) for key, value in found.items()}


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


# ---- the household card -------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    name: str
    sex: str
    age: int | None
    relation: str
    id_text: str  # masked unless the card was revealed
    phone_text: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    """A member of staff as the card shows them: name, role or title, and a work phone."""

    name: str
    role: str
    phone: str


@dataclass(frozen=True)
class GridLink:
    level: int
    name: str
    code: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class VisitLine:
    at: datetime
    visitor: str
    note: str


@dataclass(frozen=True)
class HouseholdCardData:
    household_id: int
    address: str
    building: str
    residence_type: str  # ResidenceType value
    emergency_contact: str
    emergency_phone: str
    note: str
    members: tuple[Member, ...]
    pairings: tuple[Contact, ...]
    chain: tuple[GridLink, ...]  # level 1 first, the micro-grid last
    visits: tuple[VisitLine, ...]
    revealed: bool = False  # ID numbers and phones in full (the caller has audited it)

    @property
    def residence_type_zh(self) -> str:
        try:
            return ResidenceType(self.residence_type).zh
        except ValueError:
            return self.residence_type


RECENT_VISITS = 5
# Whose phone the card lists at each level: the leader everywhere, the county-level leader who backs
# the street, the community police officer, and the grid workers of the compound and the micro-grid.
CHAIN_ROLES = {
    1: (DutyRole.LEADER, DutyRole.COUNTY_LEADER),
    2: (DutyRole.LEADER, DutyRole.POLICE),
    3: (DutyRole.LEADER, DutyRole.MEMBER),
    4: (DutyRole.LEADER, DutyRole.MEMBER),
}
_ROLE_ORDER = [DutyRole.LEADER, DutyRole.COUNTY_LEADER, DutyRole.POLICE, DutyRole.MEMBER]


def load_household_card(
    session: Session, household_id: int, today: date | None = None, reveal: bool = False
) -> HouseholdCardData | None:
    """The card of one household; ID numbers and phones masked unless `reveal` (audit that first)."""
    household = session.get(Household, household_id)
    if household is None:
        return None
    today = today or date.today()
    residents = session.scalars(
        select(Resident).where(Resident.household_id == household_id).order_by(Resident.id)
    ).all()
    members = tuple(
        Member(
            name=r.name,
            sex=r.sex,
            age=age_on(r.birth_date, today),
            relation=r.relation or "",
            id_text=(r.id_number or "") if reveal else mask_id(r.id_number),
            phone_text=(r.phone or "") if reveal else mask_phone(r.phone),
            tags=tuple(sorted(r.tag_names)),
        )
        for r in residents
    )
    pairings = tuple(
        Contact(person.name, person.title or "联户党员", person.phone or "")
        for person in session.scalars(
            select(Person)
            .join(PartyPairing, PartyPairing.person_id == Person.id)
            .where(PartyPairing.household_id == household_id)
            .order_by(Person.id)
        )
    )
    visits = tuple(
        VisitLine(at, visitor or "", note or "")
        for at, visitor, note in session.execute(
            select(Visit.at, Person.name, Visit.note)
            .outerjoin(Person, Visit.person_id == Person.id)
            .where(Visit.household_id == household_id)
            .order_by(Visit.at.desc())
            .limit(RECENT_VISITS)
        )
    )
    building = household.building
    return HouseholdCardData(
        household_id=household.id,
        address=household.address,
        building=building.name,
        residence_type=household.residence_type,
        emergency_contact=household.emergency_contact or "",
        emergency_phone=household.emergency_phone or "",
        note=household.note or "",
        members=members,
        pairings=pairings,
        chain=grid_chain(session, building.grid_id),
        visits=visits,
        revealed=reveal,
    )


def reveal_household(session: Session, seat: Seat, household_id: int) -> HouseholdCardData | None:
    """The card with full ID numbers and phones, recorded in the audit log in the same transaction."""
    card = load_household_card(session, household_id, reveal=True)
    if card is not None:
        record(
            session, seat, "reveal_personal_data", "household", household_id, fields=["id_number", "phone"]
        )
    return card


def grid_chain(session: Session, grid_id: int | None) -> tuple[GridLink, ...]:
    """The grid and its ancestors, level 1 first, each with the staff to call."""
    grids: list[Grid] = []
    seen: set[int] = set()
    while grid_id is not None and grid_id not in seen:
        seen.add(grid_id)
        grid = session.get(Grid, grid_id)
        if grid is None:
            break
        grids.append(grid)
        grid_id = grid.parent_id
    grids.reverse()
    if not grids:
        return ()
    duties = session.execute(
        select(Duty.grid_id, Duty.role, Person.name, Person.phone)
        .join(Person, Duty.person_id == Person.id)
        .where(Duty.grid_id.in_([g.id for g in grids]))
        .order_by(Duty.id)
    ).all()
    chain = []
    for grid in grids:
        wanted = CHAIN_ROLES.get(grid.level, (DutyRole.LEADER,))
        ranked = sorted(
            (
                (_ROLE_ORDER.index(DutyRole(role)), Contact(name, DutyRole(role).zh, phone or ""))
                for duty_grid, role, name, phone in duties
                if duty_grid == grid.id and role in wanted
            ),
            key=lambda pair: pair[0],
        )
        chain.append(GridLink(grid.level, grid.name, grid.code, tuple(contact for _, contact in ranked)))
    return tuple(chain)
