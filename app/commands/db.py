"""`db upgrade`: apply the schema migrations."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from app.cli import CommandError
from app.store import Database


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Open a site database, bringing its schema up to date; a bad URL or connection problems become
    plain errors."""
    try:
        db = Database(url)
    except ArgumentError as error:
        raise CommandError(f"数据库地址无效 invalid database URL {url!r}: {error}") from error
    try:
        if upgrade:
            db.upgrade()
    except OperationalError as error:
        raise CommandError(f"无法连接数据库 cannot open database {db.safe_url}: {error.orig}") from error
    except SQLAlchemyError as error:
        raise CommandError(f"无法打开数据库 cannot open database {db.safe_url}: {error}") from error
    return db


def register(subparsers: argparse._SubParsersAction) -> None:
    db_parser = subparsers.add_parser("db", help="数据库 database schema")
    db_sub = db_parser.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="apply all schema migrations")
    upgrade.set_defaults(handler=_upgrade)
    mark = db_sub.add_parser(
        "mark-simulation",
        help="标记为推演副本 mark this database as a copy on which `tickets … --simulate` may run",
    )
    mark.add_argument("--source", required=True, help="the site it was copied from (for the record)")
    mark.set_defaults(handler=_mark_simulation)


def _upgrade(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    print(f"schema up to date: {db.safe_url}")
    return 0


def _mark_simulation(args: argparse.Namespace) -> int:
    from app.config import Seat
    from app.simulation import mark_as_copy

    db = open_database(args.db)
    try:
        mark_as_copy(db, Seat(), args.source)
    finally:
        db.dispose()
    print(f"已标记为推演副本 marked as a simulation copy of {args.source}: {db.safe_url}")
    return 0
