"""`import-grids --tolerance/--clip` through main.py: DataV-style levels import with their warnings printed."""

from __future__ import annotations

import re

import shapely
from sqlalchemy import select

import main
from app.models import Grid
from app.store import Database
from grid_map.tolerance import measure_stray
from tests.grid_map import datav, sample


def stored_outlines(url: str) -> dict:
    db = Database(url)
    try:
        with db.session() as session:
            return {
                code: shapely.from_wkb(wkb)
                for code, wkb in session.execute(select(Grid.code, Grid.geometry_wkb))
            }
    finally:
        db.dispose()


def test_published_levels_import_with_every_warning_printed(tmp_path, cli_user, capsys):
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    cli_user(url)
    path = sample.write(tmp_path / "city.geojson", datav.published())
    assert main.main(["import-grids", str(path), "--crs", "gcj02", "--db", url]) == 0
    out = capsys.readouterr().out
    count = int(re.search(r"警告 (\d+) 条，已照常导入", out).group(1))
    lines = [line for line in out.splitlines() if line.startswith("  - features[")]
    assert count == len(lines) >= 16
    assert all(re.search(r"编码 code 4101\d\d: .*[\d,.]+ m², [\d,.]+ m wide", line) for line in lines)
    assert f"新增 {datav.DISTRICTS + 1} 个" in out


def test_clip_stores_districts_inside_the_city(tmp_path, cli_user, capsys):
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    cli_user(url)
    path = sample.write(tmp_path / "city.geojson", datav.published())
    assert main.main(["import-grids", str(path), "--clip", "--db", url]) == 0
    assert "children were trimmed to their parents" in capsys.readouterr().out
    outlines = stored_outlines(url)
    city = outlines.pop(datav.CITY_CODE)
    assert all(measure_stray(g.difference(city), g) is None for g in outlines.values())
    districts = list(outlines.values())
    for i, first in enumerate(districts):  # and clear of each other
        assert all(measure_stray(first.intersection(other), first) is None for other in districts[i + 1 :])


def test_strict_tolerance_and_a_bad_tolerance_refuse(tmp_path, cli_user, capsys):
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    cli_user(url)
    path = sample.write(tmp_path / "city.geojson", datav.published())
    assert main.main(["import-grids", str(path), "--tolerance", "0", "--db", url]) != 0
    assert "nothing imported" in capsys.readouterr().err
    assert main.main(["import-grids", str(path), "--tolerance", "wide", "--db", url]) != 0
    assert "cannot read tolerance 'wide'" in capsys.readouterr().err
