"""One household's elderly-care rules as plain values: read, checked and saved with an audit entry.

The care rules (`alarms.care`) read the stored `CareSettings` row; the operator changes it here,
from the popup or the command line, so both check the same limits and leave the same trace.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from alarms.care import settings_for
from alarms.models import CareSettings
from app import audit
from app.config import Seat
from app.models import Household
from app.store import Database

MAX_HOURS = 72.0  # longer than three days without a check-on is not care any more
MINUTES_PER_DAY = 24 * 60


class CareRulesError(ValueError):
    """Values the rules cannot work with, in words for the operator."""


@dataclass(frozen=True)
class HouseholdCareRules:
    """What an operator may change of a household's rules (its stopwatch stays the system's)."""

    inactivity_enabled: bool
    inactivity_hours: float
    active_start_minute: int  # local time of day, minutes after midnight
    active_end_minute: int
    away: bool  # away mode: inactivity alarms are suspended
    night_door_alarm: bool  # the resident is at risk: a door opened at night is a P2 alarm
    night_start_minute: int
    night_end_minute: int
    silent_hours: float
    low_battery_percent: int

    def check(self) -> None:
        """Raise CareRulesError for the first value outside what the rules can work with."""
        for name, label in (("inactivity_hours", "无活动时长"), ("silent_hours", "传感器静默时长")):
            hours = getattr(self, name)
            if not 0 < hours <= MAX_HOURS:
                raise CareRulesError(
                    f"{label}应在 0 到 {MAX_HOURS:g} 小时之间 ({name} must be over 0 and at most "
                    f"{MAX_HOURS:g} hours): {hours:g}"
                )
        if not 1 <= self.low_battery_percent <= 99:
            raise CareRulesError(
                f"低电量阈值应在 1% 到 99% 之间 (low battery threshold must be 1-99%): {self.low_battery_percent}"
            )
        for name in ("active_start_minute", "active_end_minute", "night_start_minute", "night_end_minute"):
            if not 0 <= getattr(self, name) < MINUTES_PER_DAY:
                raise CareRulesError(f"时刻无效 (time of day out of range): {name}={getattr(self, name)}")
        if self.active_start_minute == self.active_end_minute:
            raise CareRulesError("活动时段的开始与结束不能相同 (the active window starts where it ends)")
        if self.night_start_minute == self.night_end_minute:
            raise CareRulesError("夜间时段的开始与结束不能相同 (the night window starts where it ends)")


RULE_NAMES = tuple(f.name for f in fields(HouseholdCareRules))


def read_rules(db: Database, household_id: int) -> HouseholdCareRules:
    """The household's rules (the defaults, stored, the first time)."""
    with db.session() as session:
        _require_household(session, household_id)
        settings = settings_for(session, household_id)
        return HouseholdCareRules(**{name: getattr(settings, name) for name in RULE_NAMES})


def save_rules(db: Database, seat: Seat, household_id: int, rules: HouseholdCareRules) -> HouseholdCareRules:
    """Check and store the rules; the audit entry names only what changed. Returns what is stored."""
    rules.check()
    with db.session() as session:
        _require_household(session, household_id)
        settings: CareSettings = settings_for(session, household_id)
        changed = {name: value for name, value in asdict(rules).items() if getattr(settings, name) != value}
        for name, value in changed.items():
            setattr(settings, name, value)
        if changed:
            audit.record(session, seat, "care.rules", "household", household_id, **changed)
    return rules


def _require_household(session, household_id: int) -> None:
    if session.get(Household, household_id) is None:
        raise CareRulesError(f"住户 {household_id} 不存在 (no such household)")
