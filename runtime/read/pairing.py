"""Pairings and the mutual-aid fund for the views and the commands: the pairing board of a grid, the
pairing list, the 联户党员 postcards with the grid chain and the hotline, the fund's ledger and monthly
statement. Each read in its own short session, frozen values out; writes go through the core's
`PairingBook` and `FundBook`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from alarms.grid_chain import ChainLink
from app.context import SiteContext
from app.grid_work.fund_reads import (
    FundLine,
    FundStatement,
    FundSummary,
    fund_summary,
    funds,
    ledger,
    statement,
)
from app.grid_work.hotline import read_hotline
from app.grid_work.pairing_reads import PairingBoard, PairingLine, list_pairings, pairing_board
from app.grid_work.scope import grid_scope
from app.models import Building, DutyRole, Grid, GridLevel, Household, PairingKind, PartyPairing, Person
from app.site_clock import clock_in
from runtime.read.grid_chain import GridChains

__all__ = [
    "FundLine",
    "FundStatement",
    "FundSummary",
    "PairingBoard",
    "PairingLine",
    "PairingReads",
    "Postcard",
]

POSTCARD_ROLES = (DutyRole.MEMBER.value, DutyRole.LEADER.value)  # 网格员 and 网格长, nearest grid first
POSTCARD_CONTACTS = 3


@dataclass(frozen=True)
class Postcard:
    """One household's 联户党员明信片. The member's and the grid staff's phones are printed on purpose:
    they are how the household reaches them. Nothing of the residents is printed but the address."""

    household_id: int
    address: str
    member: str
    member_phone: str
    grid_chain: str  # 街道 › 社区 › 小区 › 楼栋
    contacts: tuple[tuple[str, str, str], ...]  # (role, name, phone): grid workers, leaders, backers
    hotline: str
    site: str


class PairingReads:
    def __init__(self, site: SiteContext, chains: GridChains) -> None:
        self._site = site
        self._db = site.db
        self._chains = chains

    def board(self, grid_code: str) -> PairingBoard:
        with self._db.session() as session:
            return pairing_board(session, grid_code)

    def pairings(self, grid_code: str | None, *, include_ended: bool = False) -> list[PairingLine]:
        with self._db.session() as session:
            return list_pairings(session, grid_scope(session, grid_code)[1], include_ended=include_ended)

    def compounds(self) -> list[tuple[str, str, int]]:
        """(code, name, households) of the compounds (三级网格) with households, by code: the boards and
        funds to choose from. A building's grid is the compound's micro-grid, or the compound itself."""
        with self._db.session() as session:
            homes = dict(
                session.execute(
                    select(Building.grid_id, func.count(Household.id))
                    .join(Household)
                    .group_by(Building.grid_id)
                ).all()
            )
            rows = session.execute(select(Grid.id, Grid.code, Grid.name, Grid.level, Grid.parent_id)).all()
        compounds = {r.id: r for r in rows if r.level == GridLevel.COMPOUND}
        counts: dict[int, int] = {}
        for r in rows:
            owner = r.parent_id if r.level > GridLevel.COMPOUND else r.id
            if r.id in homes and owner in compounds:
                counts[owner] = counts.get(owner, 0) + homes[r.id]
        return sorted((compounds[i].code, compounds[i].name, n) for i, n in counts.items())

    def hotline(self) -> str:
        with self._db.session() as session:
            return read_hotline(session)

    def postcards(self, grid_code: str | None, household_ids: set[int] | None = None) -> list[Postcard]:
        """A postcard for each paired household of the grid subtree (or of `household_ids` in it)."""
        with self._db.session() as session:
            grid_ids = grid_scope(session, grid_code)[1]
            query = (
                select(Household.id, _address(), Building.grid_id, Person.name, Person.phone)
                .join(PartyPairing, PartyPairing.household_id == Household.id)
                .join(Person, Person.id == PartyPairing.person_id)
                .join(Building, Building.id == Household.building_id)
                .where(PartyPairing.ended_at.is_(None), PartyPairing.kind == PairingKind.HOUSEHOLD.value)
                .order_by(Building.id, Household.unit, Household.room, Household.id)
            )
            if grid_ids is not None:
                query = query.where(Building.grid_id.in_(grid_ids))
            if household_ids is not None:
                query = query.where(Household.id.in_(household_ids))
            rows = session.execute(query).all()
            backers = _backers(session)
            hotline = read_hotline(session)
        site = self._site.profile.name
        cards = []
        for household_id, address, grid_id, member, phone in rows:
            chain = self._chains.chain(grid_id)
            cards.append(
                Postcard(
                    household_id,
                    address,
                    member,
                    phone or "",
                    " › ".join(link.name for link in chain),
                    _contacts(chain, backers),
                    hotline,
                    site,
                )  # fmt: skip
            )
        return cards

    # ---- the fund --------------------------------------------------------------------------------

    def funds(self) -> list[FundSummary]:
        with self._db.session() as session:
            return funds(session)

    def fund(self, grid_code: str) -> tuple[FundSummary, list[FundLine]]:
        with self._db.session() as session:
            return fund_summary(session, grid_code), ledger(session, grid_code)

    def statement(self, grid_code: str, month: str) -> FundStatement:
        with self._db.session() as session:
            return statement(session, grid_code, month, clock_in(session).zone)


def _address():
    return Building.address + Household.unit + "单元" + Household.room + "室"


def _backers(session) -> dict[int, list[tuple[str, str, str]]]:
    """The leaders backing each grid now (领导包保), as postcard contacts."""
    found: dict[int, list[tuple[str, str, str]]] = {}
    for grid_id, name, phone in session.execute(
        select(PartyPairing.grid_id, Person.name, Person.phone)
        .join(Person, Person.id == PartyPairing.person_id)
        .where(PartyPairing.kind == PairingKind.LEADER.value, PartyPairing.ended_at.is_(None))
        .order_by(PartyPairing.id)
    ):
        found.setdefault(grid_id, []).append(("包保领导", name, phone or ""))
    return found


def _contacts(
    chain: tuple[ChainLink, ...], backers: dict[int, list[tuple[str, str, str]]]
) -> tuple[tuple[str, str, str], ...]:
    """The grid worker and grid leaders nearest the household, then the leader backing its grids."""
    staff: list[tuple[str, str, str]] = []
    for link in reversed(chain):
        for contact in link.contacts:
            if contact.role in POSTCARD_ROLES and len(staff) < POSTCARD_CONTACTS:
                staff.append((contact.role_zh, contact.name, contact.phone or ""))
    backing = next((backers[link.grid_id] for link in reversed(chain) if link.grid_id in backers), [])
    listed = {(name, phone) for _role, name, phone in staff}
    return tuple(staff + [b for b in backing[:1] if (b[1], b[2]) not in listed])
