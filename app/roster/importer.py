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

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import Change, RosterChanged, SensorChanged, Topic
from app.models import Building, Household, ResidenceType, Resident, ResidentTag
from app.privacy.roster_cipher import RosterCipher
from app.privacy.site_secret import SiteSecretError
from app.roster.buildings import BuildingDirectory, BuildingNotFound, BuildingRef
from app.roster.columns import Field, HeaderLayout, classify_header, find_header
from app.roster.entries import RosterEntry, cell, parse_entry
from app.roster.errors import RosterFileError
from app.roster.idcard import IdNumberError, parse_id_number
from app.roster.masking import mask_id
from app.roster.reader import RawRow, RawTable, read_tables
from app.sensor_places import bind_waiting

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
    sensors_bound: list[int] = field(default_factory=list)  # waiting sensors whose household came

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


def import_roster(
    ctx: SiteContext, path: Path, *, skip_invalid: bool = False, dry_run: bool = False
) -> ImportReport:
    """Validate every row of the file; write the residents unless a row is bad and skip_invalid is off.

    `dry_run` writes in a transaction it rolls back: the counts say what an import would do, and
    `committed` stays False.
    """
    table, layout = _locate_header(read_tables(Path(path)))
    report = ImportReport(table.file_name, table.sheet, layout.row_number, ignored_columns=layout.ignored)
    rows = _data_rows(table, layout)
    if not rows:
        raise RosterFileError(f"文件 {table.file_name}: 表头 (第 {layout.row_number} 行) 下没有居民数据")
    report.rows_read = len(rows)
    entries, problems = _parse_rows(rows, layout)

    try:
        with ctx.db.session() as session:
            cipher = RosterCipher.of_site(session)
            directory = _directory(session)
            buildings = _match_buildings(entries, directory, problems)
            _check_households(entries, buildings, problems)
            _check_registered(session, cipher, entries, problems)
            report.problems = problems.sorted()
            valid = [e for e in entries if e.row not in problems.by_row]
            if (report.problems and not skip_invalid) or not valid:
                return report
            household_ids, report.resident_ids = _write(session, cipher, valid, buildings)
            report.imported, report.households_created = len(valid), len(household_ids)
            report.sensors_bound = bind_waiting(session, ctx.seat)
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
            if dry_run:
                session.rollback()
                return report
    except SiteSecretError as error:  # ID numbers are sealed with the site secret this seat lacks
        raise RosterFileError(str(error)) from error
    except IntegrityError as error:  # another seat wrote the same people or households meanwhile
        raise RosterFileError(
            f"文件 {table.file_name}: 导入时数据库中已出现相同的身份证号或住户 (可能有其他席位同时导入), "
            "未导入任何数据; 请重新导入以查看详情"
        ) from error
    report.committed = True
    _announce(ctx, table.file_name, household_ids, report)
    return report


def _parse_rows(rows: list[RawRow], layout: HeaderLayout) -> tuple[list[RosterEntry], _Problems]:
    """Every row read as an entry, with each row's problems (duplicates within the file among them)."""
    problems = _Problems()
    entries: list[RosterEntry] = []
    for row in rows:
        entry, reasons = parse_entry(row, layout)
        for reason in reasons:
            problems.add(row.number, reason)
        if entry is not None:
            entries.append(entry)
    _check_duplicates_in_file(rows, layout, problems)
    return entries, problems


def _announce(ctx: SiteContext, file_name: str, household_ids: list[int], report: ImportReport) -> None:
    """Tell every listener what the committed import added: households, residents and bound sensors."""
    what = RosterChanged("roster_import", file_name)
    ctx.hub.publish(Change(Topic.HOUSEHOLD, tuple(household_ids), what))
    ctx.hub.publish(Change(Topic.RESIDENT, tuple(report.resident_ids), what))
    if report.sensors_bound:
        ctx.hub.publish(Change(Topic.SENSOR, tuple(report.sensors_bound), SensorChanged("bound")))


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


