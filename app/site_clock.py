"""The site's one clock: the store keeps naive UTC, people read and type the site's time zone.

Every time a view, a command, an export, a notice or a deadline shows or reads goes through a `SiteClock`
built from the site's `site.time_zone` setting (default Asia/Shanghai), never through the computer's
own zone: a seat set to UTC and a seat in Beijing show the same 受理 20:48 for the same ticket.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from app.site_settings import DEFAULT_TIME_ZONE, TIME_ZONE, read_setting
from app.store import Database

SECONDS = "%Y-%m-%d %H:%M:%S"
MINUTES = "%Y-%m-%d %H:%M"
SHORT = "%m-%d %H:%M"
SHORT_SECONDS = "%m-%d %H:%M:%S"
TIME_ONLY = "%H:%M:%S"
CHINESE_MINUTES = "%Y年%m月%d日 %H:%M"
FILE_STAMP = "%Y%m%d-%H%M%S"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteClock:
    """Converts between the store's naive UTC and the site's wall-clock time."""

    zone_name: str = DEFAULT_TIME_ZONE
    zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "zone", ZoneInfo(self.zone_name))

    # --- now ---------------------------------------------------------------------------------------

    @staticmethod
    def utcnow() -> datetime:
        """Naive UTC now, as the store keeps it."""
        return datetime.now(UTC).replace(tzinfo=None)

    def now(self) -> datetime:
        """Now on the site's wall clock (aware)."""
        return datetime.now(self.zone)

    def today(self) -> date:
        """The site's date today (a consent given "today" in Beijing is not yesterday in UTC)."""
        return self.now().date()

    # --- out: the store to people ----------------------------------------------------------------

    def to_local(self, moment: datetime) -> datetime:
        """A store instant (naive means UTC) or any aware instant, as aware site time."""
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        return aware.astimezone(self.zone)

    def from_timestamp(self, stamp: float) -> datetime:
        """A POSIX timestamp (a frame's capture time) as aware site time."""
        return datetime.fromtimestamp(stamp, self.zone)

    def text(self, moment: datetime | None, pattern: str = SECONDS) -> str:
        """A store instant written for people in the site's zone; "" for no instant."""
        return "" if moment is None else self.to_local(moment).strftime(pattern)

    def iso(self, moment: datetime | None, timespec: str = "seconds") -> str | None:
        """A store instant as ISO 8601 in the site's zone, with its offset (exports, JSON output);
        `timespec` as `datetime.isoformat` takes it ("minutes" for what people typed to the minute)."""
        return None if moment is None else self.to_local(moment).isoformat(timespec=timespec)

    # --- in: people to the store -----------------------------------------------------------------

    def to_utc(self, local: datetime) -> datetime:
        """Site wall-clock time (naive means the site's zone) as the store's naive UTC."""
        aware = local if local.tzinfo is not None else local.replace(tzinfo=self.zone)
        return aware.astimezone(UTC).replace(tzinfo=None)

    def day_start(self, day: date) -> datetime:
        """Midnight of a site day as naive UTC (a filter "from 12-07" starts at the site's midnight)."""
        return self.to_utc(datetime.combine(day, time.min))

    def parse(self, text: str) -> datetime:
        """ISO 8601 typed by a person to naive UTC; without an offset it is read in the site's zone."""
        try:
            moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        except ValueError as error:
            raise ValueError(
                f"时间格式错误 bad time {text!r}: use ISO 8601, e.g. 2026-10-01T09:30"
            ) from error
        return self.to_utc(moment)


def clock_in(session: Session) -> SiteClock:
    """The site's clock as its settings say, read in the caller's session."""
    name = str(read_setting(session, TIME_ZONE, DEFAULT_TIME_ZONE) or DEFAULT_TIME_ZONE)
    try:
        return SiteClock(name)
    except (ZoneInfoNotFoundError, ValueError):  # a zone this computer's tz database lacks
        log.warning("unknown site time zone %r; showing times in %s", name, DEFAULT_TIME_ZONE)
        return SiteClock()


def load_clock(db: Database) -> SiteClock:
    """The site's clock, read in a short session of its own; the default zone on a database whose
    schema predates site settings (`events tail` reads a site without upgrading it)."""
    try:
        with db.session() as session:
            return clock_in(session)
    except (OperationalError, ProgrammingError):
        log.warning("no site settings in %s; showing times in %s", db.safe_url, DEFAULT_TIME_ZONE)
        return SiteClock()
