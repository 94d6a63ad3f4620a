"""The roll-up tables: one row per site-local day and key, counters only."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base

SITE = 0  # the grid key of the whole site's rows (a primary key cannot hold NULL)


class TicketDaily(Base):
    """Ticket timeline steps counted per day, grid, category and source.

    A step counts once under each grid of the ticket's chain (levels 1 to 3) and once under `SITE`, so
    the series of any subtree is one index range on its root's id: the tree is joined at write time,
    from the grid columns every ticket keeps (as the KPIs and queues read them).

    received: 受理 (intake); closed: 结案; overdue: a limit missed (the sweep's escalation or, at the
    top level, its 督办 breach); escalated: every escalation, by the sweep or by hand.
    """

    __tablename__ = "rollup_ticket_daily"

    grid_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # first: a subtree's rows are one range
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    category_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    source: Mapped[str] = mapped_column(String(16), primary_key=True)
    received: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    closed: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    overdue: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    escalated: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class AlarmDaily(Base):
    """Alarms per day of raising, grid and kind; the acknowledged ones with their total time to ack.
    Like tickets, an alarm counts under its grid's ancestors of levels 1 to 3 (and its own grid if
    that is one of them) and under `SITE`."""

    __tablename__ = "rollup_alarm_daily"

    grid_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # first: a subtree's rows are one range
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    raised: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    acknowledged: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    ack_seconds: Mapped[float] = mapped_column(Float, default=0.0, server_default=text("0"))


class AlarmAckBucket(Base):
    """How many of a day's alarms were acknowledged within each time bucket (`ACK_BUCKETS`), so the
    median and 90th percentile of any range of days are read from the buckets, never from the rows."""

    __tablename__ = "rollup_alarm_ack_buckets"

    grid_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # first: a subtree's rows are one range
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    bucket: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class CameraDaily(Base):
    """How long each camera was watched by a capture of this site and how long of that it delivered
    pictures, per site-local day, counted (like the others) under each grid of its chain and `SITE`.

    Every process that reads a camera adds what it saw (the service's clip readers, each window's
    wall), so `live_seconds / observed_seconds` is the availability whoever watched; `outages` counts
    the times a watched camera stopped delivering."""

    __tablename__ = "rollup_camera_daily"

    grid_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # first: a subtree's rows are one range
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    camera_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    observed_seconds: Mapped[float] = mapped_column(Float, default=0.0, server_default=text("0"))
    live_seconds: Mapped[float] = mapped_column(Float, default=0.0, server_default=text("0"))
    outages: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class SensorHealthDaily(Base):
    """The sensors' health as it stood at the last snapshot of a site-local day: how many sensors, how
    many with a low battery (the care rule's low-battery mark), silent (its silence mark) or offline
    (their bridge says unavailable). A snapshot, overwritten during the day: no history of sensor
    states is kept anywhere else, so the first row is the day this table began."""

    __tablename__ = "rollup_sensor_health"

    grid_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    sensors: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    low_battery: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    silent: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    offline: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
