"""The kiosk wall's alarm overlay offscreen: P1/P2 cover the wall until acknowledged here (supervisor PIN)
or at any other seat; stored ones show at start-up; P3 never covers it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from alarms.service import AlarmService
from alarms.values import AlarmDraft
from app.access.kiosk_pin import DEMO_PIN, KioskPin
from app.access.lockout import FREE_ATTEMPTS
from app.config import Seat
from app.events import Change, EventHub
from app.models.audit import AuditEntry
from runtime.types import AlarmState, Priority
from widgets.alarms.sound import AlarmSound
from widgets.alarms.wall_alert import ACK_NOTE
from widgets.alarms.wall_card import KIND_ZH, SOURCE_ZH
from widgets.i18n import I18N_DIR, TsTranslator, read_ts
from widgets.kiosk import KioskWindow
from widgets.shell_context import ShellSettings, build_shell_context

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),  # offscreen platform limits (raise)
]


@pytest.fixture
def context(qapp, sqlite_db, site, tmp_path):
    from widgets.theme import apply_theme

    apply_theme(qapp)
    shell = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"))
    yield shell
    shell.bridge.close()


@pytest.fixture
def here(context) -> AlarmService:
    """This seat's alarm service, on the kiosk's own hub (the site's dongles raise through it)."""
    return AlarmService(context.db, context.hub, context.seat)


@pytest.fixture
def other_seat(context) -> AlarmService:
    """Another operator's seat: its own hub, its changes relayed to the kiosk's as PostgreSQL would."""
    hub = EventHub()
    hub.subscribe("*", lambda c: context.hub.publish(Change(c.topic, c.ids, c.payload, origin="seat-2")))
    return AlarmService(context.db, hub, Seat("值班员小李", "seat-2"))


@pytest.fixture
def open_kiosk(qtbot, context, speaker):
    windows: list[KioskWindow] = []  # held here: qtbot only keeps a weak reference

    def start() -> KioskWindow:
        pins = KioskPin(context.db, context.seat)
        pins.ensure_demo_pin()
        sound = AlarmSound(player=speaker.backend(), repeat_ms=50)
        window = KioskWindow(context, view="stats", pins=pins, alarm_sound=sound)
        qtbot.addWidget(window)
        window.show_on_screen(0)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: not window.alarm_overlay.jobs.busy())
        windows.append(window)
        return window

    return start


def sos(site) -> AlarmDraft:
    return AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)


def night_door(site) -> AlarmDraft:
    return AlarmDraft("door_night", Priority.P2, "夜间开门(重点关注老人)", household_id=site.household_id)


def test_a_p1_raised_while_the_wall_is_up_covers_it_and_sounds(qtbot, open_kiosk, here, site, speaker):
    kiosk = open_kiosk()
    overlay = kiosk.alarm_overlay
    assert overlay.isHidden() and speaker.plays == 0
    alarm_id = here.raise_alarm(sos(site))
    qtbot.waitUntil(overlay.isVisible)
    assert overlay.geometry() == kiosk.rect()  # the whole screen, status bar included
    assert overlay.shown.id == alarm_id
    card = overlay.card
    assert card.title.text() == "紧急呼叫(SOS)"
    assert card.kind.text().startswith("P1  ·  紧急呼叫")
    assert card.address.text() == "郑州市二七区幸福路18号院7号楼2单元301室"
    assert "幸福里社区 › 幸福里三区 › 7号楼微网格" in card.grid.text()
    raised = here.get(alarm_id).raised_at
    beijing = (raised + timedelta(hours=8)).strftime("%m-%d %H:%M:%S")  # the site's zone, not the machine's
    assert card.raised.text() == f"报警时间 {beijing}"
    assert card.elapsed.text().startswith("已过去")
    assert card.waiting.text() == "没有其他待确认的告警"
    assert "一级告警" in overlay.band.text()
    qtbot.waitUntil(lambda: speaker.plays >= 2)  # repeats until acknowledged


def test_acknowledged_at_another_seat_it_goes_away_and_falls_silent(
    qtbot, open_kiosk, here, other_seat, site, speaker
):
    kiosk = open_kiosk()
    overlay = kiosk.alarm_overlay
    alarm_id = here.raise_alarm(sos(site))
    qtbot.waitUntil(overlay.isVisible)
    other_seat.acknowledge(alarm_id, note="已电话联系")
    qtbot.waitUntil(overlay.isHidden)
    assert not overlay.sound.active and speaker.stops >= 1
    assert kiosk.isVisible()  # the wall again


def test_raised_at_another_seat_it_appears_and_the_count_grows(qtbot, open_kiosk, here, other_seat, site):
    kiosk = open_kiosk()
    overlay = kiosk.alarm_overlay
    door = other_seat.raise_alarm(night_door(site))
    qtbot.waitUntil(overlay.isVisible)
    assert overlay.shown.id == door and "二级告警" in overlay.band.text()
    urgent = here.raise_alarm(sos(site))
    qtbot.waitUntil(lambda: overlay.shown.id == urgent)  # the more urgent one takes the screen
    assert overlay.card.waiting.text() == "另有 1 条告警等待确认"
    assert "夜间开门(重点关注老人)" in overlay.card.next_alarms.text()


