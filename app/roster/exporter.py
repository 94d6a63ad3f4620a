"""Exporting the roster in the layout the import reads: a title row, the header, one row per resident.

Rows are grouped by household (户主 first). In .xlsx the ID and phone cells are text cells with the
text format, so Excel never turns them into numbers; the .csv is UTF-8 with a BOM (Excel otherwise
reads it as GBK) and puts a tab before IDs and phones, which keeps Excel from converting them.
Text that a spreadsheet would run as a formula is written as text, and control characters are replaced
(`app/safe_cells.py`): a name with a NUL byte never blocks the file.

ID numbers, phones and health notes are masked unless the export is full; a full export (it imports
again) needs a reason and the seat's permission (`app.privacy.policy`). Either kind is audited, and
the file is created readable by its owner only.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app import audit
from app.context import SiteContext
from app.models import Building, Grid, GridLevel, Household, ResidenceType, Resident, Tag
from app.privacy.files import create_private
from app.privacy.policy import require_reveal
from app.privacy.roster_cipher import RosterCipher
from app.privacy.site_secret import SiteSecretError
from app.roster.buildings import BuildingDirectory, BuildingRef, building_key
from app.roster.columns import Field
from app.roster.errors import RosterFileError
from app.roster.masking import HEALTH_HIDDEN, mask_phone
from app.safe_cells import Cleaner, text_cell
from app.site_settings import SITE_NAME, read_setting
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
    full: bool = False
    replaced: int = 0  # control characters (NUL and the like) replaced by U+FFFD in the file


def export_roster(db: Database, path: Path, *, title: str | None = None, full: bool = False) -> ExportReport:
    """Write every resident of the site to .xlsx or .csv (chosen by the file's extension), masked
    unless `full`. Callers outside tests go through `export_roster_recorded`, which audits."""
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
        cipher = _full_cipher(session) if full else None
        rows = [_row(resident, labels, cipher) for resident in residents]
    cleaner = Cleaner()
    with _replacing(path) as temporary:
        if suffix == ".xlsx":
            _write_xlsx(temporary, cleaner.clean(title), rows, cleaner)
        else:
            _write_csv(temporary, title, rows, cleaner)
    households = len({r.household_id for r in residents})
    return ExportReport(path, len(residents), households, title, full, cleaner.replaced)


def export_roster_recorded(site: SiteContext, path: Path, *, reason: str | None = None) -> ExportReport:
    """The roster file with an audit entry: a file of every resident leaving the store is a bulk read.
    Masked unless a `reason` is given; a full file (it imports again) is refused without one, or to a
    seat that may not reveal (RevealRefused), before anything is read."""
    full = reason is not None
    why = require_reveal(site.seat, reason) if full else None
    report = export_roster(site.db, path, full=full)
    detail = {"file": Path(path).name, "residents": report.residents, "households": report.households}
    detail |= {"full": True, "reason": why} if full else {"full": False}
    detail |= {"replaced": report.replaced} if report.replaced else {}
    with site.db.session() as session:
        audit.record(session, site.seat, "export_roster", "resident", None, **detail)
    return report


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file next to `path` that replaces it once complete: a failed export leaves the old
    file intact, and a folder that cannot be written fails before any work is done."""
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.part{path.suffix}")
    create_private(temporary)  # personal data: readable by the owner only
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


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
    return f"{read_setting(session, SITE_NAME, '')}居民花名册"  # the site's own name, when it has one


def _full_cipher(session: Session) -> RosterCipher:
    """The site's cipher; a seat without the site secret cannot write a full file."""
    try:
        return RosterCipher.of_site(session)
    except SiteSecretError as error:
        raise RosterFileError(str(error)) from error


def _row(resident: Resident, labels: dict[int, str], cipher: RosterCipher | None) -> dict[Field, object]:
    """One resident's cells: in full with the site's `cipher`, masked without it."""
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
        Field.ID_NUMBER: (cipher.id_number(resident) if cipher else resident.id_masked) or "",
        Field.BIRTH_DATE: resident.birth_date,
        Field.PHONE: (resident.phone or "") if cipher else mask_phone(resident.phone),
        Field.TAGS: "、".join(tag.zh for tag in Tag if tag.value in tags),
        Field.NOTE: (cipher.health_note(resident) if cipher else _hidden(resident)) or "",
    }


def _hidden(resident: Resident) -> str:
    return HEALTH_HIDDEN if resident.health_sealed else ""


def _write_xlsx(path: Path, title: str, rows: list[dict[Field, object]], cleaner: Cleaner) -> None:
    # Write-only mode streams the rows: twice as fast as a normal workbook for a whole community.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    headers = [SERIAL, *(f.zh for f in COLUMNS)]
    last_column = get_column_letter(len(headers))
    for index, key in enumerate([SERIAL, *COLUMNS], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(key, 8)
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{last_column}{len(rows) + 2}"
    sheet.merged_cells.add(CellRange(f"A1:{last_column}1"))
    sheet.row_dimensions[1].height = 30
    title_cell = text_cell(WriteOnlyCell(sheet), title)
    title_cell.font = Font(bold=True, size=16)
    title_cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.append([title_cell])
    sheet.append([_header_cell(sheet, text) for text in headers])
    for serial, row in enumerate(rows, start=1):
        sheet.append([serial, *(_xlsx_cell(sheet, field, row[field], cleaner) for field in COLUMNS)])
    workbook.save(path)


def _header_cell(sheet: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    thin = Side(style="thin", color="808080")
    cell = WriteOnlyCell(sheet, text)
    cell.font = Font(bold=True)
    cell.fill = PatternFill("solid", fgColor="D9E1F2")
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    return cell


def _xlsx_cell(sheet: WriteOnlyWorksheet, field: Field, value: object, cleaner: Cleaner) -> object:
    """IDs and phones as text cells in text format (empty ones too), so what the office types into
    them in Excel stays text. Text is always a string cell: openpyxl would store "=..." as a formula."""
    if field in TEXT_FIELDS:
        cell = WriteOnlyCell(sheet, cleaner.clean(str(value)) if value else None)
        cell.number_format = "@"
        return cell
    if value == "" or value is None:
        return None
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, str):
        return text_cell(WriteOnlyCell(sheet), cleaner.clean(value))
    return value


def _write_csv(path: Path, title: str, rows: list[dict[Field, object]], cleaner: Cleaner) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([cleaner.csv_text(title)])
        writer.writerow([SERIAL, *(f.zh for f in COLUMNS)])
        for serial, row in enumerate(rows, start=1):
            writer.writerow([serial, *(_csv_value(f, row[f], cleaner) for f in COLUMNS)])


def _csv_value(field: Field, value: object, cleaner: Cleaner) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if field in TEXT_FIELDS and value:
        # The tab keeps Excel from turning the digits into a number; checked digits are never a formula.
        return f"\t{cleaner.clean(str(value))}"
    return cleaner.csv_text(value)
