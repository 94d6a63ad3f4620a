"""Single cells: names padded with spaces, dates in every spelling, units, rooms, tags, yes/no marks."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.models import ResidenceType, Tag
from app.roster import cells


def test_names_lose_alignment_padding():
    assert cells.clean_name("张  三") == "张三"
    assert cells.clean_name("\u3000李四 ") == "李四"
    assert cells.clean_name("买买提·艾力") == "买买提·艾力"
    assert cells.clean_name("John  Smith") == "John Smith"
    with pytest.raises(cells.CellError, match="缺少姓名"):
        cells.clean_name("  ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(1990, 1, 31), (1990, 1, 31)),
        (date(1990, 1, 31), (1990, 1, 31)),
        ("1990-01-31", (1990, 1, 31)),
        ("1990/1/31", (1990, 1, 31)),
        ("1990.01.31", (1990, 1, 31)),
        ("19900131", (1990, 1, 31)),
        (19900131, (1990, 1, 31)),
        ("1990年1月31日", (1990, 1, 31)),
        ("1990.01", (1990, 1, None)),
        ("1990年1月", (1990, 1, None)),
        ("", None),
        (None, None),
    ],
)
def test_birth_dates(value, expected):
    assert cells.parse_birth_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"), [("1990-02-30", "不是有效日期"), ("去年", "无法识别"), (1990.1, "转为数字")]
)
def test_bad_birth_dates(value, reason):
    with pytest.raises(cells.CellError, match=reason):
        cells.parse_birth_date(value)


@pytest.mark.parametrize(
    ("value", "unit"),
    [("1", "1"), (1, "1"), (1.0, "1"), ("1单元", "1"), ("一单元", "1"), ("第二单元", "2"), ("十二", "12")],
)
def test_units(value, unit):
    assert cells.clean_unit(value) == unit


@pytest.mark.parametrize(
    ("value", "room"), [("101", "101"), (101, "101"), (101.0, "101"), ("101室", "101"), ("1-101", "1-101")]
)
def test_rooms(value, room):
    assert cells.clean_room(value) == room


def test_residence_types():
    assert cells.parse_residence_type("常住") is ResidenceType.PERMANENT
    assert cells.parse_residence_type("租住") is ResidenceType.TENANT
    assert cells.parse_residence_type("户在人不在") is ResidenceType.REGISTERED_ONLY
    assert cells.parse_residence_type("") is None
    with pytest.raises(cells.CellError, match="居住类型 '借住' 无法识别"):
        cells.parse_residence_type("借住")


@pytest.mark.parametrize(
    "text",
    ["党员、独居老人", "党员,独居老人", "党员，独居老人", "党员;独居老人", "党员；独居老人", "党员 独居老人"],
)
def test_tag_separators(text):
    assert cells.parse_tags(text) == {Tag.PARTY_MEMBER, Tag.ELDERLY_ALONE}


def test_tag_synonyms_and_unknown_words():
    assert cells.parse_tags("低保、残疾、退伍军人、重点人员") == {
        Tag.LOW_INCOME,
        Tag.DISABLED,
        Tag.VETERAN,
        Tag.KEY_PERSON,
    }
    assert cells.parse_tags(None) == set()
    with pytest.raises(cells.CellError, match="人员类别 '网红' 无法识别"):
        cells.parse_tags("党员、网红")


@pytest.mark.parametrize(
    ("value", "flag"),
    [
        ("是", True),
        ("Y", True),
        ("√", True),
        (1, True),
        ("否", False),
        ("", False),
        (None, False),
        ("N", False),
    ],
)
def test_flags(value, flag):
    assert cells.parse_flag(value, "是否党员") is flag


def test_flag_with_unclear_value():
    with pytest.raises(cells.CellError, match="是否党员 列的值 '预备' 无法识别"):
        cells.parse_flag("预备", "是否党员")


def test_sex():
    assert cells.parse_sex("男") == "男" and cells.parse_sex("女性") == "女" and cells.parse_sex("") is None
    with pytest.raises(cells.CellError, match="性别"):
        cells.parse_sex("未知")
