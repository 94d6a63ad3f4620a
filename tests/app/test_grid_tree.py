"""The grid tree loaded from the store: lookups, ancestry, subtrees, leaders."""

from __future__ import annotations

import numpy as np
import pytest

from app.grid_import import import_grids
from app.grid_tree import GridTree
from app.models import Duty, DutyRole, Person
from tests.grid_map import sample


def load_sample_tree(db, tmp_path) -> GridTree:
    """The sample tree with a street leader, its county leader and a compound member."""
    import_grids(db, sample.write(tmp_path / "grids.geojson", sample.collection()))
    with db.session() as session:
        tree = GridTree.load(session)
        street, compound = tree.get(sample.STREET), tree.get(sample.WEST_SOUTH)
        leader = Person(name="王建国", phone="13800001234")
        member = Person(name="李娜", phone="13900005678")
        county = Person(name="赵志强", phone="13700009999")
        session.add_all([leader, member, county])
        session.flush()
        session.add_all(
            [
                Duty(person_id=leader.id, grid_id=street.id, role=DutyRole.LEADER),
                Duty(person_id=county.id, grid_id=street.id, role=DutyRole.COUNTY_LEADER),
                Duty(person_id=member.id, grid_id=compound.id, role=DutyRole.MEMBER),
            ]
        )
    with db.session() as session:
        return GridTree.load(session)


@pytest.fixture
def tree(sqlite_db, tmp_path) -> GridTree:
    return load_sample_tree(sqlite_db, tmp_path)


def test_loads_grids_and_duties_on_both_back_ends(db, tmp_path):
    tree = load_sample_tree(db, tmp_path)
    assert len(tree) == len(sample.TREE) and [n.code for n in tree.roots()] == [sample.STREET]
    assert tree.leader_of(tree.get(sample.STREET).id).name == "王建国"
    assert [n.code for n in tree.locate(113.615, 34.715)] == [sample.STREET, sample.EAST, sample.EAST_NORTH]


def test_locate_returns_nodes_from_street_to_building(tree):
    chain = tree.locate(113.6022, 34.7021)
    assert [n.code for n in chain] == [sample.STREET, sample.WEST, sample.WEST_SOUTH, sample.BUILDING_1]
    assert chain[-1].level_name == "微网格(楼栋)" and chain[0].parent_id is None
    assert tree.locate(114.0, 34.7) == []


def test_ancestors_children_and_subtree(tree):
    building = tree.get(sample.BUILDING_2)
    assert [n.code for n in tree.ancestors(building.id)] == [sample.STREET, sample.WEST, sample.WEST_SOUTH]
    assert tree.ancestors(tree.get(sample.STREET).id) == []
    west = tree.get(sample.WEST)
    assert [n.code for n in tree.children(west.id)] == [sample.WEST_SOUTH, sample.WEST_NORTH]
    subtree = {tree.node(i).code for i in tree.subtree_ids(west.id)}
    assert subtree == {
        sample.WEST,
        sample.WEST_SOUTH,
        sample.WEST_NORTH,
        sample.BUILDING_1,
        sample.BUILDING_2,
    }
    assert len(tree.subtree_ids(tree.get(sample.STREET).id)) == len(sample.TREE)
    assert tree.get("no-such-code") is None and len(tree) == len(sample.TREE)


def test_leaders_and_duties(tree):
    street, compound = tree.get(sample.STREET), tree.get(sample.WEST_SOUTH)
    leader = tree.leader_of(street.id)
    assert (leader.name, leader.phone, leader.role_name) == ("王建国", "13800001234", "网格长")
    assert tree.leader_of(compound.id) is None
    assert tree.nearest_leader(compound.id).name == "王建国"
    assert [d.name for d in tree.duties(street.id)] == ["赵志强", "王建国"]
    assert [d.name for d in tree.duties(compound.id, [DutyRole.MEMBER])] == ["李娜"]


def test_batch_locate_gives_grid_ids(tree):
    ids = tree.locate_ids(np.array([113.6022, 113.615, 114.0]), np.array([34.7021, 34.715, 34.7]))
    assert ids.tolist() == [tree.get(sample.BUILDING_1).id, tree.get(sample.EAST_NORTH).id, -1]


def test_empty_store_gives_an_empty_tree(sqlite_db):
    with sqlite_db.session() as session:
        tree = GridTree.load(session)
    assert len(tree) == 0 and tree.locate(113.6, 34.7) == [] and tree.roots() == []
