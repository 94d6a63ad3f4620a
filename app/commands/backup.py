"""`backup FILE` and `restore FILE [--force]`: the whole site to one file and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import CommandError
from app.commands.db import open_database
from app.config import Seat
from app.store.backup import back_up, restore
from app.store.backup_archive import BackupError, human_size, read_manifest


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", help="备份站点 back up the whole site to one file (safe while the site runs)"
    )
    backup.add_argument("file", type=Path, help="the backup file to write, e.g. site-2026-11-20.gccbackup")
    backup.set_defaults(handler=_backup)

    restorer = subparsers.add_parser(
        "restore", help="从备份恢复站点 restore the site from a backup file (checked first)"
    )
    restorer.add_argument("file", type=Path, help="a file written by `backup`")
    restorer.add_argument(
        "--force",
        action="store_true",
        help="SQLite: replace a site that holds data (the current file is kept as *.before-restore)",
    )
    restorer.add_argument(
        "--check", action="store_true", help="only show what the file holds; change nothing"
    )
    restorer.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace) -> int:
    if args.file.is_dir():
        raise CommandError(f"请给出文件名而不是文件夹 give a file name, not a folder: {args.file}")
    db = open_database(args.db)
    try:
        written = back_up(db, args.file, Seat())
    except BackupError as error:
        raise CommandError(str(error)) from error
    finally:
        db.dispose()
    print(
        f"已备份到 {written.path}（{human_size(written.size_bytes)}）"
        f" (backed up {db.safe_url} to {written.path}, {human_size(written.size_bytes)})"
    )
    print(_describe_counts(written.manifest.counts))
    return 0


def _restore(args: argparse.Namespace) -> int:
    try:
        manifest = read_manifest(args.file)
    except BackupError as error:
        raise CommandError(str(error)) from error
    print(
        f"备份 backup: {manifest.source}, {manifest.created_at}, 程序版本 app {manifest.app_version}, "
        f"结构 schema {', '.join(manifest.schema_heads)}"
    )
    print(_describe_counts(manifest.counts))
    if args.check:
        return 0
    db = open_database(args.db, upgrade=False)  # an empty target stays empty until the restore fills it
    try:
        restored = restore(db, args.file, Seat(), force=args.force)
    except BackupError as error:
        raise CommandError(str(error)) from error
    finally:
        db.dispose()
    print(f"已恢复到 {restored.target} (restored into {restored.target})")
    if restored.previous is not None:
        print(f"原数据库已保留为 {restored.previous} (the previous database is kept as {restored.previous})")
    print(
        "已通知站点正在运行的窗口和 serve：它们会在恢复后的站点上重新启动 "
        "(the site's running windows and `serve` were told and start again on the restored data)"
    )
    return 0


def _describe_counts(counts: dict[str, int]) -> str:
    return "内容 holds: " + ", ".join(f"{name} {n}" for name, n in counts.items())
