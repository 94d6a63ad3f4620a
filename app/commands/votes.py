"""`votes new|ballot|close|show|notice|list`: residents' votes (议事表决) from the command line.

Times are ISO 8601 in the site's time zone unless they carry an offset; the closing time is compared
in UTC. `show` never prints who chose what; `show --ballots --reason TEXT` does, for the office, and
is audited.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

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
from app.grid_work.vote_notice import notice_html
from app.grid_work.vote_reads import VoteSummary, describe, inspect, list_votes
from app.grid_work.vote_rules import Threshold
from app.grid_work.votes import BallotEntry, VoteDesk, VoteDraft
from app.site_clock import SiteClock
from app.store.base import utcnow


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = work_subcommands(subparsers, "votes", "议事表决 residents' votes: open, enter ballots, count")

    new = sub.add_parser("new", help="发起表决 open a vote; prints its id")
    new.add_argument("--question", required=True, help="表决事项")
    new.add_argument("--option", action="append", default=[], help="选项 (2–10, in ballot order)")
    scope = new.add_mutually_exclusive_group(required=True)
    scope.add_argument("--grid", help="按户表决：小区或楼栋网格编码 one vote per household of this grid")
    scope.add_argument("--team", type=int, help="按成员表决：队伍 id one vote per member of this group")
    new.add_argument("--opens", help="开始时间 ISO (default: now)")
    new.add_argument("--closes", required=True, help="截止时间 ISO")
    new.add_argument("--quorum", type=int, default=50, help="参与率门槛 %% of the electorate (default 50)")
    new.add_argument("--threshold", choices=[t.value for t in Threshold], default=Threshold.MAJORITY.value)
    runs(new, _new, Permission.EDIT_ROSTER, json_output=True)

    ballot = sub.add_parser(
        "ballot", help="录入纸质选票 enter a paper ballot (a second one replaces the first)"
    )
    ballot.add_argument("id", type=int)
    voter = ballot.add_mutually_exclusive_group(required=True)
    voter.add_argument("--household", type=int, help="住户 id")
    voter.add_argument("--member", type=int, help="成员 person id")
    ballot.add_argument("--choice", type=int, required=True, help="选项序号 1, 2, ...")
    ballot.add_argument("--cast-at", help="投票时间 ISO (default: now)")
    runs(ballot, _ballot, Permission.EDIT_ROSTER, json_output=True)

    close = sub.add_parser("close", help="截止计票 count a vote after its closing time")
    close.add_argument("id", type=int)
    runs(close, _close, Permission.EDIT_ROSTER, json_output=True)

    show = sub.add_parser("show", help="表决情况 show a vote: turnout, and the result once closed")
    show.add_argument("id", type=int)
    show.add_argument("--ballots", action="store_true", help="逐票明细 (office only; audited)")
    show.add_argument("--reason", default="", help="查看明细的理由 (with --ballots)")
    runs(show, _show, Permission.VIEW_SITE, json_output=True)

    notice = sub.add_parser(
        "notice", help="结果公示 write the printable result notice (HTML) of a counted vote"
    )
    notice.add_argument("id", type=int)
    notice.add_argument("file", type=Path, help="output .html")
    runs(notice, _notice, Permission.VIEW_SITE)

    listing = sub.add_parser("list", help="表决列表 list votes, latest closing first")
    runs(listing, _list, Permission.VIEW_SITE, json_output=True)


def _new(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        clock = clock_of(site)
        draft = VoteDraft(
            args.question,
            tuple(args.option),
            utc_moment(args.opens, clock) or utcnow(),
            utc_moment(args.closes, clock),
            args.grid,
            args.team,
            args.quorum,
            args.threshold,
        )
        vote_id = refusal_as_error(lambda: VoteDesk(site).open(draft))
    if args.json:
        print_json({"vote_id": vote_id})
    else:
        print(vote_id)
    return 0


def _ballot(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        cast_at = utc_moment(args.cast_at, clock_of(site)) or utcnow()
        entry = BallotEntry(args.id, args.choice, cast_at, args.household, args.member)
        replaced = refusal_as_error(lambda: VoteDesk(site).ballot(entry))
    if args.json:
        print_json({"vote_id": args.id, "replaced": replaced})
    else:
        print("已替换该户此前的选票 replaced the earlier ballot" if replaced else "已录入 entered")
    return 0


def _close(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        result = refusal_as_error(lambda: VoteDesk(site).close(args.id))
    if args.json:
        print_json(result.as_dict())
    else:
        _print_result(result.as_dict())
    return 0


def _show(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        clock = clock_of(site)
        with site.db.session() as session:
            summary = refusal_as_error(lambda: describe(session, args.id))
            lines = (
                refusal_as_error(lambda: inspect(session, site.seat, args.id, args.reason))
                if args.ballots
                else None
            )
    data = _summary_dict(summary, clock)
    if lines is not None:
        data["ballot_lines"] = [
            dataclasses.asdict(b)
            | {"cast_at": clock.iso(b.cast_at, "minutes"), "entered_at": clock.iso(b.entered_at, "minutes")}
            for b in lines
        ]
    if args.json:
        print_json(data)
        return 0
    print(f"表决 {summary.vote_id}：{summary.question}（{summary.scope}）")
    print(f"  {data['opens_at']} — {data['closes_at']}  已投 {summary.ballots} 票")
    for position, text in enumerate(summary.options, start=1):
        print(f"  {position}. {text}")
    if summary.result:
        _print_result(summary.result)
    for line in data.get("ballot_lines", ()):
        print(f"    {line['voter']}  选 {line['choice']}  {line['cast_at']}  录入：{line['entered_by']}")
    return 0


def _notice(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        clock = clock_of(site)
        with site.db.session() as session:
            summary = refusal_as_error(lambda: describe(session, args.id))
        page = refusal_as_error(lambda: notice_html(summary, clock.zone, utcnow()))
    try:
        args.file.write_text(page, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"无法写入 cannot write {args.file}: {error.strerror}") from error
    print(args.file)
    return 0


def _list(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        clock = clock_of(site)
        with site.db.session() as session:
            votes = list_votes(session)
    if args.json:
        print_json([_summary_dict(v, clock) for v in votes])
        return 0
    for v in votes:
        state = "已计票" if v.closed_at else "进行中"
        print(
            f"{v.vote_id}  {state}  {v.question}（{v.scope}）截止 {clock.iso(v.closes_at, 'minutes')}  已投 {v.ballots}"
        )
    return 0


def _summary_dict(summary: VoteSummary, clock: SiteClock) -> dict:
    return dataclasses.asdict(summary) | {
        "opens_at": clock.iso(summary.opens_at, "minutes"),
        "closes_at": clock.iso(summary.closes_at, "minutes"),
        "closed_at": clock.iso(summary.closed_at, "minutes"),
    }


def _print_result(result: dict) -> None:
    print(
        f"  参与 {result['ballots']}/{result['electorate']}（{result['turnout_percent']}%，"
        f"门槛 {result['quorum_percent']}%{'，已达到' if result['quorum_met'] else '，未达到'}）"
    )
    for count in result["counts"]:
        print(f"  {count['position']}. {count['text']}：{count['count']} 票")
    rule = Threshold(result["threshold"]).zh
    print(
        f"  结果：第 {result['winner']} 项以{rule}通过"
        if result["decided"]
        else f"  结果：未形成决定（须{rule}）"
    )
