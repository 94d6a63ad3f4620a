"""Escalating an alarm: handing it up to the supervisors and the community (level-2) grid leader, by hand
with a reason or for every alarm left unacknowledged too long, each by a conditional update so two seats
cannot escalate one alarm twice."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from alarms.grid_chain import Contact, grid_chain, supervisors
from alarms.models import Alarm, AlarmState
from alarms.values import AlarmError
from alarms.wording import WORDING_KEY, Wording
from app import audit

DEFAULT_ESCALATE_AFTER_MIN = 5.0


class AlarmEscalation:
    """The `AlarmService`'s escalation."""

    def escalate(self, alarm_id: int, reason: str) -> list[Contact]:
        """Hand the alarm up to the supervisor and the level-2 (community) grid leader, saying why."""
        self._refuse_unless_allowed(alarm_id)
        if not reason.strip():
            raise AlarmError("上报须说明原因 (escalating needs a reason)")
        with self.db.session() as session:
            contacts = self._escalate(session, alarm_id, reason)
        self.announce([alarm_id], "escalated")
        return contacts or []

    def escalate_overdue(self, after_minutes: float = DEFAULT_ESCALATE_AFTER_MIN) -> list[int]:
        """Escalate every alarm still unacknowledged `after_minutes` after it was raised (once each).

        Safe to run on two seats at once: each alarm is escalated by whichever run updates it first.
        """
        cutoff = self.clock() - timedelta(minutes=after_minutes)
        reason = Wording("unacknowledged", (f"{after_minutes:g}",))
        with self.db.session() as session:
            overdue = session.scalars(
                select(Alarm.id)
                .where(
                    Alarm.state == AlarmState.RAISED, Alarm.escalated_at.is_(None), Alarm.raised_at <= cutoff
                )
                .order_by(Alarm.id)
            ).all()
            escalated = [
                alarm_id
                for alarm_id in overdue
                if self._escalate(session, alarm_id, reason, first_time=True) is not None
            ]
        self.announce(escalated, "escalated")
        return escalated

    def _escalate(
        self, session: Session, alarm_id: int, reason: str | Wording, *, first_time: bool = False
    ) -> list[Contact] | None:
        """Escalate by a conditional UPDATE; `first_time` only if still raised and never escalated,
        returning None when another run got there first (or someone acknowledged it meanwhile). A
        reason of the core's own is recorded in Chinese with its message, for the screens to word."""
        row = session.get(Alarm, alarm_id)
        if row is None:
            raise AlarmError(f"告警 {alarm_id} 不存在 (no such alarm)")
        if row.state == AlarmState.HANDLED and not first_time:
            raise AlarmError(f"告警 {alarm_id} 已处置，无需上报 (already handled)")
        chain = grid_chain(session, row.grid_id)
        community = [c for link in chain if link.level == 2 for c in link.contacts if c.role == "leader"]
        contacts = supervisors(session, [link.grid_id for link in chain]) + community
        conditions = [Alarm.id == alarm_id, Alarm.state != AlarmState.HANDLED]
        if first_time:
            conditions += [Alarm.state == AlarmState.RAISED, Alarm.escalated_at.is_(None)]
        result = session.execute(
            update(Alarm)
            .where(*conditions)
            .values(
                escalated_at=self.clock(),
                escalated_to=json.dumps(
                    [{"name": c.name, "phone": c.phone, "role": c.role} for c in contacts],
                    ensure_ascii=False,
                ),
            )
            .execution_options(synchronize_session="fetch")
        )
        if result.rowcount != 1:
            if first_time:
                return None
            raise AlarmError(f"告警 {alarm_id} 已处置，无需上报 (already handled)")
        audit.record(
            session,
            self.seat,
            "alarm.escalate",
            "alarm",
            alarm_id,
            to=[c.name for c in contacts],
            **_reason(reason),
        )
        return contacts


def _reason(reason: str | Wording) -> dict[str, object]:
    """The audit detail's reason: a person's words as typed; the core's own in Chinese, message beside."""
    if isinstance(reason, Wording):
        return {"reason": reason.zh(), WORDING_KEY: reason.stored()}
    return {"reason": reason}
