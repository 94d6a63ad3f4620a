"""The AI dock: events and the gallery as tabs, narrow enough to share the alarms' column."""

from __future__ import annotations

import pytest

from tests.video.ai.clips import background
from tests.widgets.ai.shots import save_shot
from video.ai.config import EventSettings
from video.ai.events import AiEventRecorder, EventDraft
from widgets.ai.panel import create_panel

pytestmark = pytest.mark.gui


def test_the_dock_holds_events_and_gallery(qtbot, shell, ai_site):
    recorder = AiEventRecorder(ai_site.db, shell.hub, EventSettings())
    camera = ai_site.cameras["地下车库"]
    recorder.record(EventDraft("zone", camera, 1, zone="出口", detail={"inside_s": 2.0}), background(), None)
    recorder.record(EventDraft("watchlist_hit", camera, 2, urgent=True, score=0.82), background(), None)
    panel = create_panel(shell)
    qtbot.addWidget(panel)
    panel.resize(440, 720)
    panel.show()
    assert [panel.tabText(i) for i in range(panel.count())] == ["AI事件", "人脸库"]
    assert panel.events.model.rowCount() == 2 and panel.events.model.rows[0].urgent
    panel.events.table.selectRow(0)
    save_shot(panel, "ai_panel_events")
    panel.setCurrentIndex(1)
    save_shot(panel, "ai_panel_gallery")
