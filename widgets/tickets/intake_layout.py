"""The intake form's layout: what was reported beside where, the dispatch preview, the photos, the
duplicate offer, a message under each field, and the buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from widgets.plain_text import plain


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


def _error_label() -> QLabel:
    label = plain(QLabel())
    label.setObjectName("fieldError")
    label.setStyleSheet("color: #ff6b6b;")
    label.setWordWrap(True)
    label.hide()
    return label


class IntakeLayout:
    """Builds the `TicketIntakeDialog`'s photo list, field messages and duplicate offer, and lays the form out."""

    def _build_photos(self) -> tuple[QPushButton, QPushButton]:
        self.photo_list = QListWidget()
        self.photo_list.setMaximumHeight(72)
        self.photo_hint = QLabel(tr("未添加照片（可选，保存时校验 SHA-256）"))
        self.photo_hint.setObjectName("placeHint")
        self.photo_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        add_photo = QPushButton(tr("添加照片…"))
        add_photo.clicked.connect(self._choose_photos)
        remove_photo = QPushButton(tr("移除"))
        remove_photo.clicked.connect(self._remove_photo)
        return add_photo, remove_photo

    def _build_error_labels(self) -> None:
        self.errors = {
            key: _error_label() for key in ("category", "text", "phone", "place", "photos", "form")
        }
        self.categories.chosen.connect(lambda _c: self._clear_error("category"))
        self.text.textChanged.connect(lambda: self._clear_error("text"))
        self.phone.textEdited.connect(lambda _t: self._clear_error("phone"))
        self.place.changed.connect(lambda: self._clear_error("place"))

    def _what_box(self) -> QGroupBox:
        """What was reported and by whom: source, category, content, reporter and phone."""
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
        return what

    def _lay_out(self, add_photo: QPushButton, remove_photo: QPushButton) -> None:
        what = self._what_box()

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
