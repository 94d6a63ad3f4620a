"""Adding, editing, re-binding and deleting the site's sensors (设置 → 传感器), checked, audited and
announced.

Each operation checks the whole form first (every problem at once, each naming its field), writes in one
transaction with its audit entry, and publishes `Change(sensor)` after the commit, so every seat's
sensor list follows. A sensor's address is resolved as the site workbook resolves it
(`app/sensor_places.py`): a household, or a flat of a known building where no household lives yet,
where the sensor waits (待绑定) until the roster brings the household. A code bound here leaves the
list of codes heard but not bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from alarms.models import HeardCode, RfExtraCode
from app import audit
from app.context import SiteContext
from app.events import Change, SensorChanged, Topic
from app.models import Sensor
from app.models.devices import SENSOR_KIND_ZH, SENSOR_KINDS, SENSOR_PROTOCOLS
from app.sensor_places import HouseholdDirectory, HouseholdPlace, OpenPlace, place_sensor, waiting_at
from app.site_book.sensors import RF433_CODE

MAX_CODE, MAX_NAME, MAX_ADDRESS = 64, 64, 200


class SensorFormError(ValueError):
    """A form that cannot be saved: every problem, as (field, "中文 english") pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(text for _, text in problems))
        self.problems = problems


@dataclass(frozen=True)
class SensorForm:
    """What the dialog sends: the code as the dongle hears it, and the household's address."""

    code: str
    protocol: str
    kind: str
    address: str
    name: str = ""  # empty: the kind's name (紧急呼叫按钮, 门磁, ...)


@dataclass(frozen=True)
class SensorSaved:
    """What a save did: the sensor's id, and the flat it waits at when no household lives there yet."""

    sensor_id: int
    waiting_at: str | None


@dataclass(frozen=True)
class _Checked:
    code: str
    protocol: str
    kind: str
    name: str
    where: HouseholdPlace | OpenPlace


