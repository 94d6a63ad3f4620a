"""Editing the roster by hand (the roster panel's forms): households and residents added, changed,
moved and removed, tags and emergency contacts set. A household added (or moved) where sensors wait
for one is bound to them (`app/sensor_places.py`).

Every value goes through the importer's own parsers (idcard, phone, cells), so a hand-entered record
obeys the same rules as an imported one. Every change is audited with what it was before and after
(ID numbers and phones masked) in the same transaction, and published after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import column, func, select, table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import Change, RosterChanged, SensorChanged, Topic
from app.models import Building, Household, PartyPairing, ResidenceType, Resident, ResidentTag, Sensor
from app.privacy.roster_cipher import RosterCipher
from app.roster import cells
from app.roster.edit_forms import (
    FIELD_ENGLISH,
    Checks,
    HouseholdForm,
    ResidentForm,
    RosterEditError,
    household_snapshot,
    optional_text,
    resident_name,
    resident_snapshot,
    tag_values,
)
from app.roster.idcard import parse_id_number
from app.roster.phone import normalise_phone
from app.sensor_places import bind_waiting
from app.tickets.models import Ticket

__all__ = ["FIELD_ENGLISH", "HouseholdForm", "ResidentForm", "RosterEditError", "RosterEdits"]

EDIT = RosterChanged("edit")
# The alarms table belongs to the alarms package, a layer above this one: named, not imported.
_ALARMS = table("alarms", column("household_id"))


class RosterEdits:
    """The roster's hand edits for one site; every method is one transaction, audited and published."""

    def __init__(self, site: SiteContext) -> None:
        self._site = site

    # households ---------------------------------------------------------------------------------

    def add_household(self, form: HouseholdForm) -> int:
        with self._writing() as session:
            household = Household()
            self._apply_household(session, household, form)
            session.add(household)
            session.flush()
            self._audit(session, "add_household", "household", household.id, None, household)
            household_id = household.id
            sensor_ids = bind_waiting(session, self._site.seat)
        self._publish(Topic.HOUSEHOLD, household_id)
        self._publish_bound(sensor_ids)
        return household_id

    def change_household(self, household_id: int, form: HouseholdForm) -> None:
        """Changes the address too: a household moved to another building, unit or room."""
        with self._writing() as session:
            household = self._household(session, household_id)
            before = household_snapshot(household)
            if form.building_id != household.building_id:
                self._refuse_move_with_sensors(session, household_id)
            self._apply_household(session, household, form)
            session.flush()
            self._audit(session, "change_household", "household", household_id, before, household)
            sensor_ids = bind_waiting(session, self._site.seat)  # moved to a flat a sensor waits at
        self._publish(Topic.HOUSEHOLD, household_id)
        self._publish_bound(sensor_ids)

    def set_emergency_contact(self, household_id: int, name: str, phone: str | None) -> None:
        """Only the emergency contact; `phone` None keeps the stored number."""
        checks = Checks()
        contact = checks.attempt("emergency_contact", lambda: optional_text(name, "紧急联系人", 64))
        number = (
            checks.attempt("emergency_phone", lambda: normalise_phone(phone)) if phone is not None else None
        )
        checks.raise_any()
        with self._writing() as session:
            household = self._household(session, household_id)
            before = household_snapshot(household)
            household.emergency_contact = contact
            if phone is not None:
                household.emergency_phone = number
            self._audit(session, "set_emergency_contact", "household", household_id, before, household)
        self._publish(Topic.HOUSEHOLD, household_id)

    def remove_household(self, household_id: int) -> None:
        """迁出 a whole household with its residents. Refused while alarms, tickets, sensors or a paired
        party member point at it: deleting would cut those records from the address they were about
        (the store sets the link to NULL), and a bound sensor would raise alarms naming no one. The flat
        itself then stays on the roster; its residents can still be removed one by one."""
        with self._writing() as session:
            household = self._household(session, household_id)
            self._refuse_removal_with_history(session, household_id)
            before = household_snapshot(household)
            before["residents"] = [resident_snapshot(r) for r in household.residents]
            resident_ids = [r.id for r in household.residents]
            for resident in household.residents:
                session.delete(resident)
            session.flush()
            session.delete(household)
            self._audit(session, "remove_household", "household", household_id, before, None)
        self._publish(Topic.HOUSEHOLD, household_id)
        if resident_ids:
            self._publish(Topic.RESIDENT, *resident_ids)

    # residents ----------------------------------------------------------------------------------

    def add_resident(self, household_id: int, form: ResidentForm) -> int:
        with self._writing() as session:
            self._household(session, household_id)
            resident = Resident(household_id=household_id)
            self._apply_resident(session, resident, form, new=True)
            session.add(resident)
            session.flush()
            self._audit(session, "add_resident", "resident", resident.id, None, resident)
            resident_id = resident.id
        self._publish(Topic.RESIDENT, resident_id)
        return resident_id

    def change_resident(self, resident_id: int, form: ResidentForm) -> None:
        with self._writing() as session:
            resident = self._resident(session, resident_id)
            before = resident_snapshot(resident)
            self._apply_resident(session, resident, form, new=False)
            session.flush()
            self._audit(session, "change_resident", "resident", resident_id, before, resident)
        self._publish(Topic.RESIDENT, resident_id)

    def set_tags(self, resident_id: int, tags: Iterable[str]) -> None:
        checks = Checks()
        wanted = checks.attempt("tags", lambda: tag_values(tags))
        checks.raise_any()
        with self._writing() as session:
            resident = self._resident(session, resident_id)
            before = resident_snapshot(resident)
            self._replace_tags(session, resident, wanted or [])
            self._audit(session, "set_tags", "resident", resident_id, before, resident)
        self._publish(Topic.RESIDENT, resident_id)

    def move_resident(self, resident_id: int, household_id: int) -> None:
        """Into another household (of any building); their history stays theirs."""
        with self._writing() as session:
            resident = self._resident(session, resident_id)
            self._household(session, household_id)
            before = resident_snapshot(resident)
            resident.household_id = household_id
            session.flush()
            session.refresh(resident)
            self._audit(session, "move_resident", "resident", resident_id, before, resident)
        self._publish(Topic.RESIDENT, resident_id)

    def remove_resident(self, resident_id: int) -> None:
        """迁出 one resident. Alarms, tickets and sensors belong to the household, which stays, so
        nothing loses its address; the resident's face enrolment goes with them (a person who moved
        away must not stay recognisable) and a staff record that named them keeps the person."""
        with self._writing() as session:
            resident = self._resident(session, resident_id)
            before = resident_snapshot(resident)
            session.delete(resident)
            self._audit(session, "remove_resident", "resident", resident_id, before, None)
        self._publish(Topic.RESIDENT, resident_id)

    # the work -----------------------------------------------------------------------------------

    def _apply_household(self, session: Session, household: Household, form: HouseholdForm) -> None:
        checks = Checks()
        unit = checks.attempt("unit", lambda: cells.clean_unit(form.unit))
        room = checks.attempt("room", lambda: cells.clean_room(form.room))
        if form.residence_type not in {t.value for t in ResidenceType}:
            checks.add("residence_type", f"居住类型 '{form.residence_type}' 无法识别")
        contact = checks.attempt(
            "emergency_contact", lambda: optional_text(form.emergency_contact, "紧急联系人", 64)
        )
        phone = None
        if form.emergency_phone is not None:
            phone = checks.attempt("emergency_phone", lambda: normalise_phone(form.emergency_phone))
        note = checks.attempt("note", lambda: optional_text(form.note, "备注", 500))
        if session.get(Building, form.building_id) is None:
            checks.add("building", "楼栋不存在")
        elif unit is not None and room is not None:
            taken = session.scalar(
                select(Household.id).where(
                    Household.building_id == form.building_id,
                    Household.unit == unit,
                    Household.room == room,
                    Household.id != (household.id or 0),
                )
            )
            if taken is not None:
                checks.add("room", f"该楼栋已有 {unit}单元{room}室 住户")
        checks.raise_any()
        household.building_id = form.building_id
        household.unit, household.room = unit, room  # type: ignore[assignment]
        household.residence_type = form.residence_type
        household.emergency_contact, household.note = contact, note
        if form.emergency_phone is not None:
            household.emergency_phone = phone

    def _apply_resident(self, session: Session, resident: Resident, form: ResidentForm, *, new: bool) -> None:
        checks = Checks()
        name = checks.attempt("name", lambda: resident_name(form.name))
        number = None
        if form.id_number.strip() or new:
            number = checks.attempt("id_number", lambda: parse_id_number(form.id_number))
        phone = (
            checks.attempt("phone", lambda: normalise_phone(form.phone)) if form.phone is not None else None
        )
        relation = checks.attempt("relation", lambda: optional_text(form.relation, "与户主关系", 16))
        health = checks.attempt("health_note", lambda: optional_text(form.health_note, "健康状况", 200))
        tags = checks.attempt("tags", lambda: tag_values(form.tags))
        cipher = RosterCipher.of_site(session)
        if number is not None and self._id_taken(session, cipher.id_hash(number.number), resident.id):
            # Whose it is stays unsaid: the form must not become a way to look people up by ID.
            checks.add("id_number", "该身份证号已登记在花名册中, 请核对")
        checks.raise_any()
        resident.name = name  # type: ignore[assignment]
        if number is not None:
            _set_columns(resident, cipher.id_columns(number.number))
            resident.sex, resident.birth_date = number.sex, number.birth_date
        if form.phone is not None:
            resident.phone = phone
        resident.relation = relation
        _set_columns(resident, cipher.health_columns(health))
        if new:
            resident.tags = [ResidentTag(tag=tag) for tag in tags or []]
        else:
            self._replace_tags(session, resident, tags or [])

    @staticmethod
    def _replace_tags(session: Session, resident: Resident, wanted: list[str]) -> None:
        keep = [t for t in resident.tags if t.tag in wanted]
        have = {t.tag for t in keep}
        resident.tags = keep + [ResidentTag(tag=tag) for tag in wanted if tag not in have]
        session.flush()

    @staticmethod
    def _id_taken(session: Session, id_hash: str, own_id: int | None) -> bool:
        query = select(Resident.id).where(Resident.id_hash == id_hash, Resident.id != (own_id or 0))
        return session.scalar(query) is not None

    @staticmethod
    def _refuse_move_with_sensors(session: Session, household_id: int) -> None:
        bound = session.scalar(select(func.count()).where(Sensor.household_id == household_id))
        if bound:
            raise RosterEditError(
                {
                    "building": f"该户绑定了 {bound} 个传感器, 请先在传感器设置中解绑或改绑再迁往其他楼栋"
                    " (the household has bound sensors: rebind them first)"
                }
            )

    @staticmethod
    def _refuse_removal_with_history(session: Session, household_id: int) -> None:
        counts = {
            "报警": session.scalar(select(func.count()).where(_ALARMS.c.household_id == household_id)),
            "工单": session.scalar(select(func.count()).where(Ticket.household_id == household_id)),
            "传感器": session.scalar(select(func.count()).where(Sensor.household_id == household_id)),
            "联户党员": session.scalar(select(func.count()).where(PartyPairing.household_id == household_id)),
        }
        held = "、".join(f"{n} 条{what}" for what, n in counts.items() if n)
        if held:
            raise RosterEditError(
                {
                    "household": f"该户有 {held}, 迁出整户会使这些记录失去地址; 请逐个迁出居民, 住户地址保留"
                    " (the household has alarms, tickets, sensors or pairings: remove its residents"
                    " one by one instead, the address stays)"
                }
            )

    def _household(self, session: Session, household_id: int) -> Household:
        household = session.get(Household, household_id)
        if household is None:
            raise RosterEditError(
                {"household": "该住户已不存在 (已被其他席位迁出?) (household no longer exists)"}
            )
        return household

    def _resident(self, session: Session, resident_id: int) -> Resident:
        resident = session.get(Resident, resident_id)
        if resident is None:
            raise RosterEditError(
                {"resident": "该居民已不存在 (已被其他席位迁出?) (resident no longer exists)"}
            )
        return resident

    def _audit(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: int,
        before: dict[str, object] | None,
        after: Household | Resident | None,
    ) -> None:
        if isinstance(after, Household):
            session.refresh(after, ["building"])
            now: dict[str, object] | None = household_snapshot(after)
        else:
            now = resident_snapshot(after) if after is not None else None
        audit.record(
            session, self._site.seat, f"roster_{action}", entity, entity_id, before=before, after=now
        )

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One unit of work; a unique index hit by another seat's write at the same moment becomes a
        refusal like the checks give, never a stack trace."""
        try:
            with self._site.db.session() as session:
                yield session
        except IntegrityError as clash:
            raise RosterEditError(
                {"id_number": "身份证号或住户地址已被其他席位同时登记, 请刷新后重试 (registered meanwhile)"}
            ) from clash

    def _publish(self, topic: Topic, *ids: int) -> None:
        self._site.hub.publish(Change(topic, tuple(ids), EDIT))

    def _publish_bound(self, sensor_ids: list[int]) -> None:
        if sensor_ids:
            self._site.hub.publish(Change(Topic.SENSOR, tuple(sensor_ids), SensorChanged("bound")))


def _set_columns(resident: Resident, values: dict[str, object]) -> None:
    for name, value in values.items():
        setattr(resident, name, value)
