"""How fast the household browser answers at district scale: 100,000 residents in SQLite.

Each search kind is timed as the browser runs it (first page of 200 rows, then the match count) on a
worker thread; the target keeps a page under 30 ms so results appear as the operator types. The
baseline in the same run is the first page of an empty search (no filter at all).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _figures import figure, print_figures
from sqlalchemy import insert

sys.path.insert(
    0, str(Path(__file__).resolve().parents[1])
)  # this checkout's packages, not an installed copy

from app.models import Building, Grid, Household, Resident, ResidentTag  # noqa: E402
from app.privacy.roster_cipher import RosterCipher
from app.store import Database  # noqa: E402
from runtime.read.resident_search import SearchQuery, count_residents, search_residents  # noqa: E402

RESIDENTS = 100_000
PER_HOUSEHOLD = 2.5
PAGE_TARGET_MS = 30.0
COUNT_TARGET_MS = 200.0
REPEATS = 7
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰桂红"


def _fill(db: Database, rng: random.Random) -> None:
    households = int(RESIDENTS / PER_HOUSEHOLD)
    buildings = households // 40
    with db.session() as session:
        grid = Grid(code="B1", name="基准网格", level=1)
        session.add(grid)
        session.flush()
        session.execute(
            insert(Building),
            [
                {
                    "id": b + 1,
                    "grid_id": grid.id,
                    "name": f"{b + 1}号楼",
                    "address": f"郑州市二七区建设路{b // 20 + 1}号院{b + 1}号楼",
                    "lon": 113.6,
                    "lat": 34.7,
                }
                for b in range(buildings)
            ],
        )
        session.execute(
            insert(Household),
            [
                {
                    "id": h + 1,
                    "building_id": h % buildings + 1,
                    "unit": str(h // buildings % 4 + 1),
                    "room": str(101 + h // (buildings * 4)),
                    "residence_type": "permanent",
                }
                for h in range(households)
            ],
        )
        cipher = RosterCipher.of_site(session)  # numbers are sealed and hashed as the roster stores them
        rows, tags = [], []
        for r in range(RESIDENTS):
            birth = date(1940 + rng.randrange(80), rng.randrange(1, 13), rng.randrange(1, 28))
            rows.append(
                {
                    "id": r + 1,
                    "household_id": r % households + 1,
                    "name": rng.choice(SURNAMES)
                    + rng.choice(GIVEN)
                    + (rng.choice(GIVEN) if rng.random() < 0.6 else ""),
                    "sex": rng.choice("男女"),
                    "phone": f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
                    "birth_date": birth,
                    "relation": "户主",
                }
                | cipher.id_columns(f"4101{birth:%Y%m%d}{r:06d}")
            )
            if rng.random() < 0.1:
                tags.append(
                    {"resident_id": r + 1, "tag": rng.choice(["party_member", "elderly_alone", "disabled"])}
                )
        session.execute(insert(Resident), rows)
        session.execute(insert(ResidentTag), tags)


def _median_ms(action) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        db.upgrade()
        _fill(db, rng)
        searches = {
            "empty": SearchQuery(),
            "surname": SearchQuery("王"),
            "full_name": SearchQuery("李秀英"),
            "phone_tail": SearchQuery("5678"),
            "id_tail": SearchQuery("0426"),
            "address": SearchQuery("建设路12号院"),
            "tag": SearchQuery(tag="elderly_alone"),
        }
        figures = []
        with db.sessions() as session:
            for name, query in searches.items():
                page = _median_ms(lambda q=query: search_residents(session, q))
                count = _median_ms(lambda q=query: count_residents(session, q))
                baseline = name == "empty"
                figures.append(
                    figure(
                        f"{'baseline_' if baseline else ''}page_{name}_ms",
                        page,
                        "ms",
                        None if baseline else f"< {PAGE_TARGET_MS}",
                        None if baseline else page < PAGE_TARGET_MS,
                        digits=1,
                    )
                )
                figures.append(
                    figure(
                        f"count_{name}_ms",
                        count,
                        "ms",
                        f"< {COUNT_TARGET_MS}",
                        count < COUNT_TARGET_MS,
                        digits=1,
                    )
                )
        db.dispose()
    print_figures(figures, residents=RESIDENTS)


if __name__ == "__main__":
    main()
