"""The command line acts as a signed-in user: `--user NAME` with the password prompted, or read from a
file only its owner can read (`--password-file`, or GCC_USER / GCC_PASSWORD_FILE for services).

The rule: a command that acts on tickets, alarms, people or the site's data declares the permission
it needs (`set_defaults(permission=...)`) and runs only for a user the permission table allows.
Commands without one are the local system's maintenance on this machine (`db upgrade`, `demo`, `serve`,
`backup`, `restore`, `events tail`, `user add` for the first administrator): the database credential
is their boundary, and the audit names them 本机系统 with the computer's login in the seat label.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path

from app.access import Permission, can
from app.access.accounts import Accounts, SignInRefused
from app.cli import CommandError
from app.config import Seat
from app.store import Database

USER_ENV = "GCC_USER"
PASSWORD_FILE_ENV = "GCC_PASSWORD_FILE"


def add_sign_in_options(parser: argparse.ArgumentParser) -> None:
    if any({"--user", "--password-file"} & set(a.option_strings) for a in parser._actions):
        return  # `user add/reset` read the new password with --password-file
    parser.add_argument("--user", default=None, help=f"以此用户登录 act as this user (or ${USER_ENV})")
    parser.add_argument(
        "--password-file",
        type=Path,
        default=None,
        help=f"密码文件，权限须为 0600 the password in a file only you can read (or ${PASSWORD_FILE_ENV})",
    )


def read_password_file(path: Path) -> str:
    """The file's first line; refused when the group or others may read or write it."""
    try:
        mode = path.stat().st_mode
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise CommandError(
                f"密码文件 {path} 的权限须为 0600（现为 {stat.S_IMODE(mode):04o}）"
                f" the password file must be readable by its owner only: chmod 600 {path}"
            )
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(
            f"无法读取密码文件 cannot read the password file {path}: {error.strerror}"
        ) from error
    return text.splitlines()[0] if text else ""


def password_from(args: argparse.Namespace, prompt: str = "密码 password: ") -> str:
    path = getattr(args, "password_file", None) or os.environ.get(PASSWORD_FILE_ENV)
    if path:
        return read_password_file(Path(path))
    if not sys.stdin.isatty():
        raise CommandError(
            "没有终端可输入密码：请用 --password-file（0600） no terminal to type the password: use --password-file"
        )
    return getpass.getpass(prompt)


def signed_in_seat(args: argparse.Namespace, db: Database, permission: Permission) -> Seat:
    """Sign in the command's user and check the permission the command declared."""
    name = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not name:
        raise CommandError(
            f"此命令需要登录：请加 --user 用户名 (need {permission.value}) this command acts as a user: add --user NAME"
        )
    try:
        user = Accounts(db, Seat()).sign_in(name, password_from(args))
    except SignInRefused as error:
        raise CommandError(str(error)) from error
    if not can(user, permission):
        raise CommandError(f"{user.name} 无权执行此命令 may not run this command ({permission.value})", 3)
    return Seat.signed_in(user)
