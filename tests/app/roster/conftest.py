"""Roster test helpers: real ID numbers, a small site with buildings, workbooks built with openpyxl."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.context import SiteContext
from app.models import Building, Grid
from app.store import Database


def gb11643(first17: str) -> str:
    """The full ID with its check character, computed from ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11).

    Written independently of app.roster.idcard, which uses the GB table of weights.
    """
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    check = (12 - total % 11) % 11
    return first17 + ("X" if check == 10 else str(check))


def make_id(birth: date, seq: int, *, region: str = "410102", male: bool = True) -> str:
    """A valid ID: seq picks the order code, its last digit made odd for men and even for women."""
    order = seq * 2 + (1 if male else 0)
    return gb11643(f"{region}{birth:%Y%m%d}{order % 1000:03d}")


HEADER = ["序号", "楼栋", "单元", "房号", "居住类型", "姓名", "性别", "与户主关系", "身份证号", "出生日期", "联系电话", "人员类别", "备注"]  # fmt: skip


def person(
    name: str, id_number: str, *, building="1号楼", unit="1", room="101", residence="常住",
    sex="", relation="户主", birth="", phone="", tags="", note="",
) -> list[object]:  # fmt: skip
    return ["", building, unit, room, residence, name, sex, relation, id_number, birth, phone, tags, note]


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[object]],
    *,
    title_rows: Sequence[str] = (),
    header: Sequence[object] = HEADER,
    merges: Iterable[str] = (),
) -> Path:
    """A workbook the way an office makes one: optional title rows, the header, the data, merges."""
    workbook = Workbook()
    sheet = workbook.active
    for title in title_rows:
        sheet.append([title])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for merged in merges:
        sheet.merge_cells(merged)
    workbook.save(path)
    return path


def build_site(db: Database) -> SiteContext:
    """幸福社区 with one compound and buildings 1号楼, 2号楼, 3号楼 (each its own level-4 grid)."""
    with db.session() as session:
        street = Grid(code="S01", name="建设路街道", level=1)
        community = Grid(code="S01-C01", name="幸福社区", level=2, parent=street)
        compound = Grid(code="S01-C01-Y1", name="幸福小区", level=3, parent=community)
        session.add_all([street, community, compound])
        for number in (1, 2, 3):
            grid = Grid(code=f"S01-C01-Y1-B{number}", name=f"{number}号楼", level=4, parent=compound)
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
    return SiteContext(db)


@pytest.fixture
def site(db) -> SiteContext:
    """The small site on SQLite and on PostgreSQL: for tests whose outcome depends on the store."""
    return build_site(db)


@pytest.fixture
def lite_site(sqlite_db) -> SiteContext:
    """The small site on SQLite only: for checks that do not depend on the back end."""
    return build_site(sqlite_db)
