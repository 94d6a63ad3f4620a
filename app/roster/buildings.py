"""Matching the 楼栋 column against the site's buildings: "3号楼", "3", "3栋", "三号楼" are one building."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.roster.cells import chinese_numerals_to_digits

_SUFFIX = re.compile(r"(号楼|号栋|号幢|栋|幢|座|楼|号|#)$")


def building_key(label: str) -> str:
    """The comparable core of a building label: 03号楼 / 3栋 / 三号楼 / 3 -> 3."""
    text = "".join(unicodedata.normalize("NFKC", label).split())
    text = chinese_numerals_to_digits(text.removeprefix("第"))
    text = _SUFFIX.sub("", text)
    return (text.lstrip("0") or text) if text.isdigit() else text.upper()


@dataclass(frozen=True)
class BuildingRef:
    id: int
    name: str
    address: str


class BuildingNotFound(LookupError):
    @property
    def reason(self) -> str:
        return str(self.args[0])


class BuildingDirectory:
    """The site's buildings, looked up by exact name, exact address or building key."""

    def __init__(self, buildings: Iterable[BuildingRef]) -> None:
        self.buildings = sorted(buildings, key=lambda b: (building_key(b.name), b.address))
        self._exact: dict[str, list[BuildingRef]] = defaultdict(list)
        self._by_key: dict[str, list[BuildingRef]] = defaultdict(list)
        for building in self.buildings:
            self._exact[_squash(building.name)].append(building)
            if building.address and _squash(building.address) != _squash(building.name):
                self._exact[_squash(building.address)].append(building)
            self._by_key[building_key(building.name)].append(building)

    def match(self, label: str) -> BuildingRef:
        candidates = (
            self._exact.get(_squash(label))
            or self._by_key.get(building_key(label), [])
            or self._by_address_tail(label)
        )
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            where = "、".join(b.address for b in candidates[:5])
            raise BuildingNotFound(f"楼栋 '{label}' 不唯一 (符合的有: {where}), 请填写完整地址")
        if not self.buildings:
            raise BuildingNotFound(f"楼栋 '{label}' 不存在 (本站点还没有楼栋, 请先导入网格与楼栋)")
        known = "、".join(b.name for b in self.buildings[:8])
        more = " 等" if len(self.buildings) > 8 else ""
        raise BuildingNotFound(f"楼栋 '{label}' 不存在 (本站点楼栋: {known}{more})")

    def _by_address_tail(self, label: str) -> list[BuildingRef]:
        """Buildings whose full address ends with the label: 绿城花园1号楼 names 建中街街道幸福社区绿城花园1号楼.

        Addresses made from the grid chain are long; offices write the compound and the building.
        The label must be longer than a bare building name, so "1号楼" never picks by accident.
        """
        tail = _squash(label)
        return [
            b
            for b in self.buildings
            if _squash(b.address).endswith(tail) and len(tail) > len(_squash(b.name))
        ]

    def label_for(self, building: BuildingRef) -> str:
        """What the export writes: the name when it is unique on the site, else the full address."""
        unique = len(self._exact.get(_squash(building.name), [])) == 1
        return building.name if unique else building.address


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())
