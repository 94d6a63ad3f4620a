"""文件 → 导入花名册… / 导出花名册…: the roster's importer and exporter, from the window.

The core does the work (`app.roster.importer`, `app.roster.exporter`) on a job thread. An import
checks every row first and writes nothing while any is bad; the window then lists every problem by
row and offers to import the good rows only, as `import-roster --skip-invalid` does. The export is the
command's file: masked by default; full numbers (so it imports again) only with a reason, as
`export-roster --full --reason` does. Both are recorded in the audit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.privacy.policy import RevealRefused
from app.roster.exporter import ExportReport, export_roster_recorded
from app.roster.importer import ImportReport, import_roster
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain
from widgets.shell_context import ShellContext

ROSTER_FILES = "(*.xlsx *.csv)"


def tr(text: str) -> str:
    return QCoreApplication.translate("RosterFiles", text)


class ImportProblems(QDialog):
    """Every bad row of an import, one line each; accepting imports the good rows only."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("花名册有误"))
        self.resize(720, 420)
        summary = QLabel(
            tr("{n} 行有误, 未导入任何数据。请修正后重新导入，或只导入无误的行。").replace(
                "{n}", str(len(report.problems))
            )
        )
        summary.setObjectName("dialogMessage")
        plain(summary)
        summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.addItems(report.problem_lines())
        buttons = QDialogButtonBox()
        self.skip_button = buttons.addButton(tr("只导入无误的行"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)


class RosterFileActions(QObject):
    """The two 文件 menu entries and the dialogs around them; `window` parents every dialog."""

    def __init__(self, context: ShellContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.jobs = Jobs(self)
        self.problems: ImportProblems | None = None
        self.notice: QMessageBox | None = None
        self.import_action = QAction(window)
        self.import_action.setObjectName("importRosterAction")
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(window)
        self.export_action.setObjectName("exportRosterAction")
        self.export_action.triggered.connect(self.ask_export)
        self.retranslate()

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.import_action)
        menu.addAction(self.export_action)

    def retranslate(self) -> None:
        self.import_action.setText(tr("导入花名册…"))
        self.import_action.setToolTip(tr("从 Excel 或 CSV 导入居民（先检查每一行，有误则不写入）"))
        self.export_action.setText(tr("导出花名册…"))
        self.export_action.setToolTip(tr("把全部居民导出为 Excel 或 CSV（默认脱敏；完整号码须说明理由）"))

    def ask_import(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window, tr("导入花名册"), "", tr("花名册") + f" {ROSTER_FILES}"
        )
        if chosen:
            self.start_import(Path(chosen))

    def start_import(self, path: Path, *, skip_invalid: bool = False) -> None:
        self._busy(True)
        site = self.context.site
        self.window.statusBar().showMessage(tr("正在检查花名册…"))
        self.jobs.submit(
            "import",
            lambda: (path, import_roster(site, path, skip_invalid=skip_invalid)),
            self._imported,
            self._failed,
        )

    def _imported(self, answer: tuple[Path, ImportReport]) -> None:
        path, report = answer
        self._busy(False)
        if report.committed:
            text = tr("已导入 {n} 名居民, 新建 {h} 户").replace("{n}", str(report.imported))
            text = text.replace("{h}", str(report.households_created))
            if report.sensors_bound:
                text += tr("；{n} 个待绑定的传感器已绑定").replace("{n}", str(len(report.sensors_bound)))
            if report.problems:
                text += tr("；跳过有误的 {n} 行").replace("{n}", str(len(report.problems)))
            self.window.statusBar().showMessage(text, 15_000)
            self.notice = QMessageBox(QMessageBox.Icon.Information, tr("导入完成"), text, parent=self.window)
            self.notice.open()  # window-modal, not a nested event loop: the window keeps running
            return
        self.window.statusBar().clearMessage()
        if not report.problems:
            QMessageBox.warning(self.window, tr("无法导入"), tr("文件中没有可导入的居民"))
            return
        self.problems = ImportProblems(report, self.window)
        self.problems.accepted.connect(lambda: self.start_import(path, skip_invalid=True))
        self.problems.open()

    def ask_export(self) -> None:
        reason = self._ask_export_kind()
        if reason is False:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, tr("导出花名册"), "花名册.xlsx", tr("花名册") + f" {ROSTER_FILES}"
        )
        if chosen:
            self.start_export(Path(chosen if Path(chosen).suffix else chosen + ".xlsx"), reason=reason)

    def _ask_export_kind(self) -> str | None | bool:
        """None for a masked file, the reason for a full one, False when the operator cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("导出花名册"), "", parent=self.window)
        box.setText(
            tr("默认导出脱敏的花名册。完整身份证号、电话与健康状况（可再次导入）须说明理由，并记入审计日志。")
        )
        masked = box.addButton(tr("导出脱敏花名册"), QMessageBox.ButtonRole.AcceptRole)
        full = box.addButton(tr("导出完整信息…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is masked:
            return None
        if box.clickedButton() is not full:
            return False
        reason, ok = QInputDialog.getText(self.window, tr("完整导出"), tr("导出完整个人信息的理由："))
        return reason if ok else False

    def start_export(self, path: Path, *, reason: str | None = None) -> None:
        """Export in the background: masked, or full with `reason` (refused without one)."""
        self._busy(True)
        site = self.context.site
        self.jobs.submit(
            "export",
            lambda: export_roster_recorded(site, path, reason=reason),
            self._exported,
            self._failed,
        )

    def _exported(self, report: ExportReport) -> None:
        self._busy(False)
        text = tr("已导出 {n} 名居民 ({h} 户) 到 {path}").replace("{n}", str(report.residents))
        text = text.replace("{h}", str(report.households)).replace("{path}", str(report.path))
        if report.replaced:
            text += tr("；{n} 个控制字符已替换为 �").replace("{n}", str(report.replaced))
        self.window.statusBar().showMessage(text, 15_000)

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        self.window.statusBar().clearMessage()
        title = tr("不能导出完整信息") if isinstance(error, RevealRefused) else tr("操作失败")
        QMessageBox.warning(self.window, title, literal_html(str(error)[:600]))

    def _busy(self, busy: bool) -> None:
        self.import_action.setEnabled(not busy)
        self.export_action.setEnabled(not busy)
