"""One roster row, validated on its own: the fields a resident and their household need.

Checks that need the other rows (duplicates) or the store (buildings, registered IDs) live in the
importer; here every problem of the row itself is collected, not just the first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from app.models import ResidenceType, Tag
from app.roster import cells
from app.roster.columns import Field, HeaderLayout
from app.roster.idcard import IdNumber, IdNumberError, parse_id_number
from app.roster.phone import PhoneError, normalise_phone
from app.roster.reader import RawRow
from app.safe_cells import control_characters

T = TypeVar("T")


@dataclass(frozen=True)
class RosterEntry:
    """A valid row; `building` is the label as written, matched against the store by the importer."""

    row: int
    name: str
    sex: str
    id_number: str
    birth_date: date
    phone: str | None
    building: str
    unit: str
    room: str
    residence_type: ResidenceType | None
    relation: str | None
    tags: frozenset[Tag]
    note: str | None

    @property
    def household_key(self) -> tuple[str, str, str]:
        return self.building, self.unit, self.room


def cell(row: RawRow, layout: HeaderLayout, field: Field) -> object:
    """The field's value in this row: the first non-empty of its columns (电话 and 手机 may both exist)."""
    for index in layout.fields.get(field, ()):
        value = row.values[index] if index < len(row.values) else None
        if value is not None and str(value).strip():
            return value
    return None


def parse_entry(row: RawRow, layout: HeaderLayout) -> tuple[RosterEntry | None, list[str]]:
    """The row as an entry, or None and every reason it is not valid."""
    reasons: list[str] = []

    def attempt(parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except (cells.CellError, IdNumberError, PhoneError) as error:
            reasons.append(error.reason)
            return None

    def value(field: Field) -> object:
        return cell(row, layout, field)

    reasons.extend(_control_characters(row, layout))
    name = attempt(lambda: cells.clean_name(value(Field.NAME)))
    id_number: IdNumber | None = attempt(lambda: parse_id_number(value(Field.ID_NUMBER)))
    sex = attempt(lambda: cells.parse_sex(value(Field.SEX)))
    birth = attempt(lambda: cells.parse_birth_date(value(Field.BIRTH_DATE)))
    phone = attempt(lambda: normalise_phone(value(Field.PHONE)))
    building = cells.text_of(value(Field.BUILDING))
    if not building:
        reasons.append("缺少楼栋")
    unit = attempt(lambda: cells.clean_unit(value(Field.UNIT)))
    room = attempt(lambda: cells.clean_room(value(Field.ROOM)))
    residence = attempt(lambda: cells.parse_residence_type(value(Field.RESIDENCE_TYPE)))
    relation = attempt(lambda: cells.clean_short_text(value(Field.RELATION), "与户主关系", 16))
    note = attempt(lambda: cells.clean_short_text(value(Field.NOTE), "备注", 200))
    tags = attempt(lambda: _tags(row, layout)) or set()

    if id_number is not None:
        if sex is not None and sex != id_number.sex:
            reasons.append(f"性别 '{sex}' 与身份证号不符 (身份证号为{id_number.sex}性)")
        if birth is not None and not _same_birth(birth, id_number.birth_date):
            written = "-".join(f"{part:02d}" for part in birth if part is not None)
            reasons.append(
                f"出生日期 {written} 与身份证号不符 (身份证号为 {id_number.birth_date.isoformat()})"
            )
    if reasons:
        return None, reasons
    assert name is not None and id_number is not None and unit is not None and room is not None
    entry = RosterEntry(
        row=row.number,
        name=name,
        sex=id_number.sex,
        id_number=id_number.number,
        birth_date=id_number.birth_date,
        phone=phone,
        building=building,
        unit=unit,
        room=room,
        residence_type=residence,
        relation=relation,
        tags=frozenset(tags),
        note=note,
    )
    return entry, []


def _control_characters(row: RawRow, layout: HeaderLayout) -> list[str]:
    """NUL and other control characters in any column the import reads: the row is refused."""
    reasons = []
    for field, indexes in layout.fields.items():
        for index in indexes:
            value = row.values[index] if index < len(row.values) else None
            if isinstance(value, str) and (controls := control_characters(value)):
                reasons.append(f"{field.zh} 含控制字符 {'、'.join(controls)} (contains control characters)")
    return reasons


def _tags(row: RawRow, layout: HeaderLayout) -> set[Tag]:
    tags = cells.parse_tags(cell(row, layout, Field.TAGS))
    for index, tag in layout.flags.items():
        value = row.values[index] if index < len(row.values) else None
        if cells.parse_flag(value, layout.flag_headers[index]):
            tags.add(tag)
    return tags


def _same_birth(written: tuple[int, int, int | None], actual: date) -> bool:
    year, month, day = written
    return (year, month) == (actual.year, actual.month) and day in (None, actual.day)
