"""`import-grids` and `locate` through main.py: output, errors on stderr, exit codes."""

from __future__ import annotations

import json
import time

import pytest

import main
from grid_map.crs import wgs84_to_bd09
from tests.grid_map import sample


@pytest.fixture
def db_url(tmp_path, cli_user) -> str:
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    cli_user(url)
    return url


@pytest.fixture
def imported(db_url, tmp_path) -> str:
    path = sample.write(tmp_path / "grids.geojson", sample.collection())
    assert main.main(["import-grids", str(path), "--db", db_url]) == 0
    return db_url


def test_import_reports_new_then_unchanged_grids(db_url, tmp_path, capsys):
    path = sample.write(tmp_path / "grids.geojson", sample.collection())
    assert main.main(["import-grids", str(path), "--db", db_url]) == 0
    assert "新增 9 个" in capsys.readouterr().out
    assert main.main(["import-grids", str(path), "--db", db_url]) == 0
    assert "9 unchanged" in capsys.readouterr().out


def test_import_of_a_bad_file_lists_every_error_and_exits_non_zero(db_url, tmp_path, capsys):
    data = sample.collection()
    data["features"][sample.index_of(data, sample.EAST_NORTH)]["properties"]["parent"] = "nope"
    data["features"][sample.index_of(data, sample.EAST)]["properties"]["level"] = 7
    path = sample.write(tmp_path / "bad.geojson", data)
    assert main.main(["import-grids", str(path), "--db", db_url]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bad.geojson" in captured.err and "nothing imported" in captured.err
    assert (
        f"features[{sample.index_of(data, sample.EAST_NORTH)}]" in captured.err
        and "unknown parent" in captured.err
    )
    assert f"code {sample.EAST}" in captured.err and "property level" in captured.err


def test_locate_prints_the_chain_with_leaders(imported, capsys):
    assert main.main(["locate", "113.6022", "34.7021", "--db", imported]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert sample.STREET in lines[0] and "建中街街道" in lines[0]
    assert "1号楼" in lines[3] and "微网格" in lines[3]


def test_locate_json(imported, capsys):
    assert main.main(["locate", "113.615", "34.715", "--json", "--db", imported]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["inside"] is True
    assert [(g["code"], g["level"]) for g in answer["chain"]] == [
        (sample.STREET, 1),
        (sample.EAST, 2),
        (sample.EAST_NORTH, 3),
    ]
    assert answer["chain"][0]["leader"] is None and answer["chain"][2]["name"] == "鑫苑名苑"


def test_locate_converts_baidu_coordinates(imported, capsys):
    lon, lat = (float(v) for v in wgs84_to_bd09(113.6022, 34.7021))
    assert main.main(["locate", str(lon), str(lat), "--crs", "bd09", "--json", "--db", imported]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["chain"][-1]["code"] == sample.BUILDING_1
    assert answer["wgs84"]["lon"] == pytest.approx(113.6022, abs=1e-7)


def test_locate_outside_every_grid_says_so_and_exits_non_zero(imported, capsys):
    assert main.main(["locate", "113.0", "34.7", "--db", imported]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "不在任何网格内" in captured.err and "outside every grid" in captured.err
    assert main.main(["locate", "113.0", "34.7", "--json", "--db", imported]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "input": {"lon": 113.0, "lat": 34.7, "crs": "wgs84"},
        "wgs84": {"lon": 113.0, "lat": 34.7},
        "inside": False,
        "chain": [],
    }


def test_locate_names_each_grids_leader(imported, capsys):
    from sqlalchemy import select

    from app.commands.db import open_database
    from app.models import Duty, DutyRole, Grid, Person

    db = open_database(imported)
    with db.session() as session:
        compound_id = session.scalar(select(Grid.id).where(Grid.code == sample.EAST_NORTH))
        leader = Person(name="刘桂兰", phone="13612345678")
        session.add(leader)
        session.flush()
        session.add(Duty(person_id=leader.id, grid_id=compound_id, role=DutyRole.LEADER))
    db.dispose()
    assert main.main(["locate", "113.615", "34.715", "--db", imported]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "刘桂兰 13612345678" in lines[2] and "网格长空缺" in lines[0]
    assert main.main(["locate", "113.615", "34.715", "--json", "--db", imported]) == 0
    leader_json = json.loads(capsys.readouterr().out)["chain"][2]["leader"]
    assert leader_json["name"] == "刘桂兰" and leader_json["phone"] == "13612345678"


def test_the_sites_other_processes_hear_the_grids_imported(db_url, tmp_path):
    """A window's map and trees follow an import made from the command line at once."""
    from app.events import EventHub
    from app.store import Database
    from app.store.change_log import ChangeLogRelay

    db = Database(db_url)
    db.upgrade()
    seat, heard = EventHub(), []
    seat.subscribe("grid", heard.append)
    relay = ChangeLogRelay(db, seat, poll_s=0.02)
    relay.start()
    try:
        path = sample.write(tmp_path / "grids.geojson", sample.collection())
        assert main.main(["import-grids", str(path), "--db", db_url]) == 0
        deadline = time.monotonic() + 5
        while not heard and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        relay.stop()
        db.dispose()
    assert len(heard) == 1 and heard[0].payload.created == len(heard[0].ids) > 0
