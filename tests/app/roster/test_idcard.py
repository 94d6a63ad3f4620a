"""GB 11643-1999 ID numbers: check digit, region, birth date, sex, and Excel's damage."""

from __future__ import annotations

from datetime import date

import pytest

from app.roster.idcard import EXCEL_NUMBER, IdNumberError, check_digit, parse_id_number
from tests.app.roster.conftest import gb11643, make_id


def test_classic_example_with_x_check_digit():
    parsed = parse_id_number("11010519491231002X")
    assert parsed.number == "11010519491231002X"
    assert parsed.birth_date == date(1949, 12, 31)
    assert parsed.sex == "女"
    assert parsed.region_code == "110105"


def test_lower_case_x_is_normalised():
    assert parse_id_number("11010519491231002x").number == "11010519491231002X"


@pytest.mark.parametrize(
    ("birth", "seq", "male"),
    [(date(1990, 1, 1), 123, True), (date(1985, 2, 28), 7, False), (date(2000, 2, 29), 400, True)],
)
def test_generated_ids_give_birth_and_sex(birth, seq, male):
    number = make_id(birth, seq, male=male)
    parsed = parse_id_number(number)
    assert parsed.birth_date == birth
    assert parsed.sex == ("男" if male else "女")


def test_check_digit_matches_independent_computation():
    for first17 in ("41010219900101123", "11010519491231002", "44030420011111222", "65010119700101000"):
        assert check_digit(first17) == gb11643(first17)[-1]


def test_spaces_full_width_digits_and_text_apostrophe_are_cleaned():
    number = make_id(date(1990, 1, 1), 5)
    spaced = f"'{number[:6]} {number[6:14]}\u3000{number[14:]}"
    assert parse_id_number(spaced).number == number
    full_width = number.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    assert parse_id_number(full_width).number == number


def test_wrong_check_digit_says_the_right_one():
    good = make_id(date(1990, 1, 1), 123)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(IdNumberError) as error:
        parse_id_number(wrong)
    assert error.value.reason == f"身份证号校验位错误 (应为 {good[17]})"


def test_wrong_check_digit_asking_for_x():
    with pytest.raises(IdNumberError, match=r"校验位错误 \(应为 X\)"):
        parse_id_number("110105194912310021")


@pytest.mark.parametrize("value", [410102199001011000.0, 4.10102e17, 410102199001011234])
def test_numeric_cell_is_the_excel_error_never_a_guess(value):
    with pytest.raises(IdNumberError) as error:
        parse_id_number(value)
    assert error.value.reason == EXCEL_NUMBER


@pytest.mark.parametrize("text", ["4.10102E+17", "4.10102e+17", "4.101021990E17", "410102199001011000.0"])
def test_scientific_text_is_the_excel_error(text):
    with pytest.raises(IdNumberError, match="Excel 已将身份证号转为数字, 请将该列设为文本格式后重新录入"):
        parse_id_number(text)


def test_digits_ending_in_000_hint_at_excel():
    with pytest.raises(IdNumberError, match="校验位错误.*可能已被 Excel 转为数字"):
        parse_id_number("410102199001011000")


def test_old_15_digit_id_is_rejected_with_reason():
    with pytest.raises(IdNumberError, match="15 位旧身份证号已停用"):
        parse_id_number("410102900101123")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "缺少身份证号"),
        (None, "缺少身份证号"),
        ("41010219900101123", "应为 18 位, 实为 17 位"),
        ("4101021990010112345", "应为 18 位, 实为 19 位"),
        ("41010219900101A234", "只能由数字组成"),
        ("X10102199001011234", "只能由数字组成"),
    ],
)
def test_malformed(value, reason):
    with pytest.raises(IdNumberError, match=reason):
        parse_id_number(value)


def test_unknown_province_code():
    number = gb11643("99010219900101123")
    with pytest.raises(IdNumberError, match="地区码 990102 无效"):
        parse_id_number(number)


def test_impossible_birth_date():
    number = gb11643("41010219900230123")  # 30 February
    with pytest.raises(IdNumberError, match="出生日期 19900230 不是有效日期"):
        parse_id_number(number)


def test_birth_date_in_the_future():
    number = gb11643("41010220300101123")
    with pytest.raises(IdNumberError, match="晚于今天"):
        parse_id_number(number)
    assert parse_id_number(number, today=date(2031, 1, 1)).birth_date == date(2030, 1, 1)


def test_birth_before_1900():
    with pytest.raises(IdNumberError, match="早于 1900 年"):
        parse_id_number(gb11643("41010218991231123"))
