"""`fund add|reverse|list|statement`: a compound's mutual-aid fund (爱心基金) from the command line, acting
as the signed-in user; amounts are typed in yuan and kept in integer fen; entries are never deleted
(`reverse` records a reversing entry). `statement --pdf` writes the monthly statement with Qt."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from app.access import Permission
from app.cli import CommandError
from app.commands.work_common import announcing_site, clock_of, print_json, reading_site, utc_moment
from app.grid_work.errors import WorkError
from app.grid_work.fund import FundBook, FundDraft, FundKind, parse_yuan, yuan
from app.site_clock import SiteClock
from runtime.read.grid_chain import GridChains
from runtime.read.pairing import PairingReads


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("fund", help="爱心基金 a compound's mutual-aid fund: ledger and statement")
    sub = parser.add_subparsers(dest="fund_command", required=True)

    add = sub.add_parser("add", help="登记收支 record income or spending; prints the entry id")
    add.add_argument("--grid", required=True, help="小区网格编码 (level 3)")
    kind = add.add_mutually_exclusive_group(required=True)
    kind.add_argument("--income", action="store_const", dest="kind", const=FundKind.INCOME)
    kind.add_argument("--spending", action="store_const", dest="kind", const=FundKind.SPENDING)
    add.add_argument("--category", required=True, help="类别, e.g. 捐款 / 物业费返还 / 困难居民保洁")
    add.add_argument("--amount", required=True, help="金额（元）, e.g. 200 or 35.50")
    add.add_argument("--at", help="日期时间 ISO in the site's zone (default: now)")
    add.add_argument("--party", default="", help="付款人或收款人")
    add.add_argument("--receipt", default="", help="收据/凭证号")
    add.add_argument("--note", default="")
    add.set_defaults(handler=_add, permission=Permission.KEEP_FUND)

    reverse = sub.add_parser("reverse", help="冲销 record a reversing entry for an entry")
    reverse.add_argument("entry", type=int)
    reverse.add_argument("--reason", required=True)
    reverse.set_defaults(handler=_reverse, permission=Permission.KEEP_FUND)

    listing = sub.add_parser("list", help="账目 the ledger and balance of a compound's fund (or every fund)")
    listing.add_argument("--grid", help="小区网格编码 (default: every fund and its balance)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list, permission=Permission.KEEP_FUND)

    month = sub.add_parser("statement", help="月度收支明细 the monthly statement")
    month.add_argument("--grid", required=True)
    month.add_argument("--month", required=True, help="YYYY-MM in the site's zone")
    month.add_argument("--pdf", type=Path, help="write the statement as PDF")
    month.add_argument("--json", action="store_true")
    month.set_defaults(handler=_statement, permission=Permission.KEEP_FUND)


def _reads(site) -> PairingReads:
    return PairingReads(site, GridChains(site))


def _add(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        amount = _run(lambda: parse_yuan(args.amount))
        at = utc_moment(args.at, clock_of(site)) or site.clock.utcnow()
        draft = FundDraft(
            args.grid, args.kind, args.category, amount, at, args.party, args.receipt, args.note
        )
        print(_run(lambda: FundBook(site).add(draft)))
    return 0


def _reverse(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        print(_run(lambda: FundBook(site).reverse(args.entry, args.reason)))
    return 0


def _list(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        reads, clock = _reads(site), clock_of(site)
        if args.grid is None:
            funds = _run(reads.funds)
            if args.json:
                print_json([dataclasses.asdict(f) for f in funds])
            for f in [] if args.json else funds:
                print(f"{f.grid_code}  {f.grid_name}  {f.entries} 笔  余额 {yuan(f.balance_fen)} 元")
            return 0
        summary, lines = _run(lambda: reads.fund(args.grid))
    if args.json:
        print_json({**dataclasses.asdict(summary), "entries": [_json_line(line, clock) for line in lines]})
        return 0
    for line in lines:
        mark = (
            f"（冲销 #{line.reverses_id}）"
            if line.reverses_id
            else ("（已冲销）" if line.reversed_by else "")
        )
        print(
            f"{line.entry_id}  {clock.iso(line.at, 'minutes')}  {FundKind(line.kind).zh}{mark}  {line.category}"
            f"  {yuan(line.amount_fen)}  {line.party}  {line.receipt_no}"
        )
    print(f"{summary.grid_name} 余额 balance {yuan(summary.balance_fen)} 元")
    return 0


def _statement(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        statement = _run(lambda: _reads(site).statement(args.grid, args.month))
        clock, name = clock_of(site), site.profile.name
    if args.json:
        print_json({
            **{k: v for k, v in dataclasses.asdict(statement).items() if k != "lines"},
            "lines": [_json_line(line, clock) for line in statement.lines],
        })  # fmt: skip
    else:
        print(
            f"{statement.fund.grid_name} {statement.month}：期初 {yuan(statement.opening_fen)}，收入"
            f" {yuan(statement.income_fen)}，支出 {yuan(statement.spending_fen)}，期末 {yuan(statement.closing_fen)} 元"
        )
    if args.pdf is not None:
        from widgets.grid_work.fund_statement_pdf import write_statement
        from widgets.grid_work.pdf_app import pdf_application

        _app = pdf_application()
        write_statement(statement, args.pdf, clock.zone, name)
        if not args.json:
            print(f"已写入 wrote {args.pdf}")
    return 0


def _json_line(line, clock: SiteClock) -> dict:
    return {
        **dataclasses.asdict(line),
        "at": clock.iso(line.at, "minutes"),
        "amount_yuan": yuan(line.amount_fen),
    }


def _run(action):
    try:
        return action()
    except (WorkError, PermissionError) as error:
        raise CommandError(str(error)) from error
