"""A small real site for alarm tests: a four-level grid chain with its people and one elderly household."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.models import (
    Building,
    Duty,
    DutyRole,
    Grid,
    Household,
    PartyPairing,
    Person,
    Resident,
    ResidentTag,
    Sensor,
    Tag,
    VolunteerTeam,
    VolunteerTeamMember,
)
from app.store import Database
from tests.sealing import sealed


@dataclass(frozen=True)
class Site:
    street_id: int
    community_id: int
    micro_grid_id: int
    household_id: int
    second_household_id: int
    sos_sensor_id: int
    pir_sensor_id: int
    door_sensor_id: int


def build_site(db: Database) -> Site:
    with db.session() as s:
        street = Grid(code="410103001", name="淮河路街道", level=1)
        community = Grid(code="410103001001", name="幸福里社区", level=2, parent=street)
        compound = Grid(code="410103001001-03", name="幸福里三区", level=3, parent=community)
        micro = Grid(code="410103001001-03-07", name="7号楼微网格", level=4, parent=compound)
        s.add_all([street, community, compound, micro])
        s.flush()

        party = _staff(s, street, community, compound, micro)

        building = Building(
            grid_id=micro.id, name="7号楼", address="郑州市二七区幸福路18号院7号楼", lon=113.64, lat=34.72
        )
        s.add(building)
        s.flush()
        home = Household(
            building_id=building.id,
            unit="2",
            room="301",
            emergency_contact="张伟(儿子)",
            emergency_phone="13900001111",
        )
        other = Household(building_id=building.id, unit="1", room="102")
        s.add_all([home, other])
        s.flush()
        elder = Resident(
            household_id=home.id,
            name="张桂芳",
            sex="女",
            birth_date=date(1942, 3, 15),
            relation="户主",
            phone="0371-66001234",
            **sealed(s, health_note="高血压、行动不便"),
        )
        elder.tags.append(ResidentTag(tag=Tag.ELDERLY_ALONE))
        s.add(elder)
        s.add(
            Resident(
                household_id=other.id, name="刘强", sex="男", birth_date=date(1985, 6, 1), relation="户主"
            )
        )
        s.add(PartyPairing(person_id=party.id, household_id=home.id))
        sensors = _sensors(s, micro.id, home.id)
        s.flush()
        return Site(street.id, community.id, micro.id, home.id, other.id, *(x.id for x in sensors))


def _staff(s: Session, street: Grid, community: Grid, compound: Grid, micro: Grid) -> Person:
    """The grids' duty staff, a volunteer team with its member, and the party member (returned) who pairs
    with the elder's household."""

    def person(name: str, phone: str, grid: Grid, role: DutyRole, **extra) -> Person:
        p = Person(name=name, phone=phone, **extra)
        p.duties.append(Duty(grid_id=grid.id, role=role))
        s.add(p)
        return p

    person("赵建国", "13800000001", street, DutyRole.LEADER)
    person("钱立新", "13800000009", street, DutyRole.COUNTY_LEADER)
    person("孙丽华", "13800000002", community, DutyRole.LEADER)
    person("周文斌", "13800000008", community, DutyRole.SUPERVISOR)
    person("李秀梅", "13800000003", compound, DutyRole.LEADER)
    person("吴晓东", "13800000004", micro, DutyRole.MEMBER)
    person("郑海燕", "13800000005", micro, DutyRole.VOLUNTEER)
    party = Person(name="王志刚", phone="13800000006", party_member=True)
    helper = Person(name="冯桂兰", phone="13800000007")
    s.add_all([party, helper])
    s.flush()
    team = VolunteerTeam(name="银龄互助服务队", grid_id=compound.id, purpose="独居老人探访")
    team.members.append(VolunteerTeamMember(person_id=helper.id))
    s.add(team)
    return party


def _sensors(s: Session, micro_id: int, home_id: int) -> list[Sensor]:
    """The elder's SOS button, motion sensor and door contact."""
    sensors = [
        Sensor(
            name="紧急呼叫按钮",
            kind="sos",
            protocol="rf433",
            device_code="A1B2C3",
            grid_id=micro_id,
            household_id=home_id,
        ),
        Sensor(
            name="人体感应",
            kind="pir",
            protocol="rf433",
            device_code="0F0F01",
            grid_id=micro_id,
            household_id=home_id,
        ),
        Sensor(
            name="门磁",
            kind="door",
            protocol="rf433",
            device_code="3C5A0A",
            grid_id=micro_id,
            household_id=home_id,
        ),
    ]
    s.add_all(sensors)
    return sensors
