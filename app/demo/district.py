"""The demo district's geometry: 18 streets, 175 communities, 846 compounds at the scale of Erqi District.

The district is laid out in local metres around lon 113.6, lat 34.7 (about 15 km x 12 km) and
converted to WGS-84 at the end. Streets and communities are Voronoi partitions of their parent,
relaxed (density-weighted Lloyd) so cells look even rather than shard-like, and smaller towards the
old town in the north-east; compounds are blocks cut across each community's long side, as roads
cut a city. Children are built from one noded set of edges, so siblings share their borders
exactly: no gaps, no overlaps, and the children's areas add up to the parent's. One compound gets
44 building footprints (micro-grids) in south-facing rows; so that every street has households, one
compound of each other street gets two (a sample of its homes, not a census).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import polygonize, split, unary_union

from grid_map.feature import GridFeature
from grid_map.metres import LocalMetres

DISTRICT_CODE = "410103"  # 二七区
CENTRE = LocalMetres(113.6, 34.7)
HALF_WIDTH, HALF_HEIGHT = 7500.0, 6000.0  # metres: a 15 km x 12 km district
OLD_TOWN = (3500.0, 3500.0)  # metres from CENTRE: where the blocks are densest
DENSITY_PULL = 2.0  # Lloyd weights are density**this: cell areas then shrink about as 1/density
STREETS, COMMUNITIES, COMPOUNDS = 18, 175, 846
BUILDINGS = 44
SAMPLE_BUILDINGS = 2  # in one compound of every other street
FOOTPRINT = (48.0, 14.0)  # a slab block, metres east-west x north-south
PITCH = (62.0, 40.0)  # column and row spacing: rows far enough apart for winter sun
SETBACK = 10.0  # metres between a footprint and the compound's edge
CUT_OVERSHOOT = 0.05  # metres a block cut runs past the edge it ends on, so noding always meets it

STREET_NAMES = (
    "淮河路街道", "解放路街道", "铭功路街道", "一马路街道", "蜜蜂张街道", "五里堡街道",
    "大学路街道", "建中街街道", "福华街街道", "德化街街道", "嵩山路街道", "长江路街道",
    "京广路街道", "人和路街道", "金水源街道", "侯寨街道", "樱桃沟街道", "马寨镇",
)  # fmt: skip
COMMUNITY_STEMS = (
    "兴华", "幸福", "和平", "长城", "航海", "民主", "京广", "陇海", "工人", "朝阳", "桃园", "育英",
    "文化", "碧云", "兴隆", "铁路", "五一", "齐礼阎", "刘庄", "王垌", "棉纺", "华山", "汝河", "秦岭",
    "伏牛", "大学", "春晖", "锦绣", "绿城", "福寿", "庆丰", "南三里", "西站", "长江", "政通", "汉江",
    "康复", "敦睦", "苗圃", "连云", "耿河", "冯庄", "大谢", "小李庄", "贾寨", "侯寨", "尖岗", "刘湾",
    "新建", "建新", "光明", "友爱", "团结", "利民", "勤劳", "振兴", "金岱", "嵩山", "荆胡", "马寨",
    "樱桃沟", "三李", "祥云", "佛岗", "郑密", "碧波", "万达", "德化", "正兴", "同乐", "福华", "福寿街",
    "钱塘", "黄岗寺", "杏花", "百花", "翠竹", "金桥", "兴盛", "永安", "平安", "新村", "学院", "东方",
)  # fmt: skip
COMMUNITY_SIDES = ("东", "西", "南", "北", "一", "二", "三")
COMPOUND_STEMS = (
    "正商", "建业", "鑫苑", "永威", "亚星", "升龙", "华润", "碧桂", "名门", "金域", "兴达", "民安",
    "裕华", "美景", "天伦", "盛世", "阳光", "翡翠", "紫荆", "紫薇", "水岸", "书香", "丽景", "和谐",
    "保利", "康桥", "正弘", "国基", "泰宏", "宏达", "锦艺", "绿都", "中原", "嵩山", "二七", "铁道",
    "棉纺", "电力", "邮电", "建材", "交通", "粮食", "纺织", "水利", "烟厂", "银基", "凯旋", "帝湖",
    "橄榄", "瀚海", "朗悦", "金水", "汇金", "华府", "御景", "龙湖", "锦华", "兰亭", "枫林", "桂园",
    "清华", "城南", "西城", "南湖", "春天", "福元", "金色", "绿洲", "泰山", "华侨", "昌建", "美盛",
    "亚新", "联盟", "金海", "兴业", "恒大", "普罗", "天明", "秀水", "红枫", "樱花", "万科", "碧水",
    "电缆厂", "肉联厂", "机械厂", "水泥厂", "齿轮厂", "砂轮厂",
)  # fmt: skip
COMPOUND_SUFFIXES = (
    "小区", "家园", "花园", "新城", "嘉园", "雅苑", "华庭", "公寓", "名苑", "佳苑", "家属院", "新村",
    "小区", "花园", "家园",
)  # fmt: skip


def district_layout(seed: int = 7) -> list[GridFeature]:
    """The demo district's grids, parents before children; the same seed gives the same district."""
    return list(_layout(seed))


