"""Importing the site workbook: every sheet's rows checked first, then all of it written in one
transaction, or nothing while any row is bad (unless the operator asks to skip the bad rows).

Re-importing the same workbook changes nothing: rows are matched by their natural keys (building
address, person's mobile, camera name, sensor code) and counted as added, updated or unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import CameraChanged, Change, GridChanged, RosterChanged, SensorChanged, Topic
from app.site_book import buildings, cameras, people, sensors
from app.site_book.carried_passwords import PasswordOpener
from app.site_book.common import GridIndex, SheetCount
from app.site_book.problems import Problem, Problems
from app.site_book.sheets import BUILDINGS, CAMERAS, PEOPLE, SENSORS, SHEETS
from app.site_book.workbook import SheetData, read_workbook

SHEET_ORDER = tuple(spec.title for spec in SHEETS)


@dataclass
class SiteImportReport:
    file_name: str
    sheets_read: dict[str, int] = field(default_factory=dict)  # sheet -> data rows
    counts: dict[str, SheetCount] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ignored_headers: dict[str, list[str]] = field(default_factory=dict)
    committed: bool = False

    def problem_lines(self) -> list[str]:
        return [p.line() for p in self.problems]


@dataclass
class _Changed:
    grid_ids: set[int] = field(default_factory=set)
    buildings: bool = False
    sensor_ids: list[int] = field(default_factory=list)
    camera_ids: list[int] = field(default_factory=list)


def import_site(
    ctx: SiteContext,
    path: Path,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    passphrase: str | None = None,
) -> SiteImportReport:
    """Check every row of the workbook; write it unless a row is bad and skip_invalid is off.

    `passphrase` opens the camera passwords an `export-site --passwords` carried.

    `dry_run` writes it all in a transaction it rolls back, so the counts say what an import would
    do; `committed` stays False and nothing is published.
    """
    path = Path(path)
    sheets = read_workbook(path)
    report = SiteImportReport(path.name)
    report.sheets_read = {title: len(data.rows) for title, data in sheets.items()}
    report.ignored_headers = {t: d.ignored_headers for t, d in sheets.items() if d.ignored_headers}
    problems = Problems()
    for spec in SHEETS:  # a sheet left out of the workbook changes nothing
        sheets.setdefault(spec.title, SheetData(spec, 1))
    parsed_buildings = buildings.parse(sheets[BUILDINGS.title], problems)
    parsed_people = people.parse(sheets[PEOPLE.title], problems)
    opener = PasswordOpener(passphrase) if passphrase is not None else None
    parsed_cameras = cameras.parse(sheets[CAMERAS.title], problems, opener)
    parsed_sensors = sensors.parse(sheets[SENSORS.title], problems)
    with ctx.db.session() as session:
        grids = GridIndex.load(session)
        building_plan = buildings.check(session, parsed_buildings, grids, problems)
        people_plan = people.check(session, parsed_people, grids, problems)
        camera_plan = cameras.check(session, parsed_cameras, grids, problems)
        sensor_plan = sensors.check(session, parsed_sensors, problems)
        report.problems = problems.sorted(SHEET_ORDER)
        if problems and not skip_invalid:
            return report
        changed = _write(
            session, _Plans(building_plan, people_plan, camera_plan, sensor_plan), grids, problems, report
        )
        counts = report.counts
        audit.record(
            session,
            ctx.seat,
            "import_site",
            "site",
            None,
            file=path.name,
            counts={title: vars(count) for title, count in counts.items()},
            skipped_rows={
                title: sorted(problems.bad_rows(title)) for title in SHEET_ORDER if problems.bad_rows(title)
            },
        )
        if dry_run:
            session.rollback()
            return report
    report.committed = True
    _publish(ctx, path.name, changed)
    return report


@dataclass
class _Plans:
    buildings: buildings.BuildingPlan
    people: people.PeoplePlan
    cameras: cameras.CameraPlan
    sensors: sensors.SensorPlan


def _write(
    session: Session, plans: _Plans, grids: GridIndex, problems: Problems, report: SiteImportReport
) -> _Changed:
    """Every sheet's good rows, its counts into `report` and what the office should check into its notes."""
    changed, counts = _Changed(), report.counts
    counts[BUILDINGS.title], changed.grid_ids = buildings.write(
        session, plans.buildings, problems.bad_rows(BUILDINGS.title)
    )
    changed.buildings = bool(changed.grid_ids)
    written_people = people.write(session, plans.people, grids, problems.bad_rows(PEOPLE.title))
    counts[PEOPLE.title] = written_people.count
    changed.grid_ids |= written_people.grid_ids
    if written_people.renamed:
        report.notes.append(
            f"{len(written_people.renamed)} 个手机号的人员姓名已按文件更改 (如该号码已换人使用, 请核对其职责)"
            f" (people renamed by the file: if a mobile changed hands, check their duties):"
            f" {'、'.join(written_people.renamed[:10])}"
        )
    written = cameras.write(session, plans.cameras, problems.bad_rows(CAMERAS.title))
    counts[CAMERAS.title] = written.count
    changed.grid_ids |= written.grid_ids
    changed.camera_ids = written.ids
    if written.password_missing:
        report.notes.append(
            f"{len(written.password_missing)} 台新摄像机有用户名而文件中没有密码 (普通导出的文件不含密码;"
            f" 迁移站点请用 export-site --passwords), 请在 密码 列填写后重新导入:"
            f" {'、'.join(written.password_missing[:10])}"
        )
    counts[SENSORS.title], changed.sensor_ids = sensors.write(
        session, plans.sensors, problems.bad_rows(SENSORS.title)
    )
    return changed


def _publish(ctx: SiteContext, file_name: str, changed: _Changed) -> None:
    """The grids whose buildings, duties or cameras changed (the map and the grid chain's contacts
    reload on it), the roster's buildings, and the sensors bound."""
    if changed.grid_ids:
        ctx.hub.publish(Change(Topic.GRID, tuple(sorted(changed.grid_ids)), GridChanged()))
    if changed.buildings:
        ctx.hub.publish(Change(Topic.HOUSEHOLD, (), RosterChanged("site_import", file_name)))
    if changed.sensor_ids:
        ctx.hub.publish(Change(Topic.SENSOR, tuple(changed.sensor_ids), SensorChanged("bound")))
    if changed.camera_ids:  # the walls reload their cameras
        ctx.hub.publish(Change(Topic.CAMERA, tuple(changed.camera_ids), CameraChanged("imported")))
