"""The desk asks the permission table: who may act, record for others, and in which grids."""

import json

import pytest
from sqlalchemy import select

from app.access import User
from app.config import Seat
from app.models import AuditEntry
from app.tickets.errors import NotPermitted
from tests.app.tickets.conftest import IN_G1, IN_G2, make_desk, open_ticket


def desk_for(db, user: User):
    desk = make_desk(db)
    desk.seat = Seat.signed_in(user, "seat1")
    return desk


def test_an_operator_cannot_approve_as_a_leader_but_a_supervisor_records_it_under_their_own_name(db, site):
    tid = open_ticket(make_desk(db), IN_G1)
    make_desk(db).act(tid, "request_extension", duration="1d", reason="需协调物业")
    operator = desk_for(db, User(7, "intern", "operator"))
    with pytest.raises(NotPermitted, match="record_for_others"):
        operator.act(tid, "approve", actor_id=site.people["李社区"])
    supervisor = desk_for(db, User(8, "值班长老周", "supervisor"))
    ticket = supervisor.act(tid, "approve", actor_id=site.people["李社区"])
    assert ticket["extensions"] == 1 and ticket["timeline"][-1]["actor"] == "值班长老周"
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.approve")).one()
    assert entry.actor == "值班长老周" and json.loads(entry.detail)["approver_id"] == site.people["李社区"]


def test_a_leader_with_an_account_approves_as_themselves(db, site):
    tid = open_ticket(make_desk(db), IN_G1)
    make_desk(db).act(tid, "request_extension", duration="1d", reason="需协调物业")
    leader = desk_for(db, User(9, "李社区", "grid_worker", person_id=site.people["李社区"]))
    assert leader.act(tid, "approve")["extensions"] == 1


def test_a_grid_worker_acts_in_their_subtree_only(db, site):
    mine, theirs = open_ticket(make_desk(db), IN_G1), open_ticket(make_desk(db), IN_G2)
    g1 = site.grids["G1"]
    worker = desk_for(db, User(10, "钱网格员", "grid_worker", grid_id=g1, grid_scope=frozenset({g1})))
    assert worker.act(mine, "start")["state"] == "in_progress"
    with pytest.raises(NotPermitted):
        worker.act(theirs, "start")


def test_the_wall_account_can_neither_open_nor_act(db, site):
    tid = open_ticket(make_desk(db), IN_G1)
    wall = desk_for(db, User(11, "大屏", "wall"))
    with pytest.raises(NotPermitted):
        wall.act(tid, "start")
    with pytest.raises(NotPermitted):
        open_ticket(wall, IN_G1)
