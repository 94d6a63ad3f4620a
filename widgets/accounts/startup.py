"""Who the window acts for, decided before it opens: the sign-in dialog (after the first administrator
is made, on a site without accounts); for an offscreen screenshot the demo's administrator or the
user the command line names; nobody for a kiosk wall (it shows no personal data, leaving needs the PIN)."""

from __future__ import annotations

import argparse
import os

from PySide6.QtWidgets import QDialog

from app.access.accounts import Accounts, SignInRefused
from app.cli import CommandError
from app.commands.signin import PASSWORD_FILE_ENV, USER_ENV, password_from
from app.config import Seat
from app.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from app.store import Database
from runtime.sign_in_watch import keep_listening
from widgets.accounts.password_forms import FirstAdminDialog
from widgets.accounts.sign_in import SignInDialog
from widgets.accounts.texts import role_name, tr

DEMO_SCREENSHOT_USER = "admin"


def demo_hint() -> str:
    names = tr("、").join(
        tr("%1（%2）").replace("%1", name).replace("%2", role_name(role)) for name, role in DEMO_ACCOUNTS
    )
    return (
        tr("演示站点账户：{names}，密码均为 {password}")
        .replace("{names}", names)
        .replace("{password}", DEMO_PASSWORD)
    )


def sign_in_at_start(db: Database, *, demo: bool, name: str = "") -> Seat | None:
    """The signed-in seat, or None when the office cancelled (the window then does not open). Nobody
    is ever signed in without the dialog, also after the keeper restarted a crashed window; while it
    waits, the site's sensors and alarm checks keep running (runtime/sign_in_watch.py), so an alarm
    raised meanwhile is stored and pops up once somebody has signed in."""
    with keep_listening(db):
        accounts = Accounts(db, Seat())
        if accounts.count() == 0 and FirstAdminDialog(accounts).exec() != QDialog.DialogCode.Accepted:
            return None
        dialog = SignInDialog(accounts, name=name, hint=demo_hint() if demo else "")
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            return None
        return Seat.signed_in(dialog.user)


def command_line_seat(db: Database, args: argparse.Namespace) -> Seat | None:
    """The user the command line names with a password file (`--user` and `--password-file`, or
    GCC_USER and GCC_PASSWORD_FILE: an unattended seat), signed in; None when it names none."""
    name = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not name or not (getattr(args, "password_file", None) or os.environ.get(PASSWORD_FILE_ENV)):
        return None
    try:
        return Seat.signed_in(Accounts(db, Seat()).sign_in(name, password_from(args)))
    except SignInRefused as error:
        raise CommandError(str(error)) from error


def screenshot_seat(db: Database, args: argparse.Namespace) -> Seat:
    """A screenshot draws the window as a real user sees it: the user the command line names, the
    demo's administrator on the demo site, else the local system (which is shown nothing personal)."""
    named = command_line_seat(db, args)
    if named is not None:
        return named
    if args.demo:
        return Seat.signed_in(Accounts(db, Seat()).sign_in(DEMO_SCREENSHOT_USER, DEMO_PASSWORD))
    return Seat()
