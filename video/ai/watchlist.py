"""Putting an enrolled resident on the watch list (重点人员名单), or taking them off: its own step.

Enrolment consents to being recognised as a resident; being watched is a different use of the same
face, so it is never a side effect of enrolling. Each move names the resident, carries the reason,
and is audited with the operator and seat; running galleries reload on the announcement.
"""

from __future__ import annotations

from sqlalchemy import select

from app.audit import record
from app.config import Seat
from app.events import Change, EventHub, GalleryChanged, Topic
from app.store import Database
from video.ai.records import FaceSubject

MIN_REASON_CHARS = 2


class WatchlistError(Exception):
    """The move was refused; the message says why in words the operator can act on."""


def add_to_watchlist(
    db: Database, seat: Seat, resident_id: int, reason: str, hub: EventHub | None = None
) -> int:
    """Move the resident's gallery entry onto the watch list; returns its subject id."""
    return _move(db, seat, resident_id, reason, hub, to="watchlist")


def remove_from_watchlist(
    db: Database, seat: Seat, resident_id: int, reason: str, hub: EventHub | None = None
) -> int:
    """Move the resident's gallery entry back to the resident list; returns its subject id."""
    return _move(db, seat, resident_id, reason, hub, to="resident")


def _move(db: Database, seat: Seat, resident_id: int, reason: str, hub: EventHub | None, *, to: str) -> int:
    why = (reason or "").strip()
    if len(why) < MIN_REASON_CHARS:
        raise WatchlistError("须说明理由（至少 2 个字） a reason of at least 2 characters is required")
    with db.session() as session:
        subject = session.scalar(select(FaceSubject).where(FaceSubject.resident_id == resident_id))
        if subject is None:
            raise WatchlistError(f"居民 {resident_id} 没有录入人脸 resident {resident_id} has no face data")
        if subject.list_name == to:
            where = "重点人员名单 the watch list" if to == "watchlist" else "居民名单 the resident list"
            raise WatchlistError(f"居民 {resident_id} 已在{where}上 (already there)")
        action = "watchlist_add" if to == "watchlist" else "watchlist_remove"
        subject.list_name = to
        subject.note = why if to == "watchlist" else ""
        record(
            session, seat, f"face.{action}", "face_subject", subject.id, resident_id=resident_id, reason=why
        )
        subject_id = subject.id
    if hub is not None:
        hub.publish(Change(Topic.FACE_GALLERY, (subject_id,), GalleryChanged(action)))
    return subject_id
