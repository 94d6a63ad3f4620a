"""How far published boundaries may disagree: a stray part is measured in metres and judged.

Boundaries published at two levels (a city and its districts) are simplified separately, so a child
sticks out of its parent, and siblings overlap, by slivers along every shared border. A stray within
the tolerance is a warning, not an error: it is thin (at most `width_m` across at its widest) or small
(at most `area_share` of the grid's area). A thin stray may still not be a sizeable part of the grid
(`MAX_SHARE_FOR_WIDTH`): a building drawn half in the next compound is misplaced, not simplified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_map.metres import LocalMetres

NOISE_AREA_M2 = 1.0
SLIVER_WIDTH_M = 0.5
MAX_SHARE_FOR_WIDTH = 0.10
WIDTH_PRECISION_M = 1.0  # the inscribed-circle search stops within a metre


@dataclass(frozen=True)
class Stray:
    """A part of a grid where it should not be: square metres, widest point across (m), share of the grid."""

    area_m2: float
    width_m: float
    share: float

    def describe(self) -> str:
        return (
            f"{self.area_m2:,.1f} 平方米，最宽 {self.width_m:,.1f} 米，占 {self.share:.2%} "
            f"({self.area_m2:,.1f} m², {self.width_m:,.1f} m wide at most, {self.share:.2%} of the grid)"
        )


@dataclass(frozen=True)
class Tolerance:
    """Strays thinner than `width_m` or smaller than `area_share` of the grid are warnings."""

    width_m: float = 20.0
    area_share: float = 0.005

    def allows(self, stray: Stray) -> bool:
        small = stray.share <= self.area_share
        thin = stray.width_m <= self.width_m and stray.share <= MAX_SHARE_FOR_WIDTH
        return small or thin

    @classmethod
    def parse(cls, text: str) -> Tolerance:
        """'20m,0.5%', '30m', '1%' (the other keeps its default) or '0' (strict: every stray is an error)."""
        if text.strip() == "0":
            return cls(0.0, 0.0)
        width, share = cls.width_m, cls.area_share
        for part in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
            metres = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(m|米)", part)
            percent = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", part)
            if metres:
                width = float(metres[1])
            elif percent:
                share = float(percent[1]) / 100
            else:
                raise ValueError(
                    f"无法识别的容差 '{part}'，应写成如 20m,0.5% (cannot read tolerance '{part}': write e.g. 20m,0.5%)"
                )
        return cls(width, share)


DEFAULT_TOLERANCE = Tolerance()


def polygon_parts(geometry: BaseGeometry) -> np.ndarray:
    """The polygons of any geometry (collections may hold multi-polygons); lines and points dropped."""
    parts = shapely.get_parts(shapely.get_parts(geometry))
    return parts[shapely.get_type_id(parts) == 3]


def measure_stray(geometry: BaseGeometry, of: BaseGeometry) -> Stray | None:
    """The stray `geometry` (in degrees) measured against the grid `of`; None when it is only noise."""
    if geometry.is_empty:
        return None
    parts = polygon_parts(geometry)
    if len(parts) == 0:
        return None
    projection = LocalMetres.around(of)
    metres = projection.to_metres(parts)
    areas, perimeters = shapely.area(metres), shapely.length(metres)
    mean_width = 2 * areas / np.maximum(perimeters, 1e-12)
    counted = (areas > NOISE_AREA_M2) & (mean_width > SLIVER_WIDTH_M)
    if not counted.any():
        return None
    radii = shapely.length(shapely.maximum_inscribed_circle(metres[counted], WIDTH_PRECISION_M))
    whole = projection.area_m2(of)
    area = float(areas[counted].sum())
    return Stray(area, float(2 * radii.max()), area / whole if whole > 0 else 1.0)
