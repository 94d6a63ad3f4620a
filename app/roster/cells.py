"""Reading single roster cells: names, sex, dates, addresses, residence types, tags, yes/no marks.

Each parser returns the clean value or raises CellError with the reason shown to the user.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from app.models import ResidenceType, Tag
from app.roster.columns import TAG_WORDS


class CellError(ValueError):
    @property
    def reason(self) -> str:
        return str(self.args[0])


def text_of(value: object) -> str:
    """A cell as trimmed half-width text; whole numbers lose Excel's ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def clean_name(value: object) -> str:
    """张  三 (padded to line up with three-character names) -> 张三; Latin names keep single spaces."""
    text = text_of(value)
    if re.search(r"[A-Za-z]", text):
        text = " ".join(text.split())
    else:
        text = "".join(text.split())
    if not text:
        raise CellError("缺少姓名")
    if len(text) > 64:
        raise CellError(f"姓名过长 ({len(text)} 字, 最多 64 字)")
    return text


_SEX = {
    "男": "男",
    "男性": "男",
    "m": "男",
    "male": "男",
    "女": "女",
    "女性": "女",
    "f": "女",
    "female": "女",
}


def parse_sex(value: object) -> str | None:
    text = text_of(value).lower()
    if not text:
        return None
    if text not in _SEX:
        raise CellError(f"性别 '{text_of(value)}' 无法识别 (应为 男/女)")
    return _SEX[text]


_DATE_PARTS = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$")


def parse_birth_date(value: object) -> tuple[int, int, int | None] | None:
    """Year, month and day (None when the column holds only 出生年月 such as 1990.01)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.year, value.month, value.day
    if isinstance(value, float) and not value.is_integer():
        raise CellError(f"出生日期 {value} 已被 Excel 转为数字, 请将该列设为文本或日期格式")
    text = text_of(value)
    if not text:
        return None
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    elif re.fullmatch(r"\d{6}", text):
        text = f"{text[:4]}-{text[4:]}"
    match = _DATE_PARTS.match(text)
    if not match:
        raise CellError(f"出生日期 '{text}' 无法识别 (应如 1990-01-31)")
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else None
    try:
        date(year, month, day or 1)
    except ValueError:
        raise CellError(f"出生日期 '{text}' 不是有效日期") from None
    return year, month, day


_CHINESE_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_numerals_to_digits(text: str) -> str:
    """三 -> 3, 十二 -> 12, 二十 -> 20: the numbers in 三号楼 or 二单元 (up to 99)."""

    def convert(match: re.Match[str]) -> str:
        word = match.group(0)
        if "十" not in word:
            return "".join(str(_CHINESE_DIGITS[c]) for c in word)
        tens, _, ones = word.partition("十")
        return str((_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0))

    return re.sub(
        r"[零一二两三四五六七八九]?十[一二三四五六七八九]?|[零一二两三四五六七八九]+", convert, text
    )


def clean_unit(value: object) -> str:
    """1单元 / 一单元 / 1 -> 1."""
    text = chinese_numerals_to_digits("".join(text_of(value).split()))
    text = re.sub(r"^第|单元$", "", text)
    if not text:
        raise CellError("缺少单元")
    if len(text) > 16:
        raise CellError(f"单元 '{text}' 过长")
    return text


def clean_room(value: object) -> str:
    """101室 / 101号 / 101 -> 101."""
    text = "".join(text_of(value).split())
    text = re.sub(r"(室|号|房)$", "", text)
    if not text:
        raise CellError("缺少房号")
    if len(text) > 16:
        raise CellError(f"房号 '{text}' 过长")
    return text


_RESIDENCE = {
    "常住": ResidenceType.PERMANENT,
    "常住户": ResidenceType.PERMANENT,
    "常住人口": ResidenceType.PERMANENT,
    "自住": ResidenceType.PERMANENT,
    "人户一致": ResidenceType.PERMANENT,
    "租住": ResidenceType.TENANT,
    "租户": ResidenceType.TENANT,
    "租房": ResidenceType.TENANT,
    "出租": ResidenceType.TENANT,
    "户在人不在": ResidenceType.REGISTERED_ONLY,
}


def parse_residence_type(value: object) -> ResidenceType | None:
    text = "".join(text_of(value).split())
    if not text:
        return None
    if text not in _RESIDENCE:
        raise CellError(f"居住类型 '{text}' 无法识别 (应为 常住/租住/户在人不在)")
    return _RESIDENCE[text]


_TAG_SEPARATORS = re.compile(r"[、,;/\s]+")


def parse_tags(value: object) -> set[Tag]:
    """党员、独居老人 / 党员,低保户 / 党员;残疾人 -> tags; an unknown word is an error, not dropped."""
    words = [w for w in _TAG_SEPARATORS.split(text_of(value)) if w]
    unknown = [w for w in words if w not in TAG_WORDS]
    if unknown:
        known = "、".join(t.zh for t in Tag)
        raise CellError(f"人员类别 '{'、'.join(unknown)}' 无法识别 (可用: {known})")
    return {TAG_WORDS[w] for w in words}


_YES = {"是", "y", "yes", "√", "✓", "✔", "1", "true", "有", "●"}
_NO = {"", "否", "n", "no", "×", "✗", "0", "false", "无", "-", "/"}


def parse_flag(value: object, header: str) -> bool:
    """A yes/no column such as 是否党员."""
    text = text_of(value).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(f"{header} 列的值 '{text_of(value)}' 无法识别 (应为 是/否)")


def clean_short_text(value: object, label: str, limit: int) -> str | None:
    text = text_of(value)
    if not text:
        return None
    if len(text) > limit:
        raise CellError(f"{label}过长 ({len(text)} 字, 最多 {limit} 字)")
    return text
