"""The category tree with time limits: shipped defaults, overridable by a file in the user data folder."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path

from app.config import data_dir

LEVELS = (3, 2, 1, 0)  # handling levels: level-3/2/1 grid leaders, 0 = the county-level leader
_LIMIT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhd])\s*$")


class CaseType(StrEnum):
    IMMEDIATE = "即办件"
    PROMISED = "承诺件"
    COORDINATED = "协调件"


class CategoryError(ValueError):
    """The category file is wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Limit:
    """A time limit as written in the file: an amount of working minutes, hours or days."""

    amount: float
    unit: str  # m, h, d

    @classmethod
    def parse(cls, text: str, where: str) -> Limit:
        match = _LIMIT.match(str(text))
        if not match or float(match.group(1)) <= 0:
            raise CategoryError(f"{where}: 时限格式错误 bad limit {text!r} (use e.g. 4h, 3d, 30m)")
        return cls(float(match.group(1)), match.group(2))

    def minutes(self, minutes_per_day: int) -> float:
        return self.amount * {"m": 1, "h": 60, "d": minutes_per_day}[self.unit]

    def __str__(self) -> str:
        amount = int(self.amount) if self.amount.is_integer() else self.amount
        return f"{amount}{self.unit}"

    @property
    def zh(self) -> str:
        amount = int(self.amount) if self.amount.is_integer() else self.amount
        return f"{amount}{ {'m': '个工作分钟', 'h': '个工作小时', 'd': '个工作日'}[self.unit] }"


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    name_en: str
    group_code: str
    group_name: str
    case_type: CaseType
    limits: dict[int, Limit]  # per handling level (3, 2, 1, 0)
    response: Limit
    natural_clock: bool = False  # emergencies run round the clock, not in working time

    def limit(self, level: int) -> Limit:
        return self.limits[level]

    @property
    def path(self) -> str:
        return f"{self.group_name}/{self.name}"


@dataclass
class CategoryBook:
    """All categories by code, in file order, and where they were read from."""

    categories: dict[str, Category] = field(default_factory=dict)
    source: str = ""

    def __getitem__(self, code: str) -> Category:
        try:
            return self.categories[code]
        except KeyError:
            known = ", ".join(list(self.categories)[:8])
            raise KeyError(f"未知分类 unknown category {code!r} (e.g. {known} …)") from None

    def __contains__(self, code: object) -> bool:
        return code in self.categories

    def __iter__(self):
        return iter(self.categories.values())

    def __len__(self) -> int:
        return len(self.categories)


def default_path() -> Path:
    return Path(str(resources.files("resources").joinpath("categories.json")))


def user_path() -> Path:
    return data_dir() / "categories.json"


def load_categories(path: Path | None = None) -> CategoryBook:
    """The user's edited file if there is one, else the shipped defaults; every error names its entry."""
    if path is None:
        path = user_path() if user_path().exists() else default_path()
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise CategoryError(f"{path}: 无法读取分类文件 cannot read the category file: {error}") from error
    return parse_categories(document, str(path))


def parse_categories(document: dict, source: str) -> CategoryBook:
    book = CategoryBook(source=source)
    errors: list[str] = []
    for g_index, group in enumerate(document.get("groups", [])):
        for c_index, entry in enumerate(group.get("children", [])):
            where = f"{source}: groups[{g_index}].children[{c_index}] {entry.get('code', '?')}"
            try:
                category = _category(group, entry, where)
            except (CategoryError, KeyError) as error:
                errors.append(
                    str(error) if isinstance(error, CategoryError) else f"{where}: 缺少 missing {error}"
                )
                continue
            if category.code in book.categories:
                errors.append(f"{where}: 分类编码重复 duplicate code")
            book.categories[category.code] = category
    if errors:
        raise CategoryError("\n".join(errors))
    if not book.categories:
        raise CategoryError(f"{source}: 没有任何分类 no categories")
    return book


def _category(group: dict, entry: dict, where: str) -> Category:
    base = Limit.parse(entry["limit"], where)
    limits = dict.fromkeys(LEVELS, base)
    for level_text, text in entry.get("limits", {}).items():
        if int(level_text) not in LEVELS:
            raise CategoryError(f"{where}: 层级只能是 3/2/1/0 level must be 3, 2, 1 or 0, not {level_text}")
        limits[int(level_text)] = Limit.parse(text, where)
    try:
        case_type = CaseType(entry["case_type"])
    except ValueError:
        raise CategoryError(
            f"{where}: 办件类型应为 即办件/承诺件/协调件, not {entry['case_type']!r}"
        ) from None
    clock = entry.get("clock", "working")
    if clock not in ("working", "calendar"):
        raise CategoryError(f"{where}: clock 应为 working 或 calendar, not {clock!r}")
    return Category(
        code=str(entry["code"]),
        name=str(entry["name"]),
        name_en=str(entry.get("name_en", entry["name"])),
        group_code=str(group["code"]),
        group_name=str(group["name"]),
        case_type=case_type,
        limits=limits,
        response=Limit.parse(entry.get("response", "1d"), where),
        natural_clock=clock == "calendar",
    )
