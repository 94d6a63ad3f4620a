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
    pending: list[Problem] = field(default_factory=list)  # sensors waiting for their household (待绑定)
    ignored_headers: dict[str, list[str]] = field(default_factory=dict)
    committed: bool = False

    def problem_lines(self) -> list[str]:
        return [p.line() for p in self.problems]

    def pending_lines(self) -> list[str]:
        return [p.line() for p in self.pending]


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
    for spec in SHEETS:  # a sheet left out of the workbook changes nothing
        sheets.setdefault(spec.title, SheetData(spec, 1))
    problems = Problems()
    parsed = _Parsed(
        buildings.parse(sheets[BUILDINGS.title], problems),
        people.parse(sheets[PEOPLE.title], problems),
        cameras.parse(
            sheets[CAMERAS.title], problems, PasswordOpener(passphrase) if passphrase is not None else None
        ),
        sensors.parse(sheets[SENSORS.title], problems),
    )
    changed = _Changed()
    with ctx.db.session() as session:
        if not _check_and_write(session, parsed, problems, report, changed, skip_invalid=skip_invalid):
            session.rollback()
            return report
        audit.record(
            session,
            ctx.seat,
            "import_site",
            "site",
            None,
            file=path.name,
            counts={title: vars(count) for title, count in report.counts.items()},
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
class _Parsed:
    buildings: list[buildings.BuildingEntry]
    people: list[people.PersonEntry]
    cameras: list[cameras.CameraEntry]
    sensors: list[sensors.SensorEntry]


def _check_and_write(
    session: Session,
    parsed: _Parsed,
    problems: Problems,
    report: SiteImportReport,
    changed: _Changed,
    *,
    skip_invalid: bool,
) -> bool:
    """Every sheet checked, then written in `session`; False (the caller rolls back) on a problem
    unless skip_invalid. The buildings are written before the sensors are checked, so a sensor may
    name a building this workbook adds."""
    grids = GridIndex.load(session)
    building_plan = buildings.check(session, parsed.buildings, grids, problems)
    people_plan = people.check(session, parsed.people, grids, problems)
    camera_plan = cameras.check(session, parsed.cameras, grids, problems)
    building_count, grid_ids = buildings.write(session, building_plan, problems.bad_rows(BUILDINGS.title))
    sensor_plan = sensors.check(session, parsed.sensors, problems)
    report.problems = problems.sorted(SHEET_ORDER)
    bad_sensors = problems.bad_rows(SENSORS.title)
    report.pending = [  # said with the problems too: a mistyped room is fixed in the same round
        Problem(SENSORS.title, row, "住户地址", note)
        for row, note in sensor_plan.waiting
        if row not in bad_sensors
    ]
    if problems and not skip_invalid:
        return False
    report.counts[BUILDINGS.title] = building_count
    changed.grid_ids |= grid_ids
    changed.buildings = bool(grid_ids)
    _write_people_and_cameras(session, people_plan, camera_plan, grids, problems, report, changed)
    report.counts[SENSORS.title], changed.sensor_ids = sensors.write(session, sensor_plan, bad_sensors)
    return True


def _write_people_and_cameras(
    session: Session,
    people_plan: people.PeoplePlan,
    camera_plan: cameras.CameraPlan,
    grids: GridIndex,
    problems: Problems,
    report: SiteImportReport,
    changed: _Changed,
) -> None:
    """Their good rows, their counts into `report` and what the office should check into its notes."""
    written_people = people.write(session, people_plan, grids, problems.bad_rows(PEOPLE.title))
    report.counts[PEOPLE.title] = written_people.count
    changed.grid_ids |= written_people.grid_ids
    if written_people.renamed:
        report.notes.append(
            f"{len(written_people.renamed)} 个手机号的人员姓名已按文件更改 (如该号码已换人使用, 请核对其职责)"
            f" (people renamed by the file: if a mobile changed hands, check their duties):"
            f" {'、'.join(written_people.renamed[:10])}"
        )
    written = cameras.write(session, camera_plan, problems.bad_rows(CAMERAS.title))
    report.counts[CAMERAS.title] = written.count
    changed.grid_ids |= written.grid_ids
    changed.camera_ids = written.ids
    if written.password_missing:
        report.notes.append(
            f"{len(written.password_missing)} 台新摄像机有用户名而文件中没有密码 (普通导出的文件不含密码;"
            f" 迁移站点请用 export-site --passwords), 请在 密码 列填写后重新导入:"
            f" {'、'.join(written.password_missing[:10])}"
        )


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
