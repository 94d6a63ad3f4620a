"""Finding the place of a new ticket by building: a name or address fragment, as the caller says it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import Building


@dataclass(frozen=True)
class BuildingHit:
    id: int
    name: str
    address: str
    grid_id: int


def find_buildings(
    session: Session, text: str, limit: int = 50, within: frozenset[int] | None = None
) -> list[BuildingHit]:
    """Buildings whose address or name contains every space-separated term, by address; only those
    standing in the grids `within` (a grid worker's subtree) when given."""
    terms = text.split()
    if not terms:
        return []
    query = select(Building.id, Building.name, Building.address, Building.grid_id)
    if within is not None:
        query = query.where(Building.grid_id.in_(within))
    for term in terms:
        query = query.where(
            or_(
                Building.address.contains(term, autoescape=True),
                Building.name.contains(term, autoescape=True),
            )
        )
    rows = session.execute(query.order_by(Building.address, Building.id).limit(limit))
    return [BuildingHit(r.id, r.name, r.address, r.grid_id) for r in rows]
