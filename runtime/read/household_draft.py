"""What the roster's edit form starts from: a household and its residents as stored, personal data
masked (the form takes a new full value, never shows the stored one), and the buildings to choose."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Building, Household, Resident
from app.privacy.roster_cipher import RosterCipher
from app.roster.masking import mask_phone

HEAD_OF_HOUSEHOLD = "户主"


@dataclass(frozen=True)
class BuildingChoice:
    building_id: int
    name: str
    address: str


@dataclass(frozen=True)
class ResidentDraft:
    resident_id: int
    name: str
    sex: str
    masked_id: str
    masked_phone: str
    relation: str
    health_note: str
    tags: tuple[str, ...]  # Tag values, sorted


@dataclass(frozen=True)
class HouseholdDraft:
    household_id: int
    building_id: int
    address: str
    unit: str
    room: str
    residence_type: str
    emergency_contact: str
    masked_emergency_phone: str
    note: str
    residents: tuple[ResidentDraft, ...]  # the head of the household first


def household_and_members(session: Session, household_id: int) -> tuple[Household, list[Resident]] | None:
    """A household with its building and its residents (tags loaded), the head of the household first;
    None when it no longer exists. What the card and the edit form both start from."""
    household = session.execute(
        select(Household)
        .where(Household.id == household_id)
        .options(
            selectinload(Household.residents).selectinload(Resident.tags), selectinload(Household.building)
        )
    ).scalar_one_or_none()
    if household is None:
        return None
    return household, sorted(household.residents, key=lambda r: (r.relation != HEAD_OF_HOUSEHOLD, r.id))


def load_buildings(session: Session) -> list[BuildingChoice]:
    rows = session.execute(select(Building.id, Building.name, Building.address).order_by(Building.address))
    return [BuildingChoice(id_, name, address) for id_, name, address in rows]


def load_household_draft(session: Session, household_id: int) -> HouseholdDraft | None:
    found = household_and_members(session, household_id)
    if found is None:
        return None
    household, residents = found
    cipher = RosterCipher.of_site(session) if any(r.health_sealed for r in residents) else None
    return HouseholdDraft(
        household_id=household.id,
        building_id=household.building_id,
        address=household.address,
        unit=household.unit,
        room=household.room,
        residence_type=household.residence_type,
        emergency_contact=household.emergency_contact or "",
        masked_emergency_phone=mask_phone(household.emergency_phone),
        note=household.note or "",
        residents=tuple(
            ResidentDraft(
                resident_id=r.id,
                name=r.name,
                sex=r.sex,
                masked_id=r.id_masked or "",
                masked_phone=mask_phone(r.phone),
                relation=r.relation or "",
                health_note=(cipher.health_note(r) if cipher else None) or "",
                tags=tuple(sorted(r.tag_names)),
            )
            for r in residents
        ),
    )
