"""AI事件: newest first, filtered, paged; a new event appears when its Change is published."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.store.base import utcnow
from tests.video.ai.clips import ASTRONAUT_HEAD, astronaut, background, paste
from tests.widgets.ai.shots import save_shot
from video.ai.config import EventSettings
from video.ai.event_list import PAGE_SIZE
from video.ai.events import AiEventRecorder, EventDraft
from video.ai.records import AiEvent
from widgets.ai.event_list import create_panel

pytestmark = pytest.mark.gui


def rows(view) -> list[list[str]]:
    model = view.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_a_published_event_appears_with_its_pictures(qtbot, shell, ai_site):
    camera = ai_site.cameras["东门入口"]
    recorder = AiEventRecorder(ai_site.db, shell.hub, EventSettings())
    recorder.record(
        EventDraft("zone", camera, 3, zone="配电房门口", detail={"inside_s": 4.2}), background(), None
    )
    view = create_panel(shell)
    qtbot.addWidget(view)
    view.resize(760, 640)
    view.show()
    assert [r[1] for r in rows(view)] == ["区域闯入"]

    frame = paste(background(), astronaut(), ASTRONAUT_HEAD, (380, 60), 0.6)
    face = frame[60:180, 380:482]
    recorder.record(
        EventDraft("stranger", camera, 7, detail={"lingered_s": 360.0, "night": True}), frame, face
    )
    qtbot.waitUntil(lambda: len(rows(view)) == 2, timeout=5_000)  # through the bridge, on the GUI thread
    newest = rows(view)[0]
    assert newest[1:] == ["陌生人逗留", "东门入口", "陌生人", "逗留 6.0 分钟 · 夜间"]
    view.table.selectRow(0)
    assert not view.snapshot._pixmap.isNull() and not view.face._pixmap.isNull()
    assert view.count.text() == "共 2 条"
    save_shot(view, "event_list")


def test_filters_and_pages(qtbot, shell, ai_site):
    cameras = list(ai_site.cameras.values())
    now = utcnow()
    with ai_site.db.session() as session:
        for k in range(PAGE_SIZE + 30):
            session.add(
                AiEvent(
                    camera_id=cameras[k % 2],
                    kind="watchlist_hit" if k % 10 == 0 else "no_mask",
                    urgent=k % 10 == 0,
                    at=now - timedelta(minutes=k),
                    track_id=k,
                )
            )
        session.add(AiEvent(camera_id=cameras[0], kind="stranger", at=now - timedelta(days=30), track_id=999))
    view = create_panel(shell)
    qtbot.addWidget(view)
    assert (
        view.model.rowCount() == PAGE_SIZE and view.model.total == PAGE_SIZE + 30
    )  # the old one is out of range
    assert view.model.canFetchMore(view.model.index(-1, -1))
    view.model.fetchMore(view.model.index(-1, -1))
    times = [r.at for r in view.model.rows]
    assert len(times) == PAGE_SIZE + 30 and times == sorted(times, reverse=True)

    view.urgent_only.setChecked(True)
    view.camera_filter.setCurrentIndex(view.camera_filter.findData(cameras[0]))
    view.refresh()
    assert {r[1] for r in rows(view)} == {"重点人员 · 紧急"} and len(rows(view)) == 13  # k = 0, 10, ... 120
    view.camera_filter.setCurrentIndex(view.camera_filter.findData(cameras[1]))  # odd k: none urgent
    view.refresh()
    assert rows(view) == []
    view.urgent_only.setChecked(False)
    view.camera_filter.setCurrentIndex(0)  # 全部摄像机
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("stranger"))
    view.since.setDate(view.since.date().addDays(-30))
    view.refresh()
    assert [r.kind for r in view.model.rows] == ["stranger"]
    assert isinstance(view.model.rows[0].at, datetime)
