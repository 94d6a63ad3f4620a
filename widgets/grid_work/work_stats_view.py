"""工作统计: the grid's work for any grid and period — the figures a community office reports each
month (households visited, people reached, problems found and turned into tickets, tickets solved,
meetings, volunteer teams and hours, votes) from the one core function `work_stats`."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.grid_work.findings import FindingTag
from app.site_clock import SiteClock
from runtime.read.work import WorkStats
from widgets.grid_work.work_ui import choose_grid, fill_table, grid_picker, read_only_table, tr
from widgets.jobs import Jobs
from widgets.plain_text import plain
from widgets.shell_context import ShellContext

STATS_JOB = "work-stats"


def stat_lines(stats: WorkStats) -> list[tuple[str, str]]:
    """(figure, value) in the order of the monthly report."""
    hours = f"{stats.volunteer_hours:g}"
    lines = [
        (tr("志愿服务队"), str(stats.volunteer_teams)),
        (tr("走访次数"), str(stats.visits)),
        (tr("走访户数"), str(stats.households_visited)),
        (tr("走访人次"), str(stats.people_reached)),
        (tr("发现问题"), str(stats.findings)),
    ]
    lines += [("　" + tr(FindingTag(tag).zh), str(n)) for tag, n in stats.findings_by_tag]
    lines += [
        (tr("问题转工单"), str(stats.findings_ticketed)),
        (tr("其中已办结"), str(stats.findings_solved)),
        (tr("办结工单（全部来源）"), str(stats.tickets_solved)),
        (tr("网格会议"), str(stats.meetings)),
        (tr("志愿活动"), str(stats.volunteer_activities)),
        (tr("志愿服务时长（小时）"), hours if stats.volunteer_activities else tr("无记录")),
        (tr("议事表决（已计票）"), str(stats.votes_held)),
    ]
    return lines


class WorkStatsDialog(QDialog):
    def __init__(
        self, context: ShellContext, grid_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workStatsDialog")
        self.setWindowTitle(tr("工作统计"))
        self.resize(720, 700)
        self._work = context.reads.work
        self._zone = context.reads.clock.zone
        self._jobs = Jobs(self)
        self.stats: WorkStats | None = None
        self.grid = grid_picker(context.reads.grid_work.grids(4))
        choose_grid(self.grid, grid_code)
        today = context.reads.clock.today()
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.count_button = QPushButton(tr("统计"))
        self.count_button.clicked.connect(self.refresh)
        self.heading = plain(QLabel())
        self.heading.setObjectName("dialogMessage")
        self.table = read_only_table([tr("指标"), tr("数值")])
        self.status = plain(QLabel())
        top = QHBoxLayout()
        for widget in (
            QLabel(tr("网格")),
            self.grid,
            QLabel(tr("自")),
            self.start,
            QLabel(tr("至")),
            self.end,
        ):
            top.addWidget(widget)
        top.addWidget(self.count_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.refresh()

    def period(self) -> tuple[datetime, datetime]:
        """The chosen days, both included, as naive UTC [start, end) in the site's zone."""
        first, last = self.start.date().toPython(), self.end.date().toPython()
        return self._midnight(first), self._midnight(last + timedelta(days=1))

    def _midnight(self, day: date) -> datetime:
        return SiteClock(self._zone.key).day_start(day)

    def refresh(self) -> None:
        if self.start.date() > self.end.date():
            self.status.setText(tr("开始日期不能晚于结束日期"))
            return
        self.status.clear()
        work, code, (start, end) = self._work, self.grid.currentData(), self.period()
        self._jobs.submit(STATS_JOB, lambda: work.stats(code, start, end), self._counted, self._failed)

    def _counted(self, stats: WorkStats) -> None:
        self.stats = stats
        period = f"{self.start.date().toString('yyyy-MM-dd')} — {self.end.date().toString('yyyy-MM-dd')}"
        # the whole site is named by the core in Chinese: said here in the reader's language
        grid_name = stats.grid_name if self.grid.currentData() is not None else tr("全站")
        self.heading.setText(f"{grid_name}  {period}")
        lines = stat_lines(stats)
        fill_table(self.table, lines, [name for name, _v in lines])

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error)[:300])
