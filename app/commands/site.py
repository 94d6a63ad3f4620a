"""`demo` builds the demo site; `info` counts what a site holds."""

from __future__ import annotations

import argparse
import json

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from app.cli import CommandError
from app.commands.db import open_database
from app.demo.site import DEFAULT_SEED, build_demo_site
from app.models import Building, Camera, Duty, Grid, Household, PendingSensor, Resident, Sensor
from app.tickets.models import Ticket
from app.tickets.states import OPEN_STATES

GRID_LEVEL_KEYS = {1: "level1", 2: "level2", 3: "level3", 4: "micro"}


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="建立演示数据 build the demo site into an empty database")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, help="same seed, same site")
    demo.set_defaults(handler=_demo, demo_extras=())  # main.py adds the other areas' demo data
    info = subparsers.add_parser("info", help="站点概况 counts of what the site holds")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=_info)


def _demo(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        summary = build_demo_site(db, args.seed, extras=args.demo_extras)
    except ValueError as error:
        raise CommandError(str(error)) from error
    print(
        f"演示数据已建立 demo site built: {summary.grids} 个网格, {summary.households} 户, "
        f"{summary.residents} 名居民, 用时 {summary.seconds:.1f} 秒 ({db.safe_url})"
    )
    return 0


def site_counts(session: Session) -> dict:
    """The numbers `info` reports."""
    grids = dict(session.execute(select(Grid.level, func.count()).group_by(Grid.level)).all())
    roles = dict(
        session.execute(
            select(Duty.role, func.count(func.distinct(Duty.person_id))).group_by(Duty.role)
        ).all()
    )
    counts = {
        "grids": {key: grids.get(level, 0) for level, key in GRID_LEVEL_KEYS.items()},
        "people_by_role": roles,
        "buildings": _count(session, Building),
        "households": _count(session, Household),
        "residents": _count(session, Resident),
        "cameras": _count(session, Camera),
        "ai_cameras": session.scalar(select(func.count()).select_from(Camera).where(Camera.ai_enabled)),
        "sensors": _count(session, Sensor),
        "sensors_waiting": _count(session, PendingSensor),  # for a household at their address (待绑定)
    }
    counts["open_tickets"] = session.scalar(
        select(func.count()).select_from(Ticket).where(Ticket.state.in_(OPEN_STATES))
    )
    counts["open_alarms"] = _open_alarm_count(session)
    return counts


def _count(session: Session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def _open_alarm_count(session: Session) -> int:
    # The alarms package sits above app and owns its table, so app counts it by name.
    if not inspect(session.get_bind()).has_table("alarms"):
        return 0
    return session.scalar(text("SELECT count(*) FROM alarms WHERE state <> 'handled'"))


def _info(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    with db.session() as session:
        counts = site_counts(session)
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return 0
    grids = counts["grids"]
    print(f"数据库 database: {db.safe_url}")
    print(
        f"网格 grids: 一级 {grids['level1']}  二级 {grids['level2']}  三级 {grids['level3']}  微网格 {grids['micro']}"
    )
    print("人员 people: " + "  ".join(f"{role} {n}" for role, n in sorted(counts["people_by_role"].items())))
    print(f"楼栋 {counts['buildings']}  户 {counts['households']}  居民 {counts['residents']}")
    waiting = f" (待绑定住户 {counts['sensors_waiting']})" if counts["sensors_waiting"] else ""
    print(f"摄像机 {counts['cameras']} (AI {counts['ai_cameras']})  传感器 {counts['sensors']}{waiting}")
    print(f"未办结工单 {counts['open_tickets']}  未处理告警 {counts['open_alarms']}")
    return 0
