"""`pairings list|add|back|end|balance|hotline|set-hotline|postcards`: 领导包保 · 党员联户 · 干部包片 from the
command line, acting as the signed-in user (audited by the core). `postcards` writes the 联户党员明信片
PDF, so the command lives with the views (Qt writes the PDF)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from app.access import Permission
from app.cli import CommandError
from app.commands.work_common import announcing_site, clock_of, print_json, reading_site
from app.grid_work.errors import WorkError
from app.grid_work.hotline import save_hotline
from app.grid_work.pairing import PairingBook, PairingKind
from runtime.read.grid_chain import GridChains
from runtime.read.pairing import PairingReads


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("pairings", help="领导包保 · 党员联户 · 干部包片 pairings and postcards")
    sub = parser.add_subparsers(dest="pairings_command", required=True)

    listing = sub.add_parser("list", help="包联关系 the pairings of a grid subtree")
    listing.add_argument("--grid", help="网格编码 (default: the whole site)")
    listing.add_argument("--all", action="store_true", help="with the ended pairings (history)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list, permission=Permission.VIEW_SITE)

    add = sub.add_parser("add", help="党员联户 pair a party member with a household; prints the pairing id")
    add.add_argument("--person", type=int, required=True, help="党员 person id (people table)")
    add.add_argument("--household", type=int, required=True, help="住户 id")
    add.add_argument("--move", action="store_true", help="a household paired with someone else moves")
    add.set_defaults(handler=_add, permission=Permission.EDIT_ROSTER)

    back = sub.add_parser("back", help="领导包保 / 干部包片 a leader backs a grid, a cadre covers an area")
    back.add_argument("--person", type=int, required=True)
    back.add_argument("--grid", required=True, help="网格编码")
    back.add_argument("--kind", choices=[PairingKind.LEADER.value, PairingKind.CADRE.value], required=True)
    back.set_defaults(handler=_back, permission=Permission.EDIT_ROSTER)

    end = sub.add_parser("end", help="解除 end a pairing (kept in the history)")
    end.add_argument("pairing", type=int)
    end.add_argument("--note", default="", help="原因 why")
    end.set_defaults(handler=_end, permission=Permission.EDIT_ROSTER)

    balance = sub.add_parser("balance", help="联户均衡 households per party member in a grid")
    balance.add_argument("--grid", required=True)
    balance.add_argument("--json", action="store_true")
    balance.set_defaults(handler=_balance, permission=Permission.VIEW_SITE)

    hotline = sub.add_parser("hotline", help="社区服务热线 the hotline printed on the postcards")
    hotline.set_defaults(handler=_hotline, permission=Permission.VIEW_SITE)
    set_hotline = sub.add_parser("set-hotline", help="设置社区服务热线 set the hotline")
    set_hotline.add_argument("number")
    set_hotline.set_defaults(handler=_set_hotline, permission=Permission.MANAGE_SITE)

    cards = sub.add_parser("postcards", help="联户党员明信片 PDF, one card per paired household")
    cards.add_argument("--grid", required=True)
    cards.add_argument("--pdf", type=Path, required=True)
    cards.add_argument("--sheet", choices=("a6", "a4"), default="a4", help="A6 cards, or A4 sheets of four")
    cards.set_defaults(handler=_postcards, permission=Permission.EDIT_ROSTER)


def _reads(site) -> PairingReads:
    return PairingReads(site, GridChains(site))


def _list(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        lines = _run(lambda: _reads(site).pairings(args.grid, include_ended=args.all))
        clock = clock_of(site)
    if args.json:
        print_json([
            {**dataclasses.asdict(p), "started_at": clock.iso(p.started_at, "minutes"), "ended_at": clock.iso(p.ended_at, "minutes")}
            for p in lines
        ])  # fmt: skip
        return 0
    for p in lines:
        ended = f"  已解除 {clock.iso(p.ended_at, 'minutes')} {p.end_note}" if p.ended_at else ""
        print(f"{p.pairing_id}  {PairingKind(p.kind).zh}  {p.person} → {p.target}{ended}")
    return 0


def _add(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        paired = _run(lambda: PairingBook(site).pair_household(args.person, args.household, move=args.move))
    print(paired.pairing_id)
    if paired.ended_id:
        print(f"原联户关系 {paired.ended_id} 已解除 the household's previous pairing ended")
    return 0


def _back(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        print(_run(lambda: PairingBook(site).back_grid(args.person, args.grid, PairingKind(args.kind))))
    return 0


def _end(args: argparse.Namespace) -> int:
    with announcing_site(args) as site:
        _run(lambda: PairingBook(site).end(args.pairing, args.note))
    print("已解除 ended")
    return 0


def _balance(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        board = _run(lambda: _reads(site).board(args.grid))
    b = board.balance
    members = [{"person_id": m.person_id, "name": m.name, "households": m.households} for m in board.members]
    if args.json:
        print_json(
            {"grid": board.grid.code, **dataclasses.asdict(b), "unpaired": b.unpaired, "members": members}
        )
        return 0
    print(
        f"{board.grid.name}：{b.households} 户，已联户 {b.paired}，未联户 {b.unpaired}；党员 {b.members} 名，均 {b.fair_share} 户/人"
    )
    for m in members:
        print(f"  {m['name']}  {m['households']} 户")
    if b.over:
        print("联户过多 over 30: " + "、".join(b.over))
    if b.under:
        print("尚可多联 room for more: " + "、".join(b.under))
    if b.members < b.members_needed:
        print(
            f"按每人不超过 30 户，至少需要 {b.members_needed} 名联户党员 at least {b.members_needed} members needed"
        )
    return 0


def _hotline(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        print(_reads(site).hotline() or "（未设置 not set）")
    return 0


def _set_hotline(args: argparse.Namespace) -> int:
    with reading_site(args) as site:
        changed = _run(lambda: save_hotline(site.db, site.seat, args.number))
    print("已保存 saved" if changed else "未改变 unchanged")
    return 0


def _postcards(args: argparse.Namespace) -> int:
    from widgets.grid_work.pairing_postcards import write_postcards
    from widgets.grid_work.pdf_app import pdf_application

    with reading_site(args) as site:
        cards = _run(lambda: _reads(site).postcards(args.grid))
        if not cards:
            raise CommandError(f"网格 {args.grid} 没有已联户的住户 no paired household in {args.grid}")
        _app = pdf_application()
        pages = write_postcards(cards, args.pdf, args.sheet)
        PairingBook(site).note_postcards(args.grid, len(cards))
    print(f"已写入 wrote {args.pdf}: {len(cards)} 张明信片 cards, {pages} 页 pages")
    return 0


def _run(action):
    try:
        return action()
    except (WorkError, PermissionError) as error:
        raise CommandError(str(error)) from error
