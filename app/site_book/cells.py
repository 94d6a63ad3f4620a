"""Reading single workbook cells safely: formulas refused, control characters and markup refused,
numbers and yes/no marks read as offices write them. Each parser raises CellError with the reason."""

from __future__ import annotations

import math
import re

from app.roster.cells import CellError, parse_flag, text_of

__all__ = [
    "CellError",
    "Formula",
    "number",
    "optional_text",
    "required_text",
    "safe_text",
    "whole_number",
    "yes_no",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")


class Formula:
    """A cell the reader found holding a formula: refused, since its value is whatever Excel computed
    last (or nothing, for a workbook no spreadsheet program has saved) and may reach other programs."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


def safe_text(value: object, label: str, limit: int) -> str:
    """A cell as clean text; empty text is allowed here (the caller decides if it is required)."""
    if isinstance(value, Formula):
        raise CellError(f"{label}是公式 ({value.text[:30]}), 请改为直接填写的值 (复制后选择性粘贴为数值)")
    text = text_of(value)
    if _CONTROL.search(text):
        raise CellError(f"{label}含有不可见的控制字符, 请重新录入")
    if _MARKUP.search(text):
        raise CellError(f"{label}含有 HTML 标记 ({_MARKUP.search(text).group(0)[:20]}), 请去掉尖括号")
    text = " ".join(text.split())
    if len(text) > limit:
        raise CellError(f"{label}过长 ({len(text)} 字, 最多 {limit} 字)")
    return text


def required_text(value: object, label: str, limit: int) -> str:
    text = safe_text(value, label, limit)
    if not text:
        raise CellError(f"缺少{label}")
    return text


def optional_text(value: object, label: str, limit: int) -> str | None:
    return safe_text(value, label, limit) or None


def number(value: object, label: str, low: float, high: float) -> float | None:
    """A number within [low, high]; None for an empty cell."""
    if isinstance(value, bool):
        raise CellError(f"{label} '{value}' 不是数字")
    if isinstance(value, int | float):
        result = float(value)
    else:
        text = safe_text(value, label, 32).replace("°", "")
        if not text:
            return None
        try:
            result = float(text)
        except ValueError:
            raise CellError(f"{label} '{text}' 不是数字") from None
    if not math.isfinite(result) or not low <= result <= high:
        raise CellError(f"{label} {result:g} 超出范围 ({low:g} 到 {high:g})")
    return result


def whole_number(value: object, label: str, low: int, high: int) -> int | None:
    result = number(value, label, low, high)
    if result is None:
        return None
    if not float(result).is_integer():
        raise CellError(f"{label} {result:g} 应为整数")
    return int(result)


def yes_no(value: object, label: str) -> bool | None:
    """是/否 (and the marks the roster accepts); None for an empty cell."""
    if isinstance(value, Formula):
        safe_text(value, label, 8)
    if not text_of(value):
        return None
    return parse_flag(value, label)
