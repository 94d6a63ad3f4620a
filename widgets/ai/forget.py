"""Deleting a person's face data completely, after the operator confirmed it (the gallery audits it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from video.ai.gallery import EnrolmentError, FaceGallery
from widgets.ai import questions


def tr(text: str) -> str:
    return QCoreApplication.translate("ForgetFace", text)


def forget_face(parent: QWidget | None, gallery: FaceGallery, subject_id: int, who: str) -> bool:
    """Ask, then delete every template, photo, consent and event face picture of one subject."""
    question = (
        tr("将彻底删除“%1”的全部人脸数据：特征模板、照片、同意记录以及事件中的人脸截图。").replace("%1", who)
        + "\n\n"
        + tr("删除会记入审计日志，且无法恢复。确定删除吗？")
    )
    if not questions.ask_to_confirm(parent, tr("删除人脸数据"), question):
        return False
    try:
        removed = gallery.forget(subject_id)
    except EnrolmentError as error:
        questions.tell(parent, tr("删除人脸数据"), str(error), failed=True)
        return False
    questions.tell(
        parent,
        tr("删除人脸数据"),
        tr("已删除“%1”的人脸数据：模板 %2 个，同意记录 %3 条，事件图片 %4 条。")
        .replace("%1", who)
        .replace("%2", str(removed["templates"]))
        .replace("%3", str(removed["consents"]))
        .replace("%4", str(removed["event_images"])),
    )
    return True
