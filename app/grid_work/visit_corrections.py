"""Correcting a recorded home visit: a visit is a work record the statistics count, so it is never
deleted. What was typed wrong (who visited, when, how many were met, the note) is corrected; a visit
that did not happen (entered twice, the wrong household) is voided (作废) with the reason, stays on
the list marked as such and counts nowhere. Its findings and the tickets they became are left alone:
a ticket lives its own life on the desk. Each correction is audited with what it was before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app import audit
from app.context import SiteContext
from app.events import Change, Topic, VisitChanged
from app.grid_work.errors import WorkError
from app.grid_work.visits import MAX_PEOPLE_MET, MAX_TEXT
from app.models import Person, Visit
from app.store.base import utcnow

MAX_REASON = 500


@dataclass(frozen=True)
class VisitCorrection:
    visit_id: int
    visitor_id: int
    at: datetime  # naive UTC, not in the future
    people_met: int
    note: str
    reason: str  # why it is corrected: kept in the audit log


class VisitCorrections:
    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def correct(self, change: VisitCorrection, *, now: datetime | None = None) -> None:
        now = now or utcnow()
        _check(change, now)
        with self.site.db.session() as session:
            visit = _visit(session, change.visit_id)
            if session.get(Person, change.visitor_id) is None:
                raise WorkError(f"人员 {change.visitor_id} 不存在 person {change.visitor_id} does not exist")
            before = _fields(visit)
            visit.person_id, visit.at = change.visitor_id, change.at
            visit.people_met, visit.note = change.people_met, change.note.strip()
            after = _fields(visit)
            if before == after:
                raise WorkError("没有需要更正的内容 nothing was changed")
            audit.record(
                session,
                self.site.seat,
                "visit.correct",
                "visit",
                visit.id,
                reason=change.reason.strip(),
                before=before,
                after=after,
            )
            household_id = visit.household_id
        self._publish(change.visit_id, "corrected", household_id)

    def void(self, visit_id: int, reason: str, *, now: datetime | None = None) -> None:
        if not reason.strip() or len(reason) > MAX_REASON:
            raise WorkError(f"作废须说明理由（1–{MAX_REASON} 字）give the reason for voiding the visit")
        with self.site.db.session() as session:
            visit = _visit(session, visit_id)
            visit.voided_at, visit.void_reason = now or utcnow(), reason.strip()
            audit.record(session, self.site.seat, "visit.void", "visit", visit.id, reason=reason.strip())
            household_id = visit.household_id
        self._publish(visit_id, "voided", household_id)

    def _publish(self, visit_id: int, action: str, household_id: int) -> None:
        self.site.hub.publish(Change(Topic.VISIT, (visit_id,), VisitChanged(action, household_id, 0)))


def _visit(session, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise WorkError(f"走访 {visit_id} 不存在 visit {visit_id} does not exist")
    if visit.voided_at is not None:
        raise WorkError(f"走访 {visit_id} 已作废 visit {visit_id} is void")
    return visit


def _fields(visit: Visit) -> dict:
    return {
        "visitor_id": visit.person_id,
        "at": visit.at.isoformat(),
        "people_met": visit.people_met,
        "note": visit.note,
    }


def _check(change: VisitCorrection, now: datetime) -> None:
    if not change.reason.strip() or len(change.reason) > MAX_REASON:
        raise WorkError(f"更正须说明理由（1–{MAX_REASON} 字）give the reason for the correction")
    if change.at > now:
        raise WorkError("走访时间不能晚于现在 the visit cannot be in the future")
    if not 0 <= change.people_met <= MAX_PEOPLE_MET:
        raise WorkError(f"见到的人数应在 0–{MAX_PEOPLE_MET} 之间 people met must be 0 to {MAX_PEOPLE_MET}")
    if len(change.note) > MAX_TEXT:
        raise WorkError(f"走访记录过长（最多 {MAX_TEXT} 字）the note is longer than {MAX_TEXT} characters")
