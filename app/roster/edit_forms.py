"""The roster edit forms' values and their checks: what a form states, why it was refused, and the
masked before/after snapshots the audit keeps. Every value goes through the importer's own parsers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from app.models import Household, ResidenceType, Resident, Tag
from app.roster import cells
from app.roster.idcard import IdNumberError
from app.roster.masking import HEALTH_HIDDEN, mask_phone
from app.roster.phone import PhoneError
from app.site_book.cells import safe_text

T = TypeVar("T")
_FORMULA_START = ("=", "+", "-", "@")

# English beside every field's Chinese reason, for the form's inline messages.
FIELD_ENGLISH = {
    "name": "name",
    "id_number": "ID number (18 characters, GB 11643)",
    "phone": "phone (mobile or 区号-number)",
    "relation": "relation to the head",
    "health_note": "health note",
    "building": "building",
    "unit": "unit",
    "room": "room",
    "residence_type": "residence type",
    "emergency_contact": "emergency contact",
    "emergency_phone": "emergency phone",
    "note": "note",
    "tags": "tags",
    "household": "household",
    "resident": "resident",
}


class RosterEditError(ValueError):
    """Why an edit was refused: one Chinese reason with English beside it per field."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems.values()))


@dataclass(frozen=True)
class HouseholdForm:
    """A household as the form states it; `emergency_phone` None keeps the stored (masked) number and
    "" removes it."""

    building_id: int
    unit: str
    room: str
    residence_type: str = ResidenceType.PERMANENT.value
    emergency_contact: str = ""
    emergency_phone: str | None = ""
    note: str = ""


@dataclass(frozen=True)
class ResidentForm:
    """A resident as the form states it. An empty `id_number` or a None `phone` when changing a
    resident keeps the stored value: the form only ever shows them masked; a `phone` of "" removes it."""

    name: str
    id_number: str = ""
    phone: str | None = ""
    relation: str = ""
    health_note: str = ""
    tags: frozenset[str] = frozenset()


class Checks:
    """Collects one reason per field, each parser's Chinese words with the field's English."""

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}

    def add(self, field: str, reason: str) -> None:
        self.problems.setdefault(field, f"{reason} ({FIELD_ENGLISH.get(field, field)})")

    def attempt(self, field: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except (cells.CellError, IdNumberError, PhoneError) as error:
            self.add(field, error.reason)
            return None

    def raise_any(self) -> None:
        if self.problems:
            raise RosterEditError(dict(self.problems))


def optional_text(value: str, label: str, limit: int) -> str | None:
    return safe_text(value, label, limit) or None


def resident_name(value: str) -> str:
    """The importer's name rules, then what a typed name must not carry into exports and views."""
    safe_text(value, "姓名", 64)  # control characters and HTML refused
    name = cells.clean_name(value)
    if name.startswith(_FORMULA_START):
        raise cells.CellError(f"姓名不能以 {name[0]} 开头 (电子表格会当作公式)")
    return name


def tag_values(values: Iterable[str]) -> list[str]:
    known = {tag.value for tag in Tag}
    unknown = [v for v in values if v not in known]
    if unknown:
        raise cells.CellError(f"未知的人员类别 {'、'.join(unknown)}")
    return sorted(set(values))


def household_snapshot(household: Household) -> dict[str, object]:
    return {
        "address": household.address,
        "building_id": household.building_id,
        "residence_type": household.residence_type,
        "emergency_contact": household.emergency_contact or "",
        "emergency_phone": mask_phone(household.emergency_phone),
        "note": household.note or "",
    }


def resident_snapshot(resident: Resident) -> dict[str, object]:
    return {
        "household_id": resident.household_id,
        "name": resident.name,
        "id_number": resident.id_masked or "",
        "phone": mask_phone(resident.phone),
        "relation": resident.relation or "",
        "health_note": HEALTH_HIDDEN if resident.health_sealed else "",  # the audit keeps no health data
        "tags": sorted(resident.tag_names),
    }
