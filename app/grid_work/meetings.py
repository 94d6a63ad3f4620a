"""Grid meetings (网格员会议, 议事会): agenda, who was present and who absent, minutes, and resolutions.
A resolution may become a ticket (at the meeting grid's centre, source 网格巡查) or be put to a vote
of the grid's households, in the meeting's own transaction, and stays linked to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import Change, MeetingChanged, Topic
from app.grid_work.errors import WorkError
from app.grid_work.votes import VoteDesk, VoteDraft
from app.models import Grid, Meeting, MeetingAttendance, MeetingResolution, Person
from app.store.base import utcnow
from app.tickets.desk import TicketDesk
from app.tickets.errors import TicketError
from app.tickets.intake import Intake
from app.tickets.states import Source

MAX_TEXT = 4000


@dataclass(frozen=True)
class ResolutionDraft:
    text: str
    ticket_category: str | None = None  # the resolution becomes a ticket of this category
    vote_closes_at: datetime | None = None  # or is put to the grid's households, 同意 / 不同意, until then


@dataclass(frozen=True)
class MeetingDraft:
    grid_code: str
    at: datetime  # naive UTC, not in the future
    title: str
    present: tuple[int, ...]  # person ids
    absent: tuple[int, ...] = ()
    agenda: str = ""
    minutes: str = ""
    resolutions: tuple[ResolutionDraft, ...] = ()
    place: str = ""


@dataclass(frozen=True)
class RecordedMeeting:
    meeting_id: int
    ticket_ids: tuple[int, ...]
    vote_ids: tuple[int, ...]


class MeetingBook:
    def __init__(self, site: SiteContext, desk: TicketDesk) -> None:
        self.site = site
        self.desk = desk
        self.votes = VoteDesk(site)

    def record(self, draft: MeetingDraft, *, now: datetime | None = None) -> RecordedMeeting:
        now = now or utcnow()
        _check(draft, now)
        with self.site.db.session() as session:
            grid = session.scalar(select(Grid).where(Grid.code == draft.grid_code))
            if grid is None:
                raise WorkError(f"网格 {draft.grid_code} 不存在 no grid with code {draft.grid_code!r}")
            names = _people(session, draft)
            meeting = Meeting(
                grid_id=grid.id,
                at=draft.at,
                title=draft.title.strip(),
                agenda=draft.agenda.strip(),
                minutes=draft.minutes.strip(),
                place=draft.place.strip(),
                attendees="、".join(names[p] for p in draft.present),
            )
            session.add(meeting)
            session.flush()
            session.add_all(
                MeetingAttendance(meeting_id=meeting.id, person_id=p, present=True) for p in draft.present
            )
            session.add_all(
                MeetingAttendance(meeting_id=meeting.id, person_id=p, present=False) for p in draft.absent
            )
            rows = [
                self._resolution(session, meeting, grid, i, r, now)
                for i, r in enumerate(draft.resolutions, 1)
            ]
            session.flush()
            audit.record(
                session,
                self.site.seat,
                "meeting.record",
                "meeting",
                meeting.id,
                grid=draft.grid_code,
                at=draft.at.isoformat(),
                present=list(draft.present),
                absent=list(draft.absent),
                resolutions=[{"ticket_id": r.ticket_id, "vote_id": r.vote_id} for r in rows],
            )
            result = RecordedMeeting(
                meeting.id,
                tuple(r.ticket_id for r in rows if r.ticket_id),
                tuple(r.vote_id for r in rows if r.vote_id),
            )
        self.desk.announce_opened(result.ticket_ids)
        for vote_id in result.vote_ids:
            self.votes.announce_opened(vote_id)
        self.site.hub.publish(Change(Topic.MEETING, (result.meeting_id,), MeetingChanged("recorded")))
        return result

    def _resolution(
        self,
        session: Session,
        meeting: Meeting,
        grid: Grid,
        position: int,
        draft: ResolutionDraft,
        now: datetime,
    ) -> MeetingResolution:
        row = MeetingResolution(meeting_id=meeting.id, position=position, text=draft.text.strip())
        self._carry_out(session, meeting, grid, row, draft, now)
        session.add(row)
        return row

    def act_on(
        self, meeting_id: int, position: int, draft: ResolutionDraft, *, now: datetime | None = None
    ) -> MeetingResolution:
        """Turn a stored resolution into a ticket or a vote afterwards (one click on the meetings
        screen); refused when it already became one. `draft.text` is ignored: the resolution's own."""
        now = now or utcnow()
        if bool(draft.ticket_category) == (draft.vote_closes_at is not None):
            raise WorkError("须选择转工单或付诸表决之一 choose a ticket or a vote")
        with self.site.db.session() as session:
            row = session.scalar(
                select(MeetingResolution).where(
                    MeetingResolution.meeting_id == meeting_id, MeetingResolution.position == position
                )
            )
            if row is None:
                raise WorkError(f"会议 {meeting_id} 没有决议 {position} no such resolution")
            if row.ticket_id is not None or row.vote_id is not None:
                raise WorkError(
                    f"决议 {position} 已转为工单或表决 resolution {position} was already acted on"
                )
            meeting = session.get(Meeting, meeting_id)
            grid = session.get(Grid, meeting.grid_id)
            self._carry_out(session, meeting, grid, row, draft, now)
            session.flush()
            audit.record(
                session,
                self.site.seat,
                "meeting.resolution_act",
                "meeting",
                meeting_id,
                position=position,
                ticket_id=row.ticket_id,
                vote_id=row.vote_id,
            )
            ticket_id, vote_id = row.ticket_id, row.vote_id
        if ticket_id is not None:
            self.desk.announce_opened((ticket_id,))
        if vote_id is not None:
            self.votes.announce_opened(vote_id)
        self.site.hub.publish(Change(Topic.MEETING, (meeting_id,), MeetingChanged("resolution")))
        return row

    def _carry_out(
        self,
        session: Session,
        meeting: Meeting,
        grid: Grid,
        row: MeetingResolution,
        draft: ResolutionDraft,
        now: datetime,
    ) -> None:
        """Open the resolution's ticket or vote in the caller's transaction and link it to the row."""
        position = row.position
        try:
            if draft.ticket_category:
                intake = Intake(
                    category=draft.ticket_category,
                    text=f"【{meeting.title}决议】{row.text}",
                    source=Source.PATROL.value,
                    lon=grid.centre_lon,
                    lat=grid.centre_lat,
                    address=grid.name,
                )
                row.ticket_id = self.desk.open_in(session, intake, now=now)
            if draft.vote_closes_at is not None:
                vote = VoteDraft(row.text, ("同意", "不同意"), now, draft.vote_closes_at, grid.code)
                row.vote_id = self.votes.open_in(session, vote)
        except TicketError as error:
            raise WorkError(
                f"决议 {position} 无法转为工单 resolution {position} cannot become a ticket: {error}"
            ) from None
        except WorkError as error:
            raise WorkError(
                f"决议 {position} 无法付诸表决 resolution {position} cannot be put to a vote: {error}"
            ) from None


