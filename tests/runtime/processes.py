"""Real processes of one site for tests: `serve`, offscreen GUI seats with `--trace-changes`, and this
test process as a seat of its own (a hub relayed to the others) that hears and says what they do."""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import paho.mqtt.publish as publish

from app.events import Change, EventHub
from app.store import Database
from app.store.change_log import ChangeLogRelay
from app.store.relay import ChangeRelay

ROOT = Path(__file__).resolve().parents[2]
BROKER = ("127.0.0.1", 1883)
Line = dict[str, Any]


def broker_up() -> bool:
    try:
        socket.create_connection(BROKER, timeout=1).close()
        return True
    except OSError:
        return False


def mqtt_send(topic: str, payload: dict) -> None:
    """What a Zigbee2MQTT bridge does for a device: one message at QoS 1."""
    publish.single(topic, json.dumps(payload), qos=1, hostname=BROKER[0], port=BROKER[1])


def forget_mqtt_session(client_id: str) -> None:
    """Drop a site dongle's persistent session from the broker (once no process of the test holds it):
    connecting under its id with a clean session ends it, so test runs leave no sessions behind."""
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=True)
    client.connect(*BROKER, keepalive=5)
    client.disconnect()


def wait_until(condition: Callable[[], Any], timeout: float, what: str, every: float = 0.1) -> Any:
    """The condition's first truthy value, or an AssertionError naming what never happened."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


class SiteProcess:
    """One `main.py` process of the site; its output goes to a file the failure message shows."""

    def __init__(self, name: str, args: list[str], folder: Path) -> None:
        self.name = name
        self.output = folder / f"{name}.out"
        # Its own data folder: window settings and logs stay with the test, not the user's.
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONUNBUFFERED": "1",
            "GCC_DATA_DIR": str(folder),
        }
        with self.output.open("wb") as out:
            self.popen = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), *args],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill_hard(self) -> None:
        """kill -9: no clean-up, as a power cut or the OOM killer would leave it."""
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(10)

    def stop(self, timeout: float = 20) -> None:
        if self.alive():
            self.popen.terminate()
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(5)

    def tail(self, lines: int = 30) -> str:
        text = self.output.read_text(encoding="utf-8", errors="replace") if self.output.exists() else ""
        kept = [line for line in text.splitlines() if "This plugin does not support" not in line]
        return f"--- {self.name} (pid {self.pid}) ---\n" + "\n".join(kept[-lines:])


def command(args: list[str], folder: Path) -> str:
    """A one-off command of the site (e.g. `tickets new`) in a process of its own; returns what it printed."""
    env = {**os.environ, "GCC_DATA_DIR": str(folder)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def serve(db_url: str, folder: Path, name: str = "serve") -> SiteProcess:
    args = ["serve", "--db", db_url, "--log", str(folder / f"{name}.log"), "--claim-every", "0.5"]
    return SiteProcess(name, args, folder)


class Seat:
    """A GUI seat (offscreen) that writes every change its views hear to a trace file. A kiosk wall
    needs the site's supervisor PIN set first; a desk signs in as an operator of its own (an account
    added here, its password in a 0600 file, as an unattended seat would)."""

    def __init__(self, db_url: str, folder: Path, name: str, *, kiosk: bool = False) -> None:
        self.trace = folder / f"{name}.trace.jsonl"
        self.trace.touch()
        args = ["gui", "--db", db_url, "--trace-changes", str(self.trace)]
        args += ["--kiosk"] if kiosk else _operator_of(db_url, folder, name)
        if kiosk:
            _set_pin(db_url)
        self.process = SiteProcess(name, args, folder)

    def heard(self) -> list[Line]:
        lines = self.trace.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.endswith("}")]

    def lines(self, topic: str, **fields: Any) -> list[Line]:
        return [line for line in self.heard() if line["topic"] == topic and _matches(line, fields)]


def _set_pin(db_url: str) -> None:
    from app.access.kiosk_pin import KioskPin
    from app.config import Seat as LocalSystem

    db = Database(db_url)
    try:
        KioskPin(db, LocalSystem()).set_pin("258013")
    finally:
        db.dispose()


def _operator_of(db_url: str, folder: Path, name: str) -> list[str]:
    """An operator account for the seat `name` and the command-line options that sign it in."""
    from app.access.accounts import Accounts
    from app.config import Seat as LocalSystem

    db = Database(db_url)
    try:
        Accounts(db, LocalSystem()).add(f"seat-{name}", "operator", "seat-password-1")
    finally:
        db.dispose()
    secret = folder / f"{name}.password"
    secret.write_text("seat-password-1\n", encoding="utf-8")
    secret.chmod(0o600)
    return ["--user", f"seat-{name}", "--password-file", str(secret)]


def _matches(line: Line, fields: dict[str, Any]) -> bool:
    for key, wanted in fields.items():
        if key == "id":
            if wanted not in line["ids"]:
                return False
        elif line.get(key) != wanted:
            return False
    return True


class LocalSeat:
    """This test process as a seat: its own hub, relayed like any process of the site."""

    def __init__(self, db: Database) -> None:
        self.hub = EventHub()
        self._heard: queue.Queue[Change] = queue.Queue()
        self.changes: list[Change] = []
        self.hub.subscribe("*", self._heard.put)
        self.relay = ChangeRelay(db.url, self.hub) if not db.is_sqlite else ChangeLogRelay(db, self.hub)
        self.relay.start()
        assert self.relay.wait_ready(10), "the test seat's relay never got ready"

    def stop(self) -> None:
        self.relay.stop()

    def _drain(self) -> Iterator[Change]:
        while True:
            try:
                change = self._heard.get_nowait()
            except queue.Empty:
                return
            self.changes.append(change)
            yield change

    def heard(self, topic: str, **fields: Any) -> list[Line]:
        """Every change heard so far (from any process, and this one's own) that has these fields."""
        list(self._drain())
        return [
            line
            for line in (change.as_dict() for change in self.changes)
            if line["topic"] == topic and _matches(line, fields)
        ]
