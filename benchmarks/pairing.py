"""Pairings and the fund on the demo site (seed 7, SQLite): how long the pairing board of the detailed
compound (1,958 households) takes to read, the postcards of a building to write as an A4 PDF, and the
demo's own pairing and fund history to seed.

    .venv/bin/python benchmarks/pairing.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _figures import figure, print_figures

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.context import SiteContext  # noqa: E402
from app.demo.site import build_demo_site  # noqa: E402
from app.store import Database  # noqa: E402
from runtime.reads import ReadModels  # noqa: E402
from widgets.grid_work.pairing_postcards import write_postcards  # noqa: E402
from widgets.grid_work.pdf_app import pdf_application  # noqa: E402

BOARD_TARGET_S = 1.0  # the board opens without a noticeable wait


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gcc-pairing-bench-"))
    db = Database(f"sqlite:///{folder / 'demo.sqlite'}")
    db.upgrade()
    build_demo_site(db, seed=7)
    reads = ReadModels(SiteContext(db)).pairing
    code, _name, households = max(reads.compounds(), key=lambda c: c[2])
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        board = reads.board(code)
        times.append(time.perf_counter() - start)
    board_s = min(times)
    _app = pdf_application()
    building = code + "001"
    start = time.perf_counter()
    cards = reads.postcards(building)
    pages = write_postcards(cards, folder / "cards.pdf", "a4")
    cards_s = time.perf_counter() - start
    print_figures(
        [
            figure(
                "pairing board read",
                board_s,
                "s",
                BOARD_TARGET_S,
                board_s <= BOARD_TARGET_S,
                households=households,
                members=len(board.members),
            ),
            figure("postcards of a building (A4)", cards_s, "s", cards=len(cards), pages=pages),
        ],  # fmt: skip
        compound=code,
    )


if __name__ == "__main__":
    main()
