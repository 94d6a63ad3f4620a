"""Finding the header row of a roster sheet and which column holds what.

Offices name their columns in many ways (身份证号 / 公民身份号码 / 证件号码 ...), put a title or two
above the header and mark tags with one yes/no column per tag (是否党员). This module maps all of
that onto one set of fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.models import Tag


class Field(StrEnum):
    NAME = "name"
    SEX = "sex"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    BIRTH_DATE = "birth_date"
    BUILDING = "building"
    UNIT = "unit"
    ROOM = "room"
    RESIDENCE_TYPE = "residence_type"
    RELATION = "relation"
    TAGS = "tags"
    NOTE = "note"

    @property
    def zh(self) -> str:
        return HEADER_ZH[self]


# The header the export writes; the first alias of each field.
HEADER_ZH: dict[Field, str] = {
    Field.NAME: "姓名",
    Field.SEX: "性别",
    Field.ID_NUMBER: "身份证号",
    Field.PHONE: "联系电话",
    Field.BIRTH_DATE: "出生日期",
    Field.BUILDING: "楼栋",
    Field.UNIT: "单元",
    Field.ROOM: "房号",
    Field.RESIDENCE_TYPE: "居住类型",
    Field.RELATION: "与户主关系",
    Field.TAGS: "人员类别",
    Field.NOTE: "备注",
}

_ALIASES: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("姓名", "居民姓名", "人员姓名", "名字"),
    Field.SEX: ("性别",),
    Field.ID_NUMBER: (
        "身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "公民身份证号", "公民身份证号码",
        "身份号码", "证件号",
    ),
    Field.PHONE: ("联系电话", "电话", "手机号码", "手机", "手机号", "联系方式", "电话号码"),
    Field.BIRTH_DATE: ("出生日期", "出生年月", "出生年月日", "生日"),
    Field.BUILDING: ("楼栋", "楼号", "楼栋号", "栋", "幢", "楼宇"),
    Field.UNIT: ("单元", "单元号"),
    Field.ROOM: ("房号", "门牌号", "户号", "房间号", "室", "门牌"),
    Field.RESIDENCE_TYPE: ("居住类型", "人户状态", "居住状态", "居住性质"),
    Field.RELATION: ("与户主关系", "户主关系", "关系"),
    Field.TAGS: ("人员类别", "标签", "人员类型", "人员标签", "特殊人群", "类别"),
    Field.NOTE: ("备注", "备注信息"),
}  # fmt: skip
HEADER_ALIASES: dict[str, Field] = {alias: f for f, aliases in _ALIASES.items() for alias in aliases}

# Words for each tag, in cells of 人员类别 and in yes/no column headers (党员 / 是否党员).
TAG_WORDS: dict[str, Tag] = {
    "党员": Tag.PARTY_MEMBER,
    "中共党员": Tag.PARTY_MEMBER,
    "共产党员": Tag.PARTY_MEMBER,
    "独居老人": Tag.ELDERLY_ALONE,
    "独居": Tag.ELDERLY_ALONE,
    "残疾人": Tag.DISABLED,
    "残疾": Tag.DISABLED,
    "残障人士": Tag.DISABLED,
    "重点人员": Tag.KEY_PERSON,
    "重点人群": Tag.KEY_PERSON,
    "低保户": Tag.LOW_INCOME,
    "低保": Tag.LOW_INCOME,
    "低保人员": Tag.LOW_INCOME,
    "退役军人": Tag.VETERAN,
    "退伍军人": Tag.VETERAN,
    "未成年人": Tag.MINOR,
    "流动人口": Tag.FLOATING,
}

HEADER_SCAN_ROWS = 20  # title rows, notes and blank lines above the header
MIN_FIELDS = 3  # a header names the person and at least two more things


def normalise_header(text: object) -> str:
    """Full-width to half-width, no spaces, no required-field stars, no (hints) in brackets."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text))
    value = re.sub(r"\(.*?\)|\[.*?\]|【.*?】", "", value)
    return "".join(value.split()).strip("*:").lower()


def classify_header(text: object) -> Field | Tag | None:
    """The field a header names, the tag of a yes/no column, or None for columns the roster ignores."""
    header = normalise_header(text)
    if not header:
        return None
    if header in HEADER_ALIASES:
        return HEADER_ALIASES[header]
    word = header.removeprefix("是否")
    return TAG_WORDS.get(word)


@dataclass
class HeaderLayout:
    """Where the header is and which columns (0-based) hold each field and yes/no tag."""

    row_number: int
    fields: dict[Field, list[int]] = field(default_factory=dict)
    flags: dict[int, Tag] = field(default_factory=dict)
    flag_headers: dict[int, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return len(self.fields) + len(self.flags)


def layout_of(row_number: int, values: Sequence[object]) -> HeaderLayout:
    layout = HeaderLayout(row_number)
    for index, value in enumerate(values):
        kind = classify_header(value)
        if isinstance(kind, Field):
            layout.fields.setdefault(kind, []).append(index)
        elif isinstance(kind, Tag):
            layout.flags[index] = kind
            layout.flag_headers[index] = str(value).strip()
        elif normalise_header(value) and normalise_header(value) not in ("序号", "编号", "no", "no."):
            layout.ignored.append(str(value).strip())
    return layout


def find_header(rows: Iterable[tuple[int, Sequence[object]]]) -> HeaderLayout | None:
    """The best header among the first rows: it must name 姓名 and at least two other fields."""
    best: HeaderLayout | None = None
    for scanned, (row_number, values) in enumerate(rows):
        if scanned >= HEADER_SCAN_ROWS:
            break
        layout = layout_of(row_number, values)
        if Field.NAME in layout.fields and layout.score >= MIN_FIELDS:
            if best is None or layout.score > best.score:
                best = layout
    return best
