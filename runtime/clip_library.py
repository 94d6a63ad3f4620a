"""The site's event clips as the operator sees them: listed, opened to play and pruned (taken away:
`runtime/clip_exports.py`).

Opening a clip to play it and exporting it are audited (who saw which video of whom, and when).
Pruning follows the site's settings (`clips.retention_days`, `clips.quota_mb`): the oldest clips go
first, a clip linked to an alarm or a ticket still open is kept whatever its age, and a process
prunes only the files on its own computer (each row says which computer holds its file). A row left
`recording` by a writer that died is marked failed and its `.part` file removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from alarms.models import Alarm, AlarmState
from app import audit
from app.access import Permission, can
from app.config import Seat
from app.site_settings import read_setting, write_setting
from app.store import Database
from app.store.base import utcnow
from app.tickets.models import Ticket
from app.tickets.states import State
from video.clip_records import FAILED, READY, RECORDING, Clip
from video.clip_writer import PART_SUFFIX

RETENTION_DAYS = "clips.retention_days"
QUOTA_MB = "clips.quota_mb"
DEFAULT_RETENTION_DAYS = 30
DEFAULT_QUOTA_MB = 20 * 1024
ABANDONED_AFTER = timedelta(minutes=15)  # a clip takes 45 s by default: a writer this late has died
FINISHED_TICKETS = (State.CLOSED.value, State.EVALUATED.value, State.DISMISSED.value)


class ClipLibraryError(Exception):
    """What the operator asked cannot be done; the message says why (Chinese and English)."""


@dataclass(frozen=True)
class ClipLine:
    id: int
    camera_id: int | None
    camera_name: str
    alarm_id: int | None
    ai_event_id: int | None
    ticket_id: int | None
    event_at: datetime
    state: str
    host: str
    path: str
    starts_at: datetime | None
    duration_s: float | None
    size_bytes: int | None
    dropped: bool
    note: str

    @classmethod
    def of(cls, row: Clip) -> ClipLine:
        return cls(**{name: getattr(row, name) for name in cls.__dataclass_fields__})

    def as_dict(self) -> dict:
        values = asdict(self)
        for name in ("event_at", "starts_at"):
            values[name] = values[name].isoformat() if values[name] is not None else None
        return values


@dataclass(frozen=True)
class PruneReport:
    removed: int
    freed_bytes: int
    kept_open: int  # clips past the limits kept because their alarm or ticket is still open
    abandoned: int  # rows whose writer died, marked failed


def list_clips(
    db: Database,
    everything: bool = False,
    alarm_id: int | None = None,
    ai_event_id: int | None = None,
    ticket_id: int | None = None,
) -> list[ClipLine]:
    """Ready clips, newest first (`everything`: recording and failed ones too), of one alarm, AI event
    or ticket when asked (a ticket's own clips and those of the alarms dispatched as it)."""
    query = select(Clip).order_by(Clip.event_at.desc(), Clip.id.desc())
    if not everything:
        query = query.where(Clip.state == READY)
    if alarm_id is not None:
        query = query.where(Clip.alarm_id == alarm_id)
    if ai_event_id is not None:
        query = query.where(Clip.ai_event_id == ai_event_id)
    if ticket_id is not None:
        alarms_of_ticket = select(Alarm.id).where(Alarm.ticket_id == ticket_id)
        query = query.where(or_(Clip.ticket_id == ticket_id, Clip.alarm_id.in_(alarms_of_ticket)))
    with db.session() as session:
        return [ClipLine.of(row) for row in session.scalars(query)]


def clip_counts(db: Database, alarm_ids: Iterable[int] = (), ai_event_ids: Iterable[int] = ()) -> dict:
    """{("alarm", id) | ("ai_event", id): ready clips} for the lists' 回放 buttons, in one query each."""
    counts: dict[tuple[str, int], int] = {}
    with db.session() as session:
        for kind, column, ids in (
            ("alarm", Clip.alarm_id, list(alarm_ids)),
            ("ai_event", Clip.ai_event_id, list(ai_event_ids)),
        ):
            if not ids:
                continue
            rows = session.execute(
                select(column, func.count()).where(column.in_(ids), Clip.state == READY).group_by(column)
            )
            counts.update({(kind, key): number for key, number in rows})
    return counts


def may_export_clips(seat: Seat) -> bool:
    """Whether this seat may take a clip's pictures away (export, snapshot): people's faces are
    personal data, so the permission of exporting it (the local system may, audited)."""
    if seat.user is not None:
        return can(seat.user, Permission.EXPORT_PERSONAL_DATA)
    return bool(seat.operator.strip())


def open_clip(db: Database, seat: Seat, clip_id: int, purpose: str = "view", **detail) -> ClipLine:
    """A ready clip whose file is on this computer, audited as seen (`purpose`: view, or export and
    snapshot, which the seat must be permitted; `detail` goes into the audit entry)."""
    line = ready_clip(db, seat, clip_id, purpose)
    with db.session() as session:
        audit.record(
            session,
            seat,
            f"clip.{purpose}",
            "clip",
            clip_id,
            camera=line.camera_name,
            alarm_id=line.alarm_id,
            **detail,
        )
    return line


def ready_clip(db: Database, seat: Seat, clip_id: int, purpose: str = "view") -> ClipLine:
    """The clip `open_clip` would give, checked but not yet audited (an export first works out what
    its audit entry says)."""
    if purpose != "view" and not may_export_clips(seat):
        raise ClipLibraryError(
            f"{seat.operator} 无权导出录像（含人脸，属个人信息） "
            "(exporting a clip needs the permission to export personal data)"
        )
    with db.session() as session:
        row = session.get(Clip, clip_id)
        if row is None:
            raise ClipLibraryError(f"没有编号为 {clip_id} 的录像片段 (no clip {clip_id})")
        if row.state != READY:
            raise ClipLibraryError(
                f"录像片段 {clip_id} 尚未完成（{row.state}） (clip {clip_id} is {row.state})"
            )
        if row.host != seat.host or not Path(row.path).is_file():
            raise ClipLibraryError(
                f"录像片段 {clip_id} 保存在计算机 {row.host} 上 (the clip's file is on {row.host}: {row.path})"
            )
        return ClipLine.of(row)


def retention(db: Database) -> tuple[int, int]:
    """(days, quota in MB) from the site's settings."""
    with db.session() as session:
        return (
            int(read_setting(session, RETENTION_DAYS, DEFAULT_RETENTION_DAYS)),
            int(read_setting(session, QUOTA_MB, DEFAULT_QUOTA_MB)),
        )


def set_retention(db: Database, seat: Seat, days: int | None, quota_mb: int | None) -> tuple[int, int]:
    """Store the clips' retention days and disk quota (audited); both must be positive."""
    for value, what in ((days, "保留天数 days"), (quota_mb, "空间上限 quota (MB)")):
        if value is not None and value < 1:
            raise ClipLibraryError(f"{what} 必须大于 0 (must be at least 1): {value}")
    with db.session() as session:
        if days is not None:
            write_setting(session, seat, RETENTION_DAYS, days)
        if quota_mb is not None:
            write_setting(session, seat, QUOTA_MB, quota_mb)
    return retention(db)


def prune(db: Database, seat: Seat, now: datetime | None = None, record_idle: bool = True) -> PruneReport:
    """Remove this computer's clips past the site's retention days, then the oldest until under its
    quota, keeping those of open alarms and tickets. Each removed clip is audited (`clip.delete`, what
    it showed and why it went), then the round's counts (`clip.prune`; a scheduled round that found
    nothing to do, `record_idle` False, leaves no entry)."""
    now = now or utcnow()
    days, quota_mb = retention(db)
    with db.session() as session:
        abandoned = _abandon_dead_writers(session, seat.host, now)
        rows = session.scalars(
            select(Clip)
            .where(Clip.host == seat.host, Clip.state != RECORDING)
            .order_by(Clip.event_at, Clip.id)
        ).all()
        kept = _linked_to_open(session, rows)
        held = sum(row.size_bytes or 0 for row in rows)
        removed, freed, kept_open = 0, 0, 0
        for row in rows:
            too_old = row.event_at < now - timedelta(days=days)
            over_quota = held - freed > quota_mb * 1024 * 1024
            if not (too_old or over_quota):
                continue
            if row.id in kept:
                kept_open += 1
                continue
            _delete(session, seat, row, "retention_days" if too_old else "quota")
            freed += row.size_bytes or 0
            removed += 1
        report = PruneReport(removed, freed, kept_open, abandoned)
        if record_idle or removed or abandoned:
            audit.record(
                session, seat, "clip.prune", "clip", None, days=days, quota_mb=quota_mb, **asdict(report)
            )
    return report


def _delete(session: Session, seat: Seat, row: Clip, why: str) -> None:
    Path(row.path).unlink(missing_ok=True)
    audit.record(
        session,
        seat,
        "clip.delete",
        "clip",
        row.id,
        why=why,
        camera=row.camera_name,
        event_at=row.event_at.isoformat(),
        alarm_id=row.alarm_id,
        ai_event_id=row.ai_event_id,
        ticket_id=row.ticket_id,
        size_bytes=row.size_bytes,
    )
    session.delete(row)


def _abandon_dead_writers(session: Session, host: str, now: datetime) -> int:
    stale = session.scalars(
        select(Clip).where(
            Clip.host == host, Clip.state == RECORDING, Clip.created_at < now - ABANDONED_AFTER
        )
    ).all()
    for row in stale:
        Path(row.path + PART_SUFFIX).unlink(missing_ok=True)
        row.state, row.note = FAILED, "写入中断，未完成 (the writer stopped before the clip was complete)"
    return len(stale)


def _linked_to_open(session: Session, rows: list[Clip]) -> set[int]:
    """Ids of the clips whose alarm is not handled or whose ticket is not finished."""
    alarm_ids = {row.alarm_id for row in rows if row.alarm_id is not None}
    ticket_ids = {row.ticket_id for row in rows if row.ticket_id is not None}
    open_alarms = set(
        session.scalars(select(Alarm.id).where(Alarm.id.in_(alarm_ids), Alarm.state != AlarmState.HANDLED))
    )
    alarm_tickets = dict(
        session.execute(select(Alarm.id, Alarm.ticket_id).where(Alarm.id.in_(alarm_ids))).all()
    )
    ticket_ids |= {ticket for ticket in alarm_tickets.values() if ticket is not None}
    open_tickets = set(
        session.scalars(
            select(Ticket.id).where(Ticket.id.in_(ticket_ids), Ticket.state.not_in(FINISHED_TICKETS))
        )
    )
    return {
        row.id
        for row in rows
        if row.alarm_id in open_alarms
        or row.ticket_id in open_tickets
        or alarm_tickets.get(row.alarm_id) in open_tickets
    }
