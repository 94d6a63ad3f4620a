"""The one detailed community of the demo: 44 buildings, 1,958 households, ~4,500 residents.

Proportions follow what community offices report: about a quarter single-person households, a few
percent elderly living alone, party members among the adults, some tenants and registered-only homes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.demo.names import NameMaker
from app.models import (
    Building,
    Household,
    Meeting,
    PartyPairing,
    Person,
    ResidenceType,
    Resident,
    ResidentTag,
    Tag,
    Visit,
    VolunteerTeam,
    VolunteerTeamMember,
)
from app.privacy.roster_cipher import RosterCipher
from app.store.bulk import insert_returning_ids

HOUSEHOLDS = 1958
HOUSEHOLD_SIZES = ((1, 0.25), (2, 0.35), (3, 0.25), (4, 0.10), (5, 0.05))
RESIDENCE_TYPES = (
    (ResidenceType.PERMANENT, 0.75),
    (ResidenceType.TENANT, 0.20),
    (ResidenceType.REGISTERED_ONLY, 0.05),
)
BUILDING_SHAPES = ((6, 2, 2), (11, 2, 2), (18, 2, 2), (26, 2, 3))  # floors, units, flats per floor
HEALTH_NOTES = ("高血压", "糖尿病", "行动不便", "冠心病", "听力下降", "轻度认知障碍", "")
VOLUNTEER_TEAMS = (
    ("红袖标平安巡逻队", "夜间巡逻、平安守护"),
    ("银龄互助服务队", "独居老人探访、代买代办"),
    ("环境卫生志愿队", "楼道清理、垃圾分类督导"),
    ("法律咨询志愿队", "矛盾调解、法律援助"),
)
VISIT_NOTES = (
    "入户走访，家中情况正常。",
    "了解老人身体状况，血压偏高，已提醒按时服药。",
    "宣传反诈知识，发放宣传册。",
    "核实人口信息，已更新联系电话。",
    "反映楼道灯不亮，已记录并上报。",
    "走访租户，登记居住信息。",
    "节前慰问，送去米面油。",
)


@dataclass(frozen=True)
class BuildingSite:
    """A micro-grid that holds one building: its grid id, number and centre."""

    grid_id: int
    number: int
    lon: float
    lat: float


@dataclass
class CommunitySummary:
    building_ids: list[int] = field(default_factory=list)
    household_ids: list[int] = field(default_factory=list)
    elderly_alone_households: list[int] = field(default_factory=list)
    residents: int = 0


def _weighted(rng, options):
    roll, total = rng.random(), 0.0
    for value, weight in options:
        total += weight
        if roll < total:
            return value
    return options[-1][0]


def build_community(
    session: Session,
    compound_grid_id: int,
    compound_name: str,
    sites: list[BuildingSite],
    workers: list[int],
    names: NameMaker,
    today: date,
) -> CommunitySummary:
    """Write the detailed community; `workers` are the grid members who do its visits."""
    rng = names.rng
    summary = CommunitySummary()
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
    summary.building_ids = insert_returning_ids(session, Building, building_rows)

    flats = [
        (building_id, unit, f"{floor}{flat:02d}")
        for building_id, (floors, units, per_floor) in zip(summary.building_ids, shapes, strict=True)
        for unit in range(1, units + 1)
        for floor in range(1, floors + 1)
        for flat in range(1, per_floor + 1)
    ]
    occupied = sorted(rng.sample(range(len(flats)), HOUSEHOLDS))
    household_rows, people_of_household = [], []
    for index in occupied:
        building_id, unit, room = flats[index]
        members = _household_members(names, today)
        people_of_household.append(members)
        contact = members[0]
        household_rows.append(
            {
                "building_id": building_id,
                "unit": str(unit),
                "room": room,
                "residence_type": _weighted(rng, RESIDENCE_TYPES).value,
                "emergency_contact": names.name(rng.choice("男女"))
                + ("（子女）" if contact["age"] > 60 else "（亲属）"),
                "emergency_phone": names.mobile(),
            }
        )
    summary.household_ids = insert_returning_ids(session, Household, household_rows)

    cipher = RosterCipher.of_site(session)  # demo residents are sealed like real ones
    resident_rows, tags_of_resident = [], []
    for household_id, household, members in zip(
        summary.household_ids, household_rows, people_of_household, strict=True
    ):
        if len(members) == 1 and members[0]["age"] >= 70:
            summary.elderly_alone_households.append(household_id)
        for member in members:
            tags = _tags_for(rng, member, len(members), household["residence_type"])
            resident_rows.append(
                {k: v for k, v in member.items() if k not in ("age", "id_number", "health_note")}
                | {"household_id": household_id}
                | cipher.id_columns(member["id_number"])
                | cipher.health_columns(member["health_note"])
            )
            tags_of_resident.append(tags)
    resident_ids = insert_returning_ids(session, Resident, resident_rows)
    summary.residents = len(resident_ids)
    session.execute(
        insert(ResidentTag),
        [
            {"resident_id": rid, "tag": tag}
            for rid, tags in zip(resident_ids, tags_of_resident, strict=True)
            for tag in tags
        ],
    )

    party = [
        (rid, row)
        for rid, row, tags in zip(resident_ids, resident_rows, tags_of_resident, strict=True)
        if Tag.PARTY_MEMBER in tags
    ]
    _pair_party_members(session, rng, party, summary.household_ids)
    _volunteer_teams(session, rng, resident_ids, resident_rows, compound_grid_id)
    _visits(session, rng, summary, workers, today)
    _meetings(session, rng, compound_grid_id, compound_name, today)
    return summary


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


def _pair_party_members(
    session: Session, rng, party: list[tuple[int, dict]], household_ids: list[int]
) -> None:
    """联户党员: about one party member for every twenty households, each pairing a neighbourhood run."""
    pairers = party[: max(1, len(household_ids) // 20)]
    person_ids = insert_returning_ids(
        session,
        Person,
        [
            {
                "name": row["name"],
                "phone": row["phone"],
                "title": "联户党员",
                "party_member": True,
                "resident_id": rid,
            }
            for rid, row in pairers
        ],
    )
    if not person_ids:
        return
    run = -(-len(household_ids) // len(person_ids))
    session.execute(
        insert(PartyPairing),
        [{"person_id": person_ids[i // run], "household_id": hid} for i, hid in enumerate(household_ids)],
    )


def _volunteer_teams(
    session: Session, rng, resident_ids: list[int], resident_rows: list[dict], grid_id: int
) -> None:
    adults = [(rid, row) for rid, row in zip(resident_ids, resident_rows, strict=True) if row["phone"]]
    volunteers = rng.sample(adults, min(len(adults), 15 * len(VOLUNTEER_TEAMS)))
    person_ids = insert_returning_ids(
        session,
        Person,
        [
            {"name": row["name"], "phone": row["phone"], "title": "志愿者", "resident_id": rid}
            for rid, row in volunteers
        ],
    )
    team_ids = insert_returning_ids(
        session,
        VolunteerTeam,
        [{"name": name, "grid_id": grid_id, "purpose": purpose} for name, purpose in VOLUNTEER_TEAMS],
    )
    session.execute(
        insert(VolunteerTeamMember),
        [{"team_id": team_ids[i % len(team_ids)], "person_id": pid} for i, pid in enumerate(person_ids)],
    )


def _visits(session: Session, rng, summary: CommunitySummary, workers: list[int], today: date) -> None:
    """Home visits of the last 90 days: every household at least once, the elderly living alone weekly."""
    if not workers:
        return
    start = datetime.combine(today, datetime.min.time()) - timedelta(days=90)
    rows = []
    schedule = [(hid, 1) for hid in summary.household_ids] + [
        (hid, 12) for hid in summary.elderly_alone_households
    ]
    for household_id, count in schedule:
        for _ in range(count):
            at = start + timedelta(
                days=rng.randrange(90), hours=rng.randint(1, 10)
            )  # 09:00-18:00 Beijing time
            rows.append(
                {
                    "household_id": household_id,
                    "person_id": rng.choice(workers),
                    "at": at,
                    "note": rng.choice(VISIT_NOTES),
                }
            )
    session.execute(insert(Visit), rows)


def _meetings(session: Session, rng, grid_id: int, compound_name: str, today: date) -> None:
    topics = (
        "网格工作例会",
        "矛盾纠纷排查会",
        "安全隐患排查部署会",
        "党群议事会",
        "独居老人关爱工作推进会",
        "防汛工作部署会",
    )
    rows = []
    for month in range(12):
        at = datetime.combine(today, datetime.min.time()) - timedelta(
            days=30 * month + rng.randrange(5), hours=-2
        )
        rows.append(
            {
                "grid_id": grid_id,
                "at": at,
                "title": f"{compound_name}{topics[month % len(topics)]}",
                "attendees": "网格长、网格员、楼栋长、联户党员代表",
                "minutes": "通报本月工单办理情况，部署下阶段重点工作。",
            }
        )
    session.execute(insert(Meeting), rows)
