"""The alarm lifecycle: raised → acknowledged (who, note) → handled (ticket, false alarm, resolved).

Every step is committed together with its audit entry before anyone is told (`Change("alarm", ...)`
goes out after the commit), so what the popups show is always what the store holds.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from alarms.escalation import AlarmEscalation
from alarms.models import Alarm, AlarmState, Outcome
from alarms.values import AlarmDraft, AlarmError, AlarmView
from app import audit
from app.access import Permission, can
from app.config import Seat
from app.events import AlarmChanged, Change, EventHub, Topic
from app.models import Building, Household, Sensor
from app.rollups.alarms import AlarmFacts, count_acknowledged, count_raised
from app.store import Database
from app.store.base import utcnow

TOPIC = Topic.ALARM

_VIEW_COLUMNS = tuple(Alarm.__table__.c[name] for name in AlarmView.__dataclass_fields__)

# Creates a ticket for an alarm through the ticket workflow and returns its id.
DispatchTicket = Callable[[AlarmView], int]
PreviewTicket = Callable[[AlarmView], Any]  # what dispatching would create (app.tickets.preview.TicketPreview)


class AlarmService(AlarmEscalation):
    def __init__(
        self,
        db: Database,
        hub: EventHub,
        seat: Seat,
        *,
        dispatch_ticket: DispatchTicket | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.hub = hub
        self.seat = seat
        self.dispatch_ticket = dispatch_ticket
        self.preview_ticket: PreviewTicket | None = None  # wired with dispatch_ticket by the runtime
        self.clock = clock

    # -- raising ---------------------------------------------------------------------------------------
    def raise_alarm(self, draft: AlarmDraft) -> int:
        with self.db.session() as session:
            alarm_id = self.add(session, draft)
        self.announce([alarm_id], "raised")
        return alarm_id

    def add(self, session: Session, draft: AlarmDraft) -> int:
        """Raise within the caller's unit of work (the caller commits, then calls `announce`)."""
        grid_id, lon, lat = draft.grid_id, draft.lon, draft.lat
        if draft.household_id is not None and (grid_id is None or lon is None):
            located = session.execute(
                select(Building.grid_id, Building.lon, Building.lat)
                .join(Household, Household.building_id == Building.id)
                .where(Household.id == draft.household_id)
            ).first()
            if located is not None:
                grid_id = grid_id if grid_id is not None else located.grid_id
                lon, lat = (lon, lat) if lon is not None else (located.lon, located.lat)
        if grid_id is None and draft.sensor_id is not None:
            sensor = session.get(Sensor, draft.sensor_id)
            grid_id = sensor.grid_id if sensor else None
        alarm = Alarm(
            raised_at=self.clock(),
            source=draft.source,
            kind=draft.kind,
            priority=int(draft.priority),
            state=AlarmState.RAISED,
            title=draft.title,
            household_id=draft.household_id,
            grid_id=grid_id,
            sensor_id=draft.sensor_id,
            camera_id=draft.camera_id,
            lon=lon,
            lat=lat,
            detail=json.dumps(draft.stored_detail(), ensure_ascii=False, default=str),
        )
        session.add(alarm)
        session.flush()
        count_raised(session, [AlarmFacts(alarm.raised_at, grid_id, draft.kind, None)])
        audit.record(
            session,
            self.seat,
            "alarm.raise",
            "alarm",
            alarm.id,
            kind=draft.kind,
            priority=int(draft.priority),
        )
        return alarm.id

    def announce(self, ids: list[int], what: str) -> None:
        if ids:
            self.hub.publish(Change(TOPIC, tuple(ids), AlarmChanged(what)))

    # -- lifecycle -------------------------------------------------------------------------------------
    def may_act(self) -> bool:
        """Whether this seat may acknowledge and handle alarms: a signed-in user needs the permission;
        the local system (sensor rules, a kiosk wall acknowledging with the supervisor PIN) acts."""
        return self.seat.user is None or can(self.seat.user, Permission.ACKNOWLEDGE_ALARMS)

    def _refuse_unless_allowed(self, alarm_id: int) -> None:
        """Before every act on an alarm: it lies in the seat's scope, and the seat may act on alarms."""
        self._refuse_outside_scope(alarm_id)
        if not self.may_act():
            raise AlarmError(
                f"{self.seat.operator} 无权处理告警 may not act on alarms ({Permission.ACKNOWLEDGE_ALARMS.value})"
            )

    def _refuse_outside_scope(self, alarm_id: int) -> None:
        """A grid worker acts only on the alarms of their grid subtree (their reads never show another
        grid's: runtime/read/alarms.py), refused in the same words as an alarm that does not exist. The
        local system and a user of the whole site act everywhere; raising, the sensor rules and the
        overdue escalation are the site's own work and are not checked."""
        user = self.seat.user
        if user is None or user.grid_scope is None:
            return
        with self.db.session() as session:
            grid_id = session.scalar(select(Alarm.grid_id).where(Alarm.id == alarm_id))
        if grid_id not in user.grid_scope:
            raise AlarmError(f"告警 {alarm_id} 不存在 (no such alarm)")

    def acknowledge(self, alarm_id: int, note: str = "", who: str | None = None) -> AlarmView:
        """Someone has seen it and takes it on; only a raised alarm can be acknowledged."""
        self._refuse_unless_allowed(alarm_id)
        who = who or self.seat.operator
        now = self.clock()
        with self.db.session() as session:
            self._transition(
                session,
                alarm_id,
                (AlarmState.RAISED,),
                state=AlarmState.ACKNOWLEDGED,
                acknowledged_at=now,
                acknowledged_by=who,
                ack_note=note,
            )
            self._count_acknowledged(session, alarm_id, now)
            audit.record(session, self.seat, "alarm.acknowledge", "alarm", alarm_id, by=who, note=note)
            view = AlarmView.of(session.get(Alarm, alarm_id))
        self.announce([alarm_id], "acknowledged")
        return view

    def dispatch_preview(self, alarm_id: int) -> Any:
        """The ticket `dispatch` would create for this alarm (category, grid, handler, limit); writes nothing."""
        self._refuse_outside_scope(alarm_id)
        if self.preview_ticket is None or self.dispatch_ticket is None:
            raise AlarmError("工单模块未接入，无法派单 (no ticket workflow is connected)")
        view = self.get(alarm_id)
        if view is None:
            raise AlarmError(f"告警 {alarm_id} 不存在 (no such alarm)")
        return self.preview_ticket(view)

    def dispatch(self, alarm_id: int, note: str = "", who: str | None = None) -> int:
        """Turn the alarm into a linked ticket through the ticket workflow; returns the ticket id."""
        self._refuse_unless_allowed(alarm_id)
        if self.dispatch_ticket is None:
            raise AlarmError("工单模块未接入，无法派单 (no ticket workflow is connected)")
        with self.db.session() as session:
            row = session.get(Alarm, alarm_id)
            if row is None:
                raise AlarmError(f"告警 {alarm_id} 不存在 (no such alarm)")
            if row.state == AlarmState.HANDLED:
                raise AlarmError(f"告警 {alarm_id} 已处置 (already handled)")
            view = AlarmView.of(row)
        ticket_id = self.dispatch_ticket(view)
        self._handle(alarm_id, Outcome.TICKET, note, who, ticket_id=ticket_id)
        return ticket_id

    def close(self, alarm_id: int, outcome: Outcome, note: str = "", who: str | None = None) -> AlarmView:
        """Close as false alarm or resolved (a ticket outcome goes through `dispatch`)."""
        self._refuse_unless_allowed(alarm_id)
        if outcome == Outcome.TICKET:
            raise AlarmError("派单请用 dispatch (use dispatch to create a ticket)")
        if outcome == Outcome.FALSE_ALARM and not note.strip():
            raise AlarmError("标记误报须说明原因 (a false alarm needs a reason)")
        return self._handle(alarm_id, outcome, note, who)

    def _handle(
        self, alarm_id: int, outcome: Outcome, note: str, who: str | None, ticket_id: int | None = None
    ) -> AlarmView:
        who = who or self.seat.operator
        now = self.clock()
        with self.db.session() as session:
            row = session.get(Alarm, alarm_id)
            if row is None:
                raise AlarmError(f"告警 {alarm_id} 不存在 (no such alarm)")
            extra: dict[str, Any] = {}
            if row.acknowledged_at is None:  # handling it straight away also acknowledges it
                extra = {"acknowledged_at": now, "acknowledged_by": who, "ack_note": note}
            self._transition(
                session,
                alarm_id,
                (AlarmState.RAISED, AlarmState.ACKNOWLEDGED),
                state=AlarmState.HANDLED,
                handled_at=now,
                handled_by=who,
                outcome=outcome,
                outcome_note=note,
                ticket_id=ticket_id,
                **extra,
            )
            if extra:
                self._count_acknowledged(session, alarm_id, now)
            audit.record(
                session,
                self.seat,
                "alarm.handle",
                "alarm",
                alarm_id,
                by=who,
                outcome=outcome,
                note=note,
                ticket_id=ticket_id,
            )
            session.refresh(row)
            view = AlarmView.of(row)
        self.announce([alarm_id], "handled")
        return view

    @staticmethod
    def _count_acknowledged(session: Session, alarm_id: int, at: datetime) -> None:
        row = session.execute(
            select(Alarm.raised_at, Alarm.grid_id, Alarm.kind).where(Alarm.id == alarm_id)
        ).one()
        count_acknowledged(session, AlarmFacts(row.raised_at, row.grid_id, row.kind, at))

    def _transition(self, session: Session, alarm_id: int, allowed: tuple[str, ...], **values: Any) -> None:
        """A conditional update, so two seats acting on one alarm at once cannot both win."""
        result = session.execute(
            update(Alarm).where(Alarm.id == alarm_id, Alarm.state.in_(allowed)).values(**values)
        )
        if result.rowcount != 1:
            row = session.get(Alarm, alarm_id)
            if row is None:
                raise AlarmError(f"告警 {alarm_id} 不存在 (no such alarm)")
            raise AlarmError(
                f"告警 {alarm_id} 当前状态为 {row.state}，不能执行此操作 (not allowed in state {row.state})"
            )

    # -- reading ---------------------------------------------------------------------------------------
    def get(self, alarm_id: int) -> AlarmView | None:
        """One alarm as stored now; a plain row read (no ORM object), as every popup starts with it."""
        with self.db.session() as session:
            row = session.execute(select(*_VIEW_COLUMNS).where(Alarm.id == alarm_id)).mappings().first()
            return AlarmView.from_mapping(row) if row else None

    def active(self) -> list[AlarmView]:
        """Alarms not yet handled, most urgent first, then oldest first."""
        with self.db.session() as session:
            rows = session.scalars(
                select(Alarm)
                .where(Alarm.state != AlarmState.HANDLED)
                .order_by(Alarm.priority, Alarm.raised_at, Alarm.id)
            ).all()
            return [AlarmView.of(r) for r in rows]

    def unacknowledged(self) -> list[AlarmView]:
        return [a for a in self.active() if a.state == AlarmState.RAISED]
