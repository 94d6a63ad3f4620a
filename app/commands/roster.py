"""`import-roster FILE [--skip-invalid]` and `export-roster FILE [--full --reason TEXT]`: the resident
roster (花名册). The export is masked unless `--full` with a reason; both kinds are audited."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.access import Permission
from app.cli import CommandError
from app.commands.db import open_database
from app.context import SiteContext
from app.privacy.policy import RevealRefused
from app.roster.errors import RosterFileError
from app.roster.exporter import export_roster_recorded
from app.roster.importer import ImportReport, import_roster
from app.store.announce import announced


def register(subparsers: argparse._SubParsersAction) -> None:
    importer = subparsers.add_parser(
        "import-roster", help="导入居民花名册 import the resident roster (.xlsx/.csv)"
    )
    importer.add_argument("file", type=Path, help="花名册文件 roster file (.xlsx or .csv)")
    importer.add_argument(
        "--skip-invalid",
        action="store_true",
        help="跳过有误的行, 导入其余行 import the valid rows and skip the bad ones",
    )
    importer.set_defaults(handler=_import, permission=Permission.EDIT_ROSTER)
    exporter = subparsers.add_parser("export-roster", help="导出居民花名册 export the resident roster")
    exporter.add_argument("file", type=Path, help="输出文件 output file (.xlsx or .csv, by extension)")
    exporter.add_argument(
        "--full",
        action="store_true",
        help="完整身份证号、电话与健康状况 (可再次导入; 须 --reason, 记入审计) full personal data, re-importable",
    )
    exporter.add_argument(
        "--reason", help="完整导出的理由 why the full data is needed (recorded in the audit)"
    )
    exporter.set_defaults(handler=_export, permission=Permission.EXPORT_PERSONAL_DATA)


def _import(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        with announced(db) as hub:  # every seat's roster follows at once
            report = import_roster(SiteContext(db, hub, args.seat), args.file, skip_invalid=args.skip_invalid)
    except RosterFileError as error:
        raise CommandError(str(error)) from error
    finally:
        db.dispose()
    for line in report.problem_lines():
        print(line, file=sys.stderr)
    print(_summary(report))
    if not report.committed:
        if report.problems and not args.skip_invalid:
            raise CommandError(
                f"共 {len(report.problems)} 行有误, 未导入任何数据; 请修正后重新导入, 或使用 --skip-invalid 跳过有误的行"
            )
        raise CommandError(f"没有可导入的行 ({len(report.problems)} 行有误), 未导入任何数据")
    return 0


def _summary(report: ImportReport) -> str:
    where = f"文件 {report.file_name}" + (f" 工作表 {report.sheet}" if report.sheet else "")
    lines = [f"{where}: 表头在第 {report.header_row} 行, 读取 {report.rows_read} 行数据"]
    if report.committed:
        lines.append(f"已导入 {report.imported} 名居民, 新建 {report.households_created} 户")
        if report.sensors_bound:
            lines.append(
                f"{len(report.sensors_bound)} 个待绑定的传感器已绑定到新住户 (waiting sensors bound)"
            )
    if report.problems:
        lines.append(f"有误 {len(report.problems)} 行" + (", 已跳过" if report.committed else ""))
    if report.ignored_columns:
        lines.append(f"未识别的列 (已忽略): {'、'.join(report.ignored_columns)}")
    return "\n".join(lines)


def _export(args: argparse.Namespace) -> int:
    if args.full and args.reason is None:
        raise CommandError('完整导出须说明理由: --full --reason "..." (a full export needs --reason)')
    if args.reason is not None and not args.full:
        raise CommandError("--reason 只用于 --full 完整导出 (--reason goes with --full)")
    db = open_database(args.db)
    try:
        report = export_roster_recorded(SiteContext(db), args.file, reason=args.reason if args.full else None)
    except (RosterFileError, RevealRefused) as error:
        raise CommandError(str(error)) from error
    except OSError as error:
        raise CommandError(f"无法写入文件 {args.file}: {error.strerror or error}") from error
    finally:
        db.dispose()
    kind = "完整" if report.full else "脱敏"
    print(
        f"已导出 {report.residents} 名居民 ({report.households} 户, {kind}) 到 {report.path} ({report.title})"
    )
    if report.replaced:
        print(
            f"注意 note: {report.replaced} 个控制字符已替换为 � (control characters replaced)",
            file=sys.stderr,
        )
    return 0