def detailed_compound_code(features: list[GridFeature]) -> str:
    """The code of the level-3 compound whose 44 buildings are mapped as micro-grids."""
    buildings = Counter(f.parent_code for f in features if f.level == 4)
    detailed = [code for code, n in buildings.items() if n == BUILDINGS]
    if len(detailed) != 1:
        raise ValueError(f"expected one compound with {BUILDINGS} micro-grids, found {len(detailed)}")
    return detailed[0]


def sample_compound_codes(features: list[GridFeature]) -> list[str]:
    """The compounds of the other streets whose few buildings are mapped, in the order of the codes."""
    detailed = detailed_compound_code(features)
    return sorted({f.parent_code for f in features if f.level == 4} - {detailed})


@lru_cache(maxsize=4)
def _layout(seed: int) -> tuple[GridFeature, ...]:
    rng = np.random.default_rng(seed)
    outline = _district_outline(rng)
    streets = _partition(outline, STREETS, rng, lloyd_steps=8)
    community_cells = [
        _partition(street, n, rng, lloyd_steps=4)
        for street, n in zip(streets, _allocate(streets, COMMUNITIES, 5), strict=True)
    ]
    flat_communities = [cell for cells in community_cells for cell in cells]
    compound_cells = [
        _blocks(community, n, rng) or _partition(community, n, rng, lloyd_steps=1)
        for community, n in zip(flat_communities, _allocate(flat_communities, COMPOUNDS, 2), strict=True)
    ]
    return tuple(_name_and_code(rng, streets, community_cells, compound_cells))


def _name_and_code(
    rng: np.random.Generator,
    streets: list[Polygon],
    community_cells: list[list[Polygon]],
    compound_cells: list[list[Polygon]],
) -> list[GridFeature]:
    community_names = iter(_unique_names(rng, COMMUNITIES, _community_name))
    compound_names = iter(_unique_names(rng, COMPOUNDS, _compound_name))
    detailed = _detailed_compound(compound_cells)
    footprints = {id(detailed[0]): detailed[1]} | _sample_compounds(
        streets, community_cells, compound_cells, detailed[0]
    )
    rows: list[tuple[str, str, int, str | None, Polygon]] = []
    compounds_of = iter(compound_cells)
    for s, (street, communities) in enumerate(zip(streets, community_cells, strict=True), start=1):
        street_code = f"{DISTRICT_CODE}{s:03d}"
        rows.append((street_code, STREET_NAMES[s - 1], 1, None, street))
        for c, community in enumerate(communities, start=1):
            community_code = f"{street_code}{c:03d}"
            rows.append((community_code, next(community_names), 2, street_code, community))
            for k, compound in enumerate(next(compounds_of), start=1):
                compound_code = f"{community_code}{k:03d}"
                rows.append((compound_code, next(compound_names), 3, community_code, compound))
                rows.extend(
                    (f"{compound_code}{b:03d}", f"{b}号楼", 4, compound_code, footprint)
                    for b, footprint in enumerate(footprints.get(id(compound), ()), start=1)
                )
    outlines = CENTRE.to_degrees(np.array([row[4] for row in rows], dtype=object))
    return [GridFeature(*row[:4], outline) for row, outline in zip(rows, outlines, strict=True)]


