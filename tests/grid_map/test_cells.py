"""The cell table behind single-point lookups: cells inside one polygon, edges, points off the table."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import box

from grid_map.cells import CellTable


def table(geometries) -> CellTable:
    array = np.array(geometries, dtype=object)
    return CellTable(array, shapely.STRtree(array))


def test_cells_inside_one_polygon_name_it_and_border_cells_list_both():
    cells = table([box(0, 0, 1, 1), box(1, 0, 2, 1)])
    deep_inside = cells.cell_of(0.2, 0.5)
    assert cells.sole[deep_inside] == 0 and cells.sole[cells.cell_of(1.8, 0.5)] == 1
    border = cells.cell_of(1.0, 0.5)
    assert cells.sole[border] == -1
    members = cells.members[cells.offsets[border] : cells.offsets[border + 1]].tolist()
    assert members == [0, 1]


def test_far_edges_belong_to_the_last_cells_and_outside_is_minus_one():
    cells = table([box(0, 0, 2, 1)])
    assert cells.cell_of(2.0, 1.0) == len(cells) - 1
    assert cells.cell_of(0.0, 0.0) == 0
    for x, y in ((2.1, 0.5), (-0.1, 0.5), (1.0, 1.5), (math.nan, 0.5), (math.inf, 0.5)):
        assert cells.cell_of(x, y) == -1


def test_an_empty_table_has_no_cells():
    cells = table([])
    assert len(cells) == 0 and cells.cell_of(0.0, 0.0) == -1
