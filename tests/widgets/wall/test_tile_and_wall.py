"""The wall with real streams: pictures arrive, badges tell the truth, maximise, zoom, tour, snapshot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent, QImage

from app.site_clock import SiteClock
from video.frames import FULL
from video.layouts import PRESETS, custom_layout
from video.pool import Profile
from widgets.wall.frame_clock import RETUNE_TICKS, FrameClock, tick_interval_ms
from widgets.wall.tile import Tile
from widgets.wall.tile_menu import camera_mime
from widgets.wall.wall import VideoWall

pytestmark = pytest.mark.gui


def _wall(qtbot, pool, cameras, layout="4", size=(800, 450)) -> VideoWall:
    by_id = {camera.id: camera for camera in cameras}
    wall = VideoWall(pool, lambda: by_id, SiteClock())
    qtbot.addWidget(wall)
    wall.resize(*size)
    wall.apply_layout(PRESETS[layout])
    wall.fill([camera.id for camera in cameras])
    wall.show()
    qtbot.waitExposed(wall)
    return wall


def _bright_pixels(image: QImage) -> int:
    small = image.scaled(64, 36)
    return sum(1 for x in range(64) for y in range(36) if QImage.pixelColor(small, x, y).lightness() > 80)


def test_tiles_show_live_pictures_with_names(qtbot, pool, make_camera):
    wall = _wall(qtbot, pool, [make_camera(1), make_camera(2)])
    for tile in wall.tiles[:2]:
        qtbot.waitUntil(lambda tile=tile: tile.frames_shown >= 5, timeout=10000)
        assert tile.badge() is None
    assert wall.tiles[2].camera is None
    assert _bright_pixels(wall.tiles[0].grab().toImage()) > 200  # a real picture, not a black tile
    assert wall.live_count() == (2, 2)


def test_killed_rtsp_camera_shows_reconnecting_then_live_again(qtbot, pool, make_camera, rtsp_server):
    camera = make_camera(7, "南门", sub_url=rtsp_server.url("street"))
    wall = _wall(qtbot, pool, [camera], layout="1")
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.frames_shown >= 3, timeout=10000)
    rtsp_server.kill()
    qtbot.waitUntil(lambda: (tile.badge() or ("",))[0] == "重连中", timeout=5000)
    assert "320x180" in tile.status_text() and "重连中" in tile.status_text()
    assert "秒重试" in tile.badge()[1]  # says the watchdog is on it
    picture = tile.grab().toImage()
    assert picture.pixelColor(5, picture.height() - 5).saturation() < 30  # the stale picture is greyed
    rtsp_server.start()
    qtbot.waitUntil(lambda: tile.badge() is None, timeout=6000)


def test_bad_url_shows_a_clear_error_in_the_tile(qtbot, pool, make_camera, tmp_path):
    wall = _wall(qtbot, pool, [make_camera(3, sub_url=str(tmp_path / "missing.mp4"))], layout="1")
    qtbot.waitUntil(
        lambda: wall.tiles[0].badge() is not None and wall.tiles[0].badge()[0] == "错误", timeout=5000
    )
    assert wall.tiles[0].badge()[1] == "文件不存在 (file not found)"
    assert "文件不存在" in wall.tiles[0].status_text()


def test_overlay_painter_draws_over_the_picture_and_can_be_switched_off(qtbot, pool, make_camera):
    wall = _wall(qtbot, pool, [make_camera(1)], layout="1")
    tile = wall.tiles[0]
    calls = []

    def overlay(painter, target, frame_size):
        calls.append((target, frame_size))
        painter.fillRect(target.x() + 10, target.y() + 10, 20, 20, Qt.GlobalColor.red)

    tile.set_overlay_painter(overlay)
    qtbot.waitUntil(lambda: len(calls) >= 3, timeout=5000)
    target, frame_size = calls[-1]
    assert frame_size == (320, 180)
    assert abs(target.width() / target.height() - 16 / 9) < 0.02
    tile.set_overlay_painter(None)
    count = len(calls)
    qtbot.wait(300)
    assert len(calls) == count


def test_maximise_uses_the_main_stream_and_keeps_the_picture_meanwhile(qtbot, pool, make_camera):
    wall = _wall(qtbot, pool, [make_camera(1), make_camera(2)])
    tile = wall.tiles[1]
    qtbot.waitUntil(lambda: tile.frames_shown >= 3, timeout=10000)
    wall.toggle_maximise(tile)
    assert tile.profile is Profile.MAIN and wall.maximised is tile
    assert tile._picture is not None  # still the sub-stream's last picture while the main one opens
    assert not wall.tiles[0].isVisible() and tile.geometry().size() == wall.size()
    qtbot.waitUntil(lambda: tile.status() is not None and tile.status().width == 640, timeout=10000)
    tile.zoom_at(QPointF(tile.width() / 2, tile.height() / 2), 2.0)
    assert tile.crop != FULL and abs((tile.crop.right - tile.crop.left) - 0.5) < 1e-6
    wall.toggle_maximise(tile)  # restore
    assert tile.profile is Profile.SUB and tile.crop == FULL and wall.tiles[0].isVisible()
    qtbot.waitUntil(lambda: tile.status() is not None and tile.status().width == 320, timeout=10000)


def test_layouts_and_dropping_a_camera_on_a_tile(qtbot, pool, make_camera):
    cameras = [make_camera(i) for i in range(1, 4)]
    wall = _wall(qtbot, pool, cameras)
    wall.fill([1])
    for name, count in (("9", 9), ("1+5", 6), ("1+7", 8), ("16", 16), ("1", 1)):
        wall.apply_layout(PRESETS[name])
        assert len(wall.tiles) == count
    assert wall.tiles[0].camera.id == 1  # cameras stay through layout changes
    wall.apply_layout(custom_layout(2, 3, 2))
    assert len(wall.tiles) == 3
    target = wall.tiles[2]
    mime = camera_mime(3)  # kept referenced: the event only points at it
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(drop)
    assert target.camera.id == 3
    assert wall.current_layout.cameras == (1, None, 3)


def test_tour_pages_through_the_cameras(qtbot, pool, make_camera):
    cameras = [make_camera(i) for i in range(1, 7)]
    wall = _wall(qtbot, pool, cameras)
    wall.start_tour([c.id for c in cameras], interval_s=0.3)
    first = [t.camera.id for t in wall.tiles]
    qtbot.waitUntil(lambda: [t.camera.id for t in wall.tiles] != first, timeout=2000)
    assert [t.camera.id for t in wall.tiles] == [5, 6, 1, 2]
    wall.stop_tour()
    assert not wall.touring


def test_snapshot_saves_a_full_resolution_jpeg(qtbot, pool, make_camera, tmp_path, monkeypatch):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path))
    wall = _wall(qtbot, pool, [make_camera(1, "东门")], layout="1")
    qtbot.waitUntil(lambda: wall.tiles[0].frames_shown >= 2, timeout=10000)
    with qtbot.waitSignal(wall.snapshot_saved) as saved:
        wall.snapshot(wall.tiles[0])
    image = QImage(saved.args[0])
    assert (image.width(), image.height()) == (320, 180) and saved.args[0].endswith(".jpg")


def test_hidden_tiles_cost_no_conversion(qtbot, pool, make_camera):
    wall = _wall(qtbot, pool, [make_camera(1), make_camera(2)])
    qtbot.waitUntil(lambda: wall.tiles[0].frames_shown >= 2, timeout=10000)
    wall.toggle_maximise(wall.tiles[1])
    assert wall.tiles[0]._sink is None  # hidden: its worker converts nothing for it
    shown = wall.tiles[0].frames_shown
    qtbot.wait(400)
    assert wall.tiles[0].frames_shown == shown


def test_fewer_tiles_give_the_space_back_before_qt_deletes_the_others(qtbot, pool, make_camera):
    """Going from 4 tiles to 1 outside an event loop (a screenshot settling, a layout restored at
    start): the tiles let go must not keep a thin row and column of the wall until they are deleted."""
    wall = _wall(qtbot, pool, [make_camera(1)])
    wall.apply_layout(PRESETS["1"])
    wall.layout().activate()
    assert [child for child in wall.findChildren(Tile) if child.isVisible()] == wall.tiles
    assert wall.tiles[0].size().toTuple() == (800, 450)


def test_empty_tile_invites_a_drop(qtbot, pool):
    tile = Tile(pool)
    qtbot.addWidget(tile)
    tile.resize(320, 180)
    assert tile.badge() is None and tile.camera is None


def test_english_badges_and_labels(qtbot, pool, make_camera, tmp_path, languages):
    languages.switch("en")
    wall = _wall(qtbot, pool, [make_camera(3, sub_url=str(tmp_path / "missing.mp4"))], layout="1")
    qtbot.waitUntil(
        lambda: wall.tiles[0].badge() is not None and wall.tiles[0].badge()[0] == "Error", timeout=5000
    )
    from widgets.wall.panel import tr

    assert tr("25 画面") == "25 tiles"


def test_one_frame_clock_feeds_every_tile_and_stops_with_the_streams(qtbot, pool, make_camera):
    wall = _wall(qtbot, pool, [make_camera(1), make_camera(2)])
    assert wall.frame_clock.running
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.frames_shown >= 3, timeout=10000)
    shown, decoded = tile.frames_shown, tile.status().decoded
    qtbot.wait(2000)
    # the clock ticks twice per frame interval: the tile shows (nearly) every decoded frame
    assert tile.frames_shown - shown >= 0.9 * (tile.status().decoded - decoded) > 20
    wall.close_streams()
    assert not wall.frame_clock.running  # nothing to show: the timer is off


def test_the_frame_clock_ticks_twice_per_frame_of_the_fastest_stream_within_bounds(qtbot):
    assert tick_interval_ms([15.0, 25.0]) == 20
    assert tick_interval_ms([60.0]) == 15  # never faster: a pass has a fixed price
    assert tick_interval_ms([5.0]) == tick_interval_ms([]) == tick_interval_ms([0.0]) == 33

    class Taker:
        def __init__(self, fps: float) -> None:
            self.fps, self.taken = fps, 0

        def take_new_frame(self) -> None:
            self.taken += 1

        def frame_rate(self) -> float:
            return self.fps

    clock = FrameClock()
    sub, main = Taker(15.0), Taker(25.0)
    clock.attach(sub)
    clock.attach(main)
    for _ in range(RETUNE_TICKS):
        clock.tick()
    assert clock.interval_ms == 20 and sub.taken == main.taken == RETUNE_TICKS
    clock.detach(main)  # the maximised main stream went back to the sub-stream
    for _ in range(RETUNE_TICKS):
        clock.tick()
    assert clock.interval_ms == 33 and clock.running
    clock.detach(sub)
    assert not clock.running


def test_tile_blits_its_picture_unscaled_and_fills_only_the_bars(qtbot, pool, make_camera):
    wall = _wall(qtbot, pool, [make_camera(1)], layout="1", size=(400, 240))
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.frames_shown >= 2, timeout=10000)
    place = tile._placement()
    assert place.exact and place.target.width() == tile._image_size[0]  # converted at tile size
    assert sum(bar.width() * bar.height() for bar in place.bars) == (
        tile.width() * tile.height() - place.target.width() * place.target.height()
    )


def test_a_long_camera_name_gives_way_to_the_clock_on_a_small_tile(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from widgets.wall.tile_captions import caption_name

    font = QFont()
    font.setPixelSize(12)
    metrics = QFontMetrics(font)
    name, stamp = "东门人脸抓拍（幸福路与建设路交叉口北侧）", "17:02:18"
    for width in (160, 240, 380):
        shown = caption_name(metrics, name, stamp, width)
        assert shown.endswith("…") or width == 380  # a 5x5 tile on a 1920 screen has room for it all
        assert metrics.horizontalAdvance(shown) + 10 + metrics.horizontalAdvance(stamp) <= width - 12
    assert caption_name(metrics, "1号楼", stamp, 380) == "1号楼"  # short names stay whole
    assert caption_name(metrics, name, "", 2000) == name  # no clock yet: all the room is the name's


def test_the_time_ticks_without_rendering_the_name_bar_again(qtbot, pool, make_camera):
    wall = _wall(qtbot, pool, [make_camera(1)])
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.frames_shown >= 3 and tile._shown_clock[0] is not None, timeout=10000)
    name_bar, second = tile._caption.cacheKey(), tile._shown_clock[0]
    qtbot.waitUntil(lambda: tile._shown_clock[0] != second, timeout=4000)
    assert tile._caption.cacheKey() == name_bar  # a new second is a new clock face, not a new name bar


def test_tiles_showing_the_same_second_share_one_clock_face(qapp):
    from PySide6.QtGui import QFont

    from widgets.wall.tile_captions import clock_face

    font = QFont()
    font.setPixelSize(13)
    face = clock_face(1_764_800_000, font, SiteClock())
    assert clock_face(1_764_800_000, font, SiteClock()).cacheKey() == face.cacheKey()  # rendered once for every tile
    assert clock_face(1_764_800_001, font, SiteClock()).cacheKey() != face.cacheKey()
    image = face.toImage()
    text_pixels = sum(
        1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 128
    )
    assert text_pixels > 40  # eight characters drawn, on a transparent ground
