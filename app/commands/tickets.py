"""`tickets new/show/act/sweep/kpi/categories/open311/notices`: the ticket desk from the command line.

Times are ISO 8601; without an offset they are read as Beijing time.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from app import audit
from app.cli import CommandError
from app.commands.db import open_database
from app.commands.ticket_args import INSTANT_OPTIONS, add_ticket_parsers
from app.privacy.policy import RevealRefused
from app.simulation import SimulationError, simulation_database
from app.site_clock import load_clock
from app.store.announce import announced
from app.tickets import Intake, TicketDesk, TicketError, load_categories
from app.tickets.categories import CategoryError
from app.tickets.kpi import kpis
from app.tickets.locating import GridLocator
from app.tickets.notices import export_notice_list
from app.tickets.open311 import service_requests, services
from app.tickets.states import LEVEL_ZH
from app.tickets.sweep import sweep


def register(subparsers: argparse._SubParsersAction) -> None:
    add_ticket_parsers(
        subparsers,
        {
            "new": _new,
            "show": _show,
            "act": _act,
            "sweep": _sweep,
            "kpi": _kpi,
            "categories": _categories,
            "open311": _open311,
            "notices": _notices,
        },
    )


def _desk(args: argparse.Namespace) -> TicketDesk:
    db = open_database(args.db)
    clock = load_clock(db)
    for name in INSTANT_OPTIONS:  # typed in the site's zone, kept in UTC
        if isinstance(getattr(args, name, None), datetime):
            setattr(args, name, clock.to_utc(getattr(args, name)))
    simulate = getattr(args, "simulate", False)
    if simulate:
        try:
            db = simulation_database(db, args.seat)
        except SimulationError as error:
            raise CommandError(str(error)) from error
        print(f"模拟运行 simulating on a copy: {db.safe_url}", file=sys.stderr)
    try:
        categories = load_categories()
    except CategoryError as error:
        raise CommandError(str(error)) from error
    with db.session() as session:
        locator = GridLocator.load(session)
    return TicketDesk(db, seat=args.seat, categories=categories, locate=locator, simulation=simulate)


@contextmanager
def _announcing_desk(args: argparse.Namespace) -> Iterator[TicketDesk]:
    """The desk of a command that changes tickets: every seat of the site hears of the change at once."""
    desk = _desk(args)
    with announced(desk.db) as hub:
        desk.hub = hub
        yield desk


def _read_photos(paths: list[Path]) -> list[tuple[str, bytes]]:
    photos = []
    for path in paths:
        try:
            photos.append((path.name, path.read_bytes()))
        except OSError as error:
            raise CommandError(f"无法读取照片 cannot read photo {path}: {error.strerror}") from error
    return photos


def _new(args: argparse.Namespace) -> int:
    if args.lon is not None and args.lat is None:
        raise CommandError("--lon 需要同时给出 --lat  --lon needs --lat")
    try:
        with _announcing_desk(args) as desk:  # first: --at is read in the site's zone
            ticket_id = desk.open(_intake(args), merge_into=args.merge, force=args.force)
    except TicketError as error:
        raise CommandError(str(error)) from error
    print(ticket_id)
    return 0


def _intake(args: argparse.Namespace) -> Intake:
    return Intake(
        category=args.category,
        text=args.text,
        source=args.source,
        lon=args.lon,
        lat=args.lat,
        household_id=args.household,
        building_id=args.building,
        address=args.address,
        reporter_name=args.reporter,
        reporter_phone=args.phone,
        at=args.at,
        photos=_read_photos(args.photo),
    )


def _show(args: argparse.Namespace) -> int:
    if args.full and args.reason is None:
        raise CommandError('完整显示须说明理由: --full --reason "..." (--full needs --reason)')
    desk = _desk(args)
    try:
        ticket = desk.describe(args.id, reveal_reason=args.reason if args.full else None)
    except (TicketError, RevealRefused) as error:
        raise CommandError(str(error)) from error
    if args.json:
        _record_phones_read(desk, ticket, "tickets show --json")
        _print_json(ticket)
    else:
        print(render_ticket(ticket))
    return 0


def _record_phones_read(desk: TicketDesk, ticket: dict[str, Any], command: str) -> None:
    """A ticket printed as JSON carries whole phone numbers into other programs: audited as a bulk read
    (a masked number, 139****5678, is not one)."""
    fields = [
        name
        for name, part in (("reporter.phone", ticket["reporter"]), ("assignee.phone", ticket["assignee"]))
        if part and part.get("phone") and "*" not in part["phone"]
    ]
    if fields:
        with desk.db.session() as session:
            audit.record(
                session, desk.seat, audit.BULK_READ, "ticket", ticket["id"], fields=fields, via=command
            )


def render_ticket(t: dict[str, Any]) -> str:
    chain = " › ".join(g["name"] for g in t["grid_chain"]) or "（无网格）"
    lines = [
        f"工单 {t['id']}  {t['category']['path']}（{t['category']['case_type']}）  {t['state_zh']}",
        f"  {t['text']}",
        f"  位置：{t['place']['address'] or ''} {chain}",
        f"  承办：{t['level_zh'] or '—'} {t['assigned_grid'] or ''} {(t['assignee'] or {}).get('name', '—')}"
        f"  截止：{t['deadline'] or '—'}",
        "  时间线：",
    ]
    for e in t["timeline"]:
        lines.append(f"    {e['at']}  {e['action_zh']:<6} {e['note']}  —{e['actor_name']}")
    return "\n".join(lines)


def _act(args: argparse.Namespace) -> int:
    params = {
        key: getattr(args, key)
        for key in (
            "reason",
            "result",
            "grid",
            "category",
            "duration",
            "satisfaction",
            "comment",
            "note",
            "text",
        )
        if getattr(args, key) is not None
    }
    photos = _read_photos(args.photo)
    try:
        with _announcing_desk(args) as desk:
            ticket = desk.act(
                args.id,
                args.action,
                at=args.at,
                expected_version=args.version,
                actor_id=args.actor_id,
                photos=photos,
                **params,
            )
    except TicketError as error:
        raise CommandError(str(error)) from error
    if args.json:
        _record_phones_read(desk, ticket, "tickets act --json")
        _print_json(ticket)
    else:
        who = (ticket["assignee"] or {}).get("name", "—")
        print(
            f"工单 {ticket['id']}：{ticket['state_zh']}，{LEVEL_ZH.get(ticket['level'], '')} {who}，版本 {ticket['version']}"
        )
    return 0


def _sweep(args: argparse.Namespace) -> int:
    try:
        with _announcing_desk(args) as desk:
            report = sweep(desk, args.at)
    except TicketError as error:
        raise CommandError(str(error)) from error
    _print_json(report.as_dict() | {"now": load_clock(desk.db).iso(report.now)})
    return 0


def _kpi(args: argparse.Namespace) -> int:
    desk = _desk(args)
    with desk.db.session() as session:
        grids, _ = desk.directory(session)
        grid_id = None
        if args.grid:
            info = grids.by_code.get(args.grid)
            if info is None:
                raise CommandError(f"网格编码 {args.grid} 不存在 unknown grid code")
            grid_id = info.id
        figures = kpis(session, desk.categories, grids, start=args.start, end=args.end, grid_id=grid_id)
    if args.json:
        _print_json(figures)
    else:
        pct = lambda v: "—" if v is None else f"{v * 100:.1f}%"  # noqa: E731
        print(
            f"工单 {figures['total']} 件（未办结 {figures['open']}）  响应率 {pct(figures['response_rate'])}  "
            f"解决率 {pct(figures['resolution_rate'])}  满意率 {pct(figures['satisfaction_rate'])}  "
            f"按时办结率 {pct(figures['on_time_rate'])}  返工率 {pct(figures['rework_rate'])}  "
            f"延期率 {pct(figures['extension_rate'])}"
        )
    return 0


def _categories(args: argparse.Namespace) -> int:
    try:
        book = load_categories()
    except CategoryError as error:
        raise CommandError(str(error)) from error
    rows = [
        {
            "code": c.code,
            "name": c.name,
            "name_en": c.name_en,
            "group": c.group_name,
            "case_type": c.case_type.value,
            "clock": "calendar" if c.natural_clock else "working",
            "limits": {str(level): str(c.limit(level)) for level in (3, 2, 1, 0)},
            "response": str(c.response),
        }
        for c in book
    ]
    if args.json:
        _print_json({"source": book.source, "categories": rows})
    else:
        for r in rows:
            limits = " / ".join(r["limits"].values())
            print(f"{r['code']:<6} {r['group']}/{r['name']:<10} {r['case_type']}  时限(3/2/1/县) {limits}")
    return 0


def _open311(args: argparse.Namespace) -> int:
    desk = _desk(args)
    if args.services:
        document: Any = services(desk.categories)
    else:
        with desk.db.session() as session:
            grids, _ = desk.directory(session)
            document = service_requests(session, desk.categories, grids, start=args.start, end=args.end)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    if str(args.file) == "-":
        print(text)
    else:
        args.file.write_text(text, encoding="utf-8")
        print(f"{len(document)} → {args.file}", file=sys.stderr)
    return 0


def _notices(args: argparse.Namespace) -> int:
    desk = _desk(args)
    with desk.db.session() as session:
        try:
            count = export_notice_list(session, args.file)
        except OSError as error:
            raise CommandError(f"无法写入 cannot write {args.file}: {error.strerror}") from error
    print(f"{count} 份告知单 notices → {args.file}")
    return 0


def _print_json(document: Any) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=1, default=str))
