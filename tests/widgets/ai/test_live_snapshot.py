"""Enrolment and zone drawing start from a camera's live picture, or say plainly why there is none."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.models import Camera
from widgets.ai.live_snapshot import LiveActions
from widgets.ai.zone_editor import ZoneEditorDialog

pytestmark = pytest.mark.gui


def test_zones_are_drawn_on_the_cameras_live_picture(qtbot, shell, ai_site, tmp_path, monkeypatch):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path))  # the demo scene is encoded here, once
    actions = LiveActions(shell)
    qtbot.addWidget(actions)
    opened: list = []
    monkeypatch.setattr(LiveActions, "_open", lambda self, dialog: opened.append(dialog))
    actions.take(actions._zones)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ZoneEditorDialog)
    assert dialog.camera_id == actions.cameras[0].id
    assert actions.snapshot._worker is None  # the stream went back to the pool


def test_a_camera_without_a_picture_is_reported(qtbot, shell, ai_site, monkeypatch):
    with ai_site.db.session() as session:
        for camera in session.query(Camera):
            camera.main_url = "/nowhere/missing.mp4"
    actions = LiveActions(shell, timeout_ms=500)
    qtbot.addWidget(actions)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    actions.take(actions._enrol)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    assert "没有画面" in warnings[0] and actions.button.isEnabled()
