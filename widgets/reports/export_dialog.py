"""文件 → 导出报告…: choose the period (日报/周报/月报), a date in it and the grid subtree, look at the
report's pages, then save them as PDF and/or .xlsx.

The report is built and its pages drawn on a job thread (`widgets.jobs`); a newer choice makes the
older preview stale. What is saved is the very report previewed, so the file shows what was seen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from runtime.read.reports import ReportReads
from runtime.reports.data import Report, ReportError
from runtime.reports.periods import Period, PeriodKind
from widgets.i18n import current_language
from widgets.jobs import Jobs
from widgets.reports.pdf import render_pages, write_pdf

PREVIEW_WIDTH = 620  # pixels a page is shown at in the dialog


def tr(text_: str) -> str:
    return QCoreApplication.translate("ReportExport", text_)


def period_text(period: Period) -> str:
    """The period as the reader says it: the report's own label in Chinese, ISO dates in English."""
    if current_language() != "en":
        return period.label
    if period.kind == PeriodKind.DAY:
        return period.first.isoformat()
    if period.kind == PeriodKind.WEEK:
        week = period.first.isocalendar().week
        return f"Week {week} ({period.first.isoformat()} – {period.last.isoformat()})"
    return f"{period.first:%Y-%m}"


def export_entry_text() -> str:
    """文件 → 导出报告…, in this dialog's own translation context (resources/i18n/en/reports_ui.ts)."""
    return tr("导出报告…")


def kind_names() -> dict[PeriodKind, str]:
    return {PeriodKind.DAY: tr("日报"), PeriodKind.WEEK: tr("周报"), PeriodKind.MONTH: tr("月报")}


def build_preview(reads: ReportReads, kind: PeriodKind, day: date, grid: str | None):
    """The job: the report and its pages as images (QImage may be drawn off the GUI thread)."""
    report = reads.report(kind, day, grid)
    return report, render_pages(report)


def write_files(report: Report, pdf: Path | None, xlsx: Path | None) -> list[Path]:
    """The save job: the previewed report as the files asked for."""
    from runtime.reports.xlsx import write_xlsx

    written = []
    if pdf is not None:
        write_pdf(report, pdf)
        written.append(pdf)
    if xlsx is not None:
        write_xlsx(report, xlsx)
        written.append(xlsx)
    return written


def failure_text(error: Exception) -> str:
    """An error in the user's language: a report refused for its choices says why; anything else is
    a failure to build or write it, with the system's own words after."""
    if isinstance(error, ReportError):
        return tr("无法生成该报告：") + str(error)
    if isinstance(error, OSError):
        return tr("无法写入文件：") + (error.strerror or str(error)) + f" ({error.filename or ''})"
    return tr("报告生成失败：") + str(error)[:300]


