"""Ticket statistics (工单统计): the three rates and the closure figures per grid for a date range."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runtime.read.tickets import TicketReads
from widgets.jobs import Jobs
from widgets.plain_text import plain
from widgets.table_fit import Column, FitColumns

RATES = (
    ("response_rate", "响应率"),
    ("resolution_rate", "解决率"),
    ("satisfaction_rate", "满意率"),
    ("on_time_rate", "按时办结率"),
    ("rework_rate", "返工率"),
    ("extension_rate", "延期率"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class TicketStatsView(QWidget):
    def __init__(self, reads: TicketReads, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = reads
        self.jobs = jobs
        today = QDate(reads.clock.today())  # the site's date
        self.start = QDateEdit(today.addDays(-90))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.grid = QComboBox()
        self.grid.addItem("", None)  # 全部网格, said in _retranslate
        for info in reads.directory().grids_down_to(2):
            self.grid.addItem(("　" if info.level == 2 else "") + info.name, info.id)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        # (label, Chinese source) of every fixed word, said again when the language changes
        self._words: list[tuple[QLabel | QPushButton, str]] = [(self.refresh_button, "统计")]
        self._figures: dict | None = None
        bar = QHBoxLayout()
        for widget in (
            self._word("自"),
            self.start,
            self._word("至"),
            self.end,
            self._word("范围"),
            self.grid,
            self.refresh_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        tiles = self._rate_tiles()
        self.summary = QLabel()
        plain(self.summary)
        self.table = QTableWidget(0, 3 + len(RATES))
        # Shared width, not sized to contents: a refresh must not make the columns jump sideways.
        rates = [Column(64, 1, drop=2, sample=tr(name)) for _key, name in RATES]
        self.columns = FitColumns(
            self.table,
            [Column(120, 3), Column(56, sample=tr("工单数")), Column(56, sample=tr("未办结")), *rates],
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.breakdown = QLabel()
        plain(self.breakdown)
        self.breakdown.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(tiles)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.breakdown)
        self._retranslate()

    def _rate_tiles(self) -> QGridLayout:
        """One tile per rate (its value above its name), kept in `self.tiles` by key."""
        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        for i, (key, name) in enumerate(RATES):
            frame = QFrame()
            frame.setObjectName("kpiTile")
            frame.setStyleSheet("#kpiTile { border: 1px solid #24344f; border-radius: 6px; }")
            inner = QVBoxLayout(frame)
            value = QLabel("—")
            value.setStyleSheet("font-size: 18pt; font-weight: 600; color: #4cd08a;")
            inner.addWidget(value, alignment=Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(self._word(name), alignment=Qt.AlignmentFlag.AlignCenter)
            self.tiles[key] = value
            tiles.addWidget(frame, 0, i)
        return tiles

    def _word(self, source: str) -> QLabel:
        label = QLabel()
        self._words.append((label, source))
        return label

    def _retranslate(self) -> None:
        for widget, source in self._words:
            widget.setText(tr(source))
        self.grid.setItemText(0, tr("全部网格"))
        self.table.setHorizontalHeaderLabels(
            [tr("网格"), tr("工单数"), tr("未办结")] + [tr(n) for _, n in RATES]
        )
        if self._figures is not None:
            self.show_figures(self._figures)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Compute the figures on the dock's worker; they replace the shown ones when they arrive."""
        first, last = self.start.date().toPython(), self.end.date().toPython()
        reads, grid_id = self.reads, self.grid.currentData()
        self.summary.setText(tr("正在统计…"))
        self.jobs.submit(
            "stats",
            lambda: reads.figures(first, last, grid_id),
            self.show_figures,
            lambda e: self.summary.setText(str(e)),
        )

    def show_figures(self, figures: dict) -> None:
        self._figures = figures
        for key, label in self.tiles.items():
            label.setText(percent(figures[key]))
        self.summary.setText(
            tr("工单 {0} 件，未办结 {1} 件，升级 {2} 件").format(
                figures["total"], figures["open"], figures["escalated"]
            )
        )
        rows = figures["by_grid"]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row["name"], str(row["total"]), str(row["open"])] + [percent(row[k]) for k, _ in RATES]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        # Category and source names are the core's Chinese vocabulary, said in the window's language.
        categories = tr("，").join(f"{tr(k)} {v}" for k, v in figures["by_category"].items())
        sources = tr("，").join(f"{tr(k)} {v}" for k, v in figures["by_source"].items())
        self.breakdown.setText(tr("按类别：%1\n按来源：%2").replace("%1", categories).replace("%2", sources))
