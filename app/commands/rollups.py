"""`rollups rebuild` and `rollups check`: the daily roll-ups behind the charts and reports."""

from __future__ import annotations

import argparse
import json
import time

from app.commands.db import open_database
from app.rollups.rebuild import differences, rebuild_all


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rollups", help="统计汇总表 the daily roll-ups behind charts and reports")
    sub = parser.add_subparsers(dest="rollups_command", required=True)
    rebuild = sub.add_parser("rebuild", help="recount every roll-up from the tickets and alarms")
    rebuild.set_defaults(handler=_rebuild)
    check = sub.add_parser("check", help="compare the roll-ups with a recount (exit code 1 if they differ)")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_check)


def _rebuild(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    started = time.perf_counter()
    with db.session() as session:
        rows = rebuild_all(session)
    took = time.perf_counter() - started
    print(
        f"已重建统计汇总 rebuilt: 工单 tickets {rows['tickets']} 行 rows, 告警 alarms {rows['alarms']} 行 rows ({took:.1f} s)"
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    with db.session() as session:
        found = differences(session)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, default=str))
    elif found:
        for name, wrong in found.items():
            print(f"{name}: {len(wrong)} 处不一致 keys differ (run `rollups rebuild`)")
    else:
        print("统计汇总与重新计数一致 the roll-ups equal a recount")
    return 1 if found else 0
