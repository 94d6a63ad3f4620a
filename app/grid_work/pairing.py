"""领导包保 · 党员联户 · 干部包片: who looks after whom. A party member pairs households (typically 10–30
each), a leader backs a grid, a cadre covers an area (a compound or building grid). Ending a pairing
keeps its row with the time it ended, so the history of who looked after a household stays on record;
nothing here deletes. Every change is audited and published (Topic.PAIRING)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.access import Permission, PermissionDenied, can
from app.context import SiteContext
from app.events import Change, PairingChanged, Topic
from app.grid_work.errors import WorkError
from app.models import Grid, GridLevel, Household, PairingKind, PartyPairing, Person
from app.store.base import utcnow

__all__ = ["Paired", "PairingBook", "PairingKind"]

NOTE_MAX = 200


@dataclass(frozen=True)
class Paired:
    pairing_id: int
    ended_id: int | None  # the pairing the household left for this one (a move), else None


class PairingBook:
    """Begins and ends pairings for one seat: checked, audited, published."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def pair_household(
        self, person_id: int, household_id: int, *, move: bool = False, now: datetime | None = None
    ) -> Paired:
        """Pair a party member with a household. A household has one 联户党员 at a time: one already
        paired with someone else is refused unless `move`, which ends that pairing in the same
        transaction (its row stays, ended)."""
        now = now or utcnow()
        with self.site.db.session() as session:
            person = _party_member(session, person_id)
            household = session.get(Household, household_id)
            if household is None:
                raise WorkError(f"住户 {household_id} 不存在 household {household_id} does not exist")
            self._may(household.building.grid_id)
            current = session.scalar(_active_household(household_id))
            ended_id = None
            if current is not None:
                if current.person_id == person_id:
                    raise WorkError("该户已由此党员联系 the household is already paired with this member")
                if not move:
                    other = session.get(Person, current.person_id)
                    raise WorkError(
                        f"该户已由 {other.name if other else current.person_id} 联系，请先解除或改为调整"
                        " the household is paired with someone else: end that pairing first or move it"
                    )
                _end(current, now, f"改由 {person.name} 联系")
                ended_id = current.id
            pairing = PartyPairing(
                person_id=person_id, kind=PairingKind.HOUSEHOLD, household_id=household_id, started_at=now
            )
            session.add(pairing)
            session.flush()
            audit.record(
                session,
                self.site.seat,
                "pairing.add",
                "party_pairing",
                pairing.id,
                kind=PairingKind.HOUSEHOLD.value,
                person_id=person_id,
                household_id=household_id,
                ended=ended_id,
            )
            result = Paired(pairing.id, ended_id)
        self._publish((result.pairing_id,) + ((ended_id,) if ended_id else ()), "paired")
        return result

    def back_grid(
        self, person_id: int, grid_code: str, kind: PairingKind, *, now: datetime | None = None
    ) -> int:
        """A leader backs a grid (领导包保) or a cadre covers an area (干部包片: a compound or a building)."""
        if kind == PairingKind.HOUSEHOLD:
            raise WorkError("党员联户请指定住户 a household pairing names a household")
        with self.site.db.session() as session:
            if session.get(Person, person_id) is None:
                raise WorkError(f"人员 {person_id} 不存在 person {person_id} does not exist")
            grid = session.scalar(select(Grid).where(Grid.code == grid_code))
            if grid is None:
                raise WorkError(f"网格 {grid_code} 不存在 no grid with code {grid_code!r}")
            self._may(grid.id)
            if kind == PairingKind.CADRE and grid.level < GridLevel.COMPOUND:
                raise WorkError(
                    "干部包片的片区须为小区或楼栋网格 a cadre's area is a compound or building grid"
                )
            duplicate = session.scalar(
                select(PartyPairing.id).where(
                    PartyPairing.person_id == person_id,
                    PartyPairing.grid_id == grid.id,
                    PartyPairing.kind == kind.value,
                    PartyPairing.ended_at.is_(None),
                )
            )
            if duplicate is not None:
                raise WorkError(f"已有此包保关系 (编号 {duplicate}) this pairing already exists")
            pairing = PartyPairing(
                person_id=person_id, kind=kind.value, grid_id=grid.id, started_at=now or utcnow()
            )
            session.add(pairing)
            session.flush()
            audit.record(
                session,
                self.site.seat,
                "pairing.add",
                "party_pairing",
                pairing.id,
                kind=kind.value,
                person_id=person_id,
                grid=grid_code,
            )
            pairing_id = pairing.id
        self._publish((pairing_id,), "paired")
        return pairing_id

    def end(self, pairing_id: int, note: str = "", *, now: datetime | None = None) -> None:
        """End a pairing; its row stays with the time and the note."""
        note = note.strip()
        if len(note) > NOTE_MAX:
            raise WorkError(f"说明过长 (最多 {NOTE_MAX} 字) the note is longer than {NOTE_MAX} characters")
        with self.site.db.session() as session:
            pairing = session.get(PartyPairing, pairing_id)
            if pairing is None:
                raise WorkError(f"包联关系 {pairing_id} 不存在 pairing {pairing_id} does not exist")
            if pairing.ended_at is not None:
                raise WorkError(f"包联关系 {pairing_id} 已于此前解除 pairing {pairing_id} has already ended")
            self._may(pairing.grid_id if pairing.grid_id is not None else _household_grid(session, pairing))
            _end(pairing, now or utcnow(), note)
            audit.record(
                session,
                self.site.seat,
                "pairing.end",
                "party_pairing",
                pairing_id,
                kind=pairing.kind,
                note=note,
            )
        self._publish((pairing_id,), "ended")

    def note_postcards(self, grid_code: str | None, households: int) -> None:
        """Audit a print of postcards: they carry the members' phones."""
        with self.site.db.session() as session:
            audit.record(
                session,
                self.site.seat,
                "pairing.postcards",
                "grid",
                None,
                grid=grid_code,
                households=households,
            )

    def _may(self, grid_id: int | None) -> None:
        """A signed-in user changes pairings in their own grid subtree only (the local system: anywhere)."""
        user = self.site.seat.user
        if user is not None and not can(user, Permission.EDIT_ROSTER, grid_id):
            raise PermissionDenied(user, Permission.EDIT_ROSTER)

    def _publish(self, ids: tuple[int, ...], action: str) -> None:
        self.site.hub.publish(Change(Topic.PAIRING, ids, PairingChanged(action)))


def _household_grid(session: Session, pairing: PartyPairing) -> int | None:
    household = session.get(Household, pairing.household_id)
    return household.building.grid_id if household is not None else None


def _active_household(household_id: int):
    return select(PartyPairing).where(
        PartyPairing.household_id == household_id,
        PartyPairing.kind == PairingKind.HOUSEHOLD.value,
        PartyPairing.ended_at.is_(None),
    )


def _party_member(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise WorkError(f"人员 {person_id} 不存在 person {person_id} does not exist")
    if not person.party_member:
        raise WorkError(f"{person.name} 不是党员，不能联户 only a party member pairs households")
    return person


def _end(pairing: PartyPairing, now: datetime, note: str) -> None:
    pairing.ended_at = now
    pairing.end_note = note or None
