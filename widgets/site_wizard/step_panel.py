"""One file of a new site (grids, the site workbook, the roster): choose it, see what it would write
and every problem in it, then import it.

Choosing a file (or changing the grid options) checks it at once with the core's own import run as
a dry run; 导入 writes it through the same import. Both run on a job thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import SiteContext
from app.site_book.exporter import write_template
from grid_map.crs import Crs
from runtime.site_setup import GridOptions, Step, StepReport, run_step
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain
from widgets.site_wizard.texts import counts_text, tr
from widgets.theme import COLOURS

FILE_FILTERS = {
    Step.GRIDS: "GeoJSON (*.geojson *.json)",
    Step.WORKBOOK: "Excel (*.xlsx)",
    Step.ROSTER: "Excel / CSV (*.xlsx *.xls *.csv)",
}


def _explanations() -> dict[Step, str]:
    return {
        Step.GRIDS: tr(
            "选择网格边界文件（GeoJSON，各级网格含编码、名称、层级、上级编码）。每个四级微网格即一栋楼，"
            "导入时自动建立楼栋。边界略有出入（容差以内）只作提醒。"
        ),
        Step.WORKBOOK: tr(
            "选择站点工作簿（.xlsx：楼栋、人员、摄像机、传感器）。人员表填写网格长、网格员、包联县级领导"
            "等职责。没有工作簿时，可先生成空白模板，填好后再选择。"
        ),
        Step.ROSTER: tr("选择居民花名册（.xlsx 或 .csv）。楼栋须已存在：请先导入网格或工作簿。"),
    }


class StepPanel(QWidget):
    """Checks and imports one file for `step`; `written` carries the report of an import that wrote."""

    written = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, site: SiteContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site, self.step = site, step
        self.jobs = Jobs(self)
        self.report: StepReport | None = None
        self.imported: StepReport | None = None
        self.path: Path | None = None
        self.setObjectName(f"stepPanel_{step.value}")
        layout = QVBoxLayout(self)
        explanation = QLabel(_explanations()[step], wordWrap=True)
        layout.addWidget(explanation)
        layout.addLayout(self._file_row())
        if step is Step.GRIDS:
            layout.addLayout(self._grid_options())
        if step is Step.WORKBOOK:
            layout.addLayout(self._passphrase_row())
        self.summary = QLabel(tr("尚未选择文件。此步骤可以跳过，以后在 设置 菜单中完成。"), wordWrap=True)
        plain(self.summary)
        self.summary.setObjectName("stepSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.problems = QTreeWidget()
        self.problems.setObjectName("stepProblems")
        self.problems.setRootIsDecorated(False)
        self.problems.setHeaderLabels([tr("类型"), tr("位置"), tr("行"), tr("列"), tr("说明")])
        header = self.problems.header()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.problems, 1)
        self.import_button = QPushButton(tr("导入"))
        self.import_button.setObjectName("stepImport")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.import_button)
        layout.addLayout(row)

    def _file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.file_edit = QLineEdit(readOnly=True, placeholderText=tr("未选择文件"))
        self.file_edit.setObjectName("stepFile")
        choose = QPushButton(tr("选择文件…"))
        choose.clicked.connect(self.ask_file)
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        if self.step is Step.WORKBOOK:
            template = QPushButton(tr("生成空白模板…"))
            template.clicked.connect(self.ask_template)
            row.addWidget(template)
        return row

    def _grid_options(self) -> QFormLayout:
        form = QFormLayout()
        self.crs_box = QComboBox()
        for crs in Crs:
            self.crs_box.addItem(tr(crs.zh), crs.value)
        self.tolerance_edit = QLineEdit(GridOptions().tolerance)
        self.tolerance_edit.setToolTip(
            tr("如 20m,0.5%：窄于 20 米或小于网格面积 0.5% 的出入只作提醒；0 为严格")
        )
        self.clip_box = QCheckBox(tr("把下级网格裁剪到上级网格之内，并去除同级网格间的重叠"))
        form.addRow(tr("坐标系"), self.crs_box)
        form.addRow(tr("容差"), self.tolerance_edit)
        form.addRow("", self.clip_box)
        self.crs_box.currentIndexChanged.connect(self.check)
        self.tolerance_edit.editingFinished.connect(self.check)
        self.clip_box.toggled.connect(self.check)
        return form

    def _passphrase_row(self) -> QFormLayout:
        form = QFormLayout()
        self.passphrase_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase_edit.setObjectName("stepPassphrase")
        self.passphrase_edit.setPlaceholderText(tr("仅用于 export-site --passwords 导出的工作簿"))
        self.passphrase_edit.setToolTip(
            tr("从另一站点迁移时，摄像机密码以导出时设定的口令加密；输入同一口令即可导入这些密码")
        )
        form.addRow(tr("密码口令"), self.passphrase_edit)
        self.passphrase_edit.editingFinished.connect(self.check)
        return form

    def passphrase(self) -> str | None:
        if self.step is not Step.WORKBOOK:
            return None
        return self.passphrase_edit.text() or None

    def grid_options(self) -> GridOptions | None:
        if self.step is not Step.GRIDS:
            return None
        return GridOptions(
            Crs(self.crs_box.currentData()), self.tolerance_edit.text(), self.clip_box.isChecked()
        )

    # ---- files -----------------------------------------------------------------------------------

    def ask_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, tr("选择文件"), "", FILE_FILTERS[self.step])
        if chosen:
            self.choose(Path(chosen))

    def ask_template(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("生成空白模板"), "站点工作簿.xlsx", "Excel (*.xlsx)"
        )
        if not chosen:
            return
        try:
            write_template(Path(chosen))
        except Exception as error:  # noqa: BLE001 (a file the office cannot write: say why)
            QMessageBox.warning(self, tr("无法生成模板"), literal_html(str(error)))
            return
        QMessageBox.information(
            self, tr("已生成模板"), tr("请在表格软件中填写后选择此文件：") + f"\n{chosen}"
        )

    def choose(self, path: Path) -> None:
        """Take `path` as this step's file and check it."""
        self.path = path
        self.file_edit.setText(str(path))
        self.check()

    # ---- check and import ------------------------------------------------------------------------

    def check(self) -> None:
        self._run_step(write=False, busy_text=tr("正在检查文件…"), on_done=self._checked)

    def start_import(self) -> None:
        self._run_step(write=True, busy_text=tr("正在导入…"), on_done=self._imported)

    def _run_step(self, *, write: bool, busy_text: str, on_done) -> None:
        """Check (write=False) or import this step's file off the GUI thread, with what is on screen now."""
        if self.path is None:
            return
        self._set_busy(True, busy_text)
        site, step, path, options, phrase = (
            self.site,
            self.step,
            self.path,
            self.grid_options(),
            self.passphrase(),
        )
        self.jobs.submit(
            "step",
            lambda: run_step(site, step, path, write=write, grid_options=options, passphrase=phrase),
            on_done,
            self._failed,
        )

    def _checked(self, report: StepReport) -> None:
        self._show(report)
        if report.ok:
            self.summary.setText(tr("检查通过，导入后将写入：") + counts_text(report))
        self._set_busy(False)

    def _imported(self, report: StepReport) -> None:
        self._show(report)
        if report.written:
            self.imported = report
            self.summary.setText(tr("已导入：") + counts_text(report))
            self.written.emit(report)
        self._set_busy(False)

    def _failed(self, error: Exception) -> None:
        self.report = None
        self._tone("danger")
        self.summary.setText(tr("出错，未写入任何数据：") + f"{type(error).__name__}: {error}")
        self._set_busy(False)

    def _show(self, report: StepReport) -> None:
        self.report = report
        self.problems.clear()
        for problem in report.problems:
            row = "" if problem.row is None else str(problem.row)
            self._add_line(tr("错误"), problem.sheet, row, problem.column, problem.reason, "danger")
        for warning in report.warnings:
            self._add_line(tr("提醒"), "", "", "", warning, "warn")
        self._tone("danger" if not report.ok else "ok")
        if not report.ok:
            self.summary.setText(
                tr("错误数：") + f"{len(report.problems)}。" + tr("未写入任何数据，请修改文件后重新选择。")
            )

    def _add_line(self, kind: str, where: str, row: str, column: str, text: str, tone: str) -> None:
        item = QTreeWidgetItem([kind, where, row, column, text])
        item.setForeground(0, QColor(COLOURS[tone]))
        item.setToolTip(4, literal_html(text))
        self.problems.addTopLevelItem(item)

    def _tone(self, tone: str) -> None:
        self.summary.setStyleSheet(f"color: {COLOURS[tone]};" if tone else "")

    def _set_busy(self, busy: bool, message: str = "") -> None:
        if message:
            self._tone("")
            self.summary.setText(message)
        self.import_button.setEnabled(not busy and self.pending)
        self.busy_changed.emit(busy)

    @property
    def pending(self) -> bool:
        """A checked file without problems that is not imported yet."""
        return self.report is not None and self.report.ok and not self.report.written

    @property
    def busy(self) -> bool:
        return self.jobs.busy()
