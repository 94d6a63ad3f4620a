"""The work queues: each one is a single indexed range over (grid or assignee, queue, sort instant).

With a million tickets stored, the first page of any queue reads only the rows it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.tickets.models import Ticket
from app.tickets.states import Queue


class QueueKind(StrEnum):
    MINE = "mine"
    SUBTREE = "subtree"
    OVERDUE = "overdue"
    VERIFY = "verify"
    FEEDBACK = "feedback"

    @property
    def zh(self) -> str:
        return {
            "mine": "我的待办",
            "subtree": "本网格",
            "overdue": "超时",
            "verify": "待核查",
            "feedback": "待回访",
        }[self.value]


_QUEUES: dict[QueueKind, tuple[Queue, ...]] = {
    QueueKind.MINE: (Queue.ACTIVE, Queue.OVERDUE, Queue.PAUSED),
    QueueKind.SUBTREE: (
        Queue.INTAKE,
        Queue.ACTIVE,
        Queue.OVERDUE,
        Queue.PAUSED,
        Queue.VERIFY,
        Queue.FEEDBACK,
    ),
    QueueKind.OVERDUE: (Queue.OVERDUE,),
    QueueKind.VERIFY: (Queue.VERIFY,),
    QueueKind.FEEDBACK: (Queue.FEEDBACK,),
}

SORTABLE = {
    "due": Ticket.sort_at,
    "id": Ticket.id,
    "created": Ticket.created_at,
    "deadline": Ticket.deadline_at,
    "category": Ticket.category_code,
    "state": Ticket.state,
}

ROW_COLUMNS = (
    Ticket.id,
    Ticket.version,
    Ticket.state,
    Ticket.queue,
    Ticket.category_code,
    Ticket.source,
    Ticket.text,
    Ticket.address,
    Ticket.level,
    Ticket.assigned_grid_id,
    Ticket.assignee_id,
    Ticket.created_at,
    Ticket.level_started_at,
    Ticket.deadline_at,
    Ticket.warn_level,
    Ticket.overdue_since,
    Ticket.escalation_count,
    Ticket.rework_count,
    Ticket.pending_request,
    Ticket.reporter_name,
)


@dataclass(frozen=True)
class QueueFilter:
    """Which queue, for which grid (any level 1-4) or person, narrowed by category group, source, text."""

    kind: QueueKind
    grid_id: int | None = None
    grid_level: int | None = None
    person_id: int | None = None
    category_prefix: str | None = None
    source: str | None = None
    text: str | None = None
    sort: str = "due"
    descending: bool = False
    # The signed-in grid worker's grid: only tickets whose place lies in its subtree. Set by the read
    # model from the seat's user (runtime/read/tickets.py), never left to the view.
    within_grid: int | None = None


def _scope_column(level: int):
    return {1: Ticket.grid_l1_id, 2: Ticket.grid_l2_id, 3: Ticket.grid_l3_id, 4: Ticket.grid_l4_id}[level]


def in_subtree(grid_id: int):
    """Tickets whose place lies under `grid_id`: the ticket keeps its place's chain, one column a level."""
    return or_(*(_scope_column(level) == grid_id for level in (1, 2, 3, 4)))


def queue_select(flt: QueueFilter, columns=ROW_COLUMNS) -> Select:
    query = select(*columns)
    queues = [q.value for q in _QUEUES[flt.kind]]
    query = (
        query.where(Ticket.queue == queues[0]) if len(queues) == 1 else query.where(Ticket.queue.in_(queues))
    )
    if flt.kind == QueueKind.MINE:
        query = query.where(Ticket.assignee_id == flt.person_id)
    elif flt.grid_id is not None and flt.grid_level is not None:
        query = query.where(_scope_column(flt.grid_level) == flt.grid_id)
    if flt.within_grid is not None:
        query = query.where(in_subtree(flt.within_grid))
    if flt.category_prefix:
        query = query.where(Ticket.category_code.startswith(flt.category_prefix))
    if flt.source:
        query = query.where(Ticket.source == flt.source)
    if flt.text:
        pattern = f"%{flt.text}%"
        query = query.where(or_(Ticket.text.like(pattern), Ticket.address.like(pattern)))
    return query


def fetch_page(session: Session, flt: QueueFilter, offset: int = 0, limit: int = 100) -> list:
    """One page of a queue, in the queue's order (by the sort instant unless another column is chosen)."""
    column = SORTABLE.get(flt.sort, Ticket.sort_at)
    order = column.desc() if flt.descending else column.asc()
    tie = Ticket.id.desc() if flt.descending else Ticket.id.asc()
    return list(session.execute(queue_select(flt).order_by(order, tie).offset(offset).limit(limit)))


def count(session: Session, flt: QueueFilter) -> int:
    return session.execute(queue_select(flt, (func.count(),))).scalar_one()


def busiest_assignee(session: Session) -> int | None:
    """The person with the most tickets in their own queue: a seat with no operator chosen yet starts there."""
    return session.scalar(
        select(Ticket.assignee_id)
        .where(Ticket.assignee_id.is_not(None), Ticket.queue.in_(_QUEUES[QueueKind.MINE]))
        .group_by(Ticket.assignee_id)
        .order_by(func.count().desc(), Ticket.assignee_id)
        .limit(1)
    )
