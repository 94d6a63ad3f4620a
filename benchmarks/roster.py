"""Roster import and export at the demo community's scale: 4,500 residents in 1,958 households.

The workbook is the way an office makes one: a title row, the header, 楼栋/单元/房号 merged over each
household's rows. It is imported into a fresh SQLite site with 44 buildings, then exported to .xlsx
and .csv. The baseline, measured in the same run, is openpyxl merely reading the same workbook
(read-only, values only): the import's cost above it is validation and writing.

Prints one JSON object: {"figures": [{"name", "value", "unit", "target", "met"}, ...]}.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _figures import figure, print_figures  # noqa: E402

from app.context import SiteContext  # noqa: E402
from app.models import Building, Grid  # noqa: E402
from app.roster.columns import HEADER_ZH, Field  # noqa: E402
from app.roster.exporter import export_roster  # noqa: E402
from app.roster.idcard import check_digit  # noqa: E402
from app.roster.importer import import_roster  # noqa: E402
from app.store import Database  # noqa: E402

BUILDINGS = 44
HOUSEHOLDS = 1958
RESIDENTS = 4500
COLUMNS = (Field.BUILDING, Field.UNIT, Field.ROOM, Field.NAME, Field.ID_NUMBER, Field.PHONE, Field.TAGS)


def build_site(db: Database) -> None:
    with db.session() as session:
        street = Grid(code="S", name="街道", level=1)
        community = Grid(code="S-C", name="幸福社区", level=2, parent=street)
        compound = Grid(code="S-C-Y", name="幸福小区", level=3, parent=community)
        session.add_all([street, community, compound])
        for number in range(1, BUILDINGS + 1):
            grid = Grid(code=f"S-C-Y-{number}", name=f"{number}号楼", level=4, parent=compound)
            session.add(grid)
            session.flush()
            session.add(
                Building(
                    grid_id=grid.id,
                    name=f"{number}号楼",
                    address=f"幸福小区{number}号楼",
                    lon=113.6,
                    lat=34.7,
                )
            )


def write_workbook(path: Path, rng: random.Random) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["幸福社区居民花名册"])
    sheet.merge_cells("A1:G1")
    sheet.append([HEADER_ZH[f] for f in COLUMNS])
    sizes = [1] * HOUSEHOLDS
    for _ in range(RESIDENTS - HOUSEHOLDS):
        sizes[rng.randrange(HOUSEHOLDS)] += 1
    row, serial = 3, 0
    for household, size in enumerate(sizes):
        building, unit, room = (
            household % BUILDINGS + 1,
            household // BUILDINGS % 3 + 1,
            101 + household // 132,
        )
        for member in range(size):
            serial += 1
            birth = date(1935, 1, 1) + timedelta(days=rng.randrange(30000))
            first17 = f"410103{birth:%Y%m%d}{serial % 1000:03d}"
            if serial >= 1000:  # keep the numbers unique across the run: vary the region code
                first17 = f"4101{serial // 1000 + 3:02d}{first17[6:]}"
            phone = f"13{rng.randrange(3, 10)}{rng.randrange(10**8):08d}"
            tags = "党员" if rng.random() < 0.08 else ""
            sheet.append([f"{building}号楼" if member == 0 else None, unit if member == 0 else None,
                          room if member == 0 else None, f"居民{serial}", first17 + check_digit(first17),
                          phone, tags])  # fmt: skip
        if size > 1:
            for column in "ABC":
                sheet.merge_cells(f"{column}{row}:{column}{row + size - 1}")
        row += size
    workbook.save(path)


def timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def judged(name: str, value: float, unit: str, target: float | None, lower_is_better: bool = True) -> dict:
    met = None if target is None else (value <= target if lower_is_better else value >= target)
    return figure(name, value, unit, target, met)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        workbook = folder_path / "roster.xlsx"
        write_workbook(workbook, random.Random(7))
        db = Database(f"sqlite:///{folder_path / 'site.sqlite'}")
        db.upgrade()
        build_site(db)

        def raw_read() -> int:
            book = load_workbook(workbook, read_only=True, data_only=True)
            count = sum(1 for _ in book.active.iter_rows(values_only=True))
            book.close()
            return count

        read_s, _ = timed(raw_read)
        import_s, report = timed(lambda: import_roster(SiteContext(db), workbook))
        assert report.ok and report.imported == RESIDENTS, report.problem_lines()[:5]
        xlsx_s, _ = timed(lambda: export_roster(db, folder_path / "out.xlsx", full=True))
        csv_s, _ = timed(lambda: export_roster(db, folder_path / "out.csv", full=True))
        db.dispose()
    figures = [
        judged("import 4,500-resident .xlsx", import_s, "s", 10.0),
        judged("baseline: openpyxl read-only read of the same file", read_s, "s", None),
        judged("import time / baseline read", import_s / read_s, "x", None),
        judged("import throughput", RESIDENTS / import_s, "rows/s", 500.0, lower_is_better=False),
        judged("export .xlsx", xlsx_s, "s", 10.0),
        judged("export .csv", csv_s, "s", 5.0),
    ]
    print_figures(figures)


if __name__ == "__main__":
    main()