def _check(draft: MeetingDraft, now: datetime) -> None:
    if draft.at > now:
        raise WorkError("会议时间不能晚于现在 the meeting cannot be in the future")
    if not draft.title.strip() or len(draft.title) > 200:
        raise WorkError("会议名称须为 1–200 字 a meeting title is 1 to 200 characters")
    if not draft.present:
        raise WorkError("须登记至少一名到会人员 at least one person must be present")
    both = set(draft.present) & set(draft.absent)
    if both or len(set(draft.present)) != len(draft.present) or len(set(draft.absent)) != len(draft.absent):
        raise WorkError(
            "同一人员不能重复登记或既到会又缺席 a person is listed twice, or both present and absent"
        )
    if any(len(t) > MAX_TEXT for t in (draft.agenda, draft.minutes)):
        raise WorkError(
            f"议程或纪要过长（最多 {MAX_TEXT} 字）the agenda or minutes are over {MAX_TEXT} characters"
        )
    for position, resolution in enumerate(draft.resolutions, 1):
        if not resolution.text.strip():
            raise WorkError(f"决议 {position} 内容为空 resolution {position} is empty")
        if resolution.ticket_category and resolution.vote_closes_at:
            raise WorkError(
                f"决议 {position} 只能转工单或付诸表决之一 resolution {position}: a ticket or a vote, not both"
            )


def _people(session: Session, draft: MeetingDraft) -> dict[int, str]:
    wanted = {*draft.present, *draft.absent}
    names = dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(wanted))).all())
    missing = sorted(wanted - set(names))
    if missing:
        raise WorkError(f"人员不存在 no such people: {', '.join(map(str, missing))}")
    return names
