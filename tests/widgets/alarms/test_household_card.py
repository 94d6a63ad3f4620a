"""The household card in the alarm popup: everything to act on, the nearest grid first."""

from __future__ import annotations

from datetime import date

import pytest

from app.grid_tree import GridTree
from runtime.read.household import Disclosure, load_household_card
from tests.alarms.site import build_site
from widgets.alarms.household_card import HouseholdCardView

pytestmark = pytest.mark.gui


@pytest.fixture
def card(sqlite_db):
    site = build_site(sqlite_db)
    with sqlite_db.sessions() as session:
        tree = GridTree.load(session)
        return load_household_card(session, site.household_id, tree, date(2026, 11, 28), Disclosure.PHONES)


def test_card_has_everything_to_act_on(qtbot, card):
    view = HouseholdCardView()
    qtbot.addWidget(view)
    view.set_card(card)
    text = view.body.text()
    for expected in (
        "郑州市二七区幸福路18号院7号楼2单元301室",
        "张桂芳",
        "84岁",
        "独居老人",
        "高血压、行动不便",
        "0371-66001234",  # the resident's own phone, to ring
        "张伟(儿子)",
        "13900001111",
        "王志刚",  # paired party member
        "郑海燕",  # volunteer on the micro-grid
        "冯桂兰",  # volunteer team of the compound
        "孙丽华",  # community (level-2) leader
        "13800000002",
        "吴晓东",  # grid worker of the building
    ):
        assert expected in text, expected
    assert text.index("7号楼微网格") < text.index("幸福里社区") < text.index("淮河路街道")


def test_an_alarm_without_a_household_shows_its_place(qtbot):
    view = HouseholdCardView()
    qtbot.addWidget(view)
    view.set_card(None, "紧急呼叫按钮")
    assert "无住户信息" in view.body.text() and "紧急呼叫按钮" in view.body.text()
