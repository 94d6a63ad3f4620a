"""The ticket desk: every way a seat opens and moves tickets, as units of work with audit and locking.

Optimistic locking: the ticket row carries a version. A seat passes the version it was looking at;
if another seat moved the ticket first, the action is refused with the fresh state (TicketConflict).
The UPDATE itself also checks the version, so two seats racing inside the same instant cannot both
win either.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import audit
from app.access import Permission
from app.config import Seat
from app.events import Change, EventHub, TicketChanged, Topic
from app.rollups import tickets as rollup  # the module: it imports app.tickets' tables itself
from app.roster.masking import mask_phone
from app.site_clock import clock_in, load_clock
from app.store import Database
from app.store.base import utcnow
from app.tickets import notices
from app.tickets.acting import acting
from app.tickets.bulk import insert_rows, insert_tickets
from app.tickets.categories import CategoryBook, load_categories
from app.tickets.clock import Clocks
from app.tickets.errors import (
    DuplicateReport,
    TicketConflict,
    TicketError,
    TicketNotFound,
    TransitionRefused,
)
from app.tickets.intake import (
    Actor,
    DispatchPreview,
    Intake,
    Place,
    checked,
    find_duplicates,
    plan_ticket,
    preview_dispatch,
    resolve_place,
)
from app.tickets.models import Ticket, TicketEvent, TicketPhoto
from app.tickets.routing import BatchLocator, GridBook, LeaderBook, PointLocator
from app.tickets.site_limits import apply_overrides, read_overrides
from app.tickets.states import Action, State
from app.tickets.time_guard import check_action_time, check_not_future, last_event_at
from app.tickets.view import describe_ticket, reveal_ticket
from app.tickets.workflow import Step, Workflow


class _VersionMoved(Exception):
    pass


class TicketDesk:
    """Opens, moves and describes tickets for one seat."""

    def __init__(
        self,
        db: Database,
        *,
        seat: Seat | None = None,
        hub: EventHub | None = None,
        categories: CategoryBook | None = None,
        clocks: Clocks | None = None,
        locate: PointLocator | None = None,
        channels: Sequence[notices.Channel] = notices.DEFAULT_CHANNELS,
        simulation: bool = False,
    ) -> None:
        self.db = db
        # True only on a simulation copy (`--simulate`): actions may then be stamped at any time.
        self.simulation = simulation
        self.seat = seat or Seat()
        self.hub = hub
        self.categories = categories or load_categories()  # the file's; sessions apply the site's limits
        self._site_book: tuple[dict, CategoryBook] | None = None
        self._given_clocks = clocks
        self._zone_clocks: dict[str, Clocks] = {}  # per site zone: a calendar keeps its workday tables
        self.locate = locate
        self.channels = tuple(channels)
        self._directory: tuple[GridBook, LeaderBook] | None = None

    # --- the directory of grids and leaders ------------------------------------------------------

    def directory(self, session: Session) -> tuple[GridBook, LeaderBook]:
        """Grids and leaders, read once; call `reload_directory()` when the grid tree or duties change."""
        if self._directory is None:
            self._directory = (GridBook.load(session), LeaderBook.load(session))
        return self._directory

    def reload_directory(self) -> None:
        self._directory = None

    def book(self, session: Session) -> CategoryBook:
        """The categories with the site's own time limits (设置 → 工单分类与时限), read in `session`, so
        a limit changed at any seat counts from the next ticket on."""
        overrides = read_overrides(session)
        if self._site_book is None or self._site_book[0] != overrides:
            self._site_book = (overrides, apply_overrides(self.categories, overrides))
        return self._site_book[1]

    def clocks(self, session: Session) -> Clocks:
        """Working time in the site's time zone (its setting, read in `session`), unless given."""
        if self._given_clocks is not None:
            return self._given_clocks
        zone = clock_in(session).zone
        if zone.key not in self._zone_clocks:
            self._zone_clocks[zone.key] = Clocks.in_zone(zone)
        return self._zone_clocks[zone.key]

    def workflow(self, session: Session) -> Workflow:
        grids, leaders = self.directory(session)
        return Workflow(self.book(session), self.clocks(session), grids, leaders)

    # --- intake ----------------------------------------------------------------------------------

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
        self._record(session, ticket, step, actor, now)
        for name, data in intake.photos:
            session.add(photo_row(ticket_id, "intake", name, data, now))
        return ticket_id

    # --- actions ---------------------------------------------------------------------------------

    def act(
        self,
        ticket_id: int,
        action: Action | str,
        *,
        at: datetime | None = None,
        expected_version: int | None = None,
        actor_id: int | None = None,
        photos: Sequence[tuple[str, bytes]] = (),
        **params: Any,
    ) -> dict[str, Any]:
        """Apply one action and return the ticket as it now is (see `describe`)."""
        try:
            action = Action(action)
        except ValueError:
            known = ", ".join(a.value for a in Action)
            raise TransitionRefused(f"未知操作 unknown action {action!r}; known: {known}") from None
        now = utcnow()
        given_at, at = at, at or now
        try:
            with self.db.session() as session:
                ticket = session.get(Ticket, ticket_id)
                if ticket is None:
                    raise TicketNotFound(ticket_id)
                if given_at is not None and not self.simulation:
                    check_action_time(given_at, last_event_at(session, ticket_id), now, clock_in(session))
                if expected_version is not None and ticket.version != expected_version:
                    raise _VersionMoved
                actor = acting(session, self.seat, actor_id, grid_id=ticket.assigned_grid_id)
                workflow = self.workflow(session)
                if action == Action.HANDLE:
                    params["photos"] = len(photos)
                counted_as = rollup.key_of(ticket)  # a re-dispatch may move it to another key
                step = workflow.apply(ticket, action, at, actor, params)
                rollup.move_ticket(session, ticket.id, counted_as, rollup.key_of(ticket))
                for name, data in photos:
                    session.add(photo_row(ticket.id, "handled", name, data, now))
                self._record(session, ticket, step, actor, now)
                if action == Action.CLOSE:
                    self._send_notice(session, workflow, ticket, at)
                session.flush()
        except (_VersionMoved, StaleDataError):
            raise TicketConflict(ticket_id, self.describe(ticket_id)) from None
        self._publish((ticket_id,), action.value)
        return self.describe(ticket_id)

    def _record(self, session: Session, ticket: Ticket, step: Step, actor: Actor, now: datetime) -> None:
        session.add(
            TicketEvent(
                ticket_id=ticket.id,
                at=step.at,
                recorded_at=now,
                action=step.action,
                from_state=step.from_state,
                to_state=step.to_state,
                level=step.level,
                grid_id=step.grid_id,
                person_id=step.person_id,
                actor=actor.name,
                seat=actor.seat,
                note=step.note,
                detail=json.dumps(step.detail, ensure_ascii=False, default=str),
            )
        )
        rollup.count_steps(
            session, [rollup.CountedStep(step.at, step.action, actor.name, rollup.key_of(ticket))]
        )
        audit.record(
            session,
            self.seat,
            f"ticket.{step.action}",
            "ticket",
            ticket.id,
            **{"from": step.from_state, "to": step.to_state, "at": step.at, "note": step.note, **step.detail},
        )

    def _send_notice(self, session: Session, workflow: Workflow, ticket: Ticket, at: datetime) -> None:
        from app.tickets.states import LEVEL_ZH

        facts = notices.NoticeFacts(
            ticket,
            workflow.category(ticket).path,
            workflow.grids.name(ticket.assigned_grid_id),
            workflow.leaders.name(ticket.assignee_id),
            LEVEL_ZH.get(ticket.level if ticket.level is not None else 3, ""),
            clock_in(session),
        )
        notices.send(session, facts, notices.compose(notices.load_template(), facts), at, self.channels)

    # --- reading ---------------------------------------------------------------------------------

    def describe(self, ticket_id: int, *, reveal_reason: str | None = None) -> dict[str, Any]:
        """The ticket with the reporter's phone masked; whole with a reason (`reveal_ticket`)."""
        with self.db.session() as session:
            grids, leaders = self.directory(session)
            if reveal_reason is not None:
                return reveal_ticket(
                    session, self.seat, ticket_id, (self.book(session), grids, leaders), reveal_reason
                )
            return describe_ticket(session, ticket_id, self.book(session), grids, leaders)

    def photo(self, photo_id: int) -> tuple[str, bytes]:
        """A stored photo, refused if its bytes no longer match the checksum taken at intake."""
        with self.db.session() as session:
            photo = session.get(TicketPhoto, photo_id)
            if photo is None:
                raise TicketError(f"照片 {photo_id} 不存在 photo does not exist")
            if hashlib.sha256(photo.data).hexdigest() != photo.sha256:
                raise TicketError(
                    f"照片 {photo_id} 校验失败，文件已损坏 checksum mismatch: the photo is damaged"
                )
            return photo.filename, photo.data

    def _publish(self, ids: tuple[int, ...], what: str) -> None:
        if self.hub is not None:
            self.hub.publish(Change(Topic.TICKET, ids, TicketChanged(what)))


def photo_row(ticket_id: int, stage: str, name: str, data: bytes, at: datetime) -> TicketPhoto:
    return TicketPhoto(
        ticket_id=ticket_id,
        stage=stage,
        filename=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        data=data,
        added_at=at,
    )
