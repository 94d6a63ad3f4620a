"""Open311 GeoReport v2 export: services (the category list) and service requests as JSON.

Field names follow the GeoReport v2 specification so other city systems can read the export.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.tickets.categories import CategoryBook
from app.tickets.models import Ticket
from app.tickets.routing import GridBook
from app.tickets.states import State

_OPEN311_CLOSED = {State.CLOSED.value, State.EVALUATED.value, State.DISMISSED.value}


def _w3c(moment: datetime | None) -> str | None:
    return moment.replace(tzinfo=UTC).isoformat(timespec="seconds") if moment else None


def services(categories: CategoryBook) -> list[dict[str, Any]]:
    return [
        {
            "service_code": c.code,
            "service_name": c.name,
            "description": f"{c.path}（{c.case_type.value}，三级网格时限 {c.limit(3).zh}）",
            "metadata": False,
            "type": "realtime" if c.case_type.value == "即办件" else "batch",
            "keywords": c.name_en,
            "group": c.group_name,
        }
        for c in categories
    ]


def service_requests(
    session: Session,
    categories: CategoryBook,
    grids: GridBook,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    query = select(Ticket).order_by(Ticket.id)
    if start is not None:
        query = query.where(Ticket.created_at >= start)
    if end is not None:
        query = query.where(Ticket.created_at < end)
    if limit is not None:
        query = query.limit(limit)
    requests = []
    for t in session.scalars(query):
        category = categories.categories.get(t.category_code)
        requests.append(
            {
                "service_request_id": str(t.id),
                "status": "closed" if t.state in _OPEN311_CLOSED else "open",
                "status_notes": State(t.state).zh + (f"；{t.result}" if t.result else ""),
                "service_name": category.name if category else t.category_code,
                "service_code": t.category_code,
                "description": t.text,
                "agency_responsible": grids.name(t.assigned_grid_id) if t.assigned_grid_id else None,
                "service_notice": category.case_type.value if category else None,
                "requested_datetime": _w3c(t.created_at),
                "updated_datetime": _w3c(t.updated_at),
                "expected_datetime": _w3c(t.deadline_at),
                "address": t.address,
                "address_id": str(t.household_id) if t.household_id else None,
                "zipcode": None,
                "lat": t.lat,
                "long": t.lon,
                "media_url": None,
            }
        )
    return requests
