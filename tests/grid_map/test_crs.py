"""WGS-84 / GCJ-02 / BD-09 against the published reference values, and round trips."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import Polygon

from grid_map.crs import (
    Crs,
    bd09_to_gcj02,
    bd09_to_wgs84,
    convert,
    from_wgs84,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    to_wgs84,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)

# Reference outputs of the widely used coordtransform library for the point (116.404, 39.915).
TIANANMEN = (116.404, 39.915)


def test_wgs84_to_gcj02_matches_reference():
    lon, lat = wgs84_to_gcj02(*TIANANMEN)
    assert lon == pytest.approx(116.41024449916938, abs=1e-12)
    assert lat == pytest.approx(39.91640428150164, abs=1e-12)


def test_gcj02_to_bd09_matches_reference():
    lon, lat = gcj02_to_bd09(*TIANANMEN)
    assert lon == pytest.approx(116.41036949371029, abs=1e-12)
    assert lat == pytest.approx(39.92133699351021, abs=1e-12)


def test_bd09_to_gcj02_agrees_with_reference_and_is_an_exact_inverse():
    lon, lat = bd09_to_gcj02(*TIANANMEN)
    # The published one-step inverse is off by a few 1e-7 degree; ours is refined to 1e-9.
    assert lon == pytest.approx(116.39762729119315, abs=1e-6)
    assert lat == pytest.approx(39.90865673957631, abs=1e-6)
    back = gcj02_to_bd09(lon, lat)
    assert np.allclose(back, TIANANMEN, atol=1e-9, rtol=0)


def test_gcj02_to_wgs84_is_iterated_to_the_true_inverse():
    lon, lat = gcj02_to_wgs84(*TIANANMEN)
    # The one-step reference (116.39775550083061, 39.91359571849836) is ~5e-7 degree off.
    assert lon == pytest.approx(116.39775550083061, abs=2e-6)
    assert lat == pytest.approx(39.91359571849836, abs=2e-6)
    assert np.allclose(wgs84_to_gcj02(lon, lat), TIANANMEN, atol=1e-9, rtol=0)


def test_zhengzhou_offset_is_a_few_hundred_metres():
    lon, lat = wgs84_to_gcj02(113.6, 34.7)
    shift_m = np.hypot((lon - 113.6) * 91_000, (lat - 34.7) * 111_000)
    assert 300 < shift_m < 800


@pytest.mark.parametrize("crs", [Crs.GCJ02, Crs.BD09])
def test_round_trips_over_a_district_within_1e6_degree(crs):
    rng = np.random.default_rng(3)
    lon, lat = rng.uniform(113.4, 113.8, 2000), rng.uniform(34.5, 34.9, 2000)
    there = convert(lon, lat, Crs.WGS84, crs)
    back = convert(*there, crs, Crs.WGS84)
    assert np.abs(back[0] - lon).max() < 1e-6 and np.abs(back[1] - lat).max() < 1e-6
    assert np.abs(there[0] - lon).max() > 1e-3  # it really moved


def test_bd09_to_wgs84_chains_both_steps():
    wgs = (113.625, 34.747)
    assert np.allclose(bd09_to_wgs84(*wgs84_to_bd09(*wgs)), wgs, atol=1e-8, rtol=0)


def test_outside_china_is_left_alone():
    assert np.allclose(wgs84_to_gcj02(2.35, 48.85), (2.35, 48.85))
    assert np.allclose(gcj02_to_wgs84(-74.0, 40.7), (-74.0, 40.7))


def test_geometries_convert_vertex_by_vertex():
    square = Polygon([(113.6, 34.7), (113.61, 34.7), (113.61, 34.71), (113.6, 34.71)])
    gcj = from_wgs84(square, "gcj02")
    expected = np.column_stack(wgs84_to_gcj02(*np.array(square.exterior.coords).T))
    assert np.allclose(np.array(gcj.exterior.coords), expected, atol=1e-12, rtol=0)
    assert np.allclose(
        np.array(to_wgs84(gcj, Crs.GCJ02).exterior.coords), np.array(square.exterior.coords), atol=1e-8
    )
    assert to_wgs84(square, "wgs84") is square
