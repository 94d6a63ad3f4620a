"""Reading grid files: every kind of error, each from a small bad file, all reported at once."""

from __future__ import annotations

import re

import pytest
from shapely.geometry import Polygon, box, mapping

from grid_map.crs import Crs, from_wgs84
from grid_map.geojson import load_grid_file, read_grid_file
from grid_map.validate import GridFileError
from tests.grid_map import sample


def errors_of(tmp_path, data, **kwargs) -> list:
    path = sample.write(tmp_path / "grids.geojson", data)
    with pytest.raises(GridFileError) as caught:
        read_grid_file(path, **kwargs)
    assert str(path) in str(caught.value)
    return caught.value.errors


def only_error(tmp_path, data) -> object:
    errors = errors_of(tmp_path, data)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_valid_sample_reads_in_file_order(tmp_path):
    features = read_grid_file(sample.write(tmp_path / "ok.geojson", sample.collection()))
    assert [f.code for f in features] == [row[0] for row in sample.TREE]
    street = features[0]
    assert street.parent_code is None and street.level == 1 and street.name == "建中街街道"
    assert features[-1].parent_code == sample.WEST_SOUTH


def test_unreadable_json_names_line_and_column(tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature",,}\n ]}\n')
    with pytest.raises(GridFileError) as caught:
        read_grid_file(path)
    message = str(caught.value)
    assert "broken.geojson" in message and "line 3" in message and "第 3 行" in message


def test_missing_file_is_a_plain_error(tmp_path):
    with pytest.raises(GridFileError, match="无法读取文件"):
        read_grid_file(tmp_path / "nowhere.geojson")


def test_not_a_feature_collection(tmp_path):
    error = only_error(tmp_path, {"type": "Feature", "properties": {}, "geometry": None})
    assert "FeatureCollection" in error.message


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("code", None, "missing property code"),
        ("name", None, "missing property name"),
        ("level", None, "missing property level"),
        ("code", 410103001001, "property code must be a non-empty string"),
        ("name", "  ", "property name must be a non-empty string"),
        ("level", "2", "property level must be an integer 1-4"),
        ("level", 5, "property level must be an integer 1-4"),
        ("level", True, "property level must be an integer 1-4"),
        ("parent", 410103001, "property parent must be a string"),
    ],
)
def test_missing_or_ill_typed_properties(tmp_path, key, value, expected):
    data = sample.collection()
    where = sample.index_of(data, sample.WEST)
    properties = data["features"][where]["properties"]
    if value is None:
        del properties[key]
    else:
        properties[key] = value
    errors = errors_of(tmp_path, data)
    assert any(expected in e.message and e.index == where for e in errors), [str(e) for e in errors]


def test_level_one_with_a_parent(tmp_path):
    data = sample.collection()
    data["features"][0]["properties"]["parent"] = "410103"
    error = only_error(tmp_path, data)
    assert error.index == 0 and "level-1 grid has no parent" in error.message


def test_level_two_without_a_parent(tmp_path):
    data = sample.collection()
    data["features"][sample.index_of(data, sample.EAST)]["properties"]["parent"] = ""
    error = only_error(tmp_path, data)
    assert error.code == sample.EAST and "needs a parent" in error.message


def test_point_geometry_is_refused(tmp_path):
    data = sample.collection()
    data["features"][1]["geometry"] = {"type": "Point", "coordinates": [113.6, 34.7]}
    errors = errors_of(tmp_path, data)
    assert any(e.index == 1 and "Point" in e.message and "Polygon" in e.message for e in errors)


def test_coordinates_in_metres_are_refused(tmp_path):
    data = sample.collection()
    data["features"][0]["geometry"] = mapping(box(12_645_000, 4_122_000, 12_647_000, 4_124_000))
    errors = errors_of(tmp_path, data)
    assert any(e.index == 0 and "longitude, latitude" in e.message for e in errors)


def test_duplicate_codes_name_both_features(tmp_path):
    data = sample.collection()
    twin = sample.index_of(data, sample.EAST_NORTH)
    data["features"][twin]["properties"]["code"] = sample.EAST_SOUTH
    error = only_error(tmp_path, data)
    assert error.index == twin and error.code == sample.EAST_SOUTH
    assert f"features[{sample.index_of(data, sample.EAST_SOUTH)}]" in error.message


