"""登记人脸: enrol a resident's or a watch-list entry's face from a photo file or a wall snapshot.

The 登记 button stays disabled until everything the rules need is there: whom, a photo with exactly
one clear face that the operator has checked (box and five landmarks shown), and the person's
separate consent (date, how it was given, who took it down). The gallery then enrols and audits it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runtime.read.ai import AiReads
from video.ai.gallery import EnrolmentError
from video.ai.runtime import ModelLoadError
from widgets.ai.background import Background
from widgets.ai.consent_form import ConsentForm
from widgets.ai.face_preview import FacePreview
from widgets.ai.face_tools import FaceCheck, FaceTools, tools_for
from widgets.ai.forget import forget_face
from widgets.ai.images import PhotoError, as_bgr, fit_for_enrolment, read_photo
from widgets.ai.style import STYLE, quiet_buttons
from widgets.ai.subject_picker import SubjectPicker
from widgets.plain_text import plain
from widgets.shell_context import ShellContext

GOOD = "color: #35c46a;"
BAD = "color: #ff6b6b;"
PHOTO_FILTER = "*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff"


class EnrolDialog(QDialog):
    enrolled = Signal(int)  # the gallery subject id
    forgotten = Signal(int)

    def __init__(self, tools: FaceTools, reads: AiReads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setStyleSheet(STYLE)
        self.tools = tools
        self.reads = reads
        self._photo: np.ndarray | None = None
        self._check: FaceCheck | None = None
        self._checking = False
        self._busy = False
        self._existing: int | None = None  # the chosen resident's gallery subject, if enrolled before
        self._background = Background(self, "ai-enrol")
        self._build()
        self._retranslate()
        self._update()
        quiet_buttons(self)

    # ---- ways in ----------------------------------------------------------------------------------

    @classmethod
    def for_context(cls, context: ShellContext, parent: QWidget | None = None) -> EnrolDialog:
        return cls(tools_for(context), context.reads.ai, parent)

    @classmethod
    def from_snapshot(
        cls, context: ShellContext, image: QImage | np.ndarray, parent: QWidget | None = None
    ) -> EnrolDialog:
        """The dialog with a tile's picture as the photo (a QImage, or a decoded BGR frame)."""
        dialog = cls.for_context(context, parent)
        dialog.set_photo(as_bgr(image), dialog.tr("视频截图"))
        return dialog

    # ---- layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.picker = SubjectPicker(self.reads)
        self.picker.changed.connect(self._subject_changed)
        self.existing_note = QLabel(objectName="fieldValue", wordWrap=True)
        plain(self.existing_note)
        self.forget_button = QPushButton(objectName="forgetButton")
        self.forget_button.clicked.connect(self.forget_existing)
        existing = QHBoxLayout()
        existing.addWidget(self.existing_note, 1)
        existing.addWidget(self.forget_button)
        self.who_box = QGroupBox(objectName="whoBox")
        who_layout = QVBoxLayout(self.who_box)
        who_layout.addWidget(self.picker, 1)
        who_layout.addLayout(existing)

        self.preview = FacePreview()
        self.file_button = QPushButton(objectName="photoFileButton")
        self.file_button.clicked.connect(self.open_file)
        self.photo_source = QLabel(objectName="fieldName")
        plain(self.photo_source)
        self.face_status = QLabel(objectName="faceStatus", wordWrap=True)
        plain(self.face_status)
        self.confirm_face = QCheckBox(objectName="confirmFace")
        self.confirm_face.toggled.connect(lambda *_: self._update())
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.file_button)
        photo_row.addWidget(self.photo_source, 1)
        self.photo_box = QGroupBox(objectName="photoBox")
        photo_layout = QVBoxLayout(self.photo_box)
        photo_layout.addWidget(self.preview, 1)
        photo_layout.addLayout(photo_row)
        photo_layout.addWidget(self.face_status)
        photo_layout.addWidget(self.confirm_face)

        self.consent = ConsentForm(self.tools.gallery.seat.operator)
        self.consent.changed.connect(self._update)

        self.hint = QLabel(objectName="enrolHint", wordWrap=True)
        plain(self.hint)
        self.enrol_button = QPushButton(objectName="primary")
        self.enrol_button.setDefault(True)
        self.enrol_button.clicked.connect(self.enrol)
        self.close_button = QPushButton(objectName="closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.close_button)

        right = QVBoxLayout()
        right.addWidget(self.photo_box, 1)
        right.addWidget(self.consent)
        columns = QHBoxLayout()
        columns.addWidget(self.who_box, 5)
        columns.addLayout(right, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.resize(1040, 660)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("登记人脸"))
        self.who_box.setTitle(self.tr("登记对象"))
        self.photo_box.setTitle(self.tr("照片"))
        self.file_button.setText(self.tr("选择照片文件…"))
        self.confirm_face.setText(self.tr("已核对：绿框中的人脸是登记对象本人"))
        self.forget_button.setText(self.tr("删除人脸数据"))
        self.enrol_button.setText(self.tr("登记"))
        self.close_button.setText(self.tr("关闭"))
        self._show_check()
        self._subject_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ---- the photo --------------------------------------------------------------------------------

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择照片"), str(Path.home()), self.tr("图片") + f" ({PHOTO_FILTER})"
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            photo = read_photo(path)
        except PhotoError as error:
            self._photo, self._check = None, None
            self.preview.set_photo(None)
            self.photo_source.setText("")
            self._set_status(str(error), good=False)
            self._update()
            return
        self.set_photo(photo, path.name)

    def set_photo(self, bgr: np.ndarray, source: str) -> None:
        """Show the photo and look for faces in it (off the GUI thread)."""
        self._photo = fit_for_enrolment(bgr)
        self._check = None
        self._checking = True
        self.confirm_face.setChecked(False)
        self.preview.set_photo(self._photo)
        self.photo_source.setText(source)
        self._set_status(self.tr("正在检测人脸…"), good=True)
        photo = self._photo
        self._background.run(lambda: self.tools.check_photo(photo), self._checked, self._check_failed)
        self._update()

    def _checked(self, check: FaceCheck) -> None:
        self._checking = False
        self._check = check
        self.preview.set_faces(check.faces, check.chosen)
        self._show_check()
        self._update()

    def _check_failed(self, error: Exception) -> None:
        self._checking = False
        self._check = None
        self._set_status(self.tr("人脸检测失败：%1").replace("%1", str(error)), good=False)
        self._update()

    def _show_check(self) -> None:
        check = self._check
        if check is None:
            if self._photo is None:
                self._set_status("", good=True)
            return
        usable = [face for face in check.faces if face.landmarks]
        if check.chosen is not None:
            self._set_status(self.tr("检测到人脸（绿框），请核对是否为登记对象本人"), good=True)
        elif not usable:
            self._set_status(self.tr("照片中未找到人脸，请换一张正面、清晰、光线充足的照片"), good=False)
        else:
            self._set_status(
                self.tr("照片中有 %1 张人脸，请使用只有登记对象一人的照片").replace("%1", str(len(usable))),
                good=False,
            )

    def _set_status(self, text: str, *, good: bool) -> None:
        self.face_status.setText(text)
        self.face_status.setStyleSheet(GOOD if good else BAD)

    # ---- whom -------------------------------------------------------------------------------------

    def _subject_changed(self) -> None:
        choice = self.picker.choice()
        self._existing = None
        if choice is not None and choice.resident_id is not None:
            self._existing = self.reads.resident_subject(choice.resident_id)
        if self._existing is not None:
            self.existing_note.setText(self.tr("该居民已登记人脸；再次登记会为其增加一个特征模板。"))
        else:
            self.existing_note.setText("")
        self.forget_button.setVisible(self._existing is not None)
        self._update()

    def forget_existing(self) -> bool:
        """删除人脸数据 of the chosen resident, after the operator confirmed it."""
        choice = self.picker.choice()
        if self._existing is None or choice is None:
            return False
        subject = self._existing
        if not forget_face(self, self.tools.gallery, subject, choice.display):
            return False
        self.forgotten.emit(subject)
        self._subject_changed()
        return True

    # ---- enrolling --------------------------------------------------------------------------------

    def missing(self) -> str:
        """Why 登记 is disabled, in the order the operator works through the dialog ("" when ready)."""
        if not self.tools.can_enrol:
            return self.tr("人脸识别已关闭（ai.toml 中 recogniser.type = none），无法登记")
        if self._busy:
            return self.tr("正在登记…")
        if missing := self.picker.missing():
            return missing
        if self._photo is None:
            return self.tr("请选择照片")
        if self._checking:
            return self.tr("正在检测人脸…")
        if self._check is None or self._check.chosen is None:
            return self.tr("照片中需要有且只有一张清晰的人脸")
        if not self.confirm_face.isChecked():
            return self.tr("请核对照片中的人脸是否为本人")
        if self.consent.consent() is None:
            return self.tr("没有本人同意（日期、方式、记录人）不能登记")
        return ""

    def _update(self) -> None:
        ready_to_confirm = self._check is not None and self._check.chosen is not None and not self._busy
        self.confirm_face.setEnabled(ready_to_confirm)
        reason = self.missing()
        self.enrol_button.setEnabled(not reason)
        self.hint.setText(reason)
        self.hint.setStyleSheet("color: #8fa3bf;")

    def enrol(self) -> None:
        if self.missing():
            return
        choice, consent, photo = self.picker.choice(), self.consent.consent(), self._photo
        assert choice is not None and consent is not None and photo is not None
        self._busy = True
        self._update()

        def job() -> int:
            return self.tools.enrol(
                photo,
                consent,
                resident_id=choice.resident_id,
                list_name=choice.list_name,
                label=choice.label,
                note=choice.note,
            )

        self._background.run(job, lambda subject: self._enrolled(subject, choice.display), self._refused)

    def _enrolled(self, subject_id: int, who: str) -> None:
        self._busy = False
        self._photo, self._check = None, None
        self.preview.set_photo(None)
        self.photo_source.setText("")
        self.confirm_face.setChecked(False)
        self._subject_changed()
        self._set_status(
            self.tr("已登记“%1”的人脸（编号 %2）").replace("%1", who).replace("%2", str(subject_id)),
            good=True,
        )
        self.enrolled.emit(subject_id)

    def _refused(self, error: Exception) -> None:
        self._busy = False
        if isinstance(error, EnrolmentError | ModelLoadError):
            text = str(error)
        else:
            text = self.tr("登记失败：%1").replace("%1", str(error))
        self._set_status(text, good=False)
        self._update()

    def busy(self) -> bool:
        """Whether a detection or an enrolment is still running (tests wait on this)."""
        return self._background.pending > 0
