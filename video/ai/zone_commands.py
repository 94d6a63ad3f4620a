"""`ai zone add|list`: the zones drawn on a camera's picture (person-in-zone events) from the command
line; `video/ai/commands.py` registers them under `ai`."""

from __future__ import annotations

import argparse

from app.access import Permission
from app.cli import CommandError
from app.commands.db import open_database
from app.store import Database
from video.ai.zones import RULES, Zone, ZoneError, load_zones, save_zone


def add_zone_commands(sub: argparse._SubParsersAction) -> None:
    """ai zone add|list: zones drawn on a camera's picture."""
    zone = sub.add_parser("zone", help="zones drawn on a camera's picture (person-in-zone events)")
    zone_sub = zone.add_subparsers(dest="zone_command", required=True)
    zone_add = zone_sub.add_parser("add", help="add a zone: corners as x,y in 0..1 of the picture")
    zone_add.add_argument("--camera", type=int, required=True)
    zone_add.add_argument("--name", required=True)
    zone_add.add_argument(
        "--rule",
        choices=sorted(RULES),
        default="forbidden",
        help="forbidden: at any hour; night: only at night",
    )
    zone_add.add_argument("points", nargs="+", help="corners, e.g. 0.5,0.5 1,0.5 1,1 0.5,1")
    zone_add.set_defaults(handler=_zone_add, permission=Permission.MANAGE_FACES)
    zone_list = zone_sub.add_parser("list", help="a camera's zones")
    zone_list.add_argument("--camera", type=int, required=True)
    zone_list.set_defaults(handler=_zone_list)


def _zone_add(args: argparse.Namespace) -> int:
    points = []
    for text in args.points:
        try:
            x, y = (float(v) for v in text.split(","))
        except ValueError as error:
            raise CommandError(f"坐标格式错误 bad corner {text!r}: write x,y such as 0.5,0.25") from error
        if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
            raise CommandError(f"坐标超出画面 corner {text!r} is outside 0..1")
        points.append((x, y))
    if len(points) < 3:
        raise CommandError("区域至少需要三个角 a zone needs at least three corners")
    db = open_database(args.db)
    if _camera_missing(db, args.camera):
        raise CommandError(f"摄像机不存在 no camera with id {args.camera}")
    try:
        zone_id = save_zone(db, args.camera, Zone(args.name, tuple(points), args.rule), args.seat)
    except ZoneError as error:
        raise CommandError(str(error)) from error
    print(f"已添加区域 zone {zone_id} '{args.name}' ({RULES[args.rule]}) on camera {args.camera}")
    return 0


def _camera_missing(db: Database, camera_id: int) -> bool:
    from app.models import Camera

    with db.session() as session:
        return session.get(Camera, camera_id) is None


def _zone_list(args: argparse.Namespace) -> int:
    for zone in load_zones(open_database(args.db), args.camera):
        print(f"{zone.name} [{zone.rule}]: " + " ".join(f"{x:g},{y:g}" for x, y in zone.points))
    return 0
