"""The grid's own work in the demo: how many residents each visit met, what some visits found (the
home-visit tickets among the demo tickets each get the visit that found them), every volunteer team's
activities of the last 90 days with its members' hours (app/demo/self_governance.py adds where, the
tickets served, 楼栋长, 微网格员 and the 居民自治小组), and two votes of the detailed community — one counted, one still taking ballots. Its own random stream, so the rest of the
demo stays what the seed made it."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.demo.self_governance import seed_self_governance
from app.grid_work.findings import FindingTag
from app.grid_work.vote_rules import Threshold, tally
from app.models import (
    Ballot,
    Building,
    Duty,
    Grid,
    Household,
    Meeting,
    MeetingAttendance,
    Visit,
    VisitFinding,
    VolunteerActivity,
    VolunteerHours,
    VolunteerTeamMember,
    Vote,
    VoteOption,
)
from app.store.bulk import insert_returning_ids
from app.tickets.models import Ticket
from app.tickets.states import Source

FINDING_SHARE = 0.04  # visits that found something not worth a ticket
FINDINGS = (
    (FindingTag.POLICY, "咨询高龄津贴申领条件，已当场解答。"),
    (FindingTag.POLICY, "询问医保缴费时间，已告知。"),
    (FindingTag.HARDSHIP, "老人行动不便，希望代买药品，已联系银龄互助服务队。"),
    (FindingTag.DISPUTE, "与楼上住户因漏水有口角，已上门劝解。"),
    (FindingTag.HAZARD, "电动车在楼道充电，已劝离并宣传安全知识。"),
    (FindingTag.OTHER, "希望小区增设快递柜，已记录。"),
)
# The kind a home-visit ticket's finding was, by its category group.
TAG_OF_GROUP = {
    "ZZ": FindingTag.DISPUTE,
    "LR": FindingTag.HARDSHIP,
    "BM": FindingTag.POLICY,
    "TF": FindingTag.HAZARD,
}
TICKET_VISIT_NOTE = "入户走访发现问题，已转工单。"
# What each demo team does, in the order app/demo/community.py writes the teams.
TEAM_ACTIVITIES = (
    ("夜间平安巡逻", "节日安全巡逻", "反诈宣传"),
    ("独居老人探访", "代买代办", "义务理发"),
    ("楼道清理", "垃圾分类督导", "小广告清理"),
    ("法律咨询进社区", "邻里纠纷调解", "普法宣传"),
)


def seed_demo_work(session: Session, seed: int, compound_grid_id: int, now: datetime) -> None:
    rng = random.Random(seed + 20)
    visits = session.execute(select(Visit.id, Visit.person_id).order_by(Visit.id)).all()
    if not visits:
        return
    session.execute(
        update(Visit.__table__)
        .where(Visit.__table__.c.id == bindparam("visit_id"))
        .values(people_met=bindparam("met")),
        [{"visit_id": v.id, "met": rng.choice((1, 1, 2, 2, 2, 3, 4))} for v in visits],
    )
    rows = [
        {"visit_id": v.id, "tag": tag.value, "text": text, "ticket_id": None}
        for v in visits
        if rng.random() < FINDING_SHARE
        for tag, text in [rng.choice(FINDINGS)]
    ]
    rows += _ticket_findings(session, rng, [v.person_id for v in visits])
    if rows:
        insert_returning_ids(session, VisitFinding, rows)
    _votes(session, rng, compound_grid_id, now)
    _volunteering(session, rng, now)
    _attendance(session, rng, compound_grid_id)
    seed_self_governance(session, rng, compound_grid_id, now)


def _ticket_findings(session: Session, rng, visitors: list[int]) -> list[dict]:
    """Each home-visit ticket gets the visit that found it, ten minutes before it was opened."""
    tickets = session.execute(
        select(Ticket.id, Ticket.household_id, Ticket.created_at, Ticket.category_code, Ticket.text).where(
            Ticket.source == Source.HOME_VISIT.value, Ticket.household_id.is_not(None)
        )
    ).all()
    if not tickets:
        return []
    visit_ids = insert_returning_ids(
        session,
        Visit,
        [
            {
                "household_id": t.household_id,
                "person_id": rng.choice(visitors),
                "at": t.created_at - timedelta(minutes=10),
                "note": TICKET_VISIT_NOTE,
                "people_met": rng.choice((1, 2, 2, 3)),
            }
            for t in tickets
        ],
    )
    return [
        {
            "visit_id": vid,
            "tag": TAG_OF_GROUP.get(t.category_code[:2], FindingTag.HAZARD).value,
            "text": t.text,
            "ticket_id": t.id,
        }
        for vid, t in zip(visit_ids, tickets, strict=True)
    ]


def _votes(session: Session, rng, compound_grid_id: int, now: datetime) -> None:
    """A counted vote on a lift in one building, and an open one on the compound's parking; they open
    at 08:00 and close at 18:00 Beijing time (00:00 and 10:00 UTC)."""
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    building_grid = session.scalar(
        select(Grid.id).where(Grid.parent_id == compound_grid_id, Grid.level == 4).order_by(Grid.code)
    )
    _vote(
        session,
        rng,
        "是否同意本楼加装电梯（费用按楼层分摊）",
        ("同意", "不同意"),
        building_grid,
        (day - timedelta(days=24), day - timedelta(days=10, hours=-10)),
        Threshold.TWO_THIRDS,
        (0.8, 0.78),
        closed=True,
    )
    _vote(
        session,
        rng,
        "小区东侧空地改建为非机动车充电棚还是停车位",
        ("充电棚", "停车位", "维持现状"),
        compound_grid_id,
        (day - timedelta(days=3), day + timedelta(days=4, hours=10)),
        Threshold.MAJORITY,
        (0.35, 0.6),
        closed=False,
    )


def _vote(session, rng, question, options, grid_id, times, threshold, shares, *, closed: bool) -> None:
    turnout, first_share = shares
    opens_at, closes_at = times
    quorum = 67 if threshold is Threshold.TWO_THIRDS else 50
    households = session.scalars(
        select(Household.id)
        .join(Building, Building.id == Household.building_id)
        .join(Grid, Grid.id == Building.grid_id)
        .where((Grid.id == grid_id) | (Grid.parent_id == grid_id))
        .order_by(Household.id)
    ).all()
    [vote_id] = insert_returning_ids(
        session,
        Vote,
        [
            {
                "question": question,
                "grid_id": grid_id,
                "team_id": None,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "quorum_percent": quorum,
                "threshold": threshold.value,
                "created_at": opens_at,
            }
        ],
    )
    option_ids = insert_returning_ids(
        session,
        VoteOption,
        [{"vote_id": vote_id, "position": p, "text": t} for p, t in enumerate(options, 1)],
    )
    voters = [h for h in households if rng.random() < turnout]
    choices = [1 if rng.random() < first_share else rng.randint(2, len(options)) for _ in voters]
    insert_returning_ids(
        session, Ballot, _ballots(rng, vote_id, voters, [option_ids[c - 1] for c in choices], times)
    )
    if closed:
        result = tally(len(households), list(enumerate(options, 1)), choices, quorum, threshold.value)
        session.execute(
            update(Vote)
            .where(Vote.id == vote_id)
            .values(
                closed_at=closes_at,
                electorate=len(households),
                result=json.dumps(result.as_dict(), ensure_ascii=False),
            )
        )


def _ballots(rng, vote_id: int, voters: list[int], option_ids: list[int], times) -> list[dict]:
    """Paper ballots cast in the vote's first three days, entered by the office two hours later."""
    opens_at, closes_at = times
    span = int((min(closes_at, opens_at + timedelta(days=3)) - opens_at).total_seconds())
    rows = []
    for household_id, option_id in zip(voters, option_ids, strict=True):
        cast = opens_at + timedelta(seconds=rng.randrange(span))
        rows.append(
            {
                "vote_id": vote_id,
                "household_id": household_id,
                "person_id": None,
                "option_id": option_id,
                "cast_at": cast,
                "entered_at": cast + timedelta(hours=2),
                "entered_by": "社区工作人员",
            }
        )
    return rows


