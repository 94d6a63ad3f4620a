"""A small thread-safe publish/subscribe hub for "what changed" notices from the core.

The core publishes after it has committed; views subscribe (the widgets bridge turns notices into Qt
signals on the GUI thread). Handlers must be quick: they run on the publisher's thread.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """What changed: a topic such as "ticket" or "alarm", the ids touched, and optional details.

    `origin` is None for a change made in this process, else the id of the seat process it came from
    (relayed over PostgreSQL NOTIFY), so relays never send a change back where it came from.
    """

    topic: str
    ids: tuple[int, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None


Handler = Callable[[Change], None]


class EventHub:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: dict[str, list[Handler]] = defaultdict(list)

    def subscribe(self, topic: str, handler: Handler) -> Callable[[], None]:
        """Listen to one topic ("*" for all); returns a function that unsubscribes."""
        with self._lock:
            self._handlers[topic].append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers[topic]:
                    self._handlers[topic].remove(handler)

        return unsubscribe

    def publish(self, change: Change) -> None:
        with self._lock:
            handlers = [*self._handlers.get(change.topic, ()), *self._handlers.get("*", ())]
        for handler in handlers:
            try:
                handler(change)
            except Exception:  # one broken view must not stop the others from hearing about it
                log.exception("handler for %s failed", change.topic)