def test_a_wrong_pin_does_not_acknowledge_the_right_one_does(qtbot, open_kiosk, here, site, sqlite_db):
    kiosk = open_kiosk()
    overlay = kiosk.alarm_overlay
    alarm_id = here.raise_alarm(sos(site))
    qtbot.waitUntil(overlay.isVisible)
    overlay.ack_button.click()
    assert overlay.pin_row.isVisible() and overlay.pin_edit.hasFocus()
    qtbot.keyClicks(overlay.pin_edit, "9999")
    overlay.confirm_with_pin()
    qtbot.waitUntil(lambda: overlay.error.text() == "密码错误，告警未确认")
    assert overlay.pin_edit.text() == ""
    assert here.get(alarm_id).state == AlarmState.RAISED and overlay.isVisible()
    qtbot.keyClicks(overlay.pin_edit, DEMO_PIN)
    overlay.confirm_with_pin()
    qtbot.waitUntil(overlay.isHidden)
    acknowledged = here.get(alarm_id)
    assert acknowledged.state == AlarmState.ACKNOWLEDGED and acknowledged.ack_note == ACK_NOTE
    with sqlite_db.session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "alarm", AuditEntry.entity_id == alarm_id)
        ).all()
    assert "alarm.acknowledge" in actions


def test_guessing_the_pin_on_the_wall_locks_out(qtbot, open_kiosk, here, site):
    kiosk = open_kiosk()
    overlay = kiosk.alarm_overlay
    alarm_id = here.raise_alarm(sos(site))
    qtbot.waitUntil(overlay.isVisible)
    overlay.ask_for_pin()
    for _ in range(FREE_ATTEMPTS):
        overlay.pin_edit.setText("0000")
        overlay.confirm_with_pin()
        qtbot.waitUntil(lambda: overlay.pin_edit.text() == "")  # each try answered before the next
    overlay.pin_edit.setText(DEMO_PIN)  # even the right PIN waits out the lockout
    overlay.confirm_with_pin()
    qtbot.waitUntil(lambda: overlay.pin_edit.text() == "")
    assert overlay.error.text().startswith("错误次数过多")
    assert here.get(alarm_id).state == AlarmState.RAISED


def test_start_up_shows_the_stored_ones_most_urgent_first(qtbot, open_kiosk, here, site):
    door = here.raise_alarm(night_door(site))
    first_sos = here.raise_alarm(sos(site))
    second_sos = here.raise_alarm(sos(site))
    overlay = open_kiosk().alarm_overlay
    assert overlay.isVisible()
    assert [a.id for a in overlay.alarms] == [first_sos, second_sos, door]
    assert overlay.card.waiting.text() == "另有 2 条告警等待确认"
    overlay.ask_for_pin()
    overlay.pin_edit.setText(DEMO_PIN)
    overlay.confirm_with_pin()
    qtbot.waitUntil(lambda: overlay.shown.id == second_sos)  # the next one as soon as the PIN is checked


def test_p3_and_lower_never_cover_the_wall(qtbot, open_kiosk, here, site, speaker):
    overlay = open_kiosk().alarm_overlay
    with qtbot.waitSignal(overlay.updated):
        here.raise_alarm(
            AlarmDraft("low_battery", Priority.P3, "传感器电量低", household_id=site.household_id)
        )
    assert overlay.isHidden() and overlay.alarms == [] and speaker.plays == 0


def test_a_more_urgent_alarm_while_the_pin_is_typed_asks_again(qtbot, open_kiosk, here, site):
    overlay = open_kiosk().alarm_overlay
    here.raise_alarm(night_door(site))
    qtbot.waitUntil(overlay.isVisible)
    overlay.ask_for_pin()
    overlay.pin_edit.setText("12")
    urgent = here.raise_alarm(sos(site))
    qtbot.waitUntil(lambda: overlay.shown.id == urgent)
    assert overlay.pin_edit.text() == "" and "已变更" in overlay.error.text()


def test_the_time_ago_ticks(qtbot, open_kiosk, here, site):
    overlay = open_kiosk().alarm_overlay
    raised_at = datetime.now(UTC).replace(tzinfo=None) - timedelta(minutes=3, seconds=7)
    AlarmService(here.db, here.hub, here.seat, clock=lambda: raised_at).raise_alarm(sos(site))
    qtbot.waitUntil(overlay.isVisible)
    first = overlay.card.elapsed.text()
    assert re.fullmatch(r"已过去 3分\d\d秒", first), first
    qtbot.waitUntil(lambda: overlay.card.elapsed.text() != first, timeout=3000)
    assert re.fullmatch(r"已过去 3分\d\d秒", overlay.card.elapsed.text())


def test_leaving_the_kiosk_silences_it(qtbot, open_kiosk, here, site):
    kiosk = open_kiosk()
    here.raise_alarm(sos(site))
    qtbot.waitUntil(kiosk.alarm_overlay.isVisible)
    kiosk._leave()
    assert not kiosk.alarm_overlay.sound.active and not kiosk.isVisible()


def test_the_overlay_speaks_english(qtbot, qapp, open_kiosk, here, site):
    overlay = open_kiosk().alarm_overlay
    here.raise_alarm(sos(site))
    qtbot.waitUntil(overlay.isVisible)
    translator = TsTranslator("en")
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: overlay.ack_button.text() == "Acknowledge (supervisor PIN)")
        assert "PRIORITY 1 ALARM" in overlay.band.text()
        assert overlay.card.kind.text().startswith("P1  ·  Emergency call")
        assert overlay.card.waiting.text() == "No other alarm is waiting"
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: overlay.ack_button.text() == "确认告警（需值班长密码）")


def test_every_kind_and_source_the_card_names_has_english():
    english = read_ts(I18N_DIR / "en" / "alarms.ts")
    for text in [*KIND_ZH.values(), *SOURCE_ZH.values()]:
        assert ("WallAlarmCard", text) in english, text
