"""Scheduled reports on SQLite and PostgreSQL, by the site clock's `now` handed in (no sleeping): off
until turned on, each kind's latest due report written once, never twice, a missed period caught up
once after a pause, files already there kept, every report audited; the real `report` child process
writes a PDF and a workbook; `report schedule` shows and sets the schedule, refusing bad input in words."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.config import Seat
from app.models.audit import AuditEntry
from runtime.reports.data import ReportError
from runtime.reports.periods import Period, PeriodKind
from runtime.reports.schedule import (
    ReportSchedule,
    change_schedule,
    due_period,
    render_with_command,
    schedule_state,
    write_due_reports,
)
from tests.app.tickets.conftest import IN_G1, build_site, make_desk, open_ticket

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROOT = Path(__file__).resolve().parents[3]


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def utc(text: str) -> datetime:
    """Site time (Asia/Shanghai) as the store's naive UTC: the `now` the job is handed."""
    return local(text).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def test_a_period_is_due_once_it_ended_and_the_next_days_time_passed():
    seven = time(7, 0)
    assert due_period(PeriodKind.MONTH, seven, local("2026-12-01T06:59")) == Period.of(
        "month", date(2026, 10, 1)
    )
    assert due_period(PeriodKind.MONTH, seven, local("2026-12-01T07:00")) == Period.of(
        "month", date(2026, 11, 1)
    )
    assert due_period(PeriodKind.MONTH, seven, local("2026-12-31T23:00")) == Period.of(
        "month", date(2026, 11, 1)
    )
    assert due_period(PeriodKind.DAY, seven, local("2026-12-08T06:00")).first == date(2026, 12, 6)
    assert due_period(PeriodKind.DAY, seven, local("2026-12-08T08:00")).first == date(2026, 12, 7)
    # a week runs Monday to Sunday: on Monday 2026-12-07 before seven the week before last is due
    assert due_period(PeriodKind.WEEK, seven, local("2026-12-07T06:00")).first == date(2026, 11, 23)
    assert due_period(PeriodKind.WEEK, seven, local("2026-12-07T07:30")).first == date(2026, 11, 30)
    assert Period.of("week", date(2026, 11, 30)).file_stem("C1") == "工作周报_C1_2026-W49"