class ReportExportDialog(QDialog):
    def __init__(self, reads: ReportReads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportExportDialog")
        self.reads = reads
        self.jobs = Jobs(self)
        self.report: Report | None = None
        self.previewed: tuple | None = None  # the choices the shown pages belong to
        self.working = False
        self.resize(900, 720)
        self._build()
        self._fill_choices()
        self.preview()

    # ---- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = QComboBox(objectName="reportKind")
        for kind, name in kind_names().items():
            self.kind.addItem(name, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(PeriodKind.MONTH.value))
        self.day = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", objectName="reportDate")
        self.grid = QComboBox(objectName="reportGrid")
        self.period_label = QLabel(objectName="reportPeriod")
        self.grid.setMinimumContentsLength(16)
        form = QHBoxLayout()  # one row: the pages get the height
        self.labels = [QLabel() for _ in range(3)]
        for label, widget in zip(self.labels, (self.kind, self.day, self.grid), strict=True):
            form.addWidget(label)
            form.addWidget(widget)
        form.addSpacing(12)
        form.addWidget(self.period_label, 1)
        self.progress = QProgressBar(objectName="reportProgress", textVisible=False)
        self.progress.setRange(0, 0)  # busy: the build has no steps to count
        self.status = QLabel(objectName="reportStatus", wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.pages = QVBoxLayout()
        self.pages.setSpacing(12)
        holder = QWidget(objectName="reportPages")
        holder.setLayout(self.pages)
        self.scroll = QScrollArea(widgetResizable=True, objectName="reportPreview")
        self.scroll.setWidget(holder)
        self.scroll.setStyleSheet("#reportPages { background: #8a8f96; }")
        self.as_pdf = QCheckBox("PDF", objectName="reportAsPdf", checked=True)
        self.as_xlsx = QCheckBox(objectName="reportAsXlsx", checked=True)
        self.save = QPushButton(objectName="reportSave", enabled=False)
        self.close_button = close = QPushButton()
        buttons = QHBoxLayout()
        for widget in (self.as_pdf, self.as_xlsx):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self.preview)
        self.day.dateChanged.connect(self.preview)
        self.grid.currentIndexChanged.connect(self.preview)
        self.as_pdf.toggled.connect(self._offer_save)
        self.as_xlsx.toggled.connect(self._offer_save)
        self.save.clicked.connect(self.ask_save)
        close.clicked.connect(self.reject)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("导出报告"))
        for label, text in zip(
            self.labels, (tr("报告类型"), tr("日期（报告期内任一天）"), tr("网格范围")), strict=True
        ):
            label.setText(text)
        for index, name in enumerate(kind_names().values()):
            self.kind.setItemText(index, name)
        if self.grid.count():
            self.grid.setItemText(0, tr("全域（全部网格）"))
        self.as_xlsx.setText(tr("Excel 表格（.xlsx，含图表数据）"))
        self.save.setText(tr("保存…"))
        self.close_button.setText(tr("关闭"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _fill_choices(self) -> None:
        """The site's today and the grids of levels 1–3 (a quick read: the dialog opens on them)."""
        today = self.reads.today()
        for widget in (self.kind, self.day, self.grid):
            widget.blockSignals(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.grid.addItem(tr("全域（全部网格）"), None)
        for choice in self.reads.grid_choices():
            indent = "\u3000" * (choice.level - 1)
            self.grid.addItem(f"{indent}{choice.name} ({choice.code})", choice.code)
        for widget in (self.kind, self.day, self.grid):
            widget.blockSignals(False)

    # ---- preview --------------------------------------------------------------------------------

    def choices(self) -> tuple[PeriodKind, date, str | None]:
        picked = self.day.date()
        return (
            PeriodKind(self.kind.currentData()),
            date(picked.year(), picked.month(), picked.day()),
            self.grid.currentData(),
        )

    def preview(self) -> None:
        wanted = self.choices()
        kind, day, grid = wanted
        self.period_label.setText(period_text(Period.of(kind, day)))
        self._busy(True, tr("正在生成报告预览…"))
        self.jobs.submit(
            "preview",
            lambda: build_preview(self.reads, kind, day, grid),
            lambda answer: self._show(wanted, *answer),
            self._failed,
        )

    def _show(self, wanted: tuple, report: Report, images: list[QImage]) -> None:
        self._clear_pages()
        for number, image in enumerate(images, 1):
            page = QLabel(objectName=f"reportPage{number}")
            page.setPixmap(
                QPixmap.fromImage(image).scaledToWidth(
                    PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            )
            page.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages.addWidget(page)
        self.report, self.previewed = report, wanted
        self._busy(
            False, tr("共 {n} 页。所见即所存：保存的文件与预览相同。").replace("{n}", str(len(images)))
        )

    def _clear_pages(self) -> None:
        while self.pages.count():
            item = self.pages.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def page_count(self) -> int:
        return self.pages.count()

    # ---- save -----------------------------------------------------------------------------------

    def ask_save(self) -> None:
        if self.report is None:
            return
        suffix = ".pdf" if self.as_pdf.isChecked() else ".xlsx"
        pattern = tr("PDF 文件") + " (*.pdf)" if suffix == ".pdf" else tr("Excel 表格") + " (*.xlsx)"
        chosen, _ = QFileDialog.getSaveFileName(
            self, tr("保存报告"), self.report.period.file_stem(self.report.scope_code) + suffix, pattern
        )
        if chosen:
            self.save_as(Path(chosen).with_suffix(""))

    def save_as(self, stem: Path) -> None:
        """Write the previewed report as `stem`.pdf and/or `stem`.xlsx, as the boxes say."""
        report = self.report
        pdf = stem.with_name(stem.name + ".pdf") if self.as_pdf.isChecked() else None
        xlsx = stem.with_name(stem.name + ".xlsx") if self.as_xlsx.isChecked() else None
        self._busy(True, tr("正在保存…"))
        self.jobs.submit("save", lambda: write_files(report, pdf, xlsx), self._saved, self._failed)

    def _saved(self, written: list[Path]) -> None:
        names = "\n".join(str(path) for path in written)
        self._busy(False, tr("已保存：") + "\n" + names)

    def _failed(self, error: Exception) -> None:
        self._busy(False, failure_text(error))
        self.status.setStyleSheet("color: #b3261e;")

    # ---- state ----------------------------------------------------------------------------------

    def _busy(self, busy: bool, text: str) -> None:
        self.working = busy
        self.progress.setVisible(busy)
        self.status.setStyleSheet("")
        self.status.setText(text)
        self._offer_save()

    def _offer_save(self) -> None:
        ready = (
            self.report is not None
            and self.previewed == self.choices()
            and not self.working
            and (self.as_pdf.isChecked() or self.as_xlsx.isChecked())
        )
        self.save.setEnabled(ready)

    def done(self, result: int) -> None:
        self.jobs.cancel("preview")
        self.jobs.wait()
        super().done(result)
