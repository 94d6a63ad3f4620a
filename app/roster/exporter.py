"""Exporting the roster in the layout the import reads: a title row, the header, one row per resident.

Rows are grouped by household (户主 first). In .xlsx the ID and phone cells are text cells with the
text format, so Excel never turns them into numbers; the .csv is UTF-8 with a BOM (Excel otherwise
reads it as GBK) and puts a tab before IDs and phones, which keeps Excel from converting them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.models import Building, Grid, GridLevel, Household, ResidenceType, Resident, Tag
from app.roster.buildings import BuildingDirectory, BuildingRef, building_key
from app.roster.columns import Field
from app.roster.errors import RosterFileError
from app.store import Database

SERIAL = "序号"
COLUMNS: tuple[Field, ...] = (
    Field.BUILDING,
    Field.UNIT,
    Field.ROOM,
    Field.RESIDENCE_TYPE,
    Field.NAME,
    Field.SEX,
    Field.RELATION,
    Field.ID_NUMBER,
    Field.BIRTH_DATE,
    Field.PHONE,
    Field.TAGS,
    Field.NOTE,
)
WIDTHS = {SERIAL: 6, Field.BUILDING: 12, Field.ID_NUMBER: 21, Field.PHONE: 15, Field.BIRTH_DATE: 12}
WIDTHS |= {Field.TAGS: 22, Field.NOTE: 30, Field.NAME: 10, Field.RELATION: 11, Field.RESIDENCE_TYPE: 10}
TEXT_FIELDS = (Field.ID_NUMBER, Field.PHONE)
RELATION_ORDER = {"户主": 0, "本人": 0, "配偶": 1, "妻": 1, "夫": 1}


@dataclass(frozen=True)
class ExportReport:
    path: Path
    residents: int
    households: int
    title: str


def export_roster(db: Database, path: Path, *, title: str | None = None) -> ExportReport:
    """Write every resident of the site to .xlsx or .csv (chosen by the file's extension)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise RosterFileError(
            f"文件 {path.name}: 不支持的导出格式 {suffix or '(无扩展名)'}, 请使用 .xlsx 或 .csv"
        )
    with db.session() as session:
        residents = _residents(session)
        labels = _building_labels(session, residents)
        title = title or _title(session, residents)
        rows = [_row(resident, labels) for resident in residents]
    if suffix == ".xlsx":
        _write_xlsx(path, title, rows)
    else:
        _write_csv(path, title, rows)
    households = len({r.household_id for r in residents})
    return ExportReport(path, len(residents), households, title)


def _residents(session: Session) -> list[Resident]:
    query = select(Resident).options(joinedload(Resident.household).joinedload(Household.building))
    residents = list(session.scalars(query).unique())
    residents.sort(
        key=lambda r: (
            _natural(building_key(r.household.building.name)),
            r.household.building.address,
            _natural(r.household.unit),
            _natural(r.household.room),
            r.household_id,
            RELATION_ORDER.get(r.relation or "", 9),
            r.id,
        )
    )
    return residents


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """2 before 10: numbers compare as numbers inside labels."""
    parts = re.split(r"(\d+)", text)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def _building_labels(session: Session, residents: Sequence[Resident]) -> dict[int, str]:
    rows = session.execute(select(Building.id, Building.name, Building.address)).all()
    directory = BuildingDirectory(BuildingRef(*row) for row in rows)
    return {ref.id: directory.label_for(ref) for ref in directory.buildings}


def _title(session: Session, residents: Sequence[Resident]) -> str:
    """XX社区居民花名册 when every building lies in one community (level-2 grid)."""
    grid_ids = {r.household.building.grid_id for r in residents}
    parents = dict(session.execute(select(Grid.id, Grid.parent_id)).all())
    levels = dict(session.execute(select(Grid.id, Grid.level)).all())
    communities = set()
    for grid_id in grid_ids:
        current: int | None = grid_id
        while current is not None and levels.get(current) != GridLevel.COMMUNITY:
            current = parents.get(current)
        communities.add(current)
    if len(communities) == 1 and None not in communities:
        name = session.get(Grid, communities.pop())
        assert name is not None
        return f"{name.name}居民花名册"
    return "居民花名册"


def _row(resident: Resident, labels: dict[int, str]) -> dict[Field, object]:
    household = resident.household
    tags = set(resident.tag_names)
    return {
        Field.BUILDING: labels[household.building_id],
        Field.UNIT: household.unit,
        Field.ROOM: household.room,
        Field.RESIDENCE_TYPE: ResidenceType(household.residence_type).zh,
        Field.NAME: resident.name,
        Field.SEX: resident.sex,
        Field.RELATION: resident.relation or "",
        Field.ID_NUMBER: resident.id_number or "",
        Field.BIRTH_DATE: resident.birth_date,
        Field.PHONE: resident.phone or "",
        Field.TAGS: "、".join(tag.zh for tag in Tag if tag.value in tags),
        Field.NOTE: resident.health_note or "",
    }


def _write_xlsx(path: Path, title: str, rows: list[dict[Field, object]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "花名册"
    headers = [SERIAL, *(f.zh for f in COLUMNS)]
    last_column = get_column_letter(len(headers))
    sheet.append([title])
    sheet.merge_cells(f"A1:{last_column}1")
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.append(headers)
    thin = Side(style="thin", color="808080")
    for header_cell in sheet[2]:
        header_cell.font = Font(bold=True)
        header_cell.fill = PatternFill("solid", fgColor="D9E1F2")
        header_cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header_cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for serial, row in enumerate(rows, start=1):
        sheet.append([serial, *(row[f] if row[f] != "" else None for f in COLUMNS)])
        for index, field in enumerate(COLUMNS, start=2):
            target = sheet.cell(serial + 2, index)
            if field in TEXT_FIELDS:
                target.number_format = "@"
            elif field is Field.BIRTH_DATE and isinstance(row[field], date):
                target.number_format = "yyyy-mm-dd"
    for index, key in enumerate([SERIAL, *COLUMNS], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(key, 8)
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{last_column}{len(rows) + 2}"
    workbook.save(path)


def _write_csv(path: Path, title: str, rows: list[dict[Field, object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([title])
        writer.writerow([SERIAL, *(f.zh for f in COLUMNS)])
        for serial, row in enumerate(rows, start=1):
            writer.writerow([serial, *(_csv_value(f, row[f]) for f in COLUMNS)])


def _csv_value(field: Field, value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if field in TEXT_FIELDS and value:
        return f"\t{value}"
    return "" if value is None else str(value)
