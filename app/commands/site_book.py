"""`site template FILE`, `import-site FILE [--skip-invalid]` and `export-site FILE`: the site workbook
(buildings, people and duties, cameras, sensors)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.access import Permission
from app.cli import CommandError
from app.commands.db import open_database
from app.context import SiteContext
from app.site_book.exporter import export_site, write_template
from app.site_book.importer import SHEET_ORDER, SiteImportReport, import_site
from app.site_book.problems import SiteBookError
from app.store.announce import announced

PASSPHRASE_ENV = "GCC_SITE_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:
    site = subparsers.add_parser("site", help="站点工作簿 the site workbook")
    site_sub = site.add_subparsers(dest="site_command", required=True)
    template = site_sub.add_parser("template", help="生成空白站点工作簿 write an empty site workbook")
    template.add_argument("file", type=Path, help="输出文件 output file (.xlsx)")
    template.set_defaults(handler=_template)
    importer = subparsers.add_parser(
        "import-site", help="导入站点工作簿 import buildings, people, cameras and sensors (.xlsx)"
    )
    importer.add_argument("file", type=Path, help="站点工作簿 site workbook (.xlsx)")
    importer.add_argument(
        "--skip-invalid",
        action="store_true",
        help="跳过有误的行, 导入其余行 import the valid rows and skip the bad ones",
    )
    importer.add_argument(
        "--passwords",
        action="store_true",
        help=f"打开 export-site --passwords 加密的摄像机密码 (asks for the passphrase, or reads ${PASSPHRASE_ENV})",
    )
    importer.set_defaults(handler=_import, permission=Permission.MANAGE_SITE)
    exporter = subparsers.add_parser("export-site", help="导出站点工作簿 export the site workbook")
    exporter.add_argument("file", type=Path, help="输出文件 output file (.xlsx)")
    exporter.add_argument(
        "--passwords",
        action="store_true",
        help="用口令加密导出摄像机密码, 供迁移到新数据库 carry the camera passwords sealed with a passphrase"
        f" (asked for, or ${PASSPHRASE_ENV})",
    )
    exporter.set_defaults(handler=_export, permission=Permission.MANAGE_SITE)


def _template(args: argparse.Namespace) -> int:
    try:
        write_template(args.file)
    except SiteBookError as error:
        raise CommandError(str(error)) from error
    except OSError as error:
        raise CommandError(f"无法写入文件 {args.file}: {error.strerror or error}") from error
    print(f"已生成站点工作簿模板 template written: {args.file}")
    return 0


def _import(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        with announced(db) as hub:  # every seat's map, contacts and sensors follow at once
            report = import_site(
                SiteContext(db, hub, args.seat),
                args.file,
                skip_invalid=args.skip_invalid,
                passphrase=_passphrase(confirm=False) if args.passwords else None,
            )
    except SiteBookError as error:
        raise CommandError(str(error)) from error
    finally:
        db.dispose()
    for line in report.problem_lines():
        print(line, file=sys.stderr)
    for line in report.pending_lines():  # stored and bound later: said, but not as an error
        print(line)
    print(_summary(report))
    if not report.committed:
        raise CommandError(
            f"共 {len(report.problems)} 处错误, 未导入任何数据; 请修正后重新导入, 或使用 --skip-invalid 跳过有误的行"
            f" ({len(report.problems)} problems, nothing imported)"
        )
    return 0


def _summary(report: SiteImportReport) -> str:
    lines = [f"文件 {report.file_name}: " + "  ".join(f"{t} {n} 行" for t, n in report.sheets_read.items())]
    for title in SHEET_ORDER:
        count = report.counts.get(title)
        if count is None:
            continue
        line = f"{title}: 新增 {count.added}  更新 {count.updated}  不变 {count.unchanged}"
        line += f"  待绑定 {count.pending}" if count.pending else ""
        lines.append(line + (f"  跳过 {count.skipped} 行" if count.skipped else ""))
    if report.problems:
        lines.append(f"有误 {len(report.problems)} 处" + (", 所在行已跳过" if report.committed else ""))
    for title, headers in report.ignored_headers.items():
        lines.append(f"工作表 {title} 未识别的列 (已忽略): {'、'.join(headers)}")
    lines.extend(f"注意 note: {note}" for note in report.notes)
    return "\n".join(lines)


def _passphrase(*, confirm: bool) -> str:
    """The passphrase for carried camera passwords: from the environment (scripts), else asked twice on
    export and once on import, never echoed and never an argument (it would show in the process list)."""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise CommandError(
            f"请在终端中运行以输入口令, 或设置环境变量 {PASSPHRASE_ENV} (no terminal to ask the passphrase)"
        )
    passphrase = getpass.getpass("摄像机密码的口令 passphrase: ")
    if confirm and getpass.getpass("再次输入口令 again: ") != passphrase:
        raise CommandError("两次输入的口令不一致 (the passphrases differ)")
    return passphrase


def _export(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        report = export_site(db, args.file, _passphrase(confirm=True) if args.passwords else None)
    except SiteBookError as error:
        raise CommandError(str(error)) from error
    except OSError as error:
        raise CommandError(f"无法写入文件 {args.file}: {error.strerror or error}") from error
    finally:
        db.dispose()
    counts = "  ".join(f"{title} {n}" for title, n in report.counts.items())
    print(f"已导出站点工作簿 exported to {report.path}: {counts}")
    if report.replaced:
        print(
            f"注意 note: {report.replaced} 个控制字符已替换为 � (control characters replaced)",
            file=sys.stderr,
        )
    return 0
