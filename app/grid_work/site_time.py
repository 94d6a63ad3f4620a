"""The site's time zone for what the office types and reads: the store keeps naive UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.grid_work.errors import WorkError
from app.site_clock import clock_in


def site_zone(session: Session) -> ZoneInfo:
    """The zone of 设置 → 站点 (default Asia/Shanghai), as the site's one clock reads it."""
    return clock_in(session).zone


def to_utc(moment: datetime, zone: ZoneInfo) -> datetime:
    """A typed moment to naive UTC: one without an offset is the site's wall-clock time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC).replace(tzinfo=None)


def parse_moment(text: str) -> datetime:
    """ISO 8601 as typed (offset kept if given); the caller places it in the site's zone with `to_utc`."""
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise WorkError(f"时间格式错误 bad time {text!r}: use ISO 8601, e.g. 2026-10-01T09:30") from None


def site_iso(moment: datetime | None, zone: ZoneInfo) -> str | None:
    """Naive UTC to ISO 8601 in the site's zone, with its offset."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(zone).isoformat(timespec="minutes")
