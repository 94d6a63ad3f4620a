"""Mainland resident ID numbers (GB 11643-1999): validation, birth date and sex.

An ID that Excel has turned into a number has lost its last digits for good, so it is reported as
an error with the fix (set the column to text and enter it again), never repaired by guessing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

# GB/T 2260 province-level codes; 71 Taiwan, 81/82 Hong Kong/Macao, 83 Taiwan residence permits.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)
EARLIEST_BIRTH = date(1900, 1, 1)

EXCEL_NUMBER = "Excel 已将身份证号转为数字, 请将该列设为文本格式后重新录入"
_SCIENTIFIC = re.compile(r"^[0-9]+(\.[0-9]+)?[eE][+]?[0-9]+$")
_DECIMAL = re.compile(r"^[0-9]+\.[0-9]*$")


class IdNumberError(ValueError):
    """Why an ID number was rejected, in words the person at the keyboard can act on."""

    @property
    def reason(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class IdNumber:
    number: str
    region_code: str
    birth_date: date
    sex: str  # 男 / 女

    def __str__(self) -> str:
        return self.number


def check_digit(first17: str) -> str:
    """The GB 11643 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("check_digit needs exactly 17 digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def clean_text(value: str) -> str:
    """Full-width to half-width, and drop spaces, tabs and the apostrophe Excel uses to force text."""
    text = unicodedata.normalize("NFKC", value)
    text = "".join(text.split())
    return text.lstrip("'")


def parse_id_number(value: object, *, today: date | None = None) -> IdNumber:
    """Validate one cell's ID number; raises IdNumberError with the reason when it is not valid."""
    if isinstance(value, bool) or value is None:
        raise IdNumberError("缺少身份证号")
    if isinstance(value, int | float):
        raise IdNumberError(EXCEL_NUMBER)
    text = clean_text(str(value))
    if not text:
        raise IdNumberError("缺少身份证号")
    if _SCIENTIFIC.match(text) or _DECIMAL.match(text):
        raise IdNumberError(EXCEL_NUMBER)
    text = text.upper()
    if len(text) == 15 and text.isdigit():
        raise IdNumberError("15 位旧身份证号已停用, 请录入 18 位身份证号")
    if len(text) != 18:
        raise IdNumberError(f"身份证号应为 18 位, 实为 {len(text)} 位")
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise IdNumberError("身份证号只能由数字组成, 末位可为 X")
    if int(text[:2]) not in PROVINCE_CODES:
        raise IdNumberError(f"身份证号地区码 {text[:6]} 无效 (省级代码 {text[:2]} 不存在)")
    birth = _birth_date(text, today or date.today())
    expected = check_digit(text[:17])
    if text[17] != expected:
        hint = ""
        if text.endswith("000"):
            hint = "; 末三位为 000, 可能已被 Excel 转为数字, 请将该列设为文本格式后重新录入"
        raise IdNumberError(f"身份证号校验位错误 (应为 {expected}){hint}")
    return IdNumber(text, text[:6], birth, "男" if int(text[16]) % 2 else "女")


def _birth_date(text: str, today: date) -> date:
    digits = text[6:14]
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise IdNumberError(f"身份证号中的出生日期 {digits} 不是有效日期") from None
    if birth > today:
        raise IdNumberError(f"身份证号中的出生日期 {birth.isoformat()} 晚于今天")
    if birth < EARLIEST_BIRTH:
        raise IdNumberError(f"身份证号中的出生日期 {birth.isoformat()} 早于 1900 年")
    return birth