def _district_outline(rng: np.random.Generator) -> Polygon:
    """An ellipse-ish outline with a few low-frequency bulges, filling most of a 15 x 12 km box."""
    theta = np.linspace(0.0, 2 * math.pi, 96, endpoint=False)
    radius = np.ones_like(theta)
    for k in range(2, 6):
        radius += rng.uniform(0.02, 0.06) * np.cos(k * theta + rng.uniform(0, 2 * math.pi))
    x = HALF_WIDTH * radius * np.cos(theta)
    y = HALF_HEIGHT * radius * np.sin(theta)
    # Scale so the bounding box is the district's real extent.
    x *= 2 * HALF_WIDTH / (x.max() - x.min())
    y *= 2 * HALF_HEIGHT / (y.max() - y.min())
    return Polygon(np.column_stack((x - (x.max() + x.min()) / 2, y - (y.max() + y.min()) / 2)))


def _density(xy: np.ndarray) -> np.ndarray:
    """How densely built a place is (relative): highest in the old town, sparse in the rural south."""
    dx, dy = xy[:, 0] - OLD_TOWN[0], xy[:, 1] - OLD_TOWN[1]
    return 0.25 + np.exp(-(dx * dx + dy * dy) / (2 * 4500.0**2))


def _allocate(cells: list[Polygon], total: int, minimum: int) -> list[int]:
    """Split `total` children among cells by area x density (largest remainder), at least `minimum` each."""
    centres = np.array([[c.centroid.x, c.centroid.y] for c in cells])
    weight = np.array([c.area for c in cells]) * _density(centres)
    spare = total - minimum * len(cells)
    share = weight / weight.sum() * spare
    counts = np.floor(share).astype(int)
    for index in np.argsort(-(share - counts), kind="stable")[: spare - counts.sum()]:
        counts[index] += 1
    return [minimum + int(n) for n in counts]


def _sample_points(parent: Polygon, n: int, rng: np.random.Generator) -> np.ndarray:
    """n random points inside `parent`, more where the density is higher."""
    min_x, min_y, max_x, max_y = parent.bounds
    found: list[np.ndarray] = []
    count = 0
    while count < n:
        candidates = rng.uniform((min_x, min_y), (max_x, max_y), size=(max(4 * n, 16), 2))
        candidates = candidates[shapely.contains_xy(parent, candidates[:, 0], candidates[:, 1])]
        candidates = candidates[rng.uniform(0, 1.25, len(candidates)) < _density(candidates)]
        found.append(candidates)
        count += len(candidates)
    return np.concatenate(found)[:n]


def _partition(parent: Polygon, n: int, rng: np.random.Generator, lloyd_steps: int) -> list[Polygon]:
    """Split `parent` into n polygons that tile it exactly, ordered north-west to south-east."""
    seeds = _relax(parent, _sample_points(parent, n, rng), lloyd_steps)
    cells = _exact_cells(parent, seeds)
    order = sorted(range(len(cells)), key=lambda i: (-round(cells[i].centroid.y / 400), cells[i].centroid.x))
    return [cells[i] for i in order]


def _blocks(parent: Polygon, n: int, rng: np.random.Generator) -> list[Polygon] | None:
    """Split a community into n compounds by straight cuts across its long side, as roads cut blocks.

    None when the cuts do not give exactly n pieces (a very ragged community); the caller then
    falls back to a Voronoi split.
    """
    cuts: list[LineString] = []
    _cut(parent, n, rng, cuts)
    noded = unary_union([parent.boundary, *cuts])
    faces = [face for face in polygonize(noded.geoms) if parent.contains(face.representative_point())]
    if len(faces) != n:
        return None
    return sorted(faces, key=lambda f: (-round(f.centroid.y / 400), f.centroid.x))


