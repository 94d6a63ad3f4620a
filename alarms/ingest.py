"""From a dongle's report to stored alarms: match the code to a bound sensor, apply the care rules,
commit, then tell everyone. Unbound codes are only recorded as heard (RF codes carry no checksum,
so a stray code must never raise an alarm). Learn mode hands the next code heard to the operator.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from alarms.care import CareRules, Reading, settings_for
from alarms.heard import record_heard, seen_before
from alarms.models import HeardCode, RfExtraCode, SensorStatus
from alarms.sensor_event import SensorEvent
from alarms.service import AlarmService
from app import audit
from app.events import Change, SensorChanged, SensorHeard, Topic
from app.models import Household, Sensor
from app.models.devices import SENSOR_KIND_ZH, SENSOR_KINDS
from app.store.base import utcnow

KIND_ZH = SENSOR_KIND_ZH
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Heard:
    """What learn mode shows the operator: a code and, if it is bound already, to which sensor."""

    event: SensorEvent
    sensor_id: int | None
    sensor_name: str | None


class IngestError(Exception):
    """Binding a code failed in a way the operator can fix (unknown household, code already bound)."""


class SensorIngest:
    """Thread-safe: the readers of all dongles call `handle`; writes are serialised (one writer)."""

    def __init__(self, alarms: AlarmService, rules: CareRules | None = None) -> None:
        self.alarms = alarms
        self.rules = rules or CareRules()
        self._lock = threading.Lock()
        self._learner: Callable[[Heard], None] | None = None

    @property
    def db(self):
        return self.alarms.db

    # -- learn mode ------------------------------------------------------------------------------------
    def start_learning(self, on_heard: Callable[[Heard], None]) -> None:
        """Until `stop_learning`, every code heard is also handed to `on_heard` (on the reader's thread)."""
        self._learner = on_heard

    def stop_learning(self) -> None:
        self._learner = None

    def bind(
        self,
        protocol: str,
        device_code: str,
        kind: str,
        household_id: int,
        name: str | None = None,
        closed_code: str | None = None,
    ) -> int:
        """Bind a heard code to a household as a sensor of `kind`; returns the sensor id."""
        if kind not in SENSOR_KINDS:
            raise IngestError(f"未知传感器类型 unknown sensor kind {kind!r}")
        code = device_code.upper() if protocol == "rf433" else device_code
        with self._lock, self.db.session() as session:
            household = session.get(Household, household_id)
            if household is None:
                raise IngestError(f"住户 {household_id} 不存在 (no such household)")
            if session.scalar(select(Sensor.id).where(Sensor.device_code == code)) is not None:
                raise IngestError(f"编码 {code} 已绑定 (code already bound)")
            sensor = Sensor(
                name=name or KIND_ZH[kind],
                kind=kind,
                protocol=protocol,
                device_code=code,
                grid_id=household.building.grid_id,
                household_id=household_id,
            )
            session.add(sensor)
            session.flush()
            if closed_code:
                session.add(RfExtraCode(code=closed_code.upper(), sensor_id=sensor.id, meaning="closed"))
            session.add(SensorStatus(sensor_id=sensor.id, last_seen_at=utcnow(), online=True))
            settings_for(session, household_id)
            for heard in session.scalars(
                select(HeardCode).where(
                    HeardCode.protocol == protocol,
                    HeardCode.device_code.in_([code, (closed_code or "").upper()]),
                )
            ):
                session.delete(heard)
            audit.record(
                session,
                self.alarms.seat,
                "sensor.bind",
                "sensor",
                sensor.id,
                code=code,
                kind=kind,
                household_id=household_id,
            )
            sensor_id = sensor.id
        self.alarms.hub.publish(Change(Topic.SENSOR, (sensor_id,), SensorChanged("bound")))
        return sensor_id

    # -- reports ---------------------------------------------------------------------------------------
    def handle(self, event: SensorEvent) -> list[int]:
        """Store what the event means; returns the ids of alarms raised (already committed)."""
        if event.notes:
            log.warning("%s %s: %s", event.protocol, event.device_code, "; ".join(event.notes))
        with self._lock:
            with self.db.session() as session:
                if seen_before(session, event):
                    log.info(
                        "%s %s: retained message handled before, skipped", event.dongle, event.device_code
                    )
                    return []
                sensor, reading = self._resolve(session, event)
                if sensor is None:
                    record_heard(session, event)
                    alarm_ids: list[int] = []
                else:
                    drafts = self.rules.on_report(session, sensor, reading, event.at)
                    for draft in drafts:
                        if event.notes:  # the alarm says which of the device's values were left out
                            draft.detail["notes"] = list(event.notes)
                    alarm_ids = [self.alarms.add(session, draft) for draft in drafts]
                heard = Heard(event, sensor.id if sensor else None, sensor.name if sensor else None)
            self.alarms.announce(alarm_ids, "raised")
            if sensor is None:
                self.alarms.hub.publish(Change(Topic.SENSOR_HEARD, (), SensorHeard(event.device_code)))
            else:
                self.alarms.hub.publish(Change(Topic.SENSOR, (heard.sensor_id,), SensorChanged("report")))
        learner = self._learner
        if learner is not None:
            learner(heard)
        return alarm_ids

    def set_availability(self, protocol: str, device_code: str, online: bool) -> None:
        """Zigbee2MQTT's `/availability`: whether the coordinator can still reach the device."""
        with self._lock:
            with self.db.session() as session:
                sensor_id = session.scalar(
                    select(Sensor.id).where(Sensor.protocol == protocol, Sensor.device_code == device_code)
                )
                if sensor_id is None:
                    return
                status = session.get(SensorStatus, sensor_id) or SensorStatus(sensor_id=sensor_id)
                status.online = online
                session.add(status)
            self.alarms.hub.publish(Change(Topic.SENSOR, (sensor_id,), SensorChanged("availability", online)))

    def sweep(self) -> list[int]:
        """Run the silence rules (inactivity, silent sensors) now; returns the alarms raised."""
        with self._lock:
            with self.db.session() as session:
                drafts = self.rules.sweep(session, self.alarms.clock())
                alarm_ids = [self.alarms.add(session, draft) for draft in drafts]
            self.alarms.announce(alarm_ids, "raised")
        return alarm_ids

    def _resolve(self, session: Session, event: SensorEvent) -> tuple[Sensor | None, Reading]:
        sensor = session.scalar(
            select(Sensor).where(Sensor.protocol == event.protocol, Sensor.device_code == event.device_code)
        )
        if event.protocol != "rf433":
            return sensor, Reading("state", dict(event.readings))
        if sensor is not None:
            return sensor, Reading("trigger", {})
        extra = session.get(RfExtraCode, event.device_code)
        if extra is not None:
            return session.get(Sensor, extra.sensor_id), Reading(extra.meaning, {})
        return None, Reading("trigger", {})
