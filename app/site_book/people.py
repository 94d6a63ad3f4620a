"""The 人员 sheet: staff keyed by mobile phone, with their duties (one row per duty, or several in one
cell separated by 、). The rows of one phone are one person; the workbook states all their duties."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Duty, DutyRole, Person
from app.roster.masking import mask_phone
from app.roster.phone import MOBILE, PhoneError, normalise_phone
from app.site_book import cells
from app.site_book.common import GridIndex, RowCheck, SheetCount
from app.site_book.problems import Problems
from app.site_book.sheets import DUTY_SEPARATOR, NO, PEOPLE, YES
from app.site_book.workbook import SheetData

ROLE_WORDS = {role.zh: role for role in DutyRole} | {role.value: role for role in DutyRole}
ROLE_WORDS |= {
    "指挥中心值班长": DutyRole.SUPERVISOR,
    "民警": DutyRole.POLICE,
    "包联领导": DutyRole.COUNTY_LEADER,
}
_SEPARATORS = re.compile(r"[、,，;；/\s]+")
ROLE_ORDER = {role: index for index, role in enumerate(DutyRole)}


@dataclass
class PersonEntry:
    """A person as the workbook states them: the first row's identity and every row's duties."""

    phone: str
    name: str
    rows: list[int]
    title: str | None = None
    party_member: bool | None = None
    duties: set[tuple[str, DutyRole]] = field(default_factory=set)  # (grid code, role)


def _mobile(value: object, label: str) -> str:
    phone = normalise_phone(value)
    if phone is None:
        raise cells.CellError(f"缺少{label}")
    if not MOBILE.match(phone):
        raise PhoneError(f"{label} {phone} 不是手机号 (人员以手机号区分, 请填写 11 位手机号)")
    return phone


def _roles(value: object, label: str) -> list[DutyRole]:
    words = [w for w in _SEPARATORS.split(cells.safe_text(value, label, 120)) if w]
    unknown = [w for w in words if w not in ROLE_WORDS]
    if unknown:
        raise cells.CellError(
            f"职责 '{'、'.join(unknown)}' 无法识别 (可用: {'、'.join(r.zh for r in DutyRole)})"
        )
    return [ROLE_WORDS[w] for w in words]


def parse(data: SheetData, problems: Problems) -> list[PersonEntry]:
    people: dict[str, PersonEntry] = {}
    rows_of_name: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for row in data.rows:
        check = RowCheck(PEOPLE, row, problems)
        name = check.read("name", lambda v, label: cells.required_text(v, label, 64).replace(" ", ""))
        phone = check.read("phone", _mobile)
        title = check.read("title", lambda v, label: cells.optional_text(v, label, 64))
        party = check.read("party_member", cells.yes_no)
        grid_code = check.read("grid_code", lambda v, label: cells.optional_text(v, label, 64))
        roles = check.read("duties", _roles) or []
        if grid_code and not roles and check.ok:
            check.fail("duties", f"填写了网格编码但缺少职责 (可用: {'、'.join(r.zh for r in DutyRole)})")
        if roles and not grid_code and check.ok:
            check.fail("grid_code", "填写了职责但缺少网格编码")
        if name and phone:
            rows_of_name[phone][name].append(row.number)
        if not check.ok:
            continue
        person = people.setdefault(phone, PersonEntry(phone, name, []))
        if name == person.name:
            _merge(person, row.number, title, party, check)
        person.rows.append(row.number)
        person.duties |= {(grid_code, role) for role in roles}
    for phone, names in rows_of_name.items():
        if len(names) > 1:
            _report_shared_phone(phone, names, problems)
    return list(people.values())


def _report_shared_phone(phone: str, names: dict[str, list[int]], problems: Problems) -> None:
    """Different people written with one mobile: the import cannot tell whom the number means, so
    every row of that number is refused (none of them merged into another person)."""
    holders = "、".join(f"{name} (第 {'、'.join(map(str, rows))} 行)" for name, rows in names.items())
    reason = (
        f"手机 {mask_phone(phone)} 同时登记给了 {holders}: 人员以手机号区分, 不同的人不能共用一个号码。"
        "两人共用一部手机 (如夫妻) 时, 请为其中一人填写本人的其他手机号, 或只登记承担职责的一人"
        f" (one mobile is one person: give each person their own number)"
    )
    for rows in names.values():
        for row in rows:
            problems.add(PEOPLE.title, row, PEOPLE.column("phone").zh, reason)


def _merge(person: PersonEntry, row: int, title: str | None, party: bool | None, check: RowCheck) -> None:
    """Later rows of the same person (phone and name) must agree with the first on title and party."""
    first = person.rows[0] if person.rows else row
    if title and person.title and title != person.title:
        check.fail("title", f"同一人 (手机 {person.phone}) 的职务与第 {first} 行 '{person.title}' 不一致")
    if party is not None and person.party_member is not None and party != person.party_member:
        check.fail("party_member", f"同一人 (手机 {person.phone}) 的党员标记与第 {first} 行不一致")
    person.title = person.title or title
    person.party_member = person.party_member if person.party_member is not None else party


@dataclass
class PeoplePlan:
    entries: list[tuple[PersonEntry, Person | None]]


def check(session: Session, entries: list[PersonEntry], grids: GridIndex, problems: Problems) -> PeoplePlan:
    by_phone: dict[str, list[Person]] = defaultdict(list)
    for person in session.scalars(select(Person).options(selectinload(Person.duties))):
        by_phone[_stored_phone(person.phone)].append(person)
    plan = PeoplePlan([])
    for entry in entries:
        ok = True
        for grid_code, _role in sorted(entry.duties, key=lambda d: d[0]):
            if grids.find(grid_code) is None:
                ok = False
                for row in entry.rows:
                    problems.add(PEOPLE.title, row, "网格编码", grids.unknown_reason(grid_code))
        matches = by_phone.get(entry.phone, [])
        if len(matches) > 1:
            ok = False
            names = "、".join(p.name for p in matches)
            problems.add(
                PEOPLE.title,
                entry.rows[0],
                "手机",
                f"站点中已有 {len(matches)} 人使用手机 {entry.phone} ({names}), 无法确定更新哪一个",
            )
        if ok:
            plan.entries.append((entry, matches[0] if matches else None))
    return plan


def _stored_phone(phone: str | None) -> str:
    try:
        return normalise_phone(phone) or ""
    except PhoneError:
        return phone or ""


@dataclass
class PeopleWrite:
    count: SheetCount
    grid_ids: set[int]  # the grids whose contacts show a person written
    renamed: list[str]  # "phone: old → new", said to the office: the mobile may have changed hands


def write(session: Session, plan: PeoplePlan, grids: GridIndex, bad_rows: set[int]) -> PeopleWrite:
    """Adds and updates people and sets their duties to the workbook's."""
    result = PeopleWrite(SheetCount(skipped=len(bad_rows)), set(), [])
    count, grid_ids = result.count, result.grid_ids
    for entry, person in plan.entries:
        if bad_rows.intersection(entry.rows):
            continue  # a person is written whole or not at all
        action = "added" if person is None else "updated"
        if person is None:
            person = Person(phone=entry.phone)
            session.add(person)
        elif person.name != entry.name:
            result.renamed.append(f"{mask_phone(entry.phone)}: {person.name} → {entry.name}")
        wanted = {"name": entry.name, "title": entry.title, "party_member": bool(entry.party_member)}
        fields_same = all(getattr(person, k) == v for k, v in wanted.items())
        for key, value in wanted.items():
            setattr(person, key, value)
        duties = {(grids.find(code).id, role.value) for code, role in entry.duties}
        held = {(d.grid_id, d.role): d for d in person.duties}
        for key in held.keys() - duties:
            person.duties.remove(held[key])
        for grid_id, role in duties - held.keys():
            person.duties.append(Duty(grid_id=grid_id, role=role))
        if action == "updated" and fields_same and duties == held.keys():
            action = "unchanged"
        else:  # the grids whose contacts show this person
            grid_ids |= {grid_id for grid_id, _ in duties | held.keys()}
        count.count(action)
    session.flush()
    return result


def export_rows(session: Session, grids: GridIndex) -> list[dict[str, object]]:
    """One row per person and grid, the grid's duties in one cell; a person without duty gets a row too."""
    rows = []
    people = session.scalars(select(Person).options(selectinload(Person.duties)).order_by(Person.id))
    for person in people:
        by_grid: dict[int, list[DutyRole]] = defaultdict(list)
        for duty in person.duties:
            by_grid[duty.grid_id].append(DutyRole(duty.role))
        base = {
            "name": person.name,
            "phone": person.phone,
            "title": person.title,
            "party_member": YES if person.party_member else NO,
        }
        if not by_grid:
            rows.append(base)
        for grid_id, roles in sorted(by_grid.items(), key=lambda item: grids.by_id[item[0]].code):
            words = DUTY_SEPARATOR.join(r.zh for r in sorted(roles, key=ROLE_ORDER.get))
            rows.append(base | {"grid_code": grids.by_id[grid_id].code, "duties": words})
    rows.sort(key=lambda r: (str(r.get("grid_code") or "~"), r["name"], r["phone"] or ""))
    return rows
