"""Recording a home visit (入户走访): who visited which household when, whom they met, what they found.

A finding the visitor wants acted on becomes a ticket (source 入户走访) in the same transaction as the
visit, so the visit, its findings and their tickets are stored together or not at all, and each
finding keeps the id of its ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import Change, Topic, VisitChanged
from app.grid_work.errors import WorkError
from app.grid_work.findings import finding_tag
from app.models import Household, Person, Visit, VisitFinding
from app.store.base import utcnow
from app.tickets.desk import TicketDesk
from app.tickets.errors import TicketError
from app.tickets.intake import Intake
from app.tickets.states import Source

MAX_PEOPLE_MET = 99
MAX_TEXT = 2000


@dataclass(frozen=True)
class FindingDraft:
    tag: str  # a FindingTag value or its Chinese name
    text: str
    ticket_category: str | None = None  # a ticket category code: the finding becomes a ticket


@dataclass(frozen=True)
class VisitDraft:
    household_id: int
    visitor_id: int  # a person of the people table (a grid worker, a paired party member)
    at: datetime  # naive UTC
    people_met: int = 1
    note: str = ""
    findings: tuple[FindingDraft, ...] = ()


@dataclass(frozen=True)
class RecordedVisit:
    visit_id: int
    finding_ids: tuple[int, ...]
    ticket_ids: tuple[int, ...]  # the tickets the findings became, in the findings' order


class VisitLog:
    """Records home visits for one seat: checked, audited, published."""

    def __init__(self, site: SiteContext, desk: TicketDesk) -> None:
        self.site = site
        self.desk = desk

    def record(
        self, draft: VisitDraft, *, force_tickets: bool = False, now: datetime | None = None
    ) -> RecordedVisit:
        """Store the visit and its findings; open a ticket for each finding that names a category.

        `force_tickets` opens a ticket even where the household has an open one of the same category.
        """
        now = now or utcnow()
        _check(draft, now)
        with self.site.db.session() as session:
            visitor = _visitor(session, draft)
            visit = Visit(
                household_id=draft.household_id,
                person_id=draft.visitor_id,
                at=draft.at,
                note=draft.note.strip(),
                people_met=draft.people_met,
                recorded_at=now,
            )
            session.add(visit)
            session.flush()
            findings = [self._finding(session, visit, f, visitor, force_tickets, now) for f in draft.findings]
            session.flush()
            tickets = tuple(f.ticket_id for f in findings if f.ticket_id is not None)
            audit.record(
                session,
                self.site.seat,
                "visit.record",
                "visit",
                visit.id,
                household_id=draft.household_id,
                visitor=visitor.name,
                at=draft.at.isoformat(),
                people_met=draft.people_met,
                findings=[{"tag": f.tag, "ticket_id": f.ticket_id} for f in findings],
            )
            result = RecordedVisit(visit.id, tuple(f.id for f in findings), tickets)
        self.desk.announce_opened(result.ticket_ids)
        payload = VisitChanged("recorded", draft.household_id, len(result.ticket_ids))
        self.site.hub.publish(Change(Topic.VISIT, (result.visit_id,), payload))
        return result

    def _finding(
        self, session: Session, visit: Visit, draft: FindingDraft, visitor: Person, force: bool, now: datetime
    ) -> VisitFinding:
        tag = finding_tag(draft.tag)
        finding = VisitFinding(visit_id=visit.id, tag=tag.value, text=draft.text.strip())
        if draft.ticket_category:
            intake = Intake(
                category=draft.ticket_category,
                text=f"【入户走访·{tag.zh}】{finding.text}",
                source=Source.HOME_VISIT.value,
                household_id=visit.household_id,
                reporter_name=visitor.name,
                reporter_phone=visitor.phone,
            )
            try:
                finding.ticket_id = self.desk.open_in(session, intake, force=force, now=now)
            except TicketError as error:
                raise WorkError(f"走访发现无法转为工单 the finding cannot become a ticket: {error}") from None
        session.add(finding)
        return finding


def _check(draft: VisitDraft, now: datetime) -> None:
    if draft.at > now:
        raise WorkError("走访时间不能晚于现在 the visit cannot be in the future")
    if not 0 <= draft.people_met <= MAX_PEOPLE_MET:
        raise WorkError(f"见到的人数应在 0–{MAX_PEOPLE_MET} 之间 people met must be 0 to {MAX_PEOPLE_MET}")
    if len(draft.note) > MAX_TEXT:
        raise WorkError(f"走访记录过长（最多 {MAX_TEXT} 字）the note is longer than {MAX_TEXT} characters")
    for finding in draft.findings:
        finding_tag(finding.tag)
        if not finding.text.strip():
            raise WorkError("走访发现须写明内容 a finding needs a description")
        if len(finding.text) > MAX_TEXT:
            raise WorkError(
                f"走访发现过长（最多 {MAX_TEXT} 字）a finding is longer than {MAX_TEXT} characters"
            )


def _visitor(session: Session, draft: VisitDraft) -> Person:
    if session.get(Household, draft.household_id) is None:
        raise WorkError(f"住户 {draft.household_id} 不存在 household {draft.household_id} does not exist")
    visitor = session.get(Person, draft.visitor_id)
    if visitor is None:
        raise WorkError(f"人员 {draft.visitor_id} 不存在 person {draft.visitor_id} does not exist")
    return visitor
