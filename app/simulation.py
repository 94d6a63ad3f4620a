"""Simulation copies of a site database: the one place where ticket times may travel.

`tickets … --simulate` runs on a copy, never on the site itself: on SQLite the command makes the copy
(`<file>.simulation.sqlite` beside the site, made afresh from the site each time, through SQLite's
backup API so a running site is copied consistently); a database already marked as a copy is used as it
is, so several simulated commands can follow each other on it (`--db` the copy). A PostgreSQL site is
copied by `backup` and `restore` into an empty database, which `db mark-simulation` then marks. The mark
is a site setting, written with an audit entry like every other.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from app.config import Seat
from app.site_settings import read_setting, write_setting
from app.store import Database

COPY_OF = "simulation.copy_of"


class SimulationError(Exception):
    """A simulation cannot run here; the message says what to do instead."""


def copy_of(db: Database) -> str | None:
    """The site a simulation copy was made from, or None for a real site."""
    with db.session() as session:
        source = read_setting(session, COPY_OF)
    return None if source is None else str(source)


def mark_as_copy(db: Database, seat: Seat, source: str) -> None:
    with db.session() as session:
        write_setting(session, seat, COPY_OF, source)


def simulation_database(db: Database, seat: Seat) -> Database:
    """`db` itself when it is a simulation copy; otherwise a fresh SQLite copy of it, marked."""
    if copy_of(db) is not None:
        return db
    if not db.is_sqlite:
        raise SimulationError(
            "PostgreSQL 站点不能直接推演：请用 backup / restore 恢复到一个空库，运行 db mark-simulation 后以 "
            "--db 指向该库 simulate on a copy: restore a backup into an empty database, mark it with "
            "`db mark-simulation` and pass it as --db"
        )
    source = Path(make_url(db.url).database)
    target = source.with_name(f"{source.stem}.simulation{source.suffix or '.sqlite'}")
    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    reading.close()
    writing.close()
    copy = Database(f"sqlite:///{target}")
    mark_as_copy(copy, seat, db.safe_url)
    return copy
