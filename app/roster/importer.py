"""Importing a roster file: validate every row, then write all of it in one transaction (or nothing).

The office fixes a roster in Excel and imports it again, so the report names every bad row by the
row number Excel shows and says why; nothing is written while any row is bad unless the operator
asks to skip the bad rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app import audit
from app.context import SiteContext
from app.events import Change
from app.models import Building, Household, ResidenceType, Resident, ResidentTag
from app.roster.buildings import BuildingDirectory, BuildingNotFound, BuildingRef
from app.roster.columns import Field, HeaderLayout, classify_header, find_header
from app.roster.entries import RosterEntry, cell, parse_entry
from app.roster.errors import RosterFileError
from app.roster.idcard import IdNumberError, parse_id_number
from app.roster.masking import mask_id, mask_name
from app.roster.reader import RawRow, RawTable, read_tables

REQUIRED = (Field.NAME, Field.ID_NUMBER, Field.BUILDING, Field.UNIT, Field.ROOM)
_IN_CHUNK = 500  # keeps IN (...) lists well inside both back ends' parameter limits


@dataclass
class RowProblem:
    row: int
    reasons: list[str]


@dataclass
class ImportReport:
    """What an import did: counts, the rows it refused and why, and whether anything was written."""

    file_name: str
    sheet: str | None
    header_row: int
    rows_read: int = 0
    imported: int = 0
    households_created: int = 0
    committed: bool = False
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    resident_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem_lines(self) -> list[str]:
        """One line per bad row: 文件 roster.xlsx 第 12 行: 身份证号校验位错误 (应为 X)."""
        return [f"文件 {self.file_name} 第 {p.row} 行: {'; '.join(p.reasons)}" for p in self.problems]


class _Problems:
    def __init__(self) -> None:
        self.by_row: dict[int, list[str]] = defaultdict(list)

    def add(self, row: int, reason: str) -> None:
        if reason not in self.by_row[row]:
            self.by_row[row].append(reason)

    def sorted(self) -> list[RowProblem]:
        return [RowProblem(row, reasons) for row, reasons in sorted(self.by_row.items())]


def import_roster(ctx: SiteContext, path: Path, *, skip_invalid: bool = False) -> ImportReport:
    """Validate every row of the file; write the residents unless a row is bad and skip_invalid is off."""
    table, layout = _locate_header(read_tables(Path(path)))
    report = ImportReport(table.file_name, table.sheet, layout.row_number, ignored_columns=layout.ignored)
    rows = _data_rows(table, layout)
    if not rows:
        raise RosterFileError(f"文件 {table.file_name}: 表头 (第 {layout.row_number} 行) 下没有居民数据")
    report.rows_read = len(rows)
    problems = _Problems()
    entries: list[RosterEntry] = []
    for row in rows:
        entry, reasons = parse_entry(row, layout)
        for reason in reasons:
            problems.add(row.number, reason)
        if entry is not None:
            entries.append(entry)
    _check_duplicates_in_file(rows, layout, problems)

    with ctx.db.session() as session:
        directory = _directory(session)
        buildings = _match_buildings(entries, directory, problems)
        _check_households(entries, buildings, problems)
        _check_registered(session, entries, problems)
        report.problems = problems.sorted()
        valid = [e for e in entries if e.row not in problems.by_row]
        if (report.problems and not skip_invalid) or not valid:
            return report
        created, residents = _write(session, valid, buildings)
        report.imported, report.households_created = len(valid), len(created)
        audit.record(
            session,
            ctx.seat,
            "import_roster",
            "resident",
            None,
            file=table.file_name,
            sheet=table.sheet,
            imported=report.imported,
            households_created=report.households_created,
            skipped_rows=[p.row for p in report.problems],
        )
        session.flush()
        report.resident_ids = [r.id for r in residents]
        household_ids = [h.id for h in created.values()]
    report.committed = True
    detail = {"source": "roster_import", "file": table.file_name}
    ctx.hub.publish(Change("household", tuple(household_ids), detail))
    ctx.hub.publish(Change("resident", tuple(report.resident_ids), detail))
    return report


def _locate_header(tables: list[RawTable]) -> tuple[RawTable, HeaderLayout]:
    for table in tables:
        layout = find_header((row.number, row.values) for row in table.rows if not row.blank)
        if layout is None:
            continue
        missing = [f.zh for f in REQUIRED if f not in layout.fields]
        if missing:
            where = f"第 {layout.row_number} 行" + (f" (工作表 {table.sheet})" if table.sheet else "")
            raise RosterFileError(f"文件 {table.file_name}: 表头 {where} 缺少列: {'、'.join(missing)}")
        return table, layout
    name = tables[0].file_name if tables else "?"
    raise RosterFileError(
        f"文件 {name} 中找不到表头: 需要一行列名, 包含 {'、'.join(f.zh for f in REQUIRED)} 等"
    )


def _data_rows(table: RawTable, layout: HeaderLayout) -> list[RawRow]:
    """Rows below the header, without blank lines and without the header repeated for printing."""
    rows = []
    for row in table.rows:
        if row.number <= layout.row_number or row.blank:
            continue
        if classify_header(cell(row, layout, Field.NAME)) is Field.NAME:
            continue
        rows.append(row)
    return rows


def _check_duplicates_in_file(rows: Iterable[RawRow], layout: HeaderLayout, problems: _Problems) -> None:
    """Both rows of a repeated ID are reported: the file cannot say which one is right."""
    seen: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        try:
            number = parse_id_number(cell(row, layout, Field.ID_NUMBER)).number
        except IdNumberError:
            continue
        seen[number].append(row.number)
    for numbers in seen.values():
        for row_number in numbers if len(numbers) > 1 else ():
            others = "、".join(str(n) for n in numbers if n != row_number)
            problems.add(row_number, f"身份证号与第 {others} 行重复")


def _directory(session: Session) -> BuildingDirectory:
    rows = session.execute(select(Building.id, Building.name, Building.address)).all()
    return BuildingDirectory(BuildingRef(id_, name, address) for id_, name, address in rows)


def _match_buildings(
    entries: list[RosterEntry], directory: BuildingDirectory, problems: _Problems
) -> dict[str, BuildingRef]:
    matched: dict[str, BuildingRef] = {}
    failed: dict[str, str] = {}
    for entry in entries:
        label = entry.building
        if label not in matched and label not in failed:
            try:
                matched[label] = directory.match(label)
            except BuildingNotFound as error:
                failed[label] = error.reason
        if label in failed:
            problems.add(entry.row, failed[label])
    return matched


def _check_households(
    entries: list[RosterEntry], buildings: dict[str, BuildingRef], problems: _Problems
) -> None:
    """The rows of one household must agree on its residence type (the first stated one counts)."""
    stated: dict[tuple[int, str, str], RosterEntry] = {}
    for entry in entries:
        building = buildings.get(entry.building)
        if building is None or entry.residence_type is None:
            continue
        key = (building.id, entry.unit, entry.room)
        first = stated.setdefault(key, entry)
        if first.residence_type != entry.residence_type:
            assert first.residence_type is not None
            problems.add(
                entry.row,
                f"居住类型 '{entry.residence_type.zh}' 与同户第 {first.row} 行 '{first.residence_type.zh}' 不一致",
            )


def _check_registered(session: Session, entries: list[RosterEntry], problems: _Problems) -> None:
    """An ID number already in the store belongs to someone: say who (masked) and where."""
    rows_by_id: dict[str, list[int]] = defaultdict(list)
    for entry in entries:
        rows_by_id[entry.id_number].append(entry.row)
    numbers = list(rows_by_id)
    for start in range(0, len(numbers), _IN_CHUNK):
        chunk = numbers[start : start + _IN_CHUNK]
        query = (
            select(Resident)
            .where(Resident.id_number.in_(chunk))
            .options(joinedload(Resident.household).joinedload(Household.building))
        )
        for resident in session.scalars(query):
            assert resident.id_number is not None
            reason = (
                f"身份证号 {mask_id(resident.id_number)} 已登记为 {mask_name(resident.name)}"
                f" ({resident.household.address})"
            )
            for row_number in rows_by_id[resident.id_number]:
                problems.add(row_number, reason)


def _write(
    session: Session, entries: list[RosterEntry], buildings: dict[str, BuildingRef]
) -> tuple[dict[tuple[int, str, str], Household], list[Resident]]:
    """Adds the residents, creating the households that do not exist yet; returns what it added."""
    building_ids = {buildings[e.building].id for e in entries}
    existing = {
        (h.building_id, h.unit, h.room): h
        for h in session.scalars(select(Household).where(Household.building_id.in_(building_ids)))
    }
    created: dict[tuple[int, str, str], Household] = {}
    residents: list[Resident] = []
    for entry in entries:
        key = (buildings[entry.building].id, entry.unit, entry.room)
        household = existing.get(key) or created.get(key)
        if household is None:
            household = Household(
                building_id=key[0],
                unit=entry.unit,
                room=entry.room,
                residence_type=(entry.residence_type or ResidenceType.PERMANENT).value,
            )
            session.add(household)
            created[key] = household
        resident = Resident(
            household=household,
            name=entry.name,
            sex=entry.sex,
            id_number=entry.id_number,
            phone=entry.phone,
            birth_date=entry.birth_date,
            relation=entry.relation,
            health_note=entry.note,
        )
        resident.tags.extend(ResidentTag(tag=tag.value) for tag in sorted(entry.tags))
        session.add(resident)
        residents.append(resident)
    return created, residents
