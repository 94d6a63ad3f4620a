"""The shipped broker set-up (docs/deploy/mosquitto.conf and mosquitto.acl) on a Mosquitto of the test's own:
only Zigbee2MQTT's user can raise a sensor event at the site; an intruder on the broker cannot, anonymous
clients are turned away, and the site's own login can read but not publish device states."""

from __future__ import annotations

import getpass
import json
import queue
import re
import shutil
import subprocess
import time
from pathlib import Path

import paho.mqtt.publish as publish
import pytest

from alarms.sensor_event import SensorEvent
from alarms.zigbee import Zigbee2MqttListener
from tests.video.servers import free_port

DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy"
USERS = {"zigbee2mqtt": "z2m-secret", "gcc-site": "site-secret", "intruder": "intruder-secret"}

pytestmark = pytest.mark.skipif(
    not (shutil.which("mosquitto") or Path("/usr/sbin/mosquitto").exists())
    or not shutil.which("mosquitto_passwd"),
    reason="mosquitto and mosquitto_passwd are not installed",
)


def _site_conf(folder: Path, port: int) -> Path:
    """The shipped configuration with this test's files and port in place of /etc/mosquitto's and 1883."""
    text = (DEPLOY / "mosquitto.conf").read_text()
    text = text.replace("/etc/mosquitto/gcc.passwd", str(folder / "gcc.passwd"))
    text = text.replace("/etc/mosquitto/gcc.acl", str(DEPLOY / "mosquitto.acl"))
    text = re.sub(r"^listener 1883$", f"listener {port} 127.0.0.1", text, flags=re.M)
    text = re.sub(r"^persistence true$", "persistence false", text, flags=re.M)
    # Started as root, Mosquitto drops to the user "mosquitto", who cannot read the test's own folder.
    text += f"\nuser {getpass.getuser()}\n"
    assert f"listener {port}" in text and str(folder / "gcc.passwd") in text
    conf = folder / "mosquitto.conf"
    conf.write_text(text)
    return conf


@pytest.fixture
def broker(tmp_path):
    passwd = tmp_path / "gcc.passwd"
    for index, (user, password) in enumerate(USERS.items()):
        create = ["-c"] if index == 0 else []
        subprocess.run(["mosquitto_passwd", *create, "-b", str(passwd), user, password], check=True)
    passwd.chmod(0o600)
    port = free_port()
    binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
    process = subprocess.Popen(
        [binary, "-c", str(_site_conf(tmp_path, port))], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            publish.single("probe", "x", hostname="127.0.0.1", port=port, auth=_auth("intruder"))
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("Mosquitto did not start: " + process.communicate()[0].decode(errors="replace"))
            time.sleep(0.1)
    try:
        yield port
    finally:
        process.terminate()
        process.communicate(timeout=5)


def _auth(user: str) -> dict:
    return {"username": user, "password": USERS[user]}


def _listen(port: int, user: str | None) -> tuple[Zigbee2MqttListener, queue.Queue, queue.Queue]:
    events: queue.Queue = queue.Queue()
    states: queue.Queue = queue.Queue()
    listener = Zigbee2MqttListener(
        "网关",
        "127.0.0.1",
        port,
        events.put,
        on_state=lambda name, connected, _detail: states.put(connected),
        username=user,
        password=USERS.get(user or ""),
    )
    listener.start()
    return listener, events, states


def _press(port: int, user: str) -> None:
    body = json.dumps({"action": "sos", "battery": 90})
    publish.single(
        "zigbee2mqtt/一键报警 3-502", body, qos=1, hostname="127.0.0.1", port=port, auth=_auth(user)
    )


def test_only_zigbee2mqtt_raises_what_the_site_reads(broker):
    listener, events, states = _listen(broker, "gcc-site")
    try:
        assert states.get(timeout=5) is True
        _press(broker, "intruder")  # logged in, but the ACL gives it nothing under zigbee2mqtt/
        _press(broker, "gcc-site")  # the site's own login may read device states, never publish them
        with pytest.raises(queue.Empty):
            events.get(timeout=2)
        _press(broker, "zigbee2mqtt")
        event = events.get(timeout=5)
        assert isinstance(event, SensorEvent) and event.device_code == "一键报警 3-502"
        assert event.readings["action"] == "sos"
    finally:
        listener.stop()


def test_an_anonymous_client_is_turned_away(broker):
    listener, _events, states = _listen(broker, None)
    try:
        assert states.get(timeout=5) is False  # not authorised: reported, and retried, never connected
    finally:
        listener.stop()
    with pytest.raises(Exception):  # noqa: B017 (paho raises its own errors for a refused connect)
        publish.single("zigbee2mqtt/一键报警 3-502", "{}", hostname="127.0.0.1", port=broker)