def _volunteering(session: Session, rng, now: datetime) -> None:
    """About two activities a month per team, each with three to eight of its members for 1-4 hours."""
    members: dict[int, list[int]] = {}
    for team_id, person_id in session.execute(
        select(VolunteerTeamMember.team_id, VolunteerTeamMember.person_id).order_by(
            VolunteerTeamMember.team_id, VolunteerTeamMember.person_id
        )
    ):
        members.setdefault(team_id, []).append(person_id)
    plan = [
        (team_id, people, TEAM_ACTIVITIES[index % len(TEAM_ACTIVITIES)])
        for index, (team_id, people) in enumerate(sorted(members.items()))
        for _ in range(6)
    ]
    if not plan:
        return
    day = now.replace(hour=1, minute=0, second=0, microsecond=0)  # 09:00 Beijing time
    activity_ids = insert_returning_ids(
        session,
        VolunteerActivity,
        [
            {
                "team_id": team_id,
                "at": day - timedelta(days=rng.randrange(1, 90)),
                "title": rng.choice(titles),
                "note": "",
            }
            for team_id, _people, titles in plan
        ],
    )
    rows = [
        {
            "activity_id": activity_id,
            "person_id": person_id,
            "hours": rng.choice((1.0, 1.5, 2.0, 2.5, 3.0, 4.0)),
        }
        for activity_id, (_team, people, _titles) in zip(activity_ids, plan, strict=True)
        for person_id in rng.sample(people, min(len(people), rng.randint(3, 8)))
    ]
    session.execute(insert(VolunteerHours), rows)


def _attendance(session: Session, rng, compound_grid_id: int) -> None:
    """The compound's meetings had its staff on duty there; now and then one of them was away."""
    staff = session.scalars(
        select(Duty.person_id).where(Duty.grid_id == compound_grid_id).distinct().order_by(Duty.person_id)
    ).all()
    meetings = session.scalars(select(Meeting.id).where(Meeting.grid_id == compound_grid_id)).all()
    if not staff:
        return
    rows = []
    for meeting_id in meetings:
        away = rng.choice(staff) if len(staff) > 1 and rng.random() < 0.3 else None
        rows += [{"meeting_id": meeting_id, "person_id": p, "present": p != away} for p in staff]
    if rows:
        session.execute(insert(MeetingAttendance), rows)
