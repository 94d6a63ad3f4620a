"""Residents' votes (议事表决): opened by the office, paper ballots entered by an operator with the
household (or member) named, closed and counted after the closing time.

A second ballot for the same household replaces the first (the audit keeps both). Choices are
secret: `describe` gives totals only, and only once the vote is closed; `inspect` shows each ballot
to the office and is itself audited with the reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import Change, Topic, VoteChanged
from app.grid_work.errors import WorkError
from app.grid_work.vote_electorate import Electorate, households_of, members_of
from app.grid_work.vote_rules import Tally, Threshold, tally
from app.models import Ballot, Vote, VoteOption
from app.store.base import utcnow

MAX_OPTIONS = 10


@dataclass(frozen=True)
class VoteDraft:
    question: str
    options: tuple[str, ...]
    opens_at: datetime  # naive UTC
    closes_at: datetime  # naive UTC
    grid_code: str | None = None  # the compound or building whose households vote
    team_id: int | None = None  # or the group whose members vote
    quorum_percent: int = 50
    threshold: str = Threshold.MAJORITY.value


@dataclass(frozen=True)
class BallotEntry:
    vote_id: int
    choice: int  # the option's position on the ballot, 1, 2, ...
    cast_at: datetime  # naive UTC: when the paper ballot was filled in
    household_id: int | None = None
    person_id: int | None = None


class VoteDesk:
    """Opens votes, takes ballots and counts them for one seat: checked, audited, published."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def open(self, draft: VoteDraft) -> int:
        with self.site.db.session() as session:
            vote_id = self.open_in(session, draft)
        self.announce_opened(vote_id)
        return vote_id

    def open_in(self, session: Session, draft: VoteDraft) -> int:
        """`open` in the caller's transaction (a meeting's resolution put to a vote); the caller calls
        `announce_opened` after its commit."""
        _check_draft(draft)
        electorate = _electorate_of(session, draft)
        if electorate.size(session) == 0:
            raise WorkError("表决范围内没有可投票的住户或成员 the electorate is empty")
        vote = Vote(
            question=draft.question.strip(),
            grid_id=electorate.grid_id,
            team_id=electorate.team_id,
            opens_at=draft.opens_at,
            closes_at=draft.closes_at,
            quorum_percent=draft.quorum_percent,
            threshold=draft.threshold,
        )
        session.add(vote)
        session.flush()
        for position, text in enumerate(draft.options, start=1):
            session.add(VoteOption(vote_id=vote.id, position=position, text=text.strip()))
        audit.record(
            session,
            self.site.seat,
            "vote.open",
            "vote",
            vote.id,
            question=vote.question,
            options=list(draft.options),
            grid_id=vote.grid_id,
            team_id=vote.team_id,
            opens_at=draft.opens_at.isoformat(),
            closes_at=draft.closes_at.isoformat(),
            quorum_percent=draft.quorum_percent,
            threshold=draft.threshold,
        )
        return vote.id

    def announce_opened(self, vote_id: int) -> None:
        self._publish(vote_id, "opened")

    def ballot(self, entry: BallotEntry, *, now: datetime | None = None) -> bool:
        """Enter a paper ballot; True when it replaced the voter's earlier ballot."""
        now = now or utcnow()
        try:
            earlier = self._enter(entry, now)
        except IntegrityError:  # another seat entered this voter's first ballot in the same instant
            raise WorkError(
                "该选票刚被其他席位录入，请重新录入 another seat entered this ballot; enter it again"
            ) from None
        self._publish(entry.vote_id, "ballot" if earlier is None else "replaced")
        return earlier is not None

    def _enter(self, entry: BallotEntry, now: datetime) -> Ballot | None:
        with self.site.db.session() as session:
            vote = _open_vote(session, entry.vote_id)
            _check_ballot(session, vote, entry, now)
            option = _option(session, vote.id, entry.choice)
            earlier = _earlier_ballot(session, entry)
            detail = {
                "household_id": entry.household_id,
                "person_id": entry.person_id,
                "choice": entry.choice,
            }
            if earlier is None:
                session.add(
                    Ballot(
                        vote_id=vote.id,
                        household_id=entry.household_id,
                        person_id=entry.person_id,
                        option_id=option.id,
                        cast_at=entry.cast_at,
                        entered_at=now,
                        entered_by=self.site.seat.operator,
                    )
                )
                audit.record(session, self.site.seat, "vote.ballot", "vote", vote.id, **detail)
            else:
                replaced = session.get(VoteOption, earlier.option_id).position
                earlier.option_id, earlier.cast_at = option.id, entry.cast_at
                earlier.entered_at, earlier.entered_by = now, self.site.seat.operator
                audit.record(
                    session,
                    self.site.seat,
                    "vote.ballot_replace",
                    "vote",
                    vote.id,
                    replaced=replaced,
                    **detail,
                )
        return earlier

    def close(self, vote_id: int, *, now: datetime | None = None) -> Tally:
        """Count the vote once its closing time has passed (both in UTC); the result is kept."""
        now = now or utcnow()
        with self.site.db.session() as session:
            vote = _open_vote(session, vote_id)
            if now < vote.closes_at:
                raise WorkError("表决尚未截止，不能计票 the vote has not reached its closing time")
            result = _count(session, vote, _electorate(vote).size(session))
            vote.closed_at, vote.electorate = now, result.electorate
            vote.result = json.dumps(result.as_dict(), ensure_ascii=False)
            audit.record(session, self.site.seat, "vote.close", "vote", vote.id, **result.as_dict())
        self._publish(vote_id, "closed")
        return result

    def _publish(self, vote_id: int, action: str) -> None:
        self.site.hub.publish(Change(Topic.VOTE, (vote_id,), VoteChanged(action)))


