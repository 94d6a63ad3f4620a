"""A new site's own files, as an office brings them: the grid GeoJSON (tests/grid_map/sample.py),
the site workbook typed into the template, and the roster."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.app.roster.conftest import make_id, person, write_xlsx
from tests.app.site_book.conftest import fill_template
from tests.grid_map import sample

PEOPLE = [
    ["王建国", "13800001111", "社区书记", "是", sample.WEST, "网格长"],
    ["刘敏", "13900002222", None, "否", sample.WEST_SOUTH, "网格长、网格员"],
    ["李卫东", "13700003333", "副区长", "否", sample.STREET, "包联县级领导"],
]
ROSTER = [
    person("张三", make_id(date(1950, 3, 8), 11), building="1号楼", unit="1", room="101"),
    person("李四", make_id(date(1952, 5, 1), 12, male=False), building="2号楼", unit="2", room="202"),
    person("李小四", make_id(date(1980, 5, 1), 13), building="2号楼", unit="2", room="202", relation="子"),
]


def grids_file(folder: Path) -> Path:
    return sample.write(folder / "grids.geojson", sample.collection())


def workbook_file(folder: Path, people=PEOPLE) -> Path:
    return fill_template(folder / "site.xlsx", {"人员": people})


def roster_file(folder: Path, rows=ROSTER) -> Path:
    return write_xlsx(folder / "roster.xlsx", rows)
