"""Boundaries as published: strays within the tolerance warn, gross ones refuse; crs members; swapped axes."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import box, mapping, shape

from grid_map.file_crs import MERCATOR_RADIUS
from grid_map.geojson import read_grids
from grid_map.metres import LocalMetres
from grid_map.tolerance import Tolerance, measure_stray
from grid_map.validate import GridFileError
from tests.grid_map import datav, sample


def outlines(features) -> dict:
    return {f.code: f.geometry for f in features}


def test_datav_style_levels_import_with_a_warning_for_each_sliver(tmp_path):
    read = read_grids(sample.write(tmp_path / "city.geojson", datav.published()), "gcj02")
    outside = [w for w in read.warnings if "outside its parent" in w.message]
    overlaps = [w for w in read.warnings if "overlaps sibling" in w.message]
    assert len(outside) >= 6 and len(overlaps) >= 10
    areas = [w.stray.area_m2 for w in outside]
    assert min(areas) > 6_000 and max(areas) < 3_500_000  # the sizes the issue measured on DataV
    assert max(w.stray.share for w in read.warnings) < 0.0036
    assert all(w.stray.width_m > 20 for w in outside)  # wide: tolerated by their share of the district
    assert str(outside[0]).startswith(f"features[{outside[0].index}] 编码 code 4101") and "m²" in str(
        outside[0]
    )


def test_clip_puts_every_district_inside_the_city(tmp_path):
    read = read_grids(sample.write(tmp_path / "city.geojson", datav.published()), clip=True)
    city = outlines(read.features)[datav.CITY_CODE]
    districts = [f for f in read.features if f.level == 2]
    assert len(districts) == datav.DISTRICTS and all(d.geometry.is_valid for d in districts)
    assert all(measure_stray(d.geometry.difference(city), d.geometry) is None for d in districts)
    raw = outlines(read_grids(sample.write(tmp_path / "raw.geojson", datav.published())).features)
    for district in districts:  # only what lay outside the city or inside a neighbour was cut away
        lost = raw[district.code].difference(district.geometry)
        others = shapely.union_all(
            [g for code, g in raw.items() if code not in (district.code, datav.CITY_CODE)]
        )
        assert lost.difference(raw[district.code].difference(city)).difference(others).area == pytest.approx(
            0, abs=1e-12
        )


def _grown(district: int, share: float) -> dict:
    """The published file with one district given a square outside the city of `share` of its area."""
    data = datav.published()
    feature = data["features"][district]
    outline = shape(feature["geometry"])
    side = (LocalMetres.around(outline).area_m2(outline) * share) ** 0.5 / 111_000
    east = shape(data["features"][0]["geometry"]).bounds[2] + 0.05
    lat = outline.centroid.y
    feature["geometry"] = mapping(outline.union(box(east, lat, east + side * 1.22, lat + side)))
    return data


def test_a_district_five_percent_outside_the_city_is_still_refused(tmp_path):
    with pytest.raises(GridFileError) as caught:
        read_grids(sample.write(tmp_path / "city.geojson", _grown(3, 0.05)))
    [error] = caught.value.errors
    assert error.code == datav.district_code(3) and "outside its parent" in error.message
    assert "% of the grid" in error.message


def test_a_child_in_the_wrong_parent_is_refused(tmp_path):
    data = datav.published()
    inside_first = shape(data["features"][1]["geometry"]).representative_point()
    street = box(
        inside_first.x - 0.005, inside_first.y - 0.005, inside_first.x + 0.005, inside_first.y + 0.005
    )
    data["features"].append(sample.feature("410101001", "错挂街道", 3, datav.district_code(2), street))
    with pytest.raises(GridFileError) as caught:
        read_grids(sample.write(tmp_path / "city.geojson", data))
    assert [e.code for e in caught.value.errors] == ["410101001"]


def test_strict_tolerance_refuses_the_slivers(tmp_path):
    with pytest.raises(GridFileError) as caught:
        read_grids(sample.write(tmp_path / "city.geojson", datav.published()), tolerance=Tolerance.parse("0"))
    assert len(caught.value.errors) >= 16


def test_a_thin_stray_that_is_a_large_part_of_a_building_is_an_error(tmp_path):
    data = sample.collection()  # building 1 drawn 10 m into the next compound: thin, yet a fifth of it
    data["features"][sample.index_of(data, sample.BUILDING_1)]["geometry"] = mapping(
        box(113.5999, 34.702, 113.6004, 34.7022)
    )
    with pytest.raises(GridFileError):
        read_grids(sample.write(tmp_path / "g.geojson", data))


@pytest.mark.parametrize(
    ("text", "width", "share"),
    [("20m,0.5%", 20, 0.005), ("35m", 35, 0.005), ("1%", 20, 0.01), ("0", 0, 0), (" 5 米 ， 2% ", 5, 0.02)],
)
def test_tolerance_parse(text, width, share):
    assert Tolerance.parse(text) == Tolerance(width, share)


def test_tolerance_parse_refuses_nonsense():
    with pytest.raises(ValueError, match="20m,0.5%"):
        Tolerance.parse("twenty")


def _to_mercator(coords: np.ndarray) -> np.ndarray:
    """Lon/lat to EPSG:3857 metres, written from the projection's definition (not the reader's inverse)."""
    out = np.empty_like(coords)
    out[:, 0] = MERCATOR_RADIUS * np.radians(coords[:, 0])
    out[:, 1] = MERCATOR_RADIUS * np.log(np.tan(np.pi / 4 + np.radians(coords[:, 1]) / 2))
    return out


@pytest.mark.parametrize("name", ["EPSG:3857", "urn:ogc:def:crs:EPSG::3857"])
def test_a_web_mercator_file_is_read_in_degrees(tmp_path, name):
    data = sample.collection()
    for feature in data["features"]:
        feature["geometry"] = mapping(shapely.transform(shape(feature["geometry"]), _to_mercator))
    data["crs"] = {"type": "name", "properties": {"name": name}}
    read = read_grids(sample.write(tmp_path / "m.geojson", data))
    street = outlines(read.features)[sample.STREET]
    assert street.bounds == pytest.approx(sample.BOXES[sample.STREET], abs=1e-9)


@pytest.mark.parametrize("name", ["urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "EPSG:4490"])
def test_degree_crs_members_read_as_they_are(tmp_path, name):
    data = sample.collection() | {"crs": {"type": "name", "properties": {"name": name}}}
    assert len(read_grids(sample.write(tmp_path / "d.geojson", data)).features) == len(sample.TREE)


def test_another_crs_is_refused_by_name(tmp_path):
    data = sample.collection() | {"crs": {"type": "name", "properties": {"name": "EPSG:4547"}}}
    with pytest.raises(GridFileError) as caught:
        read_grids(sample.write(tmp_path / "cgcs.geojson", data))
    [error] = caught.value.errors
    assert "EPSG:4547" in error.message and "EPSG:3857" in error.message


def test_swapped_coordinates_out_of_range_say_so(tmp_path):
    data = sample.collection()
    data["features"][0]["geometry"] = mapping(box(34.70, 113.60, 34.72, 113.62))
    with pytest.raises(GridFileError) as caught:
        read_grids(sample.write(tmp_path / "s.geojson", data))
    assert "look swapped" in caught.value.errors[0].message


def test_swapped_coordinates_in_range_are_a_warning(tmp_path):
    """A site in Xinjiang (lon 80, lat 40) written lat first still reads as degrees: warn, import."""
    data = {
        "type": "FeatureCollection",
        "features": [sample.feature("650100", "乌鲁木齐", 1, "", box(40.0, 80.0, 40.5, 80.5))],
    }
    read = read_grids(sample.write(tmp_path / "xj.geojson", data))
    [warning] = read.warnings
    assert warning.code == "650100" and "swapped" in warning.message
