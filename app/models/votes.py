"""Residents' votes (议事表决): the question, its options, and one secret ballot per household or member;
and what a meeting decided, each resolution possibly a ticket or a vote."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class Vote(Base):
    """A question put to an electorate: the households of a grid, or the members of a team."""

    __tablename__ = "votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_teams.id", ondelete="RESTRICT"))
    opens_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    closes_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    quorum_percent: Mapped[int] = mapped_column(Integer)  # share of the electorate that must vote
    threshold: Mapped[str] = mapped_column(String(12))  # a Threshold value
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    electorate: Mapped[int | None] = mapped_column(Integer)  # fixed when the vote is closed
    result: Mapped[str | None] = mapped_column(Text)  # JSON of the tally, written when closed


class VoteOption(Base):
    __tablename__ = "vote_options"
    __table_args__ = (UniqueConstraint("vote_id", "position", name="vote_option_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1, 2, ... as printed on the ballot
    text: Mapped[str] = mapped_column(String(200))


class Ballot(Base):
    """One voter's ballot: a household's (one per household) or a team member's. Its choice is secret:
    only totals are read, except by the office's audited inspection."""

    __tablename__ = "vote_ballots"
    __table_args__ = (
        UniqueConstraint("vote_id", "household_id", name="one_ballot_per_household"),
        UniqueConstraint("vote_id", "person_id", name="one_ballot_per_member"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id", ondelete="RESTRICT"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    option_id: Mapped[int] = mapped_column(ForeignKey("vote_options.id", ondelete="RESTRICT"))
    cast_at: Mapped[datetime] = mapped_column(DateTime)  # when the paper ballot was filled in
    entered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    entered_by: Mapped[str] = mapped_column(String(64))


class MeetingAttendance(Base):
    """Who was expected at a meeting, and whether they came."""

    __tablename__ = "meeting_attendance"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    present: Mapped[bool] = mapped_column(Boolean)


class MeetingResolution(Base):
    """One thing a meeting decided; it may have become a ticket or been put to a vote."""

    __tablename__ = "meeting_resolutions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    vote_id: Mapped[int | None] = mapped_column(ForeignKey("votes.id", ondelete="SET NULL"))