def test_unknown_parent(tmp_path):
    data = sample.collection()
    where = sample.index_of(data, sample.EAST_NORTH)
    data["features"][where]["properties"]["parent"] = "410103009009"
    error = only_error(tmp_path, data)
    assert (error.index, error.code) == (where, sample.EAST_NORTH)
    assert "unknown parent code 410103009009" in error.message


def test_parent_not_one_level_up(tmp_path):
    data = sample.collection()
    where = sample.index_of(data, sample.EAST_NORTH)
    data["features"][where]["properties"]["parent"] = sample.STREET  # a compound directly under a street
    error = only_error(tmp_path, data)
    assert error.index == where and "must be level 2, not 3" in error.message


def test_self_intersection_says_where(tmp_path):
    data = sample.collection()
    where = sample.index_of(data, sample.EAST_NORTH)
    bowtie = Polygon([(113.61, 34.71), (113.62, 34.72), (113.62, 34.71), (113.61, 34.72)])
    data["features"][where]["geometry"] = mapping(bowtie)
    error = only_error(tmp_path, data)
    assert error.index == where and "Self-intersection" in error.message and "自相交" in error.message
    lon, lat = (float(v) for v in re.search(r"lon ([\d.]+), lat ([\d.]+)", error.message).groups())
    assert lon == pytest.approx(113.615, abs=1e-6) and lat == pytest.approx(34.715, abs=1e-6)


def test_child_outside_parent_reports_square_metres(tmp_path):
    data = sample.collection()
    where = sample.index_of(data, sample.EAST_NORTH)
    # Push the compound 0.001 degree (~91 m) east, past the street's edge, over 0.01 degree (~1.1 km).
    data["features"][where]["geometry"] = mapping(box(113.61, 34.71, 113.621, 34.72))
    errors = errors_of(tmp_path, data)
    outside = [e for e in errors if "outside its parent" in e.message]
    assert len(outside) == 1 and outside[0].index == where and sample.EAST in outside[0].message
    area = float(re.search(r"lies ([\d,.]+) m²", outside[0].message).group(1).replace(",", ""))
    expected = 0.001 * 91_560 * 0.01 * 111_195  # metres per degree of lon at 34.715 N, of lat
    assert area == pytest.approx(expected, rel=0.01)


def test_overlapping_siblings_report_the_overlap_area(tmp_path):
    data = sample.collection()
    where = sample.index_of(data, sample.WEST_NORTH)
    # Grow the north-west compound 0.0005 degree (~56 m) south into its sibling.
    data["features"][where]["geometry"] = mapping(box(113.60, 34.7095, 113.61, 34.72))
    error = only_error(tmp_path, data)
    assert error.index == where and sample.WEST_SOUTH in error.message
    area = float(re.search(r"by ([\d,.]+) m²", error.message).group(1).replace(",", ""))
    assert area == pytest.approx(0.01 * 91_560 * 0.0005 * 111_195, rel=0.01)


def test_digitising_noise_is_tolerated(tmp_path):
    data = sample.collection()
    where = sample.index_of(data, sample.WEST_NORTH)
    # A 10 cm overlap along a 900 m border and a 10 cm overshoot of the street: noise, not errors.
    data["features"][where]["geometry"] = mapping(box(113.5999989, 34.7099991, 113.61, 34.72))
    assert len(read_grid_file(sample.write(tmp_path / "noisy.geojson", data))) == len(sample.TREE)


def test_micro_grids_need_not_tile_their_compound(tmp_path):
    data = sample.collection()
    assert [f.level for f in read_grid_file(sample.write(tmp_path / "ok.geojson", data))].count(4) == 2


def test_overlapping_buildings_are_an_error(tmp_path):
    data = sample.collection()
    where = sample.index_of(data, sample.BUILDING_2)
    data["features"][where]["geometry"] = mapping(box(113.602, 34.7021, 113.6025, 34.7031))
    error = only_error(tmp_path, data)
    assert error.index == where and sample.BUILDING_1 in error.message


