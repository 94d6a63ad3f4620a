"""Telling the site's running processes that a restore replaced the site under them.

Every process (`serve`, each window, `events tail`) must start again on the restored data: their caches
(the grid tree, the dispatch book, the sensors bound, the cameras on the wall) describe the old site.

On SQLite the notice is written into the restored image itself, before the swap, so it arrives exactly
with the new data. It must also get past the change log's restart: the image's `change_log` is the
backup's, whose ids may be far below what every follower has already read (they read `id > last`), so
the notice takes an id beyond the live log's high-water mark and the log goes on from there. On
PostgreSQL the restore fills a new, empty database; the notice goes out by NOTIFY on it, to any process
already listening there (a `serve` started on the empty database).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.exc import OperationalError

from app.events import SITE_RESTORED, Change, SiteChanged, Topic, new_origin
from app.models.changes import ChangeLogEntry
from app.store.announce import announced
from app.store.base import utcnow
from app.store.database import Database
from app.store.relay import encode

# Rows another process may append to the live log between reading its high-water mark and the swap
# (a fraction of a second): the notice's id stays above theirs, so no follower has read past it.
ID_HEADROOM = 1000


def restored_change(backup_created_at: str) -> Change:
    return Change(Topic.SITE, (), SiteChanged(SITE_RESTORED, backup_created_at))


def high_water(db: Database) -> int:
    """The highest change-log id ever handed out on the live SQLite site (AUTOINCREMENT keeps it after
    prunes)."""
    try:
        with db.engine.connect() as connection:
            newest = connection.scalar(select(func.max(ChangeLogEntry.id))) or 0
            sequence = connection.execute(
                text("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")
            ).scalar()
    except OperationalError:  # a file without the site's tables yet: nobody follows its log
        return 0
    return max(newest, sequence or 0)


def write_into_image(image: Path, change: Change, read_up_to: int) -> None:
    """Append `change` to the change log of the SQLite `image` about to replace a site whose followers
    have read up to id `read_up_to` (its `high_water`), numbered past them."""
    notice_id = read_up_to + ID_HEADROOM
    engine = create_engine(f"sqlite:///{image}")
    try:
        with engine.begin() as connection:
            origin = new_origin()
            connection.execute(
                insert(ChangeLogEntry).values(
                    id=notice_id, at=utcnow(), origin=origin, change=encode(change, origin)
                )
            )
    finally:
        engine.dispose()


def announce(db: Database, change: Change) -> None:
    """Publish `change` to the processes listening on `db` (PostgreSQL NOTIFY)."""
    with announced(db) as hub:
        hub.publish(change)
