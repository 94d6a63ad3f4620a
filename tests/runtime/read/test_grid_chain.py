"""The grid-chain reader: chains and contacts from a grid tree kept in memory, read again when stale."""

from __future__ import annotations

from app.context import SiteContext
from app.events import Change, EventHub, GridChanged, Topic
from app.models import Duty, DutyRole, Person
from runtime.read.grid_chain import GridChains


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def add_worker(db, grid_id: int, name: str) -> None:
    with db.session() as session:
        person = Person(name=name, phone="13500000000")
        person.duties.append(Duty(grid_id=grid_id, role=DutyRole.MEMBER))
        session.add(person)


def test_chain_and_contacts_of_a_grid(db, alarm_site):
    chains = GridChains(SiteContext(db, EventHub()))
    chain = chains.chain(alarm_site.micro_grid_id)
    assert [link.name for link in chain] == ["淮河路街道", "幸福里社区", "幸福里三区", "7号楼微网格"]
    street = chain[0].grid_id
    assert [(c.name, c.role) for c in chains.contacts(street)] == [
        ("赵建国", "leader"),
        ("钱立新", "county_leader"),
    ]
    assert chains.chain(None) == () and chains.contacts(999_999) == ()


def test_the_tree_is_kept_until_it_is_old_or_the_grids_change(db, alarm_site):
    hub, clock = EventHub(), Clock()
    chains = GridChains(SiteContext(db, hub), max_age_s=300, clock=clock)
    micro = alarm_site.micro_grid_id
    assert [c.name for c in chains.contacts(micro)] == ["吴晓东"]

    add_worker(db, micro, "新网格员")
    clock.now = 299
    assert [c.name for c in chains.contacts(micro)] == ["吴晓东"]  # kept: no query per card
    clock.now = 301
    assert [c.name for c in chains.contacts(micro)] == ["吴晓东", "新网格员"]

    add_worker(db, micro, "又一位")
    hub.publish(Change(Topic.GRID, (micro,), GridChanged(updated=1)))
    assert [c.name for c in chains.contacts(micro)] == ["吴晓东", "新网格员", "又一位"]
