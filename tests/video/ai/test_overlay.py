"""The wall overlay: colours per label, zones, the per-camera switch, stale results left out."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from video.ai.types import Box, FrameAnalysis, Identity, MaskState, TrackView  # noqa: E402
from video.ai.zones import Zone  # noqa: E402
from video.cameras import CameraInfo  # noqa: E402
from widgets.ai_overlay import AiOverlay, track_label  # noqa: E402

pytestmark = pytest.mark.gui


def camera(camera_id: int, ai: bool) -> CameraInfo:
    return CameraInfo(camera_id, "东门", 1, "测试网格", "demo://scene/17", None, "tcp", ai, 116.4, 39.9)


def render(overlay: AiOverlay, camera_id: int, size=(640, 360)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    overlay.overlay_for(camera(camera_id, True))(painter, QRectF(0, 0, *size), (1280, 720))
    painter.end()
    return image


ANALYSIS = FrameAnalysis(
    17,
    0.0,
    (640, 360),  # the AI ran on the sub-stream; the tile shows the 1280x720 main stream: boxes scale
    (
        TrackView(1, "face", Box(100, 100, 160, 170), Identity.WATCHLIST, 3, None, MaskState.NO_MASK),
        TrackView(2, "face", Box(300, 100, 360, 170), Identity.RESIDENT, 4, "王秀英", MaskState.MASK),
        TrackView(3, "face", Box(450, 100, 510, 170), Identity.STRANGER),
        TrackView(4, "person", Box(420, 80, 540, 350)),
    ),
)


def test_boxes_are_drawn_in_their_label_colour_at_the_right_place(qapp, tmp_path):
    overlay = AiOverlay()
    overlay.on_analysis(ANALYSIS)
    image = render(overlay, 17)
    assert QColor(image.pixel(100, 130)).name() == "#ff3b30"  # watch list: red, on the left edge
    assert QColor(image.pixel(300, 130)).name() == "#3ddc84"  # resident: green
    assert QColor(image.pixel(450, 130)).name() == "#ffb020"  # stranger: amber
    assert QColor(image.pixel(200, 130)).name() == "#000000"  # nothing between them
    assert image.save(str(tmp_path / "overlay.png"))


def test_labels_say_who_and_the_mask_state():
    assert track_label(ANALYSIS.tracks[0]) == "重点人员 · 未戴口罩"
    assert track_label(ANALYSIS.tracks[1]) == "居民 王秀英 · 戴口罩"
    assert track_label(ANALYSIS.tracks[2]) == "陌生人"


def test_switch_stale_results_zones_and_cameras_without_ai(qapp):
    overlay = AiOverlay(max_age_s=0.0)
    overlay.on_analysis(ANALYSIS)
    assert QColor(render(overlay, 17).pixel(100, 130)).name() == "#000000"  # too old to draw
    overlay = AiOverlay()
    overlay.on_analysis(ANALYSIS)
    overlay.set_enabled(17, False)
    assert not overlay.is_enabled(17)
    assert QColor(render(overlay, 17).pixel(100, 130)).name() == "#000000"
    overlay.set_enabled(17, True)
    overlay.set_zones(17, [Zone("禁入区", ((0.5, 0.5), (1.0, 0.5), (1.0, 1.0), (0.5, 1.0)))])
    image = render(overlay, 17)
    assert QColor(image.pixel(600, 300)).red() > 40  # the zone is tinted
    assert QColor(image.pixel(100, 300)).name() == "#000000"
    assert overlay.overlay_for(camera(5, False)) is None
