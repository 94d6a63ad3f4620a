"""`volunteers teams|add-team|join|activity`: volunteer teams (志愿服务队), members and activities with
each member's hours (the work statistics add them up)."""

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
    utc_moment,
    work_subcommands,
)
from app.grid_work.scope import grid_scope
from app.grid_work.volunteers import ActivityDraft, VolunteerBook, list_teams
from app.store.base import utcnow


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = work_subcommands(
        subparsers, "volunteers", "志愿服务 volunteer teams, members, activities and hours"
    )

    teams = sub.add_parser("teams", help="志愿服务队 the teams with members, activities and hours")
    teams.add_argument("--grid", help="网格编码: that grid and every grid below it")
    runs(teams, _teams, Permission.VIEW_SITE, json_output=True)

    add = sub.add_parser("add-team", help="新建队伍 add a team; prints its id")
    add.add_argument("--name", required=True)
    add.add_argument("--grid", required=True, help="所属网格编码")
    add.add_argument("--purpose", default="", help="服务内容")
    add.add_argument(
        "--kind",
        choices=("volunteer", "self_governance"),
        default="volunteer",
        help="volunteer 志愿服务队 (default) or self_governance 居民自治小组 (one per compound)",
    )
    runs(add, _add_team, Permission.EDIT_ROSTER)

    join = sub.add_parser("join", help="加入队伍 add a person (people table) to a team")
    join.add_argument("team", type=int)
    join.add_argument("person", type=int)
    runs(join, _join, Permission.EDIT_ROSTER)

    activity = sub.add_parser("activity", help="登记志愿活动 record an activity; prints its id")
    activity.add_argument("team", type=int)
    activity.add_argument("--title", required=True)
    activity.add_argument("--at", help="活动时间 ISO (default: now; not in the future)")
    activity.add_argument(
        "--hours",
        action="append",
        default=[],
        metavar="PERSON=H",
        help="成员服务时长 (repeatable), e.g. 12=2.5",
    )
    activity.add_argument("--note", default="")
    activity.add_argument("--place", default="", help="活动地点")
    activity.add_argument("--ticket", type=int, help="服务的工单号 the ticket whose need it served")
    runs(activity, _activity, Permission.EDIT_ROSTER)


def _teams(args: argparse.Namespace) -> int:
    with reading_site(args) as site, site.db.session() as session:
        lines = refusal_as_error(lambda: list_teams(session, grid_scope(session, args.grid)[1]))
    if args.json:
        print_json([dataclasses.asdict(line) for line in lines])
        return 0
    for t in lines:
        print(
            f"{t.team_id}  {t.name}（{t.grid}）成员 {t.members} 人，活动 {t.activities} 次，{t.hours:g} 小时  {t.purpose}"
        )
    return 0


def _add_team(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        print(
            refusal_as_error(
                lambda: VolunteerBook(site).add_team(args.name, args.grid, args.purpose, args.kind)
            )
        )
    return 0


def _join(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        joined = refusal_as_error(lambda: VolunteerBook(site).join(args.team, args.person))
    print("已加入 joined" if joined else "已是队员 already a member")
    return 0


def _activity(args: argparse.Namespace) -> int:
    hours = []
    for item in args.hours:
        person, _, value = item.partition("=")
        try:
            hours.append((int(person), float(value)))
        except ValueError:
            raise CommandError(f"--hours 格式应为 PERSON=H, e.g. 12=2.5: {item!r}") from None
    with announcing_site(args) as site:
        at = utc_moment(args.at, clock_of(site)) or utcnow()
        draft = ActivityDraft(args.team, at, args.title, tuple(hours), args.note, args.place, args.ticket)
        print(refusal_as_error(lambda: VolunteerBook(site).record_activity(draft)))
    return 0
