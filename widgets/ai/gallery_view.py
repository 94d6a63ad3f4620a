"""人脸库: who the gallery holds (residents, watch list), their consent and template count, and the
way to delete a person's face data. Residents' names only for seats allowed to see them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.events import Change
from runtime.read.ai import AiReads, SubjectSummary
from video.ai.gallery import TOPIC as GALLERY_TOPIC
from widgets.ai.enrol_dialog import EnrolDialog
from widgets.ai.face_tools import FaceTools, tools_for
from widgets.ai.forget import forget_face
from widgets.ai.style import STYLE, setup_table
from widgets.bridge import QtBridge
from widgets.shell_context import ShellContext

WATCHLIST_TINT = QColor(179, 38, 30, 70)
LIST_ZH = {"resident": "居民", "watchlist": "重点人员"}


class GalleryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[SubjectSummary] = []
        self.names: dict[int, str] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("名单"),
            self.tr("姓名 / 标签"),
            self.tr("模板"),
            self.tr("同意日期"),
            self.tr("同意方式"),
            self.tr("记录人"),
            self.tr("列入原因"),
        ]

    def set_rows(self, rows: list[SubjectSummary], names: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows, self.names = rows, names
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def who(self, row: SubjectSummary) -> str:
        """The watch-list label, the resident's name where this seat may see it, else the roster number."""
        if row.resident_id is None:
            return row.label
        return self.names.get(row.subject_id) or self.tr("居民 #%1").replace("%1", str(row.resident_id))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and row.list_name == "watchlist":
            return WATCHLIST_TINT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and row.resident_id is not None:
            if row.subject_id not in self.names:
                return self.tr("本席位无权查看居民姓名")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr(LIST_ZH.get(row.list_name, row.list_name)),
            self.who(row),
            str(row.templates),
            row.consent_on.isoformat() if row.consent_on else self.tr("无"),
            row.consent_method,
            row.consent_recorded_by,
            row.note,
        ][index.column()]


class GalleryView(QWidget):
    """The gallery's subjects; enrol and delete from here. Follows enrolments made anywhere."""

    def __init__(
        self,
        tools: FaceTools,
        reads: AiReads,
        bridge: QtBridge | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("galleryView")
        self.setStyleSheet(STYLE)
        self.tools = tools  # enrolling and forgetting go through the gallery; reading, through `reads`
        self.reads = reads
        self.model = GalleryModel(self)
        self._refresh_soon = QTimer(self, singleShot=True, interval=200)
        self._refresh_soon.timeout.connect(self.refresh)
        self._build()
        self._retranslate()
        if bridge is not None:
            bridge.on(GALLERY_TOPIC, self.on_change, self)
        self.refresh()

    def _build(self) -> None:
        self.list_filter = QComboBox(objectName="listFilter")
        self.list_filter.currentIndexChanged.connect(lambda *_: self.refresh())
        self.count = QLabel(objectName="resultCount")
        self.enrol_button = QPushButton(objectName="primary")
        self.enrol_button.clicked.connect(self.open_enrolment)
        self.forget_button = QPushButton(objectName="forgetButton")
        self.forget_button.clicked.connect(self.forget_selected)
        top = QHBoxLayout()
        top.addWidget(self.list_filter)
        top.addWidget(self.count, 1)
        top.addWidget(self.enrol_button)
        top.addWidget(self.forget_button)
        self.table = QTableView(objectName="galleryTable")
        self.table.setModel(self.model)
        setup_table(self.table, (76, 130, 48, 96, 130, 80), stretch=6)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.privacy = QLabel(objectName="fieldName", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.privacy)

    def _retranslate(self) -> None:
        keep = self.list_filter.currentIndex()
        self.list_filter.blockSignals(True)
        self.list_filter.clear()
        for text, value in (
            (self.tr("全部名单"), None),
            (self.tr("居民"), "resident"),
            (self.tr("重点人员"), "watchlist"),
        ):
            self.list_filter.addItem(text, value)
        self.list_filter.setCurrentIndex(max(0, keep))
        self.list_filter.blockSignals(False)
        self.enrol_button.setText(self.tr("登记人脸…"))
        self.forget_button.setText(self.tr("删除人脸数据"))
        self.privacy.setText(
            self.tr(
                "特征模板加密保存，与身份信息分开；删除会清除模板、照片、同意记录和事件中的人脸截图，并记入审计日志。"
            )
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        selected = self.selected()
        rows = self.reads.gallery_subjects(self.list_filter.currentData())
        names = {}
        if self.tools.names_visible:
            residents = [row.subject_id for row in rows if row.resident_id is not None]
            names = self.reads.subject_names(residents)
        self.model.set_rows(rows, names)
        for number, row in enumerate(rows):
            if selected is not None and row.subject_id == selected.subject_id:
                self.table.selectRow(number)
        self._show_count()
        self._update_buttons()

    def on_change(self, _change: Change) -> None:
        self._refresh_soon.start()

    def _show_count(self) -> None:
        self.count.setText(self.tr("共 %1 人").replace("%1", str(len(self.model.rows))))

    def selected(self) -> SubjectSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows and rows[0].row() < len(self.model.rows) else None

    def _update_buttons(self) -> None:
        self.forget_button.setEnabled(self.selected() is not None)

    def forget_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        if not forget_face(self, self.tools.gallery, row.subject_id, self.model.who(row)):
            return False
        self.refresh()
        return True

    def open_enrolment(self) -> EnrolDialog:
        dialog = EnrolDialog(self.tools, self.reads, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.enrolled.connect(lambda *_: self.refresh())
        dialog.forgotten.connect(lambda *_: self.refresh())
        dialog.open()
        return dialog


def create_panel(shell_context: ShellContext) -> GalleryView:
    """人脸库 as a dock or a tab."""
    return GalleryView(tools_for(shell_context), shell_context.reads.ai, shell_context.bridge)
