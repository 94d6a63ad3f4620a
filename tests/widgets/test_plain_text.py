"""What residents and operators typed is shown as plain text: `<img src=file:///etc/passwd>` and
`<b>x</b>` through the household cards, the alarm popup and the ticket detail."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import update

from alarms.models import Priority
from alarms.values import AlarmDraft
from app.models import Grid, Household, Person, Resident
from app.privacy.roster_cipher import RosterCipher
from runtime.read.household import (
    ChainLink,
    Contact,
    HouseholdCard,
    Member,
    ResidentRow,
    SearchQuery,
    VisitLine,
)
from runtime.types import DutyRole
from tests.widgets.alarms.conftest import hub, popup, service, site, speaker  # noqa: F401 (fixtures)
from tests.widgets.plain_text import BOLD, IMAGE, markup_leaks, renders_markup, shown_text
from widgets.alarms.household_card import HouseholdCardView
from widgets.households.card import HouseholdCard as RosterCard
from widgets.households.model import COLUMNS as ROSTER_COLUMNS
from widgets.households.model import ResidentSearchModel
from widgets.tickets.detail import TicketDetail

pytestmark = pytest.mark.gui

NAME = f"张{BOLD}三{IMAGE}"


def hostile_card() -> HouseholdCard:
    contact = Contact(NAME, f"138{BOLD}", DutyRole.LEADER)
    member = Member(
        NAME, "女", 84, f"户主{IMAGE}", "410***", f"139{IMAGE}", f"高血压{BOLD}", ("lonely_elderly",)
    )
    return HouseholdCard(
        household_id=1, address=f"幸福路{IMAGE}", building=f"7号楼{BOLD}", lon=113.6, lat=34.7,
        residence_type="resident", emergency_contact=NAME, emergency_phone="139****0000", note=f"备注{IMAGE}",
        members=(member,), pairings=(Contact(NAME, None, "paired_party_member"),), volunteers=(contact,),
        chain=(ChainLink(1, 1, f"街道{BOLD}", "S1", (contact,)),),
        visits=(VisitLine(datetime(2026, 11, 1, 9, 0), NAME, f"走访{IMAGE}"),),
    )  # fmt: skip


def assert_plain(root) -> None:
    assert markup_leaks(root) == []
    shown = shown_text(root)
    assert IMAGE in shown and BOLD in shown  # the strings are there, as typed


def test_the_roster_household_card_shows_names_as_typed(qtbot):
    card = RosterCard()
    qtbot.addWidget(card)
    card.show_household(hostile_card())
    assert_plain(card)


def test_the_alarm_household_card_shows_names_as_typed(qtbot):
    view = HouseholdCardView()
    qtbot.addWidget(view)
    view.set_card(hostile_card())
    assert_plain(view)


def test_the_alarm_popup_shows_names_and_titles_as_typed(qtbot, popup, service, site, sqlite_db):  # noqa: F811
    with sqlite_db.session() as session:
        health = RosterCipher.of_site(session).health_columns(IMAGE)  # sealed at rest, opened on the card
        session.execute(update(Resident).values(name=NAME, **health))
        session.execute(update(Person).values(name=NAME))
        session.execute(update(Grid).values(name=f"网格{BOLD}"))
        session.execute(update(Household).values(note=IMAGE, emergency_contact=NAME))
    draft = AlarmDraft("sos", Priority.P1, f"紧急呼叫{IMAGE}", household_id=site.household_id)
    popup.present(service.raise_alarm(draft))
    qtbot.waitUntil(lambda: NAME in shown_text(popup.card))
    assert_plain(popup)


def test_the_ticket_detail_shows_what_was_reported_as_typed(qtbot):
    detail = TicketDetail()
    qtbot.addWidget(detail)
    event = {
        "action": "note",
        "at": "2026-11-01T09:00",
        "action_zh": "备注",
        "note": IMAGE,
        "actor": "operator1",
        "actor_name": NAME,
        "seat": BOLD,
    }
    detail.show_ticket(
        {
            "id": 7, "revealed": False, "state": "dispatched", "category": {"path": f"市容{BOLD}", "case_type": "事件"},
            "grid_chain": [{"name": f"街道{IMAGE}"}], "assignee": {"name": NAME, "phone": "13800000001"},
            "text": f"路灯不亮{IMAGE}", "source_zh": "电话", "reporter": {"name": NAME, "phone": BOLD},
            "place": {"address": IMAGE}, "level_zh": "三级", "assigned_grid": BOLD, "deadline": None,
            "pending_request": None, "result": IMAGE, "satisfaction": None, "timeline": [event],
        }
    )  # fmt: skip
    assert_plain(detail)


class HostileRoster:
    """A roster reader whose one resident was typed with markup."""

    def search(self, _query, after_id=0, limit=200):
        if after_id:
            return []
        return [ResidentRow(1, 1, NAME, "女", 84, "410***", "139****0000", f"幸福路{IMAGE}", "户主", ())]

    def count(self, _query) -> int:
        return 1


def test_the_roster_lists_tooltip_shows_the_address_as_typed(qtbot):
    from PySide6.QtCore import Qt

    model = ResidentSearchModel(HostileRoster())
    model.search(SearchQuery())
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    column = [key for _title, key in ROSTER_COLUMNS].index("address")
    tooltip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert IMAGE in tooltip.replace("&lt;", "<").replace("&gt;", ">") and not renders_markup(tooltip)
