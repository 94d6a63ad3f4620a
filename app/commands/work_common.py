"""What the grid-work commands (`visits`, `votes`, `work-stats`) share: the site they act on, its
time zone for what is typed and printed, and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.cli import CommandError
from app.commands.db import open_database
from app.context import SiteContext
from app.grid_work.errors import WorkError
from app.grid_work.site_time import parse_moment, site_zone, to_utc
from app.store.announce import announced
from app.tickets import TicketDesk, load_categories
from app.tickets.categories import CategoryError
from app.tickets.locating import GridLocator


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


def zone_of(site: SiteContext) -> ZoneInfo:
    with site.db.session() as session:
        return site_zone(session)


def utc_moment(text: str | None, zone: ZoneInfo) -> datetime | None:
    """A typed time (the site's wall clock unless it has an offset) as naive UTC."""
    if text is None:
        return None
    try:
        return to_utc(parse_moment(text), zone)
    except WorkError as error:
        raise CommandError(str(error)) from None


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()
