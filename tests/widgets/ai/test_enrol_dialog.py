"""登记人脸: consent is mandatory, one clear face is required, and a good enrolment lands in the gallery."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.video.ai.clips import astronaut, background, paste
from tests.widgets.ai.shots import save_shot
from video.ai.records import FaceConsent, FaceSubject
from widgets.ai.enrol_dialog import EnrolDialog
from widgets.ai.face_tools import tools_for
from widgets.ai.images import bgr_to_qimage

pytestmark = pytest.mark.gui


def open_dialog(qtbot, shell, photo=None) -> EnrolDialog:
    if photo is None:
        dialog = EnrolDialog.for_context(shell)
    else:  # as a wall tile hands it over: a QImage of the picture
        dialog = EnrolDialog.from_snapshot(shell, bgr_to_qimage(photo))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10_000)
    return dialog


def pick_resident(qtbot, dialog: EnrolDialog, name: str) -> None:
    dialog.picker.find_resident(name)
    qtbot.waitUntil(lambda: dialog.picker.choice() is not None, timeout=5_000)


def test_enrolment_is_refused_without_consent(qtbot, shell, ai_site):
    dialog = open_dialog(qtbot, shell, astronaut())
    pick_resident(qtbot, dialog, "刘强")
    assert dialog.picker.results.item(0, 2).text() != "41010219800101123X"  # ID number masked
    assert "1123X" not in dialog.picker.results.item(0, 2).text()[:-4]
    dialog.confirm_face.setChecked(True)
    assert not dialog.enrol_button.isEnabled() and "同意" in dialog.hint.text()
    dialog.enrol()  # even when called directly, nothing is enrolled
    assert not dialog.busy()
    dialog.consent.set_consent("书面签字")
    dialog.consent.recorded_by.clear()
    assert not dialog.enrol_button.isEnabled()  # who took the consent down is part of it
    dialog.consent.recorded_by.setText("李红梅")
    assert dialog.enrol_button.isEnabled() and dialog.hint.text() == ""
    with ai_site.db.session() as session:
        assert session.scalars(select(FaceSubject)).all() == []


def test_photo_without_a_face_or_with_two_is_rejected_with_a_clear_message(qtbot, shell):
    dialog = open_dialog(qtbot, shell, background())
    dialog.picker.choose_watchlist("A-17", "公安机关协查通知 2026-17")
    dialog.consent.set_consent("公安机关书面通知")
    assert "未找到人脸" in dialog.face_status.text()
    assert not dialog.confirm_face.isEnabled() and not dialog.enrol_button.isEnabled()
    two = paste(
        paste(background(), astronaut(), (140, 20, 310, 220), (40, 60), 0.9),
        astronaut(),
        (140, 20, 310, 220),
        (380, 60),
        0.9,
    )
    dialog.set_photo(two, "two.jpg")
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10_000)
    assert "2 张人脸" in dialog.face_status.text() and not dialog.enrol_button.isEnabled()
    dialog.resize(1040, 660)
    save_shot(dialog, "enrol_two_faces")


def test_one_face_with_consent_is_enrolled(qtbot, shell, ai_site, tmp_path):
    import cv2

    photo = tmp_path / "王秀英 登记照.png"  # a Chinese file name, as offices name them
    cv2.imencode(".png", astronaut())[1].tofile(str(photo))
    dialog = open_dialog(qtbot, shell)
    pick_resident(qtbot, dialog, "张桂兰")
    dialog.load_file(photo)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10_000)
    assert dialog.preview._chosen is not None and len(dialog.preview._chosen.landmarks) == 5
    dialog.confirm_face.setChecked(True)
    dialog.consent.set_consent("口头同意并录音", recorded_by="李红梅")
    save_shot(dialog, "enrol_dialog")
    with qtbot.waitSignal(dialog.enrolled, timeout=10_000) as enrolled:
        dialog.enrol_button.click()
    subject = enrolled.args[0]
    assert "已登记" in dialog.face_status.text()
    with ai_site.db.session() as session:
        stored = session.get(FaceSubject, subject)
        assert stored.resident_id == ai_site.residents["张桂兰"]
        consent = session.scalars(select(FaceConsent)).one()
        assert (consent.method, consent.recorded_by) == ("口头同意并录音", "李红梅")
    assert tools_for(shell).gallery.subject_for_resident(ai_site.residents["张桂兰"]) == subject
    assert dialog.forget_button.isVisible()  # the resident now has face data that can be deleted
