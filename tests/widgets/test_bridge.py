"""The bridge hands core changes to the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread

from app.events import AlarmChanged, Change, EventHub, TicketChanged
from widgets.bridge import QtBridge

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def test_change_published_on_a_worker_thread_arrives_on_the_gui_thread(qtbot, qapp):
    hub = EventHub()
    bridge = QtBridge(hub)
    received: list[tuple[Change, QThread]] = []
    bridge.changed.connect(lambda change: received.append((change, QThread.currentThread())))
    worker = threading.Thread(target=hub.publish, args=(Change("ticket", (7,), TicketChanged("opened")),))
    with qtbot.waitSignal(bridge.changed, timeout=2000):
        worker.start()
        worker.join()
    ((change, thread),) = received
    assert (change.topic, change.ids, change.payload) == ("ticket", (7,), TicketChanged("opened"))
    assert thread is qapp.thread()
    bridge.close()


def test_topic_callbacks_and_unsubscribe(qtbot):
    hub = EventHub()
    bridge = QtBridge(hub)
    receiver = QObject()
    tickets: list[Change] = []
    bridge.on("ticket", tickets.append, receiver)
    with qtbot.waitSignals([bridge.changed, bridge.changed], timeout=2000):
        hub.publish(Change("alarm", (1,), AlarmChanged("raised")))
        hub.publish(Change("ticket", (2,), TicketChanged("opened")))
    assert [c.ids for c in tickets] == [(2,)]
    bridge.close()
    with qtbot.assertNotEmitted(bridge.changed, wait=100):
        hub.publish(Change("ticket", (3,), TicketChanged("opened")))
    assert len(tickets) == 1
