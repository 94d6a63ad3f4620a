"""Point -> grid lookups over the demo district (846 level-3 compounds in a 1,083-grid tree).

Random points inside the district are located three ways in the same run:
- the STRtree index, many points per call (numpy arrays: what dispatch of a batch uses),
- the index, one call per point (`GridIndex.locate`, the whole chain: a cell table made from the
  STRtree answers most points, the STRtree the rest; the table is built on the first call, which
  is inside the timed loop),
- the baseline: a plain Python loop over the 846 compound polygons until one contains the point.
The three must agree on every point's compound. Times are CPU seconds of this process, so the
figures say what one core does even when the machine is shared. Target: >= 100,000 lookups/s.
Also timed: building the demo layout (target < 2 s) and building the index.
"""

from __future__ import annotations

import time

import numpy as np
import shapely
from _figures import figure, print_figures

from app.demo.district import district_layout
from grid_map.index import GridIndex

TARGET_LOOKUPS_PER_S = 100_000
BATCH_POINTS = 200_000
SINGLE_POINTS = 50_000
BASELINE_POINTS = 1_000


def _points_in_district(features, n: int, seed: int = 11) -> tuple[np.ndarray, np.ndarray]:
    district = shapely.union_all([f.geometry for f in features if f.level == 1])
    shapely.prepare(district)
    min_x, min_y, max_x, max_y = district.bounds
    rng = np.random.default_rng(seed)
    lons, lats = [], []
    while sum(map(len, lons)) < n:
        x, y = rng.uniform(min_x, max_x, n), rng.uniform(min_y, max_y, n)
        inside = shapely.contains_xy(district, x, y)
        lons.append(x[inside])
        lats.append(y[inside])
    return np.concatenate(lons)[:n], np.concatenate(lats)[:n]


def _cpu(fn):
    started = time.process_time()
    result = fn()
    return result, time.process_time() - started


def _baseline(compounds, lons, lats) -> list[str | None]:
    """Plain loop: test each compound polygon in turn until one holds the point."""
    found = []
    for lon, lat in zip(lons.tolist(), lats.tolist(), strict=True):
        point = shapely.Point(lon, lat)
        found.append(next((f.code for f in compounds if f.geometry.intersects(point)), None))
    return found


def _compound_code(chain) -> str | None:
    return next((f.code for f in chain if f.level == 3), None)


def main() -> None:
    features, layout_s = _cpu(lambda: district_layout(7))
    index, build_s = _cpu(lambda: GridIndex(features))
    _, cells_s = _cpu(lambda: GridIndex(features)._cells)
    compounds = [f for f in features if f.level == 3]
    lons, lats = _points_in_district(features, BATCH_POINTS)

    positions, batch_s = _cpu(lambda: index.deepest_indices(lons, lats))
    single_lons, single_lats = lons[:SINGLE_POINTS].tolist(), lats[:SINGLE_POINTS].tolist()
    chains, single_s = _cpu(
        lambda: [index.locate(lon, lat) for lon, lat in zip(single_lons, single_lats, strict=True)]
    )
    baseline, baseline_s = _cpu(lambda: _baseline(compounds, lons[:BASELINE_POINTS], lats[:BASELINE_POINTS]))

    batch_codes = [_compound_code(index.chain_at(int(p))) for p in positions[:BASELINE_POINTS]]
    single_codes = [_compound_code(chain) for chain in chains[:BASELINE_POINTS]]
    # Points exactly on a border may go to either neighbour in the baseline (first in the loop wins).
    agree = np.mean([a == b == c for a, b, c in zip(baseline, batch_codes, single_codes, strict=True)])

    batch_rate = BATCH_POINTS / batch_s
    single_rate = SINGLE_POINTS / single_s
    baseline_rate = BASELINE_POINTS / baseline_s
    figures = [
        _figure("strtree_batch_lookups_per_s", batch_rate, "lookups/s", TARGET_LOOKUPS_PER_S),
        _figure("single_point_lookups_per_s", single_rate, "lookups/s", TARGET_LOOKUPS_PER_S),
        _figure("baseline_polygon_loop_lookups_per_s", baseline_rate, "lookups/s", None),
        _figure("speedup_batch_over_baseline", batch_rate / baseline_rate, "x", None),
        _figure("speedup_single_over_baseline", single_rate / baseline_rate, "x", None),
        _figure("agreement_with_baseline", float(agree), "fraction", 1.0),
        _figure("district_layout_seconds", layout_s, "s", 2.0, lower_is_better=True),
        _figure("index_build_ms", build_s * 1000, "ms", None),
        _figure("index_with_cell_table_build_ms", cells_s * 1000, "ms", None),
        _figure("grids_in_index", len(index), "grids", None),
        _figure("level3_grids", len(compounds), "grids", None),
    ]
    print_figures(figures)


def _figure(name: str, value: float, unit: str, target: float | None, lower_is_better: bool = False) -> dict:
    if target is None:
        met = None
    elif unit == "fraction":
        met = value >= target
    else:
        met = value < target if lower_is_better else value >= target
    shown_target = None if target is None else (f"< {target}" if lower_is_better else f">= {target}")
    return figure(name, value, unit, shown_target, met)


if __name__ == "__main__":
    main()
