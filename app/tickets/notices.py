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
from app.tickets.models import Ticket, TicketNotice
from app.tickets.timefmt import local

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


def compose(template: Template, facts: NoticeFacts) -> str:
    t = facts.ticket
    return template.safe_substitute(
        id=t.id,
        resident=t.reporter_name or "居民",
        reported_at=local(t.created_at).strftime("%Y年%m月%d日 %H:%M"),
        category=facts.category_path,
        text=t.text,
        address=t.address or "",
        grid=facts.grid_name,
        handler=facts.handler_name,
        level=facts.level_zh,
        result=t.result or "",
        closed_at=local(t.closed_at or t.updated_at).strftime("%Y年%m月%d日 %H:%M"),
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
    create_private(path)  # recipients' names and phones: owner-only
    if path.suffix.lower() in (".html", ".htm"):
        pages = "\n".join(
            f'<section class="notice"><h2>工单 {n.ticket_id} 办理结果告知单</h2><pre>{html.escape(n.text)}</pre></section>'
            for n in notices
        )
        path.write_text(
            "<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>办理结果告知单</title>"
            "<style>body{font-family:'Noto Sans CJK SC',sans-serif}.notice{page-break-after:always}"
            "pre{white-space:pre-wrap;font-family:inherit;font-size:14pt}</style>"
            f"<body>{pages}</body></html>",
            encoding="utf-8",
        )
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel/WPS open it right
            writer = csv.writer(handle)
            writer.writerow(["工单编号", "告知对象", "联系电话", "生成时间", "告知内容"])
            for n in notices:
                writer.writerow(
                    [
                        n.ticket_id,
                        n.recipient or "",
                        mask_phone(n.phone),  # to find the letter's recipient, not to copy the number
                        local(n.created_at).isoformat(" ", "minutes"),
                        n.text,
                    ]
                )
    if mark_delivered:
        for n in notices:
            n.status = "delivered"
    return len(notices)
