"""The alarm popup offscreen: on top, loud until acknowledged, stacked by priority, keyboard operable."""

from __future__ import annotations

import sys
import textwrap
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from alarms.models import Outcome, Priority
from alarms.service import AlarmDraft, AlarmService
from app.config import Seat
from app.events import AlarmChanged, Change
from widgets.alarms.popup import AlarmPopup
from widgets.alarms.sound import AlarmSound, CommandPlayer, alarm_wav
from widgets.confirm import ConfirmActDialog

pytestmark = pytest.mark.gui


def sos(site) -> AlarmDraft:
    return AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)


def test_popup_is_a_top_level_window_that_stays_on_top(qtbot, popup, service, site):
    kiosk = QWidget()
    qtbot.addWidget(kiosk)
    kiosk.showFullScreen()  # the wall in kiosk mode
    popup.present(service.raise_alarm(sos(site)))
    assert popup.isWindow() and popup.parent() is None
    assert popup.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert popup.isVisible() and kiosk.isVisible()


def test_household_card_has_everything_to_act_on(qtbot, popup, service, site):
    popup.present(service.raise_alarm(sos(site)))
    text = popup.card.body.text()
    for expected in (
        "郑州市二七区幸福路18号院7号楼2单元301室",
        "张桂芳",
        "84岁" if time.localtime().tm_mon >= 3 else "83岁",
        "独居老人",
        "高血压、行动不便",
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
    assert "紧急呼叫(SOS)" in popup.headline.text()


def test_sound_repeats_until_the_last_alarm_is_acknowledged(qtbot, popup, service, site, speaker):
    first = service.raise_alarm(sos(site))
    second = service.raise_alarm(AlarmDraft("smoke", Priority.P1, "烟雾报警", household_id=site.household_id))
    popup.present(first)
    popup.present(second)
    qtbot.waitUntil(lambda: speaker.plays >= 3, timeout=3000)
    popup.acknowledge_selected()
    assert popup.sound.active  # one is still unacknowledged
    popup.queue.setCurrentRow(1)
    popup.acknowledge_selected()
    assert not popup.sound.active and speaker.stops >= 1
    plays = speaker.plays
    qtbot.wait(200)
    assert speaker.plays == plays


def test_alarms_stack_by_priority_and_none_hides_another(qtbot, popup, service, site):
    p3 = service.raise_alarm(
        AlarmDraft("low_battery", Priority.P3, "传感器电量低", household_id=site.household_id)
    )
    popup.present(p3)
    p1 = service.raise_alarm(sos(site))
    popup.present(p1)
    assert popup.selected().id == p1  # a more urgent alarm takes the screen
    p2 = service.raise_alarm(
        AlarmDraft("inactivity", Priority.P2, "长时间无活动", household_id=site.second_household_id)
    )
    popup.present(p2)
    assert popup.selected().id == p1  # a lesser one only joins the queue
    assert popup.alarm_ids == [p1, p2, p3]
    rows = [popup.queue.item(i) for i in range(popup.queue.count())]
    assert all(popup.queue.visualItemRect(item).height() > 0 for item in rows)
    assert "1单元102室" in rows[1].text()
    assert "3 条" in popup.summary.text()


def test_keyboard_acknowledge_then_false_alarm(qtbot, popup, service, site):
    alarm_id = service.raise_alarm(sos(site))
    popup.present(alarm_id)
    with qtbot.waitActive(popup):  # a popup takes the focus so the keys go to it at once
        popup.activateWindow()
    popup.note.setFocus()
    popup.note.insert("已电话联系")  # (QTest cannot type CJK; the keys that act are what matter)
    qtbot.keyClick(popup.note, Qt.Key.Key_Return)
    view = service.get(alarm_id)
    assert (view.state, view.ack_note) == ("acknowledged", "已电话联系")
    popup.note.insert("老人误按")
    qtbot.keyClick(popup.note, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # the 误报(&F) mnemonic
    qtbot.waitUntil(lambda: popup.findChild(ConfirmActDialog) is not None, timeout=2000)
    confirm = popup.findChild(ConfirmActDialog)
    assert service.get(alarm_id).state == "acknowledged"  # nothing happens before the confirmation
    assert confirm.reason() == "老人误按"  # the note typed so far is the reason offered
    confirm.act_button.click()
    qtbot.waitUntil(lambda: service.get(alarm_id).state == "handled", timeout=2000)
    assert (service.get(alarm_id).outcome, service.get(alarm_id).outcome_note) == (Outcome.FALSE_ALARM, "老人误按")
    assert popup.alarm_ids == [] and not popup.isVisible()
    assert popup.queue.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_unacknowledged_alarms_pop_up_again_after_a_restart(qtbot, sqlite_db, hub, site, speaker):
    before = AlarmService(sqlite_db, hub, Seat("甲", "seat-a"))
    waiting = [before.raise_alarm(sos(site)) for _ in range(3)]
    before.acknowledge(waiting[1])
    handled = before.raise_alarm(sos(site))
    before.close(handled, Outcome.RESOLVED)
    after = AlarmPopup(
        AlarmService(sqlite_db, hub, Seat("甲", "seat-a")), sound=AlarmSound(player=speaker.backend())
    )
    qtbot.addWidget(after)
    after.present_pending()
    assert sorted(after.alarm_ids) == [waiting[0], waiting[2]]
    assert after.isVisible() and after.sound.active


def test_another_seat_handling_an_alarm_takes_it_off_this_stack(qtbot, popup, sqlite_db, hub, service, site):
    alarm_id = service.raise_alarm(sos(site))
    popup.present(alarm_id)
    other_seat = AlarmService(sqlite_db, hub, Seat("乙", "seat-b"))
    other_seat.acknowledge(alarm_id)
    popup.on_change(Change("alarm", (alarm_id,), AlarmChanged("acknowledged")))
    assert popup.selected().acknowledged_by == "乙" and not popup.sound.active
    other_seat.close(alarm_id, Outcome.RESOLVED)
    popup.on_change(Change("alarm", (alarm_id,), AlarmChanged("handled")))
    assert popup.alarm_ids == []


def test_escalate_and_errors_show_in_the_popup(qtbot, popup, service, site):
    alarm_id = service.raise_alarm(sos(site))
    popup.present(alarm_id)
    popup.escalate_selected().reason_edit.setPlainText("无人接听，请社区上门")
    popup.findChild(ConfirmActDialog).act_button.click()
    assert service.get(alarm_id).escalated_at is not None
    assert "已上报" in popup.headline.text()
    assert not popup.dispatch_button.isEnabled()  # no ticket workflow wired into this service
    popup.dispatch_selected()
    assert "工单模块未接入" in popup.error.text()


def test_map_and_camera_hooks_are_hidden_until_wired(qtbot, popup, service, site):
    popup.present(service.raise_alarm(sos(site)))
    assert popup.map_button.isHidden() and popup.camera_button.isHidden()
    shown = []
    popup.set_hooks(
        show_on_map=lambda a: shown.append(("map", a.lon, a.lat)),
        show_camera=lambda a: shown.append(("cam", a.id)),
    )
    assert not popup.map_button.isHidden()
    popup.map_button.click()
    popup.camera_button.click()
    assert shown == [("map", 113.64, 34.72), ("cam", popup.selected().id)]


def test_the_command_line_player_really_plays_the_wav_and_stops(tmp_path):
    """The fallback on machines without QtMultimedia: a real process is started with the WAV file."""
    record = tmp_path / "played.txt"
    player_script = tmp_path / "player.py"
    player_script.write_text(
        textwrap.dedent(
            f"""
            import sys, time, wave
            with wave.open(sys.argv[1]) as w:
                seconds = w.getnframes() / w.getframerate()
            with open({str(record)!r}, "a") as out:
                out.write(f"{{seconds:.2f}}\\n")
            time.sleep(5)
            """
        )
    )
    player = CommandPlayer((sys.executable, str(player_script)), alarm_wav())
    player.play()
    player.play()  # still sounding: not started twice
    deadline = time.monotonic() + 10
    while not record.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    process = player._process
    player.stop()
    process.wait(5)
    assert record.read_text().split() == ["0.90"]


def test_false_alarm_asks_first_and_refuses_an_empty_reason(qtbot, popup, service, site):
    alarm_id = service.raise_alarm(sos(site))
    popup.present(alarm_id)
    confirm = popup.false_alarm_selected()
    assert "将关闭为误报" in confirm.consequence.text() and "紧急呼叫(SOS)" in confirm.consequence.text()
    confirm.act_button.click()  # no reason typed
    assert confirm.isVisible() and confirm.error.text() == "请填写原因，它会记入记录"
    assert service.get(alarm_id).state == "raised"
    confirm.reject()
    assert service.get(alarm_id).state == "raised" and popup.alarm_ids == [alarm_id]  # cancelled: nothing


def test_escalate_cancelled_changes_nothing(qtbot, popup, service, site):
    alarm_id = service.raise_alarm(sos(site))
    popup.present(alarm_id)
    popup.note.setText("邻居说老人外出了")
    confirm = popup.escalate_selected()
    assert confirm.reason() == "邻居说老人外出了" and "上报值班长" in confirm.consequence.text()
    confirm.reject()
    assert service.get(alarm_id).escalated_at is None
    assert popup.note.text() == "邻居说老人外出了"  # the note stays for the next act
