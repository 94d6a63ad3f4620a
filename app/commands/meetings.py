"""`meetings add|list`: grid meetings with agenda, attendance, minutes and resolutions (a resolution
may become a ticket or be put to a vote of the grid's households)."""

from __future__ import annotations

import argparse
import dataclasses

from app.access import Permission
from app.cli import CommandError
from app.commands.work_common import (
    announcing_site,
    clock_of,
    print_json,
    reading_site,
    refusal_as_error,
    runs,
    ticket_desk,
    utc_moment,
    work_subcommands,
)
from app.grid_work.meeting_list import list_meetings
from app.grid_work.meetings import MeetingBook, MeetingDraft, ResolutionDraft
from app.grid_work.scope import grid_scope
from app.site_clock import SiteClock
from app.store.base import utcnow


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = work_subcommands(subparsers, "meetings", "网格会议 grid meetings: attendance, minutes, resolutions")

    add = sub.add_parser("add", help="登记会议 record a meeting; prints its id")
    add.add_argument("--grid", required=True, help="网格编码")
    add.add_argument("--title", required=True)
    add.add_argument("--at", help="会议时间 ISO (default: now; not in the future)")
    add.add_argument("--present", required=True, help="到会人员 person ids, comma separated")
    add.add_argument("--absent", default="", help="缺席人员 person ids, comma separated")
    add.add_argument("--agenda", default="")
    add.add_argument("--minutes", default="")
    add.add_argument("--place", default="", help="会议地点")
    add.add_argument("--resolution", action="append", default=[], help="决议 (repeatable)")
    add.add_argument(
        "--ticket-resolution", action="append", default=[], metavar="CATEGORY:TEXT", help="转为工单的决议"
    )
    add.add_argument("--vote-resolution", action="append", default=[], metavar="TEXT", help="付诸表决的决议")
    add.add_argument("--vote-closes", help="表决截止时间 ISO (with --vote-resolution)")
    runs(add, _add, Permission.EDIT_ROSTER, json_output=True)

    listing = sub.add_parser("list", help="会议记录 meetings, newest first")
    listing.add_argument("--grid")
    listing.add_argument("--from", dest="start")
    listing.add_argument("--to", dest="end")
    runs(listing, _list, Permission.VIEW_SITE, json_output=True)


def _ids(text: str, what: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise CommandError(
            f"{what} 须为逗号分隔的人员 id  must be person ids separated by commas: {text!r}"
        ) from None


def _resolutions(args: argparse.Namespace, clock: SiteClock) -> tuple[ResolutionDraft, ...]:
    drafts = [ResolutionDraft(text) for text in args.resolution]
    for item in args.ticket_resolution:
        category, _, text = item.partition(":")
        if not text.strip():
            raise CommandError(f"--ticket-resolution 格式应为 CATEGORY:TEXT: {item!r}")
        drafts.append(ResolutionDraft(text, ticket_category=category.strip()))
    if args.vote_resolution and not args.vote_closes:
        raise CommandError("--vote-resolution 需要 --vote-closes  a vote needs its closing time")
    closes = utc_moment(args.vote_closes, clock)
    drafts += [ResolutionDraft(text, vote_closes_at=closes) for text in args.vote_resolution]
    return tuple(drafts)


def _add(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        clock = clock_of(site)
        draft = MeetingDraft(
            args.grid,
            utc_moment(args.at, clock) or utcnow(),
            args.title,
            _ids(args.present, "--present"),
            _ids(args.absent, "--absent"),
            args.agenda,
            args.minutes,
            _resolutions(args, clock),
            args.place,
        )
        recorded = refusal_as_error(lambda: MeetingBook(site, ticket_desk(site)).record(draft))
    if args.json:
        print_json(dataclasses.asdict(recorded))
    else:
        print(recorded.meeting_id)
    return 0


def _list(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        clock = clock_of(site)
        with site.db.session() as session:
            grid_ids = refusal_as_error(lambda: grid_scope(session, args.grid))[1]
            rows = list_meetings(
                session, grid_ids, utc_moment(args.start, clock), utc_moment(args.end, clock)
            )
    if args.json:
        print_json([dataclasses.asdict(r) | {"at": clock.iso(r.at, "minutes")} for r in rows])
        return 0
    for r in rows:
        print(
            f"{clock.iso(r.at, 'minutes')}  {r.grid}  {r.title}  到会 {len(r.present)} 人，缺席 {len(r.absent)} 人"
        )
        for line in r.resolutions:
            linked = (
                f"  → 工单 {line.ticket_id}"
                if line.ticket_id
                else f"  → 表决 {line.vote_id}"
                if line.vote_id
                else ""
            )
            print(f"    决议：{line.text}{linked}")
    return 0
