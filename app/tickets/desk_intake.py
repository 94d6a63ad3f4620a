"""Opening tickets: one from the intake form, the command line or a visit's findings (`open`, `open_in`,
duplicate check or merge into an open ticket), many from an import or the demo (`open_many`, one
batch lookup and executemany inserts), and the dispatch preview the intake form shows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app import audit
from app.access import Permission
from app.rollups import tickets as rollup  # the module: it imports app.tickets' tables itself
from app.roster.masking import mask_phone
from app.site_clock import load_clock
from app.store.base import utcnow
from app.tickets.acting import acting
from app.tickets.bulk import insert_rows, insert_tickets
from app.tickets.desk_base import DeskBase
from app.tickets.desk_steps import photo_row, record_step
from app.tickets.errors import DuplicateReport, TicketNotFound, TransitionRefused
from app.tickets.intake import (
    DispatchPreview,
    Intake,
    Place,
    checked,
    find_duplicates,
    plan_ticket,
    preview_dispatch,
    resolve_place,
)
from app.tickets.models import Ticket, TicketEvent
from app.tickets.routing import BatchLocator
from app.tickets.states import State
from app.tickets.time_guard import check_not_future
from app.tickets.workflow import Step


class IntakeDesk(DeskBase):
    """The intake half of `TicketDesk`."""

    def open(
        self,
        intake: Intake,
        *,
        merge_into: int | None = None,
        force: bool = False,
        now: datetime | None = None,
    ) -> int:
        """Open a ticket (dispatched at once when the place is in a grid) and return its id.

        A same-place same-category open ticket raises DuplicateReport unless `force`; with
        `merge_into` the report joins that ticket instead and its id is returned.
        """
        if intake.at is not None and not self.simulation:
            check_not_future(intake.at, utcnow(), "受理", load_clock(self.db))
        now = now or utcnow()
        with self.db.session() as session:
            ticket_id = self.open_in(session, intake, merge_into=merge_into, force=force, now=now)
        self._publish((ticket_id,), "opened")
        return ticket_id

    def open_in(
        self,
        session: Session,
        intake: Intake,
        *,
        merge_into: int | None = None,
        force: bool = False,
        now: datetime,
    ) -> int:
        """`open` in the caller's unit of work (a visit and the tickets its findings became commit
        together); the caller publishes with `announce_opened` after its commit."""
        intake = checked(intake)
        try:
            self.categories[intake.category]  # noqa: B018 -- refuses an unknown code before any query
        except KeyError as error:
            raise TransitionRefused(str(error.args[0])) from None
        category = self.book(session)[intake.category]
        grids, leaders = self.directory(session)
        place = resolve_place(session, intake, self.locate)
        if merge_into is not None:
            return self._merge(session, merge_into, intake, now)
        if not force:
            duplicates = find_duplicates(session, category.code, place, grids.chain(place.grid_id))
            if duplicates:
                raise DuplicateReport(duplicates)
        actor = acting(session, self.seat, None, Permission.OPEN_TICKETS, place.grid_id)
        row, events = plan_ticket(
            intake, category, place, grids, leaders, self.clocks(session).of(category), actor, now
        )
        ticket_id = session.execute(
            insert(Ticket.__table__).returning(Ticket.__table__.c.id), [row]
        ).scalar_one()
        self._write_events(session, ticket_id, events)
        rollup.count_steps(session, rollup.steps_of(events, rollup.key_of_row(row)))
        for name, data in intake.photos:
            session.add(photo_row(ticket_id, "intake", name, data, now))
        return ticket_id

    def announce_opened(self, ids: Sequence[int]) -> None:
        """Tell the site about tickets `open_in` wrote, once the caller's transaction committed."""
        if ids:
            self._publish(tuple(ids), "opened")

    def preview(self, intake: Intake) -> DispatchPreview:
        """Where a ticket for this place would be dispatched (the intake form shows it before submit)."""
        with self.db.session() as session:
            grids, leaders = self.directory(session)
            return preview_dispatch(resolve_place(session, intake, self.locate), grids, leaders)

    def open_many(
        self,
        intakes: Sequence[Intake],
        *,
        locate_many: BatchLocator | None = None,
        now: datetime | None = None,
    ) -> list[int]:
        """Open a batch (imports, the demo, the benchmark): one batch lookup, executemany inserts.

        No duplicate check: a batch comes from a list that was already reviewed.
        """
        now = now or utcnow()
        with self.db.session() as session:
            grids, leaders = self.directory(session)
            actor = acting(session, self.seat, None, Permission.OPEN_TICKETS)
            clocks = self.clocks(session)
            points = [i for i in intakes if i.household_id is None and i.building_id is None]
            located: dict[int, int | None] = {}
            if points and locate_many is not None:
                found = locate_many([i.lon for i in points], [i.lat for i in points])
                located = {id(i): g for i, g in zip(points, found, strict=True)}
            rows, event_lists = [], []
            for intake in intakes:
                if id(intake) in located:
                    place = Place(intake.lon, intake.lat, located[id(intake)], intake.address, None, None)
                else:
                    place = resolve_place(session, intake, self.locate)
                category = self.book(session)[intake.category]
                row, events = plan_ticket(
                    intake, category, place, grids, leaders, clocks.of(category), actor, now
                )
                rows.append(row)
                event_lists.append(events)
            ids = insert_tickets(session, rows)
            all_events, steps = [], []
            for ticket_id, row, events in zip(ids, rows, event_lists, strict=True):
                for event in events:
                    event["ticket_id"] = ticket_id
                    all_events.append(event)
                steps.extend(rollup.steps_of(events, rollup.key_of_row(row)))
            self._write_events(session, None, all_events)
            rollup.count_steps(session, steps)
        self._publish(tuple(ids), "opened")
        return ids

    def _write_events(self, session: Session, ticket_id: int | None, events: list[dict[str, Any]]) -> None:
        """The intake's timeline steps, and one audit entry per ticket listing them (受理 → 立案 → 派遣)."""
        if ticket_id is not None:
            for event in events:
                event["ticket_id"] = ticket_id
        insert_rows(session, TicketEvent.__table__, events)
        by_ticket: dict[int, list[dict[str, Any]]] = {}
        for e in events:
            by_ticket.setdefault(e["ticket_id"], []).append(e)
        audit.record_rows(
            session,
            [
                {
                    "at": steps[0]["recorded_at"],
                    "actor": steps[0]["actor"],
                    "seat": steps[0]["seat"],
                    "action": "ticket.open",
                    "entity": "ticket",
                    "entity_id": tid,
                    "detail": json.dumps(
                        {
                            "at": steps[0]["at"].isoformat(),
                            "steps": [
                                [s["action"], s["from_state"], s["to_state"], s["note"]] for s in steps
                            ],
                        },
                        ensure_ascii=False,
                    ),
                }
                for tid, steps in by_ticket.items()
            ],
        )

    def _merge(self, session: Session, ticket_id: int, intake: Intake, now: datetime) -> int:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise TicketNotFound(ticket_id)
        if ticket.state in (State.EVALUATED, State.DISMISSED):
            raise TransitionRefused(f"工单 {ticket_id} 已办结，不能合并 the ticket is finished")
        ticket.report_count += 1
        ticket.updated_at = now
        reporter = intake.reporter_name or "匿名"
        step = Step(
            "merge",
            ticket.state,
            ticket.state,
            intake.at or now,
            f"合并重复反映（{reporter} {mask_phone(intake.reporter_phone)}）：{intake.text}",
            {"reporter": reporter, "phone": intake.reporter_phone, "source": intake.source},
            ticket.level,
            ticket.assigned_grid_id,
            ticket.assignee_id,
        )
        actor = acting(session, self.seat, None, Permission.OPEN_TICKETS, ticket.assigned_grid_id)
        record_step(session, self.seat, ticket, step, actor, now)
        for name, data in intake.photos:
            session.add(photo_row(ticket_id, "intake", name, data, now))
        return ticket_id
