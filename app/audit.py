"""Writes audit entries in the caller's unit of work, so an action and its record commit together."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from app.config import Seat
from app.models.audit import AuditEntry


def record(
    session: Session, seat: Seat, action: str, entity: str, entity_id: int | None, **detail: Any
) -> AuditEntry:
    entry = AuditEntry(
        actor=seat.operator,
        seat=seat.label,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=json.dumps(detail, ensure_ascii=False, default=str),
    )
    session.add(entry)
    return entry
