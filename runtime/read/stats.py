"""The site at a glance, counted from the store: the statistics panel's figures, the open alarms the
status bar shows, the cameras the device indicator starts from, and whether the store answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import distinct, func, select, text
from sqlalchemy.engine import make_url

from alarms.models import Alarm, AlarmState
from app.context import SiteContext
from app.models import Building, Camera, Duty, DutyRole, Grid, Household, Resident, ResidentTag, Sensor
from app.tickets.models import Ticket
from app.tickets.states import OPEN_STATES


@dataclass(frozen=True)
class SiteCounts:
    """How big the site is and how much is open, as the store holds it now."""

    open_tickets: int
    open_alarms: int  # not yet handled
    grids_by_level: Mapping[int, int]  # level (1 street … 4 micro-grid) -> grids
    staff: int  # people on duty as grid leader or grid worker, each once
    buildings: int
    households: int
    residents: int
    tagged: Mapping[str, int]  # a Tag value -> residents with that tag
    cameras: int
    ai_cameras: int
    sensors: int


@dataclass(frozen=True)
class OpenAlarms:
    """The alarms not yet handled, and how many of them nobody has acknowledged."""

    open: int
    waiting: int


def describe_database(url: str) -> tuple[str, str]:
    """What the status bar says about the database: a short label and the masked URL for the tooltip."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite · {Path(parsed.database or ':memory:').name}", parsed.database or ":memory:"
    where = f"{parsed.host or 'localhost'}{f':{parsed.port}' if parsed.port else ''}/{parsed.database or ''}"
    return f"PostgreSQL · {where}", parsed.render_as_string(hide_password=True)


class SiteStats:
    """The site's counts and the store's health; each read opens and closes its own session."""

    def __init__(self, site: SiteContext) -> None:
        self._db = site.db

    def counts(self) -> SiteCounts:
        """Everything the statistics panel shows, in one session."""
        with self._db.sessions() as session:

            def count(column) -> int:
                return session.scalar(select(func.count(column))) or 0

            def grouped(column) -> dict:
                return dict(session.execute(select(column, func.count()).group_by(column)).all())

            open_tickets = session.scalar(
                select(func.count(Ticket.id)).where(Ticket.state.in_(list(OPEN_STATES)))
            )
            open_alarms = session.scalar(
                select(func.count(Alarm.id)).where(Alarm.state != AlarmState.HANDLED)
            )
            staff = session.scalar(
                select(func.count(distinct(Duty.person_id))).where(
                    Duty.role.in_([DutyRole.LEADER, DutyRole.MEMBER])
                )
            )
            ai_cameras = session.scalar(select(func.count(Camera.id)).where(Camera.ai_enabled.is_(True)))
            return SiteCounts(
                open_tickets=open_tickets or 0,
                open_alarms=open_alarms or 0,
                grids_by_level=grouped(Grid.level),
                staff=staff or 0,
                buildings=count(Building.id),
                households=count(Household.id),
                residents=count(Resident.id),
                tagged=grouped(ResidentTag.tag),
                cameras=count(Camera.id),
                ai_cameras=ai_cameras or 0,
                sensors=count(Sensor.id),
            )

    def open_alarms(self) -> OpenAlarms:
        """The open and the unacknowledged alarms, counted in one grouped query."""
        with self._db.sessions() as session:
            rows = dict(
                session.execute(
                    select(Alarm.state, func.count(Alarm.id))
                    .where(Alarm.state != AlarmState.HANDLED)
                    .group_by(Alarm.state)
                ).all()
            )
        return OpenAlarms(open=sum(rows.values()), waiting=rows.get(AlarmState.RAISED, 0))

    def cameras(self) -> int:
        """How many cameras the site has (the device indicator's total until the wall reports)."""
        with self._db.sessions() as session:
            return session.scalar(select(func.count(Camera.id))) or 0

    def describe_database(self) -> tuple[str, str]:
        """This site's store as the status bar names it: a short label and the masked URL."""
        return describe_database(self._db.url)

    def server_version(self) -> str:
        """The store's engine and version as 关于 names it ("SQLite 3.45.1", "PostgreSQL 16.4"). It
        connects: call it off the GUI thread."""
        with self._db.engine.connect() as connection:
            dialect = connection.dialect
            version = ".".join(str(part) for part in (dialect.server_version_info or ()))
        name = (
            "SQLite"
            if dialect.name == "sqlite"
            else "PostgreSQL"
            if dialect.name == "postgresql"
            else dialect.name
        )
        return f"{name} {version}".strip()

    def database_problem(self) -> str | None:
        """None when the store answers a trivial query, else why not. It may block for as long as the
        connection times out (a dead PostgreSQL host): call it off the GUI thread."""
        try:
            with self._db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:  # noqa: BLE001 (the caller shows it)
            return str(error)
        return None
