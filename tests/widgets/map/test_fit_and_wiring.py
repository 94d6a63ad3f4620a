"""The map fills its dock, and works with the wall and the alarm popup in one window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF, QSize, Qt
from sqlalchemy import update

from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from app.models import Building, Camera, Household
from tests.widgets.conftest import ADMIN_SEAT
from widgets.main_window import MainWindow
from widgets.map.panel import MapPanel
from widgets.panels import PANELS
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.wiring import PanelWiring

pytestmark = [pytest.mark.gui]


def district_on_screen(canvas) -> tuple[float, float]:
    """How much of the canvas's width and height the whole district takes."""
    bounds = canvas.scene.bounds()
    top_left = canvas.viewport.to_screen(bounds.topLeft())
    bottom_right = canvas.viewport.to_screen(bounds.bottomRight())
    return (bottom_right.x() - top_left.x()) / canvas.width(), (
        bottom_right.y() - top_left.y()
    ) / canvas.height()


def fills(canvas) -> bool:
    width, height = district_on_screen(canvas)
    return max(width, height) > 0.8 and width <= 1.0 and height <= 1.0


def test_the_district_fits_the_map_on_every_resize_until_the_operator_zooms(qtbot, panel: MapPanel):
    canvas = panel.canvas
    assert canvas.fitting and fills(canvas)
    panel.resize(520, 900)  # a narrow dock, as in the main window
    qtbot.waitUntil(lambda: canvas.size().width() < 520)
    assert fills(canvas)
    canvas.set_viewport(canvas.viewport.zoomed(2.0, QPointF(canvas.width() / 2, canvas.height() / 2)))
    zoomed = canvas.viewport.scale
    panel.resize(900, 700)
    qtbot.waitUntil(lambda: canvas.size().width() > 520)
    assert not canvas.fitting and canvas.viewport.scale == zoomed  # the operator's view stays
    panel.tools.fit_button.click()  # 全图: fitted again, and following the size again
    assert canvas.fitting and fills(canvas)
    panel.resize(1300, 800)
    qtbot.waitUntil(lambda: canvas.size().width() > 900)
    assert fills(canvas)


def test_details_sit_beside_a_wide_map_and_under_a_narrow_one(qtbot, panel: MapPanel):
    assert panel.splitter.orientation() == Qt.Orientation.Horizontal
    assert panel.canvas.width() > 3 * panel.details_area.width()
    panel.resize(480, 900)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Vertical)
    assert panel.canvas.width() > 440 and panel.canvas.height() > 1.5 * panel.details_area.height()


def test_show_place_flies_to_a_household_and_selects_its_building(panel: MapPanel, district):
    with district.db.session() as session:
        building = session.get(Building, district.building_id)
        where = (building.lon, building.lat, building.grid_id)
    assert panel.show_place(*where, title="紧急呼叫")
    assert panel.canvas.selection == where[2] and panel.canvas.pin is not None
    assert panel.show_place(where[0], where[1]) and panel.canvas.selection == where[2]  # found by point
    assert not panel.show_place(None, None)


# ---- in one window --------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, qapp, district, tmp_path, languages):
    from widgets.alarms.panel import create_panel as create_alarms_panel
    from widgets.wall.shared import stream_pool_for

    with district.db.session() as session:  # a camera that fails fast: the test needs the tile, not video
        session.execute(update(Camera).values(main_url="rtsp://127.0.0.1:1/none"))
    context = build_shell_context(district.db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    panels = [
        replace(p, factory=lambda c: create_alarms_panel(c)) if p.key == "alarms" else p
        for p in PANELS
        if p.key in ("wall", "map", "alarms")
    ]
    main = MainWindow(context, languages, remember_layout=False, panels=panels)
    qtbot.addWidget(main)
    main.resize(QSize(1600, 900))
    main.show()
    qtbot.waitExposed(main)
    yield main, PanelWiring(main)
    context.bridge.close()
    stream_pool_for(context).close()


def test_a_camera_chosen_on_the_map_opens_maximised_on_the_wall(qtbot, window, district):
    main, _wiring = window
    main.show_panel("map")
    main.panel_widgets["map"].cameraActivated.emit(district.camera_id)
    wall = main.panel_widgets["wall"].wall
    assert wall.maximised is not None and wall.maximised.camera.id == district.camera_id
    assert main._nav_actions["wall"].isChecked()


def test_the_alarm_popup_shows_the_place_on_the_map_and_the_nearest_camera_on_the_wall(
    qtbot, window, district
):
    main, _wiring = window
    with district.db.session() as session:
        household_id = session.query(Household.id).filter_by(room="301").scalar()
        grid_id = session.get(Building, district.building_id).grid_id
    desk = main.panel_widgets["alarms"].desk
    alarm_id = AlarmService(district.db, desk.context.hub, desk.context.seat).raise_alarm(
        AlarmDraft("sos", Priority.P1, "紧急呼叫", household_id=household_id)
    )
    popup = desk.popup
    qtbot.waitUntil(lambda: alarm_id in popup.alarm_ids)
    assert popup.map_button.isVisibleTo(popup) and popup.camera_button.isVisibleTo(popup)
    popup.map_button.click()
    map_panel = main.panel_widgets["map"]
    assert map_panel.canvas.selection == grid_id and map_panel.canvas.pin is not None
    popup.camera_button.click()  # the household has no camera of its own: the one 18 m away
    wall = main.panel_widgets["wall"].wall
    assert wall.maximised is not None and wall.maximised.camera.id == district.camera_id
    qtbot.waitUntil(lambda: popup.live.camera is not None)  # and its live picture beside the card
    assert popup.live.camera.id == district.camera_id and "约 18 米" in popup.live.caption.text()
    popup.close()
