"""The 传感器 sheet: sensors keyed by device code, each in exactly one household, found by its address
(楼栋地址 or 楼栋名称, then 单元 and 室, as the roster writes them)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.models import Building, Household, Sensor
from app.models.devices import SENSOR_KIND_ZH, SENSOR_KINDS, SENSOR_PROTOCOLS
from app.roster.buildings import BuildingDirectory, BuildingNotFound, BuildingRef
from app.roster.cells import CellError, clean_room, clean_unit
from app.site_book import cells
from app.site_book.common import RowCheck, SheetCount, report_duplicates, squash
from app.site_book.problems import Problems
from app.site_book.sheets import SENSORS
from app.site_book.workbook import SheetData

KIND_WORDS = {kind: kind for kind in SENSOR_KINDS} | {zh: kind for kind, zh in SENSOR_KIND_ZH.items()}
RF433_CODE = re.compile(r"^[0-9A-F]{6}$")  # an EV1527 code: 24 bits as six hex digits
_ADDRESS = re.compile(
    r"^(?P<building>.+?)(?P<unit>[0-9一二三四五六七八九十]+)单元(?P<room>[0-9A-Za-z-]+)(?:室|号|房)?$"
)


@dataclass(frozen=True)
class SensorEntry:
    row: int
    code: str
    protocol: str
    kind: str
    household: str


def _choice(words: dict[str, str], what: str):
    def parse(value: object, label: str) -> str:
        text = cells.required_text(value, label, 32)
        key = text if text in words else text.lower()
        if key not in words:
            raise CellError(f"{label} '{text}' 无法识别 (可用: {'、'.join(sorted(set(words.values())))})")
        return words[key]

    return parse


def parse(data: SheetData, problems: Problems) -> list[SensorEntry]:
    entries, rows_by_code = [], defaultdict(list)
    for row in data.rows:
        check = RowCheck(SENSORS, row, problems)
        protocol = check.read("protocol", _choice({p: p for p in SENSOR_PROTOCOLS}, "协议"))
        kind = check.read("kind", _choice(KIND_WORDS, "类型"))
        code = check.read("code", lambda v, label: cells.required_text(v, label, 64))
        household = check.read("household", lambda v, label: cells.required_text(v, label, 200))
        if code and protocol == "rf433":
            code = code.upper()
            if not RF433_CODE.match(code):
                check.fail("code", f"433 MHz 编码 '{code}' 应为 6 位十六进制数 (如 A1B2C3)")
        if code:
            rows_by_code[code].append(row.number)
        if check.ok:
            entries.append(SensorEntry(row.number, code, protocol, kind, household))
    report_duplicates(SENSORS, "code", rows_by_code, problems)
    return entries


class HouseholdDirectory:
    """The site's households by full address, or by building, 单元 and 室."""

    def __init__(self, session: Session) -> None:
        households = session.scalars(select(Household).options(joinedload(Household.building)))
        self.by_address: dict[str, list[Household]] = defaultdict(list)
        self.by_place: dict[tuple[int, str, str], Household] = {}
        for household in households:
            self.by_address[squash(household.address)].append(household)
            self.by_place[(household.building_id, household.unit, household.room)] = household
        rows = session.execute(select(Building.id, Building.name, Building.address)).all()
        self.buildings = BuildingDirectory(BuildingRef(*row) for row in rows)

    def find(self, label: str) -> Household:
        """The one household `label` names; LookupError says why there is not exactly one."""
        exact = self.by_address.get(squash(label), [])
        if len(exact) == 1:
            return exact[0]
        if exact:
            raise LookupError(f"住户地址 '{label}' 不唯一 (站点中有 {len(exact)} 户同一地址)")
        match = _ADDRESS.match(squash(label))
        if match is None:
            raise LookupError(f"住户地址 '{label}' 无法识别 (应如 幸福路1号3号楼1单元101室)")
        try:
            building = self.buildings.match(match["building"])
            unit, room = clean_unit(match["unit"]), clean_room(match["room"])
        except (BuildingNotFound, CellError) as error:
            raise LookupError(f"住户地址 '{label}': {error.args[0]}") from None
        household = self.by_place.get((building.id, unit, room))
        if household is None:
            raise LookupError(
                f"住户 '{label}' 不存在 ({building.address} 没有 {unit}单元{room}室; 请先导入花名册 import-roster)"
            )
        return household


@dataclass
class SensorPlan:
    entries: list[tuple[SensorEntry, Household, Sensor | None]]


def check(session: Session, entries: list[SensorEntry], problems: Problems) -> SensorPlan:
    directory = HouseholdDirectory(session) if entries else None
    codes = [e.code for e in entries]
    existing = {
        s.device_code: s for s in session.scalars(select(Sensor).where(Sensor.device_code.in_(codes)))
    }
    plan = SensorPlan([])
    for entry in entries:
        try:
            household = directory.find(entry.household)
        except LookupError as error:
            problems.add(SENSORS.title, entry.row, "住户地址", str(error.args[0]))
            continue
        plan.entries.append((entry, household, existing.get(entry.code)))
    return plan


def write(session: Session, plan: SensorPlan, bad_rows: set[int]) -> tuple[SheetCount, list[int]]:
    count, changed = SheetCount(skipped=len(bad_rows)), []
    for entry, household, sensor in plan.entries:
        if entry.row in bad_rows:
            continue
        action = "added" if sensor is None else "updated"
        if sensor is None:
            sensor = Sensor(device_code=entry.code, name=SENSOR_KIND_ZH[entry.kind])
            session.add(sensor)
        elif sensor.kind != entry.kind and sensor.name == SENSOR_KIND_ZH.get(sensor.kind):
            sensor.name = SENSOR_KIND_ZH[entry.kind]  # a default name follows the kind
        wanted = {
            "protocol": entry.protocol,
            "kind": entry.kind,
            "household_id": household.id,
            "grid_id": household.building.grid_id,
        }
        if action == "updated" and all(getattr(sensor, k) == v for k, v in wanted.items()):
            action = "unchanged"
        for key, value in wanted.items():
            setattr(sensor, key, value)
        session.flush()
        if action != "unchanged":
            changed.append(sensor.id)
        count.count(action)
    return count, changed


def export_rows(session: Session) -> list[dict[str, object]]:
    """Each sensor with its household's address as the roster writes it (a sensor bound to no
    household leaves the cell empty: the import asks for one)."""
    households = session.scalars(select(Household).options(joinedload(Household.building)))
    addresses = {h.id: h.address for h in households}
    sensors = session.scalars(select(Sensor).order_by(Sensor.household_id, Sensor.kind, Sensor.device_code))
    return [
        {
            "code": s.device_code,
            "protocol": s.protocol,
            "kind": s.kind,
            "household": addresses.get(s.household_id) if s.household_id else None,
        }
        for s in sensors
    ]
