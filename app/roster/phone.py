"""Phone numbers as rosters write them: mobiles to 11 digits, fixed lines to 区号-号码."""

from __future__ import annotations

import re
import unicodedata

MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
# Area codes: 010 and 020-029 have three digits, every other one four (0371 Zhengzhou).
FIXED_LINE = re.compile(r"^(0(?:10|2[0-9]|[3-9][0-9]{2}))([2-9][0-9]{6,7})$")
_SEPARATORS = re.compile(r"[\s\-().]")
_LIST = re.compile(r"[/,;、]")


class PhoneError(ValueError):
    """Why a phone number was rejected."""

    @property
    def reason(self) -> str:
        return str(self.args[0])


def normalise_phone(value: object) -> str | None:
    """The canonical form of one cell's phone number, None for an empty cell; PhoneError otherwise."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_number(value)
    raw = unicodedata.normalize("NFKC", str(value)).strip().lstrip("'")
    if not raw:
        return None
    if len([part for part in _LIST.split(raw) if part.strip()]) > 1:
        raise PhoneError(f"电话 {value} 含有多个号码, 每格只填一个号码")
    extension = ""
    match = re.search(r"(?:转|ext\.?|x)\s*([0-9]{1,6})$", raw, flags=re.IGNORECASE)
    if match:
        extension, raw = match.group(1), raw[: match.start()]
    digits = _SEPARATORS.sub("", raw)
    international = digits.startswith("+") or digits.startswith("00")
    digits = digits.lstrip("+")
    if not digits.isdigit():
        raise PhoneError(f"电话 {value} 含有非数字字符 (每格只填一个号码)")
    if international:
        if not digits.startswith(("86", "0086")):
            raise PhoneError(f"电话 {value} 不是中国大陆号码")
        digits = digits.removeprefix("00").removeprefix("86")
        if not digits.startswith(("0", "1")):
            digits = "0" + digits  # international form drops the trunk 0 of the area code
    elif len(digits) == 13 and digits.startswith("86") and MOBILE.match(digits[2:]):
        digits = digits[2:]
    if MOBILE.match(digits):
        if extension:
            raise PhoneError(f"手机号 {value} 不能带分机号")
        return digits
    fixed = FIXED_LINE.match(digits)
    if fixed:
        number = f"{fixed.group(1)}-{fixed.group(2)}"
        return f"{number}-{extension}" if extension else number
    if len(digits) in (7, 8) and digits[0] in "23456789":
        raise PhoneError(f"固定电话 {value} 缺少区号 (如 0371-)")
    if digits.startswith("1") and len(digits) != 11:
        raise PhoneError(f"手机号 {value} 应为 11 位, 实为 {len(digits)} 位")
    if digits.startswith("1"):
        raise PhoneError(f"手机号 {value} 的号段无效 (应以 13-19 开头)")
    raise PhoneError(f"电话 {value} 不是有效的手机或固定电话号码")


def _from_number(value: int | float) -> str:
    """A numeric cell: a mobile survives Excel's conversion, a fixed line has lost its leading 0."""
    if isinstance(value, float) and not value.is_integer():
        raise PhoneError(f"电话 {value} 不是有效号码")
    digits = str(int(value))
    if MOBILE.match(digits):
        return digits
    raise PhoneError(f"Excel 已将电话 {digits} 转为数字 (区号前的 0 已丢失), 请将该列设为文本格式后重新录入")
