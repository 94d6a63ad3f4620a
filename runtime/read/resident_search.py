"""Resident search for the roster and the pickers: plain SQLAlchemy, run off the GUI thread.

Search terms (space separated, all must match): a name or address fragment; a phone number (dashes
allowed) or part of one; the last 4 characters of an ID number (matched on the masked form the row
keeps in clear), or a whole ID (matched on its keyed hash: the number itself is sealed at rest). Results come in
pages keyed on the resident id, so a district of 100,000s of residents never loads at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from alarms.addresses import household_address
from app.models import Building, Household, Resident, ResidentTag
from app.privacy.roster_cipher import RosterCipher
from app.privacy.site_secret import SiteSecretError
from app.roster.masking import mask_phone
from app.site_clock import clock_in

PAGE_SIZE = 200
_DIGITS = re.compile(r"^[\d\- ]+$")
_ID_TAIL = re.compile(r"^\d{3,17}[\dXx]$")
_UNIT_ROOM = re.compile(r"(?P<place>.*?)(?:(?P<unit>\d+)单元)?(?:(?P<room>\d+)室?)?")


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    tag: str | None = None  # only residents with this Tag value
    within: frozenset[int] | None = None  # a grid worker's subtree, set by the reader from the user


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


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


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


IdHash = Callable[[str], str | None]  # the keyed hash of a whole ID number (None: the seat cannot tell)


def _id_condition(text: str, id_hash: IdHash) -> ColumnElement[bool]:
    """A whole ID by its keyed hash; a shorter tail by the end of the masked form (4 characters)."""
    if len(text) == 18:
        hashed = id_hash(text)
        return Resident.id_hash == hashed if hashed else false()
    return Resident.id_masked.endswith(text[-4:], autoescape=True) if len(text) <= 4 else false()


def _term_condition(term: str, id_hash: IdHash) -> ColumnElement[bool]:
    if _DIGITS.match(term) and len(digits := re.sub(r"[\- ]", "", term)) >= 4:
        options = [Resident.phone.contains(digits, autoescape=True), _id_condition(digits, id_hash)]
        options.append(_address_matches(term))
        return or_(*options)
    if _ID_TAIL.match(term):  # an ID tail ending in the check character X
        return _id_condition(term.upper(), id_hash)
    return or_(Resident.name.contains(term, autoescape=True), _address_matches(term))


def _filtered(statement: Select, query: SearchQuery, id_hash: IdHash) -> Select:
    conditions = [_term_condition(term, id_hash) for term in query.text.split()]
    if query.tag:
        conditions.append(
            Resident.id.in_(select(ResidentTag.resident_id).where(ResidentTag.tag == query.tag))
        )
    if query.within is not None:
        conditions.append(Resident.household_id.in_(households_within(query.within)))
    return statement.where(and_(*conditions)) if conditions else statement


def _hasher(session: Session) -> IdHash:
    """The site's keyed hash, read once when a term is a whole ID; a seat without the site secret
    finds no one by a whole ID number (it still finds them by name, phone, address or tail)."""
    cipher: list[RosterCipher | None] = []

    def id_hash(number: str) -> str | None:
        if not cipher:
            try:
                cipher.append(RosterCipher.of_site(session))
            except SiteSecretError:
                cipher.append(None)
        return cipher[0].id_hash(number) if cipher[0] else None

    return id_hash


def households_within(grid_ids: frozenset[int]) -> Select:
    """The ids of the households whose building stands in one of these grids."""
    return (
        select(Household.id)
        .join(Building, Household.building_id == Building.id)
        .where(Building.grid_id.in_(grid_ids))
    )


def count_residents(session: Session, query: SearchQuery) -> int:
    return session.scalar(_filtered(select(func.count(Resident.id)), query, _hasher(session))) or 0


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
            Resident.id_masked,
            Resident.phone,
            Resident.relation,
            household_address().label("address"),
        )
        .join(Household, Resident.household_id == Household.id)
        .join(Building, Household.building_id == Building.id),
        query,
        _hasher(session),
    )
    statement = statement.where(Resident.id > after_id).order_by(Resident.id).limit(limit)
    rows = session.execute(statement).all()
    tags = tags_of(session, [row.id for row in rows])
    today = today or clock_in(session).today()  # ages as of the site's date
    return [
        ResidentRow(
            resident_id=row.id,
            household_id=row.household_id,
            name=row.name,
            sex=row.sex,
            age=age_on(row.birth_date, today),
            id_masked=row.id_masked or "",
            phone_masked=mask_phone(row.phone),
            address=row.address,
            relation=row.relation or "",
            tags=tags.get(row.id, ()),
        )
        for row in rows
    ]


def tags_of(session: Session, resident_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The tag values of each resident, sorted, in one query."""
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


def find_households(
    session: Session, text: str, limit: int = 50, within: frozenset[int] | None = None
) -> list[tuple[int, str]]:
    """Households whose address or residents' names contain `text`: (id, address), for binding sensors;
    only those whose building stands in the grids `within` (a grid worker's subtree) when given."""
    like = f"%{text.strip()}%"
    address = household_address().label("address")  # DISTINCT orders by what it selects (PostgreSQL)
    rows = session.execute(
        select(Household.id, address)
        .join(Building, Building.id == Household.building_id)
        .outerjoin(Resident, Resident.household_id == Household.id)
        .where((Building.address.like(like)) | (Resident.name.like(like)) | (Household.room.like(like)))
        .where(*(() if within is None else (Building.grid_id.in_(within),)))
        .distinct()
        .order_by(address)
        .limit(limit)
    ).all()
    return [(household_id, address) for household_id, address in rows]
