"""Pairings and the mutual-aid fund of the demo's detailed compound: the party members' pairings began
about a year ago, some households changed member since (the old pairing kept, ended), a few wait for a
new member after theirs moved away; the community's leader backs the compound and grid workers cover
its buildings; the fund has six months of donations, returned property fees, stairwell cleaning paid to
residents in hardship, and one entry reversed. Its own random stream, so the rest of the demo stays what
the seed made it; a few thousand rows, written in bulk."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.grid_work.hotline import HOTLINE_KEY
from app.models import (
    Building,
    Duty,
    DutyRole,
    FundEntry,
    FundKind,
    Grid,
    Household,
    PairingKind,
    PartyPairing,
    Resident,
    ResidentTag,
    SiteSetting,
    Tag,
)
from app.store.bulk import insert_returning_ids

MOVED_SHARE = 0.03  # households whose member changed during the year
WAITING_SHARE = 0.02  # households whose member moved away and who wait for a new one
DEMO_HOTLINE = "0371-6688 1234"
DONORS = ("爱心企业 豫华物业", "居民 匿名", "辖区单位 建设银行网点", "党员 自愿捐款", "居民 集体捐款")


def seed_demo_pairing_fund(session: Session, seed: int, compound_id: int, now: datetime) -> None:
    rng = random.Random(seed + 30)
    session.add(SiteSetting(key=HOTLINE_KEY, value=json.dumps(DEMO_HOTLINE, ensure_ascii=False)))
    _pairing_history(session, rng, compound_id, now)
    _backers(session, rng, compound_id, now)
    _fund(session, rng, compound_id, now)


def _pairing_history(session: Session, rng, compound_id: int, now: datetime) -> None:
    rows = session.execute(
        select(PartyPairing.id, PartyPairing.person_id, PartyPairing.household_id)
        .join(Household, Household.id == PartyPairing.household_id)
        .join(Building, Building.id == Household.building_id)
        .join(Grid, Grid.id == Building.grid_id)
        .where(Grid.parent_id == compound_id)
        .order_by(PartyPairing.id)
    ).all()
    if not rows:
        return
    began = now - timedelta(days=400)
    session.execute(update(PartyPairing).where(PartyPairing.started_at.is_(None)).values(started_at=began))
    members = sorted({r.person_id for r in rows})
    changed = rng.sample(rows, int(len(rows) * (MOVED_SHARE + WAITING_SHARE)))
    moved, waiting = changed[: int(len(rows) * MOVED_SHARE)], changed[int(len(rows) * MOVED_SHARE) :]
    ends = []
    new_rows = []
    for row in changed:
        ended = now - timedelta(days=rng.randint(20, 300), hours=rng.randint(1, 8))
        note = "联户党员迁出辖区" if row in waiting else "党员工作调整，改由他人联系"
        ends.append({"pairing_id": row.id, "ended": ended, "note": note})
        if row in moved:
            other = rng.choice([m for m in members if m != row.person_id] or members)
            new_rows.append(
                {
                    "person_id": other,
                    "kind": "household",
                    "household_id": row.household_id,
                    "started_at": ended,
                }
            )
    session.execute(
        update(PartyPairing.__table__)
        .where(PartyPairing.__table__.c.id == bindparam("pairing_id"))
        .values(ended_at=bindparam("ended"), end_note=bindparam("note")),
        ends,
    )
    if new_rows:
        session.execute(insert(PartyPairing), new_rows)


def _backers(session: Session, rng, compound_id: int, now: datetime) -> None:
    """The community's leader backs the compound (领导包保); the other staff on duty in the community,
    the compound and its buildings cover its buildings (干部包片), a few buildings each."""
    compound = session.get(Grid, compound_id)
    leader = session.scalar(
        select(Duty.person_id).where(Duty.grid_id == compound.parent_id, Duty.role == DutyRole.LEADER.value)
    )
    rows = []
    began = now - timedelta(days=365)
    if leader is not None:
        rows.append(
            {
                "person_id": leader,
                "kind": PairingKind.LEADER.value,
                "grid_id": compound_id,
                "started_at": began,
            }
        )
    buildings = list(
        session.scalars(select(Grid.id).where(Grid.parent_id == compound_id).order_by(Grid.code))
    )
    cadres = list(
        session.scalars(
            select(Duty.person_id)
            .where(
                Duty.grid_id.in_([compound.parent_id, compound_id, *buildings]),
                Duty.role.in_([DutyRole.MEMBER.value, DutyRole.LEADER.value]),
                Duty.person_id != (leader or 0),  # the backing leader covers no building too
            )
            .distinct()
            .order_by(Duty.person_id)
        )
    )
    for n, building in enumerate(buildings):
        if cadres:
            rows.append(
                {
                    "person_id": cadres[n % len(cadres)],
                    "kind": PairingKind.CADRE.value,
                    "grid_id": building,
                    "started_at": began,
                }
            )
    if rows:
        session.execute(insert(PartyPairing), rows)


def _fund(session: Session, rng, compound_id: int, now: datetime) -> None:
    """Six months of the compound's fund, oldest first, never paying out more than it holds."""
    cleaners = list(
        session.scalars(
            select(Resident.name)
            .join(ResidentTag, ResidentTag.resident_id == Resident.id)
            .join(Household, Household.id == Resident.household_id)
            .join(Building, Building.id == Household.building_id)
            .join(Grid, Grid.id == Building.grid_id)
            .where(Grid.parent_id == compound_id, ResidentTag.tag == Tag.LOW_INCOME.value)
            .order_by(Resident.id)
            .limit(3)
        )
    ) or ["困难居民"]
    entries: list[dict] = []
    start = now - timedelta(days=180)
    for month in range(6):
        first = start + timedelta(days=30 * month)
        for _ in range(rng.randint(2, 5)):
            entries.append(_entry(first + timedelta(days=rng.randint(0, 9), hours=2), FundKind.INCOME, "捐款",
                                  rng.choice((5000, 10000, 20000, 50000, 100000, 200000)), rng.choice(DONORS), "JZ"))  # fmt: skip
        if month % 3 == 0:
            entries.append(_entry(first + timedelta(days=12, hours=3), FundKind.INCOME, "物业费返还", 360000,
                                  "豫华物业服务公司", "WY"))  # fmt: skip
        for name in cleaners[:2]:
            entries.append(_entry(first + timedelta(days=25, hours=4), FundKind.SPENDING, "困难居民保洁", 30000,
                                  name, "BJ", note="楼道保洁一个月"))  # fmt: skip
        if month in (1, 4):
            entries.append(_entry(first + timedelta(days=18, hours=5), FundKind.SPENDING, "慰问", 80000,
                                  "独居老人节日慰问", "WW", note="米面油"))  # fmt: skip
    entries = [e for e in entries if e["at"] < now]
    entries.sort(key=lambda e: e["at"])
    for n, entry in enumerate(entries, 1):
        entry["receipt_no"] = f"{entry['receipt_no']}-{entry['at']:%Y%m}-{n:03d}"
    ids = _insert(session, [{**e, "grid_id": compound_id} for e in entries])
    duplicate = next(
        (i for i, e in zip(ids, entries, strict=True) if e["kind"] == FundKind.INCOME.value), None
    )
    if duplicate is not None:  # a donation typed twice, undone the next day by a reversal
        original = entries[ids.index(duplicate)]
        copy = _insert(
            session, [{**original, "grid_id": compound_id, "receipt_no": original["receipt_no"] + "A"}]
        )[0]
        reversal = {**original, "grid_id": compound_id, "kind": FundKind.REVERSAL.value,
                    "amount_fen": -original["amount_fen"], "at": original["at"] + timedelta(days=1),
                    "recorded_at": original["at"] + timedelta(days=1), "note": "重复登记，冲销",
                    "receipt_no": original["receipt_no"] + "A", "reverses_id": copy}  # fmt: skip
        _insert(session, [reversal])


def _entry(
    at: datetime, kind: FundKind, category: str, fen: int, party: str, prefix: str, note: str = ""
) -> dict:
    return {
        "kind": kind.value,
        "category": category,
        "amount_fen": fen if kind == FundKind.INCOME else -fen,
        "party": party,
        "receipt_no": prefix,
        "note": note,
        "at": at,
        "recorded_at": at,
        "recorded_by": "演示数据",
        "reverses_id": None,
    }


def _insert(session: Session, rows: list[dict]) -> list[int]:
    return insert_returning_ids(session, FundEntry, rows)