def _check_draft(draft: VoteDraft) -> None:
    options = [o.strip() for o in draft.options]
    if not draft.question.strip():
        raise WorkError("须填写表决事项 the question is empty")
    if not 2 <= len(options) <= MAX_OPTIONS or not all(options) or len(set(options)) != len(options):
        raise WorkError(
            f"须有 2–{MAX_OPTIONS} 个互不相同的选项 a vote needs 2 to {MAX_OPTIONS} distinct options"
        )
    if any(len(o) > 200 for o in options):
        raise WorkError("选项过长（最多 200 字）an option is longer than 200 characters")
    if draft.closes_at <= draft.opens_at:
        raise WorkError("截止时间须晚于开始时间 the vote must close after it opens")
    if not 1 <= draft.quorum_percent <= 100:
        raise WorkError("参与率门槛应为 1–100% the quorum must be 1 to 100 percent")
    if draft.threshold not in {t.value for t in Threshold}:
        raise WorkError(f"通过标准应为 majority(过半数) 或 two_thirds(三分之二以上), not {draft.threshold!r}")
    if (draft.grid_code is None) == (draft.team_id is None):
        raise WorkError("须指定按户表决的网格或按成员表决的队伍之一 give a grid or a group, not both")


def _electorate_of(session: Session, draft: VoteDraft) -> Electorate:
    if draft.team_id is not None:
        return members_of(session, draft.team_id)
    return households_of(session, draft.grid_code or "")


def _electorate(vote: Vote) -> Electorate:
    return Electorate(vote.grid_id, vote.team_id)


def _open_vote(session: Session, vote_id: int) -> Vote:
    vote = session.get(Vote, vote_id)
    if vote is None:
        raise WorkError(f"表决 {vote_id} 不存在 vote {vote_id} does not exist")
    if vote.closed_at is not None:
        raise WorkError(f"表决 {vote_id} 已计票结束 vote {vote_id} is closed")
    return vote


def _check_ballot(session: Session, vote: Vote, entry: BallotEntry, now: datetime) -> None:
    if entry.cast_at > now:
        raise WorkError("投票时间不能晚于现在 the ballot cannot be cast in the future")
    if entry.cast_at < vote.opens_at:
        raise WorkError("投票时间早于表决开始 the ballot was cast before the vote opened")
    if entry.cast_at > vote.closes_at:
        raise WorkError("投票时间晚于表决截止 the ballot was cast after the vote closed")
    if entry.household_id is not None and entry.person_id is not None:
        raise WorkError("一张选票只能注明住户或成员之一 a ballot names a household or a member, not both")
    member_vote = vote.team_id is not None
    if member_vote and entry.person_id is None or not member_vote and entry.household_id is None:
        who = "成员 (person)" if member_vote else "住户 (household)"
        raise WorkError(f"本表决的选票须注明{who} this vote's ballots name a {who.split()[1]}")
    if not _electorate(vote).admits(session, entry.household_id, entry.person_id):
        raise WorkError("该住户或成员不在本表决范围内 the voter is not in this vote's electorate")


def _option(session: Session, vote_id: int, choice: int) -> VoteOption:
    option = session.scalar(
        select(VoteOption).where(VoteOption.vote_id == vote_id, VoteOption.position == choice)
    )
    if option is None:
        raise WorkError(f"没有第 {choice} 个选项 the vote has no option {choice}")
    return option


def _earlier_ballot(session: Session, entry: BallotEntry) -> Ballot | None:
    voter = (
        Ballot.household_id == entry.household_id
        if entry.household_id is not None
        else Ballot.person_id == entry.person_id
    )
    return session.scalar(select(Ballot).where(Ballot.vote_id == entry.vote_id, voter).with_for_update())


def _count(session: Session, vote: Vote, electorate: int) -> Tally:
    options = session.execute(
        select(VoteOption.position, VoteOption.text)
        .where(VoteOption.vote_id == vote.id)
        .order_by(VoteOption.position)
    ).all()
    choices = session.scalars(
        select(VoteOption.position)
        .join(Ballot, Ballot.option_id == VoteOption.id)
        .where(Ballot.vote_id == vote.id)
    )
    return tally(electorate, [tuple(o) for o in options], choices, vote.quorum_percent, vote.threshold)
