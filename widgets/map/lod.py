"""Level of detail: which grids a view shows as regions and which as the boundaries around them.

A grid that spans more than EXPAND_PX on screen opens into its children, so zooming walks down the
tree district → street → community → compound → building by itself. The grid an operator drilled
into (and its ancestors) is always open. Only grids inside the view are visited, so the cost follows
what is on screen, not the size of the district.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from widgets.map.scene import MapScene

EXPAND_PX = 560.0


@dataclass(frozen=True)
class Detail:
    regions: list[int]  # grids shown filled and labelled (the finest level open at that place)
    boundaries: list[int]  # open grids whose outlines are drawn over their children, coarse first


def visible_detail(scene: MapScene, view: QRectF, scale: float, focus: int | None) -> Detail:
    forced = set(scene.ancestors(focus)) if focus is not None else set()
    regions: list[int] = []
    boundaries: list[int] = []
    stack = [root for root in reversed(scene.roots) if scene.grids[root].bounds.intersects(view)]
    while stack:
        grid = scene.grids[stack.pop()]
        if grid.children and (grid.id in forced or grid.extent * scale > EXPAND_PX):
            boundaries.append(grid.id)
            stack.extend(c for c in reversed(grid.children) if scene.grids[c].bounds.intersects(view))
        else:
            regions.append(grid.id)
    boundaries.sort(key=lambda grid_id: -scene.grids[grid_id].level)  # coarse boundaries drawn last, on top
    return Detail(regions, boundaries)


def everything(scene: MapScene) -> Detail:
    """No level of detail: every grid of every level, as the baseline a naive map would draw."""
    ids = sorted(scene.grids, key=lambda grid_id: scene.grids[grid_id].level)
    return Detail(regions=ids, boundaries=[])
