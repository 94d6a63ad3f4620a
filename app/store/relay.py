"""Tells every seat what changed: local changes go out as PostgreSQL NOTIFY, remote ones come back in.

With several seats on one PostgreSQL server each seat has its own EventHub; this relay joins them, so a
ticket dispatched at one desk turns up in the queues of the others without polling. On SQLite there is
one seat and nothing to relay.
"""

from __future__ import annotations

import json
import logging
import threading

import psycopg
from sqlalchemy.engine import make_url

from app.events import Change, EventHub, new_origin

log = logging.getLogger(__name__)

CHANNEL = "gcc_changes"
# PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; a change touching very many rows is sent
# without its id list and receivers refresh the whole topic.
MAX_PAYLOAD = 7000
RECONNECT_SECONDS = 3.0


def _conninfo(url: str) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def encode(change: Change, origin: str) -> str:
    """The change as JSON, stamped with this relay's origin (ids dropped if it would not fit)."""
    data = {**change.as_dict(), "origin": origin}
    payload = json.dumps(data, ensure_ascii=False, default=str)
    if len(payload.encode()) >= MAX_PAYLOAD:
        payload = json.dumps({**data, "ids": [], "truncated": True}, ensure_ascii=False, default=str)
    return payload


def decode(payload: str) -> Change:
    return Change.from_dict(json.loads(payload))


class ChangeRelay:
    """Relays one seat's EventHub to and from the other seats of a PostgreSQL site."""

    def __init__(self, url: str, hub: EventHub) -> None:
        self.conninfo = _conninfo(url)
        self.hub = hub
        self.origin = new_origin()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._send_lock = threading.Lock()
        self._sender: psycopg.Connection | None = None
        self._unsubscribe = None
        self._listener = threading.Thread(target=self._listen, name="change-relay", daemon=True)

    def start(self, *, listen: bool = True) -> None:
        """Send this hub's changes; with `listen`, also publish the other seats' changes on it."""
        self._unsubscribe = self.hub.subscribe("*", self._send)
        if listen:
            self._listener.start()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """True once the listener is connected and hears NOTIFYs."""
        return self._ready.wait(timeout)

    def stop(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
        self._stop.set()
        if self._listener.is_alive():
            self._listener.join(timeout=5)
        with self._send_lock:
            if self._sender is not None:
                self._sender.close()
                self._sender = None

    def _send(self, change: Change) -> None:
        if change.origin is not None:
            return  # from another seat: heard everywhere already
        payload = encode(change, self.origin)
        with self._send_lock:
            for attempt in range(2):  # one reconnect: the server may have restarted since the last change
                try:
                    if self._sender is None or self._sender.closed:
                        self._sender = psycopg.connect(self.conninfo, autocommit=True)
                    self._sender.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
                    return
                except psycopg.OperationalError:
                    self._sender = None
                    if attempt:
                        log.warning("could not tell the other seats about %s", change.topic)

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._ready.set()
                    while not self._stop.is_set():
                        for notify in connection.notifies(timeout=0.5):
                            self._receive(notify.payload)
            except psycopg.OperationalError as error:
                self._ready.clear()
                log.warning("change relay lost the database (%s); retrying", error)
                self._stop.wait(RECONNECT_SECONDS)

    def _receive(self, payload: str) -> None:
        try:
            change = decode(payload)
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed change notice: %.80s", payload)
            return
        if change.origin != self.origin:
            self.hub.publish(change)
