"""`clips list [--json] [--all]`, `clips export ID FILE [--lang en] [--original]`, `clips prune` and
`clips retention`: the site's event clips from the command line (viewing and exporting are audited,
`runtime/clip_library.py`, `runtime/clip_exports.py`). An export carries the watermark line as the
window's does; `--original` copies the recording byte for byte for an evidence handover and prints its
SHA-256 (audited with the hash)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.access import Permission
from app.cli import CommandError
from app.commands.db import open_database
from app.config import Seat
from app.site_settings import LANGUAGES
from app.store.backup_archive import human_size
from runtime.clip_exports import export_original_clip, export_watermarked_clip, site_language
from runtime.clip_library import (
    ClipLibraryError,
    ClipLine,
    list_clips,
    prune,
    retention,
    set_retention,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    clips = subparsers.add_parser("clips", help="录像片段 the video clips kept with alarms and AI events")
    commands = clips.add_subparsers(dest="clips_command", required=True)
    listing = commands.add_parser("list", help="list the ready clips, newest first")
    listing.add_argument("--json", action="store_true", help="one JSON document")
    listing.add_argument(
        "--all", action="store_true", help="also the clips being written and the failed ones"
    )
    listing.add_argument("--alarm", type=int, default=None, help="only the clips of this alarm")
    listing.set_defaults(handler=_list, permission=Permission.VIEW_SITE)
    export = commands.add_parser(
        "export", help="write a clip to a file with the watermark line burnt in (audited)"
    )
    export.add_argument("id", type=int)
    export.add_argument("file", type=Path)
    export.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="the watermark's language (default: the site's)"
    )
    export.add_argument(
        "--original",
        action="store_true",
        help="the recording as made, byte for byte, no watermark (evidence handover); prints its SHA-256",
    )
    export.set_defaults(handler=_export, permission=Permission.EXPORT_PERSONAL_DATA)
    pruning = commands.add_parser(
        "prune", help="remove this computer's clips past the site's retention days and disk quota"
    )
    pruning.set_defaults(handler=_prune, permission=Permission.MANAGE_SITE)
    keep = commands.add_parser("retention", help="show or set how long clips are kept and their disk quota")
    keep.add_argument("--days", type=int, default=None)
    keep.add_argument("--quota-mb", type=int, default=None)
    keep.set_defaults(handler=_retention, permission=Permission.MANAGE_SITE)


def _list(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        lines = list_clips(db, everything=args.all, alarm_id=args.alarm)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps([line.as_dict() for line in lines], ensure_ascii=False, indent=1))
        return 0
    if not lines:
        print("没有录像片段 (no clips)")
    for line in lines:
        print(_describe(line))
    return 0


def _describe(line: ClipLine) -> str:
    links = [
        f"{name} {value}"
        for name, value in (
            ("告警 alarm", line.alarm_id),
            ("AI", line.ai_event_id),
            ("工单 ticket", line.ticket_id),
        )
        if value is not None
    ]
    size = human_size(line.size_bytes) if line.size_bytes else "-"
    duration = f"{line.duration_s:.1f} s" if line.duration_s is not None else "-"
    flag = " 中断 dropped" if line.dropped else ""
    text = f"#{line.id} {line.event_at:%Y-%m-%d %H:%M:%S} UTC {line.camera_name} [{line.state}{flag}] {duration} {size}"
    text += f" {', '.join(links)} @{line.host}"
    return text + (f"\n    {line.note}" if line.note else "")


def _export(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        if args.original:
            written, digest = export_original_clip(db, args.seat, args.id, args.file)
        else:
            language = args.lang or site_language(db)
            written = export_watermarked_clip(db, args.seat, args.id, args.file, language)
    except ClipLibraryError as error:
        raise CommandError(str(error)) from error
    finally:
        db.dispose()
    if args.original:
        print(f"已导出原始录像到 {written} (exported the original of clip {args.id} to {written})")
        print(f"SHA-256 {digest}")
    else:
        print(f"已导出（带水印）到 {written} (exported clip {args.id} with its watermark to {written})")
    return 0


def _prune(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        report = prune(db, Seat())
    finally:
        db.dispose()
    print(
        f"已删除 {report.removed} 个片段，释放 {human_size(report.freed_bytes)}；"
        f"{report.kept_open} 个因告警或工单未结束而保留；{report.abandoned} 个未完成的已标记失败 "
        f"(removed {report.removed}, freed {human_size(report.freed_bytes)}, kept {report.kept_open} of open "
        f"alarms or tickets, {report.abandoned} unfinished marked failed)"
    )
    return 0


def _retention(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        if args.days is None and args.quota_mb is None:
            days, quota_mb = retention(db)
        else:
            days, quota_mb = set_retention(db, args.seat, args.days, args.quota_mb)
    except ClipLibraryError as error:
        raise CommandError(str(error)) from error
    finally:
        db.dispose()
    print(f"保留 {days} 天，空间上限 {quota_mb} MB (kept {days} days, quota {quota_mb} MB)")
    return 0
