"""Reading a vote back. `describe` is what anyone may see: the question, the times, the turnout, and
the totals once the vote is closed, never who chose what. `inspect` is the office's audit of each
ballot, and is itself written to the audit log with the reason given."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.config import Seat
from app.grid_work.errors import WorkError
from app.models import Ballot, Building, Grid, Household, Person, VolunteerTeam, Vote, VoteOption


@dataclass(frozen=True)
class VoteSummary:
    vote_id: int
    question: str
    options: tuple[str, ...]  # in ballot order (position 1 first)
    scope: str  # the compound, building or group that votes
    opens_at: datetime  # naive UTC
    closes_at: datetime
    quorum_percent: int
    threshold: str
    ballots: int  # the turnout so far (never the choices while the vote is open)
    closed_at: datetime | None
    result: dict | None  # the tally (vote_rules.Tally.as_dict) once closed
    members_vote: bool = False  # one vote per member of a group, not per household


@dataclass(frozen=True)
class BallotLine:
    voter: str  # the household's address or the member's name
    choice: int
    cast_at: datetime
    entered_at: datetime
    entered_by: str


def describe(session: Session, vote_id: int) -> VoteSummary:
    vote = session.get(Vote, vote_id)
    if vote is None:
        raise WorkError(f"表决 {vote_id} 不存在 vote {vote_id} does not exist")
    options = session.scalars(
        select(VoteOption.text).where(VoteOption.vote_id == vote_id).order_by(VoteOption.position)
    )
    ballots = session.scalar(select(func.count()).where(Ballot.vote_id == vote_id)) or 0
    if vote.team_id is not None:
        scope = session.get(VolunteerTeam, vote.team_id).name
    else:
        scope = session.get(Grid, vote.grid_id).name
    return VoteSummary(
        vote.id,
        vote.question,
        tuple(options),
        scope,
        vote.opens_at,
        vote.closes_at,
        vote.quorum_percent,
        vote.threshold,
        ballots,
        vote.closed_at,
        json.loads(vote.result) if vote.result else None,
        vote.team_id is not None,
    )


def list_votes(session: Session, grid_ids: set[int] | None = None) -> list[VoteSummary]:
    query = select(Vote.id).order_by(Vote.closes_at.desc())
    if grid_ids is not None:
        query = query.where(Vote.grid_id.in_(grid_ids))
    return [describe(session, vote_id) for vote_id in session.scalars(query)]


def inspect(session: Session, seat: Seat, vote_id: int, reason: str) -> list[BallotLine]:
    """Every ballot with its voter and choice, for the office; audited in the caller's transaction."""
    if not reason.strip():
        raise WorkError("查看选票明细须说明理由 give the reason for inspecting the ballots")
    describe(session, vote_id)  # refuses an unknown vote
    address = Building.address + Household.unit + "单元" + Household.room + "室"
    rows = session.execute(
        select(
            address, Person.name, VoteOption.position, Ballot.cast_at, Ballot.entered_at, Ballot.entered_by
        )
        .select_from(Ballot)
        .join(VoteOption, VoteOption.id == Ballot.option_id)
        .outerjoin(Household, Household.id == Ballot.household_id)
        .outerjoin(Building, Building.id == Household.building_id)
        .outerjoin(Person, Person.id == Ballot.person_id)
        .where(Ballot.vote_id == vote_id)
        .order_by(Ballot.cast_at, Ballot.id)
    ).all()
    audit.record(session, seat, "vote.inspect", "vote", vote_id, reason=reason.strip(), ballots=len(rows))
    return [
        BallotLine(place or name or "", choice, cast, entered, by)
        for place, name, choice, cast, entered, by in rows
    ]
