"""`sensors decode`, `sensors listen` and `alarms list --json`, run as the user runs them."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alarms.models import Priority
from alarms.portisch import rf_received
from alarms.service import AlarmService
from alarms.values import AlarmDraft
from app.config import Seat
from app.events import EventHub
from tests.alarms.pty_bridge import PtyBridge

pytestmark = pytest.mark.slow  # each test starts the program: a few seconds apiece

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(sqlite_db):
    """The program is run on the SQLite file (the store's PostgreSQL side is covered in test_service)."""
    return sqlite_db


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def test_decode_prints_frames_and_what_was_skipped(tmp_path):
    capture = tmp_path / "bridge.bin"
    capture.write_bytes(b"\x13\x37" + rf_received("A1B2C3") + rf_received("55AA55") + b"\xaa\xa4")
    result = run("sensors", "decode", "--protocol", "rf433", str(capture))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0] == {"skipped": "13 37", "offset": 0, "reason": "garbage"}
    assert [line.get("code") for line in lines[1:3]] == ["A1B2C3", "55AA55"]
    assert lines[3] == {"skipped": "AA A4", "offset": 26, "reason": "gap"}


def test_decode_of_a_missing_file_says_so_in_plain_words(tmp_path):
    result = run("sensors", "decode", str(tmp_path / "nope.bin"))
    assert result.returncode != 0
    assert "无法读取文件" in result.stderr and "Traceback" not in result.stderr


def test_listen_prints_live_events_from_the_port():
    bridge = PtyBridge()
    try:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "sensors", "listen", bridge.port, "--seconds", "3"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        state = json.loads(process.stdout.readline())
        assert state["state"].startswith("已连接")
        bridge.write(b"\x00" + rf_received("ABCDEF"))
        time.sleep(0.2)
        out, err = process.communicate(timeout=20)
        records = [json.loads(line) for line in out.splitlines()]
        assert {"skipped": "00", "offset": 0, "reason": "garbage"} in records
        assert [r["device"] for r in records if "device" in r] == ["ABCDEF"]
        assert process.returncode == 0, err
    finally:
        bridge.close()


def test_alarms_list_json(sqlite_db, tmp_path, cli_user):
    service = AlarmService(sqlite_db, EventHub(), Seat("值班员", "seat"))
    first = service.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)"))
    second = service.raise_alarm(AlarmDraft("low_battery", Priority.P3, "传感器电量低"))
    service.acknowledge(second, note="已通知物业")
    url = sqlite_db.url
    sqlite_db.dispose()
    cli_user(url)
    result = run("alarms", "list", "--json", "--db", url)
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [(a["id"], a["state"], a["title"]) for a in listed] == [
        (second, "acknowledged", "传感器电量低"),
        (first, "raised", "紧急呼叫(SOS)"),
    ]
    active = json.loads(run("alarms", "list", "--json", "--state", "raised", "--db", url).stdout)
    assert [a["id"] for a in active] == [first]


def test_dongles_binding_and_rules_from_the_command_line(sqlite_db, site, cli_user):
    url = sqlite_db.url
    sqlite_db.dispose()
    cli_user(url)
    assert (
        run("sensors", "add-dongle", "RF桥-1", "--protocol", "rf433", "/dev/ttyUSB0", "--db", url).returncode
        == 0
    )
    again = run("sensors", "add-dongle", "RF桥-1", "--protocol", "rf433", "/dev/ttyUSB1", "--db", url)
    assert again.returncode != 0 and "已存在" in again.stderr
    for extra in (
        ("网关", "--protocol", "zigbee", "127.0.0.1:1883"),
        ("RF桥-2", "--protocol", "rf433", "/dev/ttyUSB0", "--host", "seat-2"),
        ("RF桥-3", "--protocol", "rf433", "/dev/ttyUSB1", "--any-seat"),
    ):
        assert run("sensors", "add-dongle", *extra, "--db", url).returncode == 0
    empty = run(
        "sensors", "add-dongle", "RF桥-4", "--protocol", "rf433", "/dev/x", "--host", " ", "--db", url
    )
    assert empty.returncode != 0 and "--host" in empty.stderr
    listed = [json.loads(line) for line in run("sensors", "dongles", "--db", url).stdout.splitlines()]
    assert [(d["name"], d["protocol"], d["address"], d["host"]) for d in listed] == [
        ("RF桥-1", "rf433", "/dev/ttyUSB0", socket.gethostname()),  # a serial dongle: this computer's
        ("RF桥-2", "rf433", "/dev/ttyUSB0", "seat-2"),
        ("RF桥-3", "rf433", "/dev/ttyUSB1", None),
        ("网关", "zigbee", "127.0.0.1:1883", None),  # a broker: the scheduler seat reads it
    ]
    bound = run(
        "sensors",
        "bind",
        "abcdef",
        "--kind",
        "door",
        "--household",
        str(site.household_id),
        "--closed-code",
        "abcde0",
        "--db",
        url,
    )
    assert bound.returncode == 0, bound.stderr
    rules = run(
        "alarms",
        "rules",
        str(site.household_id),
        "--inactivity-hours",
        "10",
        "--active",
        "06:30-21:00",
        "--night-door",
        "on",
        "--db",
        url,
    )
    shown = json.loads(rules.stdout)
    assert (shown["inactivity_hours"], shown["active_start_minute"], shown["night_door_alarm"]) == (
        10.0,
        390,
        True,
    )
    bad = run("alarms", "rules", str(site.household_id), "--active", "morning", "--db", url)
    assert bad.returncode != 0 and "07:00-22:00" in bad.stderr
