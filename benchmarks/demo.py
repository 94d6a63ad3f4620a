"""How long `demo` takes to build the embedded demo site on a fresh SQLite file (target: < 20 s).

The baseline in the same run is `db upgrade` on a fresh file: the start-up floor that every first start
pays with or without demo data. Both are timed as the user runs them, in a new interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
        {
            "name": "demo_build_seconds",
            "value": round(demo, 2),
            "unit": "s",
            "target": f"< {TARGET_SECONDS}",
            "met": demo < TARGET_SECONDS,
        },
        {
            "name": "baseline_db_upgrade_seconds",
            "value": round(upgrade, 2),
            "unit": "s",
            "target": None,
            "met": None,
        },
    ]
    print(json.dumps({"figures": figures}, ensure_ascii=False))


if __name__ == "__main__":
    main()
