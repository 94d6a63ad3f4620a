"""Enrolment and zone drawing start from a camera's live picture, or say plainly why there is none."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_wall_tiles_menu_offers_enrolment_and_for_ai_cameras_zones(
    qtbot, shell, ai_site, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMenu, QWidget

    from video.cameras import load_cameras
    from widgets.ai import live_snapshot
    from widgets.ai.live_snapshot import TileLiveActions

    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path))  # the demo scene is encoded here, once
    cameras = load_cameras(shell.db)
    ai_camera = next(camera for camera in cameras if camera.ai_enabled)
    plain_camera = replace(ai_camera, id=ai_camera.id + 1000, ai_enabled=False)
    window = QWidget()
    qtbot.addWidget(window)
    actions = TileLiveActions(shell)
    menus = {}
    for camera in (ai_camera, plain_camera):
        menus[camera.ai_enabled] = QMenu(window)
        actions(menus[camera.ai_enabled], camera)
    assert [a.text() for a in menus[True].actions()] == ["登记人脸…", "编辑区域…"]
    assert [a.text() for a in menus[False].actions()] == ["登记人脸…"]  # zones are only watched on AI cameras

    opened: list = []
    monkeypatch.setattr(live_snapshot, "_show", opened.append)
    menus[True].actions()[1].trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ZoneEditorDialog) and dialog.camera_id == ai_camera.id
    assert dialog.parent() is window  # the tile's window keeps it, not the tile


def test_a_wall_tiles_camera_without_a_picture_is_reported(qtbot, shell, ai_site, monkeypatch):
    from PySide6.QtWidgets import QMenu, QWidget

    from video.cameras import load_cameras
    from widgets.ai.live_snapshot import TileLiveActions

    camera = replace(load_cameras(shell.db)[0], main_url="/nowhere/missing.mp4")
    window = QWidget()
    qtbot.addWidget(window)
    menu = QMenu(window)
    TileLiveActions(shell, timeout_ms=500)(menu, camera)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    assert "没有画面" in warnings[0] and camera.name in warnings[0]
