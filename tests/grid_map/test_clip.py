"""`--clip` makes a clean tree of boundaries simplified apart: children inside their parents and
siblings clear of each other, by a rule that does not depend on the file's order; gross errors stay
errors."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry import Polygon, box

from grid_map.clip import clip_to_parents
from grid_map.feature import GridFeature
from grid_map.geojson import read_grids
from grid_map.metres import LocalMetres
from grid_map.validate import GridFileError, IndexedFeature, check_features
from tests.grid_map import datav, sample

STREET = GridFeature("S", "街道", 1, None, box(113.60, 34.70, 113.62, 34.72))


def outlines(features) -> dict:
    return {f.code: f.geometry for f in features}


def test_clipped_datav_levels_validate_without_a_single_stray(tmp_path):
    path = sample.write(tmp_path / "city.geojson", datav.published())
    raw = read_grids(path)
    assert sum("overlaps sibling" in w.message for w in raw.warnings) >= 10
    clipped = read_grids(path, clip=True).features
    findings = check_features([IndexedFeature(i, f) for i, f in enumerate(clipped)])
    assert findings.errors == [] and findings.warnings == []
    city = outlines(clipped)[datav.CITY_CODE]
    districts = [f for f in clipped if f.level == 2]
    assert all(d.geometry.is_valid for d in districts)
    # nothing but slivers moved: what the districts cover is what they covered inside the city
    before = shapely.union_all([f.geometry for f in raw.features if f.level == 2]).intersection(city)
    after = shapely.union_all([d.geometry for d in districts])
    local = LocalMetres.around(city)
    assert local.area_m2(before.symmetric_difference(after)) < 1.0
    for district in districts:  # each lost only what lay outside the city or inside a neighbour
        lost = outlines(raw.features)[district.code].difference(district.geometry)
        neighbours = shapely.union_all(
            [f.geometry for f in raw.features if f.level == 2 and f.code != district.code]
        )
        assert local.area_m2(lost.difference(neighbours).intersection(city)) < 1.0


def test_the_rule_does_not_depend_on_the_files_order(tmp_path):
    data = datav.published()
    forward = read_grids(sample.write(tmp_path / "a.geojson", data), clip=True).features
    data["features"] = [data["features"][0], *reversed(data["features"][1:])]
    backward = outlines(read_grids(sample.write(tmp_path / "b.geojson", data), clip=True).features)
    assert all(f.geometry.equals_exact(backward[f.code], 0) for f in forward)


def test_a_piece_stays_with_the_sibling_it_is_attached_to_and_a_tie_with_the_earlier_code():
    west = box(113.60, 34.70, 113.61, 34.72)
    bump = box(113.61, 34.705, 113.6101, 34.706)  # ~9 m of the west sticking into the east
    east = box(113.61, 34.70, 113.62, 34.72)
    lens = Polygon([(113.6099, 34.712), (113.61, 34.7125), (113.6101, 34.712), (113.61, 34.7115)])
    features = [
        GridFeature("S-2", "东", 2, "S", east.union(lens)),
        GridFeature("S-1", "西", 2, "S", west.union(bump).union(lens)),
    ]
    east_out, west_out = (f.geometry for f in clip_to_parents([STREET, *features])[1:])
    assert east_out.contains(bump.buffer(-1e-7)) and not west_out.intersects(bump.buffer(-1e-7))
    assert west_out.contains(lens.buffer(-1e-7)) and not east_out.intersects(lens.buffer(-1e-7))
    assert east_out.intersection(west_out).area == pytest.approx(0, abs=1e-15)


def test_a_grid_in_the_store_is_never_trimmed():
    stored = GridFeature("S-1", "西", 2, "S", box(113.60, 34.70, 113.6101, 34.72))
    new = GridFeature("S-2", "东", 2, "S", box(113.61, 34.70, 113.62, 34.72))
    [clipped] = clip_to_parents([new], [STREET, stored])
    assert clipped.geometry.equals(box(113.6101, 34.70, 113.62, 34.72))


def test_a_gross_sibling_overlap_is_still_refused_with_clip(tmp_path):
    data = datav.published()
    first = shapely.geometry.shape(data["features"][1]["geometry"])
    second = data["features"][2]
    grown = shapely.geometry.shape(second["geometry"]).union(first.buffer(-0.01))  # most of the first
    second["geometry"] = shapely.geometry.mapping(grown)
    with pytest.raises(GridFileError) as caught:
        read_grids(sample.write(tmp_path / "city.geojson", data), clip=True)
    assert any("overlaps sibling" in e.message for e in caught.value.errors)
