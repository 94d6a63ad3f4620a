"""Site workbook test helpers: a site with grids only (as after import-grids), and workbooks filled in
the way an office fills the template: opened in a spreadsheet program, rows typed under the headers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.context import SiteContext
from app.models import Grid
from app.site_book.exporter import write_template
from app.store import Database
from tests.app.roster.conftest import make_id, person, write_xlsx

GRIDS = (
    ("S01", "建设路街道", 1, None),
    ("S01-C01", "幸福社区", 2, "S01"),
    ("S01-C01-Y1", "幸福小区", 3, "S01-C01"),
    ("S01-C01-Y1-B1", "1号楼", 4, "S01-C01-Y1"),
    ("S01-C01-Y1-B2", "2号楼", 4, "S01-C01-Y1"),
)


def build_grids(db: Database) -> SiteContext:
    """The grid tree of 幸福社区 with two micro-grids, each with its centre, and nothing else."""
    with db.session() as session:
        by_code: dict[str, Grid] = {}
        for index, (code, name, level, parent) in enumerate(GRIDS):
            grid = Grid(code=code, name=name, level=level, parent=by_code.get(parent))
            grid.centre_lon, grid.centre_lat = 113.60 + index / 1000, 34.70 + index / 1000
            session.add(grid)
            by_code[code] = grid
    return SiteContext(db)


@pytest.fixture
def grid_site(db) -> SiteContext:
    return build_grids(db)


@pytest.fixture
def lite_grid_site(sqlite_db) -> SiteContext:
    return build_grids(sqlite_db)


def fill_template(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """The template with `sheets`' rows typed under each header."""
    write_template(path)
    book = load_workbook(path)
    for title, rows in sheets.items():
        for row in rows:
            book[title].append(list(row))
    book.save(path)
    return path


BUILDING_ROWS = [
    ["1号楼", "幸福路1号1号楼", "S01-C01-Y1-B1", 18, 2, 113.6012, 34.7011],
    ["2号楼", "幸福路1号2号楼", "S01-C01-Y1-B2", None, None, None, None],
]
PEOPLE_ROWS = [
    ["王建国", "13800001111", "社区书记", "是", "S01-C01", "网格长"],
    ["王建国", "138 0000 1111", None, None, "S01-C01-Y1", "网格长、网格员"],
    ["李卫东", "13900002222", "副区长", "否", "S01", "包联县级领导"],
    ["赵强", "13700003333", "民警", "否", "S01-C01", "社区民警"],
    ["陈芳", "13600004444", None, "否", None, None],
]
CAMERA_PASSWORD = "Hik-s3cret!pw"
CAMERA_ROWS = [
    [
        "小区东门",
        "S01-C01-Y1",
        113.6021,
        34.7005,
        90,
        f"rtsp://admin:{CAMERA_PASSWORD}@127.0.0.1:8554/main",
        "rtsp://127.0.0.1:8554/sub",
        None,
        None,
        "是",
    ],  # fmt: skip
    [
        "1号楼大堂",
        "S01-C01-Y1-B1",
        None,
        None,
        None,
        "rtsp://127.0.0.1:8554/lobby",
        None,
        "viewer",
        "lobby-pw-77",
        "否",
    ],  # fmt: skip
]
SENSOR_ROWS = [
    ["a1b2c3", "rf433", "sos", "幸福路1号1号楼1单元101室"],
    ["0x_door_101", "zigbee", "门磁", "1号楼1单元101"],
]
ROSTER_ROWS = [
    person("张三", make_id(date(1950, 3, 8), 11), building="1号楼", unit="1", room="101"),
    person("李四", make_id(date(1952, 5, 1), 12, male=False), building="2号楼", unit="2", room="202"),
]


def write_roster(path: Path) -> Path:
    return write_xlsx(path, ROSTER_ROWS)
