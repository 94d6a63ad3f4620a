"""When an action may say it happened: never in the future, never before what the ticket already records.

`--at` lets an operator write down what happened earlier (a call taken on paper, a visit logged in the
evening). It must not rewrite the ticket's history: an action stamped before the ticket's last event
(`start` before it was dispatched counts as responded in time), or stamped in the future (a sweep "as of
2030" escalates every ticket to the county with future stamps, and nothing undoes that). A small skew
is allowed for seats whose clocks run a little ahead. A `--simulate` run on a copy of the database
(`app/store/simulation.py`) is the one place where time may travel.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.site_clock import SiteClock
from app.tickets.errors import TicketError
from app.tickets.models import TicketEvent

CLOCK_SKEW = timedelta(minutes=2)
SIMULATE_HINT = "（如需推演，请加 --simulate 在数据库副本上运行 use --simulate to run on a copy）"


class TimeRefused(TicketError):
    """A time given for an action that would rewrite the ticket's history or stamp the future."""


def check_not_future(at: datetime, now: datetime, what: str, clock: SiteClock) -> None:
    """Refuse a time later than now (and the allowed skew); the message in the site's time."""
    iso = clock.iso
    if at > now + CLOCK_SKEW:
        raise TimeRefused(
            f"{what}时间 {iso(at)} 晚于当前时间 {iso(now)}，不能预先记录 "
            f"the time {iso(at)} is in the future (now {iso(now)}){SIMULATE_HINT}"
        )


def check_action_time(at: datetime, last_event_at: datetime | None, now: datetime, clock: SiteClock) -> None:
    """Refuse a time in the future or earlier than the ticket's last recorded event."""
    check_not_future(at, now, "操作", clock)
    iso = clock.iso
    if last_event_at is not None and at < last_event_at:
        raise TimeRefused(
            f"操作时间 {iso(at)} 早于该工单最后一条记录 {iso(last_event_at)}，不能改写已有记录 "
            f"the time {iso(at)} is before the ticket's last event ({iso(last_event_at)}){SIMULATE_HINT}"
        )


def last_event_at(session: Session, ticket_id: int) -> datetime | None:
    """When the ticket's latest recorded event happened (its `at`, not when it was written down)."""
    return session.scalar(select(func.max(TicketEvent.at)).where(TicketEvent.ticket_id == ticket_id))
