"""Deleting a person's face data completely, after the operator confirmed it (the gallery audits it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from video.ai.gallery import EnrolmentError, FaceGallery


def tr(text: str) -> str:
    return QCoreApplication.translate("ForgetFace", text)


def ask_to_confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question whose safe answer (No) is the default; tests replace it."""
    answer = QMessageBox.warning(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget | None, title: str, text: str, *, failed: bool = False) -> None:
    """A short result message; tests replace it."""
    (QMessageBox.warning if failed else QMessageBox.information)(parent, title, text)


def forget_face(parent: QWidget | None, gallery: FaceGallery, subject_id: int, who: str) -> bool:
    """Ask, then delete every template, photo, consent and event face picture of one subject."""
    question = (
        tr("将彻底删除“%1”的全部人脸数据：特征模板、照片、同意记录以及事件中的人脸截图。").replace("%1", who)
        + "\n\n"
        + tr("删除会记入审计日志，且无法恢复。确定删除吗？")
    )
    if not ask_to_confirm(parent, tr("删除人脸数据"), question):
        return False
    try:
        removed = gallery.forget(subject_id)
    except EnrolmentError as error:
        tell(parent, tr("删除人脸数据"), str(error), failed=True)
        return False
    tell(
        parent,
        tr("删除人脸数据"),
        tr("已删除“%1”的人脸数据：模板 %2 个，同意记录 %3 条，事件图片 %4 条。")
        .replace("%1", who)
        .replace("%2", str(removed["templates"]))
        .replace("%3", str(removed["consents"]))
        .replace("%4", str(removed["event_images"])),
    )
    return True
