"""老人关怀 rules: what a sensor report means for a household, and what silence means.

SOS, smoke, gas and water are P1 at once. Motion, door and bed-mat events reset the household's
inactivity stopwatch; no activity for N hours of its active window raises a P2 check-on alarm unless
the household is away. A door opened at night for a resident at risk is P2. A sensor silent for 24 h
or with a low battery is P3 maintenance. Thresholds come from the household's CareSettings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from alarms.models import CareSettings, Priority, SensorStatus
from alarms.values import AlarmDraft
from alarms.wording import Wording
from app.models import Sensor
from app.sensor_places import PENDING_NOTE, waiting_place
from app.site_clock import clock_in

SITE_TZ = ZoneInfo("Asia/Shanghai")
ACTIVITY_KINDS = {"door", "pir", "bed"}
LIFE_SAFETY = {  # sensor kind -> the Zigbee2MQTT reading that means "alarm" (the title's message is the kind)
    "smoke": "smoke",
    "gas": "gas",
    "water": "water_leak",
}
SOS_ACTIONS = {"single", "double", "hold", "long", "emergency", "sos", "panic", "on"}
BATTERY_RECOVERED_MARGIN = 10  # percent above the threshold before a new low-battery alarm can fire


@dataclass(frozen=True)
class Reading:
    """What one report from a bound sensor means: a trigger (RF code) or Zigbee2MQTT fields."""

    meaning: str  # trigger (RF primary code), closed (RF door closed code), state (Zigbee payload)
    values: dict[str, Any]

    def door_open(self) -> bool | None:
        if self.meaning == "trigger":
            return True
        if self.meaning == "closed":
            return False
        contact = self.values.get("contact")
        return None if contact is None else not bool(contact)  # Zigbee2MQTT: contact true = closed


def settings_for(session: Session, household_id: int) -> CareSettings:
    """The household's settings, created with the defaults the first time they are needed."""
    settings = session.get(CareSettings, household_id)
    if settings is None:
        settings = CareSettings(
            household_id=household_id,
            inactivity_enabled=True,
            inactivity_hours=12.0,
            active_start_minute=7 * 60,
            active_end_minute=22 * 60,
            away=False,
            night_door_alarm=False,
            night_start_minute=22 * 60,
            night_end_minute=6 * 60,
            silent_hours=24.0,
            low_battery_percent=20,
        )
        session.add(settings)
        session.flush()
    return settings


def _local_minute(at_utc: datetime, tz: ZoneInfo) -> int:
    local = at_utc.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz)
    return local.hour * 60 + local.minute


def in_window(minute: int, start: int, end: int) -> bool:
    """Whether a minute of the day lies in [start, end), a window that may run past midnight."""
    if start == end:
        return True
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end


def active_hours_between(
    since: datetime, until: datetime, start: int, end: int, tz: ZoneInfo = SITE_TZ
) -> float:
    """Hours of [since, until] (naive UTC) that fall inside the daily local window [start, end)."""
    if until <= since:
        return 0.0
    utc = ZoneInfo("UTC")
    local_since = since.replace(tzinfo=utc).astimezone(tz)
    local_until = until.replace(tzinfo=utc).astimezone(tz)
    if start == end:
        return (until - since).total_seconds() / 3600
    total = 0.0
    day = local_since.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=1)
    while day <= local_until:
        open_at = day + timedelta(minutes=start)
        close_at = day + timedelta(minutes=end if end > start else end + 24 * 60)
        overlap = (min(close_at, local_until) - max(open_at, local_since)).total_seconds()
        total += max(0.0, overlap)
        day += timedelta(days=1)
    return total / 3600


