"""The alarm service as a signed-in seat uses it: a grid worker's acts on an alarm are refused outside
their grid subtree, in the core, whatever a view offers (their reads never show such an alarm either:
runtime/read/alarms.py).

A subclass rather than a change to `AlarmService`, whose every act checks the permission table but not
the alarm's grid: raising, the sensor rules, the alarm checks and the overdue escalation are the site's
own work and act on every alarm, as before. Each process builds its service with its seat
(`runtime/site.py`), so a window signed in as a grid worker refuses what their scope does not hold."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from alarms.models import Alarm, Outcome
from alarms.service import AlarmError, AlarmService, AlarmView


class ScopedAlarmService(AlarmService):
    def _refuse_outside_scope(self, alarm_id: int) -> None:
        user = self.seat.user
        if user is None or user.grid_scope is None:
            return
        with self.db.session() as session:
            grid_id = session.scalar(select(Alarm.grid_id).where(Alarm.id == alarm_id))
        if grid_id not in user.grid_scope:  # the same words as for an alarm that does not exist
            raise AlarmError(f"告警 {alarm_id} 不存在 (no such alarm)")

    def acknowledge(self, alarm_id: int, note: str = "", who: str | None = None) -> AlarmView:
        self._refuse_outside_scope(alarm_id)
        return super().acknowledge(alarm_id, note, who)

    def dispatch_preview(self, alarm_id: int) -> Any:
        self._refuse_outside_scope(alarm_id)
        return super().dispatch_preview(alarm_id)

    def dispatch(self, alarm_id: int, note: str = "", who: str | None = None) -> int:
        self._refuse_outside_scope(alarm_id)
        return super().dispatch(alarm_id, note, who)

    def close(self, alarm_id: int, outcome: Outcome, note: str = "", who: str | None = None) -> AlarmView:
        self._refuse_outside_scope(alarm_id)
        return super().close(alarm_id, outcome, note, who)

    def escalate(self, alarm_id: int, reason: str) -> list[Any]:
        self._refuse_outside_scope(alarm_id)
        return super().escalate(alarm_id, reason)
