"""走访: record a home visit from the household card — who visited, when, whom they met, what they
found; a finding given a ticket category becomes a 入户走访 ticket with the visit. And the
household's visit list (走访记录) with what each visit found and the tickets it became."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.grid_work.errors import WorkError
from app.grid_work.visits import FindingDraft, VisitDraft
from app.site_clock import MINUTES, SiteClock
from runtime.read.work import FindingTag, VisitRow
from widgets.households.edit_dialog import FormDialog
from widgets.jobs import Jobs

MAX_FINDINGS = 5


def tr(text: str) -> str:
    return QCoreApplication.translate("Visits", text)


def tag_label(tag: str) -> str:
    return tr(FindingTag(tag).zh)


class FindingRow:
    """One line of findings: the kind, what was found, and the ticket category it becomes (or none)."""

    def __init__(self, categories: list[tuple[str, str]]) -> None:
        self.tag = QComboBox()
        for tag in FindingTag:
            self.tag.addItem(tag_label(tag.value), tag.value)
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("发现的问题"))
        self.category = QComboBox()
        self.category.addItem(tr("不转工单"), "")
        for code, path in categories:
            self.category.addItem(f"{code} {path}", code)

    def draft(self) -> FindingDraft | None:
        text = self.text.text().strip()
        if not text:
            return None
        return FindingDraft(self.tag.currentData(), text, self.category.currentData() or None)


class VisitDialog(FormDialog):
    """The visit form; saving calls `write(draft)` off the GUI thread (the core checks and stores it)."""

    def __init__(
        self,
        jobs: Jobs,
        address: str,
        visitors: list[tuple[int, str]],
        categories: list[tuple[str, str]],
        zone: ZoneInfo,
        write: Callable[[VisitDraft], object],
        household_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self.setWindowTitle(tr("登记走访"))
        self._write, self._zone, self._household_id = write, zone, household_id
        self._categories = categories
        where = QLabel(address)
        where.setObjectName("dialogMessage")
        self.form.addRow(tr("住户"), where)
        self.visitor = QComboBox()
        self.visitor.setEditable(False)
        for person_id, name in visitors:
            self.visitor.addItem(name, person_id)
        self.add_field("visitor", tr("走访人"), self.visitor)
        now = QDateTime.fromString(datetime.now(zone).strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm")
        self.when = QDateTimeEdit(now)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setMaximumDateTime(now)
        self.when.setCalendarPopup(True)
        self.add_field("at", tr("走访时间"), self.when)
        self.people_met = QSpinBox()
        self.people_met.setRange(0, 99)
        self.people_met.setValue(1)
        self.add_field("people_met", tr("见到人数"), self.people_met)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(tr("走访情况"))
        self.note.setFixedHeight(70)
        self.add_field("note", tr("走访记录"), self.note)
        findings = QWidget()
        self._findings_grid = QGridLayout(findings)
        self._findings_grid.setContentsMargins(0, 0, 0, 0)
        self.findings: list[FindingRow] = []
        self.add_finding_button = QPushButton(tr("添加发现"))
        self.add_finding_button.clicked.connect(self.add_finding)
        self._findings_grid.addWidget(self.add_finding_button, 0, 0)
        self.add_field("findings", tr("走访发现"), findings)

    def add_finding(self) -> FindingRow:
        row = FindingRow(self._categories)
        line = len(self.findings) + 1
        self._findings_grid.addWidget(row.tag, line, 0)
        self._findings_grid.addWidget(row.text, line, 1)
        self._findings_grid.addWidget(row.category, line, 2)
        self.findings.append(row)
        self.add_finding_button.setEnabled(len(self.findings) < MAX_FINDINGS)
        return row

    def local_problems(self) -> dict[str, str]:
        if self.visitor.currentData() is None:
            return {"visitor": tr("请选择走访人（设置 → 人员与职责 中登记）")}
        return {}

    def draft(self) -> VisitDraft:
        typed = datetime.fromisoformat(self.when.dateTime().toString("yyyy-MM-ddTHH:mm"))
        findings = tuple(d for d in (row.draft() for row in self.findings) if d is not None)
        return VisitDraft(
            self._household_id,
            int(self.visitor.currentData()),
            SiteClock(self._zone.key).to_utc(typed),
            self.people_met.value(),
            self.note.toPlainText(),
            findings,
        )

    def write_work(self) -> Callable[[], object]:
        draft, write = self.draft(), self._write
        return lambda: write(draft)

    def _refused(self, error: Exception) -> None:
        if isinstance(error, WorkError):  # the core's refusal says what is wrong in both languages
            self.buttons.setEnabled(True)
            self.status.setText(str(error))
            return
        super()._refused(error)


class VisitListDialog(QDialog):
    """The household's visits, newest first, with what each found and the ticket it became."""

    def __init__(
        self, address: str, visits: list[VisitRow], zone: ZoneInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("走访记录"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        heading = QLabel(address)
        heading.setObjectName("dialogMessage")
        layout.addWidget(heading)
        self.text = QPlainTextEdit(visit_lines(visits, zone) or tr("暂无走访记录"))
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(300)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def visit_lines(visits: list[VisitRow], zone: ZoneInfo) -> str:
    lines = []
    for visit in visits:
        when = SiteClock(zone.key).text(visit.at, MINUTES)
        met = tr("见{n}人").replace("{n}", str(visit.people_met))
        lines.append(f"{when}  {visit.visitor}  {met}  {visit.note}".rstrip())
        for finding in visit.findings:
            ticket = tr("  → 工单 {id}").replace("{id}", str(finding.ticket_id)) if finding.ticket_id else ""
            lines.append(f"    [{tag_label(finding.tag)}] {finding.text}{ticket}")
    return "\n".join(lines)