PERSON_FIELDS = (
    Field.NAME,
    Field.ID_NUMBER,
    Field.SEX,
    Field.PHONE,
    Field.BIRTH_DATE,
    Field.RELATION,
    Field.TAGS,
)


def _data_rows(table: RawTable, layout: HeaderLayout) -> list[RawRow]:
    """Rows below the header that say something about a person: not blank lines, not the rows of a
    template that only carry a 序号 or a merged 楼栋, not the header repeated for printing."""
    rows = []
    for row in table.rows:
        if row.number <= layout.row_number or row.blank:
            continue
        if classify_header(cell(row, layout, Field.NAME)) is Field.NAME:
            continue
        flags = (row.values[i] for i in layout.flags if i < len(row.values))
        if all(cell(row, layout, f) is None for f in PERSON_FIELDS) and not any(_filled(v) for v in flags):
            continue
        rows.append(row)
    return rows


def _filled(value: object) -> bool:
    return value is not None and bool(str(value).strip())


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


def _check_registered(
    session: Session, cipher: RosterCipher, entries: list[RosterEntry], problems: _Problems
) -> None:
    """An ID number already on the site (found by its keyed hash): the row says so, never whose it is
    or where they live (an import would otherwise be a way to look anyone up by ID number)."""
    rows_by_hash: dict[str, list[RosterEntry]] = defaultdict(list)
    for entry in entries:
        rows_by_hash[cipher.id_hash(entry.id_number)].append(entry)
    hashes = list(rows_by_hash)
    for start in range(0, len(hashes), _IN_CHUNK):
        chunk = hashes[start : start + _IN_CHUNK]
        for taken in session.scalars(select(Resident.id_hash).where(Resident.id_hash.in_(chunk))):
            for entry in rows_by_hash[taken]:
                reason = f"身份证号 {mask_id(entry.id_number)} 已在本站点登记 (this ID number is already registered on the site)"
                problems.add(entry.row, reason)


def _write(
    session: Session, cipher: RosterCipher, entries: list[RosterEntry], buildings: dict[str, BuildingRef]
) -> tuple[list[int], list[int]]:
    """Adds the residents, creating the households that do not exist yet; returns the new households'
    and residents' ids. Bulk statements: a 5,000-row roster takes a second, not ten."""
    building_ids = {buildings[e.building].id for e in entries}
    query = select(Household.id, Household.building_id, Household.unit, Household.room).where(
        Household.building_id.in_(building_ids)
    )
    households = {(b, unit, room): id_ for id_, b, unit, room in session.execute(query)}
    new: dict[tuple[int, str, str], ResidenceType] = {}
    for entry in entries:
        key = (buildings[entry.building].id, entry.unit, entry.room)
        if key not in households and key not in new:
            new[key] = entry.residence_type or ResidenceType.PERMANENT
    household_ids = _insert(
        session,
        Household,
        [{"building_id": b, "unit": u, "room": r, "residence_type": t.value} for (b, u, r), t in new.items()],
    )
    households.update(zip(new, household_ids, strict=True))
    resident_rows = [
        {
            "household_id": households[(buildings[e.building].id, e.unit, e.room)],
            "name": e.name,
            "sex": e.sex,
            "phone": e.phone,
            "birth_date": e.birth_date,
            "relation": e.relation,
        }
        | cipher.id_columns(e.id_number)
        | cipher.health_columns(e.note)
        for e in entries
    ]
    resident_ids = _insert(session, Resident, resident_rows)
    tag_rows = [
        {"resident_id": rid, "tag": tag.value}
        for rid, entry in zip(resident_ids, entries, strict=True)
        for tag in sorted(entry.tags)
    ]
    if tag_rows:
        session.execute(insert(ResidentTag), tag_rows)
    return household_ids, resident_ids


def _insert(session: Session, model: type[Household] | type[Resident], rows: list[dict]) -> list[int]:
    """One batched INSERT; the generated ids come back in the order of `rows`."""
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, rows))
