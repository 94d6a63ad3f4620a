"""The grid chain and its contacts, read by queries and from the GridTree alike."""

from __future__ import annotations

from alarms.grid_chain import PAIRED_PARTY_MEMBER, Contact, chain_from_tree, grid_chain, supervisors
from app.grid_tree import GridTree
from app.models import Duty, DutyRole, Person


def test_chain_runs_from_the_street_down_with_whom_to_call(db, site):
    with db.sessions() as session:
        chain = grid_chain(session, site.micro_grid_id)
    assert [(link.level, link.name) for link in chain] == [
        (1, "淮河路街道"),
        (2, "幸福里社区"),
        (3, "幸福里三区"),
        (4, "7号楼微网格"),
    ]
    assert [[(c.role, c.name) for c in link.contacts] for link in chain] == [
        [("leader", "赵建国"), ("county_leader", "钱立新")],
        [("leader", "孙丽华")],  # the supervisor and the volunteer are not in the chain
        [("leader", "李秀梅")],
        [("member", "吴晓东")],
    ]
    assert chain[0].contacts[1].role_zh == "包联县级领导"


def test_contacts_come_leader_first_then_police_then_grid_workers(db, site):
    with db.session() as session:
        community = grid_chain(session, site.micro_grid_id)[1].grid_id
        for name, role in (("马伟", DutyRole.MEMBER), ("黄敏", DutyRole.POLICE), ("陈刚", DutyRole.MEMBER)):
            person = Person(name=name, phone="13500000000")
            person.duties.append(Duty(grid_id=community, role=role))
            session.add(person)
    with db.sessions() as session:
        by_query = grid_chain(session, site.micro_grid_id)
        by_tree = chain_from_tree(GridTree.load(session), site.micro_grid_id)
    assert [c.name for c in by_query[1].contacts] == ["孙丽华", "黄敏", "马伟", "陈刚"]
    assert by_tree == by_query


def test_the_tree_gives_the_same_chain_as_the_queries(db, site):
    with db.sessions() as session:
        tree = GridTree.load(session)
        assert chain_from_tree(tree, site.micro_grid_id) == grid_chain(session, site.micro_grid_id)
        assert grid_chain(session, None) == () == chain_from_tree(tree, None)
        assert grid_chain(session, 999_999) == () == chain_from_tree(tree, 999_999)


def test_supervisors_along_the_chain_or_else_all_of_them(db, site):
    with db.sessions() as session:
        ids = [link.grid_id for link in grid_chain(session, site.micro_grid_id)]
        assert supervisors(session, ids) == [Contact("周文斌", "13800000008", DutyRole.SUPERVISOR)]
        assert supervisors(session, []) == supervisors(session, ids)


def test_a_paired_party_member_is_named_as_such():
    assert Contact("王志刚", None, PAIRED_PARTY_MEMBER).role_zh == "联户党员"
