"""How long `demo` takes to build the embedded demo site on a fresh SQLite file (target: < 20 s).

The baseline in the same run is `db upgrade` on a fresh file: the start-up floor that every first start
pays with or without demo data. Both are timed as the user runs them, in a new interpreter.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _figures import figure, print_figures

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 20.0


def _timed(*args: str, db: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--db", f"sqlite:///{db}"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        upgrade = _timed("db", "upgrade", db=Path(folder) / "empty.sqlite")
        demo = _timed("demo", db=Path(folder) / "demo.sqlite")
    figures = [
        figure("demo_build_seconds", demo, "s", f"< {TARGET_SECONDS}", demo < TARGET_SECONDS, digits=2),
        figure("baseline_db_upgrade_seconds", upgrade, "s", digits=2),
    ]
    print_figures(figures)


if __name__ == "__main__":
    main()
