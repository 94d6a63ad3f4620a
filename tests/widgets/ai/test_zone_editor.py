"""区域: a polygon drawn with clicks and closed with a double-click is saved normalised and comes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from sqlalchemy import select

from app.events import Change
from app.models import AuditEntry
from tests.video.ai.clips import background
from tests.widgets.ai.shots import save_shot
from video.ai import zones as zone_store
from video.ai.zones import Zone
from widgets.ai import questions
from widgets.ai.zone_editor import ZoneEditorDialog

pytestmark = pytest.mark.gui


def click_at(qtbot, canvas, point, *, double=False, button=Qt.MouseButton.LeftButton):
    position = canvas.to_widget(point).toPoint()
    qtbot.mouseClick(canvas, button, pos=position)
    if double:
        qtbot.mouseDClick(canvas, button, pos=position)


def open_editor(qtbot, shell, camera: int) -> tuple[ZoneEditorDialog, list[Change]]:
    """The editor on the camera's picture, shown, and the zone changes it announces from now on."""
    heard: list[Change] = []
    shell.hub.subscribe(zone_store.TOPIC, heard.append)
    dialog = ZoneEditorDialog.from_snapshot(shell, camera, background())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, heard


def test_drawn_polygon_round_trips_through_the_zone_table(qtbot, shell, ai_site):
    camera = ai_site.cameras["东门入口"]
    zone_store.save_zone(
        ai_site.db,
        camera,
        Zone("配电房", ((0.05, 0.55), (0.3, 0.55), (0.3, 0.95), (0.05, 0.95))),
        shell.seat,
    )
    dialog, heard = open_editor(qtbot, shell, camera)
    canvas = dialog.canvas
    assert dialog.zone_list.count() == 1
    corners = [(0.5, 0.2), (0.9, 0.2), (0.9, 0.8)]
    for corner in corners:
        click_at(qtbot, canvas, corner)
    click_at(qtbot, canvas, (0.6, 0.85))
    click_at(qtbot, canvas, (0.6, 0.85), button=Qt.MouseButton.RightButton)  # take the last corner back
    assert not canvas.closed and len(canvas.points) == 3
    click_at(qtbot, canvas, (0.5, 0.8), double=True)
    assert canvas.closed and len(canvas.points) == 4
    assert not dialog.save_button.isEnabled() and "名称" in dialog.hint.text()
    dialog.name_edit.setText("后门夜间")
    dialog.rule_box.setCurrentIndex(dialog.rule_box.findData("night"))
    assert dialog.save_button.isEnabled()
    canvas._hover = QPointF(canvas.to_widget((0.7, 0.5)))
    save_shot(dialog, "zone_editor_drawing")
    dialog.save_button.click()

    (_, first), (_, saved) = zone_store.camera_zones(ai_site.db, camera)
    assert saved.name == "后门夜间" and saved.rule == "night" and len(saved.points) == 4
    for (x, y), (want_x, want_y) in zip(saved.points, [*corners, (0.5, 0.8)], strict=True):
        assert abs(x - want_x) < 0.01 and abs(y - want_y) < 0.01  # within a pixel of the picture
    assert [c.ids for c in heard] == [(camera,)]
    assert dialog.zone_list.count() == 2 and not canvas.points
    dialog.zone_list.setCurrentRow(1)
    save_shot(dialog, "zone_editor")


def test_a_zone_is_deleted_after_confirmation(qtbot, shell, ai_site, monkeypatch):
    camera = ai_site.cameras["地下车库"]
    zone_store.save_zone(ai_site.db, camera, Zone("出口", ((0.1, 0.1), (0.5, 0.1), (0.5, 0.5))), shell.seat)
    dialog = ZoneEditorDialog(shell.site, shell.reads.ai, camera, background())
    qtbot.addWidget(dialog)
    dialog.zone_list.setCurrentRow(0)
    monkeypatch.setattr(questions, "ask_to_confirm", lambda *_: False)
    assert not dialog.delete_selected() and dialog.zone_list.count() == 1
    monkeypatch.setattr(questions, "ask_to_confirm", lambda *_: True)
    assert dialog.delete_selected()
    assert dialog.zone_list.count() == 0 and zone_store.load_zones(ai_site.db, camera) == []


def drag(qtbot, canvas, start, end):
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.to_widget(start).toPoint())
    qtbot.mouseMove(canvas, canvas.to_widget(end).toPoint())
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=canvas.to_widget(end).toPoint())


