"""新建工单: the operator turns a call, a visit or a patrol finding into a ticket.

The form only collects and checks what was said; `TicketDesk.open` does the rest (duplicate check,
dispatch, timeline, audit) on the dock's worker. While a submit is on its way the buttons are off
and further submits are ignored, and once a ticket exists the dialog never submits again, so a
double click or a double Ctrl+Enter cannot make two tickets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.roster.phone import PhoneError, normalise_phone
from app.tickets import DuplicateReport, Intake, TicketDesk, TicketError
from app.tickets.intake import DispatchPreview
from app.tickets.states import LEVEL_ZH, Source, State
from runtime.read.tickets import TicketReads
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain
from widgets.shortcuts import key_for
from widgets.tickets.category_picker import CategoryPicker
from widgets.tickets.place_picker import PlaceChoice, PlacePicker

# What an operator takes down by hand; camera, sensor and import tickets come from their own paths.
OPERATOR_SOURCES = (Source.PHONE, Source.WALK_IN, Source.HOME_VISIT, Source.PATROL, Source.CAMERA)
MAX_PHOTO_BYTES = 20 * 1024 * 1024
PHOTO_FILTER = "图片 (*.jpg *.jpeg *.png *.bmp *.webp *.heic);;所有文件 (*)"
PREVIEW_DELAY_MS = 150


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


@dataclass(frozen=True)
class Opened:
    """What the dialog did: the ticket id, and whether the report was merged into an existing ticket."""

    ticket_id: int
    merged: bool


def _error_label() -> QLabel:
    label = plain(QLabel())
    label.setObjectName("fieldError")
    label.setStyleSheet("color: #ff6b6b;")
    label.setWordWrap(True)
    label.hide()
    return label


def preview_text(preview: DispatchPreview) -> str:
    chain = " › ".join(preview.chain) or tr("不在任何网格内")
    if preview.grid is None and preview.handler is None and preview.level is None:
        return f"{chain}\n{tr('将转指挥中心人工派遣')}"
    where = tr(LEVEL_ZH[preview.level]) if preview.level is not None else ""
    text = (
        f"{chain}\n{tr('将派遣至')} {preview.grid or '—'}（{where}），{tr('承办人')} {preview.handler or '—'}"
    )
    if preview.notes:
        text += "\n" + "；".join(preview.notes)
    return text


class TicketIntakeDialog(QDialog):
    opened = Signal(object)  # Opened

    def __init__(
        self,
        desk: TicketDesk,
        places: TicketReads,
        jobs: Jobs,
        point: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketIntake")
        self.setWindowTitle(tr("新建工单"))
        self.desk = desk
        self.jobs = jobs
        self.result_opened: Opened | None = None
        self._submitting = False
        self._photos: list[Path] = []

        self.source = QComboBox()
        for source in OPERATOR_SOURCES:
            self.source.addItem(tr(source.zh), source.value)
        self.categories = CategoryPicker(desk.categories)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(tr("居民反映的问题：什么事、在哪里、多久了、有什么诉求"))
        self.text.setTabChangesFocus(True)
        self.reporter = QLineEdit()
        self.reporter.setPlaceholderText(tr("可不填（匿名）"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(tr("手机或固话，如 13800001234 / 0371-61234567"))
        self.phone.editingFinished.connect(self._tidy_phone)
        self.place = PlacePicker(places, jobs, point)
        self.preview = QLabel(tr("选择位置后显示派遣去向"))
        plain(self.preview)
        self.preview.setObjectName("dispatchPreview")
        self.preview.setWordWrap(True)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._preview)
        self.place.changed.connect(self._preview_timer.start)
        self.photo_list = QListWidget()
        self.photo_list.setMaximumHeight(72)
        self.photo_hint = QLabel(tr("未添加照片（可选，保存时校验 SHA-256）"))
        self.photo_hint.setObjectName("placeHint")
        self.photo_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        add_photo = QPushButton(tr("添加照片…"))
        add_photo.clicked.connect(self._choose_photos)
        remove_photo = QPushButton(tr("移除"))
        remove_photo.clicked.connect(self._remove_photo)

        self.errors = {
            key: _error_label() for key in ("category", "text", "phone", "place", "photos", "form")
        }
        self.categories.chosen.connect(lambda _c: self._clear_error("category"))
        self.text.textChanged.connect(lambda: self._clear_error("text"))
        self.phone.textEdited.connect(lambda _t: self._clear_error("phone"))
        self.place.changed.connect(lambda: self._clear_error("place"))

        self.duplicate_box = self._build_duplicate_box()
        self.submit_button = QPushButton(tr("提交 (Ctrl+Enter)"))
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        self.status = QLabel()
        plain(self.status)
        self.status.setObjectName("intakeStatus")

        self._lay_out(add_photo, remove_photo)
        # The table's key (widgets/shortcuts.py), and the same with the keypad's Enter.
        for keys in (key_for("intake.submit"), QKeySequence("Ctrl+Enter")):
            shortcut = QShortcut(keys, self, self.submit)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.resize(1040, 680)
        if point is not None:
            self._preview_timer.start()

    # --- layout ------------------------------------------------------------------------------------

    def _lay_out(self, add_photo: QPushButton, remove_photo: QPushButton) -> None:
        what = QGroupBox(tr("反映事项"))
        left = QGridLayout(what)
        left.setVerticalSpacing(4)
        left.addWidget(QLabel(tr("来源")), 0, 0)
        left.addWidget(self.source, 0, 1)
        left.addWidget(QLabel(tr("分类")), 1, 0, Qt.AlignmentFlag.AlignTop)
        left.addWidget(self.categories, 1, 1)
        left.addWidget(self.errors["category"], 2, 1)
        left.addWidget(QLabel(tr("反映内容")), 3, 0, Qt.AlignmentFlag.AlignTop)
        left.addWidget(self.text, 3, 1)
        left.addWidget(self.errors["text"], 4, 1)
        reporter_row = QHBoxLayout()
        reporter_row.setSpacing(8)
        reporter_row.addWidget(self.reporter, 2)
        reporter_row.addSpacing(8)
        reporter_row.addWidget(QLabel(tr("电话")))
        reporter_row.addWidget(self.phone, 3)
        left.addWidget(QLabel(tr("反映人")), 5, 0)
        left.addLayout(reporter_row, 5, 1)
        left.addWidget(self.errors["phone"], 6, 1)
        left.setRowStretch(1, 3)
        left.setRowStretch(3, 2)
        left.setColumnStretch(1, 1)

        where = QGroupBox(tr("位置"))
        right = QVBoxLayout(where)
        right.setSpacing(4)
        right.addWidget(self.place, 1)
        right.addWidget(self.errors["place"])
        preview_frame = QFrame()
        preview_frame.setObjectName("previewFrame")
        preview_frame.setStyleSheet("#previewFrame { border: 1px solid #2f8cff; border-radius: 4px; }")
        preview_layout = QVBoxLayout(preview_frame)
        preview_layout.setContentsMargins(8, 4, 8, 4)
        heading = QLabel(tr("派遣预览"))
        heading.setStyleSheet("font-weight: 600;")
        preview_layout.addWidget(heading)
        preview_layout.addWidget(self.preview)
        right.addWidget(preview_frame)
        photos = QGroupBox(tr("照片"))
        photo_layout = QGridLayout(photos)
        photo_layout.addWidget(self.photo_list, 0, 0, 2, 1)
        photo_layout.addWidget(self.photo_hint, 0, 0, 2, 1, Qt.AlignmentFlag.AlignCenter)
        photo_layout.addWidget(add_photo, 0, 1)
        photo_layout.addWidget(remove_photo, 1, 1, Qt.AlignmentFlag.AlignTop)
        photo_layout.addWidget(self.errors["photos"], 2, 0, 1, 2)
        photo_layout.setColumnStretch(0, 1)
        right.addWidget(photos)

        columns = QHBoxLayout()
        columns.addWidget(what, 5)
        columns.addWidget(where, 4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.errors["form"])
        layout.addLayout(buttons)

    def _build_duplicate_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("duplicateBox")
        box.setStyleSheet("#duplicateBox { border: 1px solid #f0c419; border-radius: 4px; }")
        self.duplicate_label = QLabel(tr("同一地点同类问题已有未办结工单，可把本次反映合并进去："))
        self.duplicate_label.setWordWrap(True)
        self.duplicates = QListWidget()
        self.duplicates.setMaximumHeight(84)
        self.merge_button = QPushButton(tr("合并到已有工单"))
        self.merge_button.clicked.connect(self.merge)
        self.force_button = QPushButton(tr("仍然新建"))
        self.force_button.clicked.connect(lambda: self.submit(force=True))
        layout = QGridLayout(box)
        layout.addWidget(self.duplicate_label, 0, 0, 1, 3)
        layout.addWidget(self.duplicates, 1, 0, 2, 1)
        layout.addWidget(self.merge_button, 1, 1)
        layout.addWidget(self.force_button, 1, 2)
        layout.setColumnStretch(0, 1)
        box.hide()
        return box

    # --- the fields --------------------------------------------------------------------------------

    def _show_error(self, key: str, message: str) -> None:
        label = self.errors[key]
        label.setText(message)
        label.show()

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear()
        self.errors[key].hide()
        if key in ("category", "place"):
            self.duplicate_box.hide()

    def _tidy_phone(self) -> str | None:
        """The phone in canonical form, written back into the field; None (with a message) when invalid."""
        try:
            phone = normalise_phone(self.phone.text())
        except PhoneError as error:
            self._show_error("phone", error.reason)
            return None
        self.phone.setText(phone or "")
        return phone or ""

    def add_photos(self, paths: list[str | Path]) -> None:
        """Attach photo files (the file picker calls this); too large or unreadable ones are refused."""
        refused = []
        for raw in paths:
            path = Path(raw)
            try:
                size = path.stat().st_size
            except OSError as error:
                refused.append(f"{path.name}：{tr('无法读取')}（{error.strerror}）")
                continue
            if size > MAX_PHOTO_BYTES:
                refused.append(f"{path.name}：{tr('超过 20 MB')}")
                continue
            if path in self._photos:
                continue
            self._photos.append(path)
            item = QListWidgetItem(f"{path.name}  ({size / 1024:.0f} KB)")
            item.setToolTip(literal_html(str(path)))
            self.photo_list.addItem(item)
        self.photo_hint.setVisible(not self._photos)
        if refused:
            self._show_error("photos", "；".join(refused))
        else:
            self._clear_error("photos")

    def _choose_photos(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, tr("选择照片"), "", tr(PHOTO_FILTER))
        self.add_photos(paths)

    def _remove_photo(self) -> None:
        row = self.photo_list.currentRow()
        if row >= 0:
            self.photo_list.takeItem(row)
            del self._photos[row]
            self.photo_hint.setVisible(not self._photos)

    def _preview(self) -> None:
        choice = self.place.choice()
        if not isinstance(choice, PlaceChoice):
            self.jobs.cancel("intake.preview")
            self.preview.setText(tr("选择位置后显示派遣去向"))
            return
        intake = self._intake(choice, "")
        self.jobs.submit(
            "intake.preview",
            lambda: self.desk.preview(intake),
            lambda preview: self.preview.setText(preview_text(preview)),
            lambda error: self.preview.setText(str(error)),
            owner=self,
        )

    # --- submitting --------------------------------------------------------------------------------

    def _intake(self, place: PlaceChoice, category: str) -> Intake:
        return Intake(
            category=category,
            text=self.text.toPlainText(),
            source=self.source.currentData(),
            lon=place.lon,
            lat=place.lat,
            household_id=place.household_id,
            building_id=place.building_id,
            reporter_name=self.reporter.text(),
            reporter_phone=self.phone.text(),
        )

    def validate(self) -> tuple[Intake, list[Path]] | None:
        """The intake when every field is right; otherwise None and a message next to each wrong field."""
        for key in self.errors:
            if key != "photos":
                self._clear_error(key)
        category = self.categories.code()
        place = self.place.choice()
        ok = True
        if category is None:
            self._show_error("category", tr("请选择问题分类（可在上方搜索）"))
            ok = False
        if not self.text.toPlainText().strip():
            self._show_error("text", tr("请填写反映内容"))
            ok = False
        if self._tidy_phone() is None:
            ok = False
        if not isinstance(place, PlaceChoice):
            self._show_error("place", place)
            ok = False
        if not ok:
            return None
        return self._intake(place, category), list(self._photos)

    def submit(self, *, force: bool = False) -> None:
        """Check the form and open the ticket on the worker; a DuplicateReport brings up the merge offer."""
        if self._submitting or self.result_opened is not None:
            return
        checked = self.validate()
        if checked is None:
            return
        intake, photos = checked
        self._send(intake, photos, force=force, merge_into=None)

    def merge(self) -> None:
        """Join the selected open ticket instead of opening a second one."""
        if self._submitting or self.result_opened is not None:
            return
        item = self.duplicates.currentItem() or self.duplicates.item(0)
        checked = self.validate() if item is not None else None
        if checked is None:
            return
        intake, photos = checked
        self._send(intake, photos, force=False, merge_into=int(item.data(Qt.ItemDataRole.UserRole)))

    def _send(self, intake: Intake, photos: list[Path], *, force: bool, merge_into: int | None) -> None:
        self._set_submitting(True)
        desk = self.desk

        def work() -> Opened:
            attached = replace(intake, photos=[(path.name, path.read_bytes()) for path in photos])
            ticket_id = desk.open(attached, force=force, merge_into=merge_into)
            return Opened(ticket_id, merge_into is not None)

        self.jobs.submit("intake.submit", work, self._opened, self._refused, owner=self)

    def _set_submitting(self, busy: bool) -> None:
        self._submitting = busy
        for button in (self.submit_button, self.merge_button, self.force_button, self.cancel_button):
            button.setEnabled(not busy)
        self.status.setText(tr("正在提交…") if busy else "")

    def reject(self) -> None:  # Qt override: Esc or 取消 cannot abandon a submit already on its way
        if not self._submitting:
            super().reject()

    def _opened(self, opened: Opened) -> None:
        self.result_opened = opened
        self._submitting = False
        self.status.setText(tr("已提交"))
        self.opened.emit(opened)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._set_submitting(False)
        if isinstance(error, DuplicateReport):
            self._offer_merge(error.candidates)
        elif isinstance(error, OSError):
            self._show_error(
                "photos", tr("照片无法读取：") + f"{getattr(error, 'filename', '')} {error.strerror}"
            )
        elif isinstance(error, TicketError):
            key = "phone" if "电话" in str(error) else "text" if "反映内容" in str(error) else "form"
            self._show_error(key, str(error))
        else:
            self._show_error("form", tr("提交失败：") + str(error))

    def _offer_merge(self, candidates: list[dict]) -> None:
        self.duplicates.clear()
        for candidate in candidates:
            state = tr(State(candidate["state"]).zh)
            text = candidate["text"] if len(candidate["text"]) <= 50 else candidate["text"][:49] + "…"
            item = QListWidgetItem(f"#{candidate['id']}  {state}  {text}")
            item.setData(Qt.ItemDataRole.UserRole, candidate["id"])
            self.duplicates.addItem(item)
        self.duplicates.setCurrentRow(0)
        self.duplicate_box.show()
        self.merge_button.setFocus()
