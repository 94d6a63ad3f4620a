"""The demo district's geometry: Erqi-scale counts, an exact tiling, names, codes, one detailed compound."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import pytest
import shapely

from app.demo.district import detailed_compound_code, district_layout, sample_compound_codes
from grid_map.metres import LocalMetres
from grid_map.validate import IndexedFeature, validate_features

LOCAL = LocalMetres(113.6, 34.7)


@pytest.fixture(scope="module")
def features():
    return district_layout(7)


@pytest.fixture(scope="module")
def children(features):
    found = defaultdict(list)
    for feature in features:
        found[feature.parent_code].append(feature)
    return found


def test_counts_match_erqi_district(features):
    assert Counter(f.level for f in features) == {1: 18, 2: 175, 3: 846, 4: 44 + 17 * 2}


def test_the_same_seed_gives_the_same_district_and_another_seed_does_not(features):
    again = district_layout(7)
    assert [(f.code, f.name) for f in again] == [(f.code, f.name) for f in features]
    assert all(a.geometry.equals_exact(b.geometry, 0) for a, b in zip(again, features, strict=True))
    other = district_layout(8)
    assert [f.geometry.wkb for f in other[:5]] != [f.geometry.wkb for f in features[:5]]


def test_district_is_about_15_by_12_km_around_113_6_34_7(features):
    streets = shapely.union_all([f.geometry for f in features if f.level == 1])
    min_x, min_y, max_x, max_y = LOCAL.to_metres(streets).bounds
    assert max_x - min_x == pytest.approx(15_000, rel=0.02)
    assert max_y - min_y == pytest.approx(12_000, rel=0.02)
    centre = streets.centroid
    assert abs(centre.x - 113.6) < 0.03 and abs(centre.y - 34.7) < 0.03


def test_children_partition_their_parent_exactly(features, children):
    for parent in (f for f in features if f.level <= 2):
        kids = children[parent.code]
        assert len(kids) >= 2
        parent_area = LOCAL.area_m2(parent.geometry)
        assert sum(LOCAL.area_m2(k.geometry) for k in kids) == pytest.approx(parent_area, abs=0.01)
        union = shapely.union_all([k.geometry for k in kids])
        assert LOCAL.area_m2(union.symmetric_difference(parent.geometry)) < 0.01


def test_no_two_grids_of_a_level_overlap(features):
    for level in (1, 2, 3, 4):
        geometries = np.array([f.geometry for f in features if f.level == level], dtype=object)
        tree = shapely.STRtree(geometries)
        left, right = tree.query(geometries, predicate="intersects")
        pairs = left < right
        overlaps = shapely.area(
            LOCAL.to_metres(shapely.intersection(geometries[left[pairs]], geometries[right[pairs]]))
        )
        assert overlaps.max(initial=0.0) < 0.01, level


def test_the_layout_passes_import_validation(features):
    assert validate_features([IndexedFeature(i, f) for i, f in enumerate(features)]) == []


def test_every_grid_is_one_valid_polygon(features):
    assert all(f.geometry.geom_type == "Polygon" and f.geometry.is_valid for f in features)


def test_codes_are_hierarchical(features):
    for feature in features:
        assert len(feature.code) == 6 + 3 * feature.level and feature.code.startswith("410103")
        if feature.parent_code:
            assert feature.code[:-3] == feature.parent_code


def test_names_are_chinese_and_unique_per_level(features):
    by_level = defaultdict(list)
    for feature in features:
        by_level[feature.level].append(feature.name)
    assert "建中街街道" in by_level[1] and all(n.endswith(("街道", "镇")) for n in by_level[1])
    assert all(n.endswith("社区") for n in by_level[2])
    assert all(
        n.endswith(
            ("小区", "家园", "花园", "新城", "嘉园", "雅苑", "华庭", "公寓", "名苑", "佳苑", "家属院", "新村")
        )
        for n in by_level[3]
    )
    for level in (1, 2, 3):
        assert len(set(by_level[level])) == len(by_level[level])


def test_one_compound_holds_44_buildings_in_rows(features):
    compound_code = detailed_compound_code(features)
    compound = next(f for f in features if f.code == compound_code)
    buildings = [f for f in features if f.level == 4 and f.parent_code == compound_code]
    assert compound.level == 3
    assert [b.name for b in buildings] == [f"{n}号楼" for n in range(1, 45)]
    for building in buildings:
        assert compound.geometry.contains(building.geometry)
        min_x, min_y, max_x, max_y = LOCAL.to_metres(building.geometry).bounds
        assert (max_x - min_x, max_y - min_y) == pytest.approx((48, 14), abs=0.01)
    rows = {round(LOCAL.to_metres(b.geometry).centroid.y, 3) for b in buildings}
    assert 4 <= len(rows) <= 11


def test_every_other_street_has_one_compound_with_two_buildings(features):
    by_code = {f.code: f for f in features}
    samples = sample_compound_codes(features)
    detailed_street = by_code[by_code[detailed_compound_code(features)].parent_code].parent_code
    streets = [by_code[by_code[code].parent_code].parent_code for code in samples]
    assert sorted(streets) == sorted(f.code for f in features if f.level == 1 and f.code != detailed_street)
    for code in samples:
        buildings = [f for f in features if f.parent_code == code]
        assert [b.name for b in buildings] == ["1号楼", "2号楼"]
        assert all(by_code[code].geometry.contains(b.geometry) for b in buildings)
        assert not buildings[0].geometry.intersects(buildings[1].geometry)


def test_single_and_batch_lookups_agree_everywhere_including_borders(features):
    from grid_map.index import GridIndex

    index = GridIndex(features)
    rng = np.random.default_rng(17)
    min_x, min_y, max_x, max_y = shapely.total_bounds([f.geometry for f in features])
    vertices = np.concatenate([shapely.get_coordinates(f.geometry) for f in features if f.level == 3][::7])
    lons = np.concatenate((rng.uniform(min_x - 0.01, max_x + 0.01, 20_000), vertices[:, 0]))
    lats = np.concatenate((rng.uniform(min_y - 0.01, max_y + 0.01, 20_000), vertices[:, 1]))
    batch = index.deepest_indices(lons, lats)
    single = [index._deepest(lon, lat) for lon, lat in zip(lons.tolist(), lats.tolist(), strict=True)]
    assert batch.tolist() == single
    assert (batch[20_000:] >= 0).all()  # every compound corner is inside the district
    levels = Counter(features[i].level if i >= 0 else 0 for i in batch[:20_000].tolist())
    assert levels[0] > 0 and levels[3] > 0 and set(levels) <= {0, 3, 4}
