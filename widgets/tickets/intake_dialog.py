"""新建工单: the operator turns a call, a visit or a patrol finding into a ticket.

The form only collects and checks what was said; `TicketDesk.open` does the rest (duplicate check,
dispatch, timeline, audit) on the dock's worker. While a submit is on its way the buttons are off
and further submits are ignored, and once a ticket exists the dialog never submits again, so a
double click or a double Ctrl+Enter cannot make two tickets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.roster.phone import PhoneError, normalise_phone
from app.tickets import TicketDesk
from app.tickets.intake import DispatchPreview
from app.tickets.states import LEVEL_ZH, Source
from runtime.read.tickets import TicketReads
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain
from widgets.shortcuts import key_for
from widgets.tickets.category_picker import CategoryPicker
from widgets.tickets.intake_layout import IntakeLayout
from widgets.tickets.intake_submit import IntakeSubmit, Opened
from widgets.tickets.place_picker import PlaceChoice, PlacePicker

# What an operator takes down by hand; camera, sensor and import tickets come from their own paths.
OPERATOR_SOURCES = (Source.PHONE, Source.WALK_IN, Source.HOME_VISIT, Source.PATROL, Source.CAMERA)
MAX_PHOTO_BYTES = 20 * 1024 * 1024
PHOTO_FILTER = "图片 (*.jpg *.jpeg *.png *.bmp *.webp *.heic);;所有文件 (*)"
PREVIEW_DELAY_MS = 150


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


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


class TicketIntakeDialog(IntakeSubmit, IntakeLayout, QDialog):
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
        add_photo, remove_photo = self._build_photos()

        self._build_error_labels()

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

    def done(self, result: int) -> None:  # Qt override: answers still on their way are for a closed form
        self._preview_timer.stop()
        for key in ("intake.preview", "intake.households", "intake.buildings"):
            self.jobs.cancel(key)
        super().done(result)

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
