"""What the alarm views show beyond the alarm itself: the filtered list, one alarm's history, the
household card and addresses in the popup, the codes heard for learn mode, a household's care rules.

The alarm itself (`AlarmService.get`, `active`) stays with the service, which every action goes
through; this reader holds what only the views ask for, each read in its own short session.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from alarms.care_settings import HouseholdCareRules, read_rules
from alarms.history import AlarmFilter, AlarmRow, Step, alarm_history, find_alarms
from alarms.household_card import HouseholdCard, household_addresses, load_household_card, search_households
from alarms.models import HeardCode
from app.context import SiteContext
from app.grid_tree import GridTree

TREE_MAX_AGE_S = 300.0  # new duties show on cards within five minutes
HEARD_CODES_SHOWN = 200


@dataclass(frozen=True)
class HeardCodeLine:
    """A code a dongle heard that no sensor is bound to yet (learn mode lists them)."""

    protocol: str
    device_code: str
    last_heard_at: datetime  # naive UTC
    times: int


class AlarmReads:
    """The alarm area's reads for one site; shared by every alarm view of a seat."""

    def __init__(self, site: SiteContext, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.site = site
        self._clock = clock
        self._tree: GridTree | None = None
        self._tree_loaded_at = 0.0
        self._tree_lock = threading.Lock()  # shared by every view: a job thread may ask beside the GUI

    # -- the alarm list --------------------------------------------------------------------------------
    def find(self, wanted: AlarmFilter) -> list[AlarmRow]:
        """Alarms matching the filter, newest first, each with its household's address."""
        with self.site.db.session() as session:
            return find_alarms(session, wanted)

    def history(self, alarm_id: int) -> list[Step]:
        """One alarm's steps from the audit trail (raised, acknowledged, handled, escalated), oldest first."""
        with self.site.db.session() as session:
            return alarm_history(session, alarm_id)

    # -- the popup -------------------------------------------------------------------------------------
    def addresses(self, household_ids: set[int]) -> dict[int, str]:
        """Addresses of many households in one query (the popup's queue rows)."""
        if not household_ids:
            return {}
        with self.site.db.session() as session:
            return household_addresses(session, household_ids)

    def card(self, household_id: int) -> HouseholdCard | None:
        """The household card beside an alarm, or None when the household no longer exists."""
        with self.site.db.session() as session:
            return load_household_card(session, household_id, tree=self._grid_tree(session))

    def _grid_tree(self, session: Session) -> GridTree:
        """The grid tree and its duties, kept for a few minutes: the chain on every card without queries."""
        with self._tree_lock:
            if self._tree is None or self._clock() - self._tree_loaded_at > TREE_MAX_AGE_S:
                self._tree = GridTree.load(session)
                self._tree_loaded_at = self._clock()
            return self._tree

    def care_rules(self, household_id: int) -> HouseholdCareRules:
        """A household's elderly-care rules (the defaults, stored, the first time); CareRulesError if it
        does not exist. Saving goes through `alarms.care_settings.save_rules`."""
        return read_rules(self.site.db, household_id)

    # -- learn mode ------------------------------------------------------------------------------------
    def heard_codes(self, limit: int = HEARD_CODES_SHOWN) -> list[HeardCodeLine]:
        """Codes heard but not bound to a sensor, most recently heard first."""
        with self.site.db.session() as session:
            rows = session.execute(
                select(HeardCode.protocol, HeardCode.device_code, HeardCode.last_heard_at, HeardCode.times)
                .order_by(HeardCode.last_heard_at.desc())
                .limit(limit)
            ).all()
        return [HeardCodeLine(*row) for row in rows]

    def households_matching(self, text: str) -> list[tuple[int, str]]:
        """Households whose address, room or residents' names contain `text`: (id, address)."""
        with self.site.db.session() as session:
            return search_households(session, text)
