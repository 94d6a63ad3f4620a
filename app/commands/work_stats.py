"""`work-stats --grid CODE --from --to [--json]`: the grid's work in a period (工作统计).

`--from` and `--to` are dates or times in the site's time zone; a date alone covers that whole day,
so `--from 2026-11-01 --to 2026-11-30` is November.
"""

from __future__ import annotations

import argparse
import re
from datetime import timedelta

from app.access import Permission
from app.cli import CommandError
from app.commands.work_common import clock_of, print_json, reading_site, refusal_as_error, utc_moment
from app.grid_work.findings import FindingTag
from app.grid_work.work_stats import WorkStats, work_stats

DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "work-stats", help="工作统计 the grid's work in a period: visits, findings, votes"
    )
    parser.add_argument(
        "--grid", help="网格编码 grid code: that grid and every grid below it (default: site)"
    )
    parser.add_argument("--from", dest="start", required=True, help="开始日期或时间 (included)")
    parser.add_argument("--to", dest="end", required=True, help="结束日期 (included) or time (excluded)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=_work_stats, permission=Permission.VIEW_SITE)


def _work_stats(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        clock = clock_of(site)
        start = utc_moment(args.start.strip(), clock)
        end = utc_moment(args.end.strip(), clock)
        if DATE_ONLY.match(args.end.strip()):
            end += timedelta(days=1)  # the whole last day
        if end <= start:
            raise CommandError("结束时间须晚于开始时间 --to must come after --from")
        stats = refusal_as_error(lambda: work_stats(site, args.grid, start, end))
    if args.json:
        print_json(
            stats.as_dict()
            | {"start": clock.iso(stats.start, "minutes"), "end": clock.iso(stats.end, "minutes")}
        )
    else:
        print(render(stats, clock.iso(start, "minutes"), clock.iso(end, "minutes")))
    return 0


def render(stats: WorkStats, start: str, end: str) -> str:
    tags = "，".join(f"{FindingTag(tag).zh} {n}" for tag, n in stats.findings_by_tag) or "无"
    lines = [
        f"{stats.grid_name} 工作统计 {start} — {end}",
        f"  志愿服务队 {stats.volunteer_teams} 支",
        f"  入户走访 {stats.visits} 次，{stats.households_visited} 户，{stats.people_reached} 人次",
        f"  发现问题 {stats.findings} 个（{tags}），转工单 {stats.findings_ticketed} 个，其中办结 {stats.findings_solved} 个",
        f"  办结工单 {stats.tickets_solved} 个（全部来源）",
        f"  网格员会议 {stats.meetings} 次",
        f"  议事表决 {stats.votes_held} 次",
        f"  志愿活动 {stats.volunteer_activities} 次，服务时长 {stats.volunteer_hours:g} 小时",
    ]
    if stats.volunteer_hours_note:
        lines.append(f"    注：{stats.volunteer_hours_note}")
    return "\n".join(lines)
