"""What the grid-work commands (`visits`, `votes`, `work-stats`) share: their subcommands' wiring
(handler, permission, `--json`), the site they act on, its time zone for what is typed and printed,
the core's refusals as the command's error, and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from app.access import Permission
from app.cli import CommandError
from app.commands.db import open_database
from app.context import SiteContext
from app.grid_work.errors import WorkError
from app.site_clock import SiteClock, clock_in
from app.store.announce import announced
from app.tickets import TicketDesk, load_categories
from app.tickets.categories import CategoryError
from app.tickets.locating import GridLocator

T = TypeVar("T")


def work_subcommands(
    subparsers: argparse._SubParsersAction, name: str, help: str
) -> argparse._SubParsersAction:
    """The command `name` and the place for its subcommands (`args.<name>_command` names the one run)."""
    parser = subparsers.add_parser(name, help=help)
    return parser.add_subparsers(dest=f"{name}_command", required=True)


def runs(
    parser: argparse.ArgumentParser,
    handler: Callable[[argparse.Namespace], int],
    permission: Permission,
    json_output: bool = False,
) -> None:
    """The end of a subcommand's arguments: `--json` when it can print JSON, what it runs and the
    permission the signed-in user needs for it."""
    if json_output:
        parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=handler, permission=permission)


def grid_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--grid", help="网格编码 grid code: that grid and every grid below it (default: site)"
    )


def refusal_as_error(action: Callable[[], T]) -> T:
    """`action()`; the core's refusal (`WorkError`) becomes the command's error, in the same words."""
    try:
        return action()
    except WorkError as error:
        raise CommandError(str(error)) from error


@contextmanager
def announcing_site(args: argparse.Namespace) -> Iterator[SiteContext]:
    """The site of a command that changes it: every seat hears of the change at once."""
    db = open_database(args.db)
    with announced(db) as hub:
        yield SiteContext(db, hub=hub, seat=args.seat)


@contextmanager
def reading_site(args: argparse.Namespace) -> Iterator[SiteContext]:
    """The site of a command that only reads (and may audit the read): no relay to the other seats."""
    yield SiteContext(open_database(args.db), seat=args.seat)


def ticket_desk(site: SiteContext) -> TicketDesk:
    try:
        categories = load_categories()
    except CategoryError as error:
        raise CommandError(str(error)) from error
    with site.db.session() as session:
        locator = GridLocator.load(session)
    return TicketDesk(site.db, seat=site.seat, hub=site.hub, categories=categories, locate=locator)


def clock_of(site: SiteContext) -> SiteClock:
    """The site's clock as its settings say now (read in a session of its own)."""
    with site.db.session() as session:
        return clock_in(session)


def utc_moment(text: str | None, clock: SiteClock) -> datetime | None:
    """A typed time (the site's wall clock unless it has an offset) as naive UTC."""
    if text is None:
        return None
    try:
        return clock.parse(text)
    except ValueError as error:
        raise CommandError(str(error)) from None


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()
