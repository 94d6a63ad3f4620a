"""Feedback to the resident: a notice from a text template, delivered through pluggable channels.

Every delivery is a row of `ticket_notices` (the channel log); the "print" channel queues notices for
the printable/exportable notice list, the "log" channel writes them to the application log.
"""

from __future__ import annotations

import csv
import html
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from string import Template
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import data_dir
from app.privacy.files import create_private
from app.roster.masking import mask_phone
from app.safe_cells import Cleaner
from app.site_clock import CHINESE_MINUTES, MINUTES, SiteClock, clock_in
from app.site_settings import SITE_NAME, read_setting
from app.tickets.models import Ticket, TicketNotice

log = logging.getLogger(__name__)


def load_template() -> Template:
    """The user's `notice_template.txt` in the data folder if present, else the shipped one."""
    user = data_dir() / "notice_template.txt"
    path = (
        user
        if user.exists()
        else Path(str(resources.files("resources").joinpath("tickets/notice_template.txt")))
    )
    return Template(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class NoticeFacts:
    ticket: Ticket
    category_path: str
    grid_name: str
    handler_name: str
    level_zh: str
    clock: SiteClock  # the site's zone: a notice says when in the resident's time


def compose(template: Template, facts: NoticeFacts) -> str:
    t = facts.ticket
    return template.safe_substitute(
        id=t.id,
        resident=t.reporter_name or "居民",
        reported_at=facts.clock.text(t.created_at, CHINESE_MINUTES),
        category=facts.category_path,
        text=t.text,
        address=t.address or "",
        grid=facts.grid_name,
        handler=facts.handler_name,
        level=facts.level_zh,
        result=t.result or "",
        closed_at=facts.clock.text(t.closed_at or t.updated_at, CHINESE_MINUTES),
    )


class Channel(Protocol):
    name: str

    def deliver(self, notice: TicketNotice) -> str:
        """Deliver and return the status to log: queued, delivered or failed."""


class PrintChannel:
    """Queues the notice for the printable list; it counts as delivered once the list is exported."""

    name = "print"

    def deliver(self, notice: TicketNotice) -> str:
        return "queued"


class LogChannel:
    name = "log"

    def deliver(self, notice: TicketNotice) -> str:
        log.info("feedback notice for ticket %s to %s: %s", notice.ticket_id, notice.recipient, notice.text)
        return "delivered"


DEFAULT_CHANNELS: tuple[Channel, ...] = (PrintChannel(), LogChannel())


def send(session: Session, facts: NoticeFacts, text: str, at: datetime, channels: Iterable[Channel]) -> None:
    for channel in channels:
        notice = TicketNotice(
            ticket_id=facts.ticket.id,
            created_at=at,
            level=facts.ticket.level,
            channel=channel.name,
            recipient=facts.ticket.reporter_name,
            phone=facts.ticket.reporter_phone,
            text=text,
        )
        try:
            notice.status = channel.deliver(notice)
        except Exception as error:  # a broken channel must not lose the notice: it stays in the log
            log.warning("channel %s failed for ticket %s: %s", channel.name, facts.ticket.id, error)
            notice.status = "failed"
        session.add(notice)


def export_notice_list(
    session: Session, path: Path, *, channel: str = "print", mark_delivered: bool = True
) -> int:
    """Write queued notices to CSV or a printable HTML page (by extension); returns how many."""
    notices = list(
        session.scalars(
            select(TicketNotice)
            .where(TicketNotice.channel == channel, TicketNotice.status == "queued")
            .order_by(TicketNotice.created_at, TicketNotice.id)
        )
    )
    path = Path(path)
    clock = clock_in(session)
    create_private(path)  # recipients' names and phones: owner-only
    if path.suffix.lower() in (".html", ".htm"):
        site = html.escape(str(read_setting(session, SITE_NAME, "")))  # whose notice it is, on paper
        pages = "\n".join(
            f'<section class="notice"><h2>{site} 工单 {n.ticket_id} 办理结果告知单</h2><pre>{html.escape(n.text)}</pre></section>'
            for n in notices
        )
        path.write_text(
            f"<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>{site} 办理结果告知单</title>"
            "<style>body{font-family:'Noto Sans CJK SC',sans-serif}.notice{page-break-after:always}"
            "pre{white-space:pre-wrap;font-family:inherit;font-size:14pt}</style>"
            f"<body>{pages}</body></html>",
            encoding="utf-8",
        )
    else:
        _write_csv(path, notices, clock)
    if mark_delivered:
        for n in notices:
            n.status = "delivered"
    return len(notices)


def _write_csv(path: Path, notices: list[TicketNotice], clock: SiteClock) -> None:
    """Names and texts a resident gave are written so a spreadsheet never runs them (`app/safe_cells.py`)."""
    cleaner = Cleaner()
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel/WPS open it right
        writer = csv.writer(handle)
        writer.writerow(["工单编号", "告知对象", "联系电话", "生成时间", "告知内容"])
        for n in notices:
            writer.writerow(
                [
                    n.ticket_id,
                    cleaner.csv_text(n.recipient),
                    cleaner.csv_text(
                        mask_phone(n.phone)
                    ),  # to find the letter's recipient, not to copy the number
                    clock.text(n.created_at, MINUTES),
                    cleaner.csv_text(n.text),
                ]
            )
    if cleaner.replaced:
        log.warning("%s: %d control characters replaced by U+FFFD", path.name, cleaner.replaced)
