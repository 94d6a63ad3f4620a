"""`visits add|list|overdue|plan|correct|void`: home visits (入户走访) from the command line.

Times are ISO 8601 in the site's time zone unless they carry an offset.
"""

from __future__ import annotations

import argparse
import dataclasses

from app.access import Permission
from app.cli import CommandError
from app.commands.work_common import (
    announcing_site,
    clock_of,
    grid_option,
    print_json,
    reading_site,
    refusal_as_error,
    runs,
    ticket_desk,
    utc_moment,
    work_subcommands,
)
from app.grid_work.findings import FindingTag, finding_tag
from app.grid_work.scope import grid_scope
from app.grid_work.visit_corrections import VisitCorrection, VisitCorrections
from app.grid_work.visit_list import list_visits, overdue_households
from app.grid_work.visit_plan import checked_plan, read_plan, save_plan
from app.grid_work.visits import FindingDraft, VisitDraft, VisitLog
from app.models import Visit
from app.store.base import utcnow

TAGS_HELP = "、".join(f"{t.zh}({t.value})" for t in FindingTag)


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = work_subcommands(subparsers, "visits", "入户走访 home visits: record, list, overdue, plan")

    add = sub.add_parser("add", help="登记走访 record a visit; prints its id")
    add.add_argument("--household", type=int, required=True, help="住户 id")
    add.add_argument("--visitor", type=int, required=True, help="走访人 person id (people table)")
    add.add_argument("--at", help="走访时间 ISO (default: now; not in the future)")
    add.add_argument("--met", type=int, default=1, help="见到的人数 people met (default 1)")
    add.add_argument("--note", default="", help="走访记录")
    add.add_argument(
        "--finding",
        action="append",
        default=[],
        metavar="TAG:TEXT",
        help=f"走访发现 (repeatable); TAG: {TAGS_HELP}",
    )
    add.add_argument(
        "--ticket",
        action="append",
        default=[],
        metavar="TAG:CATEGORY:TEXT",
        help="转为工单的走访发现 a finding that becomes a ticket of this category (repeatable)",
    )
    add.add_argument("--force", action="store_true", help="即使有同类未办结工单也新建")
    runs(add, _add, Permission.EDIT_ROSTER, json_output=True)

    listing = sub.add_parser("list", help="走访记录 list visits, newest first")
    grid_option(listing)
    listing.add_argument("--household", type=int)
    listing.add_argument("--from", dest="start", help="ISO, included")
    listing.add_argument("--to", dest="end", help="ISO, excluded")
    runs(listing, _list, Permission.VIEW_SITE, json_output=True)

    overdue = sub.add_parser("overdue", help="逾期未走访 households due for a visit, by grid worker")
    grid_option(overdue)
    runs(overdue, _overdue, Permission.VIEW_SITE, json_output=True)

    correct = sub.add_parser("correct", help="更正走访记录 correct a visit (audited with the reason)")
    correct.add_argument("id", type=int)
    correct.add_argument("--reason", required=True, help="更正理由")
    correct.add_argument("--visitor", type=int, help="走访人 person id")
    correct.add_argument("--at", help="走访时间 ISO")
    correct.add_argument("--met", type=int, help="见到的人数")
    correct.add_argument("--note", help="走访记录")
    runs(correct, _correct, Permission.EDIT_ROSTER)

    void = sub.add_parser(
        "void", help="作废走访记录 void a visit entered by mistake: kept, marked, counted nowhere"
    )
    void.add_argument("id", type=int)
    void.add_argument("--reason", required=True, help="作废理由")
    runs(void, _void, Permission.EDIT_ROSTER)

    plan = sub.add_parser("plan", help="走访计划 visits a year by resident tag (show or change)")
    plan.add_argument("--default", type=int, help="每户每年至少走访次数")
    plan.add_argument("--set", action="append", default=[], metavar="TAG=N", help="e.g. elderly_alone=12")
    runs(plan, _plan, Permission.MANAGE_SITE, json_output=True)


def _split(text: str, parts: int, what: str) -> list[str]:
    pieces = text.split(":", parts - 1)
    if len(pieces) != parts or not all(p.strip() for p in pieces):
        raise CommandError(
            f"{what} 格式应为 should be {'TAG:CATEGORY:TEXT' if parts == 3 else 'TAG:TEXT'}: {text!r}"
        )
    return pieces