def test_a_saved_zone_is_edited_in_place(qtbot, shell, ai_site):
    camera = ai_site.cameras["东门入口"]
    square = ((0.1, 0.5), (0.4, 0.5), (0.4, 0.9), (0.1, 0.9))
    zone_id = zone_store.save_zone(ai_site.db, camera, Zone("配电房", square), shell.seat)
    dialog, heard = open_editor(qtbot, shell, camera)
    canvas = dialog.canvas
    dialog.zone_list.setCurrentRow(0)
    dialog.edit_button.click()
    assert dialog.editing == zone_id and canvas.closed and canvas.points == list(square)
    assert dialog.name_edit.text() == "配电房" and dialog.cancel_edit_button.isVisible()
    assert canvas.hidden == zone_id and dialog.save_button.text() == "保存修改"

    drag(qtbot, canvas, (0.4, 0.9), (0.6, 0.95))  # move a corner
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.to_widget((0.25, 0.5)).toPoint())
    assert len(canvas.points) == 5  # a corner added on the top edge
    click_at(qtbot, canvas, (0.1, 0.9), button=Qt.MouseButton.RightButton)  # and one taken away
    assert len(canvas.points) == 4 and canvas.closed
    dialog.name_edit.setText("配电房门口")
    dialog.rule_box.setCurrentIndex(dialog.rule_box.findData("night"))
    assert "拖动角" in dialog.hint.text()
    canvas._hover = None
    save_shot(dialog, "zone_editor_editing")
    dialog.save_button.click()

    [(saved_id, saved)] = zone_store.camera_zones(ai_site.db, camera)
    assert saved_id == zone_id and saved.name == "配电房门口" and saved.rule == "night"
    want = [(0.1, 0.5), (0.25, 0.5), (0.4, 0.5), (0.6, 0.95)]
    for (x, y), (want_x, want_y) in zip(saved.points, want, strict=True):
        assert abs(x - want_x) < 0.01 and abs(y - want_y) < 0.01
    assert [(c.ids, c.payload.action) for c in heard] == [((camera,), "update")]
    assert dialog.editing is None and not canvas.points and dialog.zone_list.count() == 1
    with ai_site.db.session() as session:  # on record as this seat's operator's change
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "ai_zone.update", AuditEntry.entity_id == zone_id)
        ).one()
        assert entry.actor == shell.seat.operator


def test_an_edit_never_loses_what_was_drawn(qtbot, shell, ai_site, monkeypatch):
    camera = ai_site.cameras["地下车库"]
    triangle = ((0.1, 0.1), (0.5, 0.1), (0.5, 0.5))
    zone_id = zone_store.save_zone(ai_site.db, camera, Zone("出口", triangle), shell.seat)
    dialog = ZoneEditorDialog(shell.site, shell.reads.ai, camera, background())
    qtbot.addWidget(dialog)
    dialog.canvas.set_polygon([(0.6, 0.6), (0.9, 0.6), (0.9, 0.9)])  # a new zone half done
    monkeypatch.setattr(questions, "ask_to_confirm", lambda *_: False)
    assert not dialog.start_editing(zone_id) and dialog.editing is None and len(dialog.canvas.points) == 3
    monkeypatch.setattr(questions, "ask_to_confirm", lambda *_: True)
    assert dialog.start_editing(zone_id) and dialog.canvas.points == list(triangle)

    zone_store.delete_zone(ai_site.db, zone_id, shell.seat)  # at another seat, meanwhile
    dialog.canvas.points[0] = (0.2, 0.2)
    assert dialog.save() is None and "已被删除" in dialog.hint.text()
    assert dialog.editing is None and dialog.canvas.points[0] == (0.2, 0.2)  # kept, to save as new
    new_id = dialog.save()
    assert new_id is not None and dialog.zone_list.count() == 1
    assert zone_store.camera_zones(ai_site.db, camera)[0][1].points[0] == (0.2, 0.2)


def test_a_store_that_fails_is_said_and_loses_no_drawing(qtbot, shell, ai_site, monkeypatch):
    from sqlalchemy.exc import OperationalError

    camera = ai_site.cameras["地下车库"]
    zone_id = zone_store.save_zone(
        ai_site.db, camera, Zone("出口", ((0.1, 0.1), (0.5, 0.1), (0.5, 0.5))), shell.seat
    )
    dialog = ZoneEditorDialog(shell.site, shell.reads.ai, camera, background())
    qtbot.addWidget(dialog)

    def locked(*_args, **_kwargs):
        raise OperationalError("UPDATE ai_zones", {}, Exception("database is locked"))

    drawn = [(0.6, 0.6), (0.9, 0.6), (0.9, 0.9)]
    dialog.canvas.set_polygon(drawn)
    dialog.name_edit.setText("西门")
    monkeypatch.setattr(zone_store, "save_zone", locked)
    assert dialog.save() is None
    assert "保存失败" in dialog.hint.text() and "database is locked" in dialog.hint.text()
    assert dialog.canvas.points == drawn and dialog.name_edit.text() == "西门"  # nothing lost

    told: list[str] = []
    monkeypatch.setattr(zone_store, "delete_zone", locked)
    monkeypatch.setattr(questions, "ask_to_confirm", lambda *_: True)
    monkeypatch.setattr(questions, "tell", lambda _parent, _title, text, failed=False: told.append(text))
    dialog.zone_list.setCurrentRow(0)
    assert not dialog.delete_selected()
    assert told and "删除失败" in told[0] and dialog.zone_list.count() == 1
    assert zone_store.camera_zones(ai_site.db, camera)[0][0] == zone_id
