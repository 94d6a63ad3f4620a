"""Staff and volunteers, and their duties in the grid tree."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.store.base import Base

if TYPE_CHECKING:
    from app.models.grid import Grid


class DutyRole(StrEnum):
    LEADER = "leader"  # 网格长
    MEMBER = "member"  # 网格员
    COUNTY_LEADER = "county_leader"  # 包联县级领导, backs a level-1 grid
    SUPERVISOR = "supervisor"  # 指挥中心值班长
    POLICE = "police"  # 社区民警
    VOLUNTEER = "volunteer"
    BUILDING_HEAD = "building_head"  # 楼栋长 of a building's micro-grid (often a resident)
    MICRO_MEMBER = "micro_member"  # 微网格员 of a building's micro-grid

    @property
    def zh(self) -> str:
        return {
            "leader": "网格长",
            "member": "网格员",
            "county_leader": "包联县级领导",
            "supervisor": "值班长",
            "police": "社区民警",
            "volunteer": "志愿者",
            "building_head": "楼栋长",
            "micro_member": "微网格员",
        }[self.value]


class Person(Base):
    """A member of staff, a grid worker, a leader or a volunteer (residents live in `residents`)."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(String(64))
    party_member: Mapped[bool] = mapped_column(default=False)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id", ondelete="SET NULL"))

    duties: Mapped[list[Duty]] = relationship(back_populates="person", cascade="all, delete-orphan")


class Duty(Base):
    """A person's role in one grid: who leads it, who works it, which county leader backs it."""

    __tablename__ = "duties"
    __table_args__ = (UniqueConstraint("person_id", "grid_id", "role", name="person_grid_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(24), index=True)
    since: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="duties")
    grid: Mapped[Grid] = relationship()


class VolunteerTeam(Base):
    __tablename__ = "volunteer_teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str | None] = mapped_column(String(128))
    # a TeamKind value: a volunteer team, or a compound's 居民自治小组 (counted apart, may vote as a group)
    kind: Mapped[str] = mapped_column(String(16), default="volunteer", server_default="volunteer")

    members: Mapped[list[VolunteerTeamMember]] = relationship(cascade="all, delete-orphan")


class VolunteerTeamMember(Base):
    __tablename__ = "volunteer_team_members"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer_teams.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
