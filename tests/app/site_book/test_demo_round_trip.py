"""The demo site's own workbook moves it whole: export-site (passwords carried) and export-roster from
the demo, then into an empty database of either kind that holds the same grids."""

from __future__ import annotations

import main
from app.commands.site_book import PASSPHRASE_ENV
from app.demo.district import district_layout
from app.demo.site import DEFAULT_SEED
from app.grid_import import write_grids
from tests.app.site_book.snapshot import site_snapshot


def run(db, *args: str) -> int:
    return main.main([*args, "--db", db.url])


def test_the_demo_site_exports_and_imports_into_an_empty_database_unchanged(
    demo_db, db, tmp_path, capsys, monkeypatch, cli_user
):
    cli_user(demo_db.url)  # the same administrator on both sites: the commands need manage_site
    cli_user(db.url)
    monkeypatch.setenv(PASSPHRASE_ENV, "demo-moves-house")
    workbook, roster = tmp_path / "demo-site.xlsx", tmp_path / "demo-roster.xlsx"
    assert run(demo_db, "export-site", str(workbook), "--passwords") == 0
    assert run(demo_db, "export-roster", str(roster), "--full", "--reason", "迁移站点") == 0  # masked would not import
    with db.session() as session:  # the same grids, as import-grids of the demo's own map writes them
        write_grids(session, district_layout(DEFAULT_SEED))
    assert run(db, "import-site", str(workbook), "--passwords") == 0  # the sensors wait for households
    assert run(db, "import-roster", str(roster)) == 0
    capsys.readouterr()
    assert run(db, "import-site", str(workbook), "--passwords") == 0
    out, err = capsys.readouterr()
    counts = [line for line in out.splitlines() if "新增" in line]
    assert err == "" and len(counts) == 4, out  # all there already: the roster bound the waiting sensors
    assert all("新增 0  更新 0" in line for line in counts), out
    original, copy = site_snapshot(demo_db), site_snapshot(db)
    assert len(copy["people"]) > 2000 and len(copy["cameras"]) == 21 and copy["sensors"]
    for part in ("buildings", "people", "cameras", "sensors"):
        assert original[part] == copy[part], (part, sorted(original[part] ^ copy[part])[:4])


def test_the_demo_site_reimports_its_own_export_unchanged(demo_db, tmp_path, capsys, cli_user):
    """Coordinates come back at the workbook's precision, so nothing counts as updated."""
    cli_user(demo_db.url)  # export-site and import-site need manage_site
    workbook = tmp_path / "demo-site.xlsx"
    assert run(demo_db, "export-site", str(workbook)) == 0
    capsys.readouterr()
    assert run(demo_db, "import-site", str(workbook)) == 0
    counts = [line for line in capsys.readouterr().out.splitlines() if "新增" in line]
    assert len(counts) == 4 and all("新增 0  更新 0" in line for line in counts), counts
