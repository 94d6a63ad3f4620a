"""`user add/list/reset/set`: the site's accounts from this machine (the local maintenance path).

Run on the machine that holds the database (or its credential): whoever can do that can write the
tables anyway, so these commands need no sign-in; they are audited as 本机系统 with the computer's
login in the seat label. This is how the first administrator is made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import select

from app.access import Role
from app.access.accounts import AccountError, Accounts
from app.cli import CommandError
from app.commands.db import open_database
from app.commands.signin import password_from
from app.models import Grid
from app.store import Database


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("user", help="用户账户 the site's accounts (on this machine)")
    sub = parser.add_subparsers(dest="user_command", required=True)
    roles = ", ".join(f"{r.value} ({r.zh})" for r in Role)

    add = sub.add_parser("add", help="新建用户 add a user (the first administrator too)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role], help=roles)
    add.add_argument("--grid", help="所属网格编码 the grid code (grid workers: their subtree)")
    add.add_argument("--person", type=int, help="对应人员 id the staff member (approvals as a leader)")
    _password_option(add)
    add.set_defaults(handler=_add)

    listing = sub.add_parser("list", help="列出用户 list the users")
    listing.set_defaults(handler=_list)

    reset = sub.add_parser("reset", help="重置密码 set a new password and lift the lockout")
    reset.add_argument("name")
    _password_option(reset)
    reset.set_defaults(handler=_reset)

    change = sub.add_parser("set", help="修改角色、网格或停用 change role or grid, disable or enable")
    change.add_argument("name")
    change.add_argument("--role", choices=[r.value for r in Role])
    change.add_argument("--grid", help="网格编码; '-' for the whole site")
    state = change.add_mutually_exclusive_group()
    state.add_argument("--disable", action="store_true")
    state.add_argument("--enable", action="store_true")
    change.set_defaults(handler=_set)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-file",
        type=Path,
        help="新密码文件，权限须为 0600 the new password (default: prompted twice)",
    )


def _new_password(args: argparse.Namespace) -> str:
    if args.password_file:
        return password_from(args)
    first = password_from(args, "新密码 new password: ")
    if password_from(args, "再输一次 again: ") != first:
        raise CommandError("两次输入的密码不一致 the passwords differ")
    return first


def _grid_id(db: Database, code: str | None) -> int | None:
    if code is None or code == "-":
        return None
    with db.session() as session:
        grid = session.scalar(select(Grid).where(Grid.code == code))
    if grid is None:
        raise CommandError(f"网格编码 {code} 不存在 unknown grid code")
    return grid.id


def _add(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    grid_id = _grid_id(db, args.grid)
    try:
        added = Accounts(db, args.seat).add(
            args.name, args.role, _new_password(args), grid_id=grid_id, person_id=args.person
        )
    except AccountError as error:
        raise CommandError(str(error)) from error
    print(f"用户 {added.name}（{Role(added.role).zh}）已建立 user added", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    for s in Accounts(open_database(args.db), args.seat).summaries():
        flags = ("停用 disabled " if s.disabled else "") + (
            f"锁定 {s.seconds_locked}s" if s.seconds_locked else ""
        )
        print(f"{s.name:<16} {Role(s.role).zh:<8} {s.grid_name or '全站'}  {flags}".rstrip())
    return 0


def _reset(args: argparse.Namespace) -> int:
    try:
        Accounts(open_database(args.db), args.seat).reset_password(args.name, _new_password(args))
    except AccountError as error:
        raise CommandError(str(error)) from error
    print(f"用户 {args.name} 的密码已重置 password reset", file=sys.stderr)
    return 0


def _set(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    changes: dict = {"role": args.role}
    if args.grid is not None:
        changes["grid_id"] = _grid_id(db, args.grid)
    if args.disable or args.enable:
        changes["disabled"] = args.disable
    try:
        Accounts(db, args.seat).update(args.name, **changes)
    except AccountError as error:
        raise CommandError(str(error)) from error
    return 0
