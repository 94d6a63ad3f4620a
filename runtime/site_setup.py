"""Setting a site up from the office's own files, step by step (the 新建站点 wizard and 设置 menu).

Each step runs the core's own import twice: first as a dry run (everything checked and written in a
transaction that is rolled back, so the counts are exactly what the import would write), then, when the
office accepts, for real. No Qt here: the views call these on a job thread and show the `StepReport`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func, select

from app.context import SiteContext
from app.grid_import import import_grids
from app.models import Grid
from app.roster.errors import RosterFileError
from app.roster.importer import import_roster
from app.site_book.importer import import_site
from app.site_book.problems import SiteBookError
from app.site_settings import SITE_NAME, read_setting
from app.store import Database
from app.tickets.categories import CategoryBook
from app.tickets.site_limits import apply_overrides, read_overrides
from grid_map.crs import Crs
from grid_map.tolerance import Tolerance
from grid_map.validate import GridFileError


class Step(StrEnum):
    GRIDS = "grids"
    WORKBOOK = "workbook"
    ROSTER = "roster"


@dataclass(frozen=True)
class StepProblem:
    """One problem, placed as the office finds it: a sheet, row and column, or a feature of the file."""

    reason: str
    sheet: str = ""
    row: int | None = None
    column: str = ""

    @property
    def where(self) -> str:
        parts = [self.sheet, f"第 {self.row} 行" if self.row is not None else "", self.column]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class GridOptions:
    crs: Crs = Crs.WGS84
    tolerance: str = "20m,0.5%"  # as `import-grids --tolerance` takes it
    clip: bool = False


@dataclass
class StepReport:
    """What a step would write (dry run) or wrote, and every problem that stops it."""

    step: Step
    file: str
    counts: dict[str, int] = field(default_factory=dict)  # keys the views label, e.g. grids_created
    problems: list[StepProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def needs_setup(db: Database) -> bool:
    """A site with no grids whose office never named it: the first start of a new database."""
    with db.session() as session:
        has_grids = bool(session.scalar(select(func.count()).select_from(Grid)))
        return not has_grids and not read_setting(session, SITE_NAME, "")


def run_step(
    ctx: SiteContext,
    step: Step,
    path: Path,
    *,
    write: bool,
    grid_options: GridOptions | None = None,
    passphrase: str | None = None,
) -> StepReport:
    """Check `path` for `step` (write=False: nothing is written) or import it (write=True).

    A write with any problem writes nothing; the report then lists the problems. `passphrase` opens the
    camera passwords of a workbook exported with `export-site --passwords`.
    """
    report = StepReport(step, Path(path).name)
    try:
        if step is Step.GRIDS:
            _grids(ctx, Path(path), grid_options or GridOptions(), write, report)
        elif step is Step.WORKBOOK:
            _workbook(ctx, Path(path), write, report, passphrase)
        else:
            _roster(ctx, Path(path), write, report)
    except (SiteBookError, RosterFileError) as error:
        report.problems.append(StepProblem(str(error)))
    except OSError as error:
        report.problems.append(StepProblem(f"无法读取文件 cannot read {path}: {error.strerror or error}"))
    return report


def _grids(ctx: SiteContext, path: Path, options: GridOptions, write: bool, report: StepReport) -> None:
    try:
        tolerance = Tolerance.parse(options.tolerance)
    except ValueError as error:
        report.problems.append(StepProblem(str(error), column="容差 tolerance"))
        return
    try:
        result = import_grids(
            ctx.db,
            path,
            options.crs,
            ctx.seat,
            hub=ctx.hub if write else None,
            tolerance=tolerance,
            clip=options.clip,
            dry_run=not write,
        )
    except GridFileError as error:
        for problem in error.errors:
            where = " ".join(
                p
                for p in (
                    problem.place or "",
                    f"features[{problem.index}]" if problem.index is not None else "",
                    f"编码 {problem.code}" if problem.code else "",
                )
                if p
            )
            report.problems.append(StepProblem(problem.message, sheet=where))
        return
    except ValueError as error:  # a crs member the file names that is not supported, bad JSON
        report.problems.append(StepProblem(str(error)))
        return
    report.counts = {
        "grids_created": len(result.created),
        "grids_updated": len(result.updated),
        "grids_unchanged": len(result.unchanged),
        "buildings_created": len(result.buildings.created),
        "buildings_updated": len(result.buildings.updated),
    }
    report.warnings = [str(w) for w in result.warnings]
    report.written = write


def _workbook(ctx: SiteContext, path: Path, write: bool, report: StepReport, passphrase: str | None) -> None:
    result = import_site(ctx, path, dry_run=not write, passphrase=passphrase)
    report.problems = [StepProblem(p.reason, p.sheet, p.row, p.column or "") for p in result.problems]
    report.warnings = (
        result.pending_lines()
        + list(result.notes)
        + [
            f"工作表 {sheet}: 未识别的列已忽略 ignored columns: {'、'.join(headers)}"
            for sheet, headers in result.ignored_headers.items()
        ]
    )
    sheet_keys = {"楼栋": "buildings", "人员": "people", "摄像机": "cameras", "传感器": "sensors"}
    for sheet, count in result.counts.items():
        key = sheet_keys.get(sheet, sheet)
        report.counts[f"{key}_added"] = count.added
        report.counts[f"{key}_updated"] = count.updated
        report.counts[f"{key}_unchanged"] = count.unchanged
        if count.pending:
            report.counts[f"{key}_pending"] = count.pending
    report.written = result.committed


def _roster(ctx: SiteContext, path: Path, write: bool, report: StepReport) -> None:
    result = import_roster(ctx, path, dry_run=not write)
    sheet = result.sheet or ""
    report.problems = [
        StepProblem(reason, sheet, problem.row) for problem in result.problems for reason in problem.reasons
    ]
    if result.ignored_columns:
        report.warnings.append(f"未识别的列已忽略 ignored columns: {'、'.join(result.ignored_columns)}")
    if not result.problems:
        report.counts = {"residents": result.imported, "households_created": result.households_created}
    report.written = result.committed


@dataclass(frozen=True)
class SiteCategories:
    """The categories as the desk uses them (the site's limits applied) and the codes the site changed."""

    book: CategoryBook
    overridden: frozenset[str]


def site_categories(db: Database, base: CategoryBook) -> SiteCategories:
    with db.session() as session:
        overrides = read_overrides(session)
    return SiteCategories(apply_overrides(base, overrides), frozenset(overrides))