class SensorStore:
    """The site's sensors, written from the settings dialog."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def add(self, form: SensorForm) -> SensorSaved:
        with self.site.db.session() as session:
            checked = _check(session, form, None)
            sensor = Sensor(device_code=checked.code, protocol=checked.protocol, kind=checked.kind)
            sensor.name = checked.name
            session.add(sensor)
            place_sensor(session, sensor, checked.where)
            session.flush()
            _forget_heard(session, checked)
            audit.record(session, self.site.seat, "sensor_add", "sensor", sensor.id, **_described(checked))
            saved = _saved(sensor.id, checked)
        self._publish("added", saved.sensor_id)
        return saved

    def edit(self, sensor_id: int, form: SensorForm) -> SensorSaved:
        """Changes the code, kind, name or household: re-binding to another address is an edit."""
        with self.site.db.session() as session:
            sensor = _existing(session, sensor_id)
            checked = _check(session, form, sensor_id)
            before = _state(session, sensor)
            sensor.device_code, sensor.protocol, sensor.kind = checked.code, checked.protocol, checked.kind
            sensor.name = checked.name
            place_sensor(session, sensor, checked.where)
            session.flush()
            _forget_heard(session, checked)
            after = _state(session, sensor)
            audit.record(
                session,
                self.site.seat,
                "sensor_edit",
                "sensor",
                sensor_id,
                before=before,
                after=after,
                changed=sorted(key for key in after if before[key] != after[key]),
            )
            saved = _saved(sensor_id, checked)
        self._publish("edited", sensor_id)
        return saved

    def delete(self, sensor_id: int) -> None:
        """Its status and second codes go with it; alarms it raised stay, no longer naming it."""
        with self.site.db.session() as session:
            sensor = _existing(session, sensor_id)
            audit.record(
                session, self.site.seat, "sensor_delete", "sensor", sensor_id, **_state(session, sensor)
            )
            session.delete(sensor)
        self._publish("deleted", sensor_id)

    def _publish(self, what: str, sensor_id: int) -> None:
        self.site.hub.publish(Change(Topic.SENSOR, (sensor_id,), SensorChanged(what)))


def _check(session: Session, form: SensorForm, sensor_id: int | None) -> _Checked:
    problems: list[tuple[str, str]] = []
    if form.protocol not in SENSOR_PROTOCOLS:
        problems.append(("protocol", "请选择协议 rf433 或 zigbee (choose rf433 or zigbee)"))
    if form.kind not in SENSOR_KINDS:
        problems.append(("kind", "请选择传感器类型 (choose the sensor's kind)"))
    code = _code(form, problems)
    if code and _code_taken(session, code, sensor_id):
        problems.append(("code", f"编码 {code} 已属于另一个传感器 (the code belongs to another sensor)"))
    name = form.name.strip() or SENSOR_KIND_ZH.get(form.kind, "")
    if len(name) > MAX_NAME:
        problems.append(("name", f"名称过长 (name longer than {MAX_NAME})"))
    where = _place(session, form.address, problems)
    if problems:
        raise SensorFormError(problems)
    assert where is not None
    return _Checked(code, form.protocol, form.kind, name, where)


def _code(form: SensorForm, problems: list[tuple[str, str]]) -> str:
    code = "".join(form.code.split())
    if not code:
        problems.append(("code", "请填写编码 (the code is required)"))
    elif form.protocol == "rf433":
        code = code.upper()
        if not RF433_CODE.match(code):
            problems.append(
                ("code", f"433 MHz 编码 '{code}' 应为 6 位十六进制数, 如 A1B2C3 (six hex digits)")
            )
    elif len(code) > MAX_CODE:
        problems.append(("code", f"编码过长 (code longer than {MAX_CODE})"))
    return code


def _code_taken(session: Session, code: str, sensor_id: int | None) -> bool:
    owner = session.scalar(select(Sensor.id).where(Sensor.device_code == code))
    if owner is None:
        extra = session.get(RfExtraCode, code)  # a door contact's "closed" code is a code too
        owner = extra.sensor_id if extra is not None else None
    return owner is not None and owner != sensor_id


def _place(
    session: Session, address: str, problems: list[tuple[str, str]]
) -> HouseholdPlace | OpenPlace | None:
    address = address.strip()
    if not address:
        problems.append(("address", "请填写住户地址 (the household's address is required)"))
        return None
    if len(address) > MAX_ADDRESS:
        problems.append(("address", f"住户地址过长 (address longer than {MAX_ADDRESS})"))
        return None
    try:
        return HouseholdDirectory(session).place(address)
    except LookupError as error:
        problems.append(("address", str(error.args[0])))
        return None


def _forget_heard(session: Session, checked: _Checked) -> None:
    """The code is bound now: it leaves the list of codes heard but not bound."""
    session.execute(
        delete(HeardCode).where(HeardCode.protocol == checked.protocol, HeardCode.device_code == checked.code)
    )


def _existing(session: Session, sensor_id: int) -> Sensor:
    sensor = session.get(Sensor, sensor_id)
    if sensor is None:
        raise SensorFormError(
            [("code", f"传感器 {sensor_id} 已不存在 (sensor {sensor_id} no longer exists)")]
        )
    return sensor


def _state(session: Session, sensor: Sensor) -> dict[str, object]:
    """What the audit keeps of a sensor: its code, kind, name and where it is."""
    flat = waiting_at(session, sensor)
    return {
        "code": sensor.device_code,
        "protocol": sensor.protocol,
        "kind": sensor.kind,
        "name": sensor.name,
        "household_id": sensor.household_id,
        "waiting_at": flat.address if flat else None,
    }


def _described(checked: _Checked) -> dict[str, object]:
    where = checked.where
    return {
        "code": checked.code,
        "protocol": checked.protocol,
        "kind": checked.kind,
        "name": checked.name,
        "household_id": where.id if isinstance(where, HouseholdPlace) else None,
        "waiting_at": where.address if isinstance(where, OpenPlace) else None,
    }


def _saved(sensor_id: int, checked: _Checked) -> SensorSaved:
    where = checked.where
    return SensorSaved(sensor_id, where.address if isinstance(where, OpenPlace) else None)