def _cut(piece: Polygon, n: int, rng: np.random.Generator, cuts: list[LineString]) -> None:
    """Cut `piece` in two across its long axis, then each side again until there are n pieces."""
    if n <= 1:
        return
    corners = np.array(piece.minimum_rotated_rectangle.exterior.coords)
    sides = np.diff(corners[:3], axis=0)
    axis = sides[np.argmax(np.hypot(sides[:, 0], sides[:, 1]))]
    turn = rng.uniform(-0.12, 0.12)  # radians: roads are not quite parallel
    axis = np.array(
        [
            axis[0] * math.cos(turn) - axis[1] * math.sin(turn),
            axis[0] * math.sin(turn) + axis[1] * math.cos(turn),
        ]
    )
    axis /= np.hypot(*axis)
    across = np.array([-axis[1], axis[0]])
    coords = np.array(piece.exterior.coords)
    along = coords @ axis
    first = n // 2 + (int(rng.integers(0, 2)) if n % 2 else 0)
    at = along.min() + (along.max() - along.min()) * float(
        np.clip(first / n + rng.uniform(-0.06, 0.06), 0.2, 0.8)
    )
    reach = float(np.ptp(coords @ across)) + 1.0
    middle = axis * at + across * float(np.array(piece.centroid.coords[0]) @ across)
    line = LineString([middle - across * reach, middle + across * reach]).intersection(piece)
    parts = [g for g in getattr(line, "geoms", [line]) if g.geom_type == "LineString" and g.length > 0]
    if not parts:
        return
    segment = max(parts, key=lambda g: g.length)
    (x0, y0), (x1, y1) = segment.coords[0], segment.coords[-1]
    unit = np.array([x1 - x0, y1 - y0]) / segment.length
    cut = LineString([np.array([x0, y0]) - unit * CUT_OVERSHOOT, np.array([x1, y1]) + unit * CUT_OVERSHOOT])
    cuts.append(cut)
    halves = [h for h in split(piece, cut).geoms if h.geom_type == "Polygon"]
    if len(halves) != 2:
        return
    low, high = sorted(halves, key=lambda h: np.array(h.centroid.coords[0]) @ axis)
    _cut(low, first, rng, cuts)
    _cut(high, n - first, rng, cuts)


