"""The grid tree: level 1 street, 2 community, 3 building compound, 4 micro-grid (one building)."""

from __future__ import annotations

from enum import IntEnum

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.store.base import Base


class GridLevel(IntEnum):
    STREET = 1
    COMMUNITY = 2
    COMPOUND = 3
    BUILDING = 4

    @property
    def zh(self) -> str:
        return {1: "一级网格(街道)", 2: "二级网格(社区)", 3: "三级网格(小区)", 4: "微网格(楼栋)"}[self.value]


class Grid(Base):
    """One cell of the grid tree with its WGS-84 outline (WKB) and bounding box for quick queries."""

    __tablename__ = "grids"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 4", name="level_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    level: Mapped[int] = mapped_column(Integer, index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"), index=True)
    geometry_wkb: Mapped[bytes | None] = mapped_column(LargeBinary)
    min_lon: Mapped[float | None] = mapped_column(Float)
    min_lat: Mapped[float | None] = mapped_column(Float)
    max_lon: Mapped[float | None] = mapped_column(Float)
    max_lat: Mapped[float | None] = mapped_column(Float)
    centre_lon: Mapped[float | None] = mapped_column(Float)
    centre_lat: Mapped[float | None] = mapped_column(Float)

    parent: Mapped[Grid | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Grid]] = relationship(back_populates="parent")

    def __repr__(self) -> str:
        return f"Grid({self.code!r}, {self.name!r}, level={self.level})"
