"""Correcting a visit (更正) and voiding one entered by mistake (作废): both need a reason, both are
audited; nothing is deleted (app/grid_work/visit_corrections.py says why)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.grid_work.visit_corrections import VisitCorrection
from runtime.read.grid_work import VisitRow
from widgets.grid_work.votes_forms import WorkFormDialog
from widgets.grid_work.work_ui import site_time_edit, tr, typed_utc
from widgets.jobs import Jobs
from widgets.plain_text import plain


class VisitCorrectionDialog(WorkFormDialog):
    def __init__(
        self,
        jobs: Jobs,
        visit: VisitRow,
        visitors: list[tuple[int, str]],
        zone: ZoneInfo,
        now: datetime,
        write: Callable[[VisitCorrection], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self.setWindowTitle(tr("更正走访记录"))
        self._visit, self._zone, self._write = visit, zone, write
        self.form.addRow(tr("住户"), plain(QLabel(visit.address)))
        self.visitor = QComboBox()
        for person_id, name in visitors:
            self.visitor.addItem(name, person_id)
        self.visitor.setCurrentIndex(max(0, self.visitor.findData(visit.visitor_id)))
        self.add_field("visitor", tr("走访人"), self.visitor)
        self.when = site_time_edit(visit.at, zone)
        self._shown_at = self.when.dateTime()  # the field shows minutes: untouched keeps the seconds
        self.when.setMaximumDateTime(site_time_edit(now, zone).dateTime())
        self.add_field("at", tr("走访时间"), self.when)
        self.people_met = QSpinBox()
        self.people_met.setRange(0, 99)
        self.people_met.setValue(visit.people_met)
        self.add_field("people_met", tr("见到人数"), self.people_met)
        self.note = QPlainTextEdit(visit.note)
        self.note.setFixedHeight(70)
        self.add_field("note", tr("走访记录"), self.note)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("例如：走访时间录错"))
        self.add_field("reason", tr("更正理由"), self.reason)

    def local_problems(self) -> dict[str, str]:
        if not self.reason.text().strip():
            return {"reason": tr("请填写更正理由，它会记入审计日志")}
        return {}

    def correction(self) -> VisitCorrection:
        return VisitCorrection(
            self._visit.visit_id,
            int(self.visitor.currentData()),
            self._visit.at if self.when.dateTime() == self._shown_at else typed_utc(self.when, self._zone),
            self.people_met.value(),
            self.note.toPlainText(),
            self.reason.text(),
        )

    def write_work(self) -> Callable[[], object]:
        change, write = self.correction(), self._write
        return lambda: write(change)
