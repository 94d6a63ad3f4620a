"""The household card (the roster's and the alarm popup's) and the roster search, as one reader.

One card for both views: who lives there, the paired party member, volunteers nearby, the grid chain
with whom to call, the emergency contact and the recent visits. Personal data is masked unless the
caller asks for it (`Disclosure`); a full reveal goes through `Households.reveal`, which wants a reason
and the seat's permission (`app.privacy.policy`) and audits it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from alarms.addresses import household_addresses
from alarms.grid_chain import PAIRED_PARTY_MEMBER, ChainLink, Contact, chain_from_tree
from app.audit import BULK_READ, record
from app.context import SiteContext
from app.grid_tree import GridTree
from app.models import (
    DutyRole,
    Household,
    PartyPairing,
    Person,
    ResidenceType,
    Resident,
    Visit,
    VolunteerTeam,
    VolunteerTeamMember,
)
from app.privacy.policy import require_reveal
from app.privacy.roster_cipher import RosterCipher
from app.privacy.site_secret import SiteSecretError
from app.roster.masking import HEALTH_HIDDEN, mask_phone
from app.site_clock import SiteClock, clock_in
from runtime.read.grid_chain import GridChains
from runtime.read.household_draft import (
    BuildingChoice,
    HouseholdDraft,
    household_and_members,
    load_buildings,
    load_household_draft,
)
from runtime.read.resident_search import (
    PAGE_SIZE,
    ResidentRow,
    SearchQuery,
    age_on,
    count_residents,
    find_households,
    households_within,
    search_residents,
)

RECENT_VISITS = 5
BULK_ROWS = 50  # a search page this long is a list of people, not one person looked up
MAX_VOLUNTEERS = 4
ELDERLY_AGE = 60

__all__ = [
    "PAGE_SIZE",
    "BuildingChoice",
    "ChainLink",
    "Contact",
    "Disclosure",
    "HouseholdCard",
    "HouseholdDraft",
    "Households",
    "Member",
    "ResidentRow",
    "SearchQuery",
    "VisitLine",
]


class Disclosure(StrEnum):
    """How much personal data a card shows."""

    MASKED = "masked"  # the roster's default: ID numbers, phones and health notes masked
    PHONES = "phones"  # an alarm's card: the operator must ring them and know their health; IDs masked
    FULL = "full"  # shown on request; `Households.reveal` writes the audit entry


@dataclass(frozen=True)
class Member:
    name: str
    sex: str
    age: int | None
    relation: str
    id_text: str  # masked unless the card discloses it
    phone_text: str
    health_note: str
    tags: tuple[str, ...]  # Tag values, sorted

    @property
    def is_elderly(self) -> bool:
        return self.age is not None and self.age >= ELDERLY_AGE


@dataclass(frozen=True)
class VisitLine:
    at: datetime  # in the site's time zone (aware)
    visitor: str
    note: str


@dataclass(frozen=True)
class HouseholdCard:
    household_id: int
    address: str
    building: str
    lon: float
    lat: float
    residence_type: str  # a ResidenceType value
    emergency_contact: str
    emergency_phone: str
    note: str
    members: tuple[Member, ...]  # the head of the household first
    pairings: tuple[Contact, ...]  # paired party members (联户党员)
    volunteers: tuple[Contact, ...]  # nearest first
    chain: tuple[ChainLink, ...]  # level 1 first, the micro-grid last
    visits: tuple[VisitLine, ...]  # newest first
    disclosure: Disclosure = Disclosure.MASKED

    @property
    def revealed(self) -> bool:
        return self.disclosure == Disclosure.FULL

    @property
    def residence_type_zh(self) -> str:
        try:
            return ResidenceType(self.residence_type).zh
        except ValueError:
            return self.residence_type


def _member(resident: Resident, today: date, disclosure: Disclosure, cipher: RosterCipher | None) -> Member:
    full_phone = disclosure in (Disclosure.PHONES, Disclosure.FULL)  # and the health note, if it opens
    health = cipher.health_note(resident) if full_phone and cipher is not None else None
    full_id = cipher.id_number(resident) if disclosure == Disclosure.FULL and cipher is not None else None
    return Member(
        name=resident.name,
        sex=resident.sex,
        age=age_on(resident.birth_date, today),
        relation=resident.relation or "",
        id_text=full_id or resident.id_masked or "",
        phone_text=(resident.phone or "") if full_phone else mask_phone(resident.phone),
        health_note=health or (HEALTH_HIDDEN if resident.health_sealed else ""),
        tags=tuple(sorted(resident.tag_names)),
    )


def _cipher_for(session: Session, disclosure: Disclosure) -> RosterCipher | None:
    """The site's cipher when the card shows anything sealed. An alarm's card on a seat without the
    site secret still opens (the health note then shows as recorded); a full reveal does not."""
    if disclosure == Disclosure.MASKED:
        return None
    try:
        return RosterCipher.of_site(session)
    except SiteSecretError:
        if disclosure == Disclosure.FULL:
            raise
        return None


def load_household_card(
    session: Session,
    household_id: int,
    tree: GridTree,
    today: date | None = None,
    disclosure: Disclosure = Disclosure.MASKED,
) -> HouseholdCard | None:
    """The card of one household, or None when it no longer exists; the chain comes from `tree`."""
    found = household_and_members(session, household_id)
    if found is None:
        return None
    household, residents = found
    clock = clock_in(session)
    today = today or clock.today()
    cipher = _cipher_for(session, disclosure)
    building = household.building
    chain = chain_from_tree(tree, building.grid_id)
    return HouseholdCard(
        household_id=household.id,
        address=household.address,
        building=building.name,
        lon=building.lon,
        lat=building.lat,
        residence_type=household.residence_type,
        emergency_contact=household.emergency_contact or "",
        emergency_phone=(
            household.emergency_phone or ""
            if disclosure in (Disclosure.PHONES, Disclosure.FULL)
            else mask_phone(household.emergency_phone)
        ),
        note=household.note or "",
        members=tuple(_member(r, today, disclosure, cipher) for r in residents),
        pairings=_pairings(session, household_id),
        volunteers=_volunteers(session, tree, [link.grid_id for link in reversed(chain)]),
        chain=chain,
        visits=_visits(session, household_id, clock),
        disclosure=disclosure,
    )


def _pairings(session: Session, household_id: int) -> tuple[Contact, ...]:
    rows = session.execute(
        select(Person.name, Person.phone)
        .join(PartyPairing, PartyPairing.person_id == Person.id)
        .where(PartyPairing.household_id == household_id, PartyPairing.ended_at.is_(None))
        .order_by(Person.id)
    ).all()
    return tuple(Contact(name, phone, PAIRED_PARTY_MEMBER) for name, phone in rows)


def _visits(session: Session, household_id: int, clock: SiteClock) -> tuple[VisitLine, ...]:
    rows = session.execute(
        select(Visit.at, Person.name, Visit.note)
        .outerjoin(Person, Visit.person_id == Person.id)
        .where(Visit.household_id == household_id, Visit.voided_at.is_(None))
        .order_by(Visit.at.desc())
        .limit(RECENT_VISITS)
    ).all()
    return tuple(VisitLine(clock.to_local(at), visitor or "", note or "") for at, visitor, note in rows)


def _volunteers(session: Session, tree: GridTree, grid_ids: list[int]) -> tuple[Contact, ...]:
    """Volunteers closest to the household first (`grid_ids` nearest first): duties on its grids,
    then members of teams there."""
    if not grid_ids:
        return ()
    on_duty = [
        (d.grid_id, d.name, d.phone) for gid in grid_ids for d in tree.duties(gid, (DutyRole.VOLUNTEER,))
    ]
    in_teams = session.execute(
        select(VolunteerTeam.grid_id, Person.name, Person.phone)
        .join(VolunteerTeamMember, VolunteerTeamMember.team_id == VolunteerTeam.id)
        .join(Person, Person.id == VolunteerTeamMember.person_id)
        .where(VolunteerTeam.grid_id.in_(grid_ids))
    ).all()
    nearness = {gid: i for i, gid in enumerate(grid_ids)}
    ranked = sorted([*on_duty, *in_teams], key=lambda r: (nearness[r[0]], r[1]))
    unique = list(dict.fromkeys((name, phone) for _, name, phone in ranked))[:MAX_VOLUNTEERS]
    return tuple(Contact(name, phone, DutyRole.VOLUNTEER) for name, phone in unique)


class Households:
    """The roster search, the household card and household addresses, for the views of one seat.

    Every call opens and closes its own session; run them off the GUI thread (widgets.jobs.Jobs).
    """

    def __init__(self, site: SiteContext, chains: GridChains) -> None:
        self._site = site
        self._chains = chains

    def search(self, query: SearchQuery, after_id: int = 0, limit: int = PAGE_SIZE) -> list[ResidentRow]:
        """One page of matching residents with id > after_id, in id order, masked; a grid worker's
        search covers their subtree only (the core's scope, whatever the view asked).

        A page of BULK_ROWS or more residents (names, addresses, masked numbers) is a bulk read of
        personal data: it is recorded in the audit log with the search that found it."""
        with self._site.db.sessions() as session:
            rows = search_residents(session, self._scoped(query), after_id=after_id, limit=limit)
        if len(rows) >= BULK_ROWS:
            with self._site.db.session() as session:
                record(
                    session,
                    self._site.seat,
                    BULK_READ,
                    "resident",
                    None,
                    via="roster search",
                    text=query.text,
                    tag=query.tag,
                    rows=len(rows),
                    ids=[rows[0].resident_id, rows[-1].resident_id],
                )
        return rows

    def count(self, query: SearchQuery) -> int:
        with self._site.db.sessions() as session:
            return count_residents(session, self._scoped(query))

    def _scoped(self, query: SearchQuery) -> SearchQuery:
        user = self._site.seat.user
        return replace(query, within=user.grid_scope if user is not None else None)

    def _outside_scope(self, session: Session, household_id: int) -> bool:
        scope = self._site.seat.user.grid_scope if self._site.seat.user is not None else None
        if scope is None:
            return False
        return session.scalar(households_within(scope).where(Household.id == household_id)) is None

    def warm(self) -> None:
        """Read the grid tree the cards' chains come from, so the first card costs what the others do."""
        self._chains.tree()

    def card(self, household_id: int, disclosure: Disclosure = Disclosure.MASKED) -> HouseholdCard | None:
        """The card of one household; `Disclosure.FULL` only through `reveal`, which audits it."""
        if disclosure == Disclosure.FULL:
            raise ValueError("a full card is read through reveal(), which records who looked")
        with self._site.db.sessions() as session:
            if self._outside_scope(session, household_id):
                return None  # outside a grid worker's subtree: as if not there
            return load_household_card(
                session, household_id, self._chains.tree(session), disclosure=disclosure
            )

    def reveal(self, household_id: int, reason: str) -> HouseholdCard | None:
        """The card with full ID numbers, phones and health notes, recorded in the audit log (who,
        from which seat, why) in the same transaction; RevealRefused without a reason or to a
        signed-in user without REVEAL_PERSONAL_DATA (app.privacy.policy asks the permission table)."""
        why = require_reveal(self._site.seat, reason)
        with self._site.db.session() as session:
            if self._outside_scope(session, household_id):
                return None
            card = load_household_card(
                session, household_id, self._chains.tree(session), disclosure=Disclosure.FULL
            )
            if card is not None:
                record(
                    session,
                    self._site.seat,
                    "reveal_personal_data",
                    "household",
                    household_id,
                    fields=["id_number", "phone", "health_note"],
                    reason=why,
                )
            return card

    def draft(self, household_id: int) -> HouseholdDraft | None:
        """The household as the edit form starts from it (masked), or None when it is gone."""
        with self._site.db.sessions() as session:
            return load_household_draft(session, household_id)

    def buildings(self) -> list[BuildingChoice]:
        """The buildings a household can be in, by address."""
        with self._site.db.sessions() as session:
            return load_buildings(session)

    def addresses(self, household_ids: set[int]) -> dict[int, str]:
        """Addresses of many households in one query (for lists of alarms)."""
        with self._site.db.sessions() as session:
            return household_addresses(session, household_ids)

    def find(self, text: str, limit: int = 50) -> list[tuple[int, str]]:
        """Households whose address or residents' names contain `text`: (id, address), for binding sensors."""
        with self._site.db.sessions() as session:
            return find_households(session, text, limit, within=self._scoped(SearchQuery()).within)
