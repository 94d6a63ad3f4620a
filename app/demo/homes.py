"""Homes for the demo: buildings on their micro-grids, households in their flats and the residents
who live there, in the proportions community offices report (about a quarter single-person households,
a few percent elderly living alone, party members among the adults, some tenants and registered-only
homes). The detailed community and the sample compounds of the other streets are written alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.demo.names import NameMaker
from app.models import Building, Household, ResidenceType, Resident, ResidentTag, Tag
from app.privacy.roster_cipher import RosterCipher
from app.store.bulk import insert_returning_ids

HOUSEHOLD_SIZES = ((1, 0.25), (2, 0.35), (3, 0.25), (4, 0.10), (5, 0.05))
RESIDENCE_TYPES = (
    (ResidenceType.PERMANENT, 0.75),
    (ResidenceType.TENANT, 0.20),
    (ResidenceType.REGISTERED_ONLY, 0.05),
)
BUILDING_SHAPES = ((6, 2, 2), (11, 2, 2), (18, 2, 2), (26, 2, 3))  # floors, units, flats per floor
HEALTH_NOTES = ("高血压", "糖尿病", "行动不便", "冠心病", "听力下降", "轻度认知障碍", "")


@dataclass(frozen=True)
class BuildingSite:
    """A micro-grid that holds one building: its grid id, number and centre."""

    grid_id: int
    number: int
    lon: float
    lat: float


@dataclass
class Homes:
    """What `write_homes` wrote: ids, and the residents' rows and tags the community's extras need."""

    building_ids: list[int] = field(default_factory=list)
    household_ids: list[int] = field(default_factory=list)
    elderly_alone_households: list[int] = field(default_factory=list)
    resident_ids: list[int] = field(default_factory=list)
    resident_rows: list[dict] = field(default_factory=list)
    tags_of_resident: list[list[str]] = field(default_factory=list)

    @property
    def residents(self) -> int:
        return len(self.resident_ids)


def write_homes(
    session: Session,
    compound_name: str,
    sites: list[BuildingSite],
    households: int,
    names: NameMaker,
    today: date,
) -> Homes:
    """One building per site, `households` of their flats occupied, and everyone living there."""
    rng = names.rng
    homes = Homes()
    shapes = [
        BUILDING_SHAPES[rng.randrange(len(BUILDING_SHAPES) - (1 if n % 3 else 0))] for n in range(len(sites))
    ]
    building_rows = [
        {
            "grid_id": site.grid_id,
            "name": f"{site.number}号楼",
            "address": f"{compound_name}{site.number}号楼",
            "lon": site.lon,
            "lat": site.lat,
            "floors": floors,
            "units": units,
        }
        for site, (floors, units, _flats) in zip(sites, shapes, strict=True)
    ]
    homes.building_ids = insert_returning_ids(session, Building, building_rows)
    flats = [
        (building_id, unit, f"{floor}{flat:02d}")
        for building_id, (floors, units, per_floor) in zip(homes.building_ids, shapes, strict=True)
        for unit in range(1, units + 1)
        for floor in range(1, floors + 1)
        for flat in range(1, per_floor + 1)
    ]
    household_rows, people_of_household = [], []
    for index in sorted(rng.sample(range(len(flats)), households)):
        building_id, unit, room = flats[index]
        members = _household_members(names, today)
        people_of_household.append(members)
        household_rows.append(_household_row(names, building_id, unit, room, members[0]["age"]))
    homes.household_ids = insert_returning_ids(session, Household, household_rows)
    _write_residents(session, rng, homes, household_rows, people_of_household)
    return homes


def _household_row(names: NameMaker, building_id: int, unit: int, room: str, head_age: int) -> dict:
    rng = names.rng
    return {
        "building_id": building_id,
        "unit": str(unit),
        "room": room,
        "residence_type": _weighted(rng, RESIDENCE_TYPES).value,
        "emergency_contact": names.name(rng.choice("男女")) + ("（子女）" if head_age > 60 else "（亲属）"),
        "emergency_phone": names.mobile(),
    }


def _write_residents(
    session: Session, rng, homes: Homes, household_rows: list[dict], people_of_household: list[list[dict]]
) -> None:
    cipher = RosterCipher.of_site(session)  # demo residents are sealed like real ones
    for household_id, household, members in zip(
        homes.household_ids, household_rows, people_of_household, strict=True
    ):
        if len(members) == 1 and members[0]["age"] >= 70:
            homes.elderly_alone_households.append(household_id)
        for member in members:
            homes.tags_of_resident.append(_tags_for(rng, member, len(members), household["residence_type"]))
            homes.resident_rows.append(
                {k: v for k, v in member.items() if k not in ("age", "id_number", "health_note")}
                | {"household_id": household_id}
                | cipher.id_columns(member["id_number"])
                | cipher.health_columns(member["health_note"])
            )
    homes.resident_ids = insert_returning_ids(session, Resident, homes.resident_rows)
    session.execute(
        insert(ResidentTag),
        [
            {"resident_id": rid, "tag": tag}
            for rid, tags in zip(homes.resident_ids, homes.tags_of_resident, strict=True)
            for tag in tags
        ],
    )


def _weighted(rng, options):
    roll, total = rng.random(), 0.0
    for value, weight in options:
        total += weight
        if roll < total:
            return value
    return options[-1][0]


def _household_members(names: NameMaker, today: date) -> list[dict]:
    rng = names.rng
    size = _weighted(rng, HOUSEHOLD_SIZES)
    head_sex = rng.choice("男女")
    if size == 1:  # about one single-person home in five is an elderly person living alone
        head_age = rng.randint(70, 92) if rng.random() < 0.2 else rng.randint(22, 69)
    else:
        head_age = rng.randint(24, 85)
    surname = names.name(head_sex)[0]
    members = [_person(names, today, head_sex, head_age, "户主", surname=None)]
    if size >= 2:
        spouse_sex = "女" if head_sex == "男" else "男"
        members.append(
            _person(names, today, spouse_sex, max(20, head_age + rng.randint(-4, 4)), "配偶", surname=None)
        )
    for _ in range(size - 2):
        child_age = max(0, head_age - rng.randint(22, 34))
        members.append(_person(names, today, rng.choice("男女"), child_age, "子女", surname=surname))
    return members


def _person(names: NameMaker, today: date, sex: str, age: int, relation: str, surname: str | None) -> dict:
    rng = names.rng
    birth = names.birth_date(today, age, age)
    return {
        "name": names.name_with_surname(surname, sex) if surname else names.name(sex),
        "sex": sex,
        "id_number": names.id_number(birth, sex),
        "phone": names.mobile() if age >= 14 else None,
        "birth_date": birth,
        "relation": relation,
        "health_note": (rng.choice(HEALTH_NOTES) or None) if age >= 65 else None,
        "age": age,
    }


def _tags_for(rng, member: dict, household_size: int, residence_type: str) -> list[str]:
    age = member["age"]
    tags = []
    if age < 18:
        tags.append(Tag.MINOR)
    if household_size == 1 and age >= 70:
        tags.append(Tag.ELDERLY_ALONE)
    if age >= 18 and rng.random() < 0.09:
        tags.append(Tag.PARTY_MEMBER)
    if rng.random() < 0.02:
        tags.append(Tag.DISABLED)
    if member["relation"] == "户主" and rng.random() < 0.03:
        tags.append(Tag.LOW_INCOME)
    if member["sex"] == "男" and age >= 35 and rng.random() < 0.03:
        tags.append(Tag.VETERAN)
    if age >= 18 and rng.random() < 0.004:
        tags.append(Tag.KEY_PERSON)
    if residence_type == ResidenceType.TENANT:
        tags.append(Tag.FLOATING)
    return [str(t) for t in tags]
