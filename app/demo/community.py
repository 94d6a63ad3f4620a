"""The one detailed community of the demo: 44 buildings, 1,958 households, ~4,500 residents, and
what a community office keeps besides its homes: party members pairing households, volunteer teams,
home visits, meetings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.demo.homes import BuildingSite, Homes, write_homes
from app.demo.names import NameMaker
from app.models import Meeting, PartyPairing, Person, Tag, Visit, VolunteerTeam, VolunteerTeamMember
from app.store.bulk import insert_returning_ids

HOUSEHOLDS = 1958
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


def build_community(
    session: Session,
    compound_grid_id: int,
    compound_name: str,
    sites: list[BuildingSite],
    workers: list[int],
    names: NameMaker,
    today: date,
) -> Homes:
    """Write the detailed community; `workers` are the grid members who do its visits."""
    rng = names.rng
    homes = write_homes(session, compound_name, sites, HOUSEHOLDS, names, today)
    party = [
        (rid, row)
        for rid, row, tags in zip(
            homes.resident_ids, homes.resident_rows, homes.tags_of_resident, strict=True
        )
        if Tag.PARTY_MEMBER in tags
    ]
    pairers = _pair_party_members(session, rng, party, homes.household_ids)
    _volunteer_teams(session, rng, homes.resident_ids, homes.resident_rows, compound_grid_id, pairers)
    _visits(session, rng, homes, workers, today)
    _meetings(session, rng, compound_grid_id, compound_name, today)
    return homes


def _pair_party_members(
    session: Session, rng, party: list[tuple[int, dict]], household_ids: list[int]
) -> dict[int, int]:
    """联户党员: about one party member for every twenty households, each pairing a neighbourhood run.
    Returns resident id -> person id of the pairers."""
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
        return {}
    run = -(-len(household_ids) // len(person_ids))
    session.execute(
        insert(PartyPairing),
        [{"person_id": person_ids[i // run], "household_id": hid} for i, hid in enumerate(household_ids)],
    )
    return {rid: pid for (rid, _row), pid in zip(pairers, person_ids, strict=True)}


def _volunteer_teams(
    session: Session,
    rng,
    resident_ids: list[int],
    resident_rows: list[dict],
    grid_id: int,
    people_of_resident: dict[int, int],
) -> None:
    """Volunteer teams of adult residents; a resident who already is a person (a party member pairing
    households) volunteers as that person, so one mobile stays one person."""
    adults = [(rid, row) for rid, row in zip(resident_ids, resident_rows, strict=True) if row["phone"]]
    volunteers = rng.sample(adults, min(len(adults), 15 * len(VOLUNTEER_TEAMS)))
    new = [(rid, row) for rid, row in volunteers if rid not in people_of_resident]
    new_ids = insert_returning_ids(
        session,
        Person,
        [
            {"name": row["name"], "phone": row["phone"], "title": "志愿者", "resident_id": rid}
            for rid, row in new
        ],
    )
    people_of_resident = people_of_resident | dict(zip((rid for rid, _ in new), new_ids, strict=True))
    person_ids = [people_of_resident[rid] for rid, _row in volunteers]
    team_ids = insert_returning_ids(
        session,
        VolunteerTeam,
        [{"name": name, "grid_id": grid_id, "purpose": purpose} for name, purpose in VOLUNTEER_TEAMS],
    )
    session.execute(
        insert(VolunteerTeamMember),
        [{"team_id": team_ids[i % len(team_ids)], "person_id": pid} for i, pid in enumerate(person_ids)],
    )


def _visits(session: Session, rng, summary: Homes, workers: list[int], today: date) -> None:
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
