"""`sensors decode/listen` and `alarms list`: the alarm area's command line."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from alarms.broker_login import set_broker_login
from alarms.care_settings import CareRulesError, read_rules, save_rules
from alarms.ingest import SENSOR_KINDS, IngestError, SensorIngest
from alarms.models import Alarm, AlarmState, Dongle, HeardCode
from alarms.portisch import Frame, PortischDecoder
from alarms.rf_bridge import RfBridgeReader
from alarms.sensor_event import SensorEvent
from alarms.service import AlarmService
from alarms.station import this_host
from alarms.values import AlarmView
from alarms.zigbee import Zigbee2MqttListener
from app.access import Permission
from app.cli import CommandError
from app.commands.db import open_database
from app.events import EventHub
from app.site_clock import clock_in
from app.store import Database


def register(subparsers: argparse._SubParsersAction) -> None:
    _register_sensors(subparsers)
    _register_alarms(subparsers)


def _register_sensors(subparsers: argparse._SubParsersAction) -> None:
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
    dongles = sensors_sub.add_parser("dongles", help="list the configured dongles")
    dongles.set_defaults(handler=_dongles)
    add = sensors_sub.add_parser("add-dongle", help="configure a dongle the app reads at start")
    add.add_argument("name")
    add.add_argument("--protocol", choices=["rf433", "zigbee"], required=True)
    add.add_argument("address", help="serial port (rf433) or MQTT host:port (zigbee)")
    add.add_argument("--base-topic", default="zigbee2mqtt")
    add.add_argument(
        "--username", default=None, help="the broker login of this site (zigbee; see docs/deploy)"
    )
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the broker password from standard input (never on the command line: ps shows it)",
    )
    pinned = add.add_mutually_exclusive_group()
    pinned.add_argument(
        "--host",
        default=None,
        help="the computer whose seat opens it (default: this computer for rf433, none for zigbee)",
    )
    pinned.add_argument(
        "--any-seat",
        action="store_true",
        help="pin it to no computer: the seat running the site scheduler reads it",
    )
    add.set_defaults(handler=_add_dongle, permission=Permission.MANAGE_SITE)
    heard = sensors_sub.add_parser("heard", help="codes heard that no sensor is bound to")
    heard.set_defaults(handler=_heard)
    bind = sensors_sub.add_parser("bind", help="bind a heard code to a household as a sensor")
    bind.add_argument("code", help="6 hex digits (rf433) or the Zigbee2MQTT friendly name")
    bind.add_argument("--protocol", choices=["rf433", "zigbee"], default="rf433")
    bind.add_argument("--kind", choices=list(SENSOR_KINDS), required=True)
    bind.add_argument("--household", type=int, required=True)
    bind.add_argument("--name", default=None)
    bind.add_argument("--closed-code", default=None, help="a door contact's second code (closed)")
    bind.set_defaults(handler=_bind, permission=Permission.EDIT_ROSTER)


def _register_alarms(subparsers: argparse._SubParsersAction) -> None:
    alarms = subparsers.add_parser("alarms", help="告警 alarms")
    alarms_sub = alarms.add_subparsers(dest="alarms_command", required=True)
    listing = alarms_sub.add_parser("list", help="list alarms, newest first")
    listing.add_argument("--json", action="store_true", help="one JSON array")
    listing.add_argument("--state", choices=[s.value for s in AlarmState] + ["active"], default=None)
    listing.add_argument("--limit", type=int, default=200)
    listing.set_defaults(handler=_list, permission=Permission.VIEW_SITE)
    rules = alarms_sub.add_parser("rules", help="show or change one household's care rules (老人关怀)")
    rules.add_argument("household", type=int)
    rules.add_argument("--inactivity-hours", type=float)
    rules.add_argument("--active", help="active window, local time, e.g. 07:00-22:00")
    rules.add_argument("--night", help="night window for door alarms, e.g. 22:00-06:00")
    rules.add_argument("--inactivity", choices=["on", "off"])
    rules.add_argument("--away", choices=["on", "off"])
    rules.add_argument("--night-door", choices=["on", "off"], help="resident at risk: door at night is P2")
    rules.add_argument("--silent-hours", type=float)
    rules.add_argument("--low-battery", type=int, help="percent")
    rules.set_defaults(handler=_rules, permission=Permission.EDIT_ROSTER)


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
    user = args.seat.user
    if user is not None and user.grid_scope is not None:  # a grid worker: their subtree's alarms only
        query = query.where(Alarm.grid_id.in_(user.grid_scope))
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


def _site(args: argparse.Namespace) -> tuple[Database, SensorIngest]:
    db = open_database(args.db)
    return db, SensorIngest(AlarmService(db, EventHub(), args.seat))


def _dongles(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    with db.session() as session:
        for d in session.scalars(select(Dongle).order_by(Dongle.name)):
            _print(
                {
                    "name": d.name,
                    "protocol": d.protocol,
                    "address": d.address,
                    "host": d.host,
                    "enabled": d.enabled,
                    "username": d.mqtt_username,  # the password never leaves the store
                }
            )
    return 0


def dongle_host(protocol: str, host: str | None, any_seat: bool) -> str | None:
    """Where a new dongle is read: a serial dongle on this computer unless told otherwise; a broker
    (reachable from every seat) by whichever seat runs the site scheduler."""
    if any_seat:
        return None
    if host is not None:
        if not host.strip():
            raise CommandError("--host 不能为空 (--host must name a computer; use --any-seat for none)")
        return host.strip()
    return this_host() if protocol == "rf433" else None


def _add_dongle(args: argparse.Namespace) -> int:
    host = dongle_host(args.protocol, args.host, args.any_seat)
    if args.password_stdin and not args.username:
        raise CommandError("--password-stdin 需要 --username (a password needs a user name)")
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
    db = open_database(args.db)
    with db.session() as session:
        if session.scalar(select(Dongle.id).where(Dongle.name == args.name)) is not None:
            raise CommandError(f"接收器 {args.name} 已存在 (a dongle with this name exists)")
        dongle = Dongle(
            name=args.name,
            protocol=args.protocol,
            address=args.address,
            base_topic=args.base_topic,
            host=host,
        )
        session.add(dongle)
        session.flush()
        set_broker_login(session, dongle, args.username, password)
    where = (
        f"由 {host} 上的席位读取 (read by the seat on {host})"
        if host
        else "由运行调度的席位读取 (read by the scheduler seat)"
    )
    print(f"已添加接收器 added dongle {args.name}: {where}")
    return 0


def _heard(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    with db.session() as session:
        clock = clock_in(session)
        for h in session.scalars(select(HeardCode).order_by(HeardCode.last_heard_at.desc())):
            _print(
                {
                    "protocol": h.protocol,
                    "code": h.device_code,
                    "times": h.times,
                    "last": clock.iso(h.last_heard_at),
                }
            )
    return 0


def _bind(args: argparse.Namespace) -> int:
    _db, ingest = _site(args)
    try:
        sensor_id = ingest.bind(
            args.protocol, args.code, args.kind, args.household, args.name, args.closed_code
        )
    except IngestError as error:
        raise CommandError(str(error)) from error
    print(f"已绑定 bound sensor {sensor_id}")
    return 0


def _window(text: str) -> tuple[int, int]:
    try:
        start, end = (datetime.strptime(part.strip(), "%H:%M") for part in text.split("-"))
    except ValueError as error:
        raise CommandError(
            f"时间段格式应为 07:00-22:00 (window must look like 07:00-22:00): {text}"
        ) from error
    return start.hour * 60 + start.minute, end.hour * 60 + end.minute


def _rules(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        rules = read_rules(db, args.household)
        changes: dict[str, object] = {}
        if args.inactivity_hours is not None:
            changes["inactivity_hours"] = args.inactivity_hours
        if args.active:
            changes["active_start_minute"], changes["active_end_minute"] = _window(args.active)
        if args.night:
            changes["night_start_minute"], changes["night_end_minute"] = _window(args.night)
        for flag, name in (
            ("inactivity", "inactivity_enabled"),
            ("away", "away"),
            ("night_door", "night_door_alarm"),
        ):
            if getattr(args, flag) is not None:
                changes[name] = getattr(args, flag) == "on"
        if args.silent_hours is not None:
            changes["silent_hours"] = args.silent_hours
        if args.low_battery is not None:
            changes["low_battery_percent"] = args.low_battery
        if changes:
            rules = save_rules(db, args.seat, args.household, replace(rules, **changes))
    except CareRulesError as error:
        raise CommandError(str(error)) from error
    print(json.dumps({"household_id": args.household, **asdict(rules)}, ensure_ascii=False))
    return 0
