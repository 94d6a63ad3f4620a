"""Cameras and sensors, each bound to a grid (and a sensor to a household), and their vocabularies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow

# The sensor vocabularies live with the table so that every layer (the alarms' ingest, the site
# workbook) names the same kinds and protocols.
SENSOR_PROTOCOLS = ("rf433", "zigbee")
SENSOR_KINDS = ("sos", "door", "pir", "smoke", "gas", "water", "bed")
SENSOR_KIND_ZH = {
    "sos": "紧急呼叫按钮",
    "door": "门磁",
    "pir": "人体感应",
    "smoke": "烟雾探测器",
    "gas": "燃气探测器",
    "water": "水浸探测器",
    "bed": "床垫传感器",
}


class Camera(Base):
    __tablename__ = "cameras"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"), index=True)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    main_url: Mapped[str] = mapped_column(String(500))
    sub_url: Mapped[str | None] = mapped_column(String(500))
    transport: Mapped[str] = mapped_column(String(8), default="tcp")  # RTSP over tcp / udp
    ai_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    bearing: Mapped[float | None] = mapped_column(Float)  # degrees clockwise from north (0004_video)
    # The stream's login, kept out of the URLs (0004a_camera_credentials); the password is sealed
    # with the site's camera key (app/site_keys.py) and bound to the camera's id.
    username: Mapped[str | None] = mapped_column(String(64))
    password_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    # How its recorder plays a time span back: hikvision, dahua or an rtsp:// template
    # (video/recorder_playback.py); None: no recorder to ask (0018_clips_playback).
    playback: Mapped[str | None] = mapped_column(String(500))


class Sensor(Base):
    __tablename__ = "sensors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24))  # sos, door, pir, smoke, gas, water, bed
    protocol: Mapped[str] = mapped_column(String(16))  # rf433, zigbee
    device_code: Mapped[str] = mapped_column(String(64), unique=True)  # EV1527 code or zigbee friendly name
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"), index=True)
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL"), index=True
    )


class PendingSensor(Base):
    """A sensor given a flat where no household lives yet (待绑定): its household is NULL until a
    household appears at (building, unit, room), by the roster import or a hand edit, and is then
    bound to it (`app/sensor_places.py`). Kept apart from `sensors` so a sensor is either bound or
    waiting, never half of each; the address stays visible, so a mistyped room is seen, not lost.
    """

    __tablename__ = "sensor_pending"
    __table_args__ = (Index("ix_sensor_pending_place", "building_id", "unit", "room"),)

    sensor_id: Mapped[int] = mapped_column(ForeignKey("sensors.id", ondelete="CASCADE"), primary_key=True)
    address: Mapped[str] = mapped_column(String(200))  # the flat's full address, as the household will read
    building_id: Mapped[int] = mapped_column(ForeignKey("buildings.id", ondelete="CASCADE"))
    unit: Mapped[str] = mapped_column(String(16))
    room: Mapped[str] = mapped_column(String(16))
    since: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
