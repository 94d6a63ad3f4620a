"""Household addresses as one query writes them: for lists of alarms, the roster and the card alike."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.models import Building, Household


def household_address() -> ColumnElement[str]:
    """The SQL expression of a household's full address, as Household.address builds it in Python."""
    return Building.address + Household.unit + "单元" + Household.room + "室"


def household_addresses(session: Session, household_ids: set[int]) -> dict[int, str]:
    """Addresses of many households in one query (for lists of alarms)."""
    if not household_ids:
        return {}
    rows = session.execute(
        select(Household.id, household_address())
        .join(Building, Building.id == Household.building_id)
        .where(Household.id.in_(household_ids))
    ).all()
    return dict(rows)
