"""The `clips` table (migration 0017_clips): one event clip, its file and what it is linked to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow

RECORDING = "recording"  # the writer is at work (or died: `clips prune` clears those)
READY = "ready"  # the file is complete, renamed into place and synced
FAILED = "failed"  # nothing usable was received; `note` says why


class Clip(Base):
    __tablename__ = "clips"
    __table_args__ = (
        UniqueConstraint("alarm_id", "camera_id", name="uq_clips_alarm_camera"),
        UniqueConstraint("ai_event_id", "camera_id", name="uq_clips_ai_event_camera"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    camera_id: Mapped[int | None] = mapped_column(ForeignKey("cameras.id", ondelete="SET NULL"))
    camera_name: Mapped[str] = mapped_column(String(64))  # kept: the camera may be deleted later
    alarm_id: Mapped[int | None] = mapped_column(Integer)
    ai_event_id: Mapped[int | None] = mapped_column(Integer)
    ticket_id: Mapped[int | None] = mapped_column(Integer, index=True)
    event_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # naive UTC, as every timestamp
    before_s: Mapped[float] = mapped_column(Float)
    after_s: Mapped[float] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(12), default=RECORDING)
    host: Mapped[str] = mapped_column(String(64))  # the computer whose disk holds the file
    path: Mapped[str] = mapped_column(String(500))
    starts_at: Mapped[datetime | None] = mapped_column(DateTime)  # the first picture's time
    duration_s: Mapped[float | None] = mapped_column(Float)
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    dropped: Mapped[bool] = mapped_column(Boolean, default=False)  # the camera stopped before the end
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    ready_at: Mapped[datetime | None] = mapped_column(DateTime)
