"""The 传感器 sheet: sensors keyed by device code, each in exactly one household, found by its address
(楼栋地址 or 楼栋名称, then 单元 and 室, as the roster writes them), or waiting on a flat of a known
building where no household lives yet (待绑定, bound when the roster brings the household)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.models import Household, PendingSensor, Sensor
from app.models.devices import SENSOR_KIND_ZH, SENSOR_KINDS, SENSOR_PROTOCOLS
from app.roster.cells import CellError
from app.sensor_places import HouseholdDirectory, HouseholdPlace, OpenPlace, place_sensor, waiting_at
from app.site_book import cells
from app.site_book.common import RowCheck, SheetCount, report_duplicates
from app.site_book.problems import Problems
from app.site_book.sheets import SENSORS
from app.site_book.workbook import SheetData

KIND_WORDS = {kind: kind for kind in SENSOR_KINDS} | {zh: kind for kind, zh in SENSOR_KIND_ZH.items()}
RF433_CODE = re.compile(r"^[0-9A-F]{6}$")  # an EV1527 code: 24 bits as six hex digits


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


@dataclass
class SensorPlan:
    entries: list[tuple[SensorEntry, HouseholdPlace | OpenPlace, Sensor | None]]
    waiting: list[tuple[int, str]]  # (row, note): a flat with no household yet, written all the same


def check(session: Session, entries: list[SensorEntry], problems: Problems) -> SensorPlan:
    """Each row's household, or the flat it waits at; an address that names neither is a problem.

    Run after the 楼栋 sheet is written (in the import's transaction), so a row may name a building
    the same workbook adds."""
    directory = HouseholdDirectory(session) if entries else None
    codes = [e.code for e in entries]
    existing = {
        s.device_code: s for s in session.scalars(select(Sensor).where(Sensor.device_code.in_(codes)))
    }
    plan = SensorPlan([], [])
    for entry in entries:
        try:
            where = directory.place(entry.household)
        except LookupError as error:
            problems.add(SENSORS.title, entry.row, "住户地址", str(error.args[0]))
            continue
        if isinstance(where, OpenPlace):
            plan.waiting.append((entry.row, where.note))
        plan.entries.append((entry, where, existing.get(entry.code)))
    return plan


def write(session: Session, plan: SensorPlan, bad_rows: set[int]) -> tuple[SheetCount, list[int]]:
    count, changed = SheetCount(skipped=len(bad_rows)), []
    for entry, where, sensor in plan.entries:
        if entry.row in bad_rows:
            continue
        action = "added" if sensor is None else "updated"
        if sensor is None:
            sensor = Sensor(device_code=entry.code, name=SENSOR_KIND_ZH[entry.kind])
            session.add(sensor)
        elif sensor.kind != entry.kind and sensor.name == SENSOR_KIND_ZH.get(sensor.kind):
            sensor.name = SENSOR_KIND_ZH[entry.kind]  # a default name follows the kind
        if action == "updated" and _same(session, sensor, entry, where):
            action = "unchanged"
        sensor.protocol, sensor.kind = entry.protocol, entry.kind
        place_sensor(session, sensor, where)
        session.flush()
        if action != "unchanged":
            changed.append(sensor.id)
        count.count(action)
        if isinstance(where, OpenPlace):
            count.pending += 1
    return count, changed


def _same(session: Session, sensor: Sensor, entry: SensorEntry, where: HouseholdPlace | OpenPlace) -> bool:
    if (sensor.protocol, sensor.kind) != (entry.protocol, entry.kind):
        return False
    if isinstance(where, HouseholdPlace):
        return sensor.household_id == where.id
    return sensor.household_id is None and waiting_at(session, sensor) == where


def export_rows(session: Session) -> list[dict[str, object]]:
    """Each sensor with its household's address as the roster writes it, or the address of the flat
    it waits at (a sensor bound to neither leaves the cell empty: the import asks for one)."""
    households = session.scalars(select(Household).options(joinedload(Household.building)))
    addresses = {h.id: h.address for h in households}
    waiting = dict(session.execute(select(PendingSensor.sensor_id, PendingSensor.address)).all())
    sensors = session.scalars(select(Sensor).order_by(Sensor.household_id, Sensor.kind, Sensor.device_code))
    return [
        {
            "code": s.device_code,
            "protocol": s.protocol,
            "kind": s.kind,
            "household": addresses.get(s.household_id) if s.household_id else waiting.get(s.id),
        }
        for s in sensors
    ]