def test_every_error_is_reported_at_once(tmp_path):
    data = sample.collection()
    data["features"][sample.index_of(data, sample.EAST)]["properties"]["level"] = "two"
    data["features"][sample.index_of(data, sample.EAST_NORTH)]["properties"]["parent"] = "nope"
    data["features"][sample.index_of(data, sample.WEST_NORTH)]["geometry"] = mapping(
        box(113.60, 34.7095, 113.61, 34.72)
    )
    data["features"].append(sample.feature(sample.BUILDING_1, "3号楼", 4, sample.WEST_SOUTH))
    errors = errors_of(tmp_path, data)
    kinds = {
        "property level": sample.EAST,
        "unknown parent": sample.EAST_NORTH,
        "overlaps sibling": sample.WEST_NORTH,
        "duplicate code": sample.BUILDING_1,
    }
    for phrase, code in kinds.items():
        assert any(phrase in e.message and e.code == code and e.index is not None for e in errors), phrase
    # The unreadable east community does not make its compounds "orphans" too.
    assert len(errors) == 4, [str(e) for e in errors]


@pytest.mark.parametrize("crs", [Crs.GCJ02, Crs.BD09])
def test_chinese_map_coordinates_are_converted_on_import(tmp_path, crs):
    data = sample.collection()
    for item in data["features"]:
        wgs = Polygon(item["geometry"]["coordinates"][0])
        item["geometry"] = mapping(from_wgs84(wgs, crs))
    features = read_grid_file(sample.write(tmp_path / f"{crs}.geojson", data), crs=crs)
    street = features[0].geometry
    assert street.bounds == pytest.approx(sample.BOXES[sample.STREET], abs=1e-6)


def test_multipolygons_are_accepted(tmp_path):
    data = sample.collection()
    where = sample.index_of(data, sample.BUILDING_2)
    data["features"][where]["geometry"] = {
        "type": "MultiPolygon",
        "coordinates": [
            mapping(box(113.602, 34.703, 113.6025, 34.7032))["coordinates"],
            mapping(box(113.603, 34.703, 113.6035, 34.7032))["coordinates"],
        ],
    }
    items, errors = load_grid_file(sample.write(tmp_path / "multi.geojson", data))
    assert errors == [] and items[where].feature.geometry.geom_type == "MultiPolygon"


def test_overlap_area_counts_polygons_inside_mixed_collections():
    from shapely.geometry import GeometryCollection, LineString, MultiPolygon

    from grid_map.validate import significant_area_m2

    squares = MultiPolygon([box(113.6, 34.7, 113.601, 34.701), box(113.61, 34.7, 113.611, 34.701)])
    mixed = GeometryCollection([squares, LineString([(113.6, 34.7), (113.7, 34.8)])])
    one_square = 0.001 * 91_560 * 0.001 * 111_195
    assert significant_area_m2(mixed) == pytest.approx(2 * one_square, rel=0.01)


def test_3d_coordinates_are_flattened(tmp_path):
    data = sample.collection()
    for item in data["features"]:
        item["geometry"]["coordinates"] = [
            [[x, y, 120.0] for x, y in ring] for ring in item["geometry"]["coordinates"]
        ]
    features = read_grid_file(sample.write(tmp_path / "z.geojson", data))
    assert not any(f.geometry.has_z for f in features)


def test_children_of_an_unreadable_grid_are_still_checked_against_each_other(tmp_path):
    data = sample.collection()
    del data["features"][sample.index_of(data, sample.WEST)]["properties"]["name"]
    where = sample.index_of(data, sample.WEST_NORTH)
    data["features"][where]["geometry"] = mapping(box(113.60, 34.7095, 113.61, 34.72))
    errors = errors_of(tmp_path, data)
    assert [(e.index, e.code) for e in errors] == [
        (sample.index_of(data, sample.WEST), sample.WEST),
        (where, sample.WEST_NORTH),
    ]
    assert "missing property name" in errors[0].message and "overlaps sibling" in errors[1].message