class CareRules:
    """Applies the rules inside the caller's unit of work and returns the alarms to raise."""

    def __init__(self, tz: ZoneInfo | None = None) -> None:
        self.tz = tz  # None: the site's time zone setting, read in the caller's session

    def _zone(self, session: Session) -> ZoneInfo:
        """Where "night" and "active hours" are: the site's zone, not the computer's."""
        return self.tz if self.tz is not None else clock_in(session).zone

    def on_report(
        self, session: Session, sensor: Sensor, reading: Reading, now: datetime
    ) -> list[AlarmDraft]:
        status = self._status(session, sensor.id)
        status.last_seen_at = now
        status.silent_alarm_at = None
        status.online = True
        status.last_value = _describe(reading)[:64]
        drafts: list[AlarmDraft] = []
        settings = settings_for(session, sensor.household_id) if sensor.household_id else None
        where = {"household_id": sensor.household_id, "grid_id": sensor.grid_id, "sensor_id": sensor.id}
        detail = {
            "sensor": sensor.name,
            "code": sensor.device_code,
            "reading": reading.values or reading.meaning,
        }
        if sensor.household_id is None:
            self._name_the_flat(session, sensor, where, detail)

        if sensor.kind == "sos" and self._sos_pressed(reading):
            drafts.append(AlarmDraft.worded("sos", Priority.P1, Wording("sos"), detail=detail, **where))
        if sensor.kind in LIFE_SAFETY:
            if reading.meaning == "trigger" or reading.values.get(LIFE_SAFETY[sensor.kind]) is True:
                drafts.append(
                    AlarmDraft.worded(sensor.kind, Priority.P1, Wording(sensor.kind), detail=detail, **where)
                )
        if sensor.kind in ACTIVITY_KINDS and self._is_activity(sensor.kind, reading) and settings is not None:
            settings.last_activity_at = now
            settings.inactivity_alarm_at = None
        door_open = reading.door_open() if sensor.kind == "door" else None
        if (
            door_open
            and settings is not None
            and settings.night_door_alarm
            and in_window(_local_minute(now, self._zone(session)), settings.night_start_minute, settings.night_end_minute)
        ):
            drafts.append(
                AlarmDraft.worded("door_night", Priority.P2, Wording("door_night"), detail=detail, **where)
            )
        battery = reading.values.get("battery")
        if isinstance(battery, int | float):
            status.battery = int(battery)
            threshold = settings.low_battery_percent if settings else 20
            if battery < threshold and status.low_battery_alarm_at is None:
                status.low_battery_alarm_at = now
                drafts.append(
                    AlarmDraft.worded(
                        "low_battery",
                        Priority.P3,
                        Wording("low_battery"),
                        detail=detail | {"battery": battery},
                        **where,
                    )
                )
            elif battery >= threshold + BATTERY_RECOVERED_MARGIN:
                status.low_battery_alarm_at = None
        return drafts

    def sweep(self, session: Session, now: datetime) -> list[AlarmDraft]:
        """Silence checks, run every minute or so: inactivity per household, silent sensors.

        Each alarm is claimed by a conditional UPDATE of its stopwatch, so two sweeps running at once
        (two seats, a seat and a late job) raise it once; rows are visited in key order, so two sweeps
        lock them in the same order and never deadlock.
        """
        return self._inactivity(session, now) + self._silent_sensors(session, now)

    def _inactivity(self, session: Session, now: datetime) -> list[AlarmDraft]:
        drafts = []
        zone = self._zone(session)
        for settings in session.scalars(
            select(CareSettings)
            .where(
                CareSettings.inactivity_enabled.is_(True),
                CareSettings.away.is_(False),
                CareSettings.inactivity_alarm_at.is_(None),
            )
            .order_by(CareSettings.household_id)
        ):
            if settings.last_activity_at is None:  # start the stopwatch the first time we look
                settings.last_activity_at = now
                continue
            if not in_window(
                _local_minute(now, zone), settings.active_start_minute, settings.active_end_minute
            ):
                continue
            idle = active_hours_between(
                settings.last_activity_at,
                now,
                settings.active_start_minute,
                settings.active_end_minute,
                zone,
            )
            if idle >= settings.inactivity_hours:
                if not _claim(
                    session,
                    update(CareSettings).where(
                        CareSettings.household_id == settings.household_id,
                        CareSettings.inactivity_alarm_at.is_(None),
                        CareSettings.last_activity_at == settings.last_activity_at,
                    ),
                    inactivity_alarm_at=now,
                ):
                    continue  # another sweep raised it, or activity reset the stopwatch meanwhile
                set_committed_value(settings, "inactivity_alarm_at", now)
                idle_total = (now - settings.last_activity_at).total_seconds() / 3600
                drafts.append(
                    AlarmDraft.worded(
                        "inactivity",
                        Priority.P2,
                        Wording("inactivity", (f"{idle_total:.0f}",)),
                        source="care_rule",
                        household_id=settings.household_id,
                        detail={
                            "last_activity_at": settings.last_activity_at,
                            "idle_active_hours": round(idle, 1),
                        },
                    )
                )
        return drafts

    def _silent_sensors(self, session: Session, now: datetime) -> list[AlarmDraft]:
        drafts = []
        rows = session.execute(
            select(Sensor, SensorStatus, CareSettings.silent_hours)
            .outerjoin(SensorStatus, SensorStatus.sensor_id == Sensor.id)
            .outerjoin(CareSettings, CareSettings.household_id == Sensor.household_id)
            .order_by(Sensor.id)
        ).all()
        for sensor, status, silent_hours in rows:
            if status is None or status.last_seen_at is None:  # never heard: start counting now
                status = status or self._status(session, sensor.id)
                status.last_seen_at = now
                continue
            limit = timedelta(hours=silent_hours if silent_hours is not None else 24.0)
            if status.silent_alarm_at is None and now - status.last_seen_at >= limit:
                if not _claim(
                    session,
                    update(SensorStatus).where(
                        SensorStatus.sensor_id == sensor.id,
                        SensorStatus.silent_alarm_at.is_(None),
                        SensorStatus.last_seen_at == status.last_seen_at,
                    ),
                    silent_alarm_at=now,
                ):
                    continue  # another sweep raised it, or the sensor spoke meanwhile
                set_committed_value(status, "silent_alarm_at", now)
                where = {
                    "household_id": sensor.household_id,
                    "grid_id": sensor.grid_id,
                    "sensor_id": sensor.id,
                }
                detail = {"sensor": sensor.name, "last_seen_at": status.last_seen_at}
                if sensor.household_id is None:
                    self._name_the_flat(session, sensor, where, detail)
                drafts.append(
                    AlarmDraft.worded(
                        "sensor_silent",
                        Priority.P3,
                        Wording("sensor_silent", (f"{limit.total_seconds() / 3600:.0f}",)),
                        source="care_rule",
                        detail=detail,
                        **where,
                    )
                )
        return drafts

    @staticmethod
    def _name_the_flat(
        session: Session, sensor: Sensor, where: dict[str, Any], detail: dict[str, Any]
    ) -> None:
        """A sensor waiting for its household (待绑定) still raises its alarms: at the flat's address and
        its building's position, so the popup, the wall and a ticket say where to go."""
        flat = waiting_place(session, sensor.id)
        if flat is not None:
            where |= {"lon": flat.lon, "lat": flat.lat}
            detail |= {"address": flat.address, "household": PENDING_NOTE}

    @staticmethod
    def _status(session: Session, sensor_id: int) -> SensorStatus:
        status = session.get(SensorStatus, sensor_id)
        if status is None:
            status = SensorStatus(sensor_id=sensor_id)
            session.add(status)
        return status

    @staticmethod
    def _sos_pressed(reading: Reading) -> bool:
        if reading.meaning == "trigger":
            return True
        action = reading.values.get("action")
        return (isinstance(action, str) and action.lower() in SOS_ACTIONS) or reading.values.get(
            "sos"
        ) is True

    @staticmethod
    def _is_activity(kind: str, reading: Reading) -> bool:
        if kind == "door":
            return reading.door_open() is not None
        if reading.meaning in ("trigger", "closed"):
            return True
        return reading.values.get("occupancy") is True or reading.values.get("presence") is True


def _claim(session: Session, statement, **values: Any) -> bool:
    """Run a conditional UPDATE; True when this run changed the row, i.e. it raises the alarm."""
    result = session.execute(statement.values(**values).execution_options(synchronize_session=False))
    return result.rowcount == 1


def _describe(reading: Reading) -> str:
    if reading.meaning != "state":
        return reading.meaning
    return ",".join(f"{k}={v}" for k, v in reading.values.items() if k != "linkquality")
