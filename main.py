"""网格指挥中心 command line: parses the arguments and wires the parts together."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from alarms.demo import seed_demo_alarms
from app.cli import CommandError
from app.config import default_db_url

# Each module adds its subcommands with register(subparsers); the order is the order in --help.
COMMAND_MODULES = [
    "app.commands.db",
    "app.commands.site",
    "app.commands.backup",
    "widgets.commands",
    "widgets.reports.command",
    "app.commands.roster",
    "app.commands.site_book",
    "alarms.commands",
    "app.commands.tickets",
    "app.commands.rollups",
    "app.commands.grids",
    "video.ai.commands",
    "runtime.commands",
]

# Demo data of the areas above app, written in the same transaction as the demo site.
DEMO_EXTRAS = (seed_demo_alarms,)


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
    for name in ("demo", "gui"):
        subparsers.choices[name].set_defaults(demo_extras=DEMO_EXTRAS)
    return parser


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    if any("--db" in a.option_strings for a in parser._actions):
        return
    parser.add_argument(
        "--db", default=None, help="database URL (default: SQLite file in the user data folder)"
    )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _add_db_option(sub)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.raw_argv = list(argv if argv is not None else sys.argv[1:])  # for the window's keeper
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if getattr(args, "db", None) is None:
        args.db = default_db_url()
    try:
        return args.handler(args) or 0
    except CommandError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
