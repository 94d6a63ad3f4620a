"""An AI event is acknowledged from its list, audited, together with the alarm it raised or fell into."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from alarms.models import Alarm, AlarmState
from alarms.service import AlarmService
from app.models import AuditEntry
from runtime.ai_alarms import AiAlarms, acknowledge_event, event_acknowledgement
from tests.video.ai.clips import background
from tests.widgets.ai.shots import save_shot
from video.ai.config import EventSettings
from video.ai.events import AiEventRecorder, EventDraft
from widgets.ai.event_list import create_panel

pytestmark = pytest.mark.gui


@pytest.fixture
def raising(shell, ai_site):
    """AI events recorded on the shell's hub, raising their alarms as the running application does."""
    alarms = AiAlarms(shell.hub, AlarmService(shell.db, shell.hub, shell.seat))
    alarms.start()
    recorder = AiEventRecorder(ai_site.db, shell.hub, EventSettings())
    camera = ai_site.cameras["东门入口"]
    yield lambda kind, track: recorder.record(EventDraft(kind, camera, track), background(), None)
    alarms.stop()


def _select(view, event_id: int) -> None:
    number = next(n for n, row in enumerate(view.model.rows) if row.event_id == event_id)
    view.table.selectRow(number)


def test_acknowledging_a_stranger_acknowledges_the_alarm_it_fell_into(qtbot, shell, raising):
    first, second = (
        raising("stranger", 1),
        raising("stranger", 2),
    )  # the second is absorbed by the first's alarm
    alarm_id = event_acknowledgement(shell.db, first).alarm_id
    assert alarm_id is not None and event_acknowledgement(shell.db, second).alarm_id == alarm_id

    view = create_panel(shell)
    qtbot.addWidget(view)
    view.refresh()
    _select(view, second)
    assert view.acknowledge_button.isEnabled() and f"#{alarm_id} 待确认" in view.facts.text()
    view.acknowledge_button.click()

    done = event_acknowledgement(shell.db, second)
    assert done.acknowledged_at is not None and done.acknowledged_by == shell.seat.operator
    assert done.alarm_state == AlarmState.ACKNOWLEDGED
    assert not view.acknowledge_button.isEnabled() and f"#{alarm_id} 已确认" in view.facts.text()
    # the first stranger fell into the same alarm: acknowledged with it, not waiting in the list again
    with_alarm = event_acknowledgement(shell.db, first)
    assert with_alarm.acknowledged_at is None and with_alarm.through_alarm and with_alarm.is_acknowledged
    assert with_alarm.alarm_acknowledged_by == shell.seat.operator
    view.resize(760, 640)
    save_shot(view, "event_list_acknowledged")
    with shell.db.session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id.in_((second, alarm_id)))
        )
        assert {"ai_event.acknowledge", "alarm.acknowledge"} <= set(actions)


def test_a_second_acknowledgement_keeps_the_first_and_an_unmasked_face_has_no_alarm(shell, raising):
    event = raising("no_mask", 3)
    service = AlarmService(shell.db, shell.hub, shell.seat)
    first = acknowledge_event(service, event)
    assert first.alarm_id is None and first.acknowledged_at is not None
    again = acknowledge_event(service, event)
    assert again.acknowledged_at == first.acknowledged_at
    with shell.db.session() as session:
        assert session.scalar(select(Alarm.id).where(Alarm.kind == "no_mask")) is None


def test_a_watch_list_hit_acknowledged_at_the_alarm_popup_shows_so_in_the_list(qtbot, shell, raising):
    event = raising("watchlist_hit", 4)
    alarm_id = event_acknowledgement(shell.db, event).alarm_id
    view = create_panel(shell)
    qtbot.addWidget(view)
    view.refresh()
    _select(view, event)
    AlarmService(shell.db, shell.hub, shell.seat).acknowledge(alarm_id)  # at the popup
    qtbot.waitUntil(lambda: f"#{alarm_id} 已确认" in view.facts.text(), timeout=5_000)  # through the bridge
    assert (
        not view.acknowledge_button.isEnabled()
    )  # seen at the popup: not the operator's to acknowledge again
    assert "随告警确认" in view.facts.text() and shell.seat.operator in view.facts.text()
    view.resize(760, 640)
    save_shot(view, "event_list_acknowledged_with_alarm")


def test_an_event_that_is_gone_is_refused_in_words(shell):
    from alarms.service import AlarmError

    with pytest.raises(AlarmError, match="不存在"):
        acknowledge_event(AlarmService(shell.db, shell.hub, shell.seat), 999_999)


def test_an_alarm_taken_on_elsewhere_meanwhile_does_not_fail_the_acknowledgement(shell, raising, monkeypatch):
    event = raising("watchlist_hit", 5)
    service = AlarmService(shell.db, shell.hub, shell.seat)
    alarm_id = event_acknowledgement(shell.db, event).alarm_id
    acknowledge = service.acknowledge

    def other_seat_first(alarm, **kwargs):
        acknowledge(alarm)  # another seat, between our reading the alarm and acknowledging it
        return acknowledge(alarm, **kwargs)

    monkeypatch.setattr(service, "acknowledge", other_seat_first)
    done = acknowledge_event(service, event)
    assert done.acknowledged_at is not None and done.alarm_id == alarm_id
    assert done.alarm_state == AlarmState.ACKNOWLEDGED


def test_an_alarm_handled_at_once_counts_as_acknowledging_its_events(shell, raising):
    from alarms.models import Outcome

    event = raising("zone", 6)
    alarm_id = event_acknowledgement(shell.db, event).alarm_id
    AlarmService(shell.db, shell.hub, shell.seat).close(alarm_id, Outcome.FALSE_ALARM, "误报")
    done = event_acknowledgement(shell.db, event)
    assert done.alarm_state == AlarmState.HANDLED and done.through_alarm


def test_an_alarm_acknowledged_before_a_stranger_came_did_not_show_it(shell, ai_site):
    alarms = AiAlarms(shell.hub, AlarmService(shell.db, shell.hub, shell.seat))
    recorder = AiEventRecorder(ai_site.db, shell.hub, EventSettings())
    camera = ai_site.cameras["东门入口"]
    alarms.start()
    first = recorder.record(EventDraft("stranger", camera, 7), background(), None)
    alarm_id = event_acknowledgement(shell.db, first).alarm_id
    AlarmService(shell.db, shell.hub, shell.seat).acknowledge(alarm_id)
    alarms.stop()  # the next stranger raises no alarm of its own (say the alarm could not be raised)
    later = recorder.record(EventDraft("stranger", camera, 8), background(), None)
    after = event_acknowledgement(shell.db, later)
    assert after.alarm_id == alarm_id and not after.is_acknowledged  # still waiting for someone
