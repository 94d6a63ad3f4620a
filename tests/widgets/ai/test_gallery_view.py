"""人脸库: enrolled subjects are listed with their consent; names only for seats allowed to see them;
deleting is confirmed, complete and audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from app.models import AuditEntry
from tests.video.ai.clips import astronaut, cameraman
from tests.widgets.ai.shots import save_shot
from video.ai.consent import Consent
from video.ai.records import FaceConsent, FaceTemplate
from widgets.ai import questions
from widgets.ai.face_tools import tools_for
from widgets.ai.gallery_view import GalleryView, create_panel

pytestmark = pytest.mark.gui


@pytest.fixture
def enrolled(shell, ai_site):
    tools = tools_for(shell)
    resident = tools.enrol(
        astronaut(),
        Consent(date(2026, 11, 2), "书面签字", recorded_by="李红梅"),
        resident_id=ai_site.residents["张桂兰"],
        list_name="resident",
    )
    watched = tools.enrol(
        cameraman(),
        Consent(date(2026, 11, 3), "公安机关书面通知"),
        resident_id=None,
        list_name="watchlist",
        label="A-17",
        note="公安机关协查通知 2026-17",
    )
    return resident, watched


def texts(view: GalleryView) -> list[list[str]]:
    model = view.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_subjects_are_listed_with_consent_and_names_only_when_allowed(qtbot, shell, enrolled):
    view = create_panel(shell)
    qtbot.addWidget(view)
    view.resize(900, 360)
    view.show()
    rows = texts(view)
    assert rows[0][:6] == ["居民", "张桂兰", "1", "2026-11-02", "书面签字", "李红梅"]
    assert rows[1] == [
        "重点人员",
        "A-17",
        "1",
        "2026-11-03",
        "公安机关书面通知",
        "值班员",
        "公安机关协查通知 2026-17",
    ]
    save_shot(view, "gallery_view")

    hidden = GalleryView(replace(tools_for(shell), names_visible=False), shell.reads.ai)
    qtbot.addWidget(hidden)
    assert [row[1] for row in texts(hidden)][0].startswith("居民 #")  # the label of a watch-list entry stays
    assert "张桂兰" not in str(texts(hidden))


def test_forget_removes_the_subject_and_is_audited(qtbot, shell, ai_site, enrolled, monkeypatch):
    resident, _watched = enrolled
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(questions, "ask_to_confirm", lambda _p, _t, text: asked.append(text) or True)
    monkeypatch.setattr(questions, "tell", lambda _p, _t, text, failed=False: told.append(text))
    view = create_panel(shell)
    qtbot.addWidget(view)
    view.table.selectRow(0)
    assert view.forget_button.isEnabled()
    assert view.forget_selected()
    assert "张桂兰" in asked[0] and "审计" in asked[0] and "模板 1 个" in told[0]
    assert [row[1] for row in texts(view)] == ["A-17"]
    with ai_site.db.session() as session:
        assert session.scalars(select(FaceTemplate).where(FaceTemplate.subject_id == resident)).all() == []
        assert session.scalars(select(FaceConsent).where(FaceConsent.subject_id == resident)).all() == []
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "face.forget")).one()
        assert audit.entity_id == resident
    assert tools_for(shell).gallery.subject_for_resident(ai_site.residents["张桂兰"]) is None


def test_forget_asks_first_and_no_keeps_everything(qtbot, shell, enrolled, monkeypatch):
    monkeypatch.setattr(questions, "ask_to_confirm", lambda *_: False)
    view = create_panel(shell)
    qtbot.addWidget(view)
    view.table.selectRow(1)
    assert not view.forget_selected()
    assert len(texts(view)) == 2


def test_an_enrolment_in_the_dialog_appears_in_the_view(qtbot, shell, ai_site):
    view = create_panel(shell)
    qtbot.addWidget(view)
    assert texts(view) == []
    dialog = view.open_enrolment()
    dialog.picker.find_resident("陈静")
    qtbot.waitUntil(lambda: dialog.picker.choice() is not None, timeout=5_000)
    dialog.set_photo(astronaut(), "snapshot")
    qtbot.waitUntil(lambda: dialog.confirm_face.isEnabled(), timeout=10_000)
    dialog.confirm_face.setChecked(True)
    dialog.consent.set_consent("线上确认")
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: len(texts(view)) == 1, timeout=10_000)
    assert texts(view)[0][1] == "陈静"
