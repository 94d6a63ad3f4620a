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
from runtime.read.seat_scope import seat_scope, within


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


def _tickets_within(scope: frozenset[int] | None) -> tuple:
    """A ticket is in a subtree when the most precise grid it is filed under is."""
    if scope is None:
        return ()
    deepest = func.coalesce(Ticket.grid_l4_id, Ticket.grid_l3_id, Ticket.grid_l2_id, Ticket.grid_l1_id)
    return (deepest.in_(scope),)


class SiteStats:
    """The site's counts and the store's health; each read opens and closes its own session.

    A grid worker's counts are their subtree's (the seat's `User.grid_scope`), whatever the view asks."""

    def __init__(self, site: SiteContext) -> None:
        self._db = site.db
        self._site = site

    @property
    def scope(self) -> frozenset[int] | None:
        """The signed-in grid worker's subtree; None: the whole site."""
        return seat_scope(self._site)

    def counts(self) -> SiteCounts:
        """Everything the statistics panel shows, in one session."""
        scope = self.scope
        households = select(Household.id).join(Building).where(*within(Building.grid_id, scope))
        residents = select(Resident.id).where(Resident.household_id.in_(households))
        with self._db.sessions() as session:

            def count(column, *where) -> int:
                return session.scalar(select(func.count(column)).where(*where)) or 0

            def grouped(column, *where) -> dict:
                return dict(
                    session.execute(select(column, func.count()).where(*where).group_by(column)).all()
                )

            return SiteCounts(
                open_tickets=count(Ticket.id, Ticket.state.in_(list(OPEN_STATES)), *_tickets_within(scope)),
                open_alarms=count(Alarm.id, Alarm.state != AlarmState.HANDLED, *within(Alarm.grid_id, scope)),
                grids_by_level=grouped(Grid.level, *within(Grid.id, scope)),
                staff=count(
                    distinct(Duty.person_id),
                    Duty.role.in_([DutyRole.LEADER, DutyRole.MEMBER]),
                    *within(Duty.grid_id, scope),
                ),
                buildings=count(Building.id, *within(Building.grid_id, scope)),
                households=count(Household.id, Household.id.in_(households)),
                residents=count(Resident.id, Resident.id.in_(residents)),
                tagged=grouped(ResidentTag.tag, ResidentTag.resident_id.in_(residents)),
                cameras=count(Camera.id, *within(Camera.grid_id, scope)),
                ai_cameras=count(Camera.id, Camera.ai_enabled.is_(True), *within(Camera.grid_id, scope)),
                sensors=count(Sensor.id, *within(Sensor.grid_id, scope)),
            )

    def open_alarms(self) -> OpenAlarms:
        """The open and the unacknowledged alarms (a grid worker's: their subtree's), in one grouped query."""
        scope = self.scope
        with self._db.sessions() as session:
            rows = dict(
                session.execute(
                    select(Alarm.state, func.count(Alarm.id))
                    .where(Alarm.state != AlarmState.HANDLED)
                    .where(*within(Alarm.grid_id, scope))
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
