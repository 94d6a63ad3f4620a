"""The map's parts without the panel: scene, level of detail, labels, overlay classes, viewport maths."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPainter

from app.demo.district import detailed_compound_code, district_layout
from runtime.read.map import GridRecord
from widgets.map.labels import LabelPlacer
from widgets.map.lod import EXPAND_PX, visible_detail
from widgets.map.overlay import class_breaks, legend, overlay_colours, subtree_totals
from widgets.map.renderer import MapContent, MapRenderer
from widgets.map.scene import MapScene
from widgets.map.style import OVERLAY_ZERO
from widgets.map.viewport import Viewport, interpolate

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]


@pytest.fixture(scope="module")
def district():
    features = district_layout(7)
    ids = {f.code: i for i, f in enumerate(features, start=1)}
    records = [
        GridRecord(ids[f.code], f.code, f.name, f.level, ids.get(f.parent_code), f.geometry) for f in features
    ]
    return MapScene(records), ids, detailed_compound_code(features)


def test_scene_answers_every_level_under_a_point(district):
    scene, ids, compound = district
    building = ids[f"{compound}001"]
    hits = scene.grids_at(scene.grids[building].anchor)
    assert hits == [ids[compound[:9]], ids[compound[:12]], ids[compound], building]
    assert [len([g for g in scene.grids.values() if g.level == level]) for level in (1, 2, 3, 4)] == [
        18,
        175,
        846,
        44 + 17 * 2,  # the detailed compound's buildings, two in one compound of every other street
    ]
    assert not scene.grids[ids[compound]].tiled and scene.grids[ids[compound[:12]]].tiled
    # The compound's label sits on open ground, not on a building.
    anchor = scene.grids[ids[compound]].anchor
    assert scene.grids_at(anchor)[-1] == ids[compound]


def test_level_of_detail_walks_down_the_tree_with_zoom(district):
    scene, ids, compound = district
    whole = Viewport(QPointF(), 1.0, 1920, 1080).fitted(scene.bounds())
    at_district = visible_detail(scene, whole.map_rect(), whole.scale, None)
    assert {scene.grids[g].level for g in at_district.regions} == {1} and len(at_district.regions) == 18
    street = scene.grids[ids[compound[:9]]]
    closer = whole.fitted(street.bounds)
    at_street = visible_detail(scene, closer.map_rect(), closer.scale, None)
    assert street.extent * closer.scale > EXPAND_PX
    assert set(street.children) <= set(at_street.regions)
    assert street.id in at_street.boundaries
    # A grid drilled into is open whatever the zoom; its neighbours are not.
    focused = visible_detail(scene, whole.map_rect(), whole.scale, ids[compound[:12]])
    assert set(scene.grids[ids[compound[:12]]].children) <= set(focused.regions)
    assert {scene.grids[g].level for g in focused.regions} == {1, 2, 3}
    # Only what is in view is visited.
    corner = QRectF(whole.map_rect().topLeft(), QSizeF(10.0, 10.0))
    assert visible_detail(scene, corner, whole.scale, None).regions == []


def test_painted_labels_never_overlap(district):
    scene, ids, compound = district
    renderer = MapRenderer(scene, "Noto Sans CJK SC")
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    base = Viewport(QPointF(), 1.0, 1920, 1080)
    for rect in (scene.bounds(), scene.grids[ids[compound[:9]]].bounds, scene.grids[ids[compound]].bounds):
        painter = QPainter(image)
        frame = renderer.paint_static(painter, base.fitted(rect), MapContent())
        painter.end()
        assert len(frame.labels) >= 10
        for a, b in itertools.combinations(frame.labels.values(), 2):
            assert not a.intersects(b)


def test_a_small_map_dock_names_every_street_that_has_the_room(district):
    """At the whole district in a 1920x1080 window's map dock (~456 px wide) the streets' cells are
    60-90 px across: their names go on two lines, smaller, or without 街道 rather than being left out
    (4 of 18 were named before)."""
    scene, _ids, _compound = district
    renderer = MapRenderer(scene, "Noto Sans CJK SC")
    image = QImage(456, 600, QImage.Format.Format_ARGB32_Premultiplied)
    viewport = Viewport(QPointF(), 1.0, 456, 600).fitted(scene.bounds())
    painter = QPainter(image)
    frame = renderer.paint_static(painter, viewport, MapContent())
    painter.end()
    streets = [g for g in scene.grids.values() if g.level == 1]
    named = [g for g in streets if g.id in frame.labels]
    assert len(named) >= len(streets) - 1
    for a, b in itertools.combinations(frame.labels.values(), 2):
        assert not a.intersects(b)


def test_a_long_name_wraps_at_its_suffix_and_has_a_short_form():
    from widgets.map.labels import LabelBook, split_name

    assert split_name("铭功路街道") == ("铭功路", "街道")
    assert split_name("幸福里社区") == ("幸福里", "社区")
    assert split_name("大学路") == ("大学路",)
    book = LabelBook("Noto Sans CJK SC")
    forms = book.variants(1, "铭功路街道", 1)
    assert [len(f.lines) for f in forms] == [1, 2, 1, 2, 1]
    assert forms[-1].size.width() < forms[0].size.width() / 1.5  # 铭功路, smaller


def test_label_placer_refuses_overlaps_only():
    placer = LabelPlacer()
    assert placer.place(QPointF(100, 100), QSizeF(60, 16)) is not None
    assert placer.place(QPointF(130, 105), QSizeF(60, 16)) is None
    assert placer.place(QPointF(100, 140), QSizeF(60, 16)) is not None
    assert placer.place(QPointF(400, 100), QSizeF(300, 16)) is not None  # spans several buckets


def test_counts_add_up_the_tree_and_classes_follow_each_level(district):
    scene, ids, compound = district
    counts = {ids[compound]: 6, ids[f"{compound}001"]: 2, ids[compound[:12] + "001"]: 1}
    totals = subtree_totals(scene, counts)
    assert compound[-3:] != "001"  # the seed-7 district: the three counts sit in three grids
    assert totals[ids[compound]] == 8 and totals[ids[compound[:12]]] == 9
    assert totals[ids[compound[:9]]] == totals[ids[compound[:12]]]
    assert sum(totals[r] for r in scene.roots) == 9
    colours = overlay_colours(scene, counts)
    quiet = next(r for r in scene.roots if r != ids[compound[:9]])
    assert colours.fills[quiet] == OVERLAY_ZERO
    assert colours.fills[ids[compound[:9]]] != OVERLAY_ZERO


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0, 0], [1, 2, 3, 4]),
        ([3], [1, 2, 3, 4]),
        ([12], [1, 3, 6, 9]),
        ([5], [1, 2, 3, 4]),
        ([100], [1, 25, 50, 75]),
    ],
)
def test_class_breaks(values, expected):
    breaks = class_breaks(values)
    assert breaks == expected
    assert [entry.text for entry in legend(breaks)][0] == "0"


def test_viewport_zoom_keeps_the_point_under_the_cursor_and_flights_end_where_asked():
    view = Viewport(QPointF(1000.0, -500.0), 0.5, 800, 600)
    cursor = QPointF(123.0, 456.0)
    under = view.to_map(cursor)
    zoomed = view.zoomed(3.0, cursor)
    assert zoomed.scale == pytest.approx(1.5)
    assert zoomed.to_screen(under).x() == pytest.approx(cursor.x())
    assert zoomed.to_screen(under).y() == pytest.approx(cursor.y())
    target = view.fitted(QRectF(5000, 5000, 200, 100))
    assert target.map_rect().contains(QRectF(5000, 5000, 200, 100))
    assert interpolate(view, target, 0.0).centre == view.centre
    assert interpolate(view, target, 1.0).scale == pytest.approx(target.scale)
    assert interpolate(view, target, 1.0).centre.x() == pytest.approx(target.centre.x())
    middle = interpolate(view, target, 0.5)
    assert view.scale < middle.scale < target.scale
