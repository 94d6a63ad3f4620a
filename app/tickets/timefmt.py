"""Instants in and out: the store keeps naive UTC, people read and type Beijing time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

SITE_ZONE = timezone(timedelta(hours=8), "CST")


def parse_instant(text: str) -> datetime:
    """ISO 8601 to naive UTC; without an offset the time is read as Beijing time (UTC+8)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise ValueError(f"时间格式错误 bad time {text!r}: use ISO 8601, e.g. 2026-10-01T09:30") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SITE_ZONE)
    return moment.astimezone(UTC).replace(tzinfo=None)


def iso(moment: datetime | None) -> str | None:
    """Naive UTC to ISO 8601 in Beijing time with its offset."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(SITE_ZONE).isoformat(timespec="seconds")


def local(moment: datetime) -> datetime:
    """Naive UTC to naive Beijing time, for display."""
    return moment + timedelta(hours=8)
