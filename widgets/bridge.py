"""The bridge from the core's EventHub to Qt: every `Change` arrives as a signal on the GUI thread.

Core threads (capture workers, serial readers, the scheduler) publish on their own thread; widgets
must only be touched on the GUI thread, so the bridge hops threads with a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.events import Change, EventHub


class _TopicRelay(QObject):
    """Calls a callback for one topic; a child of the receiver, so it dies (and disconnects) with it."""

    def __init__(self, topic: str, callback: Callable[[Change], None], parent: QObject) -> None:
        super().__init__(parent)
        self._topic = topic
        self._callback = callback

    @Slot(object)
    def relay(self, change: Change) -> None:
        if change.topic == self._topic:
            self._callback(change)


class QtBridge(QObject):
    """Re-emits each `Change` published on the hub as `changed(change)` in the bridge's (GUI) thread."""

    changed = Signal(object)
    # Emitted on the publisher's thread; the queued connection delivers it in the bridge's thread.
    _arrived = Signal(object)

    def __init__(self, hub: EventHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        unsubscribe = hub.subscribe("*", self._arrived.emit)
        self._unsubscribe: Callable[[], None] | None = unsubscribe
        # A plain closure: the Python wrapper may already be gone when `destroyed` fires.
        self.destroyed.connect(lambda *_: unsubscribe())

    @Slot(object)
    def _deliver(self, change: Change) -> None:
        self.changed.emit(change)

    def on(self, topic: str, callback: Callable[[Change], None], receiver: QObject) -> None:
        """Call `callback(change)` on the GUI thread for each change of `topic` while `receiver` lives."""
        relay = _TopicRelay(topic, callback, receiver)
        self.changed.connect(relay.relay)

    def close(self) -> None:
        """Stop listening to the hub (the window calls this when it closes)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
