"""Point -> grid chain lookups: chains, micro-grids, borders, outside points, batches."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from grid_map.feature import GridFeature
from grid_map.index import OUTSIDE, GridIndex
from tests.grid_map import sample


@pytest.fixture(scope="module")
def index() -> GridIndex:
    features = [
        GridFeature(code, name, level, parent or None, box(*sample.BOXES[code]))
        for code, name, level, parent in sample.TREE
    ]
    return GridIndex(features)


def codes(chain) -> list[str]:
    return [f.code for f in chain]


def test_point_in_a_compound_gives_the_chain_from_the_street(index):
    assert codes(index.locate(113.615, 34.715)) == [sample.STREET, sample.EAST, sample.EAST_NORTH]


def test_point_in_a_building_ends_at_the_micro_grid(index):
    chain = index.locate(113.6022, 34.7021)
    assert codes(chain) == [sample.STREET, sample.WEST, sample.WEST_SOUTH, sample.BUILDING_1]
    assert [f.level for f in chain] == [1, 2, 3, 4]


def test_point_in_the_compound_yard_stops_at_the_compound(index):
    assert codes(index.locate(113.605, 34.705)) == [sample.STREET, sample.WEST, sample.WEST_SOUTH]


def test_outside_every_grid_is_empty(index):
    assert index.locate(113.5, 34.7) == []
    assert index.locate_code(113.5, 34.7) is None


def test_shared_border_resolves_to_the_smallest_code_whatever_the_load_order(index):
    corner = (113.61, 34.71)  # where all four compounds meet
    edge = (113.61, 34.705)  # between the two southern compounds (and the two communities)
    assert codes(index.locate(*corner)) == [sample.STREET, sample.WEST, sample.WEST_SOUTH]
    assert codes(index.locate(*edge)) == [sample.STREET, sample.WEST, sample.WEST_SOUTH]
    reversed_index = GridIndex(list(reversed(index.features)))
    for point in (corner, edge, (113.61, 34.715), (113.605, 34.71)):
        assert codes(reversed_index.locate(*point)) == codes(index.locate(*point))


def test_a_point_on_the_outer_edge_is_inside(index):
    assert codes(index.locate(113.62, 34.715)) == [sample.STREET, sample.EAST, sample.EAST_NORTH]


def test_batch_lookup_agrees_with_single_lookups(index):
    rng = np.random.default_rng(5)
    lons = np.concatenate((rng.uniform(113.595, 113.625, 3000), [113.61, 113.6022, 113.5]))
    lats = np.concatenate((rng.uniform(34.695, 34.725, 3000), [34.71, 34.7021, 34.7]))
    positions = index.deepest_indices(lons, lats)
    assert (positions == OUTSIDE).any() and (positions != OUTSIDE).any()
    for lon, lat, position in zip(lons, lats, positions, strict=True):
        assert codes(index.chain_at(int(position))) == codes(index.locate(lon, lat))
    assert codes(index.locate_many([113.6022], [34.7021])[0])[-1] == sample.BUILDING_1


def test_a_crack_between_children_falls_back_to_the_parent():
    street = GridFeature("1", "街道", 1, None, box(0, 0, 2, 1))
    left = GridFeature("1001", "西", 2, "1", box(0, 0, 1, 1))
    # The east child overshoots the street by as much as the crack, so their areas add up to the
    # street's: the street counts as covered and the crack is found only by the fallback query.
    right = GridFeature("1002", "东", 2, "1", box(1.000001, 0, 2.000001, 1))
    index = GridIndex([street, left, right])
    assert 0 not in index._terminal
    assert codes(index.locate(1.0000005, 0.5)) == ["1"]
    assert index.deepest_indices([1.0000005, 0.5], [0.5, 0.5]).tolist() == [0, 1]


def test_empty_batch(index):
    assert index.deepest_indices([], []).tolist() == []
