"""Header recognition: the many names offices give each column, title rows above, yes/no tag columns."""

from __future__ import annotations

import pytest

from app.models import Tag
from app.roster.columns import Field, classify_header, find_header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", Field.NAME),
        ("性别", Field.SEX),
        ("身份证号", Field.ID_NUMBER),
        ("身份证号码", Field.ID_NUMBER),
        ("公民身份号码", Field.ID_NUMBER),
        ("证件号码", Field.ID_NUMBER),
        ("电话", Field.PHONE),
        ("联系电话", Field.PHONE),
        ("手机号码", Field.PHONE),
        ("手机", Field.PHONE),
        ("出生日期", Field.BIRTH_DATE),
        ("楼栋", Field.BUILDING),
        ("楼号", Field.BUILDING),
        ("单元", Field.UNIT),
        ("房号", Field.ROOM),
        ("门牌号", Field.ROOM),
        ("户号", Field.ROOM),
        ("居住类型", Field.RESIDENCE_TYPE),
        ("人户状态", Field.RESIDENCE_TYPE),
        ("与户主关系", Field.RELATION),
        ("标签", Field.TAGS),
        ("人员类别", Field.TAGS),
        ("备注", Field.NOTE),
        # the way they arrive from real sheets
        ("姓\u3000名", Field.NAME),
        (" 身份证号码 ", Field.ID_NUMBER),
        ("*姓名", Field.NAME),
        ("身份证号（18位）", Field.ID_NUMBER),
        ("联系电话(手机)", Field.PHONE),
        ("姓名\n", Field.NAME),
    ],
)
def test_header_variants(header, field):
    assert classify_header(header) is field


@pytest.mark.parametrize(
    ("header", "tag"),
    [
        ("是否党员", Tag.PARTY_MEMBER),
        ("党员", Tag.PARTY_MEMBER),
        ("是否独居老人", Tag.ELDERLY_ALONE),
        ("残疾人", Tag.DISABLED),
        ("是否重点人员", Tag.KEY_PERSON),
        ("低保户", Tag.LOW_INCOME),
        ("是否退役军人", Tag.VETERAN),
    ],
)
def test_yes_no_tag_columns(header, tag):
    assert classify_header(header) is tag


@pytest.mark.parametrize("header", ["序号", "工作单位", "", None, "幸福社区居民花名册"])
def test_other_columns_are_not_fields(header):
    assert classify_header(header) is None


def test_header_found_below_title_rows_and_blank_lines():
    rows = [
        (1, ("幸福社区居民花名册", None, None, None)),
        (2, ("填报单位: 幸福社区居委会", None, None, "2026年11月")),
        (4, ("序号", "姓名", "公民身份号码", "手机号码", "门牌号", "是否党员", "工作单位")),
        (5, (1, "张三", "11010519491231002X", "13800001234", "101", "是", "无")),
    ]
    layout = find_header(rows)
    assert layout is not None
    assert layout.row_number == 4
    assert layout.fields == {Field.NAME: [1], Field.ID_NUMBER: [2], Field.PHONE: [3], Field.ROOM: [4]}
    assert layout.flags == {5: Tag.PARTY_MEMBER}
    assert layout.ignored == ["工作单位"]


def test_no_header_without_a_name_column():
    assert find_header([(1, ("身份证号", "电话", "房号"))]) is None


def test_two_phone_columns_are_both_kept():
    layout = find_header([(1, ("姓名", "身份证号", "联系电话", "手机"))])
    assert layout is not None and layout.fields[Field.PHONE] == [2, 3]
