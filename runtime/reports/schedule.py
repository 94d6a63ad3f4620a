"""Scheduled reports: the site writes its 日报/周报/月报 into a folder by itself, once per period.

The schedule is a site setting (`reports.schedule`, audited like every setting; `report schedule` shows
and sets it). It is OFF on a new site: the office chooses the folder (the service's computer writes it,
and on a PostgreSQL site that is whichever service leads), then `report schedule --on`. Turned on
without more, it writes the weekly and monthly reports of the whole site at 07:00 (site time) into
`reports/` in the writing process's data folder.

A period's report is due once it has ended and its next day's time of day has passed (the monthly report
of November at 07:00 on December 1st). The scheduler's job (`run_scheduled_reports`, every few minutes
in the process leading the site) writes, for each period kind, the latest report that is due, unless the
site's record (`reports.written.<kind>`, in the database, so it survives restarts and a change of the
leading computer) says it was written already. A service that was down over a due time therefore
writes the missed report once when it comes back, and only the latest one of each kind. The files
are written under temporary names and renamed, so a half-written file is never taken for a report;
existing files of the same name are kept, not written again. Each report written is audited.

The PDF needs Qt, which the runtime does not load: the files are written by the `report` command in a
child process (offscreen), the same code path as an office typing it.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app import audit
from app.config import Seat, data_dir
from app.scheduler import ScheduledJob
from app.site_clock import SiteClock, clock_in
from app.site_settings import read_setting, write_setting
from app.store import Database
from app.tickets.routing import GridBook
from runtime.reports.data import ReportError
from runtime.reports.periods import Period, PeriodKind

log = logging.getLogger(__name__)

SCHEDULE_KEY = "reports.schedule"
WRITTEN_KEY = "reports.written.{kind}"
JOB_ID = "reports.scheduled"
CHECK_EVERY_S = 300  # a report is written within five minutes of its time
RENDER_TIMEOUT_S = 600
SCHEDULER_OPERATOR = "定时报告 scheduled reports"
MAIN = Path(__file__).resolve().parents[2] / "main.py"

REPORT_JOBS = (ScheduledJob(JOB_ID, f"{__name__}:run_scheduled_reports", CHECK_EVERY_S, "定时报告 reports"),)


@dataclass(frozen=True)
class ReportSchedule:
    enabled: bool = False
    periods: tuple[PeriodKind, ...] = (PeriodKind.WEEK, PeriodKind.MONTH)
    grid: str | None = None  # None: the whole site
    folder: str = ""  # "": reports/ in the data folder of the process that writes them
    at: str = "07:00"  # time of day, in the site's zone

    def as_json(self) -> dict:
        return {
            "enabled": self.enabled,
            "periods": [kind.value for kind in self.periods],
            "grid": self.grid,
            "folder": self.folder,
            "at": self.at,
        }

    @classmethod
    def from_json(cls, data: object) -> ReportSchedule:
        if not isinstance(data, dict):
            return cls()
        default = cls()
        return cls(
            enabled=bool(data.get("enabled", default.enabled)),
            periods=tuple(PeriodKind(k) for k in data.get("periods", default.periods)),
            grid=data.get("grid") or None,
            folder=str(data.get("folder") or ""),
            at=str(data.get("at") or default.at),
        )

    def folder_path(self) -> Path:
        return Path(self.folder).expanduser() if self.folder else data_dir() / "reports"

    def time_of_day(self) -> time:
        return time.fromisoformat(self.at)


def read_schedule(session: Session) -> ReportSchedule:
    return ReportSchedule.from_json(read_setting(session, SCHEDULE_KEY))


def checked_schedule(session: Session, schedule: ReportSchedule) -> ReportSchedule:
    """The schedule as it may be stored, or ReportError naming what is wrong (Chinese and English)."""
    try:
        at = datetime.strptime(schedule.at.strip(), "%H:%M").time()  # 7:00 and 07:00 alike
    except ValueError:
        raise ReportError(f"时间格式错误 bad time of day {schedule.at!r}: use HH:MM, e.g. 07:00") from None
    if schedule.grid:
        info = GridBook.load(session).by_code.get(schedule.grid)
        if info is None:
            raise ReportError(f"网格编码 {schedule.grid} 不存在 unknown grid code")
        if info.level > 3:
            raise ReportError(
                f"报告范围须为一至三级网格 a report covers a grid of level 1 to 3: {schedule.grid}"
            )
    if schedule.enabled and not schedule.periods:
        raise ReportError("请至少选择一种报告 choose at least one of day, week, month")
    folder = schedule.folder.strip()
    if folder and not Path(folder).expanduser().is_absolute():
        raise ReportError(f"文件夹须为完整路径 the folder must be an absolute path: {folder!r}")
    periods = tuple(k for k in PeriodKind if k in schedule.periods)  # day, week, month: one order
    return replace(schedule, at=at.strftime("%H:%M"), folder=folder, periods=periods)


def save_schedule(session: Session, seat: Seat, schedule: ReportSchedule) -> bool:
    """Store a checked schedule (audited as a setting change); False when it was already so."""
    return write_setting(session, seat, SCHEDULE_KEY, checked_schedule(session, schedule).as_json())


def due_period(kind: PeriodKind, at: time, now_local: datetime) -> Period:
    """The latest period of `kind` whose report is due at `now_local` (site time): it has ended and
    the day after it has reached `at`."""
    today = now_local.date()
    current = Period.of(kind, today)
    ended = current.previous()
    if today == current.first and now_local.time() < at:  # the day after `ended`, before its time
        return ended.previous()
    return ended


# Writes a report's files: (database, period, grid code, pdf path, xlsx path).
Render = Callable[[Database, Period, str | None, Path, Path], None]


def render_with_command(db: Database, period: Period, grid: str | None, pdf: Path, xlsx: Path) -> None:
    """The `report` command in a child process (Qt offscreen there); a PostgreSQL password goes by
    PGPASSWORD, not on the command line another user's `ps` could read."""
    url = make_url(db.url)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
        url = url.set(password=None)
    command = [sys.executable, str(MAIN), "report", "--period", period.kind.value]
    command += ["--at", period.first.isoformat(), "--pdf", str(pdf), "--xlsx", str(xlsx)]
    command += (["--grid", grid] if grid else []) + ["--db", url.render_as_string(hide_password=False)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=RENDER_TIMEOUT_S)
    if done.returncode != 0:
        raise ReportError(f"报告生成失败 the report command failed: {done.stderr.strip()[-500:]}")


