"""The visit plan (走访计划): each household is visited at least N times a year, N by its residents' tags.

The plan is a site setting (`visits.plan`, audited like every setting): a default N and an N per
resident tag; a household takes the largest N of its residents' tags (a flat with a 独居老人 is
visited monthly). A household is overdue when its last visit is older than a year / N, or when it
was never visited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.config import Seat
from app.grid_work.errors import WorkError
from app.models import Tag
from app.site_settings import read_setting, write_setting

PLAN_KEY = "visits.plan"
DEFAULT_PER_YEAR = 2
DEFAULT_BY_TAG = {
    Tag.ELDERLY_ALONE.value: 12,
    Tag.KEY_PERSON.value: 12,
    Tag.DISABLED.value: 4,
    Tag.LOW_INCOME.value: 4,
}
MAX_PER_YEAR = 365
YEAR = timedelta(days=365)


@dataclass(frozen=True)
class VisitPlan:
    default: int = DEFAULT_PER_YEAR
    by_tag: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_BY_TAG))

    def per_year(self, tags: set[str]) -> int:
        """How often a household whose residents carry `tags` must be visited a year."""
        return max([self.default, *(self.by_tag[t] for t in tags if t in self.by_tag)])

    def interval(self, tags: set[str]) -> timedelta:
        return YEAR / self.per_year(tags)

    def as_dict(self) -> dict:
        return {"default": self.default, "by_tag": dict(sorted(self.by_tag.items()))}


def checked_plan(default: int, by_tag: dict[str, int]) -> VisitPlan:
    """The plan as typed, or WorkError naming the bad entry."""
    known = {t.value for t in Tag}
    for tag, count in {"default": default, **by_tag}.items():
        if tag != "default" and tag not in known:
            raise WorkError(f"未知居民标签 unknown resident tag {tag!r}; known: {', '.join(sorted(known))}")
        if not isinstance(count, int) or not 1 <= count <= MAX_PER_YEAR:
            raise WorkError(
                f"{tag}: 每年走访次数应为 1–{MAX_PER_YEAR} visits a year must be 1 to {MAX_PER_YEAR}"
            )
    return VisitPlan(default, dict(by_tag))


def read_plan(session: Session) -> VisitPlan:
    stored = read_setting(session, PLAN_KEY)
    if not isinstance(stored, dict):
        return VisitPlan()
    return VisitPlan(int(stored.get("default", DEFAULT_PER_YEAR)), dict(stored.get("by_tag", {})))


def save_plan(session: Session, seat: Seat, plan: VisitPlan) -> bool:
    """Store the plan in the caller's transaction (audited with old and new); False when unchanged."""
    return write_setting(session, seat, PLAN_KEY, plan.as_dict())


def due_at(last_visit: datetime | None, interval: timedelta) -> datetime | None:
    """When the next visit is due; None for a household never visited (due at once)."""
    return None if last_visit is None else last_visit + interval
