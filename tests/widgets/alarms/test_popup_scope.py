"""A grid worker's popup holds the alarms of their subtree only: another grid's alarm neither pops up,
nor sounds, nor can be acted on from their seat; it stays with the seats that cover it."""

from __future__ import annotations

from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from app.access import User
from app.access.accounts import grid_scope
from app.config import Seat
from app.events import AlarmChanged, Change, EventHub, Topic
from widgets.alarms.popup import AlarmPopup
from widgets.alarms.sound import AlarmSound


def test_a_grid_worker_is_not_popped_another_grids_alarm(qtbot, sqlite_db, site, speaker):
    local = AlarmService(sqlite_db, EventHub(), Seat())
    inside = local.raise_alarm(
        AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
    )
    outside = local.raise_alarm(AlarmDraft("smoke", Priority.P1, "烟感报警"))  # placed in no grid of theirs
    with sqlite_db.session() as session:
        scope = grid_scope(session, site.micro_grid_id)
    worker = Seat.signed_in(User(9, "wangge", "grid_worker", grid_id=site.micro_grid_id, grid_scope=scope))
    popup = AlarmPopup(
        AlarmService(sqlite_db, EventHub(), worker), sound=AlarmSound(player=speaker.backend(), repeat_ms=50)
    )
    qtbot.addWidget(popup)
    popup.on_change(Change(Topic.ALARM, (outside,), AlarmChanged("raised")))
    assert popup.alarm_ids == [] and not popup.isVisible() and speaker.plays == 0
    popup.on_change(Change(Topic.ALARM, (inside, outside), AlarmChanged("raised")))
    assert popup.alarm_ids == [inside]
    popup.hide()
    popup.present_pending()
    popup.show_open()
    assert popup.alarm_ids == [inside]
