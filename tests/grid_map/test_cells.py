"""The cell table behind single-point lookups: cells inside one polygon, borders, outside, edges."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import box

from grid_map.cells import OUTSIDE, CellTable


def table(geometries, ranks=None, surroundings=None) -> CellTable:
    array = np.array(geometries, dtype=object)
    labels = np.arange(len(array)) + 100
    ranks = np.zeros(len(array), dtype=int) if ranks is None else np.array(ranks)
    return CellTable(array, shapely.STRtree(array), labels, ranks, surroundings)


def test_cells_inside_one_polygon_answer_outright_and_border_cells_test_the_point():
    cells = table([box(0, 0, 1, 1), box(1, 0, 2, 1)], ranks=[1, 2])
    assert cells.answer[cells.cell_of(0.2, 0.5)] == 100 and cells.answer[cells.cell_of(1.8, 0.5)] == 101
    border = cells.cell_of(1.0, 0.5)
    assert cells.answer[border] < 0
    assert cells.members[cells.offsets[border] : cells.offsets[border + 1]].tolist() == [0, 1]
    assert cells.lookup(0.2, 0.5) == 100
    assert cells.lookup(1.0, 0.5) == 101  # on the shared border the higher rank wins
    assert cells.lookup(0.999999, 0.5) == 100


def test_cells_touching_nothing_answer_outside_only_when_they_know_the_surroundings():
    ring = [box(0, 0, 3, 1), box(0, 2, 3, 3), box(0, 1, 1, 2), box(2, 1, 3, 2)]  # a hole in the middle
    assert table(ring).lookup(1.5, 1.5) is None
    everything = shapely.STRtree(np.array(ring, dtype=object))
    assert table(ring, surroundings=everything).lookup(1.5, 1.5) == OUTSIDE


def test_far_edges_belong_to_the_last_cells_and_off_the_table_is_unknown():
    cells = table([box(0, 0, 2, 1)])
    assert cells.cell_of(2.0, 1.0) == len(cells) - 1
    assert cells.cell_of(0.0, 0.0) == 0
    for x, y in ((2.1, 0.5), (-0.1, 0.5), (1.0, 1.5), (math.nan, 0.5), (math.inf, 0.5)):
        assert cells.cell_of(x, y) == -1 and cells.lookup(x, y) is None


def test_an_empty_table_has_no_cells():
    cells = CellTable(np.array([], dtype=object), shapely.STRtree([]), np.array([]), np.array([]))
    assert len(cells) == 0 and cells.lookup(0.0, 0.0) is None
