"""The demo site's accounts, one per role, with a documented password (README): only ever written into
the demo site (`demo`, `gui --demo`), never into a real one."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access import Role
from app.access.passwords import hash_secret
from app.models import Building, Grid, Household, Person, UserAccount

DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNTS = (
    ("admin", Role.ADMIN),
    ("zhibanzhang", Role.SUPERVISOR),
    ("zhibanyuan", Role.OPERATOR),
    ("wangge", Role.GRID_WORKER),
    ("minjing", Role.POLICE),
    ("daping", Role.WALL),
)
# The staff member each demo account belongs to, so the screens name a person ("值班员 王芳"); the wall
# screen is a seat, not a person. Each has a mobile of their own, as every person of a site does (the site
# workbook names people by mobile): numbers from a block the demo's generated residents never use.
DEMO_PEOPLE = {
    "admin": ("陈静", "19900000101"),
    "zhibanzhang": ("李建华", "19900000102"),
    "zhibanyuan": ("王芳", "19900000103"),
    "wangge": ("张磊", "19900000104"),
    "minjing": ("刘志强", "19900000105"),
}


def write_demo_accounts(session: Session, community_grid_id: int) -> None:
    """Every demo role; the grid worker works the detailed community (`community_grid_id`'s subtree)."""
    for name, role in DEMO_ACCOUNTS:
        grid_id = community_grid_id if role is Role.GRID_WORKER else None
        person = None
        if name in DEMO_PEOPLE:
            person_name, phone = DEMO_PEOPLE[name]
            person = Person(name=person_name, phone=phone, title=role.zh)
            session.add(person)
            session.flush()
        session.add(
            UserAccount(
                name=name,
                role=role.value,
                grid_id=grid_id,
                person_id=person.id if person is not None else None,
                password_hash=hash_secret(DEMO_PASSWORD),
            )
        )


def ensure_demo_accounts(session: Session) -> None:
    """A demo site built before it had accounts gets them (only the demo path calls this)."""
    if session.scalar(select(func.count()).select_from(UserAccount)):
        return
    grid = session.get(Grid, session.scalar(select(Building.grid_id).join(Household).limit(1)) or -1)
    while grid is not None and grid.level > 2:  # up to the community the demo's households live in
        grid = grid.parent
    if grid is not None:
        write_demo_accounts(session, grid.id)
