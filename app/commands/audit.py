"""`audit verify`: check the audit log's hash chain and name the first entry that breaks it."""

from __future__ import annotations

import argparse

from app.audit_chain import verify
from app.commands.db import open_database

BROKEN_EXIT = 3


def register(subparsers: argparse._SubParsersAction) -> None:
    audit_parser = subparsers.add_parser("audit", help="审计记录 audit log")
    audit_sub = audit_parser.add_subparsers(dest="audit_command", required=True)
    check = audit_sub.add_parser(
        "verify", help="检查审计链 check that no audit entry was changed, deleted or inserted"
    )
    check.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        with db.session() as session:
            report = verify(session)
    finally:
        db.dispose()
    if report.intact:
        print(f"审计链完整 audit chain intact: {report.checked} 条 entries")
        print(f"链头 head: #{report.head_seq} {report.head_hash}")
        return 0
    problem = report.first_break
    print(f"审计链已断 audit chain BROKEN ({problem.kind}): {problem.message}")
    print(f"此前 {report.checked} 条完整 the {report.checked} entries before it are intact")
    return BROKEN_EXIT
