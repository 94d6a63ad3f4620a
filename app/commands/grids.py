"""`import-grids FILE [--crs]` and `locate LON LAT [--crs] [--json]`: the grid tree from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from app.access import Permission
from app.cli import CommandError
from app.commands.db import open_database
from app.grid_buildings import BuildingSync
from app.grid_import import import_grids
from app.grid_tree import GridNode, GridTree
from app.store.announce import announced
from grid_map.crs import Crs, convert
from grid_map.tolerance import Tolerance
from grid_map.validate import GridFileError, GridWarning

OUTSIDE_EXIT_CODE = 1
CRS_CHOICES = [crs.value for crs in Crs]


def register(subparsers: argparse._SubParsersAction) -> None:
    importer = subparsers.add_parser(
        "import-grids", help="导入网格边界 import grid outlines from a GeoJSON FeatureCollection"
    )
    importer.add_argument(
        "file", help="GeoJSON file: properties code, name, level (1-4), parent (parent's code)"
    )
    importer.add_argument(
        "--crs", choices=CRS_CHOICES, default="wgs84", help="coordinate system of the file (default wgs84)"
    )
    importer.add_argument(
        "--tolerance",
        default="20m,0.5%",
        help="边界容差 how far a child may leave its parent or overlap a sibling and only warn: "
        "width in metres and/or share of the grid's area (default 20m,0.5%%; 0 = strict)",
    )
    importer.add_argument(
        "--clip",
        action="store_true",
        help="把下级网格裁剪到上级网格之内并去除同级重叠 trim each child to its parent and siblings clear of each other",
    )
    importer.set_defaults(handler=_import_grids, permission=Permission.MANAGE_SITE)

    locate = subparsers.add_parser("locate", help="查询坐标所在网格 the grid chain holding a point")
    locate.add_argument("lon", type=float, help="longitude 经度")
    locate.add_argument("lat", type=float, help="latitude 纬度")
    locate.add_argument("--crs", choices=CRS_CHOICES, default="wgs84", help="coordinate system of the point")
    locate.add_argument("--json", action="store_true", help="print JSON")
    locate.set_defaults(handler=_locate)


def _import_grids(args: argparse.Namespace) -> int:
    try:
        tolerance = Tolerance.parse(args.tolerance)
    except ValueError as error:
        raise CommandError(str(error)) from error
    db = open_database(args.db)
    try:
        with announced(db) as hub:  # every seat's map and trees follow at once
            result = import_grids(
                db, args.file, args.crs, args.seat, hub=hub, tolerance=tolerance, clip=args.clip
            )
    except GridFileError as error:
        raise CommandError(str(error)) from error
    finally:
        db.dispose()
    print(
        f"已导入 {result.total} 个网格：新增 {len(result.created)} 个，更新 {len(result.updated)} 个，"
        f"未变 {len(result.unchanged)} 个 (imported {result.total} grids: {len(result.created)} new, "
        f"{len(result.updated)} updated, {len(result.unchanged)} unchanged)"
    )
    if result.updated:
        shown = ", ".join(result.updated[:20]) + (" …" if len(result.updated) > 20 else "")
        print(f"已按编码更新名称和边界 (name and outline replaced for existing codes): {shown}")
    _print_warnings(result.warnings, result.clipped)
    _print_buildings(result.buildings)
    return 0


def _print_warnings(warnings: list[GridWarning], clipped: bool) -> None:
    """Every tolerated disagreement, with the grid's code and what was measured; the import went on."""
    if not warnings:
        return
    print(f"警告 {len(warnings)} 条，已照常导入 ({len(warnings)} warning(s); imported all the same):")
    for warning in warnings:
        print(f"  - {warning}")
    if clipped:
        print(
            "已把下级网格裁剪到上级网格之内并去除同级重叠 (children were trimmed to their parents and siblings clear of each other)"
        )


def _print_buildings(sync: BuildingSync) -> None:
    """What the micro-grids did to the site's buildings (one building per level-4 grid)."""
    if sync.created or sync.updated:
        print(
            f"楼栋（微网格）：新增 {len(sync.created)} 栋，更新 {len(sync.updated)} 栋 "
            f"(buildings from micro-grids: {len(sync.created)} new, {len(sync.updated)} updated)"
        )
    if sync.removed:
        print(
            f"已删除 {len(sync.removed)} 栋不再是微网格且无住户的楼栋 "
            f"(removed {len(sync.removed)} empty buildings of grids that are no longer micro-grids): "
            + ", ".join(sync.removed[:20])
        )
    if sync.kept:
        print(
            f"保留 {len(sync.kept)} 栋有住户的楼栋，其网格已不是微网格，请核对 "
            f"(kept {len(sync.kept)} buildings with households whose grid is no longer a micro-grid; check them): "
            + ", ".join(sync.kept[:20])
        )
    if sync.shared:
        print(
            f"{len(sync.shared)} 个微网格下有多栋楼栋，未改动 "
            f"(micro-grids holding several buildings, left as they are): " + ", ".join(sync.shared[:20])
        )


def _locate(args: argparse.Namespace) -> int:
    lon, lat = (float(v) for v in convert(args.lon, args.lat, args.crs, Crs.WGS84))
    db = open_database(args.db)
    try:
        with db.session() as session:
            tree = GridTree.load(session)
    finally:
        db.dispose()
    chain = tree.locate(lon, lat)
    if args.json:
        print(json.dumps(_as_json(tree, chain, args, lon, lat), ensure_ascii=False, indent=2))
    elif chain:
        for node in chain:
            print(_describe(tree, node))
    else:
        print(
            f"该点不在任何网格内 (the point lies outside every grid): 经度 lon {lon:.6f}, 纬度 lat {lat:.6f}",
            file=sys.stderr,
        )
    return 0 if chain else OUTSIDE_EXIT_CODE


def _describe(tree: GridTree, node: GridNode) -> str:
    leader = tree.leader_of(node.id)
    duty = (
        f"网格长 leader {leader.name} {leader.phone or ''}".rstrip() if leader else "网格长空缺 (no leader)"
    )
    return f"{'  ' * (node.level - 1)}{node.level_name} {node.code} {node.name} — {duty}"


def _as_json(tree: GridTree, chain: list[GridNode], args: argparse.Namespace, lon: float, lat: float) -> dict:
    def leader(node: GridNode) -> dict | None:
        holder = tree.leader_of(node.id)
        return (
            None
            if holder is None
            else {"person_id": holder.person_id, "name": holder.name, "phone": holder.phone}
        )

    return {
        "input": {"lon": args.lon, "lat": args.lat, "crs": args.crs},
        "wgs84": {"lon": lon, "lat": lat},
        "inside": bool(chain),
        "chain": [
            {
                "id": node.id,
                "code": node.code,
                "name": node.name,
                "level": node.level,
                "level_name": node.level_name,
                "leader": leader(node),
            }
            for node in chain
        ],
    }
