"""The screens name people, not accounts: the audit and the timeline keep the login (unique, what the
chain proves), the person the account belongs to is what a seat shows."""

from __future__ import annotations

from alarms.history import AlarmFilter
from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from app.access.accounts import Accounts
from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from app.models import Person
from runtime.reads import ReadModels
from tests.app.tickets.conftest import IN_G1, build_site, make_desk, open_ticket

PASSWORD = "a-long-password-1"


def test_a_linked_account_is_shown_by_its_persons_name_everywhere(db):
    build_site(db)
    with db.session() as session:
        person = Person(name="王芳", title="值班员")
        session.add(person)
        session.flush()
        person_id = person.id
    local = Accounts(db, Seat())
    local.add("zhibanyuan", "operator", PASSWORD, person_id=person_id)
    local.add("nobody-linked", "operator", PASSWORD)
    user = local.sign_in("zhibanyuan", PASSWORD)
    assert (user.name, user.person_name, user.shown_name) == ("zhibanyuan", "王芳", "王芳")
    unlinked = local.sign_in("nobody-linked", PASSWORD)
    assert unlinked.shown_name == "nobody-linked"  # linked to nobody: the login is all there is
    assert {s.name: s.person_name for s in local.summaries()} == {"zhibanyuan": "王芳", "nobody-linked": None}

    seat = Seat.signed_in(user, "seat-1")
    desk = make_desk(db)
    ticket_id = open_ticket(desk, IN_G1)
    desk.seat = seat
    step = desk.act(ticket_id, "start")["timeline"][-1]
    assert (step["actor"], step["actor_name"]) == ("zhibanyuan", "王芳")

    service = AlarmService(db, EventHub(), seat)
    alarm_id = service.raise_alarm(AlarmDraft("smoke", Priority.P1, "烟感报警"))
    service.acknowledge(alarm_id, note="已电话联系")
    reads = ReadModels(SiteContext(db, EventHub(), seat)).alarms
    assert service.get(alarm_id).acknowledged_by == "zhibanyuan"  # the store keeps the account
    assert reads.person_name("zhibanyuan") == "王芳"
    (row,) = reads.find(AlarmFilter())
    assert row.handler == "王芳"
    assert {step.actor for step in reads.history(alarm_id)} >= {"王芳"}


def test_an_admin_links_an_account_to_a_person_and_can_unlink_it(db):
    with db.session() as session:
        person = Person(name="李建华")
        session.add(person)
        session.flush()
        person_id = person.id
    local = Accounts(db, Seat())
    local.add("zhibanzhang", "supervisor", PASSWORD)
    assert local.update("zhibanzhang", person_id=person_id).person_name == "李建华"
    assert local.update("zhibanzhang", role="operator").person_name == "李建华"  # untouched unless given
    assert local.update("zhibanzhang", person_id=None).person_name is None
