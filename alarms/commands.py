"""`sensors decode/listen` and `alarms list`: the alarm area's command line."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path

from sqlalchemy import select

from alarms.models import Alarm, AlarmState
from alarms.portisch import Frame, PortischDecoder
from alarms.rf_bridge import RfBridgeReader
from alarms.sensor_event import SensorEvent
from alarms.service import AlarmView
from alarms.zigbee import Zigbee2MqttListener
from app.cli import CommandError
from app.commands.db import open_database


def register(subparsers: argparse._SubParsersAction) -> None:
    sensors = subparsers.add_parser("sensors", help="传感器 sensor dongles")
    sensors_sub = sensors.add_subparsers(dest="sensors_command", required=True)
    decode = sensors_sub.add_parser("decode", help="decode a captured byte stream, one JSON line per frame")
    decode.add_argument("file", type=Path)
    decode.add_argument("--protocol", choices=["rf433"], default="rf433")
    decode.set_defaults(handler=_decode)
    listen = sensors_sub.add_parser("listen", help="print live events from a dongle as JSON lines")
    listen.add_argument("port", help="serial port (rf433) or host:port of the MQTT broker (zigbee)")
    listen.add_argument("--protocol", choices=["rf433", "zigbee"], default="rf433")
    listen.add_argument("--base-topic", default="zigbee2mqtt")
    listen.add_argument(
        "--seconds", type=float, default=None, help="stop after this long (default: until Ctrl-C)"
    )
    listen.set_defaults(handler=_listen)

    alarms = subparsers.add_parser("alarms", help="告警 alarms")
    alarms_sub = alarms.add_subparsers(dest="alarms_command", required=True)
    listing = alarms_sub.add_parser("list", help="list alarms, newest first")
    listing.add_argument("--json", action="store_true", help="one JSON array")
    listing.add_argument("--state", choices=[s.value for s in AlarmState] + ["active"], default=None)
    listing.add_argument("--limit", type=int, default=200)
    listing.set_defaults(handler=_list)


def _decode(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise CommandError(f"无法读取文件 cannot read {args.file}: {error.strerror}") from error
    decoder = PortischDecoder()
    for item in [*decoder.feed(data), *decoder.flush()]:
        print(json.dumps(item.as_dict(), ensure_ascii=False))
    return 0


def _print(record: dict) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def _listen(args: argparse.Namespace) -> int:
    done = threading.Event()

    def state(name: str, connected: bool, detail: str) -> None:
        _print(
            {
                "dongle": name,
                "state": "已连接 connected" if connected else "断开 disconnected",
                "detail": detail,
            }
        )

    def event(item: SensorEvent) -> None:
        _print(item.as_dict())

    if args.protocol == "rf433":
        if not Path(args.port).exists():
            print(
                f"提示 note: {args.port} 尚不存在，等待插入 (waiting for the port to appear)", file=sys.stderr
            )

        def frame(item: object) -> None:
            if not isinstance(item, Frame):
                _print(item.as_dict())  # what was skipped, so a bad cable is visible

        reader = RfBridgeReader("cli", args.port, event, state, on_frame=frame)
        reader.start()
        stop = reader.stop
    else:
        host, _, port = args.port.rpartition(":")
        listener = Zigbee2MqttListener(
            "cli",
            host or "127.0.0.1",
            int(port or 1883),
            event,
            on_availability=lambda device, online: _print({"device": device, "online": online}),
            on_state=state,
            base_topic=args.base_topic,
        )
        listener.start()
        stop = listener.stop
    try:
        done.wait(args.seconds)
    finally:
        stop()
    return 0


def _list(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    query = select(Alarm).order_by(Alarm.raised_at.desc(), Alarm.id.desc()).limit(args.limit)
    if args.state == "active":
        query = query.where(Alarm.state != AlarmState.HANDLED)
    elif args.state:
        query = query.where(Alarm.state == args.state)
    with db.session() as session:
        views = [AlarmView.of(row) for row in session.scalars(query)]
    if args.json:
        print(json.dumps([v.as_dict() for v in views], ensure_ascii=False, indent=1))
        return 0
    for v in views:
        print(f"{v.id:>6}  P{v.priority}  {v.state:<12}  {v.raised_at:%Y-%m-%d %H:%M:%S}  {v.title}")
    return 0
