"""The household card and the grid chain, read by queries and from the GridTree alike."""

from __future__ import annotations

from datetime import date

import pytest

from alarms.grid_chain import grid_chain
from alarms.household_card import household_addresses, load_household_card, search_households
from app.grid_tree import GridTree


@pytest.fixture
def db(sqlite_db):
    return sqlite_db


def test_card_reads_people_contacts_and_chain(sqlite_db, site):
    with sqlite_db.session() as session:
        card = load_household_card(session, site.household_id, today=date(2026, 11, 28))
    assert card.address == "郑州市二七区幸福路18号院7号楼2单元301室"
    (elder,) = card.residents
    assert (elder.name, elder.age, elder.tags, elder.health_note) == (
        "张桂芳",
        84,
        ("独居老人",),
        "高血压、行动不便",
    )
    assert elder.is_elderly
    assert (card.emergency_contact, card.emergency_phone) == ("张伟(儿子)", "13900001111")
    assert [c.name for c in card.party_members] == ["王志刚"]
    assert [c.name for c in card.volunteers] == [
        "郑海燕",
        "冯桂兰",
    ]  # the building's first, then the compound's
    assert [(link.level, [c.name for c in link.leaders]) for link in card.chain] == [
        (4, ["吴晓东"]),
        (3, ["李秀梅"]),
        (2, ["孙丽华"]),
        (1, ["赵建国", "钱立新"]),
    ]


def test_the_tree_gives_the_same_chain_as_the_queries(sqlite_db, site):
    with sqlite_db.session() as session:
        tree = GridTree.load(session)
        assert grid_chain(session, site.micro_grid_id, tree) == grid_chain(session, site.micro_grid_id)
        with_tree = load_household_card(session, site.household_id, today=date(2026, 11, 28), tree=tree)
        assert with_tree == load_household_card(session, site.household_id, today=date(2026, 11, 28))
        assert grid_chain(session, None) == []


def test_addresses_and_search(sqlite_db, site):
    with sqlite_db.session() as session:
        assert household_addresses(session, {site.second_household_id}) == {
            site.second_household_id: "郑州市二七区幸福路18号院7号楼1单元102室"
        }
        assert search_households(session, "张桂芳") == [
            (site.household_id, "郑州市二七区幸福路18号院7号楼2单元301室")
        ]
        assert len(search_households(session, "幸福路")) == 2
