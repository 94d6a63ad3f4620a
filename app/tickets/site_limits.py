"""The office's own time limits for a category, stored per site over the shipped category file.

The category file is a resource every site shares; an office that agrees other limits with its
county (a 4-hour repair becoming 1 working day) sets them here. Each category's override is one
`site_settings` row (`tickets.limits.<code>`: limits by handling level and the response limit, as the
file writes them), audited like every setting, and applied by the ticket desk when it opens and
moves tickets.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import audit
from app.config import Seat
from app.models import SiteSetting
from app.site_settings import read_setting, write_setting
from app.store import Database
from app.tickets.categories import LEVELS, CategoryBook, Limit

PREFIX = "tickets.limits."
RESPONSE = "response"


def read_overrides(session: Session) -> dict[str, dict[str, str]]:
    """Every category's override, by category code: {"3": "4h", ..., "response": "1h"}."""
    rows = session.execute(select(SiteSetting.key).where(SiteSetting.key.startswith(PREFIX))).scalars()
    return {key[len(PREFIX) :]: dict(read_setting(session, key)) for key in rows}


def apply_overrides(book: CategoryBook, overrides: dict[str, dict[str, str]]) -> CategoryBook:
    """The book with each overridden category's limits replaced; codes no longer in the file are ignored."""
    if not overrides:
        return book
    categories = dict(book.categories)
    for code, limits in overrides.items():
        if code not in categories:
            continue
        category = categories[code]
        where = f"{PREFIX}{code}"
        by_level = {
            level: Limit.parse(limits[str(level)], where) if str(level) in limits else category.limits[level]
            for level in LEVELS
        }
        response = Limit.parse(limits[RESPONSE], where) if RESPONSE in limits else category.response
        categories[code] = replace(category, limits=by_level, response=response)
    return CategoryBook(categories, f"{book.source} + site limits")


def save_limits(
    db: Database, seat: Seat, book: CategoryBook, code: str, limits: dict[int, str], response: str
) -> dict[str, str]:
    """Check and store `code`'s limits (every level and the response, as '4h', '3d', '30m'); audited.

    Raises CategoryError naming the bad limit, KeyError for an unknown code. Nothing is stored then.
    """
    book[code]  # noqa: B018 -- refuses an unknown code first
    where = f"分类 {code}"
    value = {str(level): str(Limit.parse(limits[level], where)) for level in LEVELS}
    value[RESPONSE] = str(Limit.parse(response, where))
    with db.session() as session:
        write_setting(session, seat, PREFIX + code, value)
    return value


def reset_limits(db: Database, seat: Seat, code: str) -> bool:
    """Back to the category file's limits; audited; False when there was no override."""
    with db.session() as session:
        old = read_setting(session, PREFIX + code)
        if old is None:
            return False
        session.execute(delete(SiteSetting).where(SiteSetting.key == PREFIX + code))
        audit.record(
            session, seat, "site_setting", "site_setting", None, key=PREFIX + code, old=old, new=None
        )
    return True
