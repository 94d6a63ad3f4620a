"""文件 → 导出 → 站点工作簿… / 站点工作簿模板…: what `export-site` and `site template` write, from the
window. The core writes the file (`app.site_book.exporter`) on a job thread; importing a workbook is
设置 → 人员与职责… (the wizard's step, with its dry run), also listed under 文件 → 导入.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app.site_book.exporter import SiteExportReport, export_site, write_template
from widgets.jobs import Jobs
from widgets.shell_context import ShellContext

WORKBOOK_FILES = "(*.xlsx)"


def tr(text_: str) -> str:
    return QCoreApplication.translate("SiteBookFiles", text_)


def with_xlsx(chosen: str) -> Path:
    """The chosen name, with .xlsx added when the dialog left it off."""
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(".xlsx")


class SiteBookFileActions(QObject):
    """The export entries and what they ask; `window` parents every dialog."""

    def __init__(self, context: ShellContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.jobs = Jobs(self)
        self.export_action = QAction(window)
        self.export_action.setObjectName("exportSiteBookAction")
        self.export_action.triggered.connect(self.ask_export)
        self.template_action = QAction(window)
        self.template_action.setObjectName("siteBookTemplateAction")
        self.template_action.triggered.connect(self.ask_template)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_action.setText(tr("站点工作簿…"))
        self.export_action.setToolTip(tr("把楼栋、人员与职责、摄像机、传感器导出为可再次导入的 Excel"))
        self.template_action.setText(tr("站点工作簿模板…"))
        self.template_action.setToolTip(tr("空白的站点工作簿：四张表的表头、下拉选项和填写说明"))

    def ask_export(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, tr("导出站点工作簿"), "站点工作簿.xlsx", tr("站点工作簿") + f" {WORKBOOK_FILES}"
        )
        if chosen:
            self.start_export(with_xlsx(chosen))

    def start_export(self, path: Path) -> None:
        self._busy(True)
        db = self.context.db
        self.jobs.submit("export", lambda: export_site(db, path), self._exported, self._failed)

    def _exported(self, report: SiteExportReport) -> None:
        self._busy(False)
        counts = "，".join(f"{title} {count}" for title, count in report.counts.items())
        text = tr("已导出站点工作簿到 {path}：{counts}").replace("{path}", str(report.path))
        self.window.statusBar().showMessage(text.replace("{counts}", counts), 15_000)

    def ask_template(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            tr("保存站点工作簿模板"),
            "站点工作簿模板.xlsx",
            tr("站点工作簿") + f" {WORKBOOK_FILES}",
        )
        if chosen:
            self.start_template(with_xlsx(chosen))

    def start_template(self, path: Path) -> None:
        self._busy(True)
        self.jobs.submit(
            "template", lambda: (write_template(path), path)[1], self._template_written, self._failed
        )

    def _template_written(self, path: Path) -> None:
        self._busy(False)
        self.window.statusBar().showMessage(tr("已保存模板到 {path}").replace("{path}", str(path)), 15_000)

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        QMessageBox.warning(self.window, tr("操作失败"), str(error)[:600])

    def _busy(self, busy: bool) -> None:
        self.export_action.setEnabled(not busy)
        self.template_action.setEnabled(not busy)