def _relax(parent: Polygon, seeds: np.ndarray, steps: int) -> np.ndarray:
    """Lloyd relaxation weighted by density²: even-looking cells, small in the old town, large outside.

    Cells are estimated on a lattice of points inside the parent (about 40 per cell); each seed moves
    to the weighted mean of the lattice points nearest to it (a point inside the parent if the mean
    falls outside a concave parent).
    """
    spacing = math.sqrt(parent.area / (40 * len(seeds)))
    min_x, min_y, max_x, max_y = parent.bounds
    gx, gy = (
        a.ravel() for a in np.meshgrid(np.arange(min_x, max_x, spacing), np.arange(min_y, max_y, spacing))
    )
    inside = shapely.contains_xy(parent, gx, gy)
    lattice = np.column_stack((gx[inside], gy[inside]))
    if len(lattice) == 0:
        return seeds
    weight = _density(lattice) ** DENSITY_PULL
    for _ in range(steps):
        nearest = np.argmin(((lattice[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2), axis=1)
        total = np.bincount(nearest, weights=weight, minlength=len(seeds))
        owned = total > 0
        for axis in (0, 1):
            moved = np.bincount(nearest, weights=weight * lattice[:, axis], minlength=len(seeds))
            seeds[owned, axis] = moved[owned] / total[owned]
        outside = np.flatnonzero(~shapely.contains_xy(parent, seeds[:, 0], seeds[:, 1]))
        for s in outside:
            members = lattice[nearest == s] if owned[s] else lattice
            seeds[s] = members[np.argmin(((members - seeds[s]) ** 2).sum(axis=1))]
    return seeds


def _exact_cells(parent: Polygon, seeds: np.ndarray) -> list[Polygon]:
    """The Voronoi cells of `seeds` inside `parent`, built from one noded edge set so borders match."""
    edges = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=parent, only_edges=True)
    noded = unary_union([edges, parent.boundary])
    faces = [face for face in polygonize(noded.geoms) if parent.contains(face.representative_point())]
    face_points = np.array([face.representative_point().coords[0] for face in faces])
    owner = np.argmin(((face_points[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2), axis=1)
    _reassign_detached_faces(faces, owner, seeds)
    return [unary_union([faces[f] for f in np.flatnonzero(owner == s)]) for s in range(len(seeds))]


def _reassign_detached_faces(faces: list[Polygon], owner: np.ndarray, seeds: np.ndarray) -> None:
    """Give pieces cut off from their seed (where the parent is concave) to the neighbour they touch most."""
    for _ in range(len(faces)):
        changed = False
        for s in range(len(seeds)):
            members = np.flatnonzero(owner == s)
            cell = unary_union([faces[f] for f in members])
            if cell.geom_type == "Polygon":
                continue
            keep = max(cell.geoms, key=lambda part: part.contains(Point(seeds[s])) * 1e18 + part.area)
            for f in members:
                if keep.contains(faces[f].representative_point()):
                    continue
                neighbours = [
                    (faces[f].boundary.intersection(faces[g].boundary).length, int(owner[g]))
                    for g in range(len(faces))
                    if owner[g] != s and faces[f].touches(faces[g])
                ]
                shared = [item for item in neighbours if item[0] > 0]
                if shared:
                    owner[f] = max(shared)[1]
                    changed = True
        if not changed:
            return


def _detailed_compound(compound_cells: list[list[Polygon]]) -> tuple[Polygon, list[Polygon]]:
    """The compound nearest the old town that holds 44 slab blocks in rows, and those footprints."""
    candidates = [cell for cells in compound_cells for cell in cells if cell.area > 1.0e5]
    candidates.sort(key=lambda c: math.dist((c.centroid.x, c.centroid.y), OLD_TOWN))
    for compound in candidates:
        footprints = _rows_of_buildings(compound)
        if len(footprints) >= BUILDINGS:
            return compound, footprints[:BUILDINGS]
    raise RuntimeError("no compound is large enough for the detailed community")


def _sample_compounds(
    streets: list[Polygon],
    community_cells: list[list[Polygon]],
    compound_cells: list[list[Polygon]],
    detailed: Polygon,
) -> dict[int, list[Polygon]]:
    """id(compound) -> its SAMPLE_BUILDINGS footprints, for one compound of every street but the
    detailed one's: the one nearest the street's middle that has room for them."""
    compounds = iter(compound_cells)
    chosen: dict[int, list[Polygon]] = {}
    for street, communities in zip(streets, community_cells, strict=True):
        own = [compound for _ in communities for compound in next(compounds)]
        if any(compound is detailed for compound in own):
            continue
        middle = street.centroid
        for compound in sorted(own, key=lambda c: c.centroid.distance(middle)):
            footprints = _rows_of_buildings(compound, SAMPLE_BUILDINGS)
            if len(footprints) == SAMPLE_BUILDINGS:
                chosen[id(compound)] = footprints
                break
    return chosen


def _rows_of_buildings(compound: Polygon, count: int = BUILDINGS) -> list[Polygon]:
    """Up to `count` footprints on a lattice inside the compound, nearest its centre first, numbered
    by row."""
    inner = compound.buffer(-SETBACK)
    if inner.is_empty:
        return []
    min_x, min_y, max_x, max_y = inner.bounds
    cx, cy = compound.centroid.x, compound.centroid.y
    xs = cx + PITCH[0] * np.arange(-(cx - min_x) // PITCH[0] - 1, (max_x - cx) // PITCH[0] + 2)
    ys = cy + PITCH[1] * np.arange(-(cy - min_y) // PITCH[1] - 1, (max_y - cy) // PITCH[1] + 2)
    half_w, half_d = FOOTPRINT[0] / 2, FOOTPRINT[1] / 2
    gx, gy = (grid.ravel() for grid in np.meshgrid(xs, ys))
    blocks = shapely.box(gx - half_w, gy - half_d, gx + half_w, gy + half_d)
    shapely.prepare(inner)
    fits = np.flatnonzero(shapely.contains(inner, blocks))
    nearest = fits[np.argsort(np.hypot(gx[fits] - cx, gy[fits] - cy), kind="stable")][:count]
    chosen = sorted(nearest, key=lambda i: (-gy[i], gx[i]))  # 1号楼 at the north-west
    return [blocks[i] for i in chosen]


def _community_name(rng: np.random.Generator, attempt: int) -> str:
    stem = COMMUNITY_STEMS[rng.integers(len(COMMUNITY_STEMS))]
    side = "" if attempt < len(COMMUNITY_STEMS) else COMMUNITY_SIDES[rng.integers(len(COMMUNITY_SIDES))]
    return f"{stem}{side}社区"


def _compound_name(rng: np.random.Generator, _attempt: int) -> str:
    stem = COMPOUND_STEMS[rng.integers(len(COMPOUND_STEMS))]
    return f"{stem}{COMPOUND_SUFFIXES[rng.integers(len(COMPOUND_SUFFIXES))]}"


def _unique_names(rng: np.random.Generator, n: int, make) -> list[str]:
    """n different names from `make(rng, attempt)`; plain names first, variants once those run out."""
    names: dict[str, None] = {}
    attempt = 0
    while len(names) < n:
        if attempt > 100 * n:
            raise ValueError(f"the name pool cannot give {n} different names")
        names.setdefault(make(rng, attempt), None)
        attempt += 1
    return list(names)
