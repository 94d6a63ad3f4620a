"""The alarms dock end to end: a frame on a pseudo-terminal dongle → stored alarm → popup; list; learn mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from alarms.models import Dongle, Outcome, Priority
from alarms.portisch import rf_received
from alarms.values import AlarmDraft
from app.models import Sensor
from tests.alarms.pty_bridge import PtyBridge
from tests.widgets.conftest import ADMIN_SEAT
from video.pool import StreamPool
from widgets.alarms.panel import create_panel
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.site_runtime import SeatRuntime

pytestmark = pytest.mark.gui


@pytest.fixture
def bridge():
    pty = PtyBridge()
    yield pty
    pty.close()


@pytest.fixture
def panel(qtbot, sqlite_db, site, bridge, tmp_path):
    with sqlite_db.session() as session:
        session.add(Dongle(name="RF桥-1", protocol="rf433", address=bridge.port, baud=19200, enabled=True))
    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    context.runtime.options.claim_every_s = 0.2
    seat = SeatRuntime(context, ai=False, pool=lambda _c: StreamPool())
    widget = create_panel(context)
    qtbot.addWidget(widget)
    widget.desk.popup.sound.stop()
    seat.start()  # the site's lead opens the unpinned dongle
    yield widget
    widget.desk.shutdown()
    seat.stop()
    context.bridge.close()


def test_a_button_press_on_the_dongle_pops_up_with_the_household(qtbot, panel, bridge, site):
    status = panel.desk.context.status
    qtbot.waitUntil(lambda: status.indicator("dongle:RF桥-1") is not None, timeout=5000)
    assert status.indicator("dongle:RF桥-1").text == "RF桥-1 已连接"
    bridge.write(rf_received("A1B2C3"))  # the SOS button of 2-301
    popup = panel.desk.popup
    qtbot.waitUntil(lambda: popup.isVisible() and bool(popup.alarm_ids), timeout=5000)
    assert "张桂芳" in popup.card.body.text()
    assert popup.sound.active
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)  # the list follows
    assert panel.model.rows[0].alarm.title == "紧急呼叫(SOS)"
    bridge.close()  # the dongle is pulled out
    qtbot.waitUntil(lambda: status.indicator("dongle:RF桥-1").text == "RF桥-1 断开", timeout=5000)


def test_dispatch_from_the_popup_opens_a_real_ticket(qtbot, panel, site):
    from app.tickets.models import Ticket

    service = panel.desk.service
    alarm_id = service.raise_alarm(
        AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
    )
    popup = panel.desk.popup
    qtbot.waitUntil(lambda: alarm_id in popup.alarm_ids, timeout=3000)
    popup.note.setText("派网格员吴晓东上门")
    confirm = popup.dispatch_selected()
    said = confirm.consequence.text()
    assert "分类：" in said and "（LR02）" in said  # an SOS becomes 紧急呼叫跟进
    assert "派往：" in said and "承办人" in said and "时限：" in said
    with service.db.session() as session:
        assert session.query(Ticket).count() == 0  # a preview writes nothing
    confirm.reject()
    assert service.get(alarm_id).state == "raised"  # cancelled: no ticket, the alarm waits
    confirm = popup.dispatch_selected()
    assert confirm.reason() == "派网格员吴晓东上门"
    confirm.act_button.click()
    view = service.get(alarm_id)
    assert (view.state, view.outcome) == ("handled", Outcome.TICKET)
    with service.db.session() as session:
        ticket = session.get(Ticket, view.ticket_id)
        assert ticket is not None and ticket.household_id == site.household_id


def test_filters_and_history(qtbot, panel, site):
    assert panel.reads is panel.desk.context.reads.alarms  # the site's one alarm reader, not a session
    service = panel.desk.service
    sos = service.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id))
    low = service.raise_alarm(
        AlarmDraft("low_battery", Priority.P3, "传感器电量低", household_id=site.household_id)
    )
    service.acknowledge(low, note="已通知家属更换电池")
    service.close(low, Outcome.RESOLVED, note="电池已更换")
    panel.refresh()
    assert panel.model.rowCount() == 2
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("open"))
    panel.refresh()
    assert [r.alarm.id for r in panel.model.rows] == [sos]
    panel.state_filter.setCurrentIndex(0)
    panel.priority_filter.setCurrentIndex(panel.priority_filter.findData(3))
    panel.refresh()
    assert [r.alarm.id for r in panel.model.rows] == [low]
    assert panel.model.rows[0].address.endswith("2单元301室")
    panel.table.selectRow(0)
    history = panel.history.toPlainText()
    for step in (
        "告警产生",
        "确认",
        "已通知家属更换电池",
        "处置",
        "已解决",
        "电池已更换",
        service.seat.operator,
    ):
        assert step in history
    panel.priority_filter.setCurrentIndex(0)
    panel.text_filter.setText("烟雾")
    panel.refresh()
    assert panel.model.rowCount() == 0


def test_learn_mode_binds_a_code_pressed_on_the_dongle(qtbot, panel, bridge, site, sqlite_db):
    dialog = panel.learn()
    qtbot.addWidget(dialog)
    readers = panel.desk.context.runtime.station.readers
    qtbot.waitUntil(lambda: bool(readers) and readers[0].connected.is_set(), timeout=5000)
    bridge.write(rf_received("C0FFEE"))
    qtbot.waitUntil(lambda: dialog.codes.count() >= 1, timeout=5000)
    assert "C0FFEE" in dialog.codes.currentItem().text()
    dialog.household_search.setText("102")
    assert dialog.household.count() == 1
    dialog.kind.setCurrentIndex(dialog.kind.findData("pir"))
    dialog.bind_selected()
    assert "已绑定" in dialog.message.text()
    with sqlite_db.session() as session:
        sensor = session.scalar(select(Sensor).where(Sensor.device_code == "C0FFEE"))
        assert (sensor.kind, sensor.household_id) == ("pir", site.second_household_id)
    dialog.reject()
    assert panel.desk.ingest._learner is None


def test_the_popup_goes_with_the_panel_and_the_readers_with_the_runtime(
    qtbot, sqlite_db, site, bridge, tmp_path
):
    with sqlite_db.session() as session:
        session.add(Dongle(name="RF桥-2", protocol="rf433", address=bridge.port))
    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    context.runtime.options.claim_every_s = 0.2
    panel = create_panel(context)
    popup, station = panel.desk.popup, context.runtime.station
    context.runtime.start()
    qtbot.waitUntil(lambda: bool(station.readers) and station.readers[0].connected.is_set(), timeout=5000)
    bridge.write(rf_received("A1B2C3"))
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    assert not popup.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)  # never keeps the app running
    reader = station.readers[0]
    panel.deleteLater()
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=5000)
    assert not popup.sound.active and reader.is_alive()  # the site keeps listening without the panel
    context.runtime.stop()
    assert not reader.is_alive()
    context.bridge.close()