def _findings(args: argparse.Namespace) -> tuple[FindingDraft, ...]:
    drafts = [FindingDraft(*_split(text, 2, "--finding")) for text in args.finding]
    for text in args.ticket:
        tag, category, description = _split(text, 3, "--ticket")
        drafts.append(FindingDraft(tag, description, category.strip()))
    return tuple(drafts)


def _add(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        at = utc_moment(args.at, clock_of(site)) or utcnow()
        draft = VisitDraft(args.household, args.visitor, at, args.met, args.note, _findings(args))
        recorded = refusal_as_error(
            lambda: VisitLog(site, ticket_desk(site)).record(draft, force_tickets=args.force)
        )
    if args.json:
        print_json(dataclasses.asdict(recorded))
    else:
        tickets = "、".join(str(t) for t in recorded.ticket_ids) or "无"
        print(f"{recorded.visit_id}  (走访发现 {len(recorded.finding_ids)} 条，转工单 {tickets})")
    return 0


def _list(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        clock = clock_of(site)
        start, end = utc_moment(args.start, clock), utc_moment(args.end, clock)
        with site.db.session() as session:
            _scope, grid_ids = refusal_as_error(lambda: grid_scope(session, args.grid))
            rows = list_visits(session, grid_ids, start, end, args.household)
    if args.json:
        print_json([dataclasses.asdict(r) | {"at": clock.iso(r.at, "minutes")} for r in rows])
        return 0
    for r in rows:
        print(f"{clock.iso(r.at, 'minutes')}  {r.address}  {r.visitor}  见{r.people_met}人  {r.note}")
        for f in r.findings:
            ticket = f"  → 工单 {f.ticket_id}" if f.ticket_id else ""
            print(f"    [{finding_tag(f.tag).zh}] {f.text}{ticket}")
    return 0


def _overdue(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        clock = clock_of(site)
        with site.db.session() as session:
            _scope, grid_ids = refusal_as_error(lambda: grid_scope(session, args.grid))
            rows = overdue_households(session, grid_ids, utcnow())
    if args.json:
        print_json(
            [
                dataclasses.asdict(r)
                | {"last_visit": clock.iso(r.last_visit, "minutes"), "due": clock.iso(r.due, "minutes")}
                for r in rows
            ]
        )
        return 0
    worker = None
    for r in rows:
        if r.worker != worker:
            worker = r.worker
            print(f"{worker or '（无网格员）'}:")
        since = f"应于 {clock.iso(r.due, 'minutes')[:10]} 前走访" if r.due else "从未走访"
        print(f"    {r.address}  每年{r.per_year}次  {since}")
    return 0


def _plan(args: argparse.Namespace) -> int:
    with announcing_site(args) as site, site.db.session() as session:
        plan = read_plan(session)
        if args.default is not None or args.set:
            by_tag = dict(plan.by_tag)
            for item in args.set:
                tag, _, count = item.partition("=")
                if not count.strip().isdigit():
                    raise CommandError(f"--set 格式应为 TAG=N: {item!r}")
                by_tag[tag.strip()] = int(count)
            default = plan.default if args.default is None else args.default
            plan = refusal_as_error(lambda: checked_plan(default, by_tag))
            save_plan(session, site.seat, plan)
    if args.json:
        print_json(plan.as_dict())
    else:
        print(
            f"每户每年至少 {plan.default} 次；"
            + "；".join(f"{t} {n} 次" for t, n in sorted(plan.by_tag.items()))
        )
    return 0


def _correct(args: argparse.Namespace) -> int:
    """What is not given stays as it was."""
    with announcing_site(args) as site:
        with site.db.session() as session:
            visit = session.get(Visit, args.id)
            if visit is None:
                raise CommandError(f"走访 {args.id} 不存在 visit {args.id} does not exist")
            current = (visit.person_id, visit.at, visit.people_met, visit.note)
        change = VisitCorrection(
            args.id,
            args.visitor if args.visitor is not None else current[0],
            utc_moment(args.at, clock_of(site)) or current[1],
            args.met if args.met is not None else current[2],
            args.note if args.note is not None else current[3],
            args.reason,
        )
        refusal_as_error(lambda: VisitCorrections(site).correct(change))
    print("已更正 corrected")
    return 0


def _void(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        refusal_as_error(lambda: VisitCorrections(site).void(args.id, args.reason))
    print("已作废 voided")
    return 0
