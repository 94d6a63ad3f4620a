"""网格指挥中心 command line: parses the arguments and wires the parts together."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from alarms.demo import seed_demo_alarms
from app.cli import CommandError
from app.commands.db import open_database
from app.commands.signin import add_sign_in_options, signed_in_seat
from app.config import Seat, default_db_url, site_folder, using_data_dir
from runtime.clip_demo import seed_demo_clips

# Each module adds its subcommands with register(subparsers); the order is the order in --help.
COMMAND_MODULES = [
    "app.commands.db",
    "app.commands.users",
    "app.commands.site",
    "app.commands.backup",
    "app.commands.audit",
    "widgets.commands",
    "widgets.reports.command",
    "app.commands.roster",
    "app.commands.site_book",
    "alarms.commands",
    "app.commands.tickets",
    "app.commands.rollups",
    "app.commands.grids",
    "app.commands.visits",
    "app.commands.votes",
    "app.commands.volunteers",
    "app.commands.meetings",
    "app.commands.work_stats",
    "widgets.grid_work.pairing_command",
    "widgets.grid_work.fund_command",
    "video.ai.commands",
    "runtime.commands",
    "runtime.clip_commands",
]

# Demo data of the areas above app, written in the same transaction as the demo site.
DEMO_EXTRAS = (seed_demo_alarms, seed_demo_clips)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grid-command-centre", description="网格指挥中心 Grid Command Centre"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log more detail")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    for action in subparsers.choices.values():
        _add_db_option(action)
        _add_data_dir_option(action)
    for name in ("demo", "gui"):
        subparsers.choices[name].set_defaults(demo_extras=DEMO_EXTRAS)
    return parser


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    if any("--db" in a.option_strings for a in parser._actions):
        return
    parser.add_argument(
        "--db", default=None, help="database URL (default: gcc.sqlite in the site's folder, see --data-dir)"
    )
    if parser.get_default("permission") is not None:
        add_sign_in_options(parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _add_db_option(sub)


def _add_data_dir_option(parser: argparse.ArgumentParser) -> None:
    if any("--data-dir" in a.option_strings for a in parser._actions):
        return
    parser.add_argument(
        "--data-dir",
        default=None,
        help="the site's folder: its SQLite file (gcc.sqlite unless --db), logs, snapshots, window state,"
        " face key, demo media (default: the --db file's folder, else the user data folder)",
    )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _add_data_dir_option(sub)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.raw_argv = list(argv if argv is not None else sys.argv[1:])  # for the window's keeper
    # force: a handler an earlier in-process run left (its log file, a stderr since replaced) goes, so a
    # command run after another in one interpreter logs to this run's stderr, not a closed one.
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        force=True,
    )
    try:
        with using_data_dir(site_folder(getattr(args, "db", None), getattr(args, "data_dir", None))):
            if getattr(args, "db", None) is None:
                args.db = default_db_url()
            args.seat = _seat(args)
            return args.handler(args) or 0
    except CommandError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


def _seat(args: argparse.Namespace) -> Seat:
    """The signed-in user for a command that declared a permission (app/commands/signin.py says the
    rule); the local system for the machine's maintenance commands."""
    permission = getattr(args, "permission", None)
    if permission is None:
        return Seat()
    return signed_in_seat(args, open_database(args.db), permission)


if __name__ == "__main__":
    sys.exit(main())
