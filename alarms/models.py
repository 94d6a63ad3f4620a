"""The tables of the alarm area: alarms, per-household care rules, sensor status, heard codes, dongles."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum, StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class Priority(IntEnum):
    """P1 life and safety, P2 check on someone, P3 maintenance."""

    P1 = 1
    P2 = 2
    P3 = 3


class AlarmState(StrEnum):
    RAISED = "raised"
    ACKNOWLEDGED = "acknowledged"
    HANDLED = "handled"


class Outcome(StrEnum):
    TICKET = "ticket"
    FALSE_ALARM = "false_alarm"
    RESOLVED = "resolved"


# Alarm kinds as the sensors, care rules and the AI raise them, in words (wall cards, reports).
ALARM_KIND_ZH = {
    "sos": "紧急呼叫",
    "smoke": "烟雾报警",
    "gas": "燃气泄漏",
    "water": "水浸报警",
    "door_night": "夜间开门",
    "inactivity": "长时间无活动",
    "low_battery": "传感器电量低",
    "sensor_silent": "传感器无信号",
    "watchlist_hit": "重点人员",
    "stranger": "陌生人逗留",
    "zone": "区域闯入",
}


class Alarm(Base):
    """One alarm and its lifecycle; committed before anyone is shown it."""

    __tablename__ = "alarms"
    __table_args__ = (CheckConstraint("priority BETWEEN 1 AND 3", name="priority_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    raised_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    source: Mapped[str] = mapped_column(String(24))  # sensor, care_rule, camera, operator
    kind: Mapped[str] = mapped_column(String(32), index=True)  # sos, smoke, inactivity, ...
    priority: Mapped[int] = mapped_column(Integer, index=True)
    state: Mapped[str] = mapped_column(String(16), default=AlarmState.RAISED, index=True)
    title: Mapped[str] = mapped_column(String(200))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL"), index=True
    )
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="SET NULL"), index=True)
    sensor_id: Mapped[int | None] = mapped_column(ForeignKey("sensors.id", ondelete="SET NULL"), index=True)
    camera_id: Mapped[int | None] = mapped_column(ForeignKey("cameras.id", ondelete="SET NULL"))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    detail: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(64))
    ack_note: Mapped[str | None] = mapped_column(Text)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)
    handled_by: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(Integer)  # the tickets area owns that table
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime)
    escalated_to: Mapped[str | None] = mapped_column(Text)  # names and phones, JSON


class CareSettings(Base):
    """老人关怀 rules and thresholds for one household, and its inactivity stopwatch."""

    __tablename__ = "care_settings"

    household_id: Mapped[int] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), primary_key=True
    )
    inactivity_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    inactivity_hours: Mapped[float] = mapped_column(Float, default=12.0)
    active_start_minute: Mapped[int] = mapped_column(Integer, default=7 * 60)  # local time of day
    active_end_minute: Mapped[int] = mapped_column(Integer, default=22 * 60)
    away: Mapped[bool] = mapped_column(Boolean, default=False)
    night_door_alarm: Mapped[bool] = mapped_column(Boolean, default=False)  # resident flagged at risk
    night_start_minute: Mapped[int] = mapped_column(Integer, default=22 * 60)
    night_end_minute: Mapped[int] = mapped_column(Integer, default=6 * 60)
    silent_hours: Mapped[float] = mapped_column(Float, default=24.0)
    low_battery_percent: Mapped[int] = mapped_column(Integer, default=20)
    last_activity_at: Mapped[datetime | None] = mapped_column(DateTime)
    inactivity_alarm_at: Mapped[datetime | None] = mapped_column(DateTime)  # raised for this idle spell


class SensorStatus(Base):
    """What the app last heard from a bound sensor: when, its battery, whether the gateway sees it."""

    __tablename__ = "sensor_status"

    sensor_id: Mapped[int] = mapped_column(ForeignKey("sensors.id", ondelete="CASCADE"), primary_key=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    last_value: Mapped[str | None] = mapped_column(String(64))
    battery: Mapped[int | None] = mapped_column(Integer)
    online: Mapped[bool | None] = mapped_column(Boolean)
    silent_alarm_at: Mapped[datetime | None] = mapped_column(DateTime)
    low_battery_alarm_at: Mapped[datetime | None] = mapped_column(DateTime)


class RfExtraCode(Base):
    """A second EV1527 code of one sensor, e.g. a door contact's "closed" data bits."""

    __tablename__ = "rf_extra_codes"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    sensor_id: Mapped[int] = mapped_column(ForeignKey("sensors.id", ondelete="CASCADE"), index=True)
    meaning: Mapped[str] = mapped_column(String(16))  # closed


class HeardCode(Base):
    """A code a dongle heard that no sensor is bound to: ignored, but listed for learn mode."""

    __tablename__ = "heard_codes"
    __table_args__ = (UniqueConstraint("protocol", "device_code", name="protocol_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    protocol: Mapped[str] = mapped_column(String(16))
    device_code: Mapped[str] = mapped_column(String(64))
    dongle: Mapped[str | None] = mapped_column(String(64))
    first_heard_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_heard_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    times: Mapped[int] = mapped_column(Integer, default=1)


class Dongle(Base):
    """A receiver the site reads: an RF bridge on a serial port or a Zigbee2MQTT broker.

    `host` is the computer (its host name) whose seat opens it: a serial dongle is plugged into one
    PC. NULL: not pinned (a broker, or a dongle set up before hosts were recorded); the seat that runs
    the site scheduler reads it, so exactly one seat does.
    """

    __tablename__ = "dongles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    protocol: Mapped[str] = mapped_column(String(16))  # rf433, zigbee
    address: Mapped[str] = mapped_column(String(200))  # serial port path, or mqtt host:port
    baud: Mapped[int] = mapped_column(Integer, default=19200)
    base_topic: Mapped[str] = mapped_column(String(64), default="zigbee2mqtt")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    host: Mapped[str | None] = mapped_column(String(255))
    # A Zigbee2MQTT broker's login for this site (an ACL lets it read only the Zigbee2MQTT topics);
    # the password sealed with the site's key (`app/site_keys.py`, bound to this dongle's id).
    mqtt_username: Mapped[str | None] = mapped_column(String(128))
    mqtt_password_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class MqttLastMessage(Base):
    """The last message handled from one device of a broker, by digest of its topic and payload.

    A broker hands a retained message out again on every subscription, so a restart would raise the
    same SOS again; a retained message whose digest matches the one handled last is skipped.
    """

    __tablename__ = "mqtt_last_messages"

    dongle: Mapped[str] = mapped_column(String(64), primary_key=True)
    device: Mapped[str] = mapped_column(String(255), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
