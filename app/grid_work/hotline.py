"""The community's hotline (社区服务热线) printed on the 联户党员 postcards: a site setting, audited like
every setting (app/site_settings.py)."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from app.config import Seat
from app.grid_work.errors import WorkError
from app.site_settings import read_setting, write_setting
from app.store import Database

HOTLINE_KEY = "community.hotline"
_HOTLINE = re.compile(r"[0-9][0-9 \-]{2,22}[0-9]")


def read_hotline(session: Session) -> str:
    return str(read_setting(session, HOTLINE_KEY, "") or "")


def save_hotline(db: Database, seat: Seat, number: str) -> bool:
    """Store the hotline as typed (digits, spaces, hyphens); False when it already was so."""
    number = number.strip()
    if not _HOTLINE.fullmatch(number):
        raise WorkError(
            f"热线号码格式错误 bad hotline {number!r}: digits, spaces and hyphens, e.g. 0371-12345"
        )
    with db.session() as session:
        return write_setting(session, seat, HOTLINE_KEY, number)
