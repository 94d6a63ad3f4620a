"""The arguments of `tickets new/show/act/sweep/kpi/categories/open311/notices` (app/commands/tickets.py
runs them).

Times are ISO 8601; without an offset they are read in the site's time zone (tickets.py converts them
once the site is open: INSTANT_OPTIONS).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from app.access import Permission
from app.tickets import Action
from app.tickets.states import Source

# subcommand name -> the function that runs it
Handlers = Mapping[str, Callable[[argparse.Namespace], int]]


def add_ticket_parsers(subparsers: argparse._SubParsersAction, handlers: Handlers) -> None:
    """`tickets` and its subcommands; `handlers` names the function each one runs."""
    parser = subparsers.add_parser("tickets", help="工单 tickets: intake, workflow, escalation, KPIs")
    sub = parser.add_subparsers(dest="tickets_command", required=True)

    _add_new(sub, handlers)

    show = sub.add_parser("show", help="查看工单 show a ticket")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.add_argument(
        "--full", action="store_true", help="完整显示反映人电话 (须 --reason, 记入审计) the phone whole"
    )
    show.add_argument("--reason", help="完整显示的理由 why the phone is needed whole (recorded in the audit)")
    show.set_defaults(handler=handlers["show"], permission=Permission.VIEW_SITE)

    _add_act(sub, handlers)

    sweep_parser = sub.add_parser("sweep", help="时限监控：预警与升级 run the escalation sweep")
    sweep_parser.add_argument(
        "--at", type=instant, help="as of this time (default: now; never in the future)"
    )
    _add_simulate(sweep_parser)
    sweep_parser.set_defaults(handler=handlers["sweep"], permission=Permission.SWEEP_TICKETS)

    kpi = sub.add_parser("kpi", help="三率统计 response/resolution/satisfaction rates")
    kpi.add_argument("--from", dest="start", type=instant)
    kpi.add_argument("--to", dest="end", type=instant)
    kpi.add_argument("--grid", help="网格编码 grid code (default: the whole site)")
    kpi.add_argument("--json", action="store_true")
    kpi.set_defaults(handler=handlers["kpi"], permission=Permission.VIEW_SITE)

    categories = sub.add_parser("categories", help="分类与时限 categories and limits")
    categories.add_argument("--json", action="store_true")
    categories.set_defaults(handler=handlers["categories"])

    open311 = sub.add_parser("open311", help="Open311 GeoReport v2 JSON export")
    open311.add_argument("file", type=Path, help="output .json ('-' for stdout)")
    open311.add_argument("--services", action="store_true", help="export the service list instead")
    open311.add_argument("--from", dest="start", type=instant)
    open311.add_argument("--to", dest="end", type=instant)
    open311.set_defaults(handler=handlers["open311"], permission=Permission.VIEW_SITE)

    notice = sub.add_parser("notices", help="导出待打印的办理结果告知单 export queued feedback notices")
    notice.add_argument("file", type=Path, help=".csv or .html (printable)")
    notice.set_defaults(handler=handlers["notices"], permission=Permission.EXPORT_PERSONAL_DATA)


def _add_new(sub: argparse._SubParsersAction, handlers: Handlers) -> None:
    """tickets new: what a ticket is opened with."""
    new = sub.add_parser("new", help="受理新工单 open a ticket; prints its id")
    new.add_argument("--category", required=True, help="分类编码 category code (see `tickets categories`)")
    where = new.add_mutually_exclusive_group(required=True)
    where.add_argument("--household", type=int, help="住户 id")
    where.add_argument("--building", type=int, help="楼栋 id")
    where.add_argument("--lon", type=float, help="经度 WGS-84 (with --lat)")
    new.add_argument("--lat", type=float, help="纬度 WGS-84")
    new.add_argument("--text", required=True, help="问题描述")
    new.add_argument("--at", type=instant, help="受理时间 ISO (default: now; never in the future)")
    _add_simulate(new)
    new.add_argument("--source", default="phone", choices=[s.value for s in Source])
    new.add_argument("--address")
    new.add_argument("--reporter", help="反映人姓名")
    new.add_argument("--phone", help="反映人电话")
    new.add_argument("--photo", action="append", default=[], type=Path, help="现场照片 (repeatable)")
    new.add_argument("--merge", type=int, metavar="ID", help="合并到已有工单 merge into this open ticket")
    new.add_argument("--force", action="store_true", help="确认新建，即使有同地同类未办结工单")
    new.set_defaults(handler=handlers["new"], permission=Permission.OPEN_TICKETS)


def _add_act(sub: argparse._SubParsersAction, handlers: Handlers) -> None:
    """tickets act: an action and the arguments the actions take."""
    act = sub.add_parser("act", help="办理操作 apply an action: " + ", ".join(a.value for a in Action))
    act.add_argument("id", type=int)
    act.add_argument("action", choices=[a.value for a in Action])
    act.add_argument(
        "--at",
        type=instant,
        help="操作时间 ISO (default: now; not before the ticket's last event, not in the future)",
    )
    _add_simulate(act)
    act.add_argument(
        "--as",
        dest="actor_id",
        type=int,
        metavar="PERSON_ID",
        help="代为记录此人员的审批 record this staff member's approval (needs record_for_others; "
        "the audit names the signed-in user)",
    )
    act.add_argument("--version", type=int, help="expected version (refused if someone acted first)")
    act.add_argument("--reason")
    act.add_argument("--result", help="处置结果 (handle)")
    act.add_argument("--photo", action="append", default=[], type=Path, help="处置照片 (handle)")
    act.add_argument("--grid", help="网格编码 (dispatch)")
    act.add_argument("--category", help="重新分类 (dispatch)")
    act.add_argument("--duration", help="延期时长 e.g. 2d, 8h (request_extension)")
    act.add_argument("--satisfaction", choices=["满意", "基本满意", "不满意"], help="(feedback)")
    act.add_argument("--comment", help="回访意见 (feedback)")
    act.add_argument("--note", help="备注 (verify/approve/unpark)")
    act.add_argument("--text", help="备注内容 (note)")
    act.add_argument("--json", action="store_true", help="print the ticket after the action as JSON")
    act.set_defaults(handler=handlers["act"], permission=Permission.ACT_ON_TICKETS)


def _add_simulate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--simulate",
        action="store_true",
        help="推演：在数据库副本上运行，--at 可为任意时间 run on a copy of the database, --at any time",
    )


INSTANT_OPTIONS = ("at", "start", "end")


def instant(text: str) -> datetime:
    """ISO 8601 as typed; a time without an offset is read in the site's zone once the site is open."""
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"时间格式错误 bad time {text!r}: use ISO 8601, e.g. 2026-10-01T09:30"
        ) from None
