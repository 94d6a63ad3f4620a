"""Tables of the face gallery and AI events (migrations 0005_faces, 0005a_zone_rule).

Templates live in their own table as ciphertext, apart from identity data: a subject points at a
resident (whose name is in the roster) or carries only a watch-list label; nothing here holds a
name, an ID number or a raw picture unless the office switched raw images on.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.store.base import Base, utcnow


class FaceSubject(Base):
    """Someone whose face the gallery knows: a resident, or a watch-list entry."""

    __tablename__ = "face_subjects"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_name: Mapped[str] = mapped_column(String(16), index=True)  # "resident" or "watchlist"
    resident_id: Mapped[int | None] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), index=True, unique=True
    )
    label: Mapped[str] = mapped_column(String(64), default="")  # watch-list alias, never a resident's name
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")

    templates: Mapped[list[FaceTemplate]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    consents: Mapped[list[FaceConsent]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class FaceConsent(Base):
    """The person's separate consent to face recognition: who gave it, how, when, for what, and who
    took it down (`video.ai.consent` checks each part; migration 0011a_consent)."""

    __tablename__ = "face_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("face_subjects.id", ondelete="CASCADE"), index=True)
    given_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(200))  # as written: 书面签字 编号 … / 线上确认 / 口头同意并录音
    form: Mapped[str | None] = mapped_column(String(16))  # ConsentForm; None only on rows older than 0011a
    scope: Mapped[str] = mapped_column(String(200), default="", server_default="")
    given_by: Mapped[str] = mapped_column(String(64), default="本人", server_default="本人")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")


class FaceSubjectKey(Base):
    """A subject's own data key, wrapped with the site's face key (`video/ai/subject_keys.py`).
    Destroyed when the subject is forgotten, which leaves any recovered ciphertext undecryptable."""

    __tablename__ = "face_subject_keys"

    subject_id: Mapped[int] = mapped_column(
        ForeignKey("face_subjects.id", ondelete="CASCADE"), primary_key=True
    )
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)


class FaceTemplate(Base):
    """One encrypted embedding (and, only if switched on, the encrypted enrolment photo)."""

    __tablename__ = "face_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("face_subjects.id", ondelete="CASCADE"), index=True)
    model: Mapped[str] = mapped_column(String(128))  # file name of the embedding model
    dimensions: Mapped[int] = mapped_column(Integer)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    photo_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AiZone(Base):
    """A polygon drawn on a camera's picture (coordinates 0..1 of width and height)."""

    __tablename__ = "ai_zones"

    id: Mapped[int] = mapped_column(primary_key=True)
    camera_id: Mapped[int] = mapped_column(ForeignKey("cameras.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    points: Mapped[str] = mapped_column(Text)  # JSON [[x, y], ...]
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    rule: Mapped[str] = mapped_column(String(16), default="forbidden", server_default="forbidden")


class AiEvent(Base):
    """Something the AI saw that people must know about, with its evidence."""

    __tablename__ = "ai_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    camera_id: Mapped[int | None] = mapped_column(ForeignKey("cameras.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)  # watchlist_hit, stranger, zone, no_mask
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    track_id: Mapped[int] = mapped_column(Integer)
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("face_subjects.id", ondelete="SET NULL"), index=True
    )
    zone: Mapped[str | None] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    snapshot: Mapped[bytes | None] = mapped_column(LargeBinary)  # JPEG of the frame
    face_crop: Mapped[bytes | None] = mapped_column(LargeBinary)  # JPEG of the track's best face
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(64))
