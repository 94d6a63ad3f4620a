"""The wall panel on a real store: cameras listed by grid, layouts saved by name, "show this camera"."""

from __future__ import annotations

import pytest

from app.models import Camera, Grid
from tests.widgets.conftest import ADMIN_SEAT
from video.layouts import LayoutStore
from widgets.plain_text import literal_html

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, sqlite_db, tmp_path, clip, main_clip):
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.wall.panel import create_panel
    from widgets.wall.shared import stream_pool_for

    with sqlite_db.session() as session:
        grid = Grid(code="S1-C1", name="幸福社区", level=2)
        session.add(grid)
        session.flush()
        for number in (1, 2, 3):
            session.add(
                Camera(
                    name=f"{number}号楼东侧",
                    grid_id=grid.id,
                    lon=113.6,
                    lat=34.7,
                    main_url=str(main_clip),
                    sub_url=str(clip),
                    transport="tcp",
                    ai_enabled=number == 3,
                )
            )
    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    widget = create_panel(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    stream_pool_for(context).close()
    context.bridge.close()


def test_cameras_fill_the_first_layout_and_the_list(qtbot, panel):
    assert len(panel.wall.tiles) == 4
    assert [tile.camera.name for tile in panel.wall.tiles[:3]] == ["1号楼东侧", "2号楼东侧", "3号楼东侧"]
    group = panel.camera_list.tree.topLevelItem(0)
    assert group.text(0) == "幸福社区" and group.childCount() == 3
    assert "智能" in group.child(2).text(0)
    qtbot.waitUntil(
        lambda: (
            (indicator := panel.context.status.indicator("cameras")) is not None
            and indicator.text.endswith("3/3")
        ),
        timeout=10000,
    )


def test_layout_saved_by_name_comes_back(qtbot, panel):
    panel.wall.put_camera(3, panel.wall.tiles[0].camera.id)
    panel.save_layout("夜间值守")
    assert LayoutStore(panel.context.db).load("夜间值守").cameras[3] == panel.wall.tiles[0].camera.id
    labels = [panel.layout_box.itemText(i) for i in range(panel.layout_box.count())]
    assert "★ 夜间值守" in labels and "1+7 画面" in labels
    panel.layout_box.setCurrentIndex(labels.index("9 画面"))
    panel._layout_chosen(labels.index("9 画面"))
    assert len(panel.wall.tiles) == 9
    panel._layout_chosen(labels.index("★ 夜间值守"))
    assert len(panel.wall.tiles) == 4 and panel.wall.tiles[3].camera is not None


def test_a_second_wall_window_shares_the_streams(qtbot, panel):
    window = panel.open_wall_window()
    first = {tile.camera.id: tile.worker for tile in panel.wall.tiles if tile.camera}
    second = {tile.camera.id: tile.worker for tile in window.wall.tiles if tile.camera}
    assert first.keys() == second.keys()
    assert all(first[key] is second[key] for key in first)  # one decode per stream however many walls
    window.close()
    assert all(worker.alive for worker in first.values())  # the first wall still uses them


def test_overlay_source_reaches_every_wall(qtbot, panel):
    from widgets.wall.shared import set_overlay_source

    def painter(_painter, _rect, _size):
        pass

    set_overlay_source(panel.context, lambda camera: painter if camera.ai_enabled else None)
    overlays = [tile.overlay_painter() for tile in panel.wall.tiles if tile.camera]
    assert overlays == [None, None, painter]  # only the AI camera
    window = panel.open_wall_window()
    assert [t.overlay_painter() for t in window.wall.tiles if t.camera] == [None, None, painter]
    window.close()
    set_overlay_source(panel.context, None)
    assert all(tile.overlay_painter() is None for tile in panel.wall.tiles)


def test_camera_menu_reaches_every_tile_of_every_wall(qtbot, panel):
    from video.layouts import PRESETS
    from widgets.wall.shared import set_camera_menu

    def camera_menu(menu, camera):
        menu.addAction(f"for {camera.id}")

    set_camera_menu(panel.context, camera_menu)
    assert all(tile.camera_menu is camera_menu for tile in panel.wall.tiles)
    panel.wall.apply_layout(PRESETS["9"])  # tiles made later get it as well
    assert len(panel.wall.tiles) == 9 and all(tile.camera_menu is camera_menu for tile in panel.wall.tiles)
    tile = next(tile for tile in panel.wall.tiles if tile.camera)
    texts = [action.text() for action in tile.context_menu().actions()]
    assert texts[0] == "截图" and texts[-1] == f"for {tile.camera.id}" and "" in texts  # after a separator
    window = panel.open_wall_window()
    assert all(tile.camera_menu is camera_menu for tile in window.wall.tiles)
    window.close()
    set_camera_menu(panel.context, None)
    assert all(tile.camera_menu is None for tile in panel.wall.tiles)


def test_layout_box_names_the_wall_layout(panel):
    assert panel.layout_box.currentText() == "4 画面"


def test_kiosk_wall_on_another_screen_needs_a_pin_and_shares_streams(qtbot, panel):
    from app.access.kiosk_pin import KioskPin
    from widgets.kiosk import KioskWindow

    panel.open_kiosk()
    assert not panel.extra_windows and "密码" in panel.message.text()  # no supervisor PIN yet: said plainly
    KioskPin(panel.context.db, panel.context.seat).set_pin("246810")
    panel.open_kiosk()
    kiosk = panel.extra_windows[-1]
    assert isinstance(kiosk, KioskWindow) and kiosk.isFullScreen()
    kiosk_wall = kiosk.centralWidget().wall
    shown = {t.camera.id: t.worker for t in kiosk_wall.tiles if t.camera}
    assert all(shown[t.camera.id] is t.worker for t in panel.wall.tiles if t.camera)
    kiosk.unlocked = True
    kiosk.close()
    assert all(t.worker is None for t in kiosk_wall.tiles)  # closed: its hold on the streams is released
    assert all(t.worker is not None and t.worker.alive for t in panel.wall.tiles if t.camera)


def test_layout_list_and_controls_relabel_when_the_language_changes(qtbot, panel, languages):
    panel.layout_box.setCurrentIndex(panel.layout_box.findText("9 画面"))
    languages.switch("en")  # Qt posts LanguageChange to the windows: wait for it
    qtbot.waitUntil(lambda: panel.layout_box.currentText() == "9 tiles")  # the selection stays, relabelled
    assert panel.layout_box.itemText(panel.layout_box.count() - 1) == "Custom…"
    assert panel.tour.text() == "Tour" and panel.tour_interval.suffix() == " s"
    assert panel.camera_list.search.placeholderText() == "Search cameras"
    assert panel.camera_list.tree.topLevelItem(0).child(2).text(0).endswith("· AI")
    languages.switch("zh_CN")
    qtbot.waitUntil(lambda: panel.layout_box.currentText() == "9 画面")
    assert panel.tour.text() == "轮巡" and "智能" in panel.camera_list.tree.topLevelItem(0).child(2).text(0)


def test_controls_that_do_not_fit_fold_away_instead_of_widening_the_panel(qtbot, panel, languages):
    """In a narrow dock (a laptop, or the longer English labels) the wall's controls go into the tool
    bar's overflow menu; the panel does not ask for their whole width, so the wall never scrolls
    sideways. A long notice is cut short, not allowed to widen the panel either."""
    from PySide6.QtWidgets import QToolBar

    tools = panel.findChild(QToolBar, "wallTools")
    languages.switch("en")
    qtbot.waitUntil(lambda: panel.tour.text() == "Tour")
    assert tools.sizeHint().width() > 700  # all the controls in a row, as on a wide screen
    notice = "Snapshot saved: /home/operator/Pictures/grid-command-centre/" + "x" * 80
    panel.wall.message.emit(notice)  # as the wall reports a snapshot
    assert panel.minimumSizeHint().width() < 600
    assert panel.message.toolTip() == literal_html(notice)  # cut short on screen, whole in the tooltip
    panel.resize(560, 500)
    last = tools.widgetForAction(tools.actions()[-1])
    qtbot.waitUntil(lambda: panel.layout_box.isVisible() and not last.isVisible())  # folded into »
    languages.switch("zh_CN")


def test_cameras_edited_or_deleted_in_the_settings_reach_the_wall(qtbot, panel):
    from video.camera_store import CameraForm, CameraStore

    store = CameraStore(panel.context.site)
    first, second = (tile.camera for tile in panel.wall.tiles[:2])
    untouched = panel.wall.tiles[2].camera
    store.edit(
        first.id,
        CameraForm("东门", first.grid_id, first.main_url, first.sub_url, first.lon, first.lat),
    )
    store.delete(second.id)
    qtbot.waitUntil(lambda: panel.wall.tiles[0].camera.name == "东门", timeout=5000)
    assert panel.wall.tiles[1].camera is None
    assert panel.wall.tiles[2].camera is untouched  # still the same record: its stream was not reopened
    group = panel.camera_list.tree.topLevelItem(0)
    names = [group.child(i).text(0) for i in range(group.childCount())]
    assert len(names) == 2 and any("东门" in n for n in names) and any("3号楼东侧" in n for n in names)


def test_the_walls_sub_streams_fill_the_runtimes_pre_event_buffers(qtbot, panel):
    """What a window's clips are written from: the packets of the cameras its wall shows."""
    from widgets.wall.shared import stream_pool_for

    packets = panel.context.runtime.packets
    assert stream_pool_for(panel.context).packets is packets
    camera_ids = [tile.camera.id for tile in panel.wall.tiles[:3]]
    qtbot.waitUntil(
        lambda: all((b := packets.get(i)) is not None and b.held_seconds() >= 1.0 for i in camera_ids),
        timeout=15000,
    )