@dataclass(frozen=True)
class Outcome:
    kind: str
    period: str
    files: tuple[str, ...]
    written: bool  # False: the files were there already (written by hand), only recorded


def write_due_reports(
    db: Database, now: datetime | None = None, render: Render = render_with_command
) -> list[Outcome]:
    """Write each period kind's latest due report not yet recorded; `now` (naive UTC) for tests."""
    with db.session() as session:
        schedule, clock = read_schedule(session), clock_in(session)
    if not schedule.enabled:
        return []
    now_local = clock.to_local(now or SiteClock.utcnow())
    outcomes = []
    for kind in schedule.periods:
        period = due_period(kind, schedule.time_of_day(), now_local)
        with db.session() as session:
            record = read_setting(session, WRITTEN_KEY.format(kind=kind.value)) or {}
        if record.get("period") == period.key and record.get("grid") == schedule.grid:
            continue
        outcomes.append(_write(db, schedule, period, render))
    return outcomes


def _write(db: Database, schedule: ReportSchedule, period: Period, render: Render) -> Outcome:
    folder = schedule.folder_path()
    folder.mkdir(parents=True, exist_ok=True)
    stem = period.file_stem(schedule.grid)
    pdf, xlsx = folder / f"{stem}.pdf", folder / f"{stem}.xlsx"
    already = pdf.exists() and xlsx.exists()
    if not already:
        pdf_part, xlsx_part = folder / f".{stem}.part.pdf", folder / f".{stem}.part.xlsx"
        render(db, period, schedule.grid, pdf_part, xlsx_part)
        pdf_part.replace(pdf)
        xlsx_part.replace(xlsx)
    files = (str(pdf), str(xlsx))
    seat = Seat(operator=SCHEDULER_OPERATOR)
    with db.session() as session:
        record = {"period": period.key, "grid": schedule.grid, "files": list(files), "written": not already}
        write_setting(session, seat, WRITTEN_KEY.format(kind=period.kind.value), record)
        audit.record(session, seat, "scheduled_report", "report", None, **record, label=period.label)
    log.info("scheduled report %s %s: %s", period.kind.value, period.key, "kept" if already else "written")
    return Outcome(period.kind.value, period.key, files, not already)


def run_scheduled_reports(db_url: str) -> list[dict]:
    """The scheduler's job, rebuilt from the database URL as every stored job is."""
    db = Database(db_url)
    try:
        return [outcome.__dict__ for outcome in write_due_reports(db)]
    except (ReportError, OSError) as error:  # a grid removed, a folder not writable: tried again next time
        log.error("scheduled report not written: %s", error)
        return []
    finally:
        db.dispose()


def last_written(session: Session) -> dict[str, dict]:
    """What was written last of each kind, for `report schedule`."""
    return {
        kind.value: record
        for kind in PeriodKind
        if (record := read_setting(session, WRITTEN_KEY.format(kind=kind.value)))
    }


def next_due(schedule: ReportSchedule, today: date) -> dict[str, str]:
    """When each scheduled kind's report of the current period is due, in site time (`report schedule`)."""
    return {
        kind.value: f"{(Period.of(kind, today).last + timedelta(days=1)).isoformat()} {schedule.at}"
        for kind in schedule.periods
    }


def schedule_state(db: Database) -> dict:
    """What `report schedule` shows: the schedule, the folder it writes to from this computer, when
    the current periods' reports are due and what was written last."""
    with db.session() as session:
        schedule, clock = read_schedule(session), clock_in(session)
        written = last_written(session)
    return {
        **schedule.as_json(),
        "folder_path": str(schedule.folder_path()),
        "time_zone": clock.zone_name,
        "next_due": next_due(schedule, clock.today()) if schedule.enabled else {},
        "last_written": written,
    }


def change_schedule(db: Database, seat: Seat, **changes: object) -> bool:
    """Change the named fields of the schedule (checked, audited); False when nothing changed."""
    with db.session() as session:
        return save_schedule(session, seat, replace(read_schedule(session), **changes))