class FakeRender:
    """Writes small files where the `report` command would, and remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, str | None]] = []

    def __call__(self, db, period: Period, grid, pdf: Path, xlsx: Path) -> None:
        self.asked.append((period.kind.value, period.key, grid))
        pdf.write_bytes(b"%PDF-1.4 fake")
        xlsx.write_bytes(b"PK fake")


@pytest.fixture
def site_db(db):
    build_site(db)
    return db


def audited(db) -> int:
    with db.session() as session:
        return session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "scheduled_report")
        )


def test_reports_are_written_once_per_period_and_a_missed_one_is_caught_up_once(site_db, tmp_path):
    db, render, admin = site_db, FakeRender(), Seat(operator="测试")
    assert write_due_reports(db, utc("2026-12-01T08:00"), render) == []  # off on a new site
    assert change_schedule(
        db, admin, enabled=True, periods=(PeriodKind.MONTH, PeriodKind.DAY), folder=str(tmp_path)
    )

    written = write_due_reports(db, utc("2026-12-01T06:30"), render)
    assert render.asked == [("day", "2026-11-29", None), ("month", "2026-10", None)]  # before seven
    assert {Path(f).name for o in written for f in o.files} == {
        "工作日报_全域_2026-11-29.pdf",
        "工作日报_全域_2026-11-29.xlsx",
        "工作月报_全域_2026-10.pdf",
        "工作月报_全域_2026-10.xlsx",
    }
    assert write_due_reports(db, utc("2026-12-01T06:55"), render) == []  # nothing twice
    write_due_reports(db, utc("2026-12-01T07:05"), render)
    assert render.asked[2:] == [("day", "2026-11-30", None), ("month", "2026-11", None)]
    assert not list(tmp_path.glob(".*part*"))  # written under temporary names, then renamed

    # the service was down from December to February: January's report once, not December's too
    write_due_reports(db, utc("2027-02-10T09:00"), render)
    write_due_reports(db, utc("2027-02-10T09:05"), render)
    assert render.asked[4:] == [("day", "2027-02-09", None), ("month", "2027-01", None)]
    assert audited(db) == 6
    state = schedule_state(db)
    assert state["last_written"]["month"]["period"] == "2027-01" and state["enabled"] is True


def test_files_already_there_are_kept_and_recorded_and_a_new_grid_is_a_new_report(site_db, tmp_path):
    db, render, admin = site_db, FakeRender(), Seat(operator="测试")
    change_schedule(db, admin, enabled=True, periods=(PeriodKind.MONTH,), folder=str(tmp_path), grid="C1")
    (tmp_path / "工作月报_C1_2026-11.pdf").write_bytes(b"by hand")
    (tmp_path / "工作月报_C1_2026-11.xlsx").write_bytes(b"by hand")
    [outcome] = write_due_reports(db, utc("2026-12-02T10:00"), render)
    assert not outcome.written and render.asked == []
    assert (tmp_path / "工作月报_C1_2026-11.pdf").read_bytes() == b"by hand"
    change_schedule(db, admin, grid=None)
    write_due_reports(db, utc("2026-12-02T10:05"), render)
    assert render.asked == [("month", "2026-11", None)]


def test_a_bad_schedule_is_refused_in_words(site_db):
    admin = Seat(operator="测试")
    for changes, words in (
        ({"at": "7 o'clock"}, "时间格式错误"),
        ({"grid": "NOPE"}, "不存在"),
        ({"folder": "relative/folder"}, "完整路径"),
        ({"enabled": True, "periods": ()}, "至少选择一种"),
    ):
        with pytest.raises(ReportError, match=words):
            change_schedule(site_db, admin, **changes)
    assert schedule_state(site_db)["enabled"] is False
    assert ReportSchedule.from_json(None) == ReportSchedule()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is missing")
def test_the_report_command_child_writes_the_due_report(sqlite_db, tmp_path):
    build_site(sqlite_db)
    desk = make_desk(sqlite_db)
    open_ticket(desk, where=IN_G1, when="2026-11-03T09:00")
    change_schedule(
        sqlite_db, Seat(operator="测试"), enabled=True, periods=(PeriodKind.MONTH,), folder=str(tmp_path)
    )
    [outcome] = write_due_reports(sqlite_db, utc("2026-12-01T07:30"), render_with_command)
    assert outcome.written and outcome.period == "2026-11"
    pdf = tmp_path / "工作月报_全域_2026-11.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "工作月报" in text and "2026年11月" in text
    assert (tmp_path / "工作月报_全域_2026-11.xlsx").stat().st_size > 5_000


def test_report_schedule_shows_and_sets_it(sqlite_db, tmp_path, cli_user):
    build_site(sqlite_db)
    cli_user(sqlite_db.url)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "report", "schedule", *args, "--db", sqlite_db.url],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=120,
        )

    shown = run("--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["enabled"] is False
    done = run("--on", "--periods", "month,week", "--grid", "C1", "--at", "6:30", "--folder", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "已保存" in done.stdout and "周报、月报" in done.stdout and "06:30" in done.stdout
    refused = run("--at", "25:00")
    assert refused.returncode != 0 and "时间格式错误" in refused.stderr
    assert json.loads(run("--json").stdout)["at"] == "06:30"


def test_the_sites_scheduler_holds_the_report_job(sqlite_db):
    from app.context import SiteContext
    from runtime.reports.schedule import JOB_ID, run_scheduled_reports
    from runtime.site import RuntimeOptions, SiteRuntime

    runtime = SiteRuntime(SiteContext(sqlite_db), RuntimeOptions(sensors=False))
    job = next(job for job in runtime._make_scheduler().jobs if job.id == JOB_ID)
    assert job.func == "runtime.reports.schedule:run_scheduled_reports" and job.seconds == 300
    assert run_scheduled_reports(sqlite_db.url) == []  # by its URL alone, as the store calls it; off
