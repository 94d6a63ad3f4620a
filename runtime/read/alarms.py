"""What the alarm views show beyond the alarm itself: the filtered list, one alarm's history, the
household card and addresses in the popup, the codes heard for learn mode, a household's care rules.

Every action goes through the service (`AlarmService`); this reader holds what the views ask for, each
read in its own short session, within the signed-in user's grid scope: a grid worker's popup, list and
history hold the alarms raised in their subtree only (`get`, `pending`, `open`, `find`, `history`), so
an alarm of another grid never pops up, sounds or can be selected at their seat. The
household card and addresses are the site's one implementation (`Households`), with the phones shown:
an operator facing an alarm has to ring the household and its contacts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select

from alarms.care_settings import HouseholdCareRules, read_rules
from alarms.history import AlarmFilter, AlarmRow, Step, alarm_history, find_alarms
from alarms.models import Alarm, AlarmState, HeardCode
from alarms.service import AlarmView
from app.access.people_names import person_names, shown_name
from app.context import SiteContext
from app.site_clock import SiteClock
from runtime.read.household import Disclosure, HouseholdCard, Households
from runtime.read.seat_scope import seat_scope, within

HEARD_CODES_SHOWN = 200


@dataclass(frozen=True)
class HeardCodeLine:
    """A code a dongle heard that no sensor is bound to yet (learn mode lists them)."""

    protocol: str
    device_code: str
    last_heard_at: datetime  # naive UTC
    times: int


def _named(login: str | None, names: dict[str, str]) -> str:
    return names.get(login, login) if login else ""


class AlarmReads:
    """The alarm area's reads for one site; shared by every alarm view of a seat."""

    def __init__(self, site: SiteContext, households: Households) -> None:
        self.site = site
        self.households = households

    @property
    def clock(self) -> SiteClock:
        """The site's clock: every time these views show is in the site's zone."""
        return self.site.clock

    # -- the alarm list --------------------------------------------------------------------------------
    def find(self, wanted: AlarmFilter) -> list[AlarmRow]:
        """Alarms matching the filter, newest first, each with its household's address; a grid worker's
        only those raised in their subtree (the core's scope, whatever the view asked)."""
        user = self.site.seat.user
        wanted = replace(wanted, within=user.grid_scope if user is not None else None)
        with self.site.db.session() as session:
            rows = find_alarms(session, wanted)
            names = person_names(session, {r.alarm.handled_by or r.alarm.acknowledged_by for r in rows})
        return [
            replace(r, handler=_named(r.alarm.handled_by or r.alarm.acknowledged_by, names)) for r in rows
        ]

    def person_name(self, login: str) -> str:
        """The name an account's holder is shown by (an alarm's 确认人): the person, else the login."""
        with self.site.db.session() as session:
            return shown_name(session, login)

    def history(self, alarm_id: int) -> list[Step]:
        """One alarm's steps from the audit trail (raised, acknowledged, handled, escalated), oldest first;
        none for an alarm outside a grid worker's subtree."""
        if self.get(alarm_id) is None:
            return []
        with self.site.db.session() as session:
            steps = alarm_history(session, alarm_id)
            names = person_names(session, {step.actor for step in steps})
        return [replace(step, actor=names.get(step.actor, step.actor)) for step in steps]

    # -- the alarms this seat is told of -----------------------------------------------------------------
    def get(self, alarm_id: int) -> AlarmView | None:
        """One alarm as stored now; None when it is gone or outside a grid worker's subtree."""
        found = self._views(Alarm.id == alarm_id)
        return found[0] if found else None

    def open(self) -> list[AlarmView]:
        """The alarms not yet handled (acknowledged ones too), most urgent then oldest first."""
        return self._views(Alarm.state != AlarmState.HANDLED)

    def pending(self) -> list[AlarmView]:
        """The alarms nobody has acknowledged yet: what pops up again after a start or a sign-in."""
        return self._views(Alarm.state == AlarmState.RAISED)

    def _views(self, *where) -> list[AlarmView]:
        columns = [Alarm.__table__.c[name] for name in AlarmView.__dataclass_fields__]
        query = (
            select(*columns)
            .where(*where, *within(Alarm.grid_id, seat_scope(self.site)))
            .order_by(Alarm.priority, Alarm.raised_at, Alarm.id)
        )
        with self.site.db.session() as session:
            return [AlarmView.from_mapping(row) for row in session.execute(query).mappings()]

    # -- the popup -------------------------------------------------------------------------------------
    def addresses(self, household_ids: set[int]) -> dict[int, str]:
        """Addresses of many households in one query (the popup's queue rows)."""
        return self.households.addresses(household_ids)

    def warm(self) -> None:
        """Read what every card needs before the first alarm asks (the site's grid tree)."""
        self.households.warm()

    def card(self, household_id: int) -> HouseholdCard | None:
        """The household card beside an alarm (phones shown), or None when the household is gone."""
        return self.households.card(household_id, Disclosure.PHONES)

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
        return self.households.find(text)
