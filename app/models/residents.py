"""The resident roster (花名册): buildings, households, residents, tags, pairings, visits, meetings."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.store.base import Base, utcnow


class ResidenceType(StrEnum):
    PERMANENT = "permanent"  # 常住
    TENANT = "tenant"  # 租住
    REGISTERED_ONLY = "registered_only"  # 户在人不在

    @property
    def zh(self) -> str:
        return {"permanent": "常住", "tenant": "租住", "registered_only": "户在人不在"}[self.value]


class Tag(StrEnum):
    PARTY_MEMBER = "party_member"
    ELDERLY_ALONE = "elderly_alone"
    DISABLED = "disabled"
    KEY_PERSON = "key_person"
    LOW_INCOME = "low_income"
    VETERAN = "veteran"
    MINOR = "minor"
    FLOATING = "floating"

    @property
    def zh(self) -> str:
        return TAG_ZH[self.value]


TAG_ZH = {
    "party_member": "党员",
    "elderly_alone": "独居老人",
    "disabled": "残疾人",
    "key_person": "重点人员",
    "low_income": "低保户",
    "veteran": "退役军人",
    "minor": "未成年人",
    "floating": "流动人口",
}


class Building(Base):
    """One building; its micro-grid is the level-4 grid of the same footprint."""

    __tablename__ = "buildings"

    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(200), index=True)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    floors: Mapped[int] = mapped_column(Integer, default=6)
    units: Mapped[int] = mapped_column(Integer, default=2)

    households: Mapped[list[Household]] = relationship(back_populates="building")


class Household(Base):
    __tablename__ = "households"
    __table_args__ = (UniqueConstraint("building_id", "unit", "room", name="building_unit_room"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("buildings.id", ondelete="RESTRICT"), index=True)
    unit: Mapped[str] = mapped_column(String(16))
    room: Mapped[str] = mapped_column(String(16))
    residence_type: Mapped[str] = mapped_column(String(20), default=ResidenceType.PERMANENT)
    emergency_contact: Mapped[str | None] = mapped_column(String(64))
    emergency_phone: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)

    building: Mapped[Building] = relationship(back_populates="households")
    residents: Mapped[list[Resident]] = relationship(back_populates="household")

    @property
    def address(self) -> str:
        return f"{self.building.address}{self.unit}单元{self.room}室"


class Resident(Base):
    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    sex: Mapped[str] = mapped_column(String(2))  # 男 / 女
    # The ID number and the health note are sealed at rest (app/privacy/roster_cipher.py, 0011_privacy).
    id_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_hash: Mapped[str | None] = mapped_column(String(64), unique=True)  # HMAC: exact search, one per site
    id_masked: Mapped[str | None] = mapped_column(String(24), index=True)  # 410102********1234
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    relation: Mapped[str | None] = mapped_column(String(16))  # 户主 / 配偶 / 子女 ...
    health_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)

    household: Mapped[Household] = relationship(back_populates="residents")
    tags: Mapped[list[ResidentTag]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def tag_names(self) -> list[str]:
        return [t.tag for t in self.tags]


class ResidentTag(Base):
    __tablename__ = "resident_tags"

    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(24), primary_key=True, index=True)


class PairingKind(StrEnum):
    HOUSEHOLD = "household"  # 党员联户: a party member looks after a household
    LEADER = "leader"  # 领导包保: a leader backs a grid
    CADRE = "cadre"  # 干部包片: a cadre covers an area (a compound or building grid)

    @property
    def zh(self) -> str:
        return {"household": "党员联户", "leader": "领导包保", "cadre": "干部包片"}[self.value]


class PartyPairing(Base):
    """A person's pairing: a party member with a household, or a leader or cadre with a grid. A pairing
    that ends keeps its row (ended_at), so who looked after whom stays on record (0018_pairing)."""

    __tablename__ = "party_pairings"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'household' AND household_id IS NOT NULL AND grid_id IS NULL)"
            " OR (kind <> 'household' AND grid_id IS NOT NULL AND household_id IS NULL)",
            name="pairing_target",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12), default=PairingKind.HOUSEHOLD, index=True)
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"), index=True)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)  # None: paired before 0018
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # None: still paired
    end_note: Mapped[str | None] = mapped_column(Text)


class Visit(Base):
    """入户走访: a grid worker's home visit."""

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    people_met: Mapped[int] = mapped_column(Integer, default=0)  # residents seen (走访人次)
    recorded_at: Mapped[datetime | None] = mapped_column(DateTime)  # None: written before 0016
    # a visit entered by mistake is voided (作废) with the reason, never deleted: it stays listed,
    # marked, and counts nowhere (statistics, the visit plan)
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)
    void_reason: Mapped[str | None] = mapped_column(Text)


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    title: Mapped[str] = mapped_column(String(200))
    attendees: Mapped[str] = mapped_column(Text, default="")  # free text; who came is meeting_attendance
    minutes: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str] = mapped_column(String(200), default="", server_default="")
